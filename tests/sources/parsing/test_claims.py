"""Claims, read through parse_article on short texts (one sentence or two)."""

from datetime import date

from .helpers import parse


def claims(text, published=date(2024, 7, 28)):
    result = parse(text, published)
    found = [claim for event in result.events for claim in event.claims]
    for claim in found:
        assert text[claim.char_start : claim.char_end] == claim.quote
    return found


def facts(text, published=date(2024, 7, 28)):
    return [
        (
            c.kind,
            c.count_min,
            c.count_max,
            c.qualifier,
            c.claimant.name if c.claimant else c.claimant_text,
            c.subject.name if c.subject else None,
        )
        for c in claims(text, published)
    ]


def test_two_figures_after_one_verb_are_two_claims_of_that_kind():
    assert facts("JNIM said it killed 50 Wagner mercenaries and 10 Malian soldiers in an ambush on Saturday.") == [
        ("killed", 50, 50, "exact", "JNIM", None),
        ("killed", 10, 10, "exact", "JNIM", "Military Forces of Mali"),
    ]


def test_a_passive_figure_and_an_elliptical_one_share_their_subject():
    text = (
        "The Malian army said on Friday that two of its soldiers had been killed and ten others wounded in a rebel "
        "attack."
    )
    assert facts(text) == [
        ("killed", 2, 2, "exact", "Military Forces of Mali", "Military Forces of Mali"),
        ("wounded", 10, 10, "exact", "Military Forces of Mali", "Military Forces of Mali"),
    ]


def test_a_breakdown_inside_a_figure_is_not_a_new_claim():
    text = "An airstrike on Jilib on Monday killed 18 people, among them nine children, hospital sources said."
    assert facts(text) == [("killed", 18, 18, "exact", "hospital sources", "Civilians")]


def test_a_claim_inside_quotation_marks_belongs_to_the_speaker_after_the_quote():
    text = '"We killed 15 soldiers in Tibu on Friday," an ELN commander told Reuters.'
    assert facts(text) == [
        ("killed", 15, 15, "exact", "National Liberation Army (Colombia)", "Military Forces of Colombia")
    ]


def test_according_to_a_relay_does_not_replace_the_speaker():
    text = (
        "The Houthis said they shot down a drone and killed 12 Yemeni soldiers near Marib on Sunday, according to "
        "Reuters."
    )
    assert ("killed", 12, 12, "exact", "Houthis", "Military Forces of Yemen") in facts(text)


def test_according_to_names_the_source_when_nobody_else_speaks():
    text = "At least 12 people were killed in clashes in Tibu on Friday, according to local officials."
    assert facts(text) == [("killed", 12, None, "at_least", "local officials", "Civilians")]


def test_a_pronoun_speaker_is_the_speaker_of_the_previous_sentence():
    text = "The RSF attacked El Fasher on Sunday, the army said. It added that it had killed 40 RSF fighters."
    assert ("killed", 40, 40, "exact", "Military Forces of Sudan", "Rapid Support Forces") in facts(text)


def test_a_person_introduced_as_spokesman_speaks_for_the_group():
    text = (
        "Lawrence Kanyuka, a spokesman for the M23, said the rebels had fought the Congolese army near Sake on "
        "Wednesday. "
        "Kanyuka claimed that 30 Congolese soldiers were captured."
    )
    assert ("captured", 30, 30, "exact", "M23", "Military Forces of Democratic Republic of Congo") in facts(
        text, date(2024, 2, 9)
    )


def test_vague_amounts_have_no_counts():
    text = "The rebels said they killed dozens of soldiers in fighting near Tessalit on Friday."
    assert facts(text)[0][:4] == ("killed", None, None, "vague")


def test_durations_money_and_ages_are_not_claims():
    text = (
        "After three days of fighting near Tessalit, 72 hours after the attack, the army said it had killed 20 "
        "rebels aged 18 to 30 and seized $70 billion."
    )
    assert [(kind, low) for kind, low, *_ in facts(text)] == [("killed", 20)]


def test_an_unattributed_figure_has_no_claimant_and_lower_confidence():
    found = claims("The attack on a Malian army post near Tessalit on Friday killed 12 soldiers.")
    assert [(c.count_min, c.claimant, c.claimant_text) for c in found] == [(12, None, "")]
    assert found[0].confidence < 0.7


def test_destroyed_vehicles_and_displaced_people_are_claims_of_their_kind():
    text = (
        "The army said on Friday that two armoured vehicles were destroyed in fighting near Tessalit and 5,000 "
        "people were displaced."
    )
    assert [(c.kind, c.count_min) for c in claims(text)] == [("destroyed", 2), ("displaced", 5000)]


def test_a_headline_repeating_the_body_gives_one_claim():
    text = "JNIM claims killing 50 Malian soldiers\nJNIM said it killed 50 Malian soldiers near Tessalit on Saturday."
    assert len(claims(text)) == 1


def test_a_relay_quoting_a_statement_gives_the_claim_to_the_quoted_group():
    text = (
        "SITE Intelligence Group quoted a statement by JNIM saying its fighters killed 15 Malian soldiers near "
        "Tessalit on Friday."
    )
    assert facts(text) == [("killed", 15, 15, "exact", "JNIM", "Military Forces of Mali")]


def test_a_pronoun_speaker_in_the_middle_of_a_sentence_is_the_previous_speaker():
    text = "The Malian army said it had retaken Tessalit on Sunday. At least 12 rebels were killed, it said."
    assert facts(text)[0][:5] == ("killed", 12, None, "at_least", "Military Forces of Mali")


def test_a_described_source_keeps_its_words_and_no_actor():
    text = "The health ministry said 30 people were killed and 45 wounded in an airstrike on Jilib on Tuesday."
    assert facts(text) == [
        ("killed", 30, 30, "exact", "The health ministry", "Civilians"),
        ("wounded", 45, 45, "exact", "The health ministry", "Civilians"),
    ]


def test_a_claim_without_a_figure_is_kept_only_when_it_says_what_happened_to_whom():
    text = (
        "M23 rebels attacked Congolese soldiers near Sake on Saturday. The Congolese army said the rebels suffered "
        "heavy losses, and the rebels said dozens of Congolese soldiers were killed."
    )
    found = facts(text)
    assert ("killed", None, None, "vague") in [fact[:4] for fact in found]
    assert not [fact for fact in found if fact[0] == "other"]
