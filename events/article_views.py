"""Web pages for an article and the events it reports: the list, the highlighted text, the parsing status the
upload page polls, and a reviewer's language and re-parse actions. Here, in events, because they show events:
the apps depend one way (events on sources), and sources keeps the upload pages."""

from itertools import pairwise

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET, require_POST

from conflict_tracker.roles import ANALYST, REVIEWER, user_has_role
from conflict_tracker.web import page, role_required
from events import selectors
from events.models import EventReport
from sources.forms import ArticleFilterForm, ArticleLanguageForm
from sources.languages import language_name
from sources.models import Article
from sources.services import ArticleBusy, ArticleLanguageError, article_requeue, article_set_language

SPAN_KINDS = ("claim", "actor", "place", "date")


@role_required(ANALYST)
def article_list(request):
    form = ArticleFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    articles = selectors.article_list(
        status=filters.get("status", ""), language=filters.get("language", "")
    ).select_related("uploaded_by")
    if query := filters.get("q"):
        articles = articles.filter(Q(title__icontains=query) | Q(publisher__name__icontains=query))
    counts = dict(Article.objects.values_list("status").annotate(n=Count("id")))
    return page(
        request,
        "sources/article_list.html",
        {"form": form, "articles": Paginator(articles, 50).get_page(request.GET.get("page")), "counts": counts},
    )


def _valid_spans(text: str, spans) -> list[dict]:
    valid = []
    for span in spans if isinstance(spans, list) else []:
        if not isinstance(span, dict):
            continue
        start, end, kind = span.get("start"), span.get("end"), span.get("kind")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text) and kind in SPAN_KINDS:
            valid.append(
                {
                    "kind": kind,
                    "start": start,
                    "end": end,
                    "label": str(span.get("label") or ""),
                    "event_id": span.get("event_id"),
                }
            )
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
        covering = sorted(
            (s for s in spans if s["start"] <= start and s["end"] >= end), key=lambda s: s["end"] - s["start"]
        )
        piece = text[start:end]
        if not covering:
            pieces.append(format_html("{}", piece))
            continue
        classes = "hl " + " ".join(f"hl-{kind}" for kind in sorted({s["kind"] for s in covering}))
        title = "; ".join(f"{s['kind']}: {s['label']}" if s["label"] else s["kind"] for s in covering)
        event_id = next((s["event_id"] for s in covering if isinstance(s["event_id"], int)), None)
        if event_id:
            pieces.append(
                format_html(
                    '<a class="{}" href="{}" title="{}">{}</a>',
                    classes,
                    reverse("event-detail", args=[event_id]),
                    title,
                    piece,
                )
            )
        else:
            pieces.append(format_html('<mark class="{}" title="{}">{}</mark>', classes, title, piece))
    return mark_safe("".join(pieces))  # every piece above was escaped by format_html


def _article_page(request, article_id: int, *, language_form: ArticleLanguageForm | None = None, status: int = 200):
    article = get_object_or_404(
        Article.objects.select_related("publisher", "uploaded_by", "language_set_by"), id=article_id
    )
    reports = EventReport.objects.filter(article=article).select_related("event__place").order_by("event_id")
    kinds = sorted({span["kind"] for span in _valid_spans(article.text, article.spans)}, key=SPAN_KINDS.index)
    if language_form is None and user_has_role(request.user, REVIEWER):
        language_form = ArticleLanguageForm(initial={"language": article.language})
    context = {
        "article": article,
        "text": highlighted_text(article.text, article.spans),
        "reports": reports,
        "span_kinds": kinds,
        "language_name": language_name(article.language) if article.language else "",
        "language_form": language_form,
        "can_reparse": article.status in Article.DONE_STATUSES,
    }
    return page(request, "sources/article_detail.html", context, status=status)


@role_required(ANALYST)
def article_detail(request, article_id: int):
    return _article_page(request, article_id)


@require_GET
@role_required(ANALYST)
def article_status(request, article_id: int):
    """The parsing status the upload page polls: queued → parsing → parsed, or failed or unsupported with the reason."""
    article = get_object_or_404(Article.objects.only("id", "status", "error"), id=article_id)
    event_ids = list(
        EventReport.objects.filter(article_id=article.id).order_by("event_id").values_list("event_id", flat=True)
    )
    return JsonResponse(
        {
            "id": article.id,
            "status": article.status,
            "error": article.error,
            "events": [{"id": event_id, "url": reverse("event-detail", args=[event_id])} for event_id in event_ids],
            "article_url": reverse("article-detail", args=[article.id]),
        }
    )


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
    messages.success(
        request, f"Language set to {language_name(article.language)}; the article is queued to be parsed again in it."
    )
    return redirect("article-detail", article_id=article.id)


@require_POST
@role_required(ANALYST)
def article_reparse(request, article_id: int):
    article = get_object_or_404(Article, id=article_id)
    article_requeue(article=article)
    messages.success(request, "The article is queued to be parsed again.")
    return redirect("article-detail", article_id=article.id)
