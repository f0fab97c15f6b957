"""Read-side queries: what a user may see, filtered, with everything its documents need prefetched.

Pure reads, no writes. Each function fetches what its caller renders in a fixed number of
queries whatever the number of rows (the API's list endpoints are tested for it).
"""

import datetime
from collections import namedtuple
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Lower
from django.db.models.query import BaseIterable, ModelIterable

from conflict_tracker.roles import ANALYST, user_has_role
from events.actors import find_actor
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


def visible_statuses(user) -> tuple[str, ...]:
    """Analysts see drafts and rejected events; everyone else only approved ones. Merged events are never listed."""
    return LISTED_EVENT_STATUSES if user_has_role(user, ANALYST) else LISTED_TO_EVERYONE


# ---------------------------------------------------------------- what documents read


class _RelatedLoader(QuerySet):
    """Rows (articles, actors) that, once fetched, load their relations in one query per relation.

    The same result as prefetch_related(), without its per-row cost: Django's prefetch clones a
    filtered queryset for every row and relation, which took most of a 100-event page's time.
    Each relation is stored where prefetch_related() stores it, so `event.claims.all()` and the
    rest read it without a query.
    """

    relations: tuple = ()

    def _fetch_all(self):
        fresh = self._result_cache is None
        super()._fetch_all()
        if fresh and self._result_cache and self._iterable_class is ModelIterable:
            attach_relations(self._result_cache, self.relations)

    def _clone(self):
        clone = super()._clone()
        clone.relations = self.relations
        return clone


def _loading(rows: QuerySet, relations: tuple) -> QuerySet:
    loader = _RelatedLoader(model=rows.model, query=rows.query.chain(), using=rows.db)
    loader.relations = relations
    return loader


def _event_actors() -> QuerySet:
    return EventActor.objects.order_by("role", "id")


def _claims() -> QuerySet:
    return Claim.objects.defer("created_at", "updated_at", "created_by").order_by("article_id", "char_start", "id")


def _report_ids() -> QuerySet:
    return EventReport.objects.only("id", "event_id", "article_id").order_by("article_id", "id")


@dataclass(frozen=True)
class Relation:
    name: str  # the related manager's cache name (or, as_attribute, a plain list attribute)
    rows: Callable[[], QuerySet]
    key: str = "event_id"  # the rows' foreign key to the parent
    as_attribute: bool = False
    actors: tuple[str, ...] = ()  # foreign keys to Actor, resolved from one shared query (id, name, kind)


DOCUMENT_RELATIONS = (
    Relation("event_actors", _event_actors, actors=("actor",)),
    Relation("claims", _claims, actors=("claimant", "subject")),
    Relation("reports", _report_ids),
)


def attach_relations(parents: list, relations) -> None:
    """Load each relation of these rows in one query and cache it on them as prefetch_related() would."""
    if not parents:
        return
    ids = [parent.id for parent in parents]
    needs_actors: list[tuple[object, str]] = []
    for relation in relations:
        queryset = relation.rows()
        grouped: dict[int, list] = {}
        for row in queryset.filter(**{f"{relation.key}__in": ids}):
            grouped.setdefault(getattr(row, relation.key), []).append(row)
            needs_actors += [(row, field) for field in relation.actors if getattr(row, f"{field}_id") is not None]
        for parent in parents:
            rows = grouped.get(parent.id, [])
            if relation.as_attribute:
                setattr(parent, relation.name, rows)
                continue
            cached = QuerySet(model=queryset.model)
            cached._result_cache, cached._prefetch_done = rows, True
            if not hasattr(parent, "_prefetched_objects_cache"):
                parent._prefetched_objects_cache = {}
            parent._prefetched_objects_cache[relation.name] = cached
    if needs_actors:
        # A page names few distinct actors: load each once rather than once per row that mentions it.
        actors = Actor.objects.only("id", "name", "kind").in_bulk(
            {getattr(row, f"{field}_id") for row, field in needs_actors}
        )
        for row, field in needs_actors:
            setattr(row, field, actors.get(getattr(row, f"{field}_id")))  # None: deleted since the rows were read


def _history() -> Prefetch:
    return Prefetch("history", queryset=ReviewLog.objects.select_related("user").order_by("created_at", "id"))


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


# ---------------------------------------------------------------- event records: lists and exports without model instances
#
# A page of 100 events with their actors, claims and reports is about 900 rows; a full export a
# million events. Building Django model instances for them took most of a request's time, so
# lists and exports read plain tuples into records: named tuples carrying every concrete field of
# the model they stand for (under its attribute name) plus the relations documents read, which
# answer `.all()` as prefetched relations do. exports.event_list_document() and acled_row() read them
# as they read events; tests/api checks that both give what they give for model instances.


class Related(list):
    """A record's relation, read like a prefetched one: `.all()` gives its rows."""

    def all(self):
        return self


def _fields(model) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields]


_EVENT_FIELDS, _PLACE_FIELDS, _CLAIM_FIELDS = _fields(Event), _fields(Place), _fields(Claim)
_ACTOR_FIELDS, _PUBLISHER_FIELDS, _EVENT_ACTOR_FIELDS = _fields(Actor), _fields(Publisher), _fields(EventActor)
EventRecord = namedtuple(
    "EventRecord", [*_EVENT_FIELDS, "place", "event_actors", "claims", "reports", "claims_summary"]
)
PlaceRecord = namedtuple("PlaceRecord", _PLACE_FIELDS)
ActorRecord = namedtuple("ActorRecord", _ACTOR_FIELDS)
PublisherRecord = namedtuple("PublisherRecord", _PUBLISHER_FIELDS)
EventActorRecord = namedtuple("EventActorRecord", [*_EVENT_ACTOR_FIELDS, "actor"])
ClaimRecord = namedtuple("ClaimRecord", [*_CLAIM_FIELDS, "claimant", "subject"])
ReportRecord = namedtuple("ReportRecord", ["id", "event_id", "article_id", "article"])  # not its JSON snapshots
ArticleRecord = namedtuple("ArticleRecord", ["id", "publisher_id", "publisher"])  # not its text
_EVENT_COLUMNS = [*_EVENT_FIELDS, *(f"place__{field}" for field in _PLACE_FIELDS)]


def _tuples(queryset: QuerySet) -> list[tuple]:
    """A values_list() queryset's rows. On PostgreSQL they are read with psycopg's C timestamp loader:
    Django registers a pure-Python one, which took a third of a full export's time."""
    if connection.vendor != "postgresql":
        return list(queryset)
    from psycopg import adapters
    from psycopg.postgres import types
    from psycopg.pq import Format

    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing (`status__in=[]`, .none())
        return []
    with connection.cursor() as cursor:
        # On this cursor only; executed through Django's wrapper so query logging and counting still see it.
        cursor.cursor.adapters.register_loader("timestamptz", adapters.get_loader(types["timestamptz"].oid, Format.TEXT))
        cursor.execute(sql, params)
        return cursor.fetchall()


class EventRecords:
    """Makes event rows (_EVENT_COLUMNS) into EventRecords, loading each relation in one query.

    Actors and publishers are cached across calls: an export names the same few many times.
    """

    def __init__(self, *, claims: bool = True, summaries: bool = False, publishers: bool = False):
        self.with_claims, self.with_summaries, self.with_publishers = claims, summaries, publishers
        self.actors: dict[int, ActorRecord] = {}
        self.publishers: dict[int, PublisherRecord] = {}

    def build(self, rows: list[tuple], events) -> list[EventRecord]:
        """`events` selects the rows' events: their ids, or a subquery (cheaper than thousands of parameters)."""
        if not rows:
            return []
        roles, claims, reports = {}, {}, {}
        event_actors = _tuples(
            EventActor.objects.filter(event_id__in=events).order_by("role", "id").values_list(*_EVENT_ACTOR_FIELDS)
        )
        claim_rows = []
        if self.with_claims:
            ordered = Claim.objects.filter(event_id__in=events).order_by("article_id", "char_start", "id")
            claim_rows = _tuples(ordered.values_list(*_CLAIM_FIELDS))
        groups = _tuples(_claim_groups(events)) if self.with_summaries else []
        claimant, subject = _CLAIM_FIELDS.index("claimant_id"), _CLAIM_FIELDS.index("subject_id")
        self._load_actors(
            {row[2] for row in event_actors}
            | {row[i] for row in claim_rows for i in (claimant, subject)}
            | {group[_GROUP_CLAIMANT] for group in groups}
        )
        for row in event_actors:
            roles.setdefault(row[1], Related()).append(EventActorRecord(*row, self.actors.get(row[2])))
        for row in claim_rows:
            actors = (self.actors.get(row[claimant]), self.actors.get(row[subject]))
            claims.setdefault(row[1], Related()).append(ClaimRecord(*row, *actors))
        for report in self._reports(events):
            reports.setdefault(report.event_id, Related()).append(report)
        groups_of: dict[int, list[tuple]] = {}
        for group in groups:
            groups_of.setdefault(group[0], []).append(group)
        size = len(_EVENT_FIELDS)
        return [
            EventRecord(
                *row[:size],
                PlaceRecord(*row[size:]) if row[size] is not None else None,
                roles.get(row[0], Related()),
                claims.get(row[0], Related()),
                reports.get(row[0], Related()),
                claims_summary(groups_of.get(row[0], ()), self.actors) if self.with_summaries else None,
            )
            for row in rows
        ]

    def _reports(self, events) -> list[ReportRecord]:
        reports = EventReport.objects.filter(event_id__in=events).order_by("article_id", "id")
        if not self.with_publishers:
            return [ReportRecord(*row, None) for row in reports.values_list("id", "event_id", "article_id")]
        rows = list(reports.values_list("id", "event_id", "article_id", "article__publisher_id"))
        missing = {row[3] for row in rows} - set(self.publishers) - {None}
        if missing:
            found = Publisher.objects.filter(id__in=missing).values_list(*_PUBLISHER_FIELDS)
            self.publishers.update({row[0]: PublisherRecord(*row) for row in found})
        return [
            ReportRecord(
                report_id, event_id, article_id, ArticleRecord(article_id, publisher, self.publishers.get(publisher))
            )
            for report_id, event_id, article_id, publisher in rows
        ]

    def _load_actors(self, ids: set) -> None:
        missing = ids - set(self.actors) - {None}
        if missing:
            found = _tuples(Actor.objects.filter(id__in=missing).values_list(*_ACTOR_FIELDS))
            self.actors.update({row[0]: ActorRecord(*row) for row in found})


# ---------------------------------------------------------------- claims summaries: what lists show of the claims
#
# A list page carries each event's claims summarised, never the claims themselves: a quote has no
# size bound worth the name (reports quote whole paragraphs), and a page of them grew without one.
# One GROUP BY query gives a page's summaries; it never reads a quote. GET /events/{id}/ has the claims.

SUMMARY_CLAIMANTS = 5  # enough to see that sources disagree; claimant_count tells how many more there are
_KIND_ORDER = {kind: index for index, kind in enumerate(Claim.Kind.values)}
_GROUP_CLAIMANT = 2  # the claimant_id column of _claim_groups()


def _claim_groups(events) -> QuerySet:
    """Per event, kind and claimant: (event_id, kind, claimant_id, claimant_text, claims, lowest figure,
    highest figure, open-ended claims). A claimant without an actor is its text, case folded, as in
    services.fatality_range()."""
    as_written = Case(When(claimant_id__isnull=True, then=Lower("claimant_text")), default=Value(""))
    return (
        Claim.objects.filter(event_id__in=events)
        .order_by()
        .annotate(as_written=as_written)
        .values("event_id", "kind", "claimant_id", "as_written")
        .annotate(
            text=Min("claimant_text"),
            claims=Count("id"),
            # "up to 30" is a figure of 30 and "at least 84" one of 84: each bound stands in for a missing one.
            low=Min(Coalesce("count_min", "count_max")),
            high=Max(Coalesce("count_max", "count_min")),
            open_ended=Count("id", filter=Q(count_max__isnull=True, count_min__isnull=False)),
        )
        .values_list("event_id", "kind", "claimant_id", "text", "claims", "low", "high", "open_ended")
    )


def claims_summary(groups, actors: dict) -> dict:
    """One event's claims in brief, from its _claim_groups() rows: how many, per kind the lowest and
    highest figure claimed, and who claims (canonical names, else as written; most claims first).
    Vague claims ("dozens") count as claims but give no figure. `actors` maps claimant ids to actors."""
    kinds: dict[str, dict] = {}
    claimants: dict = {}
    for _, kind, claimant_id, text, claims, low, high, open_ended in groups:
        entry = kinds.setdefault(kind, {"kind": kind, "count": 0, "low": None, "high": None, "open_ended": False})
        entry["count"] += claims
        if low is not None:  # else the group's claims are all vague; a low implies a high (each stands in)
            entry["low"] = low if entry["low"] is None else min(entry["low"], low)
            entry["high"] = high if entry["high"] is None else max(entry["high"], high)
        entry["open_ended"] = entry["open_ended"] or open_ended > 0
        actor = actors.get(claimant_id) if claimant_id is not None else None
        name = actor.name if actor else text
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


class _EventRecordIterable(BaseIterable):
    def __iter__(self):
        rows = _tuples(self.queryset.values_list(*_EVENT_COLUMNS))
        yield from EventRecords(claims=False, summaries=True).build(rows, [row[0] for row in rows])


def event_list(*, user, filters: EventFilters) -> QuerySet:
    """Matching events, as EventRecords with their place, actors, claims summary and reports (five
    queries a page, whatever its size). Filter, order and slice it like any queryset before evaluating it."""
    events = event_queryset(user=user, filters=filters)._chain()
    events._iterable_class = _EventRecordIterable
    return events


def event_export_rows(*, user, filters: EventFilters, chunk: int = CSV_CHUNK) -> Iterator:
    """Every matching event in id order, as records exports.acled_row() reads as it reads events
    (with their place, actors and report publishers; no claims), in constant memory.

    On PostgreSQL one COPY streams the rows with their actors and publishers aggregated, so the
    server computes ahead while this process formats (20,000+ rows a second); elsewhere chunks of
    `chunk` events, three queries each.
    """
    base = event_queryset(user=user, filters=filters).order_by("id")
    if connection.vendor == "postgresql":
        yield from _acled_records_by_copy(base)
        return
    records = EventRecords(claims=False, publishers=True)
    last_id = 0
    while True:
        rows = _tuples(base.filter(id__gt=last_id).values_list(*_EVENT_COLUMNS)[:chunk])
        if not rows:
            return
        yield from records.build(rows, base.filter(id__gt=last_id, id__lte=rows[-1][0]).values("id"))
        last_id = rows[-1][0]


# What acled_row() and location_document() read of an event and its place: a COPY of a million rows
# decodes only these. Should acled_row() read another field, records lack it and the export fails
# loudly; tests/api compares every exported row with acled_row() of the event itself.
ACLED_EVENT_FIELDS = [
    "id", "start_date", "date_precision", "event_type", "sub_event_type", "country", "admin1", "location_name",
    "latitude", "longitude", "geo_precision", "notes", "fatalities_best", "updated_at", "place_id",
]  # fmt: skip
ACLED_PLACE_FIELDS = ["id", "name", "feature_code", "geonames_id"]
AcledEventRecord = namedtuple("AcledEventRecord", [*ACLED_EVENT_FIELDS, "place", "event_actors", "reports"])
AcledPlaceRecord = namedtuple("AcledPlaceRecord", ACLED_PLACE_FIELDS)


def _copy_type(field) -> str:
    return field.db_type(connection).split("(")[0]


def _acled_records_by_copy(base: QuerySet) -> Iterator[AcledEventRecord]:
    from psycopg import ClientCursor, adapters
    from psycopg.postgres import types
    from psycopg.pq import Format

    actors = {row[0]: ActorRecord(*row) for row in _tuples(Actor.objects.values_list(*_ACTOR_FIELDS))}
    publishers = {row[0]: PublisherRecord(*row) for row in Publisher.objects.values_list(*_PUBLISHER_FIELDS)}
    event, event_actor, report, article = (m._meta.db_table for m in (Event, EventActor, EventReport, Article))
    # Each event's actors ("id:role,…") and reports ("article:publisher,…") as one text column each:
    # parsing a string is far cheaper here than psycopg's array loader.
    rows = base.annotate(
        export_roles=RawSQL(
            f"SELECT string_agg(ea.actor_id::text || ':' || ea.role, ',' ORDER BY ea.role, ea.id) "
            f'FROM "{event_actor}" ea WHERE ea.event_id = "{event}".id',
            [],
        ),
        export_reports=RawSQL(
            f"SELECT string_agg(r.article_id::text || ':' || coalesce(a.publisher_id::text, ''), ',' "
            f"ORDER BY r.article_id, r.id) "
            f'FROM "{report}" r JOIN "{article}" a ON a.id = r.article_id WHERE r.event_id = "{event}".id',
            [],
        ),
    ).values_list(
        *ACLED_EVENT_FIELDS, *(f"place__{name}" for name in ACLED_PLACE_FIELDS), "export_roles", "export_reports"
    )
    column_types = [_copy_type(Event._meta.get_field(name.removesuffix("_id"))) for name in ACLED_EVENT_FIELDS]
    column_types += [_copy_type(Place._meta.get_field(name)) for name in ACLED_PLACE_FIELDS] + ["text", "text"]
    try:
        sql, params = rows.query.sql_with_params()
    except EmptyResultSet:
        return
    size, place_size = len(ACLED_EVENT_FIELDS), len(ACLED_PLACE_FIELDS)
    with connection.cursor() as cursor:
        raw = cursor.cursor
        raw.adapters.register_loader("timestamptz", adapters.get_loader(types["timestamptz"].oid, Format.TEXT))
        # COPY takes no parameters: psycopg quotes them into the statement, as its client-side cursors do.
        statement = ClientCursor(raw.connection).mogrify(sql, params)
        with raw.copy(f"COPY ({statement}) TO STDOUT") as copy:
            copy.set_types(column_types)
            # The hot loop of a million-row export: records are made with tuple.__new__ (C), not namedtuple's __new__.
            make, place_end = tuple.__new__, size + place_size
            for row in copy.rows():
                event_id, role_list, report_list, roles, reports = row[0], row[-2], row[-1], Related(), Related()
                if role_list:
                    for item in role_list.split(","):
                        actor_id, _, role = item.partition(":")
                        actor_id = int(actor_id)
                        actor = actors.get(actor_id) or _actor(actors, actor_id)
                        roles.append(make(EventActorRecord, (None, event_id, actor_id, role, actor)))
                if report_list:
                    for item in report_list.split(","):
                        article_id, _, publisher_id = item.partition(":")
                        article_id, publisher_id = int(article_id), int(publisher_id) if publisher_id else None
                        publisher = (
                            publishers.get(publisher_id)
                            if publisher_id in publishers
                            else _publisher(publishers, publisher_id)
                        )
                        article = make(ArticleRecord, (article_id, publisher_id, publisher))
                        reports.append(make(ReportRecord, (None, event_id, article_id, article)))
                place = make(AcledPlaceRecord, row[size:place_end]) if row[size] is not None else None
                yield make(AcledEventRecord, (*row[:size], place, roles, reports))


def _actor(actors: dict, actor_id: int) -> ActorRecord:
    """An actor created since the export started."""
    actors.update({row[0]: ActorRecord(*row) for row in Actor.objects.filter(id=actor_id).values_list(*_ACTOR_FIELDS)})
    return actors.get(actor_id)


def _publisher(publishers: dict, publisher_id: int | None) -> PublisherRecord | None:
    if publisher_id is None or publisher_id in publishers:
        return publishers.get(publisher_id)
    found = Publisher.objects.filter(id=publisher_id).values_list(*_PUBLISHER_FIELDS)
    publishers.update({row[0]: PublisherRecord(*row) for row in found})
    return publishers.get(publisher_id)


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
    """One event with its documents' relations and its review history, if this user may see it."""
    event = _find_event(event_id)
    _refuse_merged(event, user)
    if event.status not in visible_statuses(user):
        raise EventNotFound(f"There is no event {event_id}.")
    attach_relations([event], DOCUMENT_RELATIONS)
    prefetch_related_objects([event], _history())
    return event


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
    attach_relations(candidates, (Relation("event_actors", _event_actors),))
    own = _footprint(event)
    found = []
    for candidate in candidates:
        reason = match_reason(own, _footprint(candidate))
        if reason is not None:
            found.append((reason.score, candidate, reason))
    found.sort(key=lambda item: (item[0], item[1].id))
    return [
        {"event_id": candidate.id, "status": candidate.status, "reason": reason.as_dict()}
        for _, candidate, reason in found[:limit]
    ]


def _footprint(event: Event) -> Footprint:
    return Footprint.of(event, actor_names=(item.actor.name for item in event.event_actors.all()))


def deleted_events(*, since: datetime.datetime | None) -> QuerySet:
    """Events rejected or merged away (since a time): what a synchronising client should drop."""
    events = Event.objects.filter(status__in=DELETED_EVENT_STATUSES, status_changed_at__isnull=False)
    if since is not None:
        events = events.filter(status_changed_at__gte=since)
    return events.only("id", "status", "merged_into_id", "status_changed_at")


# ---------------------------------------------------------------- claims


def claim_get(*, claim_id: int) -> Claim:
    claim = Claim.objects.select_related("claimant", "subject", "event").filter(id=claim_id).first()
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
    return _loading(
        articles.select_related("publisher", "language_set_by").defer("text", "spans"),
        (Relation("live_reports", _live_reports, "article_id", as_attribute=True),),
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
    return _loading(actors, (Relation("aliases", lambda: ActorAlias.objects.order_by("alias", "id"), "actor_id"),))


def actor_get(*, actor_id: int) -> Actor:
    actor = actor_list().filter(id=actor_id).first()
    if actor is None:
        raise Actor.DoesNotExist(f"There is no actor {actor_id}.")
    return actor


def place_search(*, q: str, country: str = "", limit: int = 10) -> list[Place]:
    """Gazetteer places by name, spelling-tolerant (events.gazetteer.find_places)."""
    return find_places(q, country=country, limit=limit)
