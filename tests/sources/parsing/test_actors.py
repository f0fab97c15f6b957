from sources.parsing.actors import ActorDictionary, ActorEntry

DICTIONARY = ActorDictionary(
    [
        ActorEntry(1, "Military Forces of Mali", "state_forces", "ML", ("Malian army", "FAMa", "Malian Armed Forces")),
        ActorEntry(
            2, "Wagner Group", "external_forces", "RU", ("Wagner", "Wagner mercenaries", "Russian Wagner mercenaries")
        ),
        ActorEntry(
            3,
            "JNIM",
            "rebel_group",
            "",
            ("JNIM", "Jama'a Nusrat ul-Islam wa al-Muslimin", "Support Group for Islam and Muslims"),
        ),
        ActorEntry(4, "FACT", "rebel_group", "TD", ("FACT", "Front for Change and Concord in Chad")),
        ActorEntry(5, "Military Forces of Syria (2000-2024)", "state_forces", "SY", ("Syrian army",)),
        ActorEntry(6, "Military Forces of Syria (2024-)", "state_forces", "SY", ("Syrian forces",)),
        ActorEntry(7, "Police Forces of Syria", "state_forces", "SY", ("Syrian police",)),
        ActorEntry(8, "Civilians", "civilians", "", ("people", "villagers")),
    ]
)


def found(text):
    return [(text[m.start : m.end], m.entry.name) for m in DICTIONARY.find(text)]


def test_aliases_match_regardless_of_case_accents_and_punctuation():
    text = "The MALIAN ARMY said JAMA’A NUSRAT UL-ISLAM WA AL-MUSLIMIN attacked."
    assert found(text) == [
        ("MALIAN ARMY", "Military Forces of Mali"),
        ("JAMA’A NUSRAT UL-ISLAM WA AL-MUSLIMIN", "JNIM"),
    ]


def test_the_longest_alias_wins_and_offsets_point_into_the_original_text():
    text = "Fifty Russian Wagner mercenaries died."
    assert found(text) == [("Russian Wagner mercenaries", "Wagner Group")]


def test_aliases_match_through_a_possessive():
    assert found("Wagner's fighters withdrew.") == [("Wagner", "Wagner Group")]


def test_only_whole_words_match():
    assert found("The Wagnerian opera and the famas") == []


def test_a_short_acronym_only_matches_in_capitals():
    assert found("In fact, the FACT rebels advanced.") == [("FACT", "FACT")]


def test_generic_kinds_are_not_matched_as_named_actors():
    assert found("Villagers and people fled.") == []


def test_state_forces_prefer_the_military_of_the_current_period():
    assert DICTIONARY.state_forces("SY").name == "Military Forces of Syria (2024-)"
    assert DICTIONARY.state_forces("SY", police=True).name == "Police Forces of Syria"


def test_jihadist_actors_are_recognised_from_their_names():
    assert DICTIONARY.is_jihadist(DICTIONARY.by_name("JNIM"))
    assert not DICTIONARY.is_jihadist(DICTIONARY.by_name("FACT"))


def test_an_alias_of_a_force_split_by_period_resolves_to_the_period_of_the_report():
    from datetime import date

    from sources.parsing.actors import ActorDictionary, ActorEntry

    dictionary = ActorDictionary(
        [
            ActorEntry(1, "Military Forces of Syria (2000-2024)", "state_forces", "SY", ("Assad forces",)),
            ActorEntry(2, "Military Forces of Syria (2024-)", "state_forces", "SY", ("Syrian army",)),
        ]
    )
    [match] = dictionary.find("The Syrian army shelled the town.")
    assert dictionary.in_period(match.entry, date(2014, 9, 22)).name == "Military Forces of Syria (2000-2024)"
    assert dictionary.in_period(match.entry, date(2025, 3, 1)).name == "Military Forces of Syria (2024-)"
    assert dictionary.in_period(match.entry, None).name == "Military Forces of Syria (2024-)"
