"""Read-side queries: what a user may see, filtered, and the one reader of event documents.

Pure reads, no writes. Each function fetches what its caller renders in a fixed number of
queries whatever the number of rows (the API's list endpoints are tested for it).
"""

import datetime
from collections import namedtuple
from collections.abc import Iterator
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Lower

from conflict_tracker.roles import ANALYST, user_has_role
from events.actors import find_actor
from events.exports import claim_document, event_document, history_document
from events.gazetteer import find_places
from events.matching import MAX_DATE_GAP_DAYS, Footprint, match_reason
from events.models import (
    DELETED_EVENT_STATUSES,
    LISTED_EVENT_STATUSES,
    Actor,
    ActorAlias,
    Claim,
    Event,
    EventActor,
    EventReport,
    Place,
    ReviewLog,
)
from sources.models import Article, Publisher
from sources.parsing.normalize import normalize_name

LISTED_TO_EVERYONE = (Event.Status.APPROVED,)
CSV_CHUNK = 2000


class EventNotFound(Event.DoesNotExist):
    """No such event, or one this user may not see."""


class EventMergedAway(EventNotFound):
    """The event was merged into another; the caller may point the client there."""

    def __init__(self, message: str, *, merged_into: int | None):
        super().__init__(message)
        self.merged_into = merged_into


# ---------------------------------------------------------------- visibility


# Who runs a command on the server (manage.py export_events): sees what analysts see.
COMMAND_LINE = object()


def visible_statuses(user) -> tuple[str, ...]:
    """Analysts see drafts and rejected events; everyone else only approved ones. Merged events are never listed."""
    if user is COMMAND_LINE:
        return LISTED_EVENT_STATUSES
    return LISTED_EVENT_STATUSES if user_has_role(user, ANALYST) else LISTED_TO_EVERYONE


# ---------------------------------------------------------------- event lists


@dataclass(frozen=True)
class EventFilters:
    statuses: tuple[str, ...] = ()
    country: str = ""
    admin1: str = ""
    event_type: str = ""
    sub_event_type: str = ""
    actor: str = ""  # an id, or a name or alias
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    updated_since: datetime.datetime | None = None
    q: str = ""


def resolve_actor(value: str) -> Actor | None:
    """An actor by id, or by a name or alias (case, accents and punctuation folded)."""
    value = value.strip()
    if value.isdigit():
        return Actor.objects.filter(id=int(value)).first() if len(value) <= 18 else None
    return find_actor(value) or Actor.objects.filter(name__iexact=value).first()


def _text_match(q: str) -> Q:
    folded = normalize_name(q)
    actor_names = Q(actor__name__icontains=q)
    if folded:
        actor_names |= Q(actor__aliases__normalized__contains=folded)
    involved = EventActor.objects.filter(actor_names, event_id=OuterRef("id"))
    return (
        Q(notes__icontains=q)
        | Q(location_name__icontains=q)
        | Q(admin1__icontains=q)
        | Q(place__name__icontains=q)
        | Exists(involved)
    )


def _bbox(min_lon: float, min_lat: float, max_lon: float, max_lat: float) -> Q:
    latitude = Q(latitude__gte=min_lat, latitude__lte=max_lat)
    if min_lon <= max_lon:
        return latitude & Q(longitude__gte=min_lon, longitude__lte=max_lon)
    # RFC 7946 §5.2: a box whose west edge lies east of its east edge crosses the antimeridian.
    return latitude & (Q(longitude__gte=min_lon) | Q(longitude__lte=max_lon))


def event_queryset(*, user, filters: EventFilters) -> QuerySet:
    """The events this user may see that match the filters, unordered and without relations."""
    allowed = visible_statuses(user)
    statuses = [status for status in filters.statuses if status in allowed] if filters.statuses else list(allowed)
    events = (
        Event.objects.filter(status__in=statuses) if len(statuses) != 1 else Event.objects.filter(status=statuses[0])
    )
    if filters.country:
        events = events.filter(country=filters.country.upper())
    if filters.admin1:
        events = events.filter(admin1__iexact=filters.admin1)
    if filters.event_type:
        events = events.filter(event_type=filters.event_type)
    if filters.sub_event_type:
        events = events.filter(sub_event_type=filters.sub_event_type)
    if filters.date_from:
        events = events.filter(start_date__gte=filters.date_from)
    if filters.date_to:
        events = events.filter(start_date__lte=filters.date_to)
    if filters.bbox:
        events = events.filter(_bbox(*filters.bbox))
    if filters.updated_since:
        events = events.filter(updated_at__gte=filters.updated_since)
    if filters.actor:
        actor = resolve_actor(filters.actor)
        if actor is None:
            return events.none()
        events = events.filter(Exists(EventActor.objects.filter(event_id=OuterRef("id"), actor_id=actor.id)))
    if filters.q:
        events = events.filter(_text_match(filters.q))
    return events


# ---------------------------------------------------------------- event documents: the one reader
#
# Every event document is read here: the API's list, detail and GeoJSON, the event page's, the export
# command's. The events' columns are plain rows (a values queryset, which pages filter, order and slice),
# each relation is one query for the whole batch, and events.exports builds the documents from those rows.
# No model instances: a list page of 100 events with its actors, reports and claims summary is four
# queries and ~600 rows, and an export reads millions. Only the streamed ACLED CSV reads otherwise
# (event_export_rows below: one COPY on PostgreSQL, whose figures justify it).

ALL_CLAIMS = "all"  # every claim with its quote: one event's document, and the exports
CLAIMS_SUMMARY = "summary"  # the claims in brief: what lists show (see "claims summaries" below)

DOCUMENT_COLUMNS = (
    "id",
    "status",
    "event_type",
    "sub_event_type",
    "start_date",
    "end_date",
    "date_precision",
    "country",
    "admin1",
    "location_name",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "notes",
    "flagged_for_review",
    "created_at",
    "updated_at",
    "version",
    "place__name",
    "place__feature_code",
    "place__geonames_id",
)
CLAIM_COLUMNS = (
    "event_id",
    "id",
    "claimant_id",
    "claimant_text",
    "claimant_name",
    "kind",
    "subject_id",
    "subject_text",
    "subject_name",
    "count_min",
    "count_max",
    "qualifier",
    "quote",
    "article_id",
    "char_start",
    "char_end",
    "confidence",
)
HISTORY_COLUMNS = (
    "event_id",
    "user__username",
    "created_at",
    "action",
    "field",
    "old_value",
    "new_value",
    "claim_id_ref",
)


def document_rows(events: QuerySet) -> QuerySet:
    """These events as the rows their documents are made of (named rows of DOCUMENT_COLUMNS): filter, order and
    slice it like any queryset, then give the rows to event_documents()."""
    return events.values_list(*DOCUMENT_COLUMNS, named=True)


def _by_event(rows) -> dict[int, list]:
    """Rows whose first column is an event id, by event, in query order."""
    grouped: dict[int, list] = {}
    for row in rows:
        grouped.setdefault(row[0], []).append(row)
    return grouped


def _claim_rows(ids: list[int]) -> QuerySet:
    return (
        Claim.objects.filter(event_id__in=ids)
        .annotate(claimant_name=F("claimant__name"), subject_name=F("subject__name"))
        .order_by("article_id", "char_start", "id")
        .values_list(*CLAIM_COLUMNS, named=True)
    )


def event_documents(rows, *, claims: str = CLAIMS_SUMMARY, history: bool = False) -> list[dict]:
    """The documents of these events (rows of document_rows()), in their order, each relation read in one
    query whatever their number. `claims`: ALL_CLAIMS gives every claim with its quote, CLAIMS_SUMMARY (lists)
    a summary that never reads a quote. `history` adds each event's review log."""
    rows = list(rows)
    if not rows:
        return []
    ids = [row.id for row in rows]
    roles = _by_event(
        EventActor.objects.filter(event_id__in=ids)
        .order_by("role", "id")
        .values_list("event_id", "actor_id", "actor__name", "actor__kind", "role")
    )
    reports = _by_event(EventReport.objects.filter(event_id__in=ids).values_list("event_id", "article_id"))
    if claims == ALL_CLAIMS:
        claims_of = _by_event(_claim_rows(ids))
        parts = {
            event_id: {"claims": [claim_document(claim) for claim in claims_of.get(event_id, ())]} for event_id in ids
        }
    elif claims == CLAIMS_SUMMARY:
        groups = _by_event(_claim_groups(ids))
        parts = {event_id: {"claims_summary": claims_summary(groups.get(event_id, ()))} for event_id in ids}
    else:
        raise ValueError(f"claims must be ALL_CLAIMS or CLAIMS_SUMMARY, not {claims!r}")
    if history:
        entries = _by_event(
            ReviewLog.objects.filter(event_id__in=ids).order_by("created_at", "id").values_list(*HISTORY_COLUMNS)
        )
        for event_id in ids:
            parts[event_id]["history"] = [history_document(entry[1:]) for entry in entries.get(event_id, ())]
    return [
        event_document(
            row,
            actors=[role[1:] for role in roles.get(row.id, ())],
            article_ids=[report[1] for report in reports.get(row.id, ())],
            **parts[row.id],
        )
        for row in rows
    ]


def event_list(*, user, filters: EventFilters) -> QuerySet:
    """The matching events as document rows: paginate it, then give the page to event_documents()."""
    return document_rows(event_queryset(user=user, filters=filters))


def export_documents(*, user, filters: EventFilters, chunk: int = CSV_CHUNK) -> Iterator[dict]:
    """Every matching event's document with all its claims, in id order, read in chunks of `chunk` events
    (five queries each): constant memory for any number of events. What the export command writes."""
    rows = document_rows(event_queryset(user=user, filters=filters)).order_by("id")
    last_id = 0
    while batch := list(rows.filter(id__gt=last_id)[:chunk]):
        yield from event_documents(batch, claims=ALL_CLAIMS)
        last_id = batch[-1].id


# ---------------------------------------------------------------- claims summaries: what lists show of the claims
#
# A list page carries each event's claims summarised, never the claims themselves: a quote has no
# size bound worth the name (reports quote whole paragraphs), and a page of them grew without one.
# One GROUP BY query gives a page's summaries; it never reads a quote. GET /events/{id}/ has the claims.

SUMMARY_CLAIMANTS = 5  # enough to see that sources disagree; claimant_count tells how many more there are
_KIND_ORDER = {kind: index for index, kind in enumerate(Claim.Kind.values)}


def _claim_groups(ids: list[int]) -> QuerySet:
    """Per event, kind and claimant: (event_id, kind, claimant's name, claimant_text, claims, lowest figure,
    highest figure, open-ended claims). A claimant without an actor is its text, case folded, as in
    services.fatality_range()."""
    as_written = Case(When(claimant_id__isnull=True, then=Lower("claimant_text")), default=Value(""))
    return (
        Claim.objects.filter(event_id__in=ids)
        .order_by()
        .annotate(as_written=as_written)
        .values("event_id", "kind", "claimant_id", "claimant__name", "as_written")
        .annotate(
            text=Min("claimant_text"),
            claims=Count("id"),
            # "up to 30" is a figure of 30 and "at least 84" one of 84: each bound stands in for a missing one.
            low=Min(Coalesce("count_min", "count_max")),
            high=Max(Coalesce("count_max", "count_min")),
            open_ended=Count("id", filter=Q(count_max__isnull=True, count_min__isnull=False)),
        )
        .values_list("event_id", "kind", "claimant__name", "text", "claims", "low", "high", "open_ended")
    )


def claims_summary(groups) -> dict:
    """One event's claims in brief, from its _claim_groups() rows: how many, per kind the lowest and
    highest figure claimed, and who claims (canonical names, else as written; most claims first).
    Vague claims ("dozens") count as claims but give no figure."""
    kinds: dict[str, dict] = {}
    claimants: dict = {}
    for _, kind, actor_name, text, claims, low, high, open_ended in groups:
        entry = kinds.setdefault(kind, {"kind": kind, "count": 0, "low": None, "high": None, "open_ended": False})
        entry["count"] += claims
        if low is not None:  # else the group's claims are all vague; a low implies a high (each stands in)
            entry["low"] = low if entry["low"] is None else min(entry["low"], low)
            entry["high"] = high if entry["high"] is None else max(entry["high"], high)
        entry["open_ended"] = entry["open_ended"] or open_ended > 0
        name = actor_name or text
        if name:
            # One claimant per name shown, whatever its case; the spelling kept does not depend on row order.
            known = claimants.setdefault(name.lower(), [0, name])
            known[0], known[1] = known[0] + claims, min(known[1], name)
    ranked = sorted(claimants.values(), key=lambda item: (-item[0], item[1]))
    return {
        "count": sum(entry["count"] for entry in kinds.values()),
        "by_kind": sorted(kinds.values(), key=lambda entry: _KIND_ORDER.get(entry["kind"], len(_KIND_ORDER))),
        "claimants": [name for _, name in ranked[:SUMMARY_CLAIMANTS]],
        "claimant_count": len(ranked),
    }


# ---------------------------------------------------------------- the streamed ACLED CSV
#
# A full export is a million rows: on PostgreSQL one COPY streams them with each event's actors and
# publishers aggregated, so the server computes ahead while this process formats (20,000+ rows a
# second, bench/api_latency.py); elsewhere chunks of CSV_CHUNK events, three queries each. Both give
# AcledSources, which exports.acled_row() reads: the event's ACLED_EVENT_FIELDS, its place's name and
# feature code, its actors as (name, kind, role) and its reports' publishers' names.

ACLED_EVENT_FIELDS = (
    "id",
    "start_date",
    "date_precision",
    "event_type",
    "sub_event_type",
    "country",
    "admin1",
    "location_name",
    "latitude",
    "longitude",
    "geo_precision",
    "notes",
    "fatalities_best",
    "updated_at",
    "status",
)
AcledSource = namedtuple(
    "AcledSource", [*ACLED_EVENT_FIELDS, "place__name", "place__feature_code", "actors", "publishers"]
)


def event_export_rows(*, user, filters: EventFilters, chunk: int = CSV_CHUNK) -> Iterator[AcledSource]:
    """Every matching event in id order, as AcledSources for exports.acled_row(), in constant memory."""
    base = event_queryset(user=user, filters=filters).order_by("id")
    if connection.vendor == "postgresql":
        return _acled_sources_by_copy(base)
    return _acled_sources_in_chunks(base, chunk)


def _acled_sources_in_chunks(base: QuerySet, chunk: int) -> Iterator[AcledSource]:
    columns = (*ACLED_EVENT_FIELDS, "place__name", "place__feature_code")
    last_id = 0
    while rows := list(base.filter(id__gt=last_id).values_list(*columns)[:chunk]):
        ids = [row[0] for row in rows]
        roles = _by_event(
            EventActor.objects.filter(event_id__in=ids)
            .order_by("role", "id")
            .values_list("event_id", "actor__name", "actor__kind", "role")
        )
        reports = _by_event(
            EventReport.objects.filter(event_id__in=ids, article__publisher__isnull=False).values_list(
                "event_id", "article__publisher__name"
            )
        )
        for row in rows:
            actors = [role[1:] for role in roles.get(row[0], ())]
            yield AcledSource(*row, actors, [report[1] for report in reports.get(row[0], ())])
        last_id = rows[-1][0]


def _copy_type(field) -> str:
    return field.db_type(connection).split("(")[0]


def _acled_sources_by_copy(base: QuerySet) -> Iterator[AcledSource]:
    from psycopg import ClientCursor, adapters
    from psycopg.postgres import types
    from psycopg.pq import Format

    actors = {row[0]: row[1:] for row in Actor.objects.values_list("id", "name", "kind")}
    publishers = dict(Publisher.objects.values_list("id", "name"))
    event, event_actor, report, article = (m._meta.db_table for m in (Event, EventActor, EventReport, Article))
    # Each event's actors ("id:role,…") and publishers ("id,…") as one text column each: parsing a string
    # is far cheaper here than psycopg's array loader, and ids keep names (which hold commas) out of it.
    rows = base.annotate(
        export_roles=RawSQL(
            f"SELECT string_agg(ea.actor_id::text || ':' || ea.role, ',' ORDER BY ea.role, ea.id) "
            f'FROM "{event_actor}" ea WHERE ea.event_id = "{event}".id',
            [],
        ),
        export_publishers=RawSQL(
            f"SELECT string_agg(a.publisher_id::text, ',' ORDER BY r.article_id, r.id) "
            f'FROM "{report}" r JOIN "{article}" a ON a.id = r.article_id WHERE r.event_id = "{event}".id',
            [],
        ),
    ).values_list(*ACLED_EVENT_FIELDS, "place__name", "place__feature_code", "export_roles", "export_publishers")
    column_types = [_copy_type(Event._meta.get_field(name)) for name in ACLED_EVENT_FIELDS]
    column_types += [_copy_type(Place._meta.get_field(name)) for name in ("name", "feature_code")] + ["text", "text"]
    try:
        sql, params = rows.query.sql_with_params()
    except EmptyResultSet:
        return
    with connection.cursor() as cursor:
        raw = cursor.cursor
        raw.adapters.register_loader("timestamptz", adapters.get_loader(types["timestamptz"].oid, Format.TEXT))
        # COPY takes no parameters: psycopg quotes them into the statement, as its client-side cursors do.
        statement = ClientCursor(raw.connection).mogrify(sql, params)
        with raw.copy(f"COPY ({statement}) TO STDOUT") as copy:
            copy.set_types(column_types)
            # The hot loop of a million-row export: sources are made with tuple.__new__ (C), not namedtuple's.
            make = tuple.__new__
            for row in copy.rows():
                role_list, publisher_list, roles = row[-2], row[-1], []
                if role_list:
                    for item in role_list.split(","):
                        actor_id, _, role = item.partition(":")
                        actor_id = int(actor_id)
                        name, kind = actors.get(actor_id) or _new_actor(actors, actor_id)
                        roles.append((name, kind, role))
                names = []
                if publisher_list:
                    for publisher_id in map(int, publisher_list.split(",")):
                        names.append(publishers.get(publisher_id) or _new_publisher(publishers, publisher_id))
                yield make(AcledSource, (*row[:-2], roles, names))


def _new_actor(actors: dict, actor_id: int) -> tuple[str, str]:
    """An actor created since the export started."""
    actors.update({row[0]: row[1:] for row in Actor.objects.filter(id=actor_id).values_list("id", "name", "kind")})
    return actors.get(actor_id, ("", ""))


def _new_publisher(publishers: dict, publisher_id: int) -> str:
    publishers.update(Publisher.objects.filter(id=publisher_id).values_list("id", "name"))
    return publishers.get(publisher_id, "")


# ---------------------------------------------------------------- one event


def _find_event(event_id: int) -> Event:
    event = Event.objects.select_related("place").filter(id=event_id).first()
    if event is None:
        raise EventNotFound(f"There is no event {event_id}.")
    return event


def _refuse_merged(event: Event, user) -> None:
    if event.status == Event.Status.MERGED:
        target = (
            Event.objects.filter(id=event.merged_into_id, status__in=visible_statuses(user))
            .values_list("id", flat=True)
            .first()
        )
        where = f" into event {target}" if target else ""
        raise EventMergedAway(f"Event {event.id} was merged{where}.", merged_into=target)


def event_get(*, user, event_id: int) -> Event:
    """One event (with its place), if this user may see it."""
    event = _find_event(event_id)
    _refuse_merged(event, user)
    if event.status not in visible_statuses(user):
        raise EventNotFound(f"There is no event {event_id}.")
    return event


def event_detail(*, user, event_id: int) -> dict:
    """One event's document, if this user may see it: every claim with its quote, the review log and, for
    analysts, the events that look like the same one (the API's GET /events/{id}/)."""
    event = event_get(user=user, event_id=event_id)
    rows = document_rows(Event.objects.filter(id=event.id))
    [document] = event_documents(rows, claims=ALL_CLAIMS, history=True)
    return {**document, "merge_suggestions": merge_suggestions(event=event, user=user)}


def event_page(*, event_id: int) -> tuple[Event, dict]:
    """One event for its web page (Event.DoesNotExist when there is none): its document, from the reader, and
    the event itself with its reports' articles and its claims, which the page shows beside the document."""
    event = (
        Event.objects.select_related("place", "merged_into", "reviewed_by")
        .prefetch_related(
            Prefetch(
                "reports", queryset=EventReport.objects.select_related("article__publisher").order_by("article_id")
            ),
            Prefetch(
                "claims",
                queryset=Claim.objects.select_related("claimant", "subject").order_by("article_id", "char_start", "id"),
            ),
            Prefetch("event_actors", queryset=EventActor.objects.select_related("actor").order_by("role", "id")),
        )
        .get(id=event_id)
    )
    [document] = event_documents(document_rows(Event.objects.filter(id=event.id)), claims=ALL_CLAIMS)
    return event, document


def event_for_review(*, user, event_id: int) -> Event:
    """An event a reviewer may act on: any that has not been merged away."""
    event = _find_event(event_id)
    _refuse_merged(event, user)
    return event


def merge_suggestions(*, event: Event, user, limit: int = 5) -> list[dict]:
    """Draft or approved events that look like the same event (the parser's matching rules), closest first."""
    if not user_has_role(user, ANALYST) or event.status not in (Event.Status.DRAFT, Event.Status.APPROVED):
        return []
    window = datetime.timedelta(days=MAX_DATE_GAP_DAYS)
    candidates = (
        Event.objects.filter(status__in=[Event.Status.DRAFT, Event.Status.APPROVED])
        .filter(start_date__lte=event.end_date + window, end_date__gte=event.start_date - window)
        .filter(Q(country=event.country) | Q(country="") if event.country else Q())
        .exclude(id=event.id)
        .order_by("id")[:200]
    )
    candidates = list(candidates)
    names = _by_event(
        EventActor.objects.filter(event_id__in=[event.id, *(candidate.id for candidate in candidates)]).values_list(
            "event_id", "actor__name"
        )
    )
    own = _footprint(event, names)
    found = []
    for candidate in candidates:
        reason = match_reason(own, _footprint(candidate, names))
        if reason is not None:
            found.append((reason.score, candidate, reason))
    found.sort(key=lambda item: (item[0], item[1].id))
    return [
        {"event_id": candidate.id, "status": candidate.status, "reason": reason.as_dict()}
        for _, candidate, reason in found[:limit]
    ]


def _footprint(event: Event, names: dict[int, list]) -> Footprint:
    return Footprint.of(event, actor_names=(name for _, name in names.get(event.id, ())))


def deleted_events(*, since: datetime.datetime | None) -> QuerySet:
    """Events rejected or merged away (since a time): what a synchronising client should drop."""
    events = Event.objects.filter(status__in=DELETED_EVENT_STATUSES, status_changed_at__isnull=False)
    if since is not None:
        events = events.filter(status_changed_at__gte=since)
    return events.only("id", "status", "merged_into_id", "status_changed_at")


# ---------------------------------------------------------------- claims


def claim_get(*, claim_id: int) -> Claim:
    claims = Claim.objects.select_related("claimant", "subject", "event")
    # With its parties' names as the reader's claim rows carry them: exports.claim_document() reads either.
    named = claims.annotate(claimant_name=F("claimant__name"), subject_name=F("subject__name"))
    claim = named.filter(id=claim_id).first()
    if claim is None:
        raise Claim.DoesNotExist(f"There is no claim {claim_id}.")
    return claim


def article_reports_event(*, article_id: int, event_id: int) -> bool:
    return EventReport.objects.filter(article_id=article_id, event_id=event_id).exists()


# ---------------------------------------------------------------- articles


def _live_reports() -> QuerySet:
    # A merged event keeps a report only when its target already had one for the article: skip it.
    return (
        EventReport.objects.exclude(event__status=Event.Status.MERGED)
        .only("id", "article_id", "event_id")
        .order_by("event_id")
    )


def _with_event_ids(articles: QuerySet) -> QuerySet:
    return (
        articles.select_related("publisher", "language_set_by")
        .defer("text", "spans")
        .prefetch_related(Prefetch("event_reports", queryset=_live_reports(), to_attr="live_reports"))
    )


def article_list(*, status: str = "", language: str = "") -> QuerySet:
    articles = Article.objects.all()
    if status:
        articles = articles.filter(status=status)
    if language:
        articles = articles.filter(language=language)
    return _with_event_ids(articles)


@dataclass(frozen=True)
class LanguageCount:
    code: str
    name: str
    count: int


def unsupported_language_counts() -> list[LanguageCount]:
    """Articles left unread because the parser has no lexicon for their language, per language, most first."""
    from sources.languages import language_name

    rows = (
        Article.objects.filter(status=Article.Status.UNSUPPORTED)
        .values_list("language")
        .annotate(n=Count("id"))
        .order_by("-n", "language")
    )
    return [LanguageCount(code, language_name(code), n) for code, n in rows]


def article_get(*, article_id: int) -> Article:
    article = _with_event_ids(Article.objects.filter(id=article_id)).first()
    if article is None:
        raise Article.DoesNotExist(f"There is no article {article_id}.")
    return article


# ---------------------------------------------------------------- actors and places


def actor_list(*, q: str = "", kind: str = "", country: str = "") -> QuerySet:
    actors = Actor.objects.select_related("parent")
    if q:
        folded = normalize_name(q)
        matches = Q(name__icontains=q)
        if folded:
            matches |= Exists(ActorAlias.objects.filter(actor_id=OuterRef("id"), normalized__contains=folded))
        actors = actors.filter(matches)
    if kind:
        actors = actors.filter(kind=kind)
    if country:
        actors = actors.filter(country=country.upper())
    return actors.prefetch_related(Prefetch("aliases", queryset=ActorAlias.objects.order_by("alias", "id")))


def actor_get(*, actor_id: int) -> Actor:
    actor = actor_list().filter(id=actor_id).first()
    if actor is None:
        raise Actor.DoesNotExist(f"There is no actor {actor_id}.")
    return actor


def place_search(*, q: str, country: str = "", limit: int = 10) -> list[Place]:
    """Gazetteer places by name, spelling-tolerant (events.gazetteer.find_places)."""
    return find_places(q, country=country, limit=limit)
