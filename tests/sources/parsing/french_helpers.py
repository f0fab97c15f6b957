"""A small French-language actor dictionary and gazetteer for the French parser tests, and shortcuts.

Canonical names stay ACLED's English ones ("Military Forces of Mali"); the aliases are the French
names a Sahel, Lake Chad, Central African or Haitian newsroom writes. Towns carry their GeoNames
coordinates and first-order regions; regions and countries carry their French names as alternates
("Extrême-Nord", "Tchad") so a French text can name them.
"""

import unicodedata
from datetime import date

from sources.parsing import parse_article
from sources.parsing.actors import ActorDictionary, ActorEntry
from sources.parsing.gazetteer import InMemoryGazetteer

from .helpers import country, region, town

NBSP = "\u00a0"  # espace insécable, before ; : ! ? » and inside « »
NNBSP = "\u202f"  # espace fine insécable, the thousands separator of careful French typography

FRENCH_ENTRIES = [
    # Mali
    ActorEntry(
        101, "Military Forces of Mali", "state_forces", "ML", ("armée malienne", "FAMa", "Forces armées maliennes")
    ),
    ActorEntry(
        102,
        "JNIM",
        "rebel_group",
        "",
        ("JNIM", "GSIM", "Groupe de soutien à l'islam et aux musulmans"),
        parent="Al-Qaeda",
        operates_in=("ML", "BF", "NE"),
    ),
    ActorEntry(103, "Al-Qaeda", "rebel_group", "", ("Al-Qaïda", "al-Qaïda", "Al-Qaeda")),
    ActorEntry(104, "Islamic State", "rebel_group", "", ("État islamique", "Etat islamique", "Daech")),
    ActorEntry(
        105,
        "Islamic State Sahel Province",
        "rebel_group",
        "",
        ("EIGS", "État islamique au Grand Sahara", "État islamique au Sahel", "EIS"),
        parent="Islamic State",
        operates_in=("ML", "NE", "BF"),
    ),
    ActorEntry(
        106,
        "Islamic State West Africa Province",
        "rebel_group",
        "",
        ("ISWAP", "État islamique en Afrique de l'Ouest", "Iswap"),
        parent="Islamic State",
        operates_in=("NG", "NE", "TD", "CM"),
    ),
    ActorEntry(107, "Boko Haram", "rebel_group", "", ("Boko Haram",)),
    ActorEntry(108, "Azawad Liberation Front", "rebel_group", "ML", ("FLA", "Front de libération de l'Azawad")),
    ActorEntry(109, "Africa Corps", "external_forces", "RU", ("Africa Corps", "mercenaires russes")),
    # Burkina Faso
    ActorEntry(
        110,
        "Military Forces of Burkina Faso",
        "state_forces",
        "BF",
        ("armée burkinabè", "armée burkinabé", "Forces armées nationales du Burkina"),
    ),
    ActorEntry(111, "VDP", "political_militia", "BF", ("VDP", "Volontaires pour la défense de la patrie")),
    # Niger, Chad, Cameroon
    ActorEntry(
        112, "Military Forces of Niger", "state_forces", "NE", ("armée nigérienne", "Forces armées nigériennes", "FAN")
    ),
    ActorEntry(
        113, "Military Forces of Chad", "state_forces", "TD", ("armée tchadienne", "Armée nationale tchadienne", "ANT")
    ),
    ActorEntry(
        114,
        "Military Forces of Cameroon",
        "state_forces",
        "CM",
        ("armée camerounaise", "BIR", "Bataillon d'intervention rapide"),
    ),
    # DR Congo, Central African Republic
    ActorEntry(
        115,
        "Military Forces of Democratic Republic of Congo",
        "state_forces",
        "CD",
        ("FARDC", "armée congolaise", "Forces armées de la République démocratique du Congo"),
    ),
    ActorEntry(116, "M23", "rebel_group", "CD", ("M23", "Mouvement du 23 mars", "AFC/M23", "rebelles du M23")),
    ActorEntry(
        117,
        "Military Forces of Central African Republic",
        "state_forces",
        "CF",
        ("FACA", "armée centrafricaine", "Forces armées centrafricaines"),
    ),
    ActorEntry(118, "3R", "rebel_group", "CF", ("3R", "Retour, Réclamation et Réhabilitation", "rebelles des 3R")),
    # Haiti
    ActorEntry(
        119,
        "Police Forces of Haiti",
        "state_forces",
        "HT",
        ("police nationale d'Haïti", "Police nationale d'Haïti", "PNH"),
    ),
    ActorEntry(120, "Viv Ansanm", "political_militia", "HT", ("Viv Ansanm", "coalition Viv Ansanm")),
    ActorEntry(
        121, "Unidentified Gang (Haiti)", "political_militia", "HT", ("gangs", "gangs armés", "membres de gangs")
    ),
    # Generic kinds: the parser reads these from its lexicon's nouns, in context.
    ActorEntry(122, "Civilians", "civilians", "", ("civils", "villageois", "habitants")),
    ActorEntry(123, "Protesters", "protesters", "", ("manifestants", "protestataires")),
]


def region_fr(name, country_code, lat, lon, alternates=()):
    """An admin1 region under its GeoNames name, with its French names as alternates."""
    return region(name, country_code, lat, lon), list(alternates)


def country_fr(name, code, lat, lon, alternates=()):
    return country(name, code, lat, lon), list(alternates)


FRENCH_PLACES = [
    # Mali
    town("Bamako", "ML", "Bamako", 12.65, -8.0, 4_227_569, "PPLC"),
    town("Douentza", "ML", "Mopti", 15.00605, -2.9517, 37_002),
    town("Koro", "ML", "Mopti", 14.064, -3.07539, 24_694),
    town("Bankass", "ML", "Mopti", 14.0775, -3.51594, 30_159),
    town("Mopti", "ML", "Mopti", 14.4843, -4.18296, 186_187),
    town("Ménaka", "ML", "Ménaka", 15.91985, 2.39609, 14_085, alternates=["Menaka"]),
    town("Ansongo", "ML", "Gao", 15.6597, 0.5022, 3_000),
    town("Gao", "ML", "Gao", 16.27167, -0.04472, 86_633),
    town("Kidal", "ML", "Kidal", 18.44111, 1.40778, 40_030),
    # Burkina Faso
    town("Ouagadougou", "BF", "Centre", 12.36566, -1.53388, 2_415_266, "PPLC"),
    # GeoNames gives no population for Tin-Akoff; a department seat of a few thousand people.
    town("Tin-Akoff", "BF", "Sahel", 14.96549, -0.16335, 3_000, alternates=["Tin Akoff"]),
    town("Djibo", "BF", "Sahel", 14.09864, -1.62665, 61_462),
    town("Dori", "BF", "Sahel", 14.03326, -0.03333, 46_512),
    town("Gorom-Gorom", "BF", "Sahel", 14.4429, -0.23468, 9_752),
    town("Sebba", "BF", "Sahel", 13.43641, 0.53044, 11_298),
    town("Ouahigouya", "BF", "Nord", 13.5769, -2.41786, 124_587),
    town("Kaya", "BF", "Centre-Nord", 13.0883, -1.08368, 121_970),
    # Niger
    town("Niamey", "NE", "Niamey", 13.51366, 2.1098, 1_323_691, "PPLC"),
    town("Tillabéri", "NE", "Tillabéri", 14.20711, 1.45418, 30_822, alternates=["Tillaberi", "Tillabery"]),
    town("Ouallam", "NE", "Tillabéri", 14.31641, 2.08597, 14_338),
    town("Téra", "NE", "Tillabéri", 14.00776, 0.75306, 39_410, alternates=["Tera"]),
    town("Ayorou", "NE", "Tillabéri", 14.73075, 0.91739, 26_290),
    town("Diffa", "NE", "Diffa", 13.31536, 12.61135, 54_082),
    town("Bosso", "NE", "Diffa", 13.69869, 13.30951, 6_451),
    # Chad
    town("N'Djamena", "TD", "N'Djamena", 12.10672, 15.0444, 1_359_526, "PPLC", alternates=["N'Djaména", "Ndjamena"]),
    town("Bol", "TD", "Lac", 13.46729, 14.71352, 51_389),
    # Cameroon
    town("Yaoundé", "CM", "Centre", 3.86667, 11.51667, 2_440_462, "PPLC", alternates=["Yaounde"]),
    town("Maroua", "CM", "Far North", 10.59095, 14.31593, 314_122),
    town("Mora", "CM", "Far North", 11.04611, 14.14011, 61_523),
    town("Koza", "CM", "Far North", 10.86846, 13.88205, 3_665),
    town("Mokolo", "CM", "Far North", 10.74244, 13.80227, 51_999),
    town("Kousséri", "CM", "Far North", 12.07689, 15.03063, 139_024, alternates=["Kousseri"]),
    # DR Congo
    town("Kinshasa", "CD", "Kinshasa", -4.32758, 15.31357, 7_785_965, "PPLC"),
    town("Goma", "CD", "North Kivu", -1.67409, 29.22845, 432_587),
    town("Rutshuru", "CD", "North Kivu", -1.18666, 29.44669, 82_680),
    town("Sake", "CD", "North Kivu", -1.57386, 29.04339, 17_151),
    town("Beni", "CD", "North Kivu", 0.49113, 29.47306, 140_731),
    town("Lubero", "CD", "North Kivu", -0.15837, 29.23859, 41_722),
    town("Bunia", "CD", "Ituri", 1.55941, 30.25224, 399_282),
    # Central African Republic
    town("Bangui", "CF", "Bangui", 4.36122, 18.55496, 812_407, "PPLC"),
    town("Bocaranga", "CF", "Ouham-Pendé", 6.98533, 15.64062, 36_418),
    town("Bozoum", "CF", "Ouham-Pendé", 6.31933, 16.37992, 20_665),
    town("Paoua", "CF", "Lim-Pendé", 7.24269, 16.44059, 47_703),
    town("Bouar", "CF", "Nana-Mambéré", 5.93404, 15.59599, 71_680),
    # Haiti
    town("Port-au-Prince", "HT", "Ouest", 18.54349, -72.33881, 1_234_742, "PPLC"),
    town("Pétion-Ville", "HT", "Ouest", 18.5125, -72.28528, 376_834, alternates=["Pétionville", "Petion-Ville"]),
    town("Delmas", "HT", "Ouest", 18.54478, -72.30036, 395_260),
    town("Croix-des-Bouquets", "HT", "Ouest", 18.57677, -72.22625, 229_127),
    town("Mirebalais", "HT", "Centre", 18.83455, -72.1048, 9_082),
    # First-order regions, with their French names.
    region_fr("Mopti", "ML", 14.48, -4.18, ["région de Mopti"]),
    region_fr("Gao", "ML", 16.27, -0.04),
    region_fr("Ménaka", "ML", 15.92, 2.40, ["Menaka"]),
    region_fr("Kidal", "ML", 18.44, 1.41),
    region_fr("Sahel", "BF", 14.03, -0.03, ["Région du Sahel"]),
    region_fr("Nord", "BF", 13.58, -2.42),
    region_fr("Centre-Nord", "BF", 13.09, -1.08),
    region_fr("Tillabéri", "NE", 14.21, 1.45, ["Tillaberi", "Tillabéri Region"]),
    region_fr("Diffa", "NE", 13.32, 12.61),
    region_fr("Lac", "TD", 13.47, 14.71, ["Lac Province"]),
    region_fr("Far North", "CM", 10.59, 14.32, ["Extrême-Nord", "Extreme-Nord"]),
    region_fr("North Kivu", "CD", -1.67, 29.23, ["Nord-Kivu", "Nord Kivu"]),
    region_fr("Ituri", "CD", 1.56, 30.25),
    region_fr("Ouham-Pendé", "CF", 6.99, 15.64, ["Ouham-Pende"]),
    region_fr("Ouest", "HT", 18.54, -72.34, ["Ouest Department"]),
    # Countries, with their French names.
    country_fr("Mali", "ML", 17.6, -4.0),
    country_fr("Burkina Faso", "BF", 12.24, -1.56, ["Burkina"]),
    country_fr("Niger", "NE", 17.6, 8.08),
    country_fr("Chad", "TD", 15.45, 18.73, ["Tchad"]),
    country_fr("Cameroon", "CM", 7.37, 12.35, ["Cameroun"]),
    country_fr("Nigeria", "NG", 9.08, 8.68),
    country_fr(
        "Democratic Republic of the Congo", "CD", -2.9, 23.6, ["République démocratique du Congo", "RDC", "RD Congo"]
    ),
    country_fr("Central African Republic", "CF", 6.61, 20.94, ["République centrafricaine", "Centrafrique"]),
    country_fr("Haiti", "HT", 18.97, -72.29, ["Haïti"]),
    country_fr("Algeria", "DZ", 28.0, 1.7, ["Algérie"]),
]

FRENCH_DICTIONARY = ActorDictionary(FRENCH_ENTRIES)
FRENCH_GAZETTEER = InMemoryGazetteer(FRENCH_PLACES)


def fr_parse(text: str, published: date | None, title: str = "", language: str | None = None):
    """Parse with the French dictionary and gazetteer; the language is guessed unless given."""
    return parse_article(
        text, published=published, title=title, actors=FRENCH_DICTIONARY, gazetteer=FRENCH_GAZETTEER, language=language
    )


def only_event(result):
    assert result.supported, f"language {result.language!r} is not read"
    assert len(result.events) == 1, [e.sub_event_type for e in result.events]
    return result.events[0]


def no_event(result):
    """Nothing to code: the text was read (a French lexicon exists) and gave no event."""
    assert result.language == "fr"
    assert result.supported, "French is not read: 'no event' would mean nothing"
    assert result.events == [], [e.sub_event_type for e in result.events]


def place_name(event) -> str | None:
    return event.place.name if event.place is not None else None


def roles(event) -> dict[str, str]:
    return {actor.ref.name: actor.role for actor in event.actors}


def claimant_of(claim) -> str:
    return claim.claimant.name if claim.claimant else claim.claimant_text


def claim_facts(event) -> set[tuple]:
    """(kind, count_min, count_max, qualifier, claimant) of every claim of the event."""
    return {(c.kind, c.count_min, c.count_max, c.qualifier, claimant_of(c)) for c in event.claims}


def all_claims(result) -> list:
    return [claim for event in result.events for claim in event.claims]


def figures(event) -> set[int]:
    """Every count a claim of the event carries."""
    return {n for c in event.claims for n in (c.count_min, c.count_max) if n is not None}


def quotes_point_into(text: str, result) -> bool:
    return all(text[c.char_start : c.char_end] == c.quote for c in all_claims(result))


def typeset(text: str) -> str:
    """French typography on text written with plain spaces: a no-break space inside « » and before
    a colon, a narrow no-break space before ; ! ? (as AFP or a careful web page sets them)."""
    text = text.replace("« ", "«" + NBSP).replace(" »", NBSP + "»").replace(" :", NBSP + ":")
    for mark in ";!?":
        text = text.replace(" " + mark, NNBSP + mark)
    return text


def folded(text: str) -> str:
    """Lowercase without accents and with plain apostrophes, to compare a source's words loosely."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace(NBSP, " ").replace(NNBSP, " "))
    return "".join(char for char in text if not unicodedata.combining(char)).lower().strip()
