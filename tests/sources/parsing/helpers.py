"""A small actor dictionary and gazetteer for the parser's tests, and a shortcut to parse with them."""

from datetime import date

from sources.parsing import parse_article
from sources.parsing.actors import ActorDictionary, ActorEntry
from sources.parsing.gazetteer import InMemoryGazetteer, PlaceCandidate

ENTRIES = [
    ActorEntry(
        1,
        "Military Forces of Sudan",
        "state_forces",
        "SD",
        ("SAF", "Sudanese Armed Forces", "Sudanese army", "Sudanese soldiers"),
    ),
    ActorEntry(
        2,
        "Rapid Support Forces",
        "rebel_group",
        "SD",
        ("RSF", "Rapid Support Forces", "paramilitary Rapid Support Forces"),
    ),
    ActorEntry(3, "M23", "rebel_group", "CD", ("M23", "March 23 Movement", "M23 rebels")),
    ActorEntry(
        4,
        "Military Forces of Democratic Republic of Congo",
        "state_forces",
        "CD",
        ("FARDC", "Congolese army", "Congolese soldiers"),
    ),
    ActorEntry(5, "al-Shabaab", "rebel_group", "SO", ("al-Shabaab", "al-Shabab", "Shabaab")),
    ActorEntry(6, "Military Forces of Somalia", "state_forces", "SO", ("Somali National Army", "SNA", "Somali army")),
    ActorEntry(
        7, "Military Forces of the United States", "state_forces", "US", ("US Africa Command", "AFRICOM", "US military")
    ),
    ActorEntry(
        8, "Military Forces of Russia", "state_forces", "RU", ("Russian army", "Russian forces", "Russian military")
    ),
    ActorEntry(
        9,
        "Military Forces of Ukraine",
        "state_forces",
        "UA",
        ("Ukrainian army", "Ukraine's air force", "Ukrainian forces"),
    ),
    ActorEntry(10, "Arakan Army", "rebel_group", "MM", ("Arakan Army", "AA")),
    ActorEntry(
        11, "Military Forces of Myanmar (2021-)", "state_forces", "MM", ("Myanmar military", "Tatmadaw", "junta forces")
    ),
    ActorEntry(12, "Houthis", "rebel_group", "YE", ("Houthis", "Houthi", "Ansar Allah", "Houthi rebels")),
    ActorEntry(13, "Military Forces of Yemen", "state_forces", "YE", ("Yemeni government forces", "Yemeni army")),
    ActorEntry(14, "National Liberation Army (Colombia)", "rebel_group", "CO", ("ELN", "National Liberation Army")),
    ActorEntry(15, "Estado Mayor Central", "rebel_group", "CO", ("FARC dissidents", "EMC", "Estado Mayor Central")),
    ActorEntry(16, "Military Forces of Colombia", "state_forces", "CO", ("Colombian army", "Colombian military")),
    ActorEntry(17, "Police Forces of Kenya", "state_forces", "KE", ("Kenyan police", "National Police Service")),
    ActorEntry(18, "Civilians", "civilians", "", ("civilians", "villagers", "people")),
    ActorEntry(19, "Protesters", "protesters", "", ("protesters", "demonstrators")),
    ActorEntry(20, "Military Forces of Mali", "state_forces", "ML", ("Malian army", "FAMa", "Malian soldiers")),
    ActorEntry(
        21,
        "JNIM",
        "rebel_group",
        "",
        ("JNIM", "GSIM", "Support Group for Islam and Muslims"),
        parent="Al-Qaeda",
        operates_in=("ML", "BF", "NE"),
    ),
    ActorEntry(22, "Al-Qaeda", "rebel_group", "", ("al-Qaeda", "Al Qaeda")),
    ActorEntry(23, "Islamic State", "rebel_group", "", ("Islamic State", "ISIS")),
    ActorEntry(
        24,
        "Islamic State Sahel Province",
        "rebel_group",
        "",
        ("Islamic State Sahel Province", "ISSP"),
        parent="Islamic State",
        operates_in=("ML", "NE"),
    ),
    ActorEntry(
        25,
        "Islamic State West Africa Province",
        "rebel_group",
        "",
        ("ISWAP",),
        parent="Islamic State",
        operates_in=("NG", "NE"),
    ),
]


def town(name, country, admin1, lat, lon, population, feature="PPL", alternates=()):
    return PlaceCandidate(
        None, abs(hash((name, country))) % 10**7, name, country, admin1[:3], admin1, lat, lon, population, feature, name
    ), list(alternates)


def region(name, country, lat, lon):
    return PlaceCandidate(None, None, name, country, name[:3], name, lat, lon, 0, "ADM1", name)


def country(name, code, lat, lon):
    return PlaceCandidate(None, None, name, code, "", "", lat, lon, 1_000_000, "PCLI", name)


PLACES = [
    town("El Fasher", "SD", "North Darfur", 13.628, 25.349, 252_609, alternates=["Al Fashir", "El Fashir"]),
    town("Port Sudan", "SD", "Red Sea", 19.616, 37.216, 489_725),
    town("Khartoum", "SD", "Khartoum", 15.552, 32.532, 1_974_647, "PPLC"),
    town("Goma", "CD", "North Kivu", -1.674, 29.228, 432_587),
    town("Goma", "PH", "Davao", 6.9, 125.4, 4_275),
    town("Sake", "CD", "North Kivu", -1.573, 29.045, 70_000),
    town("Kinshasa", "CD", "Kinshasa", -4.327, 15.313, 7_785_965, "PPLC"),
    town("Mogadishu", "SO", "Banaadir", 2.037, 45.344, 2_587_183, "PPLC"),
    town("Jilib", "SO", "Middle Juba", 0.488, 42.785, 30_000),
    town("Kryvyy Rih", "UA", "Dnipropetrovsk", 47.909, 33.392, 603_904, alternates=["Kryvyi Rih", "Krivoy Rog"]),
    town("Kyiv", "UA", "Kyiv City", 50.454, 30.524, 2_797_553, "PPLC", alternates=["Kiev"]),
    town("Sittwe", "MM", "Rakhine", 20.146, 92.898, 147_899),
    town("Kyauktaw", "MM", "Rakhine", 20.842, 92.98, 20_000),
    town("Yangon", "MM", "Yangon", 16.805, 96.156, 4_477_638),
    town("Ma'rib", "YE", "Marib", 15.463, 45.325, 16_794, alternates=["Marib"]),
    town("Sanaa", "YE", "Amanat al Asimah", 15.354, 44.207, 1_937_451, "PPLC"),
    town("Tibu", "CO", "Norte de Santander", 8.639, -72.734, 15_000, alternates=["Tibú"]),
    town("Cucuta", "CO", "Norte de Santander", 7.894, -72.507, 585_543, alternates=["Cúcuta"]),
    town("Bogota", "CO", "Bogota D.C.", 4.61, -74.082, 7_674_366, "PPLC", alternates=["Bogotá"]),
    town("Nairobi", "KE", "Nairobi", -1.283, 36.817, 2_750_547, "PPLC"),
    town("Harris", "US", "Texas", 29.7, -95.3, 1_125),
    town("Kidal", "ML", "Kidal", 18.443, 1.409, 40_030),
    town("Tessalit", "ML", "Kidal", 20.201, 1.012, 5_000),
    town("Bamako", "ML", "Bamako", 12.65, -8.0, 4_227_569, "PPLC"),
    town("Gao", "ML", "Gao", 16.272, -0.044, 86_633),
    town("Maiduguri", "NG", "Borno", 11.846, 13.16, 1_112_449),
    town("Timiaouine", "DZ", "Bordj Badji Mokhtar", 20.44, 1.8, 2_000),
    region("North Darfur", "SD", 13.63, 25.35),
    region("North Kivu", "CD", -1.67, 29.23),
    region("Rakhine", "MM", 20.15, 92.9),
    region("Marib", "YE", 15.46, 45.33),
    region("Norte de Santander", "CO", 7.89, -72.5),
    region("Dnipropetrovsk", "UA", 48.45, 35.04),
    region("Kidal", "ML", 18.44, 1.41),
    region("Middle Juba", "SO", 0.49, 42.78),
    country("Sudan", "SD", 15.0, 30.0),
    country("Democratic Republic of the Congo", "CD", -2.9, 23.6),
    country("Somalia", "SO", 5.1, 46.2),
    country("Ukraine", "UA", 49.0, 32.0),
    country("Myanmar", "MM", 21.9, 95.9),
    country("Yemen", "YE", 15.5, 48.5),
    country("Colombia", "CO", 4.6, -74.3),
    country("Kenya", "KE", 0.0, 37.9),
    country("Mali", "ML", 17.6, -4.0),
    country("Algeria", "DZ", 28.0, 1.7),
]

DICTIONARY = ActorDictionary(ENTRIES)
GAZETTEER = InMemoryGazetteer(PLACES)


def parse(text: str, published: date | None = date(2024, 7, 28), title: str = ""):
    return parse_article(text, published=published, title=title, actors=DICTIONARY, gazetteer=GAZETTEER)


def only_event(result):
    assert len(result.events) == 1, [e.sub_event_type for e in result.events]
    return result.events[0]


def roles(event) -> dict[str, str]:
    return {actor.ref.name: actor.role for actor in event.actors}


def claim_facts(event) -> set[tuple]:
    return {
        (
            c.kind,
            c.count_min,
            c.count_max,
            c.qualifier,
            c.claimant.name if c.claimant else c.claimant_text,
            c.subject.name if c.subject else None,
        )
        for c in event.claims
    }
