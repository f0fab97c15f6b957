"""Where an event happened and how many incidents a report tells, in English and French.

The places are of countries the development reports do not cover (Mali's centre, Niger's Tillabéri,
Cameroon's Far North, Haiti, Mozambique, Afghanistan); the towns sit at their GeoNames coordinates.
"""

import math
from datetime import date

import pytest

from sources.parsing import parse_article
from sources.parsing.actors import ActorDictionary
from sources.parsing.gazetteer import InMemoryGazetteer, distance_km

from .french_helpers import FRENCH_ENTRIES
from .helpers import ENTRIES, country, region, town

PUBLISHED = date(2024, 3, 14)  # a Thursday

PLACES = [
    town("Mopti", "ML", "Mopti", 14.4843, -4.1827, 114_296),
    town("Douentza", "ML", "Mopti", 15.0019, -2.9498, 24_005),
    town("Bandiagara", "ML", "Mopti", 14.3501, -3.6104, 17_166),
    # Two villages called Sokoura: a small one near Bandiagara, a bigger one in Ségou, far west.
    town("Sokoura", "ML", "Mopti", 14.3833, -3.5, 800),
    town("Sokoura", "ML", "Ségou", 13.2, -6.35, 9_000),
    town("Niono", "ML", "Ségou", 14.2526, -5.9931, 34_113),
    town("Tillabéri", "NE", "Tillabéri", 14.2117, 1.4531, 19_262, alternates=["Tillaberi"]),
    town("Ayorou", "NE", "Tillabéri", 14.7308, 0.9174, 4_000),
    town("N'Guigmi", "NE", "Diffa", 14.2495, 13.1092, 17_897, alternates=["Nguigmi"]),
    town("Mora", "CM", "Far North", 11.0461, 14.1401, 48_000),
    town("Kolofata", "CM", "Far North", 11.1612, 13.9208, 8_000),
    town("Kousséri", "CM", "Far North", 12.0769, 15.0306, 89_123, alternates=["Kousseri"]),
    town("Port-de-Paix", "HT", "Nord-Ouest", 19.9395, -72.8324, 34_000),
    town("Mocímboa da Praia", "MZ", "Cabo Delgado", -11.3475, 40.3538, 30_000, alternates=["Mocimboa da Praia"]),
    town("Palma", "MZ", "Cabo Delgado", -10.7747, 40.4744, 48_000),
    town("Macomia", "MZ", "Cabo Delgado", -12.2474, 40.1237, 8_000),
    town("Jalalabad", "AF", "Nangarhar", 34.4265, 70.4515, 200_331),
    town("Ghazni", "AF", "Ghazni", 33.5535, 68.4269, 143_379),
    town("Kabul", "AF", "Kabul", 34.5281, 69.1723, 3_043_532, "PPLC"),
    region("Mopti", "ML", 14.48, -4.18),
    region("Ségou", "ML", 13.43, -6.26),
    region("Tillabéri", "NE", 14.21, 1.45),
    region("Far North", "CM", 10.59, 14.32),
    region("Cabo Delgado", "MZ", -12.97, 40.52),
    region("Nangarhar", "AF", 34.43, 70.45),
    country("Mali", "ML", 17.6, -4.0),
    (country("Niger", "NE", 17.6, 8.08), ["Niger"]),
    (country("Cameroon", "CM", 7.37, 12.35), ["Cameroun"]),
    (country("Haiti", "HT", 18.97, -72.29), ["Haïti"]),
    country("Mozambique", "MZ", -18.7, 35.5),
    country("Afghanistan", "AF", 33.9, 67.7),
]
GAZETTEER = InMemoryGazetteer(PLACES)
EN_ACTORS = ActorDictionary(ENTRIES)
FR_ACTORS = ActorDictionary(FRENCH_ENTRIES)


def en(text: str):
    return parse_article(text, published=PUBLISHED, actors=EN_ACTORS, gazetteer=GAZETTEER, language="en").events


def fr(text: str):
    return parse_article(text, published=PUBLISHED, actors=FR_ACTORS, gazetteer=GAZETTEER, language="fr").events


def point(event) -> tuple[float, float]:
    return event.point or (event.place.latitude, event.place.longitude)


def km_from(event, latitude: float, longitude: float) -> float:
    return distance_km(*point(event), latitude, longitude)


# ---------------------------------------------------------------- 1. names read whole


@pytest.mark.parametrize(
    "read, text",
    [
        (en, "Gunmen killed four civilians in Port-de-Paix on Tuesday, police said."),
        (fr, "Des hommes armés ont tué quatre civils mardi à Port-de-Paix, selon la police."),
        (en, "Insurgents killed six soldiers in Mocímboa da Praia on Tuesday, officials said."),
        (fr, "Des insurgés ont tué six soldats mardi à Mocímboa da Praia, selon des responsables."),
        (fr, "Des jihadistes ont tué sept soldats mardi à N’Guigmi, selon une source sécuritaire."),
    ],
)
def test_it_reads_hyphenated_elided_and_multi_word_names_whole(read, text):
    [event] = read(text)
    assert event.place is not None and event.place.name in text.replace("’", "'")
    assert event.geo_precision == 1


# ---------------------------------------------------------------- 2. namesakes


@pytest.mark.parametrize(
    "read, text",
    [
        (en, "Jihadists killed nine villagers in Sokoura, near Bandiagara, on Tuesday, local officials said."),
        (fr, "Des jihadistes ont tué neuf villageois mardi à Sokoura, près de Bandiagara, selon des élus locaux."),
        (en, "Jihadists killed nine villagers in Sokoura, in the Mopti region, on Tuesday, local officials said."),
        (fr, "Des jihadistes ont tué neuf villageois mardi à Sokoura, dans la région de Mopti, selon des élus locaux."),
    ],
)
def test_a_namesake_is_the_one_beside_the_other_places_of_the_report_not_the_bigger_one(read, text):
    [event] = read(text)
    assert event.place.name == "Sokoura" and event.place.admin1_name == "Mopti"


# ---------------------------------------------------------------- 3. not every capital is a place


@pytest.mark.parametrize(
    "read, text",
    [
        (en, "Militants killed five soldiers near Ghazni on Tuesday, the Kabul health ministry said."),
        (en, "Militants killed five soldiers near Ghazni on Tuesday, the Kabul Municipal Council said."),
    ],
)
def test_an_institution_named_after_a_city_is_not_the_event_place(read, text):
    [event] = read(text)
    assert event.place.name == "Ghazni"


# ---------------------------------------------------------------- 4. where it happened, not where it was said


@pytest.mark.parametrize(
    "read, text",
    [
        (en, "Gunmen killed five soldiers on Tuesday, an official in Jalalabad said. The attack occurred near Ghazni."),
        (
            fr,
            "Des hommes armés ont tué cinq soldats mardi, a indiqué un responsable. L’attaque a eu lieu près de Mora.",
        ),
    ],
)
def test_the_place_the_text_says_it_happened_wins(read, text):
    [event] = read(text)
    assert event.place.name in ("Ghazni", "Mora")
    assert event.geo_precision == 2


# ---------------------------------------------------------------- 5. relative positions


@pytest.mark.parametrize(
    "read, text, phrase",
    [
        (
            en,
            "Jihadists ambushed a Malian army convoy 40 km south of Douentza on Tuesday, killing six soldiers.",
            "40 km south of Douentza",
        ),
        (
            fr,
            (
                "Des jihadistes ont tendu une embuscade mardi à un convoi de l’armée malienne à 40 km au sud de "
                "Douentza, tuant six soldats."
            ),
            "à 40 km au sud de Douentza",
        ),
    ],
)
def test_a_distance_and_bearing_give_the_point_off_the_town(read, text, phrase):
    [event] = read(text)
    assert event.place.name == "Douentza" and event.geo_precision == 2
    assert event.location_text == phrase
    latitude, longitude = point(event)
    assert (
        abs(km_from(event, 15.0019, -2.9498) - 40) < 1
        and latitude < 15.0019
        and math.isclose(longitude, -2.9498, abs_tol=0.01)
    )


@pytest.mark.parametrize(
    "read, text",
    [
        (en, "The army said it killed 12 militants in Tabankort, 28 km west of Mopti, on Tuesday."),
        (fr, "L’armée a affirmé avoir tué 12 terroristes mardi à Tabankort, située à 28 km à l’ouest de Mopti."),
    ],
)
def test_an_unknown_village_placed_from_a_known_town_takes_that_point_and_keeps_its_name(read, text):
    [event] = read(text)
    assert event.location_text.startswith("Tabankort") and event.geo_precision == 2
    assert abs(km_from(event, 14.4843, -4.1827) - 28) < 1
    assert point(event)[1] < -4.1827  # west


@pytest.mark.parametrize(
    "read, text",
    [
        (
            en,
            (
                "Insurgents ambushed a convoy on the road between Palma and Mocímboa da Praia on Tuesday, killing "
                "eight soldiers."
            ),
        ),
        (
            fr,
            (
                "Des insurgés ont tendu une embuscade mardi à un convoi entre Palma et Mocímboa da Praia, tuant "
                "huit soldats."
            ),
        ),
        (en, "Insurgents ambushed a convoy on the Palma-Macomia road on Tuesday, killing eight soldiers."),
    ],
)
def test_a_road_between_two_towns_is_placed_between_them(read, text):
    [event] = read(text)
    assert event.geo_precision == 2 and event.point is not None
    latitude, _ = event.point
    assert -12.3 < latitude < -10.7 and event.place.name == "Palma"


def test_a_capital_a_distance_is_measured_from_is_not_the_place():
    [event] = fr(
        "Des hommes armés ont tué huit civils mardi au village de Tabankort, à plus de 300 km de Niono, dans "
        "la région de Mopti."
    )
    assert event.place.name == "Mopti" and event.geo_precision == 3 and event.location_text == "Tabankort"


# ---------------------------------------------------------------- 6-7. districts and regions


@pytest.mark.parametrize(
    "read, text",
    [
        (en, "Jihadists killed seven soldiers in the Niono district on Tuesday, the army said."),
        (fr, "Des jihadistes ont tué sept soldats mardi dans le cercle de Niono, selon l’armée."),
    ],
)
def test_a_district_named_after_its_town_is_placed_at_that_town(read, text):
    [event] = read(text)
    assert event.place.name == "Niono" and event.country == "ML"


@pytest.mark.parametrize(
    "read, text",
    [
        (en, "Jihadists killed seven civilians in the village of Tabankort in the Tillabéri region on Tuesday."),
        (fr, "Des jihadistes ont tué sept civils mardi au village de Tabankort, dans la région de Tillabéri."),
    ],
)
def test_an_unknown_village_falls_back_to_the_centre_of_the_region_the_text_names(read, text):
    [event] = read(text)
    assert event.place.feature_code == "ADM1" and event.place.name == "Tillabéri"
    assert event.geo_precision == 3 and event.location_text == "Tabankort"


# ---------------------------------------------------------------- 15. several incidents


@pytest.mark.parametrize(
    "read, text",
    [
        (
            en,
            "Jihadists killed four soldiers in an attack on an army post in Kolofata on Tuesday, a security "
            "source said. "
            "Meanwhile, militants killed three civilians in Kousseri, local officials said.",
        ),
        (
            fr,
            "Des jihadistes ont tué quatre soldats mardi lors d’une attaque contre un poste de l’armée à "
            "Kolofata, selon une source sécuritaire. "
            "Par ailleurs, des hommes armés ont tué trois civils à Kousséri, selon des élus locaux.",
        ),
    ],
)
def test_two_incidents_in_two_places_give_two_events_each_with_its_own_figures(read, text):
    events = read(text)
    assert [e.place.name for e in events] == ["Kolofata", "Kousséri"]
    assert [[c.count_min for c in e.claims] for e in events] == [[4], [3]]


@pytest.mark.parametrize(
    "read, text",
    [
        (
            en,
            (
                "Air strikes on Tuesday killed 19 people outside the city of Jalalabad and another 23 in the town "
                "of Ghazni, a monitor said."
            ),
        ),
        (
            fr,
            (
                "Des frappes aériennes ont tué mardi 19 personnes près de la ville de Jalalabad et 23 autres dans "
                "la localité de Ghazni, selon un observatoire."
            ),
        ),
    ],
)
def test_one_sentence_naming_two_far_places_with_their_figures_gives_one_event_each(read, text):
    events = read(text)
    assert {e.place.name: [c.count_min for c in e.claims] for e in events} == {"Jalalabad": [19], "Ghazni": [23]}


@pytest.mark.parametrize(
    "read, text",
    [
        (
            en,
            "Jihadists killed four soldiers near Douentza on Tuesday, the army said. "
            "On Sunday, nine civilians were killed in an attack near Douentza, according to residents.",
        ),
        (
            fr,
            "Des jihadistes ont tué quatre soldats mardi près de Douentza, selon l’armée. "
            "Dimanche, neuf civils avaient été tués dans une attaque près de Douentza, selon des habitants.",
        ),
    ],
)
def test_the_same_place_on_another_day_with_its_own_figures_is_the_same_place_but_one_event(read, text):
    # One place: the splitter keeps one incident per place; the days stay within the event's span.
    events = read(text)
    assert len(events) == 1


@pytest.mark.parametrize(
    "read, text",
    [
        (
            en,
            "Jihadists killed four soldiers in Kolofata on Tuesday, the army said. "
            "In 2019, an attack in Ayorou killed 71 soldiers.",
        ),
        (
            fr,
            "Des jihadistes ont tué quatre soldats mardi à Kolofata, selon l’armée. "
            "En 2019, une attaque à Ayorou avait tué 71 soldats.",
        ),
    ],
)
def test_a_background_incident_creates_no_event(read, text):
    events = read(text)
    assert [e.place.name for e in events] == ["Kolofata"]


@pytest.mark.parametrize(
    "read, text",
    [
        (en, "Three days after the ambush in Kousseri, jihadists killed four soldiers in Kolofata on Tuesday."),
        (fr, "Trois jours après l’embuscade de Kousséri, des jihadistes ont tué quatre soldats mardi à Kolofata."),
    ],
)
def test_the_place_of_an_earlier_incident_recalled_in_passing_is_not_the_event_place(read, text):
    events = read(text)
    assert events[0].place.name == "Kolofata"


@pytest.mark.parametrize(
    "read, text",
    [
        (en, "Jihadists killed seven soldiers in the Niono district on Tuesday, the army said."),
        (fr, "Des jihadistes ont tué sept soldats mardi dans le cercle de Niono, selon l’armée."),
        (fr, "Des jihadistes ont tué sept soldats mardi dans le département de Mora, selon l’armée."),
    ],
)
def test_a_district_is_its_town_at_district_precision(read, text):
    [event] = read(text)
    assert event.place.name in ("Niono", "Mora") and event.geo_precision == 2


@pytest.mark.parametrize(
    "read, text",
    [
        (
            en,
            (
                "Meanwhile, militants raided the village of Tabankort near Mopti on Tuesday, wounding a resident "
                "and abducting three others."
            ),
        ),
        (
            fr,
            (
                "Par ailleurs, des hommes armés ont attaqué mardi le village de Tabankort près de Mopti, blessant "
                "un habitant et enlevant trois autres."
            ),
        ),
    ],
)
def test_a_raid_wounding_one_resident_is_violence_against_civilians_with_a_figure_of_one(read, text):
    [event] = read(text)
    assert event.event_type == "Violence against civilians"
    assert ("wounded", 1) in {(c.kind, c.count_min) for c in event.claims}


@pytest.mark.parametrize(
    "read, text",
    [
        (
            en,
            (
                "At least 19 soldiers were killed near Douentza on Tuesday, some 30 were wounded and a number of "
                "others went missing."
            ),
        ),
        (
            fr,
            (
                "Au moins 19 soldats ont été tués mardi près de Douentza, une trentaine sont blessés et un grand "
                "nombre portés disparus."
            ),
        ),
    ],
)
def test_a_great_number_is_vague_not_one(read, text):
    [event] = read(text)
    assert 1 not in {c.count_min for c in event.claims}


@pytest.mark.parametrize(
    "read, text",
    [
        (en, "At least 12 Malian soldiers were killed or captured near Douentza on Tuesday, the army said."),
        (
            fr,
            (
                "Au moins 12 soldats maliens ont été tués ou faits prisonniers mardi près de Douentza, selon "
                "l’armée malienne."
            ),
        ),
    ],
)
def test_a_figure_of_killed_and_captured_together_is_never_a_death_toll(read, text):
    [event] = read(text)
    assert {(c.kind, c.count_min) for c in event.claims} == {("killed_or_captured", 12)}
