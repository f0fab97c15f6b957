import pytest
from django.core.management import CommandError, call_command

from events.ingestion import article_parse
from sources.extraction import ExtractionError
from sources.models import Article
from sources.services import ArticleTooLarge, article_claim_for_parsing, article_submit_file, article_submit_text

pytestmark = pytest.mark.django_db
REPORT = "Gunmen attacked a village on Sunday, killing at least 12 people, a local official said."


@pytest.fixture
def no_parsing(monkeypatch):
    """Submission tests look at the article, not at what parsing makes of it."""
    monkeypatch.setattr("sources.services.enqueue_parse", lambda article_id: None)


def test_the_same_text_twice_is_one_article(no_parsing):
    first = article_submit_text(text=REPORT, uploaded_by=None, publisher="Wire")
    again = article_submit_text(text=REPORT + "\n", uploaded_by=None)
    assert first.created and not again.created
    assert again.article.id == first.article.id and Article.objects.count() == 1
    assert first.article.publisher.name == "Wire"


@pytest.mark.django_db(transaction=True)
def test_a_repeated_text_outside_any_transaction_is_the_first_article(no_parsing):
    first = article_submit_text(text=REPORT, uploaded_by=None)  # one INSERT, no transaction of its own
    again = article_submit_text(text=REPORT, uploaded_by=None)  # refused by the unique hash, then looked up
    assert again.article.id == first.article.id and not again.created and Article.objects.count() == 1


def test_a_repeated_text_inside_a_callers_transaction_leaves_it_usable(no_parsing):
    from django.db import transaction

    with transaction.atomic():
        first = article_submit_text(text=REPORT, uploaded_by=None)
        again = article_submit_text(text=REPORT, uploaded_by=None)  # its refused INSERT rolls back a savepoint
        assert again.article.id == first.article.id and Article.objects.count() == 1


def test_an_uploaded_file_keeps_its_original(no_parsing):
    submission = article_submit_file(
        filename="../../etc/report.txt",
        content=REPORT.encode(),
        content_type="text/plain",
        uploaded_by=None,
        url="https://www.example.org/a",
    )
    article = submission.article
    assert article.original_file.read() == REPORT.encode()
    assert ".." not in article.original_file.name
    assert article.publisher.domain == "example.org"


def test_oversized_empty_and_bad_uploads_are_refused_and_store_nothing(no_parsing, settings):
    settings.MAX_UPLOAD_BYTES = 2048
    with pytest.raises(ArticleTooLarge):
        article_submit_file(filename="big.txt", content=b"x" * 4096, content_type="", uploaded_by=None)
    with pytest.raises(ExtractionError):
        article_submit_file(filename="empty.txt", content=b"", content_type="", uploaded_by=None)
    with pytest.raises(ExtractionError):
        article_submit_text(text="   ", uploaded_by=None)
    assert not Article.objects.exists()


def test_a_claimed_article_is_not_claimed_twice(no_parsing):
    article = article_submit_text(text=REPORT, uploaded_by=None).article
    assert article_claim_for_parsing(article_id=article.id)
    assert not article_claim_for_parsing(article_id=article.id)


def test_a_parser_crash_marks_the_article_failed_with_a_reason(no_parsing, monkeypatch):
    article = article_submit_text(text=REPORT, uploaded_by=None).article

    def explode(*args, **kwargs):
        raise RuntimeError("unexpected token")

    monkeypatch.setattr("events.ingestion.parse_article", explode)
    assert article_parse(article_id=article.id)
    article.refresh_from_db()
    assert article.status == "failed" and "unexpected token" in article.error


def test_ingest_rejects_a_bad_date_and_missing_files(tmp_path):
    with pytest.raises(CommandError, match="not a date"):
        call_command("ingest", str(tmp_path / "a.txt"), "--published-at", "yesterday")
    with pytest.raises(CommandError, match="could not be ingested"):
        call_command("ingest", str(tmp_path / "missing.txt"))


def test_reparse_needs_ids_or_all():
    with pytest.raises(CommandError, match="Give article ids, --all or --outdated"):
        call_command("reparse")
    with pytest.raises(CommandError, match="No article with id 999"):
        call_command("reparse", "999")


def test_a_village_a_reviewer_placed_is_found_by_the_next_reports_in_english_and_french(no_parsing, user_factory):
    from events.models import Event
    from events.services import event_place_unresolved_name

    reviewer = user_factory("rita", "reviewer")
    first = article_submit_text(
        text="Jihadists killed nine soldiers in the village of Tabankort, Mali, on Tuesday, the army said.",
        uploaded_by=None,
    ).article
    article_parse(article_id=first.id)
    event = Event.objects.get(reports__article=first)
    assert event.place is None and event.location_name == "Tabankort"
    event_place_unresolved_name(
        event=event, reviewer=reviewer, latitude=15.52, longitude=-1.31, expected_version=event.version
    )
    added = Event.objects.get(id=event.id).place
    for text in (
        "Militants killed four civilians near Tabankort in Mali on Friday, residents said.",
        "Des jihadistes ont tué six soldats vendredi à Tabankort, au Mali, selon l’armée malienne.",
    ):
        article = article_submit_text(text=text, uploaded_by=None).article
        article_parse(article_id=article.id)
        [report] = Event.objects.filter(reports__article=article)
        assert report.place == added and (report.latitude, report.longitude) == (15.52, -1.31), text
