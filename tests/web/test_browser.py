"""The web app in headless Chromium: layout at desktop and phone widths, escaping, roles, live upload status,
concurrent reviewers, the maps. Screenshots of every page are saved under the test's tmp_path."""

import datetime

import pytest
from django.urls import NoReverseMatch, Resolver404, resolve

from sources.models import Article
from tests.web.conftest import DESKTOP, PHONE, make_article, make_event, two_reviewers_on

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
XSS_TEXT = (
    "Gunmen attacked a market in Gao on Sunday. <script>alert('script ran')</script>\n"
    "A witness wrote <img src=x onerror=\"alert('onerror ran')\"> on a wall, the army said."
)


def api_is_routed() -> bool:
    try:
        resolve("/api/v1/events/")
    except (Resolver404, NoReverseMatch):
        return False
    return True


@pytest.fixture
def people(user_factory):
    return {
        "analyst": user_factory("ana", "analyst"),
        "reviewer": user_factory("rev", "reviewer"),
        "reader": user_factory("reader"),
    }


@pytest.fixture
def sample(people, conflicting_claims_event):
    article = make_article(
        XSS_TEXT,
        publisher="Sahel <b>Daily</b>",
        title="Market attack <script>alert('title ran')</script>",
        spans=[
            {
                "kind": "place",
                "start": XSS_TEXT.index("Gao"),
                "end": XSS_TEXT.index("Gao") + 3,
                "label": "Gao",
                "event_id": None,
            },
            {"kind": "claim", "start": 0, "end": XSS_TEXT.index("\n"), "label": "<i>claim</i>", "event_id": None},
        ],
    )
    draft = make_event(
        articles=[article],
        location_name="Gao <script>",
        geo_precision=2,
        actors=[("Military Forces of Mali", "side_a")],
        claims=[
            {
                "article": article,
                "claimant_text": "a witness <img src=x onerror=alert(3)>",
                "kind": "killed",
                "count_min": 3,
                "quote": XSS_TEXT[:60],
            }
        ],
    )
    Article.objects.filter(id=article.id).update(spans=[{**span, "event_id": draft.id} for span in article.spans])
    return {"draft": draft, "approved": conflicting_claims_event, "article": article}


def pages_for(role: str, sample) -> dict[str, str]:
    pages = {"dashboard": "/", "map": "/map/", "event": f"/events/{sample['approved'].id}/", "token": "/account/token/"}
    if role in ("analyst", "reviewer"):
        pages |= {"upload": "/upload/", "articles": "/articles/", "article": f"/articles/{sample['article'].id}/"}
    if role == "reviewer":
        pages |= {
            "review-queue": "/review/",
            "review": f"/review/{sample['draft'].id}/",
            "draft-event": f"/events/{sample['draft'].id}/",
        }
    return pages


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280x800", "390px"])
def test_every_page_fits_the_screen_at_desktop_and_phone_widths(browser_session, sample, viewport):
    width = viewport["width"]
    anonymous = browser_session(viewport)
    anonymous.page.goto("/accounts/login/")
    assert anonymous.horizontal_overflow() <= 0
    anonymous.screenshot(f"login-{width}")
    for role in ("reviewer", "analyst"):
        session = browser_session(viewport)
        session.login({"reviewer": "rev", "analyst": "ana"}[role])
        for name, url in pages_for(role, sample).items():
            session.page.goto(url)
            session.page.wait_for_load_state("load")
            if name in ("map", "event", "review"):
                session.page.wait_for_selector(".leaflet-container", timeout=10_000)
            assert session.horizontal_overflow() <= 0, f"{name} overflows horizontally at {width}px"
            session.screenshot(f"{role}-{name}-{width}")
        assert session.dialogs == [] and session.blocked == []


def test_script_payloads_in_article_text_are_shown_as_text_and_never_run(browser_session, sample):
    session = browser_session()
    session.login("rev")
    for url in [
        f"/articles/{sample['article'].id}/",
        f"/review/{sample['draft'].id}/",
        f"/events/{sample['draft'].id}/",
        "/articles/",
        "/",
    ]:
        session.page.goto(url)
        session.page.wait_for_load_state("load")
        session.page.wait_for_timeout(200)
    session.page.goto(f"/articles/{sample['article'].id}/")
    body = session.page.inner_text("#article-text")
    assert "<script>alert('script ran')</script>" in body and "<img src=x onerror=\"alert('onerror ran')\">" in body
    assert session.page.locator("#article-text script, #article-text img").count() == 0
    assert session.page.locator("#article-text a.hl-place").inner_text() == "Gao"
    session.screenshot("xss-article")
    assert session.dialogs == []
    assert session.page.evaluate("document.querySelectorAll('img[src=x]').length") == 0


def test_an_analyst_can_neither_open_the_review_page_nor_post_an_approval(browser_session, sample):
    session = browser_session()
    session.login("ana")
    response = session.page.goto(f"/review/{sample['draft'].id}/")
    assert response.status == 403 and "You cannot do this" in session.page.inner_text("h1")
    session.screenshot("analyst-forbidden")
    assert session.page.locator("nav >> text=Review").count() == 0
    status = session.page.evaluate(
        """async (url) => {
            const token = document.cookie.split('; ').find(c => c.startsWith('csrftoken=')).split('=')[1];
            const response = await fetch(url, {
                method: 'POST', headers: {'X-CSRFToken': token}, body: new URLSearchParams({version: '1'}),
            });
            return response.status;
        }""",
        f"/review/{sample['draft'].id}/approve/",
    )
    assert status == 403
    sample["draft"].refresh_from_db()
    assert sample["draft"].status == "draft"


@pytest.fixture
def quick_parser(monkeypatch):
    """Stands in for the parser: an article whose text says FAIL fails with a reason, any other is parsed."""
    from sources.services import article_mark_failed

    def parse_now(article_id):
        article = Article.objects.get(id=article_id)
        if "FAIL" in article.text:
            article_mark_failed(article_id=article_id, error="The parser could not read this article (test).")
        else:
            Article.objects.filter(id=article_id).update(status="parsed")

    monkeypatch.setattr("sources.services.enqueue_parse", parse_now)


def test_files_dropped_together_upload_with_their_dates_and_show_their_parsing_status(
    browser_session, people, quick_parser
):
    session = browser_session()
    session.login("ana")
    session.page.goto("/upload/")
    session.page.fill("[name='files-publisher']", "Wire Service")
    # Drop three files at once, as a person dragging them from a folder would.
    session.page.evaluate(
        """() => {
            const transfer = new DataTransfer();
            const first = 'Rebels attacked an army post near Gao on Monday, the army said.';
            transfer.items.add(new File([first], 'first.txt', {type: 'text/plain'}));
            const second = 'FAIL: a report the parser cannot read.';
            transfer.items.add(new File([second], 'second.txt', {type: 'text/plain'}));
            transfer.items.add(new File(['%PDF? no, a spreadsheet'], 'third.xlsx', {type: 'application/octet-stream'}));
            const zone = document.getElementById('dropzone');
            zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: transfer, bubbles: true, cancelable: true}));
            zone.dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));
        }"""
    )
    rows = session.page.locator("#upload-queue .upload-item")
    assert rows.count() == 3
    assert rows.nth(2).get_attribute("data-status") == "refused"
    assert rows.nth(0).locator("[data-field=publisher]").input_value() == "Wire Service"
    rows.nth(0).locator("[data-field=published_at]").fill("2024-07-28")
    rows.nth(1).locator("[data-field=published_at]").fill("2024-07-30")
    session.screenshot("upload-queued")
    session.page.click("#upload-files-button")
    session.page.wait_for_function(
        "document.querySelectorAll('#upload-queue [data-status=parsed], #upload-queue "
        "[data-status=failed]').length === 2"
    )
    assert rows.nth(0).get_attribute("data-status") == "parsed"
    assert (
        rows.nth(1).get_attribute("data-status") == "failed"
        and "could not read this article (test)" in rows.nth(1).inner_text()
    )
    session.screenshot("upload-done")
    first = Article.objects.get(text__startswith="Rebels")
    assert str(first.published_at) == "2024-07-28" and first.publisher.name == "Wire Service"
    assert str(Article.objects.get(text__startswith="FAIL").published_at) == "2024-07-30"
    # The same text again is reported as the article that exists.
    session.page.click("[data-tab=text]")
    session.page.fill("[name='text-text']", "Rebels attacked an army post near Gao on Monday, the army said.")
    session.page.click("[data-upload-form=text] button[type=submit]")
    row = session.page.locator("[data-panel=text] .upload-item[data-status=parsed]")
    row.wait_for()
    assert "Already uploaded as" in row.inner_text()
    assert Article.objects.count() == 2 and session.dialogs == [] and session.blocked == []


def test_two_reviewers_editing_one_event_never_overwrite_each_other(browser_session, sample, user_factory):
    first, second = two_reviewers_on(browser_session, user_factory, f"/review/{sample['draft'].id}/")
    first.page.fill("#id_notes", "First reviewer's note")
    first.page.click("#edit-form button[type=submit]")
    first.page.wait_for_selector(".message--success")
    second.page.fill("#id_notes", "Second reviewer's note")
    response_status = []
    second.page.on(
        "response", lambda response: response.url.endswith("/edit/") and response_status.append(response.status)
    )
    second.page.click("#edit-form button[type=submit]")
    second.page.wait_for_selector("#stale-warning")
    assert response_status == [409]
    assert "someone else changed this event" in second.page.inner_text("#stale-warning")
    assert second.page.input_value("#id_notes") == "Second reviewer's note"  # their edit is kept in the form, not saved
    second.screenshot("review-stale-edit")
    sample["draft"].refresh_from_db()
    assert sample["draft"].notes == "First reviewer's note"


def test_a_reviewer_approves_with_the_keyboard_and_moves_on(browser_session, sample):
    other = make_event(start_date=datetime.date(2024, 1, 5), end_date=datetime.date(2024, 1, 5))
    session = browser_session()
    session.login("rev")
    session.page.goto("/review/")
    session.page.click("text=Start reviewing")
    session.page.wait_for_load_state("load")
    assert session.page.url.endswith(f"/review/{other.id}/")  # newest draft first
    session.page.keyboard.press("j")
    session.page.wait_for_url(f"**/review/{sample['draft'].id}/")
    session.page.wait_for_load_state("load")
    session.page.keyboard.press("k")
    session.page.wait_for_url(f"**/review/{other.id}/")
    session.page.wait_for_load_state("load")
    session.page.keyboard.press("a")
    session.page.wait_for_selector(".message--success")
    assert f"Event {other.id} approved" in session.page.inner_text(".messages")
    other.refresh_from_db()
    assert other.status == "approved"
    session.page.wait_for_load_state("load")
    session.page.keyboard.press("r")  # once: only arms the rejection
    assert "Press r again" in session.page.inner_text("#keyboard-hint")
    sample["draft"].refresh_from_db()
    assert sample["draft"].status == "draft" and session.console_errors == []


def test_maps_fall_back_to_the_offline_outlines_when_tiles_cannot_load(browser_session, sample, settings):
    settings.LEAFLET_CONFIG = {
        **settings.LEAFLET_CONFIG,
        "TILES": [("OpenStreetMap", "http://127.0.0.1:9/{z}/{x}/{y}.png", {"attribution": "OSM"})],
    }
    session = browser_session()
    session.login("rev")
    session.page.goto(f"/events/{sample['approved'].id}/")
    session.page.wait_for_selector("#event-map.map--outlines .leaflet-overlay-pane path", timeout=10_000)
    assert "offline country outlines" in session.page.inner_text(".map-notice")
    session.screenshot("event-map-offline")
    assert session.blocked == []


def test_an_approved_event_shows_on_the_map_and_its_popup_sums_up_the_claims(browser_session, sample):
    make_event(status="approved", latitude=18.4, longitude=1.4, geo_precision=3, location_name="Kidal region")
    session = browser_session()
    session.login("rev")
    session.page.goto("/map/#6/19.95/2.97")
    session.page.wait_for_selector("#map[data-state=ready], #map[data-state=error]", timeout=15_000)
    assert api_is_routed(), "the REST API (/api/v1/events/) is not routed yet: the map has no data to show"
    assert session.page.get_attribute("#map", "data-state") == "ready", session.page.inner_text("#map-status")
    session.page.evaluate(
        "(id) => "
        "{ const marker = window.ctMap.markers.get(id); "
        "window.ctMap.clusters.zoomToShowLayer(marker, () => marker.openPopup()); }",
        sample["approved"].id,
    )
    popup = session.page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "killed: 10–84+ from 4 claims" in text and "Claimed by CSP-DPA, JNIM" in text
    session.page.wait_for_timeout(400)  # the popup fades in
    session.screenshot("map-popup")
    # The imprecise event is drawn with the 50 km area it may lie in, not as an exact pin.
    session.page.evaluate("window.ctMap.map.closePopup(); window.ctMap.map.setView([18.4, 1.4], 8, {animate: false})")
    session.page.wait_for_function(
        "window.ctMap.map.getZoom() === 8 && window.ctMap.areas.getLayers().some(area => area.getRadius() === 50000)"
    )
    session.screenshot("map-area")
    assert session.console_errors == [] and session.blocked == []


def test_the_pages_pass_the_content_security_policy(browser_session, sample, settings):
    from urllib.parse import urlsplit

    tiles = urlsplit(settings.LEAFLET_CONFIG["TILES"][0][1])
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    # As production builds it from MAP_TILE_URL: the test's tile server is the tile origin.
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**directives, "img-src": ["'self'", "data:", f"{tiles.scheme}://{tiles.netloc}"]}
    }
    session = browser_session(enforce_csp=True)
    session.login("rev")
    for url, ready in [
        ("/", "main"),
        ("/map/", "#map[data-state=ready], #map[data-state=error]"),
        (f"/events/{sample['approved'].id}/", "main"),
        (f"/review/{sample['draft'].id}/", "main"),
        ("/articles/", "main"),
        ("/api/v1/docs/", ".swagger-ui .info, .swagger-ui .information-container"),
    ]:
        response = session.page.goto(url)
        assert "script-src 'self'" in response.headers.get("content-security-policy", ""), url
        session.page.wait_for_selector(ready, timeout=15_000)
        session.page.wait_for_timeout(300)
    violations = [error for error in session.console_errors if "Content Security Policy" in error]
    assert violations == [] and session.blocked == []
