"""The candidate search: the stored events a newly parsed report could be about, read in one query.

Matching (events.matching.match_reason) decides; this narrows the events it looks at to those of the
report's country and date window, near its place, so the cost per article stays flat however many events
are stored (bench/parse_throughput.py --events N).
"""

import datetime
import math
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from types import MappingProxyType

from django.db import connection

from conflict_tracker.db import one_of
from events.matching import FOOTPRINT_FIELDS, IMPRECISE, MAX_DATE_GAP_DAYS, MAX_DISTANCE_KM, Footprint
from events.models import Event, EventActor, EventReport, ReviewLog
from sources.models import Article
from sources.parsing.results import ParseResult


def lock_matching(countries: Iterable[str]) -> None:
    """Serialise matching per country, so two workers cannot both create the same new event.

    The locks are transaction-scoped and taken in one sorted order, so two transactions that each write
    events of several countries (an article about two countries, a worker's batch) cannot deadlock."""
    if connection.vendor != "postgresql":
        return  # SQLite runs one writer at a time
    keys = [f"event-matching:{country}" for country in sorted(set(countries))]
    if not keys:
        return
    with connection.cursor() as cursor:
        # One round trip for a batch's countries, each lock taken in turn in the sorted order (a subquery with an
        # ORDER BY is never flattened, so the outer query calls the function on its rows in that order).
        cursor.execute(
            "SELECT pg_advisory_xact_lock(hashtext(key)) FROM"
            " (SELECT key FROM unnest(%s::text[]) WITH ORDINALITY AS lock(key, n) ORDER BY n) AS sorted",
            [keys],
        )


def result_countries(result: ParseResult) -> set[str]:
    """The countries whose matching lock writing ``result`` takes (an event with none locks "")."""
    return {parsed.country or (parsed.place.country if parsed.place else "") for parsed in result.events}


@dataclass(frozen=True)
class Candidate:
    row: tuple  # the event's _MATCH_COLUMNS
    roles: dict[int, str]  # actor id -> role

    @property
    def event_id(self) -> int:
        return self.row[0]


# What matching reads of every candidate event, in the model's column order (Event.from_db() takes the values of
# a partial row in that order), and what growing the one it picks reads besides: a crowded window holds a hundred
# candidates, and their summaries (JSON), fatality ranges and history are read for that one alone.
_MATCH_FIELDS = {*FOOTPRINT_FIELDS, "id", "status", "location_name"}
_GROW_FIELDS = {"fatalities_best_chosen", "fatalities_low", "fatalities_high", "derivation"}
_MATCH_COLUMNS = [field.attname for field in Event._meta.concrete_fields if field.attname in _MATCH_FIELDS]
_GROW_COLUMNS = [field.attname for field in Event._meta.concrete_fields if field.attname in _GROW_FIELDS]
_EVENT_COLUMNS = [
    field.attname for field in Event._meta.concrete_fields if field.attname in _MATCH_FIELDS | _GROW_FIELDS
]
_STATUS = _MATCH_COLUMNS.index("status")
_MATCH_SELECT = ", ".join(f"e.{column}" for column in _MATCH_COLUMNS)
_GROW_SELECT = ", ".join(f"e.{column}" for column in _GROW_COLUMNS)


def candidates(
    footprint: Footprint,
    *,
    actor_ids: Mapping[str, int] = MappingProxyType({}),
    exclude_article: Article,
    exclude_events: AbstractSet[int] = frozenset(),
) -> list[tuple[Candidate, Footprint]]:
    """Events the report could be about, with their actors, in one query; match_reason() decides. Neither an
    event the article already reports nor one of ``exclude_events`` (those its reports not yet written name).

    ``actor_ids`` are the ids of the footprint's actor names. A candidate's footprint names the actors it shares
    with the report, which is all match_reason() compares of them: the actors' names are not read.

    Each way an event's place can agree with the report's (the same place, near its point, the same region
    for an imprecise location, an unresolved name) is one arm of the search, bounded on both sides by the
    report's date window; on PostgreSQL each arm has a GiST index of its place columns and the dates
    (migration events 0010), so the cost per article stays flat however many events are stored. Written as
    SQL because it runs for every parsed article and the ORM's query building cost more than the query itself
    (bench/parse_throughput.py).
    """
    if set(actor_ids) != footprint.actor_names:
        raise ValueError("actor_ids must give the id of each of the footprint's actor names, and no other")
    arms = _place_arms(footprint)
    if not arms:
        return []
    dates_sql, dates_params = _dates_condition(footprint)
    agrees_sql, agrees_params = _type_or_actor_condition(footprint.event_type, sorted(actor_ids.values()))
    country_sql, country_params = (
        ("AND (e.country = %s OR e.country = '')", [footprint.country]) if footprint.country else ("", [])
    )
    event, report, event_actor = (_table(model) for model in (Event, EventReport, EventActor))
    sql = f"""
        SELECT {_MATCH_SELECT}, ea.actor_id, ea.role
        FROM {event} e
        LEFT JOIN {event_actor} ea ON ea.event_id = e.id
        WHERE ({" OR ".join(f"({arm_sql} AND {dates_sql})" for arm_sql, _ in arms)})
          AND e.status IN (%s, %s) {country_sql}
          AND {agrees_sql}
          AND NOT EXISTS (SELECT 1 FROM {report} r WHERE r.event_id = e.id AND r.article_id = %s)
    """
    params = [
        *(param for _, arm_params in arms for param in (*arm_params, *dates_params)),
        Event.Status.DRAFT,
        Event.Status.APPROVED,
        *country_params,
        *agrees_params,
        exclude_article.id,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    names = {actor_id: name for name, actor_id in actor_ids.items()}
    return [
        (candidate, found)
        for candidate, found in _grouped_candidates(rows, names)
        if candidate.event_id not in exclude_events
    ]


def _grouped_candidates(rows: list[tuple], names: Mapping[int, str]) -> list[tuple[Candidate, Footprint]]:
    """One candidate per event from the query's rows: an event's columns, then one of its actors (or none)."""
    width = len(_MATCH_COLUMNS)
    found: dict[int, tuple[tuple, dict[int, str], set[str]]] = {}
    for row in rows:
        event_id = row[0]
        if event_id not in found:
            found[event_id] = (row[:width], {}, set())
        actor_id, role = row[width:]
        if actor_id is not None:
            found[event_id][1][actor_id] = role
            if actor_id in names:
                found[event_id][2].add(names[actor_id])
    return [
        (
            Candidate(columns, roles),
            Footprint.of(dict(zip(_MATCH_COLUMNS, columns, strict=True)), actor_names=shared),
        )
        for columns, roles, shared in found.values()
    ]


@dataclass(frozen=True)
class MatchedEvent:
    event: Event  # with the columns matching and growing read
    touched: bool  # a person reviewed or edited it
    roles: dict[int, str]  # actor id -> role


def matched_event(candidate: Candidate) -> MatchedEvent | None:
    """The candidate matching picked, read as growing it reads it (one query); None when it has been deleted since."""
    history = _table(ReviewLog)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {_GROW_SELECT},"
            f" EXISTS (SELECT 1 FROM {history} h WHERE h.event_id = e.id)"
            f" FROM {_table(Event)} e WHERE e.id = %s",
            [candidate.event_id],
        )
        row = cursor.fetchone()
    if row is None:
        return None
    *grown, has_history = row
    values = {**dict(zip(_MATCH_COLUMNS, candidate.row, strict=True)), **dict(zip(_GROW_COLUMNS, grown, strict=True))}
    event = Event.from_db(connection.alias, _EVENT_COLUMNS, [values[column] for column in _EVENT_COLUMNS])
    touched = candidate.row[_STATUS] != Event.Status.DRAFT or bool(has_history)
    return MatchedEvent(event, touched, candidate.roles)


def _type_or_actor_condition(event_type: str, actor_ids: list[int]) -> tuple[str, list]:
    """SQL for the events of the report's type or sharing an actor with it: match_reason() accepts no other. Where
    many events crowd a region's window (a year of a war), most are of other types and sides, and are not read
    further (their actors) nor built into candidates. Each event's check is an index-only probe of its actor pairs."""
    if not actor_ids:
        return "e.event_type = %s", [event_type]
    ids_sql, ids_params = one_of("s.actor_id", actor_ids)
    shared = f"EXISTS (SELECT 1 FROM {_table(EventActor)} s WHERE s.event_id = e.id AND {ids_sql})"
    return f"(e.event_type = %s OR {shared})", [event_type, *ids_params]


def _dates_condition(footprint: Footprint) -> tuple[str, list]:
    """SQL for the events whose dates come within MAX_DATE_GAP_DAYS of the report's: both ends bound it.

    On PostgreSQL the dates are one range, so the arms' GiST indexes find the overlapping events without
    reading every earlier or later one (a B-tree on start_date bounds one side only)."""
    window = datetime.timedelta(days=MAX_DATE_GAP_DAYS)
    low, high = footprint.start_date - window, footprint.end_date + window
    if connection.vendor == "postgresql":
        return f"{_DATES} && daterange(%s, %s, '[]')", [low, high]
    return "e.start_date <= %s AND e.end_date >= %s", [high, low]


# The expressions migration events 0010 indexes: a query must spell them the same way to use the indexes.
_DATES = "daterange(e.start_date, e.end_date, '[]')"
_POINT = "point(e.longitude, e.latitude)"


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _place_arms(footprint: Footprint) -> list[tuple[str, list]]:
    """SQL arms for a superset of the places match_reason() accepts: the same place, any unresolved name,
    the same admin1 when either side is imprecise, or a box around the report's point.
    None when the report says nothing of where it happened."""
    imprecise = footprint.geo_precision == IMPRECISE
    arms: list[tuple[str, list]] = []
    if footprint.place_id is not None:
        # The column is a bigint: compared with a plain integer, PostgreSQL's cross-type equality is one the GiST
        # index's btree_gist operator class lacks, and the index would serve the dates alone.
        arms.append(("e.place_id = CAST(%s AS BIGINT)", [footprint.place_id]))
    if footprint.unresolved_name_key:
        arms.append(("e.location_name <> ''", []))
    if footprint.admin1:
        extra = "" if imprecise else f" AND e.geo_precision = {IMPRECISE}"
        arms.append((f"e.country = %s AND e.admin1 = %s{extra}", [footprint.country, footprint.admin1]))
    if not imprecise and footprint.latitude is not None and footprint.longitude is not None:
        box_sql, box_params = _box(footprint.latitude, footprint.longitude, MAX_DISTANCE_KM)
        arms.append((f"{box_sql} AND e.geo_precision <> {IMPRECISE}", box_params))
    return arms


def _box(latitude: float, longitude: float, km: float) -> tuple[str, list]:
    """Points in a latitude/longitude box that holds the circle of ``km`` around a point."""
    degrees = km / 111.0 * 1.01  # a degree of latitude is at least 110.6 km; 1 % to spare
    cos = math.cos(math.radians(min(abs(latitude) + degrees, 90.0)))
    spread = degrees / cos if cos > 0.01 else 360.0
    west, east = longitude - spread, longitude + spread
    if west <= -180 or east >= 180:  # the box would wrap: latitude alone
        west, east = -180.0, 180.0
    south, north = latitude - degrees, latitude + degrees
    if connection.vendor == "postgresql":
        return f"{_POINT} <@ box(point(%s, %s), point(%s, %s))", [west, south, east, north]
    return "e.latitude BETWEEN %s AND %s AND e.longitude BETWEEN %s AND %s", [south, north, west, east]
