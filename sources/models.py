"""Where events come from: publishers and the articles analysts upload."""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q


class Publisher(models.Model):
    name = models.CharField(max_length=200, unique=True)
    domain = models.CharField(max_length=200, blank=True, db_index=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


def content_hash(text: str) -> str:
    """The identity of an article's text: the same text uploaded twice is the same article."""
    canonical = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").strip().split("\n"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def file_hash(content: bytes) -> str:
    """The identity of an uploaded file: the same file uploaded twice is the same article, even before it is read."""
    return hashlib.sha256(content).hexdigest()


def original_file_path(article: "Article", filename: str) -> str:
    digest = article.original_hash or article.content_hash
    return f"articles/{digest[:2]}/{digest}/{filename}"


class ArticleStatus(models.TextChoices):
    QUEUED = "queued"
    PARSING = "parsing"
    PARSED = "parsed"
    FAILED = "failed"
    # In a language the parser has no lexicon for: nothing was read (``error`` says which language).
    UNSUPPORTED = "unsupported"
    # The uploaded file holds the text of another article (``duplicate_of``), which is the one parsed.
    DUPLICATE = "duplicate"


# An uploaded PDF or HTML file is read by the worker: until then (or when reading it failed) there is no text.
TEXTLESS_STATUSES = (ArticleStatus.QUEUED, ArticleStatus.PARSING, ArticleStatus.FAILED, ArticleStatus.DUPLICATE)


class Article(models.Model):
    Status = ArticleStatus

    class LanguageSource(models.TextChoices):
        DETECTED = "detected"  # guessed from the text by the parser
        REVIEWER = "reviewer"  # set by a person (language_set_by); parsing reads the text in it, never guessing again

    # Statuses whose parse is over: the article page offers to parse them again.
    DONE_STATUSES = (Status.PARSED, Status.FAILED, Status.UNSUPPORTED)

    title = models.CharField(max_length=500, blank=True)
    publisher = models.ForeignKey(Publisher, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    url = models.URLField(max_length=2000, blank=True)
    published_at = models.DateField(null=True, blank=True, db_index=True)
    language = models.CharField(
        max_length=8, blank=True, help_text="ISO 639-1; empty until detected or set by a reviewer."
    )
    language_source = models.CharField(max_length=16, choices=LanguageSource.choices, blank=True)
    language_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The reviewer who set the language.",
    )
    language_set_at = models.DateTimeField(null=True, blank=True)
    text = models.TextField(
        blank=True,
        help_text=(
            "The plain text that is parsed: given at upload, or read from the file by the worker; never changed after."
        ),
    )
    original_file = models.FileField(upload_to=original_file_path, blank=True)
    original_content_type = models.CharField(max_length=100, blank=True)
    original_hash = models.CharField(
        max_length=64, blank=True, db_index=True, editable=False, help_text="SHA-256 of the uploaded file."
    )
    content_hash = models.CharField(
        max_length=64, unique=True, null=True, editable=False, help_text="SHA-256 of the text; none until it is read."
    )
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The article whose text this file holds.",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True, db_index=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED, db_index=True)
    error = models.TextField(blank=True)
    queued_at = models.DateTimeField(
        null=True, blank=True, help_text="When the article was last (re)queued for parsing."
    )
    parsing_started_at = models.DateTimeField(null=True, blank=True)
    parsing_task_id = models.CharField(
        max_length=64, blank=True, help_text="The task delivery that holds the parsing claim."
    )
    parsing_interruptions = models.PositiveSmallIntegerField(
        default=0, help_text="Parses cut off (worker killed, past the time limit) since it was last queued by a person."
    )
    parsed_at = models.DateTimeField(null=True, blank=True)
    parser_version = models.CharField(max_length=32, blank=True)
    spans = models.JSONField(default=list, blank=True, help_text="What the parser found where, for highlighting.")

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        indexes = [models.Index(fields=["status", "queued_at"], name="article_sweep")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(text="") | Q(status__in=TEXTLESS_STATUSES), name="article_text_not_empty"
            ),
            # The text and its hash come together: a text without its identity could be uploaded twice.
            models.CheckConstraint(
                condition=Q(text="", content_hash__isnull=True)
                | (~Q(text="") & Q(content_hash__regex=r"^[0-9a-f]{64}$")),
                name="article_hash_is_sha256",
            ),
        ]

    def __str__(self):
        return self.title or self.original_filename or f"Article {self.pk}"

    @property
    def original_filename(self) -> str:
        return self.original_file.name.rsplit("/", 1)[-1] if self.original_file else ""

    @property
    def awaits_reading(self) -> bool:
        """An uploaded file whose text the worker has not read yet."""
        return not self.text and bool(self.original_file)
