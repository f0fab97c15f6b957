"""Issue 14's last acceptance items in headless Chromium: the claims table read in a browser (one row per claimant
across articles, with the outlets that carried each figure, vague amounts as written, quotes folded away); the
review queue's open filters, the articles list and the claims table fit a 390 px screen; the seed event's page
stays under two screens. Screenshots are saved under the test's tmp_path."""

import datetime

import pytest

from tests.web import test_seed_flow
from tests.web.conftest import DESKTOP, PHONE, make_article, make_event
from tests.web.test_daily_work import TOO_WIDE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
seed_parser = test_seed_flow.parser  # the seed flow's fixtures: the parser is there, the full gazetteer loaded
seed_gazetteer = test_seed_flow.gazetteer


@pytest.fixture
def reported(user_factory):
    """A clash three outlets reported: JNIM's figures in two of them (one vague), the army's vague French "heavy
    losses", the CSP's figures with a long quote."""
    user_factory("rev", "reviewer")
    apa = make_article("JNIM said it killed dozens of soldiers near Tinzaouaten.", publisher="APA News")
    rfi = make_article(
        "JNIM said 30 soldiers died and 4 were taken prisoner. L'armée affirme avoir infligé de lourdes pertes.",
        publisher="RFI",
        published_at=datetime.date(2024, 7, 29),
    )
    wire = make_article(
        "The CSP-DPA said at least 84 Wagner fighters and 47 soldiers were killed in three days of fighting. "
        "JNIM claimed 30 soldiers were killed.",
        publisher="Wire",
        published_at=datetime.date(2024, 7, 30),
    )
    event = make_event(
        articles=[apa, rfi, wire],
        actors=[("Military Forces of Mali", "side_a"), ("JNIM", "side_b"), ("CSP-DPA", "side_b")],
        claims=[
            {
                "article": apa,
                "claimant": "JNIM",
                "kind": "killed",
                "count_min": None,
                "qualifier": "vague",
                "subject": "Military Forces of Mali",
                "quote": "JNIM said it killed dozens of soldiers near Tinzaouaten.",
            },
            {
                "article": rfi,
                "claimant": "JNIM",
                "kind": "killed",
                "count_min": 30,
                "subject": "Military Forces of Mali",
                "quote": "JNIM said 30 soldiers died",
            },
            {
                "article": rfi,
                "claimant": "JNIM",
                "kind": "captured",
                "count_min": 4,
                "subject": "Military Forces of Mali",
                "quote": "and 4 were taken prisoner.",
            },
            {
                "article": rfi,
                "claimant": "Military Forces of Mali",
                "kind": "killed",
                "count_min": None,
                "qualifier": "vague",
                "subject": "JNIM",
                "quote": "L'armée affirme avoir infligé de lourdes pertes.",
            },
            {
                "article": wire,
                "claimant": "JNIM",
                "kind": "killed",
                "count_min": 30,
                "subject": "Military Forces of Mali",
                "quote": "JNIM claimed 30 soldiers were killed.",
            },
            {
                "article": wire,
                "claimant": "CSP-DPA",
                "kind": "killed",
                "count_min": 84,
                "count_max": None,
                "qualifier": "at_least",
                "subject": "Wagner Group",
                "quote": "The CSP-DPA said at least 84 Wagner fighters and 47 soldiers were killed in three days.",
            },
        ],
    )
    return {"event": event, "articles": [apa, rfi, wire]}


def _row(page, claimant: str):
    rows = page.locator(f".claims-table tr.claims-row[data-claimant='{claimant}']")
    assert rows.count() == 1, f"{claimant} has {rows.count()} rows"
    return rows.first


def test_it_shows_one_row_per_claimant_with_its_outlets_vague_words_and_folded_quotes(browser_session, reported):
    session = browser_session()
    session.login("rev")
    session.page.goto(f"/events/{reported['event'].id}/")
    table = session.page.locator(".claims-table")
    claimants = [text.splitlines()[0].strip() for text in table.locator("th.claims-claimant").all_inner_texts()]
    assert claimants == ["JNIM", "Military Forces of Mali", "CSP-DPA"]

    # All of JNIM's figures, from three articles, in one row, with the outlets beside each figure: the 30 that
    # two outlets carried is shown once, naming both.
    jnim = _row(session.page, "JNIM")
    killed = jnim.locator("td[data-label=Killed] .claim-figure")
    assert [killed.nth(i).locator("strong").inner_text() for i in range(killed.count())] == ["dozens", "30"]
    assert killed.nth(0).locator(".claim-figure__outlet").inner_text() == "APA News"
    assert killed.nth(1).locator(".claim-figure__outlet").inner_text() == "RFI, Wire"
    assert "Military Forces of Mali" in killed.nth(1).inner_text()
    assert jnim.locator("td[data-label=Killed] .claim-figure--vague").count() == 1
    assert jnim.locator("td[data-label=Captured] strong").inner_text() == "4"
    army = _row(session.page, "Military Forces of Mali")
    assert army.locator("td[data-label=Killed] strong").inner_text() == "lourdes pertes"
    assert army.locator(".claim-figure__outlet").all_inner_texts() == ["RFI"]
    assert _row(session.page, "CSP-DPA").locator("td[data-label=Killed] strong").inner_text() == "≥84"
    assert "unspecified" not in session.page.inner_text("main").lower()

    # The quotes are folded away, and open on a click.
    quotes = jnim.locator("details.claim-quotes")
    assert quotes.get_attribute("open") is None
    assert quotes.locator("summary").inner_text() == "4 quotes"
    assert not jnim.locator("q").first.is_visible()
    assert session.page.locator("details.claim-quotes[open]").count() == 0
    session.screenshot("claims-table-folded")
    quotes.locator("summary").click()
    assert quotes.get_attribute("open") is not None
    assert jnim.locator("q").nth(0).is_visible()
    assert [q.strip() for q in jnim.locator("q").all_inner_texts()] == [
        "JNIM said it killed dozens of soldiers near Tinzaouaten.",
        "JNIM said 30 soldiers died",
        "and 4 were taken prisoner.",
        "JNIM claimed 30 soldiers were killed.",
    ]
    session.screenshot("claims-table-quotes-open")

    # The review page lists the claims article by article (no grouped table), in the same words.
    session.page.goto(f"/review/{reported['event'].id}/")
    sources = session.page.inner_text(".sources-panel")
    assert "killed dozens" in sources and "killed lourdes pertes" in sources and "killed ≥84" in sources
    assert "unspecified" not in session.page.inner_text("main").lower()
    assert session.console_errors == [] and session.blocked == []


def test_it_fits_the_open_queue_filters_the_articles_list_and_the_claims_table_in_a_390_px_screen(
    browser_session, reported
):
    for index in range(3):
        make_event(
            location_name=f"Anefis {index}",
            start_date=datetime.date(2024, 8, 1 + index),
            end_date=datetime.date(2024, 8, 1 + index),
            articles=[reported["articles"][index]],
            actors=[("Front de libération de l'Azawad", "side_a"), ("Military Forces of Mali", "side_b")],
        )
    duplicate = make_event(  # the same clash, drafted from another report: suggested for merging
        articles=[make_article("Fighting at Tinzaouaten, the army said.", publisher="Agence Sahel")],
        actors=[("JNIM", "side_b")],
    )
    make_article(
        "A very long article title " * 6, title="A headline that runs on " * 5, publisher="An outlet with a long name"
    )
    session = browser_session(PHONE)
    session.login("rev")
    width = PHONE["width"]

    def fits(name: str):
        session.screenshot(f"{name}-{width}")  # before the checks, to see what failed
        assert session.page.evaluate("document.documentElement.scrollWidth") <= session.page.evaluate(
            "window.innerWidth"
        ), f"{name} scrolls sideways at {width}px"
        assert session.page.evaluate(TOO_WIDE) == [], f"{name} at {width}px: {session.page.evaluate(TOO_WIDE)}"

    session.page.goto("/review/")
    assert not session.page.is_visible("#queue-filters")  # folded by default ...
    session.page.click(".filters-fold > summary")
    assert session.page.is_visible("#queue-filters")  # ... and open on a tap
    for select in session.page.locator("#queue-filters select").all():
        assert select.is_visible() and select.bounding_box()["x"] + select.bounding_box()["width"] <= width
    fits("review-queue-filters-open")
    session.page.goto("/review/?q=Anefis&country=ML&sort=-start_date")  # a filtered queue opens its filters
    assert session.page.is_visible("#queue-filters")
    fits("review-queue-filtered")
    session.page.goto("/articles/?status=parsed")
    assert session.page.locator("table tbody tr").count() >= 4
    fits("articles-filtered")
    session.page.goto(f"/events/{reported['event'].id}/")
    session.page.wait_for_selector(".leaflet-container", timeout=10_000)
    for summary in session.page.locator("details.claim-quotes > summary").all():
        summary.click()  # the widest the table gets: every quote open
    assert session.page.locator("details.claim-quotes[open]").count() == 3
    fits("claims-table-quotes-open")
    session.page.goto(f"/review/{reported['event'].id}/")
    session.page.wait_for_selector(".leaflet-container", timeout=10_000)
    fits("review-claims")
    # Its merge and split steps, opened, with their long button labels.
    merge = session.page.locator(f"#merge details[data-merge-into='{duplicate.id}']")
    assert merge.count() == 1
    merge.locator("summary").click()
    session.page.click("details.split > summary")
    session.page.click("details.split details.confirm-step > summary")
    assert session.page.is_visible("details.split button[type=submit]")
    fits("review-merge-split-open")
    assert session.console_errors == [] and session.blocked == []


# ---------------------------------------------------------------- the seed event's page


@pytest.fixture
def seed_event(seeds_dir, seed_parser, seed_gazetteer, user_factory):
    """The five seed reports, uploaded and parsed as the app does it, drawn into one event: a draft the matcher
    takes for the same fighting is merged into the one most reports made, as a reviewer would on the review page."""
    import json

    from events import selectors, services
    from events.models import Event
    from sources.services import article_submit_text

    expected = json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))
    analyst = user_factory("ana", "analyst")
    reviewer = user_factory("rev", "reviewer", "analyst")
    for name, meta in sorted(expected["articles"].items()):
        article = article_submit_text(
            text=(seeds_dir / name).read_text(encoding="utf-8"),
            uploaded_by=analyst,
            title=name,
            publisher=meta["publisher"],
            published_at=datetime.date.fromisoformat(meta["published_at"]),
        ).article  # parsed in-process once the upload commits (no broker in tests)
        article.refresh_from_db()
        assert article.status == "parsed", (name, article.status, article.error)
    event = max(Event.objects.filter(status="draft"), key=lambda item: item.reports.count())
    for other in Event.objects.filter(status="draft").exclude(id=event.id):
        if any(item["event_id"] == event.id for item in selectors.merge_suggestions(event=other, user=reviewer)):
            services.event_merge(event=other, into=event, reviewer=reviewer, expected_version=other.version)
    assert event.reports.count() == 5, "the seed reports were not drawn together"
    return event


def test_it_keeps_the_seed_events_page_under_two_screens_with_the_quotes_folded(browser_session, seed_event):
    session = browser_session(DESKTOP)
    session.login("rev")
    session.page.goto(f"/events/{seed_event.id}/")
    session.page.wait_for_selector(".leaflet-container", timeout=10_000)
    claimants = set(session.page.locator(".claims-table th.claims-claimant").all_inner_texts())
    assert any("JNIM" in name for name in claimants) and any("CSP" in name for name in claimants), claimants
    assert session.page.locator("details.claim-quotes").count() >= 2
    assert session.page.locator("details.claim-quotes[open]").count() == 0  # the quotes are folded away
    assert session.page.locator("#sources li").count() == 5  # every report is still listed
    height = session.page.evaluate("document.documentElement.scrollHeight")
    session.screenshot("seed-event-1280")
    assert height <= 2 * DESKTOP["height"], f"the seed event's page is {height}px tall"
    assert session.horizontal_overflow() <= 0
    assert session.console_errors == [] and session.blocked == []
