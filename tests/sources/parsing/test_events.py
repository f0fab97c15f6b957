"""Event detection and ACLED typing on short reports."""

import re
from datetime import date

import pytest

from sources.parsing import PARSER_VERSION, parse_article
from sources.parsing.acled import EVENT_TYPE_CHOICES, SUB_EVENT_TYPE_CHOICES, SUB_EVENT_TYPES, is_valid_pair
from sources.parsing.lang import detect_language

from .helpers import DICTIONARY, GAZETTEER, only_event, parse, roles


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Rebels clashed with the Malian army near Tessalit on Friday, killing five soldiers.",
            ("Battles", "Armed clash"),
        ),
        (
            "The Malian army retook the town of Tessalit from the rebels on Friday.",
            ("Battles", "Government regains territory"),
        ),
        (
            "M23 rebels seized the town of Sake on Wednesday after the Congolese army withdrew.",
            ("Battles", "Non-state actor overtakes territory"),
        ),
        (
            "A drone strike on Jilib on Friday killed three al-Shabaab militants.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "Russian forces shelled Kryvyi Rih with artillery on Friday, killing two people.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            "A roadside bomb struck a Somali army convoy near Jilib on Friday, killing four soldiers.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "A suicide bomber killed 12 people at a market in Mogadishu on Friday, police said.",
            ("Explosions/Remote violence", "Suicide bomb"),
        ),
        (
            "Gunmen massacred 30 villagers near Tessalit on Friday, residents said.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "Al-Shabaab militants kidnapped 20 passengers near Jilib on Friday.",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        ("Hundreds of protesters marched peacefully in Nairobi on Friday.", ("Protests", "Peaceful protest")),
        ("Police shot dead five protesters in Nairobi on Friday.", ("Protests", "Excessive force against protesters")),
        ("Rioters torched cars and rioting spread across Nairobi on Friday.", ("Riots", "Violent demonstration")),
    ],
)
def test_the_event_type_follows_what_happened(text, expected):
    event = only_event(parse(text, date(2024, 7, 28)))
    assert (event.event_type, event.sub_event_type) == expected
    assert is_valid_pair(*expected)


def test_the_attacker_is_side_a_and_its_allies_are_associated_with_it():
    text = "JNIM ambushed Malian soldiers accompanied by Wagner mercenaries near Tessalit on Saturday."
    event = only_event(parse(text.replace("Wagner mercenaries", "Russian army instructors")))
    assert roles(event)["JNIM"] == "side_a"
    assert roles(event)["Military Forces of Mali"] == "side_b"


def test_civilians_are_side_b_in_violence_against_civilians():
    event = only_event(parse("Al-Shabaab militants killed 12 civilians in an attack near Jilib on Friday."))
    assert roles(event) == {"al-Shabaab": "side_a", "Civilians": "side_b"}


def test_a_statement_date_is_not_the_date_of_the_fighting():
    text = (
        "The Malian army said in a statement on Monday that its soldiers clashed with rebels near Tessalit on Thursday."
    )
    event = only_event(parse(text, date(2024, 7, 30)))
    assert (event.start_date, event.end_date, event.date_precision) == (date(2024, 7, 25), date(2024, 7, 25), "day")


def test_without_publication_date_absolute_dates_still_count():
    text = "Rebels clashed with the Malian army near Tessalit on July 26, 2024, and again on Saturday."
    event = only_event(parse(text, None))
    assert event.start_date == date(2024, 7, 26)


def test_diplomacy_and_analysis_give_no_event():
    text = (
        "Russia's foreign minister discussed military cooperation with his Malian counterpart on Thursday. "
        "Analysts warned that the conflict could escalate."
    )
    assert parse(text).events == []


def test_a_dateline_city_is_not_where_it_happened_and_a_person_is_not_a_place():
    text = "KIDAL, Mali — Rebels attacked a Malian army post in Tessalit on Friday, Colonel Harris said."
    event = only_event(parse(text))
    assert event.place.name == "Tessalit"


def test_the_title_is_read_as_a_headline_and_offsets_stay_in_the_text():
    text = "Rebels attacked a Malian army post in Tessalit on Friday, killing five soldiers, the army said."
    result = parse_article(
        text,
        published=date(2024, 7, 28),
        title="Rebels kill five Malian soldiers",
        actors=DICTIONARY,
        gazetteer=GAZETTEER,
    )
    event = only_event(result)
    assert all(text[c.char_start : c.char_end] == c.quote for c in event.claims)
    assert all(0 <= span.start < span.end <= len(text) and text[span.start : span.end] for span in result.spans)


def test_spans_cover_places_actors_dates_and_claims():
    text = "Rebels attacked a Malian army post in Tessalit on Friday, killing five soldiers, the army said."
    kinds = {span.kind for span in parse(text).spans}
    assert kinds == {"place", "actor", "date", "claim"}


def test_the_acled_vocabulary_has_six_types_and_twenty_five_sub_types():
    assert len(EVENT_TYPE_CHOICES) == 6 and len(SUB_EVENT_TYPE_CHOICES) == 25
    assert sum(len(subs) for subs in SUB_EVENT_TYPES.values()) == 25


def test_language_is_guessed_and_the_version_is_exposed():
    assert detect_language("The army said that the rebels were killed in the fighting.") == "en"
    assert (
        detect_language("Les rebelles ont attaqué la ville et les soldats sont dans la zone selon une source.") == "fr"
    )
    assert re.fullmatch(r"\d+\.\d+\.\d+", PARSER_VERSION)


def test_the_parsing_package_does_not_import_django():
    import subprocess
    import sys

    code = (
        "import sys, sources.parsing.parser; assert not any(m == 'django' or m.startswith('django.') for m in "
        "sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_unnamed_gunmen_are_an_unidentified_armed_group():
    event = only_event(
        parse("Gunmen killed 18 villagers in an attack near Kidal on Monday night, the regional governor said.")
    )
    assert roles(event) == {"Unidentified Armed Group (Mali)": "side_a", "Civilians": "side_b"}
    assert event.start_date == date(2024, 7, 22)


def test_whoever_retakes_a_town_is_side_a():
    event = only_event(parse("The Malian army said it had retaken Tessalit on Sunday after the rebels withdrew."))
    assert event.sub_event_type == "Government regains territory"
    assert roles(event) == {"Military Forces of Mali": "side_a", "Unidentified Armed Group (Mali)": "side_b"}


def test_a_roadside_bomb_that_kills_soldiers_is_a_remote_explosive_even_when_the_attack_is_claimed():
    text = (
        "At least eight soldiers were killed on Sunday near Jilib, a military official said.\n"
        "The explosion tore through a military vehicle outside the town, the official said.\n"
        "\u201cTheir vehicle hit a landmine planted by the militants,\u201d he said.\n"
        "Al-Shabaab claimed responsibility for the attack in a statement."
    )
    event = only_event(parse(text, published=date(2024, 7, 29)))
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")


def test_a_described_fight_stays_a_battle_when_air_strikes_join_it():
    text = (
        "Heavy fighting broke out on Sunday between al-Shabaab militants and Somali soldiers near Jilib, "
        "officials said.\n"
        "The clashes lasted several hours before air strikes hit the militants' positions."
    )
    event = only_event(parse(text, published=date(2024, 7, 29)))
    assert event.event_type == "Battles"


def test_a_force_that_only_speaks_about_a_massacre_is_not_a_party_to_it():
    for text in (
        "Gunmen killed 12 villagers near Goma on Sunday, the Congolese army said.",
        "Gunmen killed 12 villagers near Goma on Sunday, according to the Congolese army.",
    ):
        event = only_event(parse(text))
        assert event.event_type == "Violence against civilians"
        assert "Military Forces of Democratic Republic of Congo" not in roles(event)


def test_a_speaker_that_claims_the_fight_stays_a_party():
    event = only_event(parse("The Congolese army said it killed 20 M23 rebels near Sake on Sunday."))
    assert roles(event).get("Military Forces of Democratic Republic of Congo") in ("side_a", "side_b")
