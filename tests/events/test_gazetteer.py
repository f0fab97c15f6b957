import math

import pytest
from django.core.management import CommandError, call_command

from events.gazetteer import find_places
from events.models import Place, PlaceName

GEONAMES_ROWS = [
    # geonameid, name, asciiname, alternatenames, lat, lon, class, code, cc, cc2, admin1, admin2, admin3, admin4, pop, elev, dem, tz, modified
    ["1000009001", "Tinzaouatène", "Tinzaouatene", "Tin Zaouatene,Tinzawaten,Tin-Zaouaten", "19.95", "2.97", "P", "PPL", "ML", "", "10", "", "", "", "0", "", "450", "Africa/Bamako", "2020-01-01"],
    ["1000009002", "Anéfis", "Anefis", "Anefif,Anefis", "18.05", "0.6", "P", "PPLA3", "ML", "", "10", "", "", "", "2000", "", "400", "Africa/Bamako", "2020-01-01"],
    ["1000009003", "Oued Tilemsi", "Oued Tilemsi", "", "17.0", "0.5", "H", "WAD", "ML", "", "10", "", "", "", "0", "", "300", "Africa/Bamako", "2020-01-01"],
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
    moved = [GEONAMES_ROWS[0][:4] + ["19.96", "2.98"] + GEONAMES_ROWS[0][6:]]
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
    place = Place.objects.create(gazetteer_key=key, name=name, country="ML", admin1_code="99", latitude=19.0, longitude=1.0, feature_code=code)
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
