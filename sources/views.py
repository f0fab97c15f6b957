"""Web pages for articles: uploading (files, text, URL), the list, the highlighted text, parsing status."""

import hashlib
from dataclasses import asdict, dataclass
from itertools import pairwise
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET, require_POST

from events import selectors
from events.models import EventReport
from events.roles import ANALYST, REVIEWER, user_has_role
from events.views import page, role_required
from sources.extraction import ExtractionError, document_metadata
from sources.fetch import FetchedPage, FetchError, fetch_url
from sources.forms import (
    UPLOAD_FORMS,
    ArticleFilterForm,
    ArticleLanguageForm,
    FileUploadForm,
    TextUploadForm,
    UrlInspectForm,
    UrlUploadForm,
)
from sources.languages import language_name
from sources.models import Article
from sources.services import (
    ArticleBusy,
    ArticleLanguageError,
    ArticleTooLarge,
    article_requeue,
    article_set_language,
    article_submit_file,
    article_submit_text,
)

SPAN_KINDS = ("claim", "actor", "place", "date")
FETCH_CACHE_SECONDS = 600


# ---------------------------------------------------------------- upload


@dataclass
class UploadResult:
    """What became of one file, text or URL: the article (new or the existing duplicate), or why not."""

    name: str
    ok: bool
    error: str = ""
    http_status: int = 200
    article_id: int | None = None
    title: str = ""
    duplicate: bool = False
    status: str = ""
    error_detail: str = ""
    article_url: str = ""
    status_url: str = ""

    @classmethod
    def of(cls, name: str, submission) -> "UploadResult":
        article = submission.article
        return cls(
            name=name, ok=True, article_id=article.id, title=str(article), duplicate=not submission.created,
            status=article.status, error_detail=article.error,
            article_url=reverse("article-detail", args=[article.id]), status_url=reverse("article-status", args=[article.id]),
        )  # fmt: skip

    @classmethod
    def refused(cls, name: str, exc: Exception) -> "UploadResult":
        status = 413 if isinstance(exc, ArticleTooLarge) else 415 if getattr(exc, "kind", "") == "unsupported" else 400
        return cls(name=name, ok=False, error=str(exc), http_status=status)


def _fetch_cache_key(url: str) -> str:
    return "url-fetch:" + hashlib.sha256(url.encode()).hexdigest()


def fetch_page(url: str) -> FetchedPage:
    """The page at the URL, from the cache when "Look up" fetched it a moment ago."""
    page_ = cache.get(_fetch_cache_key(url))
    if page_ is None:
        page_ = fetch_url(url)
        cache.set(_fetch_cache_key(url), page_, FETCH_CACHE_SECONDS)
    return page_


def _details(data: dict, user) -> dict:
    return {
        "uploaded_by": user, "title": data.get("title", ""), "publisher": data.get("publisher", ""),
        "published_at": data.get("published_at"),
    }  # fmt: skip


def submit_upload(source: str, data: dict, user) -> list[UploadResult]:
    """Hand each item of a valid upload form to the article services."""
    details = _details(data, user)
    results = []
    if source == "files":
        for upload in data["files"]:
            try:
                submission = article_submit_file(filename=upload.name, content=upload.read(), content_type=upload.content_type or "", **details)
            except (ArticleTooLarge, ExtractionError) as exc:
                results.append(UploadResult.refused(upload.name, exc))
            else:
                results.append(UploadResult.of(upload.name, submission))
    elif source == "text":
        try:
            results.append(UploadResult.of("Pasted text", article_submit_text(text=data["text"], url=data.get("url", ""), **details)))
        except (ArticleTooLarge, ExtractionError) as exc:
            results.append(UploadResult.refused("Pasted text", exc))
    else:
        url = data["url"]
        try:
            fetched = fetch_page(url)
            submission = article_submit_file(filename=fetched.filename, content=fetched.content, content_type=fetched.content_type, url=fetched.url, **details)
        except (FetchError, ArticleTooLarge, ExtractionError) as exc:
            results.append(UploadResult.refused(url, exc))
        else:
            results.append(UploadResult.of(url, submission))
    return results


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _upload_page(request, *, source: str = "files", bound=None, results=None, status: int = 200):
    forms = {"files_form": FileUploadForm(prefix="files"), "text_form": TextUploadForm(prefix="text"), "url_form": UrlUploadForm(prefix="url")}
    if bound is not None:
        forms[f"{source}_form"] = bound
    config = {"maxBytes": settings.MAX_UPLOAD_BYTES, "inspectUrl": reverse("upload-inspect")}
    return page(request, "sources/upload.html", {**forms, "source": source, "results": results, "upload_config": config}, status=status)


@role_required(ANALYST)
def upload(request):
    """GET: the upload page. POST: one upload (files, text or url); JSON for the page's script, else a page of results."""
    if request.method != "POST":
        return _upload_page(request)
    source = request.POST.get("source", "")
    form_class = UPLOAD_FORMS.get(source)
    if form_class is None:
        return JsonResponse({"error": "Say what is uploaded: source=files, text or url."}, status=400)
    form = form_class(request.POST, request.FILES, prefix=source)
    if not form.is_valid():
        if _wants_json(request):
            return JsonResponse({"errors": {name: [str(e) for e in errors] for name, errors in form.errors.items()}}, status=400)
        return _upload_page(request, source=source, bound=form, status=400)
    results = submit_upload(source, form.cleaned_data, request.user)
    if _wants_json(request):
        status = 200 if any(result.ok for result in results) else results[0].http_status
        return JsonResponse({"results": [asdict(result) for result in results]}, status=status)
    return _upload_page(request, source=source, results=results)


@require_POST
@role_required(ANALYST)
def upload_inspect(request):
    """What a page or file says of itself (title, publisher, date), to pre-fill the form; creates nothing and reads
    no more of the file than its metadata (its text is the worker's to read)."""
    try:
        if "file" in request.FILES:
            upload_file = request.FILES["file"]
            if upload_file.size > settings.MAX_UPLOAD_BYTES:
                raise ArticleTooLarge(f"{upload_file.name} is larger than the upload limit.")
            document = document_metadata(filename=upload_file.name, content=upload_file.read(), content_type=upload_file.content_type or "")
            url = document.url
        else:
            form = UrlInspectForm(request.POST)
            if not form.is_valid():
                return JsonResponse({"error": "Give an http:// or https:// address."}, status=400)
            fetched = fetch_page(form.cleaned_data["url"])
            document = document_metadata(filename=fetched.filename, content=fetched.content, content_type=fetched.content_type)
            url = fetched.url
    except (FetchError, ArticleTooLarge, ExtractionError) as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    domain = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    return JsonResponse({
        "title": document.title, "publisher": document.publisher or domain,
        "published_at": document.published_at.isoformat() if document.published_at else "", "url": url,
    })  # fmt: skip


# ---------------------------------------------------------------- articles


@role_required(ANALYST)
def article_list(request):
    form = ArticleFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    articles = selectors.article_list(status=filters.get("status", ""), language=filters.get("language", "")).select_related("uploaded_by")
    if query := filters.get("q"):
        articles = articles.filter(Q(title__icontains=query) | Q(publisher__name__icontains=query))
    counts = dict(Article.objects.values_list("status").annotate(n=Count("id")))
    return page(request, "sources/article_list.html", {"form": form, "articles": Paginator(articles, 50).get_page(request.GET.get("page")), "counts": counts})


def _valid_spans(text: str, spans) -> list[dict]:
    valid = []
    for span in spans if isinstance(spans, list) else []:
        if not isinstance(span, dict):
            continue
        start, end, kind = span.get("start"), span.get("end"), span.get("kind")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text) and kind in SPAN_KINDS:
            valid.append({"kind": kind, "start": start, "end": end, "label": str(span.get("label") or ""), "event_id": span.get("event_id")})
    return valid


def highlighted_text(text: str, spans) -> SafeString:
    """The article text, escaped piece by piece, with each extracted span marked and linked to its event.

    Spans may overlap (a claim sentence holds actor and date spans): the text is cut at every span
    boundary and each piece is marked with all the kinds covering it, linked to the innermost span's event.
    """
    spans = _valid_spans(text, spans)
    cuts = sorted({0, len(text), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    pieces = []
    for start, end in pairwise(cuts):
        covering = sorted((s for s in spans if s["start"] <= start and s["end"] >= end), key=lambda s: s["end"] - s["start"])
        piece = text[start:end]
        if not covering:
            pieces.append(format_html("{}", piece))
            continue
        classes = "hl " + " ".join(f"hl-{kind}" for kind in sorted({s["kind"] for s in covering}))
        title = "; ".join(f"{s['kind']}: {s['label']}" if s["label"] else s["kind"] for s in covering)
        event_id = next((s["event_id"] for s in covering if isinstance(s["event_id"], int)), None)
        if event_id:
            pieces.append(format_html('<a class="{}" href="{}" title="{}">{}</a>', classes, reverse("event-detail", args=[event_id]), title, piece))
        else:
            pieces.append(format_html('<mark class="{}" title="{}">{}</mark>', classes, title, piece))
    return mark_safe("".join(pieces))  # every piece above was escaped by format_html


def _article_page(request, article_id: int, *, language_form: ArticleLanguageForm | None = None, status: int = 200):
    article = get_object_or_404(Article.objects.select_related("publisher", "uploaded_by", "language_set_by"), id=article_id)
    reports = EventReport.objects.filter(article=article).select_related("event__place").order_by("event_id")
    kinds = sorted({span["kind"] for span in _valid_spans(article.text, article.spans)}, key=SPAN_KINDS.index)
    if language_form is None and user_has_role(request.user, REVIEWER):
        language_form = ArticleLanguageForm(initial={"language": article.language})
    context = {
        "article": article, "text": highlighted_text(article.text, article.spans), "reports": reports, "span_kinds": kinds,
        "language_name": language_name(article.language) if article.language else "", "language_form": language_form,
        "can_reparse": article.status in Article.DONE_STATUSES,
    }  # fmt: skip
    return page(request, "sources/article_detail.html", context, status=status)


@role_required(ANALYST)
def article_detail(request, article_id: int):
    return _article_page(request, article_id)


@require_GET
@role_required(ANALYST)
def article_status(request, article_id: int):
    """The parsing status the upload page polls: queued → parsing → parsed, or failed or unsupported with the reason."""
    article = get_object_or_404(Article.objects.only("id", "status", "error"), id=article_id)
    event_ids = list(EventReport.objects.filter(article_id=article.id).order_by("event_id").values_list("event_id", flat=True))
    return JsonResponse({
        "id": article.id, "status": article.status, "error": article.error,
        "events": [{"id": event_id, "url": reverse("event-detail", args=[event_id])} for event_id in event_ids],
        "article_url": reverse("article-detail", args=[article.id]),
    })  # fmt: skip


@require_POST
@role_required(REVIEWER)
def article_language(request, article_id: int):
    """A reviewer sets the article's language; it is parsed again in that language."""
    article = get_object_or_404(Article, id=article_id)
    form = ArticleLanguageForm(request.POST)
    if not form.is_valid():
        return _article_page(request, article.id, language_form=form, status=400)
    try:
        article = article_set_language(article=article, language=form.cleaned_data["language"], reviewer=request.user)
    except ArticleLanguageError as exc:
        form.add_error("language", str(exc))
        return _article_page(request, article.id, language_form=form, status=400)
    except ArticleBusy as exc:
        messages.error(request, str(exc))
        return _article_page(request, article.id, language_form=form, status=409)
    messages.success(request, f"Language set to {language_name(article.language)}; the article is queued to be parsed again in it.")
    return redirect("article-detail", article_id=article.id)


@require_POST
@role_required(ANALYST)
def article_reparse(request, article_id: int):
    article = get_object_or_404(Article, id=article_id)
    article_requeue(article=article)
    messages.success(request, "The article is queued to be parsed again.")
    return redirect("article-detail", article_id=article.id)

