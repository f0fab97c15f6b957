"""The review queue in headless Chromium, under the real Content Security Policy (the bulk confirmation is a
static script): bulk approval of three drafts after a confirmation naming how many, and the soft lock a second
reviewer sees."""

import pytest

from events.models import Event, ReviewLog
from tests.web.conftest import make_article, make_event, two_reviewers_on

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def drafts(user_factory):
    user_factory("rev", "reviewer")
    return [make_event(articles=[make_article(f"Report {index} of a clash near Gao.")]) for index in range(4)]


def test_a_reviewer_bulk_approves_three_drafts_after_confirming_how_many(browser_session, drafts, tmp_path):
    session = browser_session(enforce_csp=True)
    session.login("rev")
    session.page.goto("/review/")
    chosen = drafts[:3]
    for event in chosen:
        session.page.check(f"tr[data-event='{event.id}'] input[name=events]")
    assert session.page.inner_text("#bulk-selected") == "3 events selected"
    session.page.click("#bulk-form button[value=approve]")
    session.page.wait_for_selector("#bulk-confirm:not([hidden])")
    assert session.page.inner_text("#bulk-confirm-text") == "Approve 3 events?"
    assert not ReviewLog.objects.exists()  # nothing is sent before the confirmation
    session.page.screenshot(path=str(tmp_path / "review-queue-bulk-confirm.png"), full_page=True)
    session.page.click("#bulk-confirm-yes")
    session.page.wait_for_selector(".message--success")
    assert "3 events approved." in session.page.inner_text(".messages")
    rows = ReviewLog.objects.filter(action="approved")
    assert sorted(rows.values_list("event_id", flat=True)) == sorted(event.id for event in chosen)
    assert Event.objects.get(id=drafts[3].id).status == "draft"
    assert session.page.locator("tbody tr").evaluate_all("rows => rows.map(row => row.dataset.event)") == [
        str(drafts[3].id)
    ]  # the queue lists only the one left
    assert session.console_errors == [] and session.dialogs == [] and session.blocked == []


def test_a_second_reviewer_is_told_who_is_reviewing_the_event(browser_session, drafts, user_factory):
    first, second = two_reviewers_on(browser_session, user_factory, f"/review/{drafts[0].id}/")
    warning = second.page.locator(".review-lock")
    assert warning.count() == 1 and "rev is reviewing since" in warning.inner_text()
    assert second.page.locator("#approve-form button").is_enabled()  # a warning, never a block
    assert first.page.locator(".review-lock").count() == 0  # not about oneself
    second.page.goto("/review/")
    row = second.page.locator(f"tr[data-event='{drafts[0].id}'] .review-lock")
    assert [text for text in row.all_inner_texts() if text.startswith("rev is reviewing since")]
    second.screenshot("review-queue-soft-lock")
