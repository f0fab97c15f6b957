"""Web pages for uploading articles (files, text, URL). The pages that show an article with its events are the
events app's (``events/article_views.py``): sources never imports events."""

import hashlib
from dataclasses import asdict, dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from conflict_tracker.roles import ANALYST
from conflict_tracker.web import page, role_required
from sources.extraction import ExtractionError, document_metadata
from sources.fetch import FetchedPage, FetchError, fetch_url
from sources.forms import UPLOAD_FORMS, FileUploadForm, TextUploadForm, UrlInspectForm, UrlUploadForm
from sources.services import ArticleTooLarge, article_submit_file, article_submit_text, check_size

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
            name=name,
            ok=True,
            article_id=article.id,
            title=str(article),
            duplicate=not submission.created,
            status=article.status,
            error_detail=article.error,
            article_url=reverse("article-detail", args=[article.id]),
            status_url=reverse("article-status", args=[article.id]),
        )

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
        "uploaded_by": user,
        "title": data.get("title", ""),
        "publisher": data.get("publisher", ""),
        "published_at": data.get("published_at"),
    }


def submit_upload(source: str, data: dict, user) -> list[UploadResult]:
    """Hand each item of a valid upload form to the article services."""
    details = _details(data, user)
    results = []
    if source == "files":
        for upload in data["files"]:
            try:
                submission = article_submit_file(
                    filename=upload.name, content=upload.read(), content_type=upload.content_type or "", **details
                )
            except (ArticleTooLarge, ExtractionError) as exc:
                results.append(UploadResult.refused(upload.name, exc))
            else:
                results.append(UploadResult.of(upload.name, submission))
    elif source == "text":
        try:
            results.append(
                UploadResult.of(
                    "Pasted text", article_submit_text(text=data["text"], url=data.get("url", ""), **details)
                )
            )
        except (ArticleTooLarge, ExtractionError) as exc:
            results.append(UploadResult.refused("Pasted text", exc))
    else:
        url = data["url"]
        try:
            fetched = fetch_page(url)
            submission = article_submit_file(
                filename=fetched.filename,
                content=fetched.content,
                content_type=fetched.content_type,
                url=fetched.url,
                **details,
            )
        except (FetchError, ArticleTooLarge, ExtractionError) as exc:
            results.append(UploadResult.refused(url, exc))
        else:
            results.append(UploadResult.of(url, submission))
    return results


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _upload_page(request, *, source: str = "files", bound=None, results=None, status: int = 200):
    forms = {
        "files_form": FileUploadForm(prefix="files"),
        "text_form": TextUploadForm(prefix="text"),
        "url_form": UrlUploadForm(prefix="url"),
    }
    if bound is not None:
        forms[f"{source}_form"] = bound
    config = {"maxBytes": settings.MAX_UPLOAD_BYTES, "inspectUrl": reverse("upload-inspect")}
    return page(
        request,
        "sources/upload.html",
        {**forms, "source": source, "results": results, "upload_config": config},
        status=status,
    )


@role_required(ANALYST)
def upload(request):
    """GET: the upload page. POST: one upload (files, text or url); JSON for the page's script, else a page of
    results."""
    if request.method != "POST":
        return _upload_page(request)
    source = request.POST.get("source", "")
    form_class = UPLOAD_FORMS.get(source)
    if form_class is None:
        return JsonResponse({"error": "Say what is uploaded: source=files, text or url."}, status=400)
    form = form_class(request.POST, request.FILES, prefix=source)
    if not form.is_valid():
        if _wants_json(request):
            return JsonResponse(
                {"errors": {name: [str(e) for e in errors] for name, errors in form.errors.items()}}, status=400
            )
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
            check_size(upload_file.size)  # before reading it
            document = document_metadata(
                filename=upload_file.name, content=upload_file.read(), content_type=upload_file.content_type or ""
            )
            url = document.url
        else:
            form = UrlInspectForm(request.POST)
            if not form.is_valid():
                return JsonResponse({"error": "Give an http:// or https:// address."}, status=400)
            fetched = fetch_page(form.cleaned_data["url"])
            document = document_metadata(
                filename=fetched.filename, content=fetched.content, content_type=fetched.content_type
            )
            url = fetched.url
    except (FetchError, ArticleTooLarge, ExtractionError) as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    domain = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    return JsonResponse(
        {
            "title": document.title,
            "publisher": document.publisher or domain,
            "published_at": document.published_at.isoformat() if document.published_at else "",
            "url": url,
        }
    )
