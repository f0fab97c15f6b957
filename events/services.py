"""Event workflows: attaching parsed reports to events, the fatality estimate, and review actions."""

import datetime
import json
from collections import Counter
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from conflict_tracker.db import update_row
from events.actors import remember_actor, remembered_actor
from events.candidates import Candidate, MatchedEvent, candidates, lock_matching, matched_event, result_countries
from events.consensus import ReportSummary
from events.deferred_rows import DeferredRows
from events.matching import Footprint, MatchReason, best_match
from events.models import Actor, ActorAlias, Claim, Event, EventActor, EventReport, Place, ReviewLock, ReviewLog
from sources.models import Article
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
    actor = remembered_actor(ref.name)
    if actor is not None:
        return actor
    actor = _actor_named(ref.name)
    if actor is not None:
        remember_actor(ref.name, actor)
        return actor
    actor = Actor.objects.create(name=ref.name[:200], kind=ref.kind, country=ref.country or "", needs_review=ref.is_new)
    ActorAlias.objects.get_or_create(
        normalized=normalize_name(ref.name)[:200], defaults={"actor": actor, "alias": ref.name[:200]}
    )
    return actor


def _actor_named(name: str) -> Actor | None:
    return Actor.objects.filter(Q(name=name) | Q(aliases__normalized=normalize_name(name))).first()


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


def event_touched_by_person(event: Event) -> bool:
    return event.status != Event.Status.DRAFT or event.history.exists()


def _stored_summary(event: Event) -> ReportSummary | None:
    """The summary stored on the event; None when none is (an event stored before summaries were kept): growing it
    derives it from all its reports instead. A candidate event is built from a raw row (Event.from_db), which
    skips the JSON field's decoding, so its value may still be the column's text."""
    stored = event.derivation
    stored = json.loads(stored) if isinstance(stored, str) else stored
    return ReportSummary.from_json(stored) if stored and "reports" in stored else None


def _summary_of_reports(event: Event) -> ReportSummary:
    """The full re-derivation: all the event's reports folded in report order (the order attaching adds them)."""
    return ReportSummary.of(event.reports.order_by("id").values_list("parsed", flat=True))


def _set_roles(event: Event, *, agreed: dict[int, str], roles: dict[int, str] | None) -> None:
    """Make the event's actors those the reports agree on; ``roles`` (actor id -> role now) saves the read."""
    if roles is None:
        roles = dict(event.event_actors.values_list("actor_id", "role"))
    if roles != agreed:
        event.event_actors.all().delete()
        EventActor.objects.bulk_create(
            [EventActor(event=event, actor_id=actor_id, role=role) for actor_id, role in agreed.items()]
        )


def _derived_fields(event: Event, summary: ReportSummary, *, touched: bool, roles: dict[int, str] | None) -> dict:
    """The fields to write for an event whose reports ``summary`` sums up: the summary itself, and for an
    untouched draft the fields derived from it (its actors are set here too). A person's choices are kept."""
    fields = {} if touched else summary.fields()
    if fields:
        _set_roles(event, agreed=summary.roles(), roles=roles)
    return {**fields, "derivation": summary.to_json()}


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
    return _fatality_values(event, *_event_fatality_range(event))


def _fatality_values(event: Event, low: int | None, high: int | None) -> dict:
    fields = {"fatalities_low": low, "fatalities_high": high}
    if not event.fatalities_best_chosen:
        fields["fatalities_best"] = low
    return fields


def _grown_fatality_fields(event: Event, claims: list[Claim]) -> dict:
    """The range once a newly attached article's claims join an untouched draft's, without reading the others.

    A source is (article, claimant), and the article is new to the event, so its sources are new ones: the range
    over all sources is the stored range widened by the article's own totals. Only for a draft no person touched:
    a reviewer's claims (which log history) may come from the same article and add to its totals."""
    low, high = fatality_range(claims)
    return _fatality_values(event, _bound(min, event.fatalities_low, low), _bound(max, event.fatalities_high, high))


def _bound(pick, stored: int | None, new: int | None) -> int | None:
    values = [value for value in (stored, new) if value is not None]
    return pick(values) if values else None


def event_recompute_fatalities(*, event: Event) -> None:
    """low/high from the claims; best is the reviewer's choice, else ACLED's conservative rule: the lowest figure."""
    _event_write(event, _fatality_fields(event))


def _event_write(event: Event, fields: dict) -> None:
    if not fields:
        return
    for name, value in fields.items():
        setattr(event, name, value)
    event.save(update_fields=[*fields, "updated_at"])


def _draft_refresh(event: Event) -> None:
    """Re-derive a draft from all its reports and its fatality range from all its claims, in one write (after
    its reports changed other than by one more: a re-parse detaching an article). A touched draft keeps its
    fields; its summary follows its reports all the same."""
    fields = _derived_fields(event, _summary_of_reports(event), touched=event_touched_by_person(event), roles=None)
    _event_write(event, {**fields, **_fatality_fields(event)})


def _draft_grow(
    event: Event, *, snapshot: dict, claims: list[Claim], touched: bool, roles: dict[int, str], rows: DeferredRows
) -> None:
    """A draft takes in one more report, in one write whatever the number of its reports: the stored summary
    folds in that report alone (the newest, where a full re-derivation folds it too), and an untouched draft's
    fatality range grows by the report's claims alone. A touched draft's range is read from all its claims."""
    summary = _stored_summary(event)
    if summary is None:
        rows.flush()  # the new report among them
        _draft_refresh(event)
        return
    counted = summary.reports
    fields = _derived_fields(event, summary.add(snapshot), touched=touched, roles=roles)
    if touched:
        rows.flush()  # its range is read from all its claims, the held ones included
    fatalities = _fatality_fields(event) if touched else _grown_fatality_fields(event, claims)
    if not _write_grown(event, {**fields, **fatalities}, counted=counted, touch=True):
        rows.flush()
        _draft_refresh(event)


def _write_grown(event: Event, fields: dict, *, counted: int, touch: bool) -> bool:
    """Write what one more report made of the event, unless its stored summary no longer counts the ``counted``
    reports it was grown from (False then, nothing written).

    The matching locks are per country and a report without one may match any country's event, so two workers
    can grow one event at once; growing the same stored summary, the later would drop the other's report. The
    conditional UPDATE costs no extra query: on PostgreSQL it waits for the other's commit and then sees its
    summary. ``touch`` sets updated_at (the event changed for incremental sync)."""
    values = {**fields, "updated_at": timezone.now()} if touch else fields
    if not update_row(Event, event.id, values, condition=_summary_counts(counted)):
        return False
    for name, value in values.items():
        setattr(event, name, value)
    return True


def _summary_counts(counted: int) -> tuple[str, list]:
    """SQL for an event whose stored summary counts ``counted`` reports, as the ORM's ``derivation__reports``
    lookup compiles on each database."""
    if connection.vendor == "postgresql":
        return "(derivation -> 'reports') = %s::jsonb", [json.dumps(counted)]
    return "JSON_EXTRACT(derivation, '$.reports') = %s", [counted]


def _derivation_refresh(event: Event) -> None:
    """Keep a reviewed event's summary following its reports (after a merge or split moved some); its fields are
    a person's and stay. Not a change of the event itself, so updated_at stays too."""
    event.derivation = _summary_of_reports(event).to_json()
    event.save(update_fields=["derivation"])


# ---------------------------------------------------------------- attaching parsed reports


def _create_event(snapshot: dict, claims: list[Claim]) -> Event:
    """A new draft from one report: its fields are that report's, its fatality range that of its claims."""
    summary = ReportSummary.of([snapshot])
    low, high = fatality_range(claims)
    event = Event.objects.create(
        **summary.fields(),
        derivation=summary.to_json(),
        fatalities_low=low,
        fatalities_high=high,
        fatalities_best=low,
    )
    roles = summary.roles()
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


def _attach_parsed_event(*, article: Article, parsed: ParsedEvent, rows: DeferredRows) -> Event:
    actors = {ref: actor_for_ref(ref) for ref in _refs_of(parsed)}
    snapshot = _report_snapshot(parsed, fallback_date=article.published_at or article.uploaded_at.date(), actors=actors)
    actor_ids = {actors[item.ref].name: actors[item.ref].id for item in parsed.actors}
    footprint = Footprint.of(snapshot, actor_names=actor_ids.keys())
    claims = _claims_of(article=article, parsed=parsed, actors=actors)
    reported = rows.reported_by(article)
    found = candidates(footprint, actor_ids=actor_ids, exclude_article=article, exclude_events=reported)
    match = _best_matched_event(footprint, found)
    if match is None:
        event, reason = _create_event(snapshot, claims), None
    else:
        matched, reason = match
        event = matched.event
    # The article's earlier reports were detached first, so this pair is new.
    report = EventReport(event=event, article=article, match_reason=reason.as_dict() if reason else {}, parsed=snapshot)
    for claim in claims:
        claim.event = event
    rows.add_report(report, claims)
    if match is None:
        return event
    if event.status == Event.Status.APPROVED:
        _approved_grow(event, snapshot=snapshot, flag=bool(claims), rows=rows)
    else:
        _draft_grow(event, snapshot=snapshot, claims=claims, rows=rows, touched=matched.touched, roles=matched.roles)
    return event


def _best_matched_event(
    footprint: Footprint, found: list[tuple[Candidate, Footprint]]
) -> tuple[MatchedEvent, MatchReason] | None:
    """The closest candidate, read for growing; the next closest if a person deleted it meanwhile."""
    while (match := best_match(footprint, found)) is not None:
        candidate, reason = match
        if (matched := matched_event(candidate)) is not None:
            return matched, reason
        found = [pair for pair in found if pair[0] is not candidate]
    return None


def _approved_grow(event: Event, *, snapshot: dict, flag: bool, rows: DeferredRows) -> None:
    """An approved event keeps its fields; new claims flag it for review. Its summary follows its reports."""
    summary = _stored_summary(event)
    fields = {"flagged_for_review": True} if flag else {}
    grown = False
    if summary is not None:
        counted = summary.reports  # before add() counts the new report in
        grown = _write_grown(
            event, {"derivation": summary.add(snapshot).to_json(), **fields}, counted=counted, touch=flag
        )
    if not grown:  # no summary stored, or another report came in meanwhile
        rows.flush()
        fields["derivation"] = _summary_of_reports(event).to_json()
        for name, value in fields.items():
            setattr(event, name, value)
        event.save(update_fields=[*fields, *(["updated_at"] if flag else [])])


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
        else:
            _derivation_refresh(event)


@transaction.atomic
def article_delete(*, article: Article) -> None:
    """Delete an article with what it said: its reports and claims go, and each event it reported is derived again
    from the reports left (an untouched draft left with nothing is deleted), so no event keeps a field, a summary or
    a figure that came from it. The admin deletes articles through this."""
    cited = set(Claim.objects.filter(article=article).values_list("event_id", flat=True))
    _detach_article(article)
    article.delete()  # a person's claims citing it go with it
    for event in Event.objects.filter(id__in=cited):
        event_recompute_fatalities(event=event)


@transaction.atomic(savepoint=False)
def article_events_replace(
    *,
    article: Article,
    result: ParseResult,
    parser_version: str | None = None,
    matching_locked: bool = False,
    rows: DeferredRows | None = None,
) -> list[Event]:
    """Write what parsing found: each parsed event attaches to a matching event or becomes a new draft.

    With ``parser_version`` the article is also marked parsed by that version, in the same write; a result
    in a language the parser cannot read (``supported`` False) marks it ``unsupported`` with the reason
    instead, and removes what an earlier reading in another language produced. ``matching_locked``: the
    caller's transaction already holds the matching locks of the result's countries (a worker's batch takes
    them all at once), so taking them again would only cost a round trip. ``rows``: the caller's DeferredRows,
    which it flushes in this transaction (a batch's, written at its end); without it the article's own are
    written before this returns.
    """
    from sources.languages import unsupported_reason

    own_rows = rows is None
    rows = DeferredRows() if rows is None else rows
    if not matching_locked:
        lock_matching(result_countries(result))
    if _may_have_parse_output(article):
        rows.flush()  # detaching re-derives events from their reports, a batch-mate's held ones among them
    _detach_article(article)
    events = [_attach_parsed_event(article=article, parsed=parsed, rows=rows) for parsed in result.events]
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
    rows.add_article(article, fields)
    if own_rows:
        rows.flush()
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
    for target in (event, into):
        _derivation_refresh(target)
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
    for target in (event, new):
        _derivation_refresh(target)
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
