"""French pattern families (dates, numbers, claims, places, page furniture), one or two sentences each,
read through parse_article with the French dictionary and gazetteer; each family ends with an English
control showing English still reads the same with the same dictionary and gazetteer."""

from datetime import date, timedelta

import pytest

from .french_helpers import (
    FRENCH_GAZETTEER,
    NBSP,
    claimant_of,
    figures,
    folded,
    fr_parse,
    no_event,
    only_event,
    place_name,
    quotes_point_into,
    roles,
    typeset,
)

TUESDAY = date(2024, 7, 30)


def one_event(text, published=TUESDAY):
    return only_event(fr_parse(typeset(text), published))


def amounts(text, published=TUESDAY) -> set[tuple]:
    """(kind, count_min, count_max, qualifier) of the claims of the text's one event."""
    text = typeset(text)
    result = fr_parse(text, published)
    event = only_event(result)
    assert quotes_point_into(text, result)
    return {(c.kind, c.count_min, c.count_max, c.qualifier) for c in event.claims}


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "text, published, first, last",
    [
        pytest.param(
            (
                "Des hommes armés ont attaqué lundi 20 février un poste de l’armée malienne près de Douentza, a "
                "indiqué une source sécuritaire."
            ),
            date(2023, 2, 22),
            date(2023, 2, 20),
            date(2023, 2, 20),
            id="lundi 20 février",
        ),
        pytest.param(
            (
                "Des hommes armés ont attaqué le 19 août 2019 un poste de l’armée malienne près de Douentza, a "
                "indiqué une source sécuritaire."
            ),
            date(2019, 8, 21),
            date(2019, 8, 19),
            date(2019, 8, 19),
            id="le 19 août 2019",
        ),
        pytest.param(
            (
                "Des hommes armés ont attaqué le 1er mars un poste de l’armée malienne près de Douentza, a indiqué "
                "une source sécuritaire."
            ),
            date(2024, 3, 4),
            date(2024, 3, 1),
            date(2024, 3, 1),
            id="le 1er mars",
        ),
        pytest.param(
            (
                "Des hommes armés ont attaqué dans la nuit de mercredi à jeudi un poste de l’armée malienne près "
                "de Douentza, a indiqué une source sécuritaire."
            ),
            date(2024, 7, 26),
            date(2024, 7, 24),
            date(2024, 7, 25),
            id="dans la nuit de mercredi à jeudi",
        ),
        pytest.param(
            (
                "Des hommes armés ont attaqué mardi soir un poste de l’armée malienne près de Douentza, a indiqué "
                "jeudi une source sécuritaire."
            ),
            date(2024, 7, 25),
            date(2024, 7, 23),
            date(2024, 7, 23),
            id="mardi soir",
        ),
        pytest.param(
            (
                "Mardi 23 juillet, des hommes armés ont attaqué un poste de l’armée malienne près de Douentza, a "
                "indiqué une source sécuritaire."
            ),
            date(2024, 7, 25),
            date(2024, 7, 23),
            date(2024, 7, 23),
            id="Mardi 23 juillet, at the start",
        ),
        pytest.param(
            (
                "Des hommes armés ont attaqué samedi dernier un poste de l’armée malienne près de Douentza, a "
                "indiqué une source sécuritaire."
            ),
            TUESDAY,
            date(2024, 7, 27),
            date(2024, 7, 27),
            id="samedi dernier",
        ),
        pytest.param(
            (
                "Des hommes armés ont attaqué début août un poste de l’armée malienne près de Douentza, a indiqué "
                "une source sécuritaire."
            ),
            date(2024, 8, 20),
            date(2024, 8, 1),
            date(2024, 8, 10),
            id="début août",
        ),
        pytest.param(
            (
                "Des hommes armés ont attaqué il y a trois jours un poste de l’armée malienne près de Douentza, a "
                "indiqué une source sécuritaire."
            ),
            date(2024, 7, 28),
            date(2024, 7, 25),
            date(2024, 7, 25),
            id="il y a trois jours",
        ),
        pytest.param(
            (
                "Des hommes armés ont attaqué du 22 au 27 juillet des postes de l’armée malienne près de Douentza, "
                "a indiqué une source sécuritaire."
            ),
            TUESDAY,
            date(2024, 7, 22),
            date(2024, 7, 27),
            id="du 22 au 27 juillet",
        ),
    ],
)
def test_it_resolves_french_dates_against_the_publication_date(text, published, first, last):
    event = one_event(text, published)
    assert (event.start_date, event.end_date) == (first, last)


def test_late_last_week_lies_within_last_week():
    published = date(2024, 7, 31)  # a Wednesday; last week is 22-28 July
    event = one_event(
        "Des hommes armés ont attaqué en fin de semaine dernière un poste de l’armée malienne près de Douentza, "
        "a indiqué une source sécuritaire.",
        published,
    )
    assert date(2024, 7, 22) <= event.start_date <= event.end_date <= date(2024, 7, 28)
    assert event.end_date >= date(2024, 7, 25)  # the end of that week, not its beginning


def test_english_dates_still_resolve_the_same():
    cases = [
        (
            "Gunmen attacked a Malian army post near Douentza on Monday, February 20, a security source said.",
            date(2023, 2, 22),
            date(2023, 2, 20),
            date(2023, 2, 20),
        ),
        (
            "Gunmen attacked a Malian army post near Douentza on Tuesday evening, a security source said.",
            date(2024, 7, 25),
            date(2024, 7, 23),
            date(2024, 7, 23),
        ),
        (
            "Gunmen attacked a Malian army post near Douentza last Saturday, a security source said.",
            TUESDAY,
            date(2024, 7, 27),
            date(2024, 7, 27),
        ),
        (
            "Gunmen attacked a Malian army post near Douentza three days ago, a security source said.",
            date(2024, 7, 28),
            date(2024, 7, 25),
            date(2024, 7, 25),
        ),
        (
            "Gunmen attacked Malian army posts near Douentza from July 22 to 27, a security source said.",
            TUESDAY,
            date(2024, 7, 22),
            date(2024, 7, 27),
        ),
        (
            "Gunmen attacked a Malian army post near Douentza in early August, a security source said.",
            date(2024, 8, 20),
            date(2024, 8, 1),
            date(2024, 8, 10),
        ),
    ]
    for text, published, first, last in cases:
        event = only_event(fr_parse(text, published))
        assert (event.start_date, event.end_date) == (first, last), text


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            (
                "Onze soldats ont été tués et vingt-quatre autres blessés mardi dans une embuscade près de "
                "Douentza, selon une source sécuritaire."
            ),
            {("killed", 11, 11, "exact"), ("wounded", 24, 24, "exact")},
            id="onze, vingt-quatre",
        ),
        pytest.param(
            (
                "Vingt et un civils ont été tués et soixante-quinze autres blessés mardi dans l’attaque du village "
                "de Koro, selon un élu local."
            ),
            {("killed", 21, 21, "exact"), ("wounded", 75, 75, "exact")},
            id="vingt et un, soixante-quinze",
        ),
        pytest.param(
            (
                "Quatre-vingt-dix terroristes ont été neutralisés mardi lors d’une opération près de Douentza, a "
                "indiqué l’armée malienne."
            ),
            {("killed", 90, 90, "exact")},
            id="quatre-vingt-dix",
        ),
        pytest.param(
            (
                "Deux cents maisons ont été incendiées mardi lors de l’attaque du village de Koro par des hommes "
                "armés, selon un élu local."
            ),
            {("destroyed", 200, 200, "exact")},
            id="deux cents",
        ),
        pytest.param(
            "Un millier de personnes ont été déplacées par les combats de mardi près de Douentza, selon un élu local.",
            {("displaced", 1000, 1000, "approximately")},
            id="un millier",
        ),
    ],
)
def test_it_reads_french_number_words(text, expected):
    assert expected <= amounts(text)


# The narrow no-break space (1\u202f200) is read in the Central African report of test_french_reports.py.
@pytest.mark.parametrize(
    "figure",
    [
        pytest.param("1" + NBSP + "200", id="no-break space"),
        pytest.param("1 200", id="plain space"),
        pytest.param("1.200", id="dot"),
    ],
)
def test_it_reads_french_thousands_separators(figure):
    found = amounts(f"Les combats de mardi près de Douentza ont fait {figure} déplacés, selon un élu local.")
    assert ("displaced", 1200, 1200, "exact") in found
    assert not any(low in (1, 200) for _, low, _, _ in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            (
                "Au moins 19 soldats ont été tués et plus de 50 autres blessés mardi dans une attaque près de "
                "Douentza, selon une source sécuritaire."
            ),
            {("killed", 19, None, "at_least"), ("wounded", 50, None, "at_least")},
            id="au moins, plus de",
        ),
        pytest.param(
            (
                "L’attaque de mardi contre un camp près de Douentza a fait près de 40 morts et environ 30 blessés, "
                "selon une source sécuritaire."
            ),
            {("killed", 40, 40, "approximately"), ("wounded", 30, 30, "approximately")},
            id="près de, environ",
        ),
        pytest.param(
            (
                "Entre 10 et 15 soldats ont été tués et jusqu’à 30 autres blessés mardi dans une attaque près de "
                "Douentza, selon une source sécuritaire."
            ),
            {("killed", 10, 15, "exact"), ("wounded", None, 30, "up_to")},
            id="entre … et, jusqu’à",
        ),
        pytest.param(
            (
                "L’attaque de mardi contre un camp près de Douentza a fait une dizaine de morts et une centaine de "
                "blessés, selon une source sécuritaire."
            ),
            {("killed", 10, 10, "approximately"), ("wounded", 100, 100, "approximately")},
            id="une dizaine, une centaine",
        ),
        pytest.param(
            (
                "Plusieurs soldats ont été tués et de nombreux autres blessés mardi dans une attaque près de "
                "Douentza, selon une source sécuritaire."
            ),
            {("killed", None, None, "vague"), ("wounded", None, None, "vague")},
            id="plusieurs, de nombreux",
        ),
        pytest.param(
            (
                "L’attaque de mardi contre un camp près de Douentza a fait des dizaines de morts, selon une source "
                "sécuritaire."
            ),
            {("killed", None, None, "vague")},
            id="des dizaines de",
        ),
    ],
)
def test_it_reads_french_qualifiers_and_round_amounts(text, expected):
    found = {item for item in amounts(text) if item[0] in ("killed", "wounded")}
    assert found == expected


def test_english_numbers_still_read_the_same():
    cases = [
        (
            "Jihadists killed at least 19 soldiers in an attack near Douentza on Tuesday, a security source said.",
            (19, None, "at_least"),
        ),
        (
            (
                "Jihadists killed between 10 and 15 soldiers in an attack near Douentza on Tuesday, a security "
                "source said."
            ),
            (10, 15, "exact"),
        ),
        (
            "Jihadists killed dozens of soldiers in an attack near Douentza on Tuesday, a security source said.",
            (None, None, "vague"),
        ),
        (
            "Eleven soldiers were killed in an ambush near Douentza on Tuesday, a security source said.",
            (11, 11, "exact"),
        ),
    ]
    for text, expected in cases:
        event = only_event(fr_parse(text, TUESDAY))
        assert {(c.count_min, c.count_max, c.qualifier) for c in event.claims if c.kind == "killed"} == {expected}, text


# ---------------------------------------------------------------- claims: the kind of loss


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Trois soldats ont été tués mardi dans une embuscade près de Douentza, a indiqué l’armée.",
            {("killed", 3)},
            id="tués",
        ),
        pytest.param(
            "Sept civils ont péri mardi dans l’attaque de leur village près de Koro, selon un élu local.",
            {("killed", 7)},
            id="ont péri",
        ),
        pytest.param(
            (
                "Neuf passagers ont trouvé la mort mardi lorsque leur car a sauté sur une mine près de Djibo, "
                "selon une source sécuritaire."
            ),
            {("killed", 9)},
            id="ont trouvé la mort",
        ),
        pytest.param(
            (
                "40 terroristes ont été neutralisés mardi lors d’une opération de l’armée burkinabè près de Djibo, "
                "selon l’armée."
            ),
            {("killed", 40)},
            id="neutralisés",
        ),
        pytest.param(
            (
                "Les autorités font état d’un bilan provisoire de 17 morts et 20 blessés après l’attaque de mardi "
                "contre le marché de Koro."
            ),
            {("killed", 17), ("wounded", 20)},
            id="bilan de 17 morts et 20 blessés",
        ),
        pytest.param(
            "Six enseignants ont été enlevés mardi par des hommes armés près de Mokolo, selon une source sécuritaire.",
            {("captured", 6)},
            id="enlevés",
        ),
        pytest.param(
            (
                "Quatre humanitaires ont été kidnappés mardi par des hommes armés près de Mokolo, selon une source "
                "sécuritaire."
            ),
            {("captured", 4)},
            id="kidnappés",
        ),
        pytest.param(
            (
                "12 passagers d’un car ont été pris en otage mardi par des hommes armés près de Mokolo, selon une "
                "source sécuritaire."
            ),
            {("captured", 12)},
            id="pris en otage",
        ),
        pytest.param(
            (
                "Huit soldats ont été faits prisonniers lors de l’attaque de mardi contre leur camp près de "
                "Douentza, selon le GSIM."
            ),
            {("captured", 8)},
            id="faits prisonniers",
        ),
        pytest.param(
            (
                "Cinq combattants jihadistes ont été capturés mardi lors de combats près de Douentza, a indiqué "
                "l’armée malienne."
            ),
            {("captured", 5)},
            id="capturés",
        ),
        pytest.param(
            (
                "Six soldats sont portés disparus depuis l’embuscade de mardi près de Douentza, selon une source "
                "sécuritaire."
            ),
            {("missing", 6)},
            id="portés disparus",
        ),
        pytest.param(
            (
                "Trois militaires manquent toujours à l’appel après l’embuscade de mardi près de Douentza, a "
                "indiqué l’armée malienne."
            ),
            {("missing", 3)},
            id="manquent à l’appel",
        ),
        pytest.param(
            "Plus de 3 000 personnes ont été déplacées par les combats de mardi près de Djibo, selon un élu local.",
            {("displaced", 3000)},
            id="déplacées",
        ),
        pytest.param(
            (
                "Deux véhicules blindés ont été détruits et 30 maisons incendiées mardi lors de combats près de "
                "Koro, selon un élu local."
            ),
            {("destroyed", 2), ("destroyed", 30)},
            id="détruits, incendiées",
        ),
    ],
)
def test_it_reads_the_kind_of_a_french_loss(text, expected):
    assert expected <= {(kind, low) for kind, low, _, _ in amounts(text)}


# ---------------------------------------------------------------- claims: who says so


@pytest.mark.parametrize(
    "text, claimant",
    [
        pytest.param(
            "Douze soldats ont été tués mardi près de Douentza, selon une source sécuritaire.",
            "une source sécuritaire",
            id="selon une source sécuritaire",
        ),
        pytest.param(
            "Douze terroristes ont été neutralisés mardi près de Douentza, a indiqué l’armée dans un communiqué.",
            "Military Forces of Mali",
            id="a indiqué l’armée dans un communiqué",
        ),
        pytest.param(
            "Nos combattants ont tué 30 soldats des FARDC mardi près de Rutshuru, a affirmé le porte-parole du M23.",
            "M23",
            id="a affirmé le porte-parole",
        ),
        pytest.param(
            (
                "« Nos moudjahidines ont tué 12 soldats lors de l’attaque de mardi près de Douentza », a "
                "revendiqué le GSIM."
            ),
            "JNIM",
            id="a revendiqué le GSIM",
        ),
        pytest.param(
            "Huit civils ont été tués mardi par des hommes armés dans le village de Koza, d’après des habitants.",
            "des habitants",
            id="d’après des habitants",
        ),
    ],
)
def test_it_attributes_a_french_claim_to_its_source(text, claimant):
    text = typeset(text)
    result = fr_parse(text, TUESDAY)
    event = only_event(result)
    assert [claimant_of(c) for c in event.claims] == [claimant]
    assert quotes_point_into(text, result)


def test_a_hospital_source_is_a_described_source_not_an_actor():
    event = one_event(
        "Quinze blessés ont été admis mardi à l’hôpital de Djibo après l’attaque du marché, a-t-on appris de "
        "source hospitalière."
    )
    wounded = [c for c in event.claims if c.kind == "wounded"]
    assert [(c.count_min, c.claimant) for c in wounded] == [(15, None)]
    assert folded(wounded[0].claimant_text).endswith("source hospitaliere")


def test_english_claims_still_read_the_same():
    cases = [
        (
            "Twelve soldiers were killed near Douentza on Tuesday, a security source said.",
            ("killed", 12, "a security source"),
        ),
        (
            "The army said in a statement that it killed 30 terrorists near Douentza on Tuesday.",
            ("killed", 30, "Military Forces of Mali"),
        ),
        (
            "Gunmen kidnapped six teachers near Mokolo on Tuesday, a security source said.",
            ("captured", 6, "a security source"),
        ),
    ]
    for text, expected in cases:
        event = only_event(fr_parse(text, TUESDAY))
        assert expected in {(c.kind, c.count_min, claimant_of(c)) for c in event.claims}, text


# ---------------------------------------------------------------- places

BORDER_REGION = FRENCH_GAZETTEER.border_admin1("BF", "ML")  # the gazetteer's Burkinabè region on the Malian border


@pytest.mark.parametrize(
    "text, name, geo_precision, admin1, country",
    [
        pytest.param(
            "Des hommes armés ont tué huit civils mardi à Tin-Akoff, selon un élu local.",
            "Tin-Akoff",
            1,
            "Sahel",
            "BF",
            id="à Tin-Akoff",
        ),
        pytest.param(
            "Des hommes armés ont tué huit civils mardi dans la localité de Sebba, selon un élu local.",
            "Sebba",
            1,
            "Sahel",
            "BF",
            id="dans la localité de",
        ),
        pytest.param(
            "Des hommes armés ont attaqué mardi le village de Koza, tuant quatre civils, selon un élu local.",
            "Koza",
            1,
            "Far North",
            "CM",
            id="le village de",
        ),
        pytest.param(
            "Des hommes armés ont tué huit civils mardi à 30 km de Djibo, selon un élu local.",
            "Djibo",
            2,
            "Sahel",
            "BF",
            id="à 30 km de",
        ),
        pytest.param(
            (
                "Des combattants de Boko Haram ont attaqué mardi une position de l’armée tchadienne dans la région "
                "du Lac, selon une source sécuritaire."
            ),
            "Lac",
            3,
            "Lac",
            "TD",
            id="dans la région du Lac",
        ),
        pytest.param(
            "Des miliciens ont tué huit civils mardi dans la province de l’Ituri, selon la société civile.",
            "Ituri",
            3,
            "Ituri",
            "CD",
            id="dans la province de l’Ituri",
        ),
        pytest.param(
            (
                "Des hommes armés ont tué huit civils mardi dans le nord du Burkina Faso, près de la frontière "
                "avec le Mali, selon une source sécuritaire burkinabè."
            ),
            BORDER_REGION.name,
            3,
            BORDER_REGION.admin1_name,
            "BF",
            id="près de la frontière avec le Mali",
        ),
    ],
)
def test_it_places_a_french_report(text, name, geo_precision, admin1, country):
    event = one_event(text)
    assert place_name(event) == name
    assert (event.geo_precision, event.admin1, event.country) == (geo_precision, admin1, country)
    if event.place.feature_code not in ("ADM1", "PCLI"):
        # A relative position keeps its phrase as the location as written ("à 30 km de Djibo").
        assert event.location_text in (name, text[text.index("à 30 km") : text.index(",")] if "km" in text else name)
    assert 30 not in figures(event)  # "à 30 km de" is a distance


def test_a_province_the_gazetteer_lacks_keeps_the_event_in_its_country_at_region_precision():
    # Oudalan is a second-order province of the Sahel region: not in a gazetteer of towns and regions.
    event = one_event(
        "Des hommes armés ont tué huit civils mardi dans la province de l’Oudalan, dans le nord du Burkina "
        "Faso, selon un élu local."
    )
    assert event.country == "BF" and event.geo_precision == 3
    assert event.place is None or event.place.feature_code in ("ADM1", "PCLI")


def test_english_places_still_read_the_same():
    cases = [
        ("Gunmen killed eight civilians in Sebba on Tuesday, a local official said.", "Sebba", 1),
        ("Gunmen attacked the village of Koza on Tuesday, killing four civilians, a local official said.", "Koza", 1),
        (
            (
                "Boko Haram fighters attacked a Chadian army position in the Lac region on Tuesday, a security "
                "source said."
            ),
            "Lac",
            3,
        ),
        (
            (
                "Gunmen killed eight civilians in northern Burkina Faso, near the border with Mali, on Tuesday, a "
                "security source said."
            ),
            BORDER_REGION.name,
            3,
        ),
    ]
    for text, name, geo_precision in cases:
        event = only_event(fr_parse(text, TUESDAY))
        assert (place_name(event), event.geo_precision) == (name, geo_precision), text


# ---------------------------------------------------------------- page furniture

# Page furniture that names no country: a line naming one ("Lire aussi : Au Niger, ...") still moves an
# English report's main country today (shared document reading, not a matter of language).
FURNITURE = [
    "A lire aussi : 20 soldats tués dans une embuscade près de Tillabéri",
    "Lire aussi | L’armée affirme avoir repris Kidal aux rebelles après trois jours de combats",
    "Publicité",
    "Par Moussa Diarra, correspondant à Bamako",
    "Photo : © AFP / Archives",
]


def test_french_page_furniture_lines_produce_nothing_in_a_report():
    body = [
        (
            "Des hommes armés ont tué huit civils lundi dans la localité de Sebba, dans le nord-est du Burkina "
            "Faso, a indiqué mardi un élu local."
        ),
        "Les assaillants ont incendié des boutiques avant de prendre la fuite.",
    ]
    lines = [FURNITURE[3], body[0], FURNITURE[0], FURNITURE[2], body[1], FURNITURE[1], FURNITURE[4]]
    text = typeset("\n".join(lines))
    result = fr_parse(text, TUESDAY)
    event = only_event(result)
    assert (event.sub_event_type, place_name(event), event.start_date) == ("Attack", "Sebba", date(2024, 7, 29))
    assert figures(event) == {8}
    assert not {"Military Forces of Mali", "Military Forces of Niger"} & set(roles(event))
    # No place or figure is read in a furniture line (the byline's Bamako, the headline's 20 and Tillabéri).
    furniture = [(text.index(line), text.index(line) + len(line)) for line in map(typeset, FURNITURE)]
    read = [(span.kind, text[span.start : span.end]) for span in result.spans if span.kind in ("place", "claim")]
    assert not [
        span
        for span in result.spans
        if span.kind in ("place", "claim") and any(start <= span.start < end for start, end in furniture)
    ], read


def test_french_page_furniture_alone_gives_no_event():
    no_event(fr_parse(typeset("\n".join(FURNITURE)), TUESDAY, language="fr"))


def test_english_page_furniture_still_produces_nothing():
    text = (
        "Read more: 20 soldiers killed in ambush near Tillaberi\nGunmen killed eight civilians in Sebba on Monday, "
        "a local official said."
    )
    event = only_event(fr_parse(text, TUESDAY))
    assert (place_name(event), event.start_date, figures(event)) == ("Sebba", TUESDAY - timedelta(days=1), {8})
