"""Article workflows: submitting (text, file), queueing for parsing, the article row's parse claim (claim, release,
mark failed, sweep), reading an uploaded file in the worker, re-parsing. Parsing an article and attaching its events
is ``events.ingestion.article_parse``: sources never imports events."""

import datetime
import logging
import re
from contextlib import nullcontext
from dataclasses import dataclass
from urllib.parse import urlsplit

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import DatabaseError, IntegrityError, connections, models, transaction
from django.db.models import BooleanField, F, Func, Q, Subquery
from django.db.models.sql import UpdateQuery
from django.utils import timezone

from sources.extraction import (
    SLOW_TO_READ,
    ExtractedDocument,
    ExtractionError,
    check_document,
    clean_text,
    extract_document,
)
from sources.models import Article, Publisher, content_hash, file_hash

logger = logging.getLogger(__name__)


class ArticleTooLarge(ValueError):
    pass


class ArticleInvalid(ExtractionError):
    """Metadata the article cannot carry (a publication date outside 1900..tomorrow): answered 400 like
    any upload the service refuses."""


EARLIEST_PUBLICATION = datetime.date(1900, 1, 1)
# Bidi overrides and isolates, zero-width spaces and joiners, the BOM: they hide or reorder what a title shows.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def check_published_at(published_at: datetime.date | None) -> None:
    latest = timezone.localdate() + datetime.timedelta(days=1)
    if published_at is not None and not EARLIEST_PUBLICATION <= published_at <= latest:
        raise ArticleInvalid(
            f"The publication date {published_at.isoformat()} is outside 1900-01-01..{latest.isoformat()}."
        )


def _plausible(published_at: datetime.date | None) -> bool:
    try:
        check_published_at(published_at)
    except ArticleInvalid:
        return False
    return True


def visible_text(value: str) -> str:
    """A title or publisher without the characters that hide or reorder text."""
    return _INVISIBLE.sub("", value or "").strip()


class ArticleLanguageError(ValueError):
    """A language that cannot be set: not an ISO 639-1 code; the message says why."""


class ArticleBusy(ValueError):
    """A worker is parsing the article right now; the change would be overwritten by its result."""


@dataclass(frozen=True)
class ArticleSubmission:
    article: Article
    created: bool


def publisher_for(*, name: str, url: str = "") -> Publisher | None:
    name = (name or "").strip()[:200]
    domain = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    if not name and not domain:
        return None
    publisher, _ = Publisher.objects.get_or_create(name=name or domain, defaults={"domain": domain})
    if domain and not publisher.domain:
        publisher.domain = domain
        publisher.save(update_fields=["domain"])
    return publisher


def check_size(size: int) -> None:
    if size > settings.MAX_UPLOAD_BYTES:
        raise ArticleTooLarge(f"The upload is {size:,} bytes; the limit is {settings.MAX_UPLOAD_BYTES:,} bytes.")


def article_submit_text(
    *,
    text: str,
    uploaded_by,
    title: str = "",
    url: str = "",
    publisher: str = "",
    published_at: datetime.date | None = None,
) -> ArticleSubmission:
    check_size(len(text.encode("utf-8")))
    cleaned = clean_text(text)
    if not cleaned:
        raise ExtractionError("The text is empty.")
    document = ExtractedDocument(text=cleaned, content_type="text/plain")
    return _article_create(
        document=document, uploaded_by=uploaded_by, title=title, url=url, publisher=publisher, published_at=published_at
    )


def article_submit_file(
    *,
    filename: str,
    content: bytes,
    content_type: str,
    uploaded_by,
    title: str = "",
    url: str = "",
    publisher: str = "",
    published_at: datetime.date | None = None,
) -> ArticleSubmission:
    """A plain-text file is read at once; a PDF or HTML file is stored and read by the worker (a hostile or huge
    one can take a library minutes), so the upload returns at once and reading ends ``failed`` with a reason."""
    check_size(len(content))
    if not content:
        raise ExtractionError(f"{filename or 'The file'} is empty.")
    check_published_at(published_at)
    existing = Article.objects.filter(original_hash=file_hash(content)).first()
    if existing is not None:
        return _existing(existing)
    kind = check_document(filename=filename, content=content, content_type=content_type)
    if kind in SLOW_TO_READ:
        document = ExtractedDocument(text="", content_type=kind)
    else:
        document = extract_document(filename=filename, content=content, content_type=content_type)
    return _article_create(
        document=document,
        uploaded_by=uploaded_by,
        title=title,
        url=url,
        publisher=publisher,
        published_at=published_at,
        original=(filename, content),
    )


def _existing(article: Article) -> ArticleSubmission:
    if _stranded(article):
        transaction.on_commit(lambda: enqueue_parse(article.id))  # uploading a stranded article again sends it
    return ArticleSubmission(article=article, created=False)


def _transaction_unless_one_row(article: Article, *, original, publisher: str):
    """A transaction for an upload that writes more than its article row (a publisher, a stored file); none for the
    article alone, outside any transaction: one INSERT is atomic by itself, and BEGIN and COMMIT were two round
    trips more per upload (bench/e2e_burst.py). Inside a caller's transaction, a savepoint keeps a refused repeat
    from breaking it."""
    alone = original is None and not publisher and not article.url and not transaction.get_connection().in_atomic_block
    return nullcontext() if alone else transaction.atomic()


def _fits_url(url: str) -> bool:
    # A page's own canonical URL is metadata, not input: one too long for the column is dropped, not a 500.
    return len(url or "") <= Article._meta.get_field("url").max_length


def _article_create(
    *,
    document: ExtractedDocument,
    uploaded_by,
    title: str,
    url: str,
    publisher: str,
    published_at: datetime.date | None,
    original: tuple[str, bytes] | None = None,
) -> ArticleSubmission:
    """The article for this text: the existing one when the same text was uploaded before. A document without
    text yet (a file the worker reads) gets its text, and what it says of itself, when it is read."""
    check_published_at(published_at)
    digest = content_hash(document.text) if document.text else None
    # A text upload is inserted straight away: the unique hash refuses one seen before, and that rarer case pays
    # the lookup. A file is looked up first, so a repeated one is not written to storage only to be deleted.
    existing = Article.objects.filter(content_hash=digest).first() if digest and original is not None else None
    if existing is not None:
        return _existing(existing)
    article = Article(
        queued_at=timezone.now(),
        title=visible_text(title)[:500],
        url=url or (document.url if _fits_url(document.url) else ""),
        published_at=published_at,
        content_hash=digest,
        original_hash=file_hash(original[1]) if original else "",
        original_content_type=document.content_type,
        uploaded_by=uploaded_by if getattr(uploaded_by, "is_authenticated", False) else None,
    )
    if document.text:
        _take_document(article, document)
    try:
        with _transaction_unless_one_row(article, original=original, publisher=publisher or document.publisher):
            if publisher or document.text:  # else the file names its publisher when the worker reads it
                article.publisher = publisher_for(
                    name=visible_text(publisher) or visible_text(document.publisher), url=article.url
                )
            if original is not None:
                article.original_file.save(_safe_filename(original[0]), ContentFile(original[1]), save=False)
            article.save()
            transaction.on_commit(lambda: enqueue_parse(article.id))
    except IntegrityError:
        # The same text (or file) was uploaded before, or by another upload that won the race: theirs is the article.
        _delete_file(article)
        winner = Article.objects.filter(content_hash=digest).first() if digest else None
        if winner is None:
            raise
        return _existing(winner)
    except DatabaseError:
        _delete_file(article)  # no article, no file left behind
        raise
    return ArticleSubmission(article=article, created=True)


def _take_document(article: Article, document: ExtractedDocument) -> None:
    """Give the article the document's text, and what the document says of itself where the uploader said nothing."""
    article.text = document.text
    article.content_hash = content_hash(document.text)
    article.title = article.title or (visible_text(document.title) or _first_line(document.text))[:500]
    if article.published_at is None and _plausible(document.published_at):
        article.published_at = document.published_at  # a page's own metadata
    if not article.url and _fits_url(document.url):
        article.url = document.url


def _delete_file(article: Article) -> None:
    if article.original_file:
        article.original_file.delete(save=False)


class ArticleDone(Exception):
    """Reading the uploaded file ended the article (failed, or a duplicate): there is nothing to parse."""


def article_read_original(article: Article) -> None:
    """Read the text of an uploaded PDF or HTML file, in the worker; raises ArticleDone when that ends the article."""
    try:
        with article.original_file.open("rb") as stored:
            content = stored.read()
        document = extract_document(
            filename=article.original_filename, content=content, content_type=article.original_content_type
        )
    except ExtractionError as exc:
        article_mark_failed(article_id=article.id, error=str(exc))
        raise ArticleDone from exc
    except (FileNotFoundError, ValueError) as exc:
        article_mark_failed(
            article_id=article.id, error=f"The uploaded file is missing from storage ({exc}); upload it again."
        )
        raise ArticleDone from exc
    except SoftTimeLimitExceeded as exc:
        limit = settings.CELERY_TASK_SOFT_TIME_LIMIT
        article_mark_failed(
            article_id=article.id, error=f"Reading the file took longer than {limit} s; upload the report alone."
        )
        raise ArticleDone from exc
    except Exception as exc:  # a library's bug on a strange file must not leave the article to be retried for ever
        logger.exception("Reading the file of article %s failed", article.id)
        article_mark_failed(article_id=article.id, error=f"The file could not be read ({type(exc).__name__}: {exc}).")
        raise ArticleDone from exc
    _take_document(article, document)
    if not article.publisher_id:
        article.publisher = publisher_for(name=visible_text(document.publisher), url=article.url)
    original = Article.objects.filter(content_hash=article.content_hash).exclude(id=article.id).first()
    if original is None:
        try:
            with transaction.atomic():
                article.save(update_fields=["text", "content_hash", "title", "published_at", "url", "publisher"])
            return
        except IntegrityError:  # another file with the same text was read at the same moment
            original = Article.objects.get(content_hash=article.content_hash)
    _mark_duplicate(article_id=article.id, original=original)
    raise ArticleDone


def _mark_duplicate(*, article_id: int, original: Article) -> None:
    Article.objects.filter(id=article_id).update(
        status=Article.Status.DUPLICATE,
        duplicate_of=original,
        parsed_at=None,
        error=f"The file holds the same text as article {original.id} ({original}), which is the one parsed.",
    )


def _first_line(text: str, limit: int = 120) -> str:
    """A stand-in title for plain text: its first line, cut at a word."""
    line = text.strip().split("\n", 1)[0].strip()
    return line if len(line) <= limit else line[:limit].rsplit(" ", 1)[0] + "…"


def _safe_filename(filename: str) -> str:
    name = "".join(char if char.isalnum() or char in "._-" else "_" for char in filename.rsplit("/", 1)[-1])
    return name[-100:] or "upload"


def enqueue_parse(article_id: int) -> bool:
    """Send the parse task; False when the broker is unreachable. The article stays ``queued`` and
    ``sweep_stranded_articles`` sends it once the broker is back: an upload never fails for that."""
    from kombu.exceptions import OperationalError as BrokerError

    from sources.tasks import parse_article_task

    try:
        parse_article_task.delay(article_id)
    except (BrokerError, ConnectionError, OSError) as exc:
        logger.warning("Could not queue article %s for parsing (the sweep will): %s", article_id, exc)
        return False
    return True


def _stranded(article: Article) -> bool:
    """Queued for longer than a message takes to reach a worker: its message was probably lost."""
    waited = timezone.now() - datetime.timedelta(seconds=settings.SWEEP_QUEUED_AFTER_SECONDS)
    return article.status == Article.Status.QUEUED and (article.queued_at or article.uploaded_at) < waited


def articles_sweep(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Send again what no live task holds: ``queued`` longer than SWEEP_QUEUED_AFTER_SECONDS (its message was
    lost: the broker was down, or a worker died holding it), and ``parsing`` claims older than the task's hard
    time limit (their worker died). Idempotent: a task finding its row taken or done does nothing."""
    now = now or timezone.now()
    waited = now - datetime.timedelta(seconds=settings.SWEEP_QUEUED_AFTER_SECONDS)
    abandoned = Article.objects.filter(status=Article.Status.PARSING, parsing_started_at__lt=_stale_parsing_cutoff(now))
    _fail_articles_that_keep_killing_their_worker(abandoned)
    freed = abandoned.update(
        status=Article.Status.QUEUED,
        queued_at=now,
        parsing_task_id="",
        parsing_interruptions=F("parsing_interruptions") + 1,
    )
    stranded = list(
        Article.objects.filter(
            Q(queued_at__lt=waited) | Q(queued_at__isnull=True, uploaded_at__lt=waited), status=Article.Status.QUEUED
        )
        .order_by("id")
        .values_list("id", flat=True)[: settings.SWEEP_BATCH]
    )
    if stranded:
        Article.objects.filter(id__in=stranded, status=Article.Status.QUEUED).update(queued_at=now)
    sent = sum(enqueue_parse(article_id) for article_id in stranded)
    return {"freed": freed, "stranded": len(stranded), "sent": sent}


def _fail_articles_that_keep_killing_their_worker(abandoned) -> None:
    """A claim abandoned for the last allowed time: a file that kills its worker (memory, the hard time limit)
    would otherwise be sent again for ever."""
    limit = settings.PARSE_MAX_INTERRUPTIONS
    abandoned.filter(parsing_interruptions__gte=limit - 1).update(
        status=Article.Status.FAILED,
        parsing_task_id="",
        parsed_at=None,
        error=(
            f"Parsing was cut off {limit} times (its worker was killed, or it ran past the "
            f"{settings.CELERY_TASK_TIME_LIMIT} s limit); the file may be too large to read."
        ),
    )


def _requeue(article_id: int, *, only: Q | None = None, **changes) -> bool:
    """Queue the article to be parsed again (with ``changes`` written in the same UPDATE); False when ``only``
    excluded it."""
    with transaction.atomic():
        rows = Article.objects.filter(id=article_id)
        if only is not None:
            rows = rows.filter(only)
        queued = {"status": Article.Status.QUEUED, "error": "", "queued_at": timezone.now(), "parsing_task_id": ""}
        if not rows.update(**queued, parsing_interruptions=0, duplicate_of=None, **changes):
            return False
        transaction.on_commit(lambda: enqueue_parse(article_id))
    return True


def article_requeue(*, article: Article) -> None:
    """Parse the article again (after the dictionaries changed), replacing what it produced before."""
    _requeue(article.id)


def _stale_parsing_cutoff(now: datetime.datetime) -> datetime.datetime:
    """A row stuck in "parsing" since before this belonged to a worker that died (past the task's hard time limit)."""
    return now - datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)


def _not_held_by_a_worker(now: datetime.datetime) -> Q:
    """Not being parsed, or held by a worker that died."""
    return ~Q(status=Article.Status.PARSING) | Q(
        status=Article.Status.PARSING, parsing_started_at__lt=_stale_parsing_cutoff(now)
    )


def article_set_language(*, article: Article, language: str, reviewer: AbstractBaseUser) -> Article:
    """A reviewer says which language the article is in: recorded as theirs (who and when), and the article is
    parsed again in that language instead of a guess, replacing what it produced before (a language the parser
    has no lexicon for ends ``unsupported``). Refused while a worker is parsing it, whose result would overwrite it."""
    from sources.languages import is_language_code

    code = (language or "").strip().lower()
    if not is_language_code(code):
        raise ArticleLanguageError(
            f"“{language}” is not a language code: give an ISO 639-1 code of two letters, such as en, fr or es."
        )
    now = timezone.now()
    changes = {
        "language": code,
        "language_source": Article.LanguageSource.REVIEWER,
        "language_set_by": reviewer,
        "language_set_at": now,
    }
    if not _requeue(article.id, only=_not_held_by_a_worker(now), **changes):
        raise ArticleBusy("The article is being parsed right now; set its language again in a moment.")
    article.refresh_from_db()
    return article


def article_claim_for_parsing(*, article_id: int, task_id: str = "", retrying: bool = False) -> Article | None:
    """Take the article for this task delivery and load it, in one statement; None when another one has it or it
    is done.

    A row stuck in "parsing" longer than the task's hard time limit belonged to a worker that died, so
    it may be taken again; and a redelivered message (same task id: its worker was killed mid-parse)
    takes its own claim back at once. A retry after a database error (``retrying``) that finds its own claim
    still held (the database was down, so it could not hand the row back) was not cut off: it is not counted.
    """
    now = timezone.now()
    connection = connections["default"]
    # Written as SQL: most claims are a batch-mate's own message finding its article taken already, and building
    # this UPDATE with the ORM cost three times the statement itself (bench/parse_throughput.py).
    table = connection.ops.quote_name(Article._meta.db_table)
    by_this_delivery = " OR parsing_task_id = %s" if task_id else ""
    # Taking a row that is still "parsing" means the attempt holding it was cut off: count it (a retry taking back
    # its own claim, which the database being down kept it from handing back, was not cut off).
    not_own = " AND parsing_task_id <> %s" if retrying and task_id else ""
    sql = f"""
        UPDATE {table} SET status = %s, parsing_started_at = %s, parsing_task_id = %s,
            parsing_interruptions = CASE WHEN status = %s{not_own}
                THEN parsing_interruptions + 1 ELSE parsing_interruptions END
        WHERE id = %s AND (
            status = %s
            OR (status = %s AND parsing_interruptions < %s AND (parsing_started_at < %s{by_this_delivery}))
        )
    """
    parsing, queued = Article.Status.PARSING, Article.Status.QUEUED
    params = [
        parsing,
        connection.ops.adapt_datetimefield_value(now),
        task_id,
        parsing,
        *([task_id] if not_own else []),
        article_id,
        queued,
        parsing,
        # Past the last allowed cut-off the row is left to the sweep, which marks it failed.
        settings.PARSE_MAX_INTERRUPTIONS - 1,
        connection.ops.adapt_datetimefield_value(_stale_parsing_cutoff(now)),
        *([task_id] if task_id else []),
    ]
    claimed = _returning(sql, params)
    return claimed[0] if claimed else None


def articles_claim_waiting(*, task_id: str, besides: int, limit: int, retrying: bool = False) -> list[Article]:
    """Up to ``limit`` more queued articles, oldest first, claimed for this task delivery's batch and loaded, in one
    statement (besides the article ``besides``, its own).

    They carry this delivery's task id, so the sweep frees them with it when its worker dies, and a retry after a
    database error (``retrying``) takes back, uncounted, those it could not hand back. Only articles never cut off
    are taken: one whose parse was cut off is parsed alone, so a file that kills its worker cannot take innocent
    batch-mates with it to their last allowed cut-off. On PostgreSQL rows another worker is claiming are skipped,
    not waited for (SKIP LOCKED), so concurrent batches take disjoint articles.
    """
    waiting = Q(status=Article.Status.QUEUED, parsing_interruptions=0) & ~Q(text="")  # a file to read goes alone
    if retrying and task_id:
        waiting |= Q(status=Article.Status.PARSING, parsing_task_id=task_id)
    oldest = (
        Article.objects.filter(waiting)
        .exclude(id=besides)
        .order_by(F("queued_at").asc(nulls_first=True), "id")
        .select_for_update(skip_locked=True)  # nothing on SQLite, which has one writer at a time
        .values("id")[:limit]
    )
    with transaction.atomic():  # FOR UPDATE needs a transaction, even inside one statement
        return _update_returning(
            Article.objects.filter(waiting, _one_of(oldest)),
            status=Article.Status.PARSING,
            parsing_started_at=timezone.now(),
            parsing_task_id=task_id,
        )


def _one_of(ids: models.QuerySet) -> Q:
    """The rows whose id the subquery selects, the subquery run once. ``id IN (SELECT … LIMIT n FOR UPDATE SKIP
    LOCKED)`` is not that on PostgreSQL: the planner may scan the subquery again, each scan skipping the rows the
    UPDATE has just changed, and take far more than n. ``= ANY(ARRAY(…))`` is computed once, before the UPDATE."""
    if connections[ids.db].vendor != "postgresql":
        return Q(id__in=ids)
    any_of = Func(
        F("id"), Subquery(ids), arg_joiner=" = ANY(ARRAY", template="(%(expressions)s))", output_field=BooleanField()
    )
    return Q(any_of)


def articles_free_batch_mates(*, task_id: str, besides: int, counted: bool = True) -> int:
    """A redelivered batch (its worker was killed mid-way) hands back the articles it held besides its own: queued
    again with the cut-off ``counted``, as the sweep would free them, and each sent on its own at once, since its own
    message may already have found it taken. Not counted for a retry after a database error, which cut nothing off.
    How many were freed."""
    held = Article.objects.filter(status=Article.Status.PARSING, parsing_task_id=task_id).exclude(id=besides)
    if counted:
        _fail_articles_that_keep_killing_their_worker(held)
    freed = _update_returning(
        held,
        status=Article.Status.QUEUED,
        queued_at=timezone.now(),
        parsing_task_id="",
        parsing_interruptions=F("parsing_interruptions") + int(counted),
    )
    for article in freed:
        transaction.on_commit(lambda article_id=article.id: enqueue_parse(article_id))
    return len(freed)


def _update_returning(rows: models.QuerySet, **changes) -> list[Article]:
    """``rows.update(**changes)`` as one UPDATE … RETURNING every column: the rows it changed, loaded (SQLite 3.35+,
    PostgreSQL). The UPDATE is the one the ORM builds for ``update()``, so its conditions read as the ORM's."""
    query = rows.query.chain(UpdateQuery)
    query.add_update_values(changes)
    update_sql, params = query.get_compiler(rows.db).as_sql()
    if not update_sql:
        return []
    return _returning(update_sql, params, using=rows.db)


def _returning(update_sql: str, params: list, *, using: str = "default") -> list[Article]:
    """The articles an UPDATE of sources_article changed, loaded from its RETURNING of every column in one statement;
    the columns pass through the fields' converters as a query's rows do (JSON, and dates on SQLite)."""
    connection = connections[using]
    fields = Article._meta.concrete_fields
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    with connection.cursor() as cursor:
        cursor.execute(f"{update_sql} RETURNING {columns}", params)
        rows = cursor.fetchall()
    if not rows:
        return []
    compiler = Article.objects.all().query.get_compiler(using=using)
    converters = compiler.get_converters([field.get_col(Article._meta.db_table) for field in fields])
    names = [field.attname for field in fields]
    return [Article.from_db(using, names, row) for row in compiler.apply_converters(rows, converters)]


def article_release(*, article_id: int, task_id: str = "") -> None:
    """Hand a claimed article back to the queue (its task will retry), on a fresh connection: the one
    that failed may be dead. With ``task_id``, every article that delivery holds too (its batch-mates)."""
    from django.db import connection

    connection.close()
    _release((Q(id=article_id) | Q(parsing_task_id=task_id)) if task_id else Q(id=article_id))


def article_send_alone(*, article_id: int) -> None:
    """A batch-mate whose write hit a transient error (its savepoint rolled back, the connection fine): queued again
    and sent on its own, where its task's retries apply."""
    _release(Q(id=article_id))
    transaction.on_commit(lambda: enqueue_parse(article_id))


def _release(held: Q) -> None:
    Article.objects.filter(held, status=Article.Status.PARSING).update(
        status=Article.Status.QUEUED, queued_at=timezone.now(), parsing_task_id=""
    )


def article_mark_failed(*, article_id: int, error: str) -> None:
    Article.objects.filter(id=article_id).update(status=Article.Status.FAILED, error=error[:2000], parsed_at=None)
