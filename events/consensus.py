"""The rule that derives a draft's fields from its reports, as a summary folded one report at a time.

Plain Python (no Django), so the rule is testable on its own. A report's snapshot (events.services
_report_snapshot) is folded into a ReportSummary; the summary gives the draft's fields and actor roles,
and is stored on the event (Event.derivation) so attaching a report reads nothing but that summary.

The rule: the best date precision, with the median_low of the starts and the median_high of the ends of the
reports at that precision; the best geo precision, with the place most of those reports name (its first
report gives the point, country and admin1); the most common event type, and the sub-type most common among
that type's reports; the most common location name; the first notes given; each actor's most common role.
Ties go to the value seen first, as Counter.most_common breaks them.

The summary is bounded by distinct values (dates, places, types, names, actors), not by the number of reports:
counts are kept per value, and what was kept for a date or geo precision is dropped once a better one arrives.
Its JSON holds ordered [value, count] lists, never dicts whose order matters (PostgreSQL jsonb reorders keys).
"""

import datetime
import json
from dataclasses import dataclass, field

from sources.parsing.acled import DATE_PRECISIONS

_EMPTY = (None, "")  # values no vote counts for


def _vote(tally: list[list], value, by: int = 1) -> None:
    """Count ``value`` in an ordered [value, count] list, keeping first-seen order for ties."""
    for entry in tally:
        if entry[0] == value:
            entry[1] += by
            return
    tally.append([value, by])


def _winner(tally: list[list], default=None, *, skip_empty: bool = True):
    """The most counted value (non-empty unless ``skip_empty`` is False), the first seen among equals,
    as Counter.most_common(1) picks."""
    best, best_count = default, 0
    for value, count in tally:
        if not (skip_empty and value in _EMPTY) and count > best_count:
            best, best_count = value, count
    return best


def _median(counts: list[list], *, high: bool) -> datetime.date:
    """statistics.median_low (or median_high) of the dates counted in [iso date, count] pairs."""
    total = sum(count for _, count in counts)
    position = total // 2 if high else (total - 1) // 2
    for iso, count in sorted(counts):
        if position < count:
            return datetime.date.fromisoformat(iso)
        position -= count
    raise ValueError("no dates counted")


def _where(snapshot: dict) -> list:
    """What the chosen place's first report gives the draft: [latitude, longitude, country, admin1]."""
    return [snapshot["latitude"], snapshot["longitude"], snapshot["country"], snapshot["admin1"]]


@dataclass
class ReportSummary:
    """What a draft's fields are derived from, folded from its reports' snapshots in report (id) order."""

    reports: int = 0
    date_precision: str | None = None
    starts: list[list] = field(default_factory=list)  # [iso date, count] at the best date precision
    ends: list[list] = field(default_factory=list)
    geo_precision: int | None = None
    # At the best geo precision, in first-seen order: [place_id, count, where of its first report].
    places: list[list] = field(default_factory=list)
    event_types: list[list] = field(default_factory=list)  # [event type, count]
    sub_event_types: list[list] = field(default_factory=list)  # [event type, [[sub-type, count], ...]]
    countries: list[list] = field(default_factory=list)  # [country, count]
    location_names: list[list] = field(default_factory=list)  # [location name, count]
    notes: str = ""  # the first report's notes that has any
    actor_roles: list[list] = field(default_factory=list)  # [actor id, [[role, count], ...]] in first-seen order

    @classmethod
    def empty(cls) -> "ReportSummary":
        return cls()

    @classmethod
    def of(cls, snapshots) -> "ReportSummary":
        """The full re-derivation: every snapshot folded in order (empty ones, from reports made before
        snapshots were kept, say nothing)."""
        summary = cls()
        for snapshot in snapshots:
            summary.add(snapshot)
        return summary

    def add(self, snapshot: dict) -> "ReportSummary":
        """Fold one more report in (O(size of the snapshot and of the summary's distinct values))."""
        if not snapshot:
            return self
        self.reports += 1
        self._add_dates(snapshot)
        self._add_place(snapshot)
        self._add_type(snapshot)
        _vote(self.countries, snapshot["country"])
        _vote(self.location_names, snapshot["location_name"])
        if not self.notes and snapshot["notes"]:
            self.notes = snapshot["notes"]
        for item in snapshot["actors"]:
            _vote(self._tally(self.actor_roles, item["actor_id"]), item["role"])
        return self

    def _add_dates(self, snapshot: dict) -> None:
        precision = snapshot["date_precision"]
        rank = DATE_PRECISIONS.index(precision)
        if self.date_precision is not None and rank > DATE_PRECISIONS.index(self.date_precision):
            return
        if self.date_precision != precision:  # a better precision: the worse dates no longer count
            self.date_precision, self.starts, self.ends = precision, [], []
        _vote(self.starts, snapshot["start_date"])
        _vote(self.ends, snapshot["end_date"])

    def _add_place(self, snapshot: dict) -> None:
        precision = snapshot["geo_precision"]
        if self.geo_precision is not None and precision > self.geo_precision:
            return
        if self.geo_precision != precision:
            self.geo_precision, self.places = precision, []
        for entry in self.places:
            if entry[0] == snapshot["place_id"]:
                entry[1] += 1
                return
        self.places.append([snapshot["place_id"], 1, _where(snapshot)])

    def _add_type(self, snapshot: dict) -> None:
        _vote(self.event_types, snapshot["event_type"])
        _vote(self._tally(self.sub_event_types, snapshot["event_type"]), snapshot["sub_event_type"])

    @staticmethod
    def _tally(nested: list[list], key) -> list[list]:
        """The [value, count] list kept for ``key`` in a [key, tally] list, added when new."""
        for entry in nested:
            if entry[0] == key:
                return entry[1]
        nested.append([key, []])
        return nested[-1][1]

    def _chosen_place(self) -> tuple:
        """(place_id, where): the most common place among the best-located reports; with none named,
        the first report without a place (or else the first best-located one) gives the point."""
        place_id = _winner([entry[:2] for entry in self.places])
        where = next((entry[2] for entry in self.places if entry[0] == place_id), self.places[0][2])
        return place_id, where

    def fields(self) -> dict:
        """The draft's derived fields (Event field names); empty when no report said anything."""
        if not self.reports:
            return {}
        start, end = _median(self.starts, high=False), _median(self.ends, high=True)
        place_id, (latitude, longitude, country, admin1) = self._chosen_place()
        event_type = _winner(self.event_types)
        subs = next((tally for key, tally in self.sub_event_types if key == event_type), [])
        return {
            "event_type": event_type,
            "sub_event_type": _winner(subs),
            "start_date": start,
            "end_date": max(start, end),
            "date_precision": self.date_precision,
            "place_id": place_id,
            "latitude": latitude,
            "longitude": longitude,
            "geo_precision": self.geo_precision,
            "country": country or _winner(self.countries, ""),
            "admin1": admin1,
            "location_name": _winner(self.location_names, ""),
            "notes": self.notes,
        }

    def roles(self) -> dict[int, str]:
        """Each actor's most common role (actor id -> role), actors in first-seen order."""
        return {actor_id: _winner(tally, skip_empty=False) for actor_id, tally in self.actor_roles}

    def to_json(self) -> dict:
        """A copy to store (Event.derivation): later adds must not change what was handed out."""
        return json.loads(json.dumps({name: getattr(self, name) for name in _JSON_FIELDS}))

    @classmethod
    def from_json(cls, data: dict | None) -> "ReportSummary":
        """The summary stored by to_json(); empty for an event that has none stored ({})."""
        return cls(**{name: data[name] for name in _JSON_FIELDS if name in data}) if data else cls()


_JSON_FIELDS = (
    "reports",
    "date_precision",
    "starts",
    "ends",
    "geo_precision",
    "places",
    "event_types",
    "sub_event_types",
    "countries",
    "location_names",
    "notes",
    "actor_roles",
)
