"""Building blocks for API tests: rows made with the ORM, as the parser and reviewers would leave them."""

import datetime
import itertools

D = datetime.date
_numbers = itertools.count(1)
# Above every real GeoNames id, so test places never meet the session's full gazetteer.
FIRST_TEST_GEONAMES_ID = 1_000_000_000


def make_actor(name: str, kind: str = "rebel_group", *aliases: str, country: str = ""):
    from events.models import Actor, ActorAlias

    actor = Actor.objects.create(name=name, kind=kind, country=country)
    ActorAlias.objects.bulk_create([ActorAlias.for_actor(actor, alias) for alias in (name, *aliases)])
    return actor


def make_place(
    name: str, country: str, latitude: float, longitude: float, *, admin1: str = "", population: int = 1000, aliases=()
):
    from events.models import Place, PlaceName

    number = next(_numbers)
    place = Place.objects.create(
        gazetteer_key=f"geonames:{FIRST_TEST_GEONAMES_ID + number}",
        geonames_id=FIRST_TEST_GEONAMES_ID + number,
        name=name,
        ascii_name=name,
        country=country,
        admin1_name=admin1,
        latitude=latitude,
        longitude=longitude,
        feature_class="P",
        feature_code="PPL",
        population=population,
    )
    PlaceName.objects.bulk_create([PlaceName.for_place(place, alias) for alias in {name, *aliases}])
    return place


def make_article(text: str | None = None, *, publisher: str = "Wire", **fields):
    from sources.models import Article, Publisher, content_hash

    text = text or f"Report number {next(_numbers)}."
    publisher_row = Publisher.objects.get_or_create(name=publisher)[0] if publisher else None
    return Article.objects.create(
        text=text, content_hash=content_hash(text), publisher=publisher_row, status="parsed", **fields
    )


def make_event(*, actors=(), claims=(), articles=None, **fields):
    """An event with reports, actors [(actor, role)] and claims [dict(...)], as the parser would leave it."""
    from events.models import Claim, Event, EventActor, EventReport

    defaults = {
        "status": "approved",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "start_date": D(2024, 7, 25),
        "end_date": D(2024, 7, 27),
        "latitude": 19.95,
        "longitude": 2.97,
        "geo_precision": 1,
        "country": "ML",
        "admin1": "Kidal",
        "location_name": "Tinzaouaten",
        "notes": "Fighting near the Algerian border.",
    }
    defaults.update(fields)
    if defaults["status"] in ("approved", "rejected", "merged"):
        defaults.setdefault("status_changed_at", datetime.datetime(2024, 8, 1, tzinfo=datetime.UTC))
    event = Event.objects.create(**defaults)
    articles = [make_article()] if articles is None else articles
    EventReport.objects.bulk_create([EventReport(event=event, article=article) for article in articles])
    EventActor.objects.bulk_create([EventActor(event=event, actor=actor, role=role) for actor, role in actors])
    Claim.objects.bulk_create(
        [
            Claim(event=event, article=claim.pop("article", articles[0] if articles else None), **claim)
            for claim in [dict(c) for c in claims]
        ]
    )
    return event


def ids(response) -> list[int]:
    return [item["id"] for item in response.json()["results"]]
