"""Does a newly parsed report describe an event we already have? Plain rules, explained in a reason.

A report matches an event when the places agree (same place or the same unresolved place
name however spelled, within MAX_DISTANCE_KM, or the same admin1 region when either location
is imprecise), the dates agree (overlap, or a gap of
at most MAX_DATE_GAP_DAYS), and the actors or the event type agree.
"""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sources.parsing.gazetteer import distance_km
from sources.parsing.normalize import sound_key

MAX_DISTANCE_KM = 50.0
MAX_DATE_GAP_DAYS = 3
IMPRECISE = 3


@dataclass(frozen=True)
class Footprint:
    """What matching needs to know of an event or a parsed report."""

    start_date: datetime.date
    end_date: datetime.date
    country: str
    admin1: str
    place_id: int | None
    latitude: float | None
    longitude: float | None
    geo_precision: int
    event_type: str
    actor_names: frozenset[str] = field(default_factory=frozenset)
    # sound_key() of a place name no gazetteer entry matched: "Tinzawaten" and "Tinzaouatène" agree.
    unresolved_name_key: str = ""

    @classmethod
    def of(cls, fields: object, *, actor_names: Iterable[str] = ()) -> "Footprint":
        """The one way to build a footprint, so the parser's matcher and the merge suggestions read an event
        alike: from an event (its attributes) or a parsed report's snapshot (a dict, dates as ISO strings),
        with its unresolved place name key taken from its ``location_name``."""
        get = fields.__getitem__ if isinstance(fields, Mapping) else lambda name: getattr(fields, name)
        values = {name: get(name) for name in FOOTPRINT_FIELDS}
        for name in ("start_date", "end_date"):
            if isinstance(values[name], str):
                values[name] = datetime.date.fromisoformat(values[name])
        key = unresolved_name_key(get("location_name") or "")
        return cls(**values, actor_names=frozenset(actor_names), unresolved_name_key=key)


# The fields of an event (or a snapshot of one) a footprint copies as they are.
FOOTPRINT_FIELDS = (
    "start_date",
    "end_date",
    "country",
    "admin1",
    "place_id",
    "latitude",
    "longitude",
    "geo_precision",
    "event_type",
)


@dataclass(frozen=True)
class MatchReason:
    distance_km: float | None
    date_gap_days: int
    shared_actors: tuple[str, ...]
    same_place: bool
    same_admin1: bool
    same_type: bool

    def as_dict(self) -> dict:
        return {
            "distance_km": None if self.distance_km is None else round(self.distance_km, 1),
            "date_gap_days": self.date_gap_days,
            "shared_actors": list(self.shared_actors),
            "same_place": self.same_place,
            "same_admin1": self.same_admin1,
            "same_type": self.same_type,
        }

    @property
    def score(self) -> float:
        """Lower is a closer match: kilometres, plus days, less shared actors."""
        distance = self.distance_km if self.distance_km is not None else MAX_DISTANCE_KM
        return distance / 10 + self.date_gap_days * 2 - len(self.shared_actors) * 3 - (2 if self.same_type else 0)


def date_gap_days(a: Footprint, b: Footprint) -> int:
    """0 when the date ranges overlap, else the days between them."""
    if a.start_date <= b.end_date and b.start_date <= a.end_date:
        return 0
    return min(abs((a.start_date - b.end_date).days), abs((b.start_date - a.end_date).days))


def _distance(a: Footprint, b: Footprint) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude)


def unresolved_name_key(location_name: str) -> str:
    """The sound key of the name a location starts with: "El Dhere, 28 km west of X" is El Dhere, as a
    report that only says "El Dhere" writes it."""
    name = location_name.split(",", 1)[0].strip()
    return sound_key(name) if name else ""


def match_reason(report: Footprint, event: Footprint) -> MatchReason | None:
    """Why the report is about the event, or None when it is not."""
    if report.country and event.country and report.country != event.country:
        return None
    gap = date_gap_days(report, event)
    if gap > MAX_DATE_GAP_DAYS:
        return None
    same_place = (report.place_id is not None and report.place_id == event.place_id) or (
        bool(report.unresolved_name_key) and report.unresolved_name_key == event.unresolved_name_key
    )
    distance = _distance(report, event)
    same_admin1 = bool(report.admin1) and report.admin1 == event.admin1 and report.country == event.country
    imprecise = IMPRECISE in (report.geo_precision, event.geo_precision)
    near = distance is not None and distance <= MAX_DISTANCE_KM and not imprecise
    if not (same_place or near or (imprecise and same_admin1)):
        return None
    shared = tuple(sorted(report.actor_names & event.actor_names))
    same_type = report.event_type == event.event_type
    if not shared and not same_type:
        return None
    return MatchReason(distance, gap, shared, same_place, same_admin1, same_type)


def best_match(report: Footprint, events: list[tuple[object, Footprint]]) -> tuple[object, MatchReason] | None:
    """The closest matching event among candidates, with the reason."""
    matches = [(event, reason) for event, footprint in events if (reason := match_reason(report, footprint))]
    return min(matches, key=lambda pair: pair[1].score, default=None)


def reason_in_words(reason: dict) -> str:
    """A stored match reason (MatchReason.as_dict()) as a reviewer reads it, naming only what matched: the same
    place (a distance then says nothing), else the distance, else the region of an imprecise location."""
    if not reason:
        return ""
    distance = reason.get("distance_km")
    if reason.get("same_place"):
        where = "same place"
    elif distance is not None and distance <= MAX_DISTANCE_KM:
        where = f"{distance} km apart"
    elif reason.get("same_admin1"):
        where = "same region (an imprecise location)"
    else:
        where = ""
    gap = reason.get("date_gap_days")
    when = "" if gap is None else ("overlapping dates" if gap == 0 else f"{gap} day{'s' if gap != 1 else ''} apart")
    shared = reason.get("shared_actors") or []
    who = f"shared actors {', '.join(shared)}" if shared else ("same event type" if reason.get("same_type") else "")
    return ", ".join(part for part in (where, when, who) if part)
