"""/events/: the events list and search (issue 14, item 3), its export links (item 2), the menu (item 10) and the
articles that gave no event on the dashboard and articles list (item 9)."""

import csv
import datetime
import io
import json
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.web.conftest import make_article, make_event

pytestmark = pytest.mark.django_db
LIST_QUERIES = 9  # session, user, groups; page ids, capped count, their rows; actors, reports, claims summary


def ids(response) -> list[int]:
    return [event["id"] for event in response.context["events"]]


@pytest.fixture
def events(db):
    day = datetime.date(2024, 7, 1)
    made = {
        "gao": make_event(
            status="approved",
            location_name="Gao",
            admin1="Gao",
            start_date=day,
            end_date=day,
            notes="Clash at the market",
            actors=[("JNIM", "side_a")],
        ),
        "kidal": make_event(
            status="approved",
            start_date=day.replace(day=5),
            end_date=day.replace(day=5),
            event_type="Violence against civilians",
            sub_event_type="Attack",
        ),
        "niger": make_event(
            status="approved",
            country="NE",
            admin1="Tillaberi",
            location_name="Ayorou",
            start_date=day.replace(day=9),
            end_date=day.replace(day=9),
        ),
        "draft": make_event(
            status="draft", location_name="Menaka", start_date=day.replace(day=3), end_date=day.replace(day=3)
        ),
    }
    return made


def test_the_list_shows_approved_events_newest_first_linking_to_each(client, analyst, events):
    response = client.get("/events/")
    assert response.status_code == 200
    assert ids(response) == [events["niger"].id, events["kidal"].id, events["gao"].id]
    html = response.content.decode()
    assert f'href="/events/{events["gao"].id}/"' in html and "approved only" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=ne", ["niger"]),
        ("admin1=gao", ["gao"]),
        ("event_type=Violence+against+civilians", ["kidal"]),
        ("sub_event_type=Attack", ["kidal"]),
        ("actor=JNIM", ["gao"]),
        ("q=market", ["gao"]),
        ("q=Ayorou", ["niger"]),
        ("date_from=2024-07-04&date_to=2024-07-06", ["kidal"]),
        ("status=draft", ["draft"]),
        ("status=approved,draft&country=ML&sort=date", ["gao", "draft", "kidal"]),
    ],
)
def test_the_filters_are_the_apis(client, analyst, events, query, expected):
    response = client.get(f"/events/?{query}")
    assert ids(response) == [events[name].id for name in expected]


def test_readers_never_list_drafts_whatever_they_ask(client, user_factory, events):
    client.force_login(user_factory("reader"))
    response = client.get("/events/?status=draft")
    assert events["draft"].id not in ids(response) and "status" not in response.context["form"].fields


def test_a_bad_filter_is_shown_with_its_error_and_left_out(client, analyst, events):
    response = client.get("/events/?country=Mali&date_from=2024-07-10&date_to=2024-07-01")
    assert response.context["form"].errors.keys() == {"country", "date_to"}
    assert len(ids(response)) == 0  # date_from stays: nothing starts after 10 July


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("date", ["gao", "kidal", "niger"]),
        ("-country", ["niger", "kidal", "gao"]),
        ("type", ["gao", "niger", "kidal"]),
        ("-fatalities", ["kidal", "gao", "niger"]),
        ("fatalities", ["gao", "kidal", "niger"]),
        ("-updated", ["niger", "kidal", "gao"]),
    ],
)
def test_the_columns_sort(client, analyst, events, sort, expected):
    from events.models import Event

    Event.objects.filter(id=events["kidal"].id).update(fatalities_best=12)
    Event.objects.filter(id=events["gao"].id).update(fatalities_best=3)
    response = client.get(f"/events/?sort={sort}")
    assert ids(response) == [events[name].id for name in expected]


def test_sort_links_keep_the_filters_and_pages_keep_filters_and_sort(client, analyst, events):
    for day in range(60):
        date = datetime.date(2023, 1, 1) + datetime.timedelta(days=day)
        make_event(status="approved", start_date=date, end_date=date)
    response = client.get("/events/?country=ML&sort=-date")
    sorts = response.context["sorts"]
    assert parse_qs(urlsplit(sorts["date"]["url"]).query) == {"country": ["ML"], "sort": ["date"]}
    assert sorts["date"]["state"] == "descending" and sorts["country"]["state"] == "none"
    html = response.content.decode()
    assert "?country=ML&amp;sort=-date&amp;page=2" in html
    second = client.get("/events/?country=ML&sort=-date&page=2")
    assert len(ids(response)) == 50 and len(ids(second)) == 62 - 50
    assert not set(ids(response)) & set(ids(second))


def test_the_list_makes_a_fixed_number_of_queries(client, analyst, django_assert_max_num_queries):
    article = make_article("The army said it killed 5.")
    for day in range(60):
        date = datetime.date(2024, 1, 1) + datetime.timedelta(days=day)
        make_event(
            status="approved",
            start_date=date,
            end_date=date,
            articles=[article],
            actors=[("JNIM", "side_a"), ("Military Forces of Mali", "side_b")],
            claims=[{"article": article, "claimant": "JNIM", "kind": "killed", "count_min": 5}],
        )
    with django_assert_max_num_queries(LIST_QUERIES):
        response = client.get("/events/?q=a&sort=-fatalities")
    assert len(ids(response)) == 50


def test_the_export_links_carry_the_filters_approved_unless_drafts_are_asked_for(client, analyst, events):
    response = client.get("/events/?country=ML&q=market&date_from=2024-07-01")
    links = {link["format"]: link["url"] for link in response.context["exports"]}
    assert set(links) == {"csv", "geojson", "json"}
    query = parse_qs(urlsplit(links["csv"]).query)
    assert query == {
        "format": ["csv"],
        "status": ["approved"],
        "country": ["ML"],
        "q": ["market"],
        "date_from": ["2024-07-01"],
    }
    drafts = client.get("/events/?status=approved,draft")
    assert "status=approved%2Cdraft" in drafts.context["exports"][0]["url"]


def test_the_csv_export_holds_exactly_the_listed_events(client, analyst, events):
    listed = client.get("/events/?country=ML&status=approved,draft")
    url = listed.context["exports"][0]["url"]
    body = b"".join(client.get(url).streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert sorted(int(row["event_id_cnty"][3:]) for row in rows) == sorted(ids(listed))
    geojson = json.loads(client.get(listed.context["exports"][1]["url"]).content)
    assert sorted(feature["id"] for feature in geojson["features"]) == sorted(ids(listed))


def test_the_map_offers_the_exports_of_its_filters(client, reviewer, events):
    response = client.get("/map/?country=NE")
    html = response.content.decode()
    assert "/api/v1/events/?status=approved&amp;country=NE&amp;format=csv" in html
    assert (
        "/api/v1/events/?status=approved%2Cdraft&amp;country=NE&amp;format=csv"
        in client.get("/map/?country=NE&drafts=on").content.decode()
    )


def test_the_menu_links_the_events_list_the_api_docs_and_the_token_page(client, analyst):
    html = client.get("/").content.decode()
    assert 'href="/events/"' in html and 'href="/api/v1/docs/"' in html and 'href="/account/token/"' in html


def test_articles_that_gave_no_event_are_listed_with_their_reason(client, reviewer):
    quiet = make_article("The council met to discuss the budget.", title="Budget meeting", spans=[])
    placeless = make_article(
        "JNIM said it killed 5 soldiers.",
        title="Placeless claim",
        spans=[{"kind": "actor", "start": 0, "end": 4, "label": "JNIM", "event_id": None}],
    )
    spanish = make_article(
        "Texto en español.", title="Artículo", status="unsupported", error="No parser for Spanish yet."
    )
    reported = make_article("Rebels attacked Gao.", title="Reported")
    make_event(articles=[reported])
    dashboard = client.get("/").content.decode()
    start = dashboard.index('id="articles-without-events"')
    section = dashboard[start : dashboard.index("</section>", start)]
    for title in ("Budget meeting", "Placeless claim"):
        assert title in section
    assert "Reported" not in section and "Artículo" not in section  # it has the languages' section
    assert "Not a conflict report" in section and "No place found" in section
    languages = dashboard[dashboard.index('id="unsupported-languages"') :]
    assert "Artículo" in languages and "No parser for Spanish yet." in languages
    listing = client.get("/articles/").content.decode()
    assert "No event: Not a conflict report" in listing and "No event: No place found" in listing
    assert quiet.id and placeless.id and spanish.id
