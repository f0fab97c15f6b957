"""Whole reports, written for these tests in the style of wire copy."""

from datetime import date

from sources.parsing.normalize import sound_key

from .helpers import claim_facts, only_event, parse, roles

SUDAN = """PORT SUDAN, Sudan (Reuters) - The paramilitary Rapid Support Forces attacked El Fasher on Sunday, shelling \
the city from the east before their fighters tried to storm army positions, residents said.
The Sudanese army said in a statement on Monday that its troops had repelled the assault and killed more than 120 RSF \
fighters.
The RSF said it had killed 40 soldiers and captured 12 armoured vehicles.
"The militia lost dozens of men at the eastern gate," an army officer told Reuters.
Doctors at the city's last functioning hospital said 18 people, among them nine children, were killed by shelling.
El Fasher is the army's last stronghold in the Darfur region. The war began in April 2023."""


def test_sudan_report_is_a_battle_at_el_fasher_not_at_the_dateline_city():
    event = only_event(parse(SUDAN, date(2024, 7, 30)))
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.place.name == "El Fasher" and event.geo_precision == 1
    assert event.start_date == date(2024, 7, 28) == event.end_date
    assert roles(event)["Rapid Support Forces"] == "side_a"
    assert roles(event)["Military Forces of Sudan"] == "side_b"


def test_sudan_report_keeps_both_sides_opposite_figures_and_one_claim_for_a_breakdown():
    facts = claim_facts(only_event(parse(SUDAN, date(2024, 7, 30))))
    assert ("killed", 120, None, "at_least", "Military Forces of Sudan", "Rapid Support Forces") in facts
    assert ("killed", 40, 40, "exact", "Rapid Support Forces", "Military Forces of Sudan") in facts
    assert ("destroyed", 12, 12, "exact", "Rapid Support Forces", None) in facts or (
        "captured",
        12,
        12,
        "exact",
        "Rapid Support Forces",
        None,
    ) in facts
    assert ("killed", 18, 18, "exact", "Doctors at the city's last functioning hospital", "Civilians") in facts
    assert not any(fact[1] == 9 for fact in facts)


DRC = """GOMA, Democratic Republic of Congo (AP) — M23 rebels seized control of the town of Sake, 25 kilometres west \
of Goma, on Wednesday after two days of heavy fighting with the Congolese army, residents and a UN source said.
"We have liberated Sake," M23 spokesman Lawrence Kanyuka wrote on X, adding that "more than 30 FARDC soldiers were \
neutralised."
The Congolese army did not comment on the figure.
Thousands of people fled towards Goma, the local civil society said.
Last year the rebels took the town of Bunagana on the Ugandan border."""


def test_drc_report_is_a_takeover_by_m23_with_its_spokesman_claim():
    event = only_event(parse(DRC, date(2024, 2, 9)))
    assert (event.event_type, event.sub_event_type) == ("Battles", "Non-state actor overtakes territory")
    assert event.place.name == "Sake"
    assert event.start_date == date(2024, 2, 7)
    assert roles(event) == {"M23": "side_a", "Military Forces of Democratic Republic of Congo": "side_b"}
    facts = claim_facts(event)
    assert ("killed", 30, None, "at_least", "M23", "Military Forces of Democratic Republic of Congo") in facts
    assert ("displaced", None, None, "vague", "the local civil society", "Civilians") in facts


SOMALIA = """MOGADISHU (Reuters) - The United States military carried out an airstrike against al-Shabaab militants \
near Jilib on Tuesday, US Africa Command said.
The strike killed three militants, AFRICOM said in a statement, adding that it assessed no civilians were injured or \
killed.
Al-Shabaab, which is linked to al Qaeda, has been fighting Somalia's government since 2006."""


def test_somalia_report_is_a_us_airstrike_on_al_shabaab_near_jilib():
    event = only_event(parse(SOMALIA, date(2024, 7, 31)))
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert event.place.name == "Jilib" and event.geo_precision == 2
    assert event.start_date == date(2024, 7, 30)
    assert roles(event) == {"Military Forces of the United States": "side_a", "al-Shabaab": "side_b"}
    assert claim_facts(event) == {("killed", 3, 3, "exact", "Military Forces of the United States", "al-Shabaab")}


UKRAINE = """KYIV, July 31 (Reuters) - A Russian missile struck an apartment building in the central Ukrainian city of \
Kryvyi Rih on Wednesday, killing at least 14 people, including three children, and wounding more than 50, regional \
governor Serhiy Lysak said.
"They are hitting our cities at night, when people sleep," President Volodymyr Zelenskiy said, adding that Ukraine's \
air force had shot down 22 of 30 drones launched overnight.
Russia's defence ministry said its forces struck "military infrastructure" and did not mention civilian casualties.
Kryvyi Rih, Zelenskiy's hometown, has been repeatedly hit since Russia's full-scale invasion in February 2022."""


def test_ukraine_report_is_a_missile_attack_on_kryvyi_rih_with_the_governor_figures():
    event = only_event(parse(UKRAINE, date(2024, 7, 31)))
    assert (event.event_type, event.sub_event_type) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )
    assert event.place.name == "Kryvyy Rih" and event.country == "UA"
    assert event.start_date == date(2024, 7, 31)
    assert roles(event)["Military Forces of Russia"] == "side_a"
    facts = claim_facts(event)
    assert ("killed", 14, None, "at_least", "regional governor Serhiy Lysak", "Civilians") in facts
    assert ("wounded", 50, None, "at_least", "regional governor Serhiy Lysak", "Civilians") in facts
    assert not any(fact[1] == 3 for fact in facts)  # the children are part of the 14


MYANMAR = """YANGON, Myanmar (AP) — A military airstrike on a village in western Myanmar's Rakhine state killed 23 \
civilians, including women and children, the Arakan Army said Friday.
The ethnic rebel group said jets bombed Thandaung village in Kyauktaw township late Thursday night.
"Our people were sleeping when the bombs fell," a villager told The Associated Press by phone.
The military government denied targeting civilians and said it had struck "terrorist" positions."""


def test_myanmar_report_is_an_airstrike_by_the_military_with_civilian_victims():
    event = only_event(parse(MYANMAR, date(2024, 7, 26)))
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert event.country == "MM" and event.admin1 == "Rakhine"
    assert event.start_date == date(2024, 7, 25)
    assert roles(event)["Military Forces of Myanmar (2021-)"] == "side_a"
    assert ("killed", 23, 23, "exact", "Arakan Army", "Civilians") in claim_facts(event)


YEMEN = """ADEN, Yemen — Yemeni government forces repelled a Houthi offensive on their positions south of Marib on \
Saturday, killing about 30 Houthi fighters, a military source said.
Five government soldiers were killed and eight others were wounded in the fighting, which lasted several hours, the \
source added.
The Houthis did not comment. The Iran-aligned group has tried to take the oil-rich province since 2020."""


def test_yemen_report_is_a_houthi_offensive_repelled_near_marib():
    event = only_event(parse(YEMEN, date(2024, 7, 28)))
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.place.name == "Ma'rib" and event.geo_precision == 2
    assert event.start_date == date(2024, 7, 27)
    assert roles(event) == {"Houthis": "side_a", "Military Forces of Yemen": "side_b"}
    facts = claim_facts(event)
    assert ("killed", 30, 30, "approximately", "a military source", "Houthis") in facts
    assert ("killed", 5, 5, "exact", "a military source", "Military Forces of Yemen") in facts
    assert ("wounded", 8, 8, "exact", "a military source", "Military Forces of Yemen") in facts


COLOMBIA = """BOGOTA, Colombia (AP) — Fighting between National Liberation Army rebels and FARC dissidents in the \
Catatumbo region has killed about 80 people and displaced more than 5,000 since Thursday, the Norte de Santander \
governor said on Sunday.
Most of the dead were civilians and former FARC fighters, according to the ombudsman's office.
The ELN attacked homes in rural Tibu, residents said."""


def test_colombia_report_keeps_the_unresolved_region_name_and_places_it_in_its_province():
    event = only_event(parse(COLOMBIA, date(2025, 1, 19)))
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.country == "CO"
    assert event.place.name in ("Tibu", "Norte de Santander")
    assert event.start_date == date(2025, 1, 16)
    facts = claim_facts(event)
    assert ("killed", 80, 80, "approximately", "the Norte de Santander governor", "Civilians") in facts
    assert ("displaced", 5000, None, "at_least", "the Norte de Santander governor", "Civilians") in facts
    assert {"National Liberation Army (Colombia)", "Estado Mayor Central"} <= set(roles(event))


TRADE_FAIR = """NAIROBI (Reuters) - Kenya's biggest agricultural trade fair opened on Monday with more than 2,000 \
exhibitors from 30 countries, organisers said.
"It is a battle for market share," said trade minister Rebecca Miano, adding that exports rose 12 percent last year.
Visitors queued for hours to see new tractors and drones for crop spraying."""


def test_a_trade_fair_report_gives_no_event():
    assert parse(TRADE_FAIR, date(2024, 9, 30)).events == []


PROTEST = """NAIROBI, Kenya — Police fired tear gas to disperse hundreds of protesters in central Nairobi on Tuesday \
as demonstrators marched against a proposed finance bill.
At least 20 people were arrested, a police spokesman said."""


def test_a_protest_dispersed_with_tear_gas_is_a_protest_with_intervention():
    event = only_event(parse(PROTEST, date(2024, 6, 26)))
    assert (event.event_type, event.sub_event_type) == ("Protests", "Protest with intervention")
    assert event.place.name == "Nairobi"
    assert ("captured", 20, None, "at_least", "Police Forces of Kenya", "Civilians") in claim_facts(event) or any(
        c.count_min == 20 and c.kind == "captured" for c in event.claims
    )


NEW_GROUP = """BAMAKO, Mali — A previously unknown group calling itself the Sahel Liberation Brigade claimed an attack \
on a Malian army checkpoint near Tessalit on Friday that killed four soldiers.
The Malian army confirmed the attack but gave no figure."""


def test_a_named_group_the_dictionary_lacks_becomes_a_new_actor():
    event = only_event(parse(NEW_GROUP, date(2024, 7, 28)))
    new = [actor.ref for actor in event.actors if actor.ref.is_new]
    assert [ref.name for ref in new] == ["Sahel Liberation Brigade"]
    assert roles(event)["Sahel Liberation Brigade"] == "side_a"
    assert event.place.name == "Tessalit"


BACKGROUND = """BAMAKO, Mali — Last November, the Malian army retook the town of Kidal from separatist rebels after \
weeks of fighting.
On Saturday, President Assimi Goita visited the town and met local leaders, the presidency said."""


def test_history_and_a_visit_give_no_event():
    assert parse(BACKGROUND, date(2024, 7, 28)).events == []


BORDER = """Rebels said they killed 12 Malian soldiers in fighting on Friday at the border village of Inabaghret, near \
the Algerian border."""


def test_an_unknown_border_village_falls_back_to_the_border_region():
    event = only_event(parse(BORDER, date(2024, 7, 28)))
    assert event.place.feature_code == "ADM1" and event.admin1 == "Kidal" and event.geo_precision == 3
    assert sound_key(event.location_text) == sound_key("Inabaghret")


# ---------------------------------------------------------------- the full actor dictionary, a one-place gazetteer


def _full_dictionary_parse(text, published, place):
    from pathlib import Path

    from sources.parsing import parse_article
    from sources.parsing.actors import ActorDictionary
    from sources.parsing.gazetteer import InMemoryGazetteer

    dictionary = ActorDictionary.from_yaml(Path(__file__).resolve().parents[3] / "events" / "data" / "actors")
    return parse_article(text, published=published, actors=dictionary, gazetteer=InMemoryGazetteer([place]))


def _one_place(name, country, alternate):
    from sources.parsing.gazetteer import PlaceCandidate

    return PlaceCandidate(None, 9_000_001, name, country, "01", "", 15.0, -2.0, 12_000, "PPL", name), [alternate]


UNKNOWN_FRONT = (
    "Rebels of the Atlantis Liberation Front attacked an army post in Port Town on Monday, the military said in a "
    "statement, adding that three soldiers were killed and five wounded."
)


def test_a_gazetteer_town_after_in_beats_a_word_of_an_unknown_front_which_becomes_a_new_actor():
    event = only_event(
        _full_dictionary_parse(UNKNOWN_FRONT, date(2024, 3, 12), _one_place("Port Town", "ML", "Porttown"))
    )
    assert event.place is not None and event.place.name == "Port Town" and event.geo_precision == 1
    assert event.start_date == date(2024, 3, 11)
    side_a = [actor.ref for actor in event.actors if actor.role == "side_a"]
    assert [(ref.name, ref.kind, ref.is_new) for ref in side_a] == [("Atlantis Liberation Front", "rebel_group", True)]
    assert roles(event)["Military Forces of Mali"] == "side_b"
    facts = claim_facts(event)
    assert ("killed", 3, 3, "exact", "Military Forces of Mali", "Military Forces of Mali") in facts
    assert ("wounded", 5, 5, "exact", "Military Forces of Mali", "Military Forces of Mali") in facts
    assert {c.claimant_text for c in event.claims} == {"the military"}


UNKNOWN_BRIGADES = (
    "Fighters of the Kordo Defence Brigades ambushed a patrol near Sandyford on Tuesday, killing two soldiers, "
    "Niger's defence ministry said. Four other soldiers were wounded, it added."
)


def test_an_unknown_brigade_ambushing_near_an_alternate_town_name_is_a_new_actor_against_the_state():
    event = only_event(
        _full_dictionary_parse(UNKNOWN_BRIGADES, date(2024, 5, 8), _one_place("Sandy Ford", "NE", "Sandyford"))
    )
    assert event.place.name == "Sandy Ford" and event.geo_precision == 2 and event.country == "NE"
    new = [actor for actor in event.actors if actor.ref.is_new]
    assert [(a.ref.name, a.role) for a in new] == [("Kordo Defence Brigades", "side_a")]
    assert roles(event)["Military Forces of Niger"] == "side_b"
    facts = claim_facts(event)
    assert ("killed", 2, 2, "exact", "Military Forces of Niger", "Military Forces of Niger") in facts
    assert ("wounded", 4, 4, "exact", "Military Forces of Niger", "Military Forces of Niger") in facts


def test_think_tanks_and_state_forces_are_not_new_armed_groups():
    text = (
        "Soldiers of the Malian Armed Forces clashed with gunmen near Port Town on Friday, killing four of them, "
        "the army said. The International Crisis Group said the region was unstable."
    )
    event = only_event(_full_dictionary_parse(text, date(2024, 3, 12), _one_place("Port Town", "ML", "Porttown")))
    assert not any(actor.ref.is_new for actor in event.actors)


def test_an_unnamed_affiliate_is_the_parents_only_affiliate_in_that_country():
    event = only_event(
        parse(
            "GAO, Mali — Fighters of an al Qaeda affiliate attacked an army post near Gao on Tuesday. "
            "The Malian army said 12 soldiers were killed. In a statement, the al Qaeda affiliate said it had "
            "killed 30 soldiers."
        )
    )
    assert "JNIM" in roles(event)
    assert "Al-Qaeda" not in roles(event)
    assert ("killed", 30, 30, "exact", "JNIM", "Military Forces of Mali") in claim_facts(event)


def test_an_unnamed_affiliate_is_never_a_rival_organisations_branch():
    event = only_event(
        parse(
            "BAMAKO — Islamic State Sahel Province fighters and militants of an al Qaeda affiliate clashed near Gao "
            "in northern Mali on Tuesday, residents said."
        )
    )
    assert {"JNIM", "Islamic State Sahel Province"} <= set(roles(event))


def test_an_islamic_state_affiliate_in_nigeria_is_its_west_africa_province():
    event = only_event(
        parse(
            "MAIDUGURI, Nigeria — Militants of an Islamic State affiliate ambushed Nigerian troops near "
            "Maiduguri on Monday, "
            "killing seven soldiers, military sources said."
        )
    )
    assert "Islamic State West Africa Province" in roles(event)


def test_a_title_cut_from_the_first_line_does_not_swallow_that_lines_figures():
    text = (
        "Rebels in Mali claimed on Thursday to have killed at least 30 Russian Wagner mercenaries and 12 "
        "Malian soldiers "
        "in fighting near Kidal.\nThe army has not commented."
    )
    event = only_event(parse(text, title=text[:80].rsplit(" ", 1)[0] + "…"))
    assert {(c.count_min, c.subject_text) for c in event.claims if c.kind == "killed"} == {
        (30, "Russian Wagner mercenaries"),
        (12, "Malian soldiers"),
    }
    assert all(text[c.char_start : c.char_end] == c.quote for c in event.claims)
