"""ACLED's event types and their precedence, in English and French, on places outside the development set."""

import pytest

from .test_places_and_incidents import en, fr


@pytest.mark.parametrize(
    "read, text, expected",
    [
        (
            en,
            (
                "A roadside bomb killed four soldiers near Douentza on Tuesday, and militants then opened fire on "
                "the convoy."
            ),
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            fr,
            (
                "Un engin explosif improvisé a tué quatre soldats mardi près de Douentza, puis des assaillants ont "
                "ouvert le feu sur le convoi."
            ),
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            en,
            "A suicide bomber killed nine people at a market in Jalalabad on Tuesday, police said.",
            ("Explosions/Remote violence", "Suicide bomb"),
        ),
        (
            fr,
            "Un kamikaze a tué neuf personnes mardi sur un marché de Mora, selon la police.",
            ("Explosions/Remote violence", "Suicide bomb"),
        ),
        (
            en,
            "A drone strike killed six militants near Ghazni on Tuesday, officials said.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            fr,
            "Une frappe de drone a tué six terroristes mardi près de Kolofata, selon des responsables.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            en,
            "Rockets fired at Jalalabad on Tuesday killed three civilians, officials said.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            fr,
            "Des tirs d’obus sur Mora ont tué trois civils mardi, selon des responsables.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            en,
            "Gunmen killed 12 villagers in Sokoura, near Bandiagara, on Tuesday, residents said.",
            ("Violence against civilians", "Attack"),
        ),
        (
            fr,
            "Des hommes armés ont tué 12 villageois mardi à Sokoura, près de Bandiagara, selon des habitants.",
            ("Violence against civilians", "Attack"),
        ),
        (
            en,
            "Gunmen abducted 30 villagers in Kolofata on Tuesday, residents said.",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        (
            fr,
            "Des hommes armés ont enlevé 30 villageois mardi à Kolofata, selon des habitants.",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        (
            en,
            "Police shot dead five protesters in Port-de-Paix on Tuesday during a demonstration against fuel prices.",
            ("Protests", "Excessive force against protesters"),
        ),
        (
            fr,
            "La police a tué cinq manifestants mardi à Port-de-Paix lors d’une manifestation contre la vie chère.",
            ("Protests", "Excessive force against protesters"),
        ),
    ],
)
def test_it_codes_the_event_type_and_its_sub_type_as_acled_does(read, text, expected):
    [event] = read(text)
    assert (event.event_type, event.sub_event_type) == expected


@pytest.mark.parametrize(
    "read, text",
    [
        (en, "The African Development Bank approved a $200 million loan to Mozambique on Tuesday for roads and ports."),
        (
            fr,
            (
                "La Banque africaine de développement a approuvé mardi un prêt de 200 millions de dollars au "
                "Mozambique pour des routes."
            ),
        ),
    ],
)
def test_a_business_report_naming_a_country_and_a_demonym_gives_no_event(read, text):
    assert read(text) == []


@pytest.mark.parametrize(
    "read, text",
    [
        (en, "Rioters torched shops and government buildings in Port-de-Paix on Tuesday, police said."),
        (
            fr,
            "Des émeutiers ont incendié des boutiques et des bâtiments publics mardi à Port-de-Paix, selon la police.",
        ),
    ],
)
def test_a_riot_is_a_riot(read, text):
    [event] = read(text)
    assert event.event_type == "Riots"
