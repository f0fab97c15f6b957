"""End to end in headless Chromium on the five seed reports: upload, parse, review, approve, map, event page.

Needs the parser (sources.parsing.parse_article), the full gazetteer and the REST API's GeoJSON."""

import json

import pytest
from django.core.management import call_command

from events.models import Event

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def parser():
    parsing = pytest.importorskip("sources.parsing")
    if not hasattr(parsing, "parse_article"):
        pytest.skip("the parser (sources.parsing.parse_article) is not written yet")


@pytest.fixture
def gazetteer(full_gazetteer):
    """The full gazetteer and actors; loaded again when an earlier transactional test's flush removed them."""
    from events.models import Actor, Place

    if not Place.objects.filter(feature_code="PCLI").exists():
        call_command("load_gazetteer", "--if-empty", verbosity=0)
    if not Actor.objects.exists():
        call_command("load_actors", verbosity=0)


def test_seed_reports_go_from_upload_to_an_approved_event_on_the_map(
    browser_session, user_factory, seeds_dir, parser, gazetteer
):
    expected = json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))
    seeds = sorted(expected["articles"])
    user_factory("ana", "analyst")
    user_factory("rev", "reviewer")

    # An analyst uploads the five reports at once, each with its publisher and publication date, and watches them parse.
    analyst = browser_session()
    analyst.login("ana")
    analyst.page.goto("/upload/")
    analyst.page.set_input_files("#id_files-files", [str(seeds_dir / name) for name in seeds])
    rows = analyst.page.locator("#upload-queue .upload-item")
    assert rows.count() == 5
    for index, name in enumerate(seeds):
        assert rows.nth(index).locator(".upload-item__name").inner_text() == name
        rows.nth(index).locator("[data-field=publisher]").fill(expected["articles"][name]["publisher"])
        rows.nth(index).locator("[data-field=published_at]").fill(expected["articles"][name]["published_at"])
    analyst.screenshot("seeds-ready")
    analyst.page.click("#upload-files-button")
    analyst.page.wait_for_function(
        "document.querySelectorAll('#upload-queue .upload-item[data-status=parsed], #upload-queue "
        ".upload-item[data-status=failed]').length === 5",
        timeout=240_000,
    )
    analyst.screenshot("seeds-parsed")
    statuses = [rows.nth(index).get_attribute("data-status") for index in range(5)]
    assert statuses == ["parsed"] * 5, [rows.nth(index).inner_text() for index in range(5)]

    # A reviewer opens the draft most reports made; a draft the matcher takes for the same fighting is merged into it.
    event = max(Event.objects.filter(status="draft"), key=lambda item: item.reports.count())
    reviewer = browser_session()
    reviewer.login("rev")
    for other in Event.objects.filter(status="draft").exclude(id=event.id):
        reviewer.page.goto(f"/review/{other.id}/")
        merge = reviewer.page.locator(f"#merge details[data-merge-into='{event.id}']")
        if merge.count():
            merge.locator("summary").click()  # the merge asks first, listing each report's publisher and date
            merge.locator("button[type=submit]").click()
            reviewer.page.wait_for_selector(".message--success")
    drafts = {
        item.id: sorted(item.reports.values_list("article__original_file", flat=True))
        for item in Event.objects.filter(status="draft")
    }
    assert event.reports.count() == 5, f"the seed reports were not drawn together: {drafts}"
    reviewer.page.goto("/review/")
    reviewer.page.click(f"a[href='/review/{event.id}/']")
    reviewer.page.fill("#id_end_date", "2024-07-27")
    reviewer.page.fill(
        "#id_notes", "Fighting at Tinzaouaten between the Malian army with Wagner and the CSP-DPA and JNIM."
    )
    reviewer.page.click("#edit-form button[type=submit]")
    reviewer.page.wait_for_selector(".message--success")
    reviewer.screenshot("seed-review")
    reviewer.page.click("#approve-form button")
    reviewer.page.wait_for_selector(".message--success >> text=approved")
    event.refresh_from_db()
    assert event.status == "approved" and str(event.end_date) == "2024-07-27"
    assert event.history.filter(field="notes").exists()

    # The event shows on the map; its popup lists the claims.
    reviewer.page.goto(f"/map/#7/{event.latitude:.3f}/{event.longitude:.3f}")
    reviewer.page.wait_for_selector("#map[data-state=ready], #map[data-state=error]", timeout=20_000)
    assert reviewer.page.get_attribute("#map", "data-state") == "ready", reviewer.page.inner_text("#map-status")
    opened = reviewer.page.evaluate(
        """(id) => new Promise((done) => {
            const marker = window.ctMap.markers.get(id);
            if (!marker) return done(false);
            window.ctMap.clusters.zoomToShowLayer(marker, () => { marker.openPopup(); done(true); });
        })""",
        event.id,
    )
    assert opened, "the approved event has no marker on the map"
    popup = reviewer.page.locator(".leaflet-popup-content").inner_text()
    assert "JNIM" in popup and "killed" in popup
    reviewer.screenshot("seed-map-popup")

    # The event page puts JNIM's and the CSP's conflicting figures side by side.
    reviewer.page.goto(f"/events/{event.id}/")
    table = reviewer.page.locator(".claims-table")
    claimants = set(table.locator("th.claims-claimant").all_inner_texts())
    assert any("JNIM" in name for name in claimants) and any("CSP" in name for name in claimants), claimants
    rows = {
        row.locator("td.figure").first.inner_text().strip() for row in table.locator("tr[data-claimant='JNIM']").all()
    }
    assert any(figure.startswith("50") for figure in rows), rows  # JNIM: 50 Wagner fighters killed
    csp_rows = table.locator("tr[data-claimant='CSP-DPA']")
    assert csp_rows.count() >= 1  # ... beside what the CSP claims in the same table
    csp_figures = " ".join(row.inner_text() for row in csp_rows.all())
    assert "84" in csp_figures, csp_figures  # the CSP: at least 84 Wagner mercenaries killed
    reviewer.screenshot("seed-event")
    assert reviewer.console_errors == [] and reviewer.blocked == [] and analyst.blocked == []
