"""An event's review log in words: "Place: Kidal → Tinzaouaten (added to the gazetteer)", "Actors: + CSP-DPA
(side A)", "Best fatality estimate: — → 15" — never a Python repr nor a field's name.

Pure: history_entries() reads review-log rows (ReviewLog instances, or the API's history documents) and
returns what the pages show, with the reviewer and the time. The values are the review log's JSON as
events.services.review_log() writes them.
"""

import datetime
from dataclasses import dataclass

from events.models import Claim, Event

NONE = "—"
MAX_VALUE = 120
FIELD_LABELS = {
    "event_type": "Type",
    "sub_event_type": "Sub-type",
    "start_date": "Start date",
    "end_date": "End date",
    "date_precision": "Date precision",
    "latitude": "Latitude",
    "longitude": "Longitude",
    "geo_precision": "Location precision",
    "country": "Country",
    "admin1": "Region",
    "location_name": "Place as written",
    "notes": "Notes",
    "fatalities_best": "Best fatality estimate",
    "place": "Place",
    "actors": "Actors",
    "status": "Status",
    "claimant": "Claimant",
    "claimant_text": "Claimant as written",
    "kind": "Kind",
    "subject": "Subject",
    "subject_text": "Subject as written",
    "count_min": "Lowest figure",
    "count_max": "Highest figure",
    "qualifier": "Qualifier",
    "quote": "Quote",
    "article": "Article",
}
ROLES = {"side_a": "side A", "side_b": "side B", "associated": "associated"}
CHOICES = {
    "geo_precision": dict(Event.GeoPrecision.choices),
    "kind": dict(Claim.Kind.choices),
    "qualifier": {value: label.lower() for value, label in Claim.Qualifier.choices},
    "status": {value: label.lower() for value, label in Event.Status.choices},
}
STATUS_ACTIONS = {"approved": "Approved", "rejected": "Rejected", "draft": "Sent back to draft"}


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime.datetime | str | None
    who: str
    text: str


def field_label(field: str) -> str:
    return FIELD_LABELS.get(field) or field.replace("_", " ").strip().capitalize()


def value_text(value, field: str = "") -> str:
    """A logged value as a reader says it: a place by its name, a choice by its label, nothing as "—"."""
    if value is None or value == "" or value == []:
        return NONE
    if field in CHOICES and isinstance(value, (str, int)) and not isinstance(value, bool):
        return CHOICES[field].get(value, str(value))
    if field in ("claimant", "subject", "article") and isinstance(value, int) and not isinstance(value, bool):
        return f"{'article' if field == 'article' else 'actor'} #{value}"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        if "name" in value:
            return value_text(value["name"])
        return "; ".join(
            f"{field_label(key)} {value_text(item, key)}" for key, item in value.items() if item not in (None, "")
        )
    if isinstance(value, (list, tuple)):
        return ", ".join(value_text(item) for item in value) or NONE
    if isinstance(value, float):
        return f"{value:.5f}".rstrip("0").rstrip(".")
    text = str(value)
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def _pairs(value) -> dict[str, str]:
    """Actors as logged: [[name, role], …]."""
    pairs = {}
    for item in value or ():
        if isinstance(item, (list, tuple)) and len(item) == 2:
            pairs[str(item[0])] = str(item[1])
    return pairs


def actors_text(old, new) -> str:
    before, after = _pairs(old), _pairs(new)
    changes = [f"+ {name} ({ROLES.get(role, role)})" for name, role in after.items() if name not in before]
    changes += [f"− {name} ({ROLES.get(role, role)})" for name, role in before.items() if name not in after]
    changes += [
        f"{name}: {ROLES.get(before[name], before[name])} → {ROLES.get(role, role)}"
        for name, role in after.items()
        if name in before and before[name] != role
    ]
    return "Actors: " + ("; ".join(changes) or "unchanged")


def _claim_text(claim) -> str:
    if not isinstance(claim, dict):
        return value_text(claim)
    low, high = claim.get("count_min"), claim.get("count_max")
    figure = (
        "" if low is None else str(low) if high == low else f"{low}–{high}" if high is not None else f"at least {low}"
    )
    kind = value_text(claim.get("kind"), "kind").lower() if claim.get("kind") else ""
    claimant = claim.get("claimant_text") or (
        value_text(claim["claimant"], "claimant") if claim.get("claimant") else ""
    )
    subject = claim.get("subject_text") or ""
    words = " ".join(part for part in (kind, figure) if part) or "a claim"
    return words + (f" ({subject})" if subject else "") + (f", claimed by {claimant}" if claimant else "")


def change_text(field: str, old, new) -> str:
    if field == "actors":
        return actors_text(old, new)
    return f"{field_label(field)}: {value_text(old, field)} → {value_text(new, field)}"


def sentence(action: str, field: str, old, new, claim_id=None) -> str:
    """One review-log row in words."""
    claim = f"Claim #{claim_id}" if claim_id else "Claim"
    if action == "edit":
        return change_text(field, old, new)
    if action == "place_added":
        return f"Place: {value_text(new)} added to the gazetteer"
    if action in STATUS_ACTIONS and field == "status":
        return f"{STATUS_ACTIONS[action]} (was {value_text(old, 'status')})"
    if action == "merge" and field == "merged_from":
        return f"Event #{value_text(new)} merged into this one"
    if action == "merge":
        return "Merged into another event"
    if action == "split" and field == "split_from":
        return f"Split from event #{value_text(new)}"
    if action == "split":
        moved = new if isinstance(new, list) else [new]
        return "Split: " + ", ".join(f"article #{value_text(item)}" for item in moved) + " moved to a new event"
    if action == "claim_create":
        return f"{claim} added: {_claim_text(new)}"
    if action == "claim_edit":
        return f"{claim} — {change_text(field, old, new)}"
    if action == "claim_delete":
        return f"{claim} removed: {_claim_text(old)}"
    words = field_label(action)
    if field:
        return f"{words} — {change_text(field, old, new)}"
    return words


def _read(row) -> dict:
    if isinstance(row, dict):  # the API's history document
        return {
            "at": row.get("at"),
            "who": row.get("user"),
            "action": row.get("action", ""),
            "field": row.get("field", ""),
            "old": row.get("old"),
            "new": row.get("new"),
            "claim_id": row.get("claim_id"),
        }
    user = getattr(row, "user", None)
    return {
        "at": row.created_at,
        "who": user.get_username() if user is not None else None,
        "action": row.action,
        "field": row.field,
        "old": row.old_value,
        "new": row.new_value,
        "claim_id": row.claim_id_ref,
    }


def _chosen_place(rows: list[dict], index: int) -> dict | None:
    """The edit that chose the place the row at `index` added: the same reviewer's nearest place change to it
    (the log may be read newest or oldest first)."""
    added = rows[index]
    candidates = [
        (abs(other - index), row)
        for other, row in enumerate(rows)
        if row["action"] == "edit"
        and row["field"] == "place"
        and row["who"] == added["who"]
        and value_text(row["new"]) == value_text(added["new"])
    ]
    return min(candidates, key=lambda item: item[0])[1] if candidates else None


def history_entries(rows) -> list[HistoryEntry]:
    """The rows in words, in their order. A place added to the gazetteer and the edit that chose it are one
    sentence: "Place: Kidal → Tinzaouaten (added to the gazetteer)"."""
    rows = [_read(row) for row in rows]
    merged = set()
    for index, row in enumerate(rows):
        if row["action"] == "place_added":
            chosen = _chosen_place(rows, index)
            if chosen is not None:
                chosen["added"] = True
                merged.add(index)
    entries = []
    for index, row in enumerate(rows):
        if index in merged:
            continue
        text = sentence(row["action"], row["field"], row["old"], row["new"], row["claim_id"])
        if row.get("added"):
            text += " (added to the gazetteer)"
        entries.append(HistoryEntry(at=row["at"], who=row["who"] or "(deleted user)", text=text))
    return entries
