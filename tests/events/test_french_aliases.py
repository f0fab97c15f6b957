"""French names in the actor dictionary: a French report resolves to the same canonical (English, ACLED-style)
actor as an English one, and the French aliases neither collide nor over-match.

The dictionary is read from events/data/actors/*.yaml the way the parser reads it (ActorDictionary.from_yaml,
no database); the loading tests go through load_actors into the test database.
"""

import pytest
from django.core.management import call_command

from events.actors import DICTIONARY_DIR, find_actor, load_actor_dictionary, read_dictionary_files
from events.models import Actor
from sources.parsing.actors import GENERIC_KINDS, ActorDictionary
from sources.parsing.text import fold

DICTIONARY = ActorDictionary.from_yaml(DICTIONARY_DIR)

# (a French sentence, the English one a report in English would carry, the canonical actor both name)
FRENCH_AND_ENGLISH = [
    ("L'armée malienne a repoussé une attaque.", "The Malian army repelled an attack.", "Military Forces of Mali"),
    ("Les FAMa ont repris la ville.", "The FAMa retook the town.", "Military Forces of Mali"),
    ("Trois militaires maliens ont été tués.", "Three Malian soldiers were killed.", "Military Forces of Mali"),
    ("Un soldat malien a été blessé.", "A Malian army soldier was wounded.", "Military Forces of Mali"),
    ("Des militaires burkinabè ont été tués.", "Burkinabe soldiers were killed.", "Military Forces of Burkina Faso"),
    ("Les soldats burkinabés ont riposté.", "The Burkinabe troops fired back.", "Military Forces of Burkina Faso"),
    (
        "L’armée du Burkina Faso a annoncé un bilan.",
        "The Burkinabe army gave a toll.",
        "Military Forces of Burkina Faso",
    ),
    ("Les FDS nigériennes ont été visées.", "Nigerien forces were targeted.", "Military Forces of Niger"),
    ("Des militaires nigériens ont été tués.", "Nigerien soldiers were killed.", "Military Forces of Niger"),
    ("L'armée tchadienne a bombardé une île.", "The Chadian army shelled an island.", "Military Forces of Chad"),
    ("Des militaires tchadiens sont morts.", "Chadian soldiers died.", "Military Forces of Chad"),
    (
        "Des militaires camerounais ont été attaqués.",
        "Cameroonian soldiers were attacked.",
        "Military Forces of Cameroon",
    ),
    (
        "Des soldats centrafricains ont été tués.",
        "Central African soldiers were killed.",
        "Military Forces of Central African Republic",
    ),
    (
        "Les FARDC ont bombardé des positions.",
        "The FARDC shelled positions.",
        "Military Forces of Democratic Republic of Congo",
    ),
    (
        "Des militaires congolais ont fui.",
        "Congolese soldiers fled.",
        "Military Forces of Democratic Republic of Congo",
    ),
    ("Le GSIM a revendiqué l'attaque.", "JNIM claimed the attack.", "JNIM"),
    (
        "Le Groupe de soutien à l’islam et aux musulmans a revendiqué l'attaque.",
        "The Support Group for Islam and Muslims claimed it.",
        "JNIM",
    ),
    (
        "L'État islamique au Grand Sahara a frappé.",
        "Islamic State in the Greater Sahara struck.",
        "Islamic State Sahel Province",
    ),
    (
        "L'État islamique au Sahel a revendiqué l'embuscade.",
        "Islamic State Sahel claimed the ambush.",
        "Islamic State Sahel Province",
    ),
    ("L'EI Sahel a revendiqué l'embuscade.", "IS Sahel claimed the ambush.", "Islamic State Sahel Province"),
    (
        "L'État islamique en Afrique de l'Ouest a attaqué une base.",
        "Islamic State West Africa Province attacked a base.",
        "Islamic State West Africa Province",
    ),
    ("L'ÉIAO a attaqué une base.", "ISWAP attacked a base.", "Islamic State West Africa Province"),
    ("Des combattants de la faction Shekau ont été tués.", "Shekau faction fighters were killed.", "Boko Haram"),
    ("La katiba du Macina contrôle la zone.", "Katiba Macina controls the area.", "Katiba Macina"),
    (
        "Le Cadre stratégique permanent pour la défense du peuple de l'Azawad a revendiqué l'attaque.",
        "The CSP-DPA claimed the attack.",
        "CSP-DPA",
    ),
    (
        "Les Volontaires pour la défense de la patrie ont été attaqués.",
        "The Volunteers for the Defense of the Homeland were attacked.",
        "VDP",
    ),
    ("Un Volontaire pour la défense de la patrie a été tué.", "A VDP was killed.", "VDP"),
    ("Des rebelles du M23 ont pris Goma.", "M23 rebels took Goma.", "M23"),
    ("Le Mouvement du 23 mars avance.", "The March 23 Movement advances.", "M23"),
    ("L'Alliance du fleuve Congo a nommé un gouverneur.", "The Congo River Alliance named a governor.", "M23"),
    (
        "Les Forces démocratiques alliées ont tué des civils.",
        "The Allied Democratic Forces killed civilians.",
        "Allied Democratic Forces",
    ),
    ("Le MTM a revendiqué le massacre.", "The ADF claimed the massacre.", "Allied Democratic Forces"),
    ("Des combattants wazalendo ont attaqué.", "Wazalendo fighters attacked.", "Wazalendo"),
    ("Des anti-balakas ont attaqué un village.", "anti-Balaka militias attacked a village.", "anti-Balaka"),
    ("Le groupe Wagner est présent au Mali.", "The Wagner Group is in Mali.", "Wagner Group"),
    ("Des mercenaires russes ont été vus à Kidal.", "Russian mercenaries were seen in Kidal.", "Wagner Group"),
    ("Les paramilitaires russes ont quitté la base.", "The Wagner fighters left the base.", "Wagner Group"),
    ("Des casques bleus au Mali ont été visés.", "MINUSMA was targeted.", "MINUSMA"),
    ("La Mission de l'ONU en Centrafrique a condamné l'attaque.", "MINUSCA condemned the attack.", "MINUSCA"),
    ("Des casques bleus en RDC ont riposté.", "UN peacekeepers in Congo fired back.", "MONUSCO"),
    ("La force Barkhane a frappé.", "The Barkhane force struck.", "Military Forces of France"),
    ("L'armée française a quitté le Niger.", "The French army left Niger.", "Military Forces of France"),
    ("La police haïtienne a riposté.", "The Haitian police fired back.", "Police Forces of Haiti"),
    ("L'organisation État islamique a revendiqué.", "The Islamic State group claimed it.", "Islamic State"),
    ("Daech a revendiqué l'attentat.", "Daesh claimed the bombing.", "Islamic State"),
]


def names(text: str) -> list[str]:
    return [match.entry.name for match in DICTIONARY.find(text)]


@pytest.mark.parametrize(("french", "english", "canonical"), FRENCH_AND_ENGLISH)
def test_french_names_resolve_to_the_same_canonical_actor_as_english(french, english, canonical):
    assert canonical in names(english), english
    assert names(french) == [canonical], french


def test_a_french_sentence_naming_two_sides_finds_both():
    assert names("L'armée malienne a repoussé une attaque du GSIM près de Boni.") == ["Military Forces of Mali", "JNIM"]
    assert names("Les FAMa et leurs alliés de Wagner ont affronté les rebelles du CSP-DPA.") == [
        "Military Forces of Mali",
        "Wagner Group",
        "CSP-DPA",
    ]


def test_the_matched_french_name_points_into_the_original_text():
    text = "Selon l’armée burkinabè, des supplétifs civils de l’armée burkinabè ont été tués."
    found = [(text[match.start : match.end], match.entry.name) for match in DICTIONARY.find(text)]
    assert found == [
        ("armée burkinabè", "Military Forces of Burkina Faso"),
        ("supplétifs civils de l’armée burkinabè", "VDP"),
    ]


def test_a_longer_french_name_of_a_branch_wins_over_its_parent():
    assert names("l'État islamique au Grand Sahara") == ["Islamic State Sahel Province"]
    assert names("l'État islamique en Afrique centrale") == ["Allied Democratic Forces"]
    assert names("l'État islamique a revendiqué") == ["Islamic State"]


def test_nigerien_and_nigerian_forms_do_not_mix():
    assert names("des soldats nigériens") == ["Military Forces of Niger"]
    assert names("des soldats nigérians") == ["Military Forces of Nigeria"]
    assert names("l'armée du Niger") == ["Military Forces of Niger"]
    assert names("l'armée du Nigeria") == ["Military Forces of Nigeria"]


def test_ordinary_french_words_alone_name_no_actor():
    text = (
        "L'armée a indiqué que les soldats et les militaires ont tenu le front. Les forces de l'ordre, "
        "la police et des casques bleus sont arrivés. Les habitants, des civils, ont fui avec leurs enfants."
    )
    assert names(text) == []


def test_short_french_acronyms_only_match_in_capitals():
    assert names("L'ÉIAO et le MTM") == ["Islamic State West Africa Province", "Allied Democratic Forces"]
    assert names("l'éiao et le mtm") == []


def test_french_aliases_never_change_what_english_text_finds():
    text = (
        "The Malian army and Wagner fighters clashed with JNIM near Boni, while ISWAP attacked Nigerian troops. "
        "French forces had left; the FARDC and M23 rebels fought near Goma. Civilians fled."
    )
    assert names(text) == [
        "Military Forces of Mali",
        "Wagner Group",
        "JNIM",
        "Islamic State West Africa Province",
        "Military Forces of Nigeria",
        "Military Forces of France",
        "Military Forces of Democratic Republic of Congo",
        "M23",
    ]


def test_generic_actors_have_french_forms_that_the_parser_reads_in_context_not_as_names():
    civilians = DICTIONARY.generic("civilians")
    assert {"civils", "villageois", "habitants"} <= set(civilians.aliases)
    assert "manifestants" in DICTIONARY.generic("protesters").aliases
    assert "émeutiers" in DICTIONARY.generic("rioters").aliases
    assert names("Des civils et des manifestants ont été visés.") == []


def test_no_folded_alias_names_two_actors():
    """The parser folds aliases its own way ("l'armée" -> "l armée"): no two actors may share a folded alias either."""
    owners: dict[str, set[str]] = {}
    for entry in DICTIONARY.entries:
        if entry.kind in GENERIC_KINDS:
            continue
        for alias in (entry.name, *entry.aliases):
            owners.setdefault(fold(alias), set()).add(entry.name)
    assert not {alias: actors for alias, actors in owners.items() if len(actors) > 1}


@pytest.mark.django_db
def test_loading_the_dictionary_skips_no_french_alias_and_creates_no_actor_for_a_french_name():
    entries = read_dictionary_files(DICTIONARY_DIR.glob("*.yaml"))
    stats = load_actor_dictionary()
    assert stats.alias_conflicts == []
    assert stats.actors_created == len(entries) == Actor.objects.count()
    assert set(Actor.objects.values_list("name", flat=True)) == {entry["name"] for entry in entries}
    for french, _, canonical in FRENCH_AND_ENGLISH:
        (match,) = DICTIONARY.find(french)
        actor = find_actor(match.alias)
        assert actor is not None and actor.name == canonical, match.alias


@pytest.mark.django_db
def test_loading_twice_adds_no_french_alias_again():
    call_command("load_actors", verbosity=0)
    stats = load_actor_dictionary()
    assert (stats.actors_created, stats.aliases_created, stats.alias_conflicts) == (0, 0, [])
