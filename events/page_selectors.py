"""Reads for the web pages: the dashboard, the review queue and one event's review page.

Each is a fixed number of queries, whatever the number of events, claims or reports (the tests pin
the count). The API's reads are in events.selectors; the merge suggestions come from there.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import TruncWeek
from django.utils import timezone

from conflict_tracker.roles import ANALYST, REVIEWER, user_has_role
from events import selectors
from events.models import Actor, Claim, Event, EventReport, ReviewLock, ReviewLog
from sources.models import Article
from sources.parsing.acled import EVENT_TYPES

CHART_WEEKS = 12
DASHBOARD_LIST = 8
HISTORY_SHOWN = 100

# ---------------------------------------------------------------- dashboard


def weekly_chart(events: QuerySet, *, colors: dict[str, str], weeks: int = CHART_WEEKS) -> dict:
    """Events per week by type over the weeks up to the latest event, with bar geometry for an inline SVG."""
    latest = events.order_by("-start_date").values_list("start_date", flat=True).first() or datetime.date.today()
    last_monday = latest - datetime.timedelta(days=latest.weekday())
    first_monday = last_monday - datetime.timedelta(weeks=weeks - 1)
    counts: dict[datetime.date, Counter] = defaultdict(Counter)
    rows = (
        events.filter(start_date__gte=first_monday)
        .annotate(week=TruncWeek("start_date"))
        .values("week", "event_type")
        .annotate(n=Count("id"))
    )
    for row in rows:
        week = row["week"].date() if isinstance(row["week"], datetime.datetime) else row["week"]
        counts[week][row["event_type"]] += row["n"]
    mondays = [first_monday + datetime.timedelta(weeks=index) for index in range(weeks)]
    peak = max((sum(counts[monday].values()) for monday in mondays), default=0) or 1
    height, bar_width, gap = 120, 28, 8
    bars = []
    for index, monday in enumerate(mondays):
        y, segments = height, []
        for event_type in EVENT_TYPES:
            n = counts[monday][event_type]
            if n:
                h = max(1.0, n / peak * height)
                y -= h
                segments.append(
                    {"type": event_type, "n": n, "y": round(y, 1), "height": round(h, 1), "color": colors[event_type]}
                )
        total = sum(counts[monday].values())
        bars.append(
            {"week": monday, "x": index * (bar_width + gap), "top": round(y, 1), "total": total, "segments": segments}
        )
    used = [t for t in EVENT_TYPES if any(counts[m][t] for m in mondays)]
    return {
        "bars": bars,
        "peak": peak,
        "height": height,
        "bar_width": bar_width,
        "width": weeks * (bar_width + gap) - gap,
        "types": [{"name": t, "color": colors[t]} for t in used],
        "rows": [
            {"week": m, "counts": [counts[m][t] for t in used], "total": sum(counts[m].values())} for m in mondays
        ],
    }


def dashboard(*, user, colors: dict[str, str]) -> dict:
    """What the dashboard shows this user: approved events and their chart; article states for analysts;
    the drafts waiting for reviewers."""
    approved = Event.objects.filter(status=Event.Status.APPROVED)
    latest = approved.select_related("place").prefetch_related("event_actors__actor")
    context = {
        "chart": weekly_chart(approved, colors=colors),
        "latest_approved": latest.order_by("-status_changed_at", "-id")[:DASHBOARD_LIST],
        "approved_count": approved.count(),
    }
    if user_has_role(user, ANALYST):
        articles = Article.objects.select_related("publisher")
        context["failed_articles"] = articles.filter(status=Article.Status.FAILED)[:DASHBOARD_LIST]
        context["article_counts"] = dict(Article.objects.values_list("status").annotate(n=Count("id")))
        context["unsupported_languages"] = selectors.unsupported_language_counts()
        context["unsupported_articles"] = articles.filter(status=Article.Status.UNSUPPORTED)[:DASHBOARD_LIST]
    if user_has_role(user, REVIEWER):
        drafts = Event.objects.filter(status=Event.Status.DRAFT)
        context["drafts_waiting"] = drafts.select_related("place").order_by("-created_at", "-id")[:DASHBOARD_LIST]
        context["drafts_count"] = drafts.count()
        context["flagged_count"] = Event.objects.filter(status=Event.Status.APPROVED, flagged_for_review=True).count()
    return context


# ---------------------------------------------------------------- review queue

_WAITING = Q(status=Event.Status.DRAFT) | Q(status=Event.Status.APPROVED, flagged_for_review=True)
QUEUE_ORDER = ("-flagged_for_review", "-created_at", "-id")


def review_queue() -> QuerySet:
    """Events waiting for a reviewer: approved events flagged by new claims first, then drafts, newest first."""
    return Event.objects.filter(_WAITING).order_by(*QUEUE_ORDER)


QUEUE_SORTS = {
    "": QUEUE_ORDER,
    "newest": ("-created_at", "-id"),
    "oldest": ("created_at", "id"),
    "claims": ("-claim_count", "-created_at", "-id"),
    "reports": ("-report_count", "-created_at", "-id"),
}


@dataclass(frozen=True)
class QueueFilters:
    q: str = ""
    country: str = ""
    event_type: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    state: str = ""  # "draft", "flagged" or "" for both
    origin: str = ""  # "parser": no person has changed it yet; "person": someone has (its review log has rows)
    unresolved: bool = False  # the place as written matched no gazetteer entry
    sort: str = ""


_STATE = {"draft": Q(status=Event.Status.DRAFT), "flagged": Q(status=Event.Status.APPROVED, flagged_for_review=True)}
_ORIGIN = {"parser": Q(touched=False), "person": Q(touched=True)}
_UNRESOLVED = Q(place__isnull=True)


def _queue_base(filters: QueueFilters, user) -> QuerySet:
    """The queue narrowed by the filters the facet counts do not split: text, country, type and dates, read as the
    events list and the API read them (selectors.event_queryset), so a search finds the same events everywhere."""
    found = selectors.event_queryset(
        user=user,
        filters=selectors.EventFilters(
            statuses=(Event.Status.DRAFT, Event.Status.APPROVED),
            q=filters.q,
            country=filters.country,
            event_type=filters.event_type,
            date_from=filters.date_from,
            date_to=filters.date_to,
        ),
    )
    return found.filter(_WAITING).annotate(touched=Exists(ReviewLog.objects.filter(event_id=OuterRef("id"))))


def review_queue_page(*, filters: QueueFilters, user) -> QuerySet:
    """The queue, filtered and sorted, with what its page lists of each event: counts, actors, who is reviewing."""
    active = ReviewLock.objects.filter(expires_at__gt=timezone.now()).select_related("reviewer").order_by("since")
    return (
        _queue_base(filters, user)
        .filter(_facet_q(filters))
        .select_related("place")
        .prefetch_related("event_actors__actor", Prefetch("review_locks", queryset=active, to_attr="active_locks"))
        .annotate(claim_count=Count("claims", distinct=True), report_count=Count("reports", distinct=True))
        .order_by(*QUEUE_SORTS.get(filters.sort, QUEUE_ORDER))
    )


def review_queue_counts(*, filters: QueueFilters, user) -> dict[str, int]:
    """How many events each state / origin / place filter would list, given the other filters (one query)."""
    events = _queue_base(filters, user)
    facets = {f"state_{name}": q for name, q in _STATE.items()}
    facets |= {f"origin_{name}": q for name, q in _ORIGIN.items()} | {"unresolved": _UNRESOLVED}
    counts = {}
    for name, condition in facets.items():
        # each facet is counted under the other facets' current choices, so the number is what clicking it lists
        others = QueueFilters(**{**filters.__dict__, **_cleared(name)})
        counts[name] = Count("id", filter=condition & _facet_q(others))
    return events.aggregate(total=Count("id", filter=_facet_q(filters)), **counts)


def _cleared(facet: str) -> dict:
    return {"unresolved": False} if facet == "unresolved" else {facet.split("_")[0]: ""}


def _facet_q(filters: QueueFilters) -> Q:
    condition = Q()
    if filters.state:
        condition &= _STATE[filters.state]
    if filters.origin:
        condition &= _ORIGIN[filters.origin]
    if filters.unresolved:
        condition &= _UNRESOLVED
    return condition


def reviewers_now(*, event: Event, user) -> list[ReviewLock]:
    """Other reviewers whose soft lock on this event has not lapsed, longest first."""
    locks = event.review_locks.filter(expires_at__gt=timezone.now()).exclude(reviewer=user)
    return list(locks.select_related("reviewer").order_by("since"))


def _waiting(event: Event) -> bool:
    return event.status == Event.Status.DRAFT or (event.status == Event.Status.APPROVED and event.flagged_for_review)


def _after(event: Event) -> Q:
    """Events after this one in QUEUE_ORDER (flagged first, then newest, then highest id)."""
    later_in_group = Q(created_at__lt=event.created_at) | Q(created_at=event.created_at, id__lt=event.id)
    same_group = Q(flagged_for_review=event.flagged_for_review) & later_in_group
    return same_group | Q(flagged_for_review=False) if event.flagged_for_review else same_group


def _before(event: Event) -> Q:
    earlier_in_group = Q(created_at__gt=event.created_at) | Q(created_at=event.created_at, id__gt=event.id)
    same_group = Q(flagged_for_review=event.flagged_for_review) & earlier_in_group
    return same_group if event.flagged_for_review else same_group | Q(flagged_for_review=True)


def queue_next(*, event: Event) -> int | None:
    """The event after this one in the queue (one one-row query); for an event not waiting, the queue's first."""
    ids = review_queue().values_list("id", flat=True)
    return ids.filter(_after(event)).first() if _waiting(event) else ids.first()


def queue_neighbours(*, event: Event) -> tuple[int | None, int | None]:
    """The events before and after this one in the queue (two one-row queries); for an event not waiting,
    none before and the queue's first after."""
    if not _waiting(event):
        return None, queue_next(event=event)
    before = review_queue().filter(_before(event)).order_by(*(key.lstrip("-") for key in QUEUE_ORDER))
    return before.values_list("id", flat=True).first(), queue_next(event=event)


# ---------------------------------------------------------------- one event's review page


@dataclass(frozen=True)
class ReviewPage:
    event: Event
    reports: list[EventReport]  # by article id, with their articles and publishers
    claims: list[Claim]
    articles: list[Article]  # a claim may cite, newest first: the reports' and the claims' own
    history: list[ReviewLog]
    suggestions: list[dict]  # {"event": Event, "reason": dict}, closest first
    previous_id: int | None
    next_id: int | None
    actor_names: list[str]

    def sources(self) -> list[dict]:
        """Each report with the claims its article makes."""
        by_article = defaultdict(list)
        for claim in self.claims:
            by_article[claim.article_id].append(claim)
        return [{"report": report, "claims": by_article.get(report.article_id, [])} for report in self.reports]


def _merge_suggestions(event: Event, user) -> list[dict]:
    """The matcher's likely duplicates (events.selectors), with the events themselves for showing them."""
    suggestions = selectors.merge_suggestions(event=event, user=user)
    reports = EventReport.objects.select_related("article__publisher").order_by("article_id")
    events = (
        Event.objects.select_related("place")
        .prefetch_related(Prefetch("reports", queryset=reports))  # listed in the merge's confirmation
        .in_bulk([item["event_id"] for item in suggestions])
    )
    return [
        {"event": events[item["event_id"]], "reason": item["reason"]}
        for item in suggestions
        if item["event_id"] in events
    ]


def review_page(*, event_id: int, user) -> ReviewPage:
    """Everything the review page shows of one event (Event.DoesNotExist when there is none)."""
    event = Event.objects.select_related("place").prefetch_related("event_actors__actor").get(id=event_id)
    reports = list(event.reports.select_related("article__publisher").order_by("article_id"))
    claims = list(event.claims.select_related("claimant", "subject", "article__publisher"))
    articles = {report.article_id: report.article for report in reports}
    articles.update((claim.article_id, claim.article) for claim in claims if claim.article_id not in articles)
    previous_id, next_id = queue_neighbours(event=event)
    return ReviewPage(
        event=event,
        reports=reports,
        claims=claims,
        articles=sorted(articles.values(), key=lambda article: (article.uploaded_at, article.id), reverse=True),
        history=list(event.history.select_related("user")[:HISTORY_SHOWN]),
        suggestions=_merge_suggestions(event, user),
        previous_id=previous_id,
        next_id=next_id,
        actor_names=list(Actor.objects.order_by("name").values_list("name", flat=True)),
    )
