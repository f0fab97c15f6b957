"""Event workflows: attaching parsed reports to events, the fatality estimate, and review actions."""

import datetime
import math
import statistics
from collections import Counter
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from events.matching import IMPRECISE, MAX_DATE_GAP_DAYS, MAX_DISTANCE_KM, Footprint, best_match
from events.models import Actor, ActorAlias, Claim, Event, EventActor, EventReport, Place, ReviewLock, ReviewLog
from sources.models import Article
from sources.parsing.acled import DATE_PRECISIONS
from sources.parsing.normalize import normalize_name
from sources.parsing.results import ActorRef, ParsedEvent, ParseResult

_KILLED = Claim.Kind.KILLED.value


# ---------------------------------------------------------------- actors


def actor_for_ref(ref: ActorRef) -> Actor:
    """The database actor a parsed reference stands for; unknown named groups are created for review.

    A dictionary reference already carries its actor's id and name (the parser's dictionary is
    checked against the database for every article), so it costs no query."""
    if ref.entry_id is not None:
        return Actor(id=ref.entry_id, name=ref.name, kind=ref.kind, country=ref.country)
    actor = Actor.objects.filter(Q(name=ref.name) | Q(aliases__normalized=normalize_name(ref.name))).first()
    if actor is not None:
        return actor
    actor = Actor.objects.create(name=ref.name[:200], kind=ref.kind, country=ref.country or "", needs_review=ref.is_new)
    ActorAlias.objects.get_or_create(
        normalized=normalize_name(ref.name)[:200], defaults={"actor": actor, "alias": ref.name[:200]}
    )
    return actor


# ---------------------------------------------------------------- footprints and consensus


def _report_snapshot(parsed: ParsedEvent, *, fallback_date: datetime.date, actors: dict[ActorRef, Actor]) -> dict:
    """What one report says of the event, kept on EventReport so a draft can be re-derived from all its reports."""
    start = parsed.start_date or fallback_date
    end = parsed.end_date or start
    place = parsed.place
    return {
        "event_type": parsed.event_type,
        "sub_event_type": parsed.sub_event_type,
        "start_date": start.isoformat(),
        "end_date": max(start, end).isoformat(),
        "date_precision": parsed.date_precision if parsed.start_date else "month",
        "place_id": place.place_id if place else None,
        "latitude": parsed.point[0] if parsed.point else place.latitude if place else None,
        "longitude": parsed.point[1] if parsed.point else place.longitude if place else None,
        "geo_precision": parsed.geo_precision,
        "country": parsed.country or (place.country if place else ""),
        "admin1": parsed.admin1 or (place.admin1_name if place else ""),
        # Kept when the point is not the gazetteer place's own: a region, an unknown name, "28 km west of X".
        "location_name": parsed.location_text if (place is None or place.is_region or parsed.point) else "",
        "notes": parsed.notes,
        "actors": [{"actor_id": actors[item.ref].id, "role": item.role} for item in parsed.actors],
    }


def _most_common(values: list, default=None):
    values = [value for value in values if value not in (None, "")]
    return Counter(values).most_common(1)[0][0] if values else default


def _consensus(snapshots: list[dict]) -> dict:
    """A draft's fields from all its reports: the most precise dates and place most reports agree on."""
    best_precision = min((s["date_precision"] for s in snapshots), key=DATE_PRECISIONS.index)
    dated = [s for s in snapshots if s["date_precision"] == best_precision]
    starts = sorted(datetime.date.fromisoformat(s["start_date"]) for s in dated)
    ends = sorted(datetime.date.fromisoformat(s["end_date"]) for s in dated)
    start, end = statistics.median_low(starts), statistics.median_high(ends)
    best_geo = min(s["geo_precision"] for s in snapshots)
    located = [s for s in snapshots if s["geo_precision"] == best_geo]
    place_id = _most_common([s["place_id"] for s in located])
    where = next((s for s in located if s["place_id"] == place_id), located[0])
    event_type = _most_common([s["event_type"] for s in snapshots])
    return {
        "event_type": event_type,
        "sub_event_type": _most_common([s["sub_event_type"] for s in snapshots if s["event_type"] == event_type]),
        "start_date": start,
        "end_date": max(start, end),
        "date_precision": best_precision,
        "place_id": where["place_id"],
        "latitude": where["latitude"],
        "longitude": where["longitude"],
        "geo_precision": best_geo,
        "country": where["country"] or _most_common([s["country"] for s in snapshots], ""),
        "admin1": where["admin1"],
        "location_name": _most_common([s["location_name"] for s in snapshots], ""),
        "notes": next((s["notes"] for s in snapshots if s["notes"]), ""),
    }


def _consensus_roles(snapshots: list[dict]) -> dict[int, str]:
    votes: dict[int, Counter] = {}
    for snapshot in snapshots:
        for item in snapshot["actors"]:
            votes.setdefault(item["actor_id"], Counter())[item["role"]] += 1
    return {actor_id: counter.most_common(1)[0][0] for actor_id, counter in votes.items()}


def event_touched_by_person(event: Event) -> bool:
    return event.status != Event.Status.DRAFT or event.history.exists()


def _rederived_fields(event: Event, *, touched: bool | None = None, roles: dict[int, str] | None = None) -> dict:
    """An untouched draft's fields recomputed from its reports (its actors are set here too);
    nothing for events a person touched. ``touched`` and ``roles`` (actor id -> role now) save
    the queries when the caller already knows them."""
    if event_touched_by_person(event) if touched is None else touched:
        return {}
    snapshots = [parsed for parsed in event.reports.values_list("parsed", flat=True) if parsed]
    if not snapshots:
        return {}
    agreed = _consensus_roles(snapshots)
    if roles is None:
        roles = dict(event.event_actors.values_list("actor_id", "role"))
    if roles != agreed:
        event.event_actors.all().delete()
        EventActor.objects.bulk_create(
            [EventActor(event=event, actor_id=actor_id, role=role) for actor_id, role in agreed.items()]
        )
    return _consensus(snapshots)


# ---------------------------------------------------------------- fatalities


def fatality_range(claims: list) -> tuple[int | None, int | None]:
    """(low, high) over the totals each source reports: a claimant's killed figures in one article, summed.

    Vague claims carry no number and count for nothing. A source's low total adds the
    lower bounds of its figures; its high total the upper bounds (the lower bound when open-ended).
    ``claims`` are Claim rows or anything with their kind, counts, article_id, claimant_id and claimant_text.
    """
    return _range_of_figures(
        (claim.article_id, claim.claimant_id, claim.claimant_text, claim.count_min, claim.count_max)
        for claim in claims
        if claim.kind == _KILLED
    )


def _event_fatality_range(event: Event) -> tuple[int | None, int | None]:
    """fatality_range() of an event's claims, read as plain rows (events reported many times carry hundreds)."""
    killed = event.claims.filter(kind=_KILLED).order_by()
    return _range_of_figures(killed.values_list("article_id", "claimant_id", "claimant_text", "count_min", "count_max"))


def _range_of_figures(figures) -> tuple[int | None, int | None]:
    """fatality_range() of (article_id, claimant_id, claimant_text, count_min, count_max) killed figures."""
    lows: Counter = Counter()
    highs: Counter = Counter()
    for article_id, claimant_id, claimant_text, count_min, count_max in figures:
        if count_min is None and count_max is None:
            continue
        source = (article_id, claimant_id or claimant_text.lower())
        low = count_min if count_min is not None else 0
        lows[source] += low
        highs[source] += count_max if count_max is not None else low
    if not lows:
        return None, None
    return min(lows.values()), max(highs.values())


def _fatality_fields(event: Event) -> dict:
    low, high = _event_fatality_range(event)
    fields = {"fatalities_low": low, "fatalities_high": high}
    if not event.fatalities_best_chosen:
        fields["fatalities_best"] = low
    return fields


def event_recompute_fatalities(*, event: Event) -> None:
    """low/high from the claims; best is the reviewer's choice, else ACLED's conservative rule: the lowest figure."""
    _event_write(event, _fatality_fields(event))


def _event_write(event: Event, fields: dict) -> None:
    if not fields:
        return
    for name, value in fields.items():
        setattr(event, name, value)
    event.save(update_fields=[*fields, "updated_at"])


def _draft_refresh(event: Event, *, touched: bool | None = None, roles: dict[int, str] | None = None) -> None:
    """Re-derive an untouched draft and its fatality range in one write."""
    _event_write(event, {**_rederived_fields(event, touched=touched, roles=roles), **_fatality_fields(event)})


# ---------------------------------------------------------------- attaching parsed reports


def _lock_matching(country: str) -> None:
    """Serialise matching per country, so two workers cannot both create the same new event."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"event-matching:{country}"])


@dataclass(frozen=True)
class _Candidate:
    event: Event
    touched: bool  # a person reviewed or edited it
    roles: dict[int, str]  # actor id -> role


# What matching and re-deriving read of a candidate event (events carry long notes and more).
_CANDIDATE_COLUMNS = [
    "id",
    "status",
    "start_date",
    "end_date",
    "country",
    "admin1",
    "place_id",
    "latitude",
    "longitude",
    "geo_precision",
    "event_type",
    "location_name",
    "fatalities_best_chosen",
]
_CANDIDATE_SELECT = ", ".join(f"e.{column}" for column in _CANDIDATE_COLUMNS)


def _candidates(footprint: Footprint, *, exclude_article: Article) -> list[tuple[_Candidate, Footprint]]:
    """Events the report could be about, narrowed in SQL by country, dates and place; match_reason() decides.

    Written as SQL because it runs for every parsed article and the ORM's query building cost
    more than the query itself (bench/parse_throughput.py).
    """
    place_sql, place_params = _place_condition(footprint)
    if not place_sql:
        return []
    window = datetime.timedelta(days=MAX_DATE_GAP_DAYS)
    event, history, report = (_table(model) for model in (Event, ReviewLog, EventReport))
    country_sql, country_params = (
        ("AND (e.country = %s OR e.country = '')", [footprint.country]) if footprint.country else ("", [])
    )
    sql = f"""
        SELECT {_CANDIDATE_SELECT},
               EXISTS (SELECT 1 FROM {history} h WHERE h.event_id = e.id) AS touched
        FROM {event} e
        WHERE e.status IN (%s, %s) AND e.start_date <= %s AND e.end_date >= %s {country_sql}
          AND ({place_sql})
          AND NOT EXISTS (SELECT 1 FROM {report} r WHERE r.event_id = e.id AND r.article_id = %s)
    """
    params = [
        Event.Status.DRAFT,
        Event.Status.APPROVED,
        footprint.end_date + window,
        footprint.start_date - window,
        *country_params,
        *place_params,
        exclude_article.id,
    ]
    events = list(Event.objects.raw(sql, params))
    if not events:
        return []
    roles: dict[int, dict[int, str]] = {event.id: {} for event in events}
    names: dict[int, set[str]] = {event.id: set() for event in events}
    with connection.cursor() as cursor:
        placeholders = ", ".join(["%s"] * len(roles))
        cursor.execute(
            f"SELECT ea.event_id, ea.actor_id, ea.role, a.name FROM {_table(EventActor)} ea"
            f" JOIN {_table(Actor)} a ON a.id = ea.actor_id WHERE ea.event_id IN ({placeholders})",
            list(roles),
        )
        for event_id, actor_id, role, name in cursor.fetchall():
            roles[event_id][actor_id] = role
            names[event_id].add(name)
    return [
        (
            _Candidate(event, event.status != Event.Status.DRAFT or bool(event.touched), roles[event.id]),
            Footprint.of(event, actor_names=names[event.id]),
        )
        for event in events
    ]


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _place_condition(footprint: Footprint) -> tuple[str, list]:
    """SQL for a superset of the places match_reason() accepts: the same place, any unresolved name,
    the same admin1 when either side is imprecise, or a box around the report's point.
    Empty when the report says nothing of where it happened."""
    imprecise = footprint.geo_precision == IMPRECISE
    parts: list[tuple[str, list]] = []
    if footprint.place_id is not None:
        parts.append(("e.place_id = %s", [footprint.place_id]))
    if footprint.unresolved_name_key:
        parts.append(("e.location_name <> ''", []))
    if footprint.admin1:
        extra = "" if imprecise else f" AND e.geo_precision = {IMPRECISE}"
        parts.append((f"(e.admin1 = %s AND e.country = %s{extra})", [footprint.admin1, footprint.country]))
    if not imprecise and footprint.latitude is not None and footprint.longitude is not None:
        box_sql, box_params = _box(footprint.latitude, footprint.longitude, MAX_DISTANCE_KM)
        parts.append((f"({box_sql} AND e.geo_precision <> {IMPRECISE})", box_params))
    return " OR ".join(sql for sql, _ in parts), [param for _, params in parts for param in params]


def _box(latitude: float, longitude: float, km: float) -> tuple[str, list]:
    """Points in a latitude/longitude box that holds the circle of ``km`` around a point."""
    degrees = km / 111.0 * 1.01  # a degree of latitude is at least 110.6 km; 1 % to spare
    sql, params = "e.latitude BETWEEN %s AND %s", [latitude - degrees, latitude + degrees]
    cos = math.cos(math.radians(min(abs(latitude) + degrees, 90.0)))
    spread = degrees / cos if cos > 0.01 else 360.0
    if longitude - spread > -180 and longitude + spread < 180:  # else the box would wrap: latitude alone
        sql, params = sql + " AND e.longitude BETWEEN %s AND %s", [*params, longitude - spread, longitude + spread]
    return sql, params


def _create_event(snapshot: dict, claims: list[Claim]) -> Event:
    """A new draft from one report: its fields are that report's, its fatality range that of its claims."""
    low, high = fatality_range(claims)
    event = Event.objects.create(
        **_consensus([snapshot]), fatalities_low=low, fatalities_high=high, fatalities_best=low
    )
    roles = _consensus_roles([snapshot])
    EventActor.objects.bulk_create(
        [EventActor(event=event, actor_id=actor_id, role=role) for actor_id, role in roles.items()]
    )
    return event


def _claims_of(*, article: Article, parsed: ParsedEvent, actors: dict[ActorRef, Actor]) -> list[Claim]:
    return [
        Claim(
            article=article,
            claimant=actors.get(item.claimant) if item.claimant else None,
            claimant_text=item.claimant_text[:200],
            kind=item.kind,
            subject=actors.get(item.subject) if item.subject else None,
            subject_text=item.subject_text[:200],
            count_min=item.count_min,
            count_max=item.count_max,
            qualifier=item.qualifier,
            quote=item.quote,
            char_start=item.char_start,
            char_end=item.char_end,
            confidence=max(0.0, min(1.0, item.confidence)),
        )
        for item in parsed.claims
    ]


def _refs_of(parsed: ParsedEvent) -> set[ActorRef]:
    refs = {item.ref for item in parsed.actors}
    return (
        refs
        | {claim.claimant for claim in parsed.claims if claim.claimant}
        | {claim.subject for claim in parsed.claims if claim.subject}
    )


def _attach_parsed_event(*, article: Article, parsed: ParsedEvent) -> Event:
    actors = {ref: actor_for_ref(ref) for ref in _refs_of(parsed)}
    snapshot = _report_snapshot(parsed, fallback_date=article.published_at or article.uploaded_at.date(), actors=actors)
    names = frozenset(actors[item.ref].name for item in parsed.actors)
    footprint = Footprint.of(snapshot, actor_names=names)
    claims = _claims_of(article=article, parsed=parsed, actors=actors)
    _lock_matching(footprint.country)
    match = best_match(footprint, _candidates(footprint, exclude_article=article))
    if match is None:
        event, reason = _create_event(snapshot, claims), None
    else:
        candidate, reason = match
        event = candidate.event
    # The article's earlier reports were detached first, so this pair is new.
    EventReport.objects.create(
        event=event, article=article, match_reason=reason.as_dict() if reason else {}, parsed=snapshot
    )
    for claim in claims:
        claim.event = event
    Claim.objects.bulk_create(claims)
    if match is None:
        return event
    if event.status == Event.Status.APPROVED:
        if claims:
            event.flagged_for_review = True
            event.save(update_fields=["flagged_for_review", "updated_at"])
    else:
        _draft_refresh(event, touched=candidate.touched, roles=candidate.roles)
    return event


def _may_have_parse_output(article: Article) -> bool:
    """False only when no parse has written anything for the article, so detaching can be skipped (no query).

    Every write of article_events_replace sets the article's language, and nothing ever empties it (a reviewer's
    correction is a non-empty code), so an article without a language has no reports or claims of its own. The
    converse does not hold: a reviewer may set the language before the first parse, and then detaching finds
    nothing. (Not ``parsed_at``: a failed re-parse clears it and leaves the earlier parse's output in place.)
    """
    return bool(article.language)


def _detach_article(article: Article) -> None:
    """Undo what an earlier parse of this article wrote, so parsing again never duplicates anything."""
    if not _may_have_parse_output(article):
        return
    touched = list(Event.objects.filter(reports__article=article).distinct())
    Claim.objects.filter(article=article, created_by__isnull=True).delete()
    EventReport.objects.filter(article=article).delete()
    for event in touched:
        if not event.reports.exists() and not event_touched_by_person(event) and not event.claims.exists():
            event.delete()
        elif event.status == Event.Status.DRAFT:
            _draft_refresh(event)


@transaction.atomic(savepoint=False)
def article_events_replace(*, article: Article, result: ParseResult, parser_version: str | None = None) -> list[Event]:
    """Write what parsing found: each parsed event attaches to a matching event or becomes a new draft.

    With ``parser_version`` the article is also marked parsed by that version, in the same write; a result
    in a language the parser cannot read (``supported`` False) marks it ``unsupported`` with the reason
    instead, and removes what an earlier reading in another language produced.
    """
    from sources.languages import unsupported_reason

    _detach_article(article)
    events = [_attach_parsed_event(article=article, parsed=parsed) for parsed in result.events]
    language = result.language[:8]
    # The language was a reviewer's when the parser read the text in the language they gave
    # (events.ingestion.article_parse).
    kept = article.language_source == Article.LanguageSource.REVIEWER and article.language == language
    article.language = language
    article.language_source = Article.LanguageSource.REVIEWER if kept else Article.LanguageSource.DETECTED
    article.spans = [
        {
            **vars(span),
            "event_id": events[span.event_index].id
            if span.event_index is not None and span.event_index < len(events)
            else None,
        }
        for span in result.spans
    ]
    fields = ["language", "language_source", "spans"]
    if parser_version is not None:
        status, error = (
            (Article.Status.PARSED, "")
            if result.supported
            else (Article.Status.UNSUPPORTED, unsupported_reason(language))
        )
        article.status, article.parsed_at, article.parser_version, article.error = (
            status,
            timezone.now(),
            parser_version,
            error,
        )
        fields += ["status", "parsed_at", "parser_version", "error"]
    article.save(update_fields=fields)
    return events


# ---------------------------------------------------------------- review: every change a person makes is logged
#
# The rules of a person's change live here, once: forms and serializers shape input and show an
# EventRuleError on the field it names. Every write to an event takes the version the editor read
# (``expected_version``) and claims the next one with a conditional UPDATE, so of two writes made on
# the same version one wins and the other is refused with StaleEdit.


class EventRuleError(ValueError):
    """A change to an event or a claim that breaks a rule; ``field`` names the input at fault, when one is."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class StaleEdit(EventRuleError):
    """Someone else saved the event since this editor read it (a conflict, not bad input)."""

    def __init__(self, message: str, *, current_version: int | None):
        super().__init__(message, field="version")
        self.current_version = current_version


EDITABLE_EVENT_FIELDS = {
    "event_type",
    "sub_event_type",
    "start_date",
    "end_date",
    "date_precision",
    "latitude",
    "longitude",
    "geo_precision",
    "country",
    "admin1",
    "location_name",
    "notes",
    "fatalities_best",
    "place",
}
LATITUDE_RANGE = (-90.0, 90.0)
LONGITUDE_RANGE = (-180.0, 180.0)


def _loggable(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, Place):
        return {"id": value.id, "name": value.name}
    return value


def review_log(
    *, user, event: Event | None, action: str, field: str = "", old=None, new=None, claim_id: int | None = None
) -> None:
    ReviewLog.objects.create(
        user=user,
        event=event,
        claim_id_ref=claim_id,
        action=action,
        field=field,
        old_value=_loggable(old),
        new_value=_loggable(new),
    )


def _take_version(event: Event, expected_version: int) -> None:
    """Claim the event's next version if it is still at ``expected_version``, else refuse (StaleEdit).

    The UPDATE holds the row until the transaction ends, so a concurrent writer on the same version
    waits, then finds the version moved on. The event is read again: the rules judge what is stored now.
    """
    taken = Event.objects.filter(id=event.id, version=expected_version).update(version=F("version") + 1)
    if not taken:
        current = Event.objects.filter(id=event.id).values_list("version", flat=True).first()
        raise StaleEdit(
            f"Event {event.id} was changed by someone else (version {current}, you edited version "
            f"{expected_version}); reload it and apply your change again.",
            current_version=current,
        )
    event.refresh_from_db()


def _bump_version(event: Event) -> None:
    """An event changed by a person's action on another event (a merge target): its version moves on too."""
    Event.objects.filter(id=event.id).update(version=F("version") + 1)
    event.refresh_from_db()


@transaction.atomic
def event_update(
    *,
    event: Event,
    reviewer,
    changes: dict,
    expected_version: int,
    actors: list[tuple[Actor, str]] | None = None,
) -> Event:
    """Apply a reviewer's field edits (and, given ``actors``, the actor list) as one versioned change,
    logging each change."""
    unknown = set(changes) - EDITABLE_EVENT_FIELDS
    if unknown:
        raise EventRuleError(f"These fields cannot be edited: {', '.join(sorted(unknown))}.")
    if actors is not None:
        _check_roles(actors)
    _take_version(event, expected_version)
    _apply_changes(event, reviewer, changes)
    if actors is not None:
        _replace_actors(event, reviewer, actors)
    return event


def _apply_changes(event: Event, reviewer, changes: dict) -> None:
    changed = []
    for field, value in changes.items():
        old = getattr(event, field)
        if old != value:
            review_log(user=reviewer, event=event, action="edit", field=field, old=old, new=value)
            setattr(event, field, value)
            changed.append(field)
    if "fatalities_best" in changed:
        event.fatalities_best_chosen = event.fatalities_best is not None
        if not event.fatalities_best_chosen:  # cleared: back to the conservative rule
            event.fatalities_best = event.fatalities_low
        changed.append("fatalities_best_chosen")
    if "place" in changed and event.place is not None:
        _adopt_place(event, reviewer, changed)
    validate_event(event)
    event.save(update_fields=[*changed, "updated_at"])


def _adopt_place(event: Event, reviewer, changed: list[str]) -> None:
    """A chosen gazetteer place brings its coordinates, and learns the name the report used for it."""
    place = event.place
    adopted = [
        ("latitude", place.latitude),
        ("longitude", place.longitude),
        ("country", place.country),
        ("admin1", place.admin1_name),
    ]
    for field, value in adopted:
        if getattr(event, field) != value and value not in ("", None):
            setattr(event, field, value)
            changed.append(field)
    if event.location_name:
        from events.models import PlaceName

        alias = PlaceName.for_place(place, event.location_name)
        PlaceName.objects.get_or_create(
            place=place, name=alias.name, defaults={"normalized": alias.normalized, "sound_key": alias.sound_key}
        )


# Limits of what a reviewer may write: a note is a paragraph, a quote a sentence or two (every event page and
# list response carries them, so a megabyte in one would slow every reader).
MAX_NOTES_CHARS = 5_000
MAX_QUOTE_CHARS = 2_000
MAX_LOCATION_NAME_CHARS = 200
MAX_PARTY_CHARS = 200  # a claimant or subject as written


def _check_length(field: str, label: str, value: str | None, limit: int) -> None:
    if value and len(value) > limit:
        raise EventRuleError(f"{label} is {len(value):,} characters long; the limit is {limit:,}.", field=field)


def _in_range(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]


def validate_event(event: Event) -> None:
    """The rules an event's fields keep, whoever changes them; raises EventRuleError naming the field."""
    from sources.parsing.acled import SUB_EVENT_TYPES

    _check_length("notes", "The note", event.notes, MAX_NOTES_CHARS)
    _check_length("location_name", "The location name", event.location_name, MAX_LOCATION_NAME_CHARS)
    if event.sub_event_type not in SUB_EVENT_TYPES.get(event.event_type, ()):
        raise EventRuleError(
            f"“{event.sub_event_type}” is not a sub-type of “{event.event_type}”.", field="sub_event_type"
        )
    if event.start_date > event.end_date:
        raise EventRuleError("The event cannot end before it starts.", field="end_date")
    if (event.latitude is None) != (event.longitude is None):
        raise EventRuleError("Give both latitude and longitude, or neither.", field="longitude")
    if event.latitude is not None:
        for field, value, bounds in [
            ("latitude", event.latitude, LATITUDE_RANGE),
            ("longitude", event.longitude, LONGITUDE_RANGE),
        ]:
            if not _in_range(value, bounds):
                raise EventRuleError("Latitude must lie in -90..90 and longitude in -180..180.", field=field)
    if event.fatalities_best is not None and event.fatalities_best < 0:
        raise EventRuleError("Fatalities cannot be negative.", field="fatalities_best")


@transaction.atomic
def event_place_unresolved_name(
    *, event: Event, reviewer, latitude: float, longitude: float, expected_version: int, geo_precision: int = 1
) -> Event:
    """A reviewer puts the report's unresolved place name on the map: it becomes a gazetteer entry with that alias."""
    _take_version(event, expected_version)
    _add_unresolved_place(event, reviewer, latitude=latitude, longitude=longitude, geo_precision=geo_precision)
    return event


def _add_unresolved_place(event: Event, reviewer, *, latitude: float, longitude: float, geo_precision: int) -> Place:
    from events.models import PlaceName

    name = event.location_name.strip()
    if not name:
        raise EventRuleError("This event has no unresolved place name to place; search the gazetteer instead.")
    if not (_in_range(latitude, LATITUDE_RANGE) and _in_range(longitude, LONGITUDE_RANGE)):
        raise EventRuleError("Latitude must lie in -90..90 and longitude in -180..180.", field="latitude")
    number = Place.objects.filter(gazetteer_key__startswith="reviewer:").count() + 1
    place = Place.objects.create(
        gazetteer_key=f"reviewer:{number}:{normalize_name(name)[:40]}",
        name=name[:200],
        ascii_name=normalize_name(name)[:200],
        country=event.country,
        admin1_name=event.admin1,
        latitude=latitude,
        longitude=longitude,
        feature_class="P",
        feature_code="PPL",
        added_by=reviewer,
    )
    PlaceName.for_place(place, name).save()
    review_log(user=reviewer, event=event, action="place_added", field="place", old=None, new=place)
    changes = {"place": place, "geo_precision": geo_precision, "latitude": latitude, "longitude": longitude}
    _apply_changes(event, reviewer, changes)
    return place


@transaction.atomic
def event_set_point(
    *, event: Event, reviewer, latitude: float, longitude: float, geo_precision: int, expected_version: int
) -> Place | None:
    """A point a reviewer chose on the map: an unresolved place name becomes a gazetteer entry there (returned);
    otherwise the event's point moves."""
    _take_version(event, expected_version)
    if event.location_name.strip():
        return _add_unresolved_place(
            event, reviewer, latitude=latitude, longitude=longitude, geo_precision=geo_precision
        )
    _apply_changes(event, reviewer, {"latitude": latitude, "longitude": longitude, "geo_precision": geo_precision})
    return None


def _check_roles(roles: list[tuple[Actor, str]]) -> None:
    valid = {choice for choice, _ in EventActor.Role.choices}
    if any(role not in valid for _, role in roles):
        raise EventRuleError(f"A role must be one of {', '.join(sorted(valid))}.", field="actors")


def _replace_actors(event: Event, reviewer, roles: list[tuple[Actor, str]]) -> None:
    old = sorted((item.actor.name, item.role) for item in event.event_actors.select_related("actor"))
    event.event_actors.all().delete()
    chosen = dict(roles)  # an actor named twice keeps its last role
    EventActor.objects.bulk_create([EventActor(event=event, actor=actor, role=role) for actor, role in chosen.items()])
    new = sorted((actor.name, role) for actor, role in chosen.items())
    if old != new:
        review_log(user=reviewer, event=event, action="edit", field="actors", old=old, new=new)
    event.save(update_fields=["updated_at"])


@transaction.atomic
def event_set_actors(*, event: Event, reviewer, roles: list[tuple[Actor, str]], expected_version: int) -> Event:
    _check_roles(roles)
    _take_version(event, expected_version)
    _replace_actors(event, reviewer, roles)
    return event


def _set_status(event: Event, reviewer, status: str, *, merged_into: Event | None = None) -> Event:
    old = event.status
    event.status, event.merged_into = status, merged_into
    event.reviewed_by, event.reviewed_at = reviewer, timezone.now()
    event.status_changed_at = event.reviewed_at
    event.flagged_for_review = False
    fields = ["status", "merged_into", "reviewed_by", "reviewed_at", "status_changed_at", "flagged_for_review"]
    event.save(update_fields=[*fields, "updated_at"])
    action = status if status != Event.Status.MERGED else "merge"
    review_log(user=reviewer, event=event, action=action, field="status", old=old, new=status)
    return event


@transaction.atomic
def event_approve(*, event: Event, reviewer, expected_version: int) -> Event:
    _take_version(event, expected_version)
    if event.status not in (Event.Status.DRAFT, Event.Status.APPROVED):
        raise EventRuleError(f"A {event.status} event cannot be approved.")
    if event.status == Event.Status.APPROVED and not event.flagged_for_review:
        raise EventRuleError("The event is already approved.")
    if event.status == Event.Status.APPROVED:
        event_recompute_fatalities(event=event)  # the reviewer has now seen the new claims
    return _set_status(event, reviewer, Event.Status.APPROVED)


@transaction.atomic
def event_reject(*, event: Event, reviewer, expected_version: int) -> Event:
    _take_version(event, expected_version)
    if event.status in (Event.Status.REJECTED, Event.Status.MERGED):
        raise EventRuleError(f"The event is already {event.status}.")
    return _set_status(event, reviewer, Event.Status.REJECTED)


@transaction.atomic
def event_merge(*, event: Event, into: Event, reviewer, expected_version: int) -> Event:
    """Fold a duplicate into another event: its reports, claims and actors move there.

    ``expected_version`` is the duplicate's; the target's version moves on too, as its claims change.
    Rows are taken in id order, so two opposite merges cannot deadlock."""
    if event.id == into.id:
        raise EventRuleError("An event cannot be merged into itself.", field="into")
    if into.id < event.id:
        _bump_version(into)
    _take_version(event, expected_version)
    if into.id > event.id:
        _bump_version(into)
    if into.status not in (Event.Status.DRAFT, Event.Status.APPROVED):
        raise EventRuleError(f"Event {into.id} is {into.status}; merge into a draft or approved event.", field="into")
    if event.status == Event.Status.MERGED:
        raise EventRuleError(f"Event {event.id} is already merged into event {event.merged_into_id}.")
    moved = Claim.objects.filter(event=event).update(event=into)
    for report in event.reports.exclude(article__in=into.reports.values("article")):
        report.event = into
        report.save(update_fields=["event"])
    known = set(into.event_actors.values_list("actor_id", flat=True))
    for item in event.event_actors.exclude(actor_id__in=known):
        EventActor.objects.create(event=into, actor_id=item.actor_id, role=item.role)
    review_log(user=reviewer, event=into, action="merge", field="merged_from", old=None, new=event.id)
    if into.status == Event.Status.APPROVED and moved:
        into.flagged_for_review = True
        into.save(update_fields=["flagged_for_review", "updated_at"])
    elif into.status == Event.Status.DRAFT:
        event_recompute_fatalities(event=into)
    return _set_status(event, reviewer, Event.Status.MERGED, merged_into=into)


SPLIT_COPIED_FIELDS = (
    "event_type",
    "sub_event_type",
    "start_date",
    "end_date",
    "date_precision",
    "place",
    "latitude",
    "longitude",
    "geo_precision",
    "country",
    "admin1",
    "location_name",
    "notes",
)


@transaction.atomic
def event_split(*, event: Event, reviewer, article_ids: list[int], expected_version: int) -> Event:
    """Move some reports (with their claims) out of an event into a new draft."""
    _take_version(event, expected_version)
    reports = list(event.reports.filter(article_id__in=article_ids))
    if not reports or len(reports) == event.reports.count():
        raise EventRuleError("Choose some, but not all, of the event's articles to split off.", field="article_ids")
    new = Event.objects.create(**{field: getattr(event, field) for field in SPLIT_COPIED_FIELDS})
    for item in event.event_actors.all():
        EventActor.objects.create(event=new, actor_id=item.actor_id, role=item.role)
    EventReport.objects.filter(id__in=[report.id for report in reports]).update(event=new)
    Claim.objects.filter(event=event, article_id__in=article_ids).update(event=new)
    moved = {"new_event": new.id, "articles": sorted(article_ids)}
    review_log(user=reviewer, event=event, action="split", field="articles", old=None, new=moved)
    review_log(user=reviewer, event=new, action="split", field="split_from", old=None, new=event.id)
    for target in (event, new):
        event_recompute_fatalities(event=target)
    return new


CLAIM_FIELDS = [
    "claimant",
    "claimant_text",
    "kind",
    "subject",
    "subject_text",
    "count_min",
    "count_max",
    "qualifier",
    "quote",
    "article",
]
_CLAIM_RELATIONS = ("claimant", "subject", "article")


def _check_open_for_claims(event: Event) -> None:
    if not event.is_open_for_claims:
        message = f"Event {event.id} is {event.status}; claims go on draft or approved events."
        raise EventRuleError(message, field="event")


def _check_article_reports(article_id: int | None, event: Event) -> None:
    if article_id is None or not EventReport.objects.filter(article_id=article_id, event_id=event.id).exists():
        raise EventRuleError(f"Article {article_id} does not report event {event.id}.", field="article")


def _check_claimant(claim: Claim) -> None:
    if claim.claimant_id is None and not (claim.claimant_text or "").strip():
        raise EventRuleError("Say who makes the claim: claimant (an actor id) or claimant_text.", field="claimant")


def validate_claim(claim: Claim) -> None:
    """The rules a claim's own fields keep, whoever writes them; raises EventRuleError naming the field."""
    _check_length("quote", "The quote", claim.quote, MAX_QUOTE_CHARS)
    _check_length("claimant_text", "The claimant", claim.claimant_text, MAX_PARTY_CHARS)
    _check_length("subject_text", "The subject", claim.subject_text, MAX_PARTY_CHARS)
    for field in ("count_min", "count_max"):
        if getattr(claim, field) is not None and getattr(claim, field) < 0:
            raise EventRuleError("Counts cannot be negative.", field=field)
    if claim.count_min is not None and claim.count_max is not None and claim.count_min > claim.count_max:
        raise EventRuleError("count_min cannot exceed count_max.", field="count_max")


def _after_claim_change(event: Event) -> None:
    """Drafts recompute their estimate; any event is marked updated so incremental sync sees the change."""
    if event.status == Event.Status.DRAFT:
        event_recompute_fatalities(event=event)
    else:
        event.save(update_fields=["updated_at"])


def _claim_value(claim: Claim, field: str):
    return getattr(claim, field + "_id") if field in _CLAIM_RELATIONS else getattr(claim, field)


@transaction.atomic
def claim_create(*, event: Event, reviewer, data: dict, expected_version: int) -> Claim:
    """A reviewer's claim on an open event, from an article that reports it, naming who makes it."""
    fields = {key: value for key, value in data.items() if key in CLAIM_FIELDS}
    claim = Claim(created_by=reviewer, confidence=1.0, **fields)
    validate_claim(claim)
    _check_claimant(claim)
    _take_version(event, expected_version)
    _check_open_for_claims(event)
    _check_article_reports(claim.article_id, event)
    claim.event = event
    claim.save()
    created = {field: _loggable(_claim_value(claim, field)) for field in CLAIM_FIELDS}
    review_log(user=reviewer, event=event, claim_id=claim.id, action="claim_create", new=created)
    _after_claim_change(event)
    return claim


def _as_id(value):
    return value.id if hasattr(value, "id") else value


@transaction.atomic
def claim_update(*, claim: Claim, reviewer, changes: dict, expected_version: int) -> Claim:
    """Only what differs changes; a change keeps the claim's rules (its event open, its article reporting
    the event, a claimant named). No change writes nothing."""
    unknown = set(changes) - set(CLAIM_FIELDS)
    if unknown:
        raise EventRuleError(f"These claim fields cannot be edited: {', '.join(sorted(unknown))}.")
    changes = {field: value for field, value in changes.items() if getattr(claim, field) != value}
    if not changes:
        return claim
    event = claim.event
    _take_version(event, expected_version)
    _check_open_for_claims(event)
    if "article" in changes:
        _check_article_reports(_as_id(changes["article"]), event)
    for field, value in changes.items():
        old = getattr(claim, field)
        review_log(
            user=reviewer,
            event=event,
            claim_id=claim.id,
            action="claim_edit",
            field=field,
            old=_loggable(_as_id(old)),
            new=_loggable(_as_id(value)),
        )
        setattr(claim, field, value)
    validate_claim(claim)
    if {"claimant", "claimant_text"} & set(changes):
        _check_claimant(claim)
    claim.save(update_fields=[*changes, "updated_at"])
    _after_claim_change(event)
    return claim


@transaction.atomic
def claim_delete(*, claim: Claim, reviewer, expected_version: int) -> None:
    event = claim.event
    _take_version(event, expected_version)
    removed = {
        "kind": claim.kind,
        "count_min": claim.count_min,
        "count_max": claim.count_max,
        "claimant": claim.claimant_text,
        "quote": claim.quote,
    }
    review_log(user=reviewer, event=event, claim_id=claim.id, action="claim_delete", old=removed)
    claim.delete()
    _after_claim_change(event)


# ---------------------------------------------------------------- the review queue: soft locks and bulk actions

# How long an opened review page marks its event as being reviewed; reopening (or a bulk "assign to me") renews it.
REVIEW_LOCK_MINUTES = 15


def review_lock_take(*, event: Event, reviewer) -> None:
    """Mark ``event`` as being reviewed by ``reviewer`` for REVIEW_LOCK_MINUTES. It never blocks anyone: others are
    only warned. A lock still running keeps its start time, so "reviewing since" tells when they began; a lapsed
    one starts again. Two queries, no read-then-write race (an upsert on the one lock per reviewer and event)."""
    now = timezone.now()
    ReviewLock.objects.filter(event=event, reviewer=reviewer, expires_at__lte=now).delete()
    expires_at = now + datetime.timedelta(minutes=REVIEW_LOCK_MINUTES)
    lock = ReviewLock(event=event, reviewer=reviewer, since=now, expires_at=expires_at)
    ReviewLock.objects.bulk_create(
        [lock], update_conflicts=True, unique_fields=["event", "reviewer"], update_fields=["expires_at"]
    )


BULK_ACTIONS = ("approve", "reject", "assign")


@dataclass(frozen=True)
class BulkResult:
    done: list[int]  # event ids the action was applied to
    stale: list[int]  # changed since the reviewer's list was drawn: left as they are
    refused: dict[int, str]  # event id -> why a rule refused it (already rejected, gone, ...)


def events_bulk_review(*, event_versions: dict[int, int], reviewer, action: str) -> BulkResult:
    """Apply ``action`` ("approve", "reject" or "assign": a soft lock for this reviewer) to each event of
    ``event_versions`` (event id -> the version the reviewer saw).

    Each event goes through the same service as the review page, in its own transaction, so one stale or refused
    event neither undoes nor blocks the others, and each decision writes its own review-log row."""
    if action not in BULK_ACTIONS:
        raise EventRuleError(f"Unknown bulk action {action!r}.", field="action")
    events = Event.objects.in_bulk(list(event_versions))
    done, stale, refused = [], [], {}
    for event_id, version in event_versions.items():
        event = events.get(event_id)
        if event is None:
            refused[event_id] = f"Event {event_id} no longer exists."
            continue
        try:
            if action == "assign":
                review_lock_take(event=event, reviewer=reviewer)
            else:
                decide = event_approve if action == "approve" else event_reject
                decide(event=event, reviewer=reviewer, expected_version=version)
        except StaleEdit:
            stale.append(event_id)
        except EventRuleError as exc:
            refused[event_id] = exc.message
        else:
            done.append(event_id)
    return BulkResult(done=done, stale=stale, refused=refused)
