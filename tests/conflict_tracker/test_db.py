import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from conflict_tracker.db import insert_rows, update_rows
from sources.models import Article, content_hash


def _article(text: str) -> Article:
    return Article.objects.create(text=text, content_hash=content_hash(text), status=Article.Status.PARSING)


@pytest.mark.django_db
def test_update_rows_writes_each_rows_own_values_of_the_fields_named_and_no_other():
    first, second, untouched = _article("One report."), _article("Another report."), _article("A third report.")
    parsed_at = timezone.now() - datetime.timedelta(minutes=5)
    first.spans, first.status, first.parsed_at, first.error = (
        [{"kind": "place", "label": 'Gao "Nord" l\'été \\ 北'}],
        "parsed",
        parsed_at,
        "",
    )
    second.spans, second.status, second.parsed_at, second.error = [], "unsupported", None, "No parser for Hausa yet."
    first.title = "not a named field"
    update_rows(Article, [first, second], ["spans", "status", "parsed_at", "error"])
    first_row, second_row, untouched_row = (Article.objects.get(id=a.id) for a in (first, second, untouched))
    assert (first_row.spans, first_row.status, first_row.parsed_at) == (
        [{"kind": "place", "label": 'Gao "Nord" l\'été \\ 北'}],
        "parsed",
        parsed_at,
    )
    assert first_row.title != "not a named field"
    assert (second_row.spans, second_row.status, second_row.parsed_at) == ([], "unsupported", None)
    assert second_row.error == "No parser for Hausa yet."
    assert untouched_row.status == Article.Status.PARSING


@pytest.mark.django_db
def test_update_rows_of_no_rows_runs_no_statement(django_assert_num_queries):
    with django_assert_num_queries(0):
        update_rows(Article, [], ["status"])


@pytest.mark.django_db
def test_insert_rows_writes_every_column_as_bulk_create_would(django_assert_num_queries):
    from events.models import Claim, Event, EventReport

    article = _article("A report of a raid.")
    day = datetime.date(2024, 7, 27)
    event = Event.objects.create(event_type="Battles", start_date=day, end_date=day)
    report = EventReport(event=event, article=article, match_reason={"place": 'Gao "Nord" l\'été'}, parsed={})
    claims = [
        Claim(event=event, article=article, kind="killed", claimant_text="JNIM", count_min=50, quote="« 50 »"),
        Claim(event=event, article=article, kind="wounded", count_min=None, confidence=0.25),
    ]
    before = timezone.now()
    with django_assert_num_queries(2):
        insert_rows(EventReport, [report])
        insert_rows(Claim, claims)
    stored = EventReport.objects.get()
    assert (stored.event_id, stored.article_id, stored.match_reason) == (event.id, article.id, report.match_reason)
    assert stored.created_at >= before
    rows = list(Claim.objects.order_by("kind").values("kind", "claimant_text", "count_min", "quote", "confidence"))
    assert rows == [
        {"kind": "killed", "claimant_text": "JNIM", "count_min": 50, "quote": "« 50 »", "confidence": 1.0},
        {"kind": "wounded", "claimant_text": "", "count_min": None, "quote": "", "confidence": 0.25},
    ]
    assert all(claim.created_at >= before for claim in Claim.objects.all())


@pytest.mark.django_db
def test_insert_rows_of_no_rows_runs_no_statement(django_assert_num_queries):
    from events.models import Claim

    with django_assert_num_queries(0):
        insert_rows(Claim, [])


@pytest.mark.django_db
def test_a_statement_a_connection_keeps_running_is_prepared_by_postgresql_with_its_values_bound_by_the_server():
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements and server-side binding are PostgreSQL's")
    threshold = settings.DATABASES["default"]["OPTIONS"]["prepare_threshold"]
    text = 'It\'s a "quoted" report; -- not a comment \\ 北'
    with connection.cursor() as cursor:
        for _ in range(threshold + 1):
            cursor.execute("SELECT %s::text, COUNT(*) FROM sources_article WHERE id > %s", [text, 0])
            assert cursor.fetchone() == (text, 0)
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]
    assert any("FROM sources_article WHERE id > $2" in statement for statement in prepared), prepared
