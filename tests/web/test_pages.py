"""The web app through Django's test client: who may open what, and what each form does."""

import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from events.models import Claim, Event, Place, PlaceName, ReviewLog
from sources.models import Article
from tests.web.conftest import PASSWORD, make_article, make_event

pytestmark = pytest.mark.django_db
REPORT = "Gunmen attacked a village near Gao on Sunday, killing at least 12 people, a local official said."


@pytest.fixture
def draft(db):
    article = make_article("Clashes broke out in Tinzaouaten on Thursday, the army said.")
    return make_event(
        articles=[article],
        actors=[("Military Forces of Mali", "side_a")],
        claims=[
            {
                "article": article,
                "claimant": "Military Forces of Mali",
                "kind": "killed",
                "count_min": 2,
                "quote": "Two soldiers were killed.",
            }
        ],
    )


# ---------------------------------------------------------------- who may open what

PAGES = ["dashboard", "map", "upload", "article-list", "review-queue", "api-token"]


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_the_sign_in_page_asks_for_username_and_password(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert b'name="username"' in response.content and b'name="password"' in response.content


def test_signing_in_and_out(client, user_factory):
    user_factory("ana", "analyst")
    response = client.post("/accounts/login/", {"username": "ana", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200
    assert client.get("/accounts/logout/").status_code == 405  # signing out is a POST form, not a link
    client.post("/accounts/logout/")
    assert client.get("/").status_code == 302


def test_an_analyst_sees_upload_and_articles_but_not_review(client, analyst, draft):
    page = client.get("/").content.decode()
    assert 'href="/upload/"' in page and 'href="/articles/"' in page and 'href="/review/"' not in page
    assert client.get("/upload/").status_code == 200
    assert client.get("/articles/").status_code == 200
    assert client.get("/review/").status_code == 403
    assert client.get(f"/review/{draft.id}/").status_code == 403


def test_an_analyst_cannot_approve_or_edit(client, analyst, draft):
    for action in ["approve", "reject", "edit", "actors", "merge", "split", "point", "place", "claims"]:
        response = client.post(f"/review/{draft.id}/{action}/", {"version": draft.version})
        assert response.status_code == 403, action
    draft.refresh_from_db()
    assert draft.status == "draft" and not ReviewLog.objects.exists()


def test_a_reader_without_roles_sees_approved_events_only(client, user_factory, draft, conflicting_claims_event):
    client.force_login(user_factory("reader"))
    page = client.get("/").content.decode()
    assert 'href="/upload/"' not in page and 'href="/review/"' not in page
    assert client.get(f"/events/{conflicting_claims_event.id}/").status_code == 200
    assert client.get(f"/events/{draft.id}/").status_code == 404
    assert client.get("/upload/").status_code == 403
    assert client.get("/articles/").status_code == 403


def test_public_read_lets_anonymous_visitors_see_approved_events_and_the_map(
    client, settings, draft, conflicting_claims_event
):
    settings.PUBLIC_READ = True
    assert client.get("/map/").status_code == 200
    assert client.get(f"/events/{conflicting_claims_event.id}/").status_code == 200
    assert client.get(f"/events/{draft.id}/").status_code == 404
    assert client.get("/upload/").status_code == 302


def test_the_dashboard_shows_each_role_its_work(client, user_factory, draft):
    make_article("A report the parser choked on.", status="failed", error="The parser could not read this article.")
    client.force_login(user_factory("rev", "reviewer"))
    page = client.get("/").content.decode()
    assert "Drafts waiting" in page and f"/review/{draft.id}/" in page
    assert "Articles that failed to parse" in page and "The parser could not read this article." in page
    assert "Events per week, by type" in page


def test_the_weekly_chart_counts_approved_events_by_type(client, reviewer, conflicting_claims_event):
    make_event(
        status="approved",
        event_type="Protests",
        sub_event_type="Peaceful protest",
        start_date=datetime.date(2024, 7, 26),
        end_date=datetime.date(2024, 7, 26),
    )
    chart = client.get("/").context["chart"]
    week = next(row for row in chart["rows"] if row["week"] == datetime.date(2024, 7, 22))
    assert week["total"] == 2 and [t["name"] for t in chart["types"]] == ["Battles", "Protests"]


# ---------------------------------------------------------------- upload


def test_pasted_text_becomes_an_article_and_the_same_text_again_is_the_existing_one(client, analyst, no_parsing):
    data = {"source": "text", "text-text": REPORT, "text-publisher": "AP", "text-published_at": "2024-07-28"}
    first = client.post("/upload/", data, HTTP_ACCEPT="application/json").json()["results"][0]
    again = client.post("/upload/", data, HTTP_ACCEPT="application/json").json()["results"][0]
    article = Article.objects.get()
    assert first["ok"] and not first["duplicate"] and first["article_id"] == article.id
    assert again["duplicate"] and again["article_id"] == article.id
    assert (
        article.publisher.name == "AP"
        and article.published_at == datetime.date(2024, 7, 28)
        and article.uploaded_by == analyst
    )
    assert first["status_url"] == f"/articles/{article.id}/status.json"


def test_several_files_in_one_upload_without_javascript(client, analyst, no_parsing):
    files = [
        SimpleUploadedFile("one.txt", REPORT.encode(), "text/plain"),
        SimpleUploadedFile("two.txt", (REPORT + " Another.").encode(), "text/plain"),
        SimpleUploadedFile("three.docx", b"PK\x03\x04", "application/octet-stream"),
    ]
    response = client.post("/upload/", {"source": "files", "files-files": files, "files-published_at": "2024-07-30"})
    assert response.status_code == 200
    results = response.context["results"]
    assert [result.ok for result in results] == [True, True, False]
    assert "not a supported type" in results[2].error
    assert Article.objects.filter(published_at=datetime.date(2024, 7, 30)).count() == 2


def test_a_file_over_the_limit_is_refused(client, analyst, no_parsing, settings):
    settings.MAX_UPLOAD_BYTES = 2048
    big = SimpleUploadedFile("big.txt", b"x" * 4096, "text/plain")
    response = client.post("/upload/", {"source": "files", "files-files": [big]}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400 and "limit" in json.dumps(response.json())
    assert not Article.objects.exists()


def test_an_html_file_is_inspected_for_its_publisher_and_date(client, analyst):
    html = b"""<html><head><title>Clashes in the north</title><meta property="og:site_name" content="Sahel Daily">
    <meta property="article:published_time" content="2024-07-29T10:00:00Z"></head>
    <body><article><h1>Clashes in the north</h1>
    <p>Fighting broke out near Kidal on Thursday between the army and rebels, officials said on Friday evening.</p>
    <p>At least ten people were killed, according to a local official who asked not to be named.</p>
    </article></body></html>"""
    response = client.post("/upload/inspect/", {"file": SimpleUploadedFile("page.html", html, "text/html")})
    assert response.status_code == 200
    assert response.json()["publisher"] == "Sahel Daily" and response.json()["published_at"] == "2024-07-29"
    assert not Article.objects.exists()


def test_the_status_endpoint_reports_parsing_and_its_events(client, analyst, draft):
    article = draft.reports.get().article
    state = client.get(f"/articles/{article.id}/status.json").json()
    assert state["status"] == "parsed" and state["events"] == [{"id": draft.id, "url": f"/events/{draft.id}/"}]
    Article.objects.filter(id=article.id).update(status="failed", error="No text.")
    state = client.get(f"/articles/{article.id}/status.json").json()
    assert state["status"] == "failed" and state["error"] == "No text."


# ---------------------------------------------------------------- articles


def test_the_article_list_shows_status_publisher_date_and_events(client, analyst, draft):
    page = client.get("/articles/").content.decode()
    assert (
        "Wire" in page and "28 Jul 2024" in page and f'href="/events/{draft.id}/"' in page and "status--parsed" in page
    )
    assert client.get("/articles/?status=failed").context["articles"].paginator.count == 0


def test_article_text_is_escaped_and_spans_link_to_their_events(client, analyst, draft):
    text = "Militants <script>alert(1)</script> attacked Gao.\n<img src=x onerror=alert(2)> said the army."
    start = text.index("Gao")
    article = make_article(
        text,
        spans=[
            {"kind": "place", "start": start, "end": start + 3, "label": "Gao", "event_id": draft.id},
            {"kind": "claim", "start": 0, "end": text.index("\n"), "label": "<b>claim</b>", "event_id": None},
            {"kind": "actor", "start": 0, "end": 9, "label": "Militants", "event_id": draft.id},
            {"kind": "bogus", "start": 0, "end": 3, "label": "x"},
            {"kind": "date", "start": 5, "end": 10_000, "label": "out of range"},
        ],
    )
    page = client.get(f"/articles/{article.id}/").content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    assert (
        f'<a class="hl hl-claim hl-place" href="/events/{draft.id}/" title="place: Gao; claim: '
        '&lt;b&gt;claim&lt;/b&gt;">Gao</a>' in page
    )
    assert f'<a class="hl hl-actor hl-claim" href="/events/{draft.id}/"' in page
    assert "&lt;b&gt;claim&lt;/b&gt;" in page and "out of range" not in page


# ---------------------------------------------------------------- event page


def test_the_event_page_puts_conflicting_figures_side_by_side(client, reviewer, conflicting_claims_event):
    response = client.get(f"/events/{conflicting_claims_event.id}/")
    rows = response.context["claim_groups"]
    assert [row["claimant"] for row in rows] == ["JNIM", "CSP-DPA"]  # one row per claimant
    assert [[f["text"] for f in dict(row["figures"])["killed"]] for row in rows] == [["50", "10"], ["≥84", "≥47"]]
    totals = response.context["source_totals"]
    assert [(t["claimant"], t["low"]) for t in totals] == [("JNIM", 60), ("CSP-DPA", 131)]
    page = response.content.decode()
    assert "ACLED" in page and "lowest total" in page and 'id="fatalities-best">60<' in page


def test_the_claims_table_groups_by_claimant_across_articles_with_vague_words_and_folded_quotes(client, reviewer):
    from events.models import EventReport

    first = make_article("JNIM said it killed dozens of soldiers.", publisher="APA News")
    second = make_article("JNIM said 30 soldiers died. The army said it inflicted heavy losses.", publisher="RFI")
    event = make_event(
        status="approved",
        articles=[first, second],
        actors=[("Military Forces of Mali", "side_a"), ("JNIM", "side_b"), ("Wagner Group", "associated")],
        claims=[
            {
                "article": first,
                "claimant": "JNIM",
                "kind": "killed",
                "count_min": None,
                "qualifier": "vague",
                "quote": "JNIM said it killed dozens of soldiers.",
            },
            {
                "article": second,
                "claimant": "JNIM",
                "kind": "killed",
                "count_min": 30,
                "quote": "JNIM said 30 soldiers died.",
            },
            {
                "article": second,
                "claimant": "Military Forces of Mali",
                "kind": "other",
                "count_min": None,
                "qualifier": "vague",
                "quote": "The army said it inflicted heavy losses.",
            },
        ],
    )
    EventReport.objects.filter(article=second).update(
        match_reason={
            "distance_km": 952.3,
            "date_gap_days": 0,
            "shared_actors": ["JNIM"],
            "same_place": True,
            "same_admin1": True,
            "same_type": True,
        }
    )
    page = client.get(f"/events/{event.id}/").content.decode()
    assert page.count('<tr class="claims-row" data-claimant="JNIM">') == 1  # both articles' figures in one row
    jnim = page.split('data-claimant="JNIM">', 1)[1].split("</tr>", 1)[0]
    assert "<strong>dozens</strong>" in jnim and "<strong>30</strong>" in jnim and "APA News" in jnim and "RFI" in jnim
    assert "<strong>heavy losses</strong>" in page and "unspecified" not in page
    assert '<details class="claim-quotes"><summary>2 quotes</summary>' in jnim  # quotes folded away
    assert "Matched: same place, overlapping dates, shared actors JNIM" in page and "952.3" not in page
    assert "Associated with side A</span> Wagner Group" in page
    assert "60, in <cite>" not in page and ", in <cite>RFI</cite>" in page  # which outlet carried each total


def test_the_event_page_says_when_a_reviewer_chose_the_best_estimate(client, reviewer, conflicting_claims_event):
    from events.services import event_update

    event = conflicting_claims_event
    event_update(event=event, reviewer=reviewer, changes={"fatalities_best": 100}, expected_version=event.version)
    page = client.get(f"/events/{conflicting_claims_event.id}/").content.decode()
    assert "chosen by a reviewer" in page and "rev" in page


# ---------------------------------------------------------------- review


def edit_data(event: Event, **changes) -> dict:
    data = {
        name: getattr(event, name)
        for name in [
            "event_type",
            "sub_event_type",
            "start_date",
            "end_date",
            "date_precision",
            "location_name",
            "admin1",
            "country",
            "latitude",
            "longitude",
            "geo_precision",
            "fatalities_best",
            "notes",
        ]
    }
    data = {key: "" if value is None else value for key, value in {**data, **changes}.items()}
    return {"version": event.version, **data}


def test_the_review_queue_lists_flagged_events_then_drafts_newest_first(client, reviewer, draft):
    newer = make_event(start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2024, 1, 1))
    flagged = make_event(status="approved", flagged_for_review=True)
    make_event(status="approved")
    ids = [event.id for event in client.get("/review/").context["events"]]
    assert ids == [flagged.id, newer.id, draft.id]


def test_a_reviewer_edits_a_field_and_the_change_is_logged(client, reviewer, draft):
    response = client.post(f"/review/{draft.id}/edit/", edit_data(draft, sub_event_type="Government regains territory"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.sub_event_type == "Government regains territory" and draft.version == 2
    log = ReviewLog.objects.get(event=draft)
    assert (log.field, log.old_value, log.new_value, log.user) == (
        "sub_event_type",
        "Armed clash",
        "Government regains territory",
        reviewer,
    )
    assert "Government regains territory" in client.get(f"/review/{draft.id}/").content.decode()


def test_an_edit_made_on_a_stale_version_is_refused_and_says_so(client, reviewer, draft):
    stale = edit_data(draft, notes="mine")
    client.post(f"/review/{draft.id}/edit/", edit_data(draft, notes="theirs"))
    response = client.post(f"/review/{draft.id}/edit/", stale)
    assert response.status_code == 409
    assert "changed by someone else" in response.content.decode() and 'id="stale-warning"' in response.content.decode()
    draft.refresh_from_db()
    assert draft.notes == "theirs"


def test_a_sub_type_of_another_type_is_refused(client, reviewer, draft):
    response = client.post(f"/review/{draft.id}/edit/", edit_data(draft, sub_event_type="Peaceful protest"))
    assert response.status_code == 400 and "is not a sub-type" in response.content.decode()


def test_approving_moves_to_the_next_draft_and_a_stale_approval_is_refused(client, reviewer, draft):
    older = make_event(start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2024, 1, 1))
    Event.objects.filter(id=older.id).update(created_at=draft.created_at - datetime.timedelta(hours=1))
    stale = client.post(f"/review/{draft.id}/approve/", {"version": draft.version + 5})
    assert stale.status_code == 409
    response = client.post(f"/review/{draft.id}/approve/", {"version": draft.version})
    assert response.status_code == 302 and response["Location"] == f"/review/{older.id}/"
    draft.refresh_from_db()
    assert draft.status == "approved" and draft.reviewed_by == reviewer


def test_rejecting_a_draft(client, reviewer, draft):
    client.post(f"/review/{draft.id}/reject/", {"version": draft.version})
    draft.refresh_from_db()
    assert draft.status == "rejected"


def test_the_gazetteer_search_offers_places_to_choose(client, reviewer, draft):
    place = Place.objects.create(
        gazetteer_key="geonames:1", name="Tin-Zaouatene", country="ML", latitude=19.96, longitude=2.98, population=100
    )
    PlaceName.for_place(place, "Tinzaouaten").save()
    page = client.get(f"/review/{draft.id}/?place_q=Tinzaouaten&place_country=ML").content.decode()
    assert "Tin-Zaouatene" in page and f'name="place" value="{place.id}"' in page
    client.post(f"/review/{draft.id}/place/", {"place": place.id, "version": draft.version})
    draft.refresh_from_db()
    assert draft.place == place and (draft.latitude, draft.longitude) == (19.96, 2.98)


def test_placing_an_unresolved_name_on_the_map_adds_it_to_the_gazetteer(client, reviewer, draft):
    data = {
        "point-latitude": "19.9512",
        "point-longitude": "2.9701",
        "point-geo_precision": "1",
        "point-version": draft.version,
    }
    assert client.post(f"/review/{draft.id}/point/", data).status_code == 302
    draft.refresh_from_db()
    assert draft.place.name == "Tinzaouaten" and draft.place.gazetteer_key.startswith("reviewer:")
    assert (draft.latitude, draft.longitude) == (19.9512, 2.9701)
    assert PlaceName.objects.filter(place=draft.place, normalized="tinzaouaten").exists()


def test_actors_and_their_sides_are_saved(client, reviewer, draft):
    from events.models import Actor

    Actor.objects.get_or_create(name="JNIM", defaults={"kind": "rebel_group"})
    data = {
        "version": draft.version,
        "actors-TOTAL_FORMS": 3,
        "actors-INITIAL_FORMS": 1,
        "actors-0-actor": "Military Forces of Mali",
        "actors-0-role": "side_a",
        "actors-1-actor": "JNIM",
        "actors-1-role": "side_b",
        "actors-2-actor": "",
        "actors-2-role": "associated",
    }
    assert client.post(f"/review/{draft.id}/actors/", data).status_code == 302
    assert sorted(draft.event_actors.values_list("actor__name", "role")) == [
        ("JNIM", "side_b"),
        ("Military Forces of Mali", "side_a"),
    ]
    data["actors-1-actor"] = "Nobody We Know"
    response = client.post(f"/review/{draft.id}/actors/", {**data, "version": draft.version + 1})
    assert response.status_code == 400 and "No actor is called" in response.content.decode()


def test_claims_are_added_edited_and_deleted(client, reviewer, draft):
    article = draft.reports.get().article
    data = {
        "new-claim-version": draft.version,
        "new-claim-article": article.id,
        "new-claim-claimant": "a local official",
        "new-claim-kind": "wounded",
        "new-claim-count_min": 4,
        "new-claim-count_max": 4,
        "new-claim-qualifier": "exact",
        "new-claim-quote": "Four were hurt.",
    }
    assert client.post(f"/review/{draft.id}/claims/", data).status_code == 302
    claim = Claim.objects.get(kind="wounded")
    assert claim.claimant_text == "a local official" and claim.created_by == reviewer
    edit = {key.replace("new-claim", f"claim-{claim.id}"): value for key, value in data.items()}
    edit |= {f"claim-{claim.id}-count_max": 6, f"claim-{claim.id}-version": draft.version + 1}
    client.post(f"/review/{draft.id}/claims/{claim.id}/", edit)
    claim.refresh_from_db()
    assert (claim.count_min, claim.count_max) == (4, 6)
    client.post(f"/review/{draft.id}/claims/{claim.id}/delete/", {"version": draft.version + 2})
    assert not Claim.objects.filter(id=claim.id).exists()
    assert list(ReviewLog.objects.filter(event=draft).values_list("action", flat=True).order_by("id")) == [
        "claim_create",
        "claim_edit",
        "claim_delete",
    ]


def test_a_likely_duplicate_is_suggested_with_the_reason_and_can_be_merged_into(client, reviewer, draft):
    twin = make_event(actors=[("Military Forces of Mali", "side_a")], latitude=19.9, longitude=3.0)
    suggestions = client.get(f"/review/{draft.id}/").context["suggestions"]
    assert [s["event"].id for s in suggestions] == [twin.id]
    assert (
        suggestions[0]["reason"]["shared_actors"] == ["Military Forces of Mali"]
        and suggestions[0]["reason"]["distance_km"] < 10
    )
    response = client.post(f"/review/{draft.id}/merge/", {"into": twin.id, "version": draft.version})
    assert response.status_code == 302 and response["Location"] == f"/review/{twin.id}/"
    draft.refresh_from_db()
    assert draft.status == "merged" and draft.merged_into == twin and twin.claims.count() == 1


def test_splitting_moves_the_chosen_articles_to_a_new_draft(client, reviewer, conflicting_claims_event):
    second = conflicting_claims_event.reports.order_by("article_id").last().article
    data = {"articles": [second.id], "version": conflicting_claims_event.version}
    response = client.post(f"/review/{conflicting_claims_event.id}/split/", data)
    new = Event.objects.exclude(id=conflicting_claims_event.id).get()
    assert response["Location"] == f"/review/{new.id}/"
    assert list(new.claims.values_list("count_min", flat=True)) == [84, 47]


# ---------------------------------------------------------------- map and token


def test_the_map_asks_the_api_for_drafts_only_for_reviewers(client, user_factory):
    client.force_login(user_factory("ana", "analyst"))
    config = client.get("/map/?drafts=on&country=ml&event_type=Battles&date_from=2024-07-01").context["config"]
    assert config["query"] == {
        "status": "approved",
        "country": "ML",
        "event_type": "Battles",
        "date_from": "2024-07-01",
    }
    assert config["apiUrl"] == "/api/v1/events/" and config["pageSize"] == 500
    client.force_login(user_factory("rev", "reviewer"))
    assert client.get("/map/?drafts=on").context["config"]["query"] == {"status": "approved,draft"}


def test_the_map_page_loads_nothing_from_other_sites(client, reviewer):
    page = client.get("/map/").content.decode()
    assert "leaflet.markercluster.js" in page and "leaflet/leaflet.js" in page
    assert "//unpkg" not in page and "cdn" not in page.lower()


def test_an_api_token_is_created_shown_once_and_revoked(client, analyst):
    from rest_framework.authtoken.models import Token

    response = client.post("/account/token/", {"action": "create"})
    key = Token.objects.get(user=analyst).key
    assert key in response.content.decode()
    assert key not in client.get("/account/token/").content.decode()
    client.post("/account/token/", {"action": "revoke"})
    assert not Token.objects.filter(user=analyst).exists()
