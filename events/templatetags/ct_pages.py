"""Template tags of the web pages: export links, the history in words, and why an article gave no event.

{% load ct_pages %} — each tag reads what its page already has, or makes one query for a whole list.
"""

from django import template
from django.db.models import Exists, F, OuterRef, Q, Window
from django.db.models.functions import RowNumber

from events.history import history_entries as _history_entries
from events.list_views import export_links as _export_links
from events.models import Event, EventReport
from sources.models import Article

register = template.Library()
NO_EVENT_SHOWN = 8
NO_PARSER = "No parser for its language yet."
NOT_A_CONFLICT_REPORT = "Not a conflict report: no actors or claims found."
NO_PLACE = "No place found: the parser read actors or claims but no place it knows."
NOTHING_DRAFTED = "No event could be drafted from what was found."


@register.simple_tag
def export_links(query: dict) -> list[dict]:
    """The API's CSV, GeoJSON and JSON export URLs for these API filter parameters."""
    return _export_links(query)


@register.simple_tag
def history_entries(rows) -> list:
    """The review log in words (events.history)."""
    return _history_entries(rows)


def no_event_reason(status: str, error: str, spans) -> str:
    """Why an article that parsed (or could not be parsed for its language) gave no event."""
    if status == Article.Status.UNSUPPORTED:
        return error or NO_PARSER
    kinds = {span.get("kind") for span in spans if isinstance(span, dict)} if isinstance(spans, list) else set()
    if not kinds & {"actor", "claim"}:
        return NOT_A_CONFLICT_REPORT
    if "place" not in kinds:
        return NO_PLACE
    return NOTHING_DRAFTED


@register.simple_tag
def dashboard_articles(limit: int = NO_EVENT_SHOWN) -> dict:
    """The dashboard's lists of articles, the newest `limit` of each, in one query: those that failed to parse
    ("failed"), those parsed that gave no event, with their reason ("no_event": [{article, reason}], "more":
    bool), those in a language we cannot parse ("unsupported"). The dashboard shows these in place of the lists
    page_selectors.dashboard() offers (lazy querysets, then never read)."""
    reported = EventReport.objects.filter(article_id=OuterRef("id")).exclude(event__status=Event.Status.MERGED)
    newest = Window(RowNumber(), partition_by=F("status"), order_by=[F("uploaded_at").desc(), F("id").desc()])
    shown = Q(status__in=[Article.Status.FAILED, Article.Status.UNSUPPORTED]) | Q(
        ~Exists(reported), status=Article.Status.PARSED
    )
    articles = list(
        Article.objects.filter(shown)
        .select_related("publisher")
        .only("id", "title", "original_file", "status", "error", "spans", "uploaded_at", "publisher__name")
        .annotate(newest=newest)
        .filter(newest__lte=limit + 1)
        .order_by("-uploaded_at", "-id")
    )
    by_status = {status: [a for a in articles if a.status == status] for status in Article.Status.values}
    parsed = by_status[Article.Status.PARSED]
    return {
        "failed": by_status[Article.Status.FAILED][:limit],
        "no_event": [{"article": a, "reason": no_event_reason(a.status, a.error, a.spans)} for a in parsed[:limit]],
        "more": len(parsed) > limit,
        "unsupported": by_status[Article.Status.UNSUPPORTED][:limit],
    }


@register.simple_tag
def no_event_reasons(articles) -> dict[int, str]:
    """For a page of articles (with `live_reports`, as the articles list reads them), the reason each that gave
    no event gave none, by id; one query for the page."""
    ids = [
        article.id
        for article in articles
        if article.status in (Article.Status.PARSED, Article.Status.UNSUPPORTED) and not article.live_reports
    ]
    if not ids:
        return {}
    rows = Article.objects.filter(id__in=ids).values_list("id", "status", "error", "spans")
    return {id_: no_event_reason(status, error, spans) for id_, status, error, spans in rows}


@register.filter
def reason_for(reasons: dict, article_id) -> str:
    return reasons.get(article_id, "")
