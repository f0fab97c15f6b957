from sources.parsing.gazetteer import Gazetteer, InMemoryGazetteer, PlaceCandidate

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
