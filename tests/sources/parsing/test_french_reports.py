"""Whole French reports, written for these tests in the style of AFP/Reuters French wire copy, RFI and
army communiqués, and coded as a careful ACLED analyst would code them.

Each report is set with French typography (typeset(): no-break spaces inside « » and before : ; ! ?,
"1 200" with a narrow no-break space) and mixes typographic ’ and plain ' apostrophes.
"""

from datetime import date

from .french_helpers import (
    NNBSP,
    claim_facts,
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


def kinds_and_counts(event) -> set[tuple]:
    return {(c.kind, c.count_min, c.count_max, c.qualifier) for c in event.claims}


# ---------------------------------------------------------------- Mali: a jihadist ambush, two sides' figures

MALI_AMBUSH = typeset("""BAMAKO, 16 septembre 2024 (AFP) – Un convoi de l’armée malienne est tombé dimanche dans une \
embuscade tendue par des jihadistes près de Douentza, dans le centre du Mali, a-t-on appris de sources sécuritaires.
Dans un communiqué diffusé lundi, l’armée malienne affirme avoir « neutralisé une trentaine de terroristes » au cours \
des combats, qui ont duré plusieurs heures.
Quatre soldats ont été tués et sept autres blessés, a précisé l’armée.
Le Groupe de soutien à l’islam et aux musulmans (GSIM, JNIM en arabe), lié à Al-Qaïda, a de son côté affirmé avoir tué \
15 militaires et saisi des armes et des munitions.
Ces bilans n’ont pas pu être vérifiés de source indépendante.
Le centre du Mali est en proie depuis 2015 aux violences jihadistes.""")
MALI_AMBUSH_PUBLISHED = date(2024, 9, 16)  # a Monday


def test_it_codes_a_jihadist_ambush_on_a_malian_convoy_as_an_armed_clash_near_douentza():
    event = only_event(fr_parse(MALI_AMBUSH, MALI_AMBUSH_PUBLISHED))
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.start_date == date(2024, 9, 15) == event.end_date  # "dimanche", not the dateline's 16 September
    assert place_name(event) == "Douentza" and event.location_text == "Douentza"
    assert (event.country, event.admin1, event.geo_precision) == ("ML", "Mopti", 2)  # "près de Douentza"
    assert roles(event)["JNIM"] == "side_a"
    assert roles(event)["Military Forces of Mali"] == "side_b"
    assert "Al-Qaeda" not in roles(event)  # named only as JNIM's parent organisation


def test_it_keeps_the_malian_armys_and_the_jihadists_opposite_figures_as_claims_of_their_own():
    result = fr_parse(MALI_AMBUSH, MALI_AMBUSH_PUBLISHED)
    event = only_event(result)
    facts = claim_facts(event)
    assert ("killed", 30, 30, "approximately", "Military Forces of Mali") in facts  # « une trentaine de terroristes »
    assert ("killed", 15, 15, "exact", "JNIM") in facts
    assert ("killed", 4, 4, "exact", "Military Forces of Mali") in facts
    assert ("wounded", 7, 7, "exact", "Military Forces of Mali") in facts
    subjects = {(c.count_min, c.subject.name if c.subject else None) for c in event.claims if c.kind == "killed"}
    assert {(30, "JNIM"), (15, "Military Forces of Mali")} <= subjects
    assert not figures(event) & {16, 2015, 2024}
    assert quotes_point_into(MALI_AMBUSH, result)


# ---------------------------------------------------------------- Mali: an army drone strike on a market

MALI_DRONE = typeset("""Au Mali, au moins 19 civils ont été tués le 19 août dans une frappe de drone de l’armée \
malienne sur un marché hebdomadaire près d’Ansongo, dans la région de Gao, selon des élus locaux.
Parmi les victimes figurent des commerçants et des éleveurs venus des villages voisins.
« Le drone a frappé vers 11 heures, au moment où le marché était plein », raconte un habitant, qui a requis l’anonymat.
Une vingtaine de blessés ont été évacués vers l’hôpital de Gao.
Dans un communiqué, l’état-major général des armées a confirmé une frappe aérienne contre « un regroupement de \
terroristes » dans la zone, sans évoquer de victimes civiles.""")
MALI_DRONE_PUBLISHED = date(2024, 8, 21)


def test_it_codes_a_malian_army_drone_strike_on_a_market_near_ansongo_as_an_air_strike_on_civilians():
    result = fr_parse(MALI_DRONE, MALI_DRONE_PUBLISHED)
    event = only_event(result)
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert event.start_date == date(2024, 8, 19) == event.end_date
    assert place_name(event) == "Ansongo" and event.location_text == "Ansongo"  # "près d’Ansongo"
    assert (event.country, event.admin1, event.geo_precision) == ("ML", "Gao", 2)
    assert roles(event)["Military Forces of Mali"] == "side_a"
    killed = [c for c in event.claims if c.kind == "killed" and c.count_min == 19]
    assert [(c.claimant, folded(c.claimant_text), c.subject.name if c.subject else None) for c in killed] == [
        (None, "des elus locaux", "Civilians")
    ]
    assert 11 not in figures(event)  # "vers 11 heures" is a time
    assert quotes_point_into(MALI_DRONE, result)


# ---------------------------------------------------------------- Burkina Faso: gunmen kill villagers

BURKINA_VILLAGE = typeset("""OUAGADOUGOU (AFP) – Des hommes armés ont tué samedi dernier 12 personnes, dont 5 enfants, \
dans le village de Tin-Akoff, dans la province de l’Oudalan (nord du Burkina Faso), a indiqué mardi un élu local.
« Ils sont arrivés à moto en fin d’après-midi, ont rassemblé les hommes devant la mosquée et ont ouvert le feu », a \
raconté cet élu, qui a requis l’anonymat pour des raisons de sécurité.
Les assaillants ont également incendié des greniers et emporté du bétail avant de repartir en brousse.
L’attaque n’a pas été revendiquée.""")
BURKINA_VILLAGE_PUBLISHED = date(2024, 6, 11)  # a Tuesday: "samedi dernier" is 8 June


def test_it_codes_gunmen_killing_villagers_at_tin_akoff_as_an_attack_on_civilians():
    event = only_event(fr_parse(BURKINA_VILLAGE, BURKINA_VILLAGE_PUBLISHED))
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.start_date == date(2024, 6, 8) == event.end_date
    assert place_name(event) == "Tin-Akoff" and event.location_text == "Tin-Akoff"
    assert (event.country, event.admin1, event.geo_precision) == ("BF", "Sahel", 1)
    assert roles(event) == {"Unidentified Armed Group (Burkina Faso)": "side_a", "Civilians": "side_b"}


def test_a_french_breakdown_of_a_toll_is_one_killed_claim_not_two():
    result = fr_parse(BURKINA_VILLAGE, BURKINA_VILLAGE_PUBLISHED)
    event = only_event(result)
    killed = [c for c in event.claims if c.kind == "killed"]
    assert [(c.count_min, c.count_max, c.qualifier, claimant_of(c)) for c in killed] == [
        (12, 12, "exact", "un élu local")
    ]
    assert killed[0].subject is not None and killed[0].subject.name == "Civilians"
    assert 5 not in figures(event)  # the five children are among the twelve
    assert quotes_point_into(BURKINA_VILLAGE, result)


# ---------------------------------------------------------------- Burkina Faso: an IED on VDP auxiliaries

BURKINA_IED = typeset("""Au moins onze Volontaires pour la défense de la patrie (VDP) ont été tués il y a trois jours \
lorsque leur véhicule a sauté sur un engin explosif improvisé près de Djibo, dans la région du Sahel, ont indiqué \
lundi des sources sécuritaires.
L'explosion s'est produite à une quinzaine de kilomètres de la ville, alors que les supplétifs de l'armée escortaient \
un convoi de ravitaillement.
Quatre autres VDP ont été blessés et évacués vers Ouagadougou, selon une source sécuritaire.
Aucun groupe n'a revendiqué l'attaque ; la zone est régulièrement visée par des groupes jihadistes.
Le Burkina Faso est dirigé depuis 2022 par une junte militaire.""")
BURKINA_IED_PUBLISHED = date(2024, 3, 4)  # "il y a trois jours": 1 March


def test_it_codes_an_ied_on_vdp_near_djibo_as_a_remote_explosive():
    result = fr_parse(BURKINA_IED, BURKINA_IED_PUBLISHED)
    event = only_event(result)
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert event.start_date == date(2024, 3, 1) == event.end_date
    assert place_name(event) == "Djibo" and event.location_text == "Djibo"
    assert (event.country, event.admin1, event.geo_precision) == ("BF", "Sahel", 2)
    assert "VDP" in roles(event)  # the target; nobody claimed the device
    facts = claim_facts(event)
    assert ("killed", 11, None, "at_least", "des sources sécuritaires") in facts
    assert ("wounded", 4, 4, "exact", "une source sécuritaire") in facts
    assert not figures(event) & {15, 2022}  # "une quinzaine de kilomètres" is a distance


# ---------------------------------------------------------------- Niger: an attack claimed through a relay

NIGER_RELAYED = typeset("""NIAMEY (Reuters) – Des combattants jihadistes ont attaqué dans la nuit de mercredi à jeudi \
un poste de l’armée nigérienne près de Téra, dans la région de Tillabéri, a annoncé vendredi le ministère nigérien de \
la Défense.
Sept militaires ont été tués et douze autres blessés, selon le ministère, qui affirme que « plusieurs dizaines de \
terroristes » ont été neutralisés lors de la riposte.
L’État islamique au Grand Sahara (EIGS) a revendiqué l’attaque dans un communiqué relayé par SITE Intelligence Group, \
affirmant avoir tué 22 soldats et incendié quatre véhicules.
Téra se trouve dans la zone dite des « trois frontières », entre le Niger, le Mali et le Burkina Faso.""")
NIGER_RELAYED_PUBLISHED = date(2024, 5, 17)  # a Friday


def test_it_codes_a_night_attack_on_a_nigerien_post_near_tera_as_an_armed_clash():
    event = only_event(fr_parse(NIGER_RELAYED, NIGER_RELAYED_PUBLISHED))
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert (event.start_date, event.end_date) == (date(2024, 5, 15), date(2024, 5, 16))  # the statement is Friday's
    assert place_name(event) == "Téra" and event.location_text == "Téra"
    assert (event.country, event.admin1, event.geo_precision) == ("NE", "Tillabéri", 2)
    assert roles(event)["Islamic State Sahel Province"] == "side_a"
    assert roles(event)["Military Forces of Niger"] == "side_b"


def test_a_claim_relayed_by_site_belongs_to_the_group_that_made_it():
    result = fr_parse(NIGER_RELAYED, NIGER_RELAYED_PUBLISHED)
    event = only_event(result)
    claimed = [c for c in event.claims if c.kind == "killed" and c.count_min == 22]
    assert [(c.count_max, c.qualifier, claimant_of(c)) for c in claimed] == [
        (22, "exact", "Islamic State Sahel Province")
    ]
    assert claimed[0].subject is not None and claimed[0].subject.name == "Military Forces of Niger"
    assert not any("site" in folded(c.claimant_text) for c in event.claims)
    assert ("killed", 7, 7, "exact") in kinds_and_counts(event)
    assert ("wounded", 12, 12, "exact") in kinds_and_counts(event)
    assert ("killed", None, None, "vague") in kinds_and_counts(event)  # « plusieurs dizaines de terroristes »
    assert quotes_point_into(NIGER_RELAYED, result)


# ---------------------------------------------------------------- Chad: Boko Haram attacks an army position

CHAD = typeset("""N’DJAMENA, 19 mars (AFP) – Vingt-quatre soldats ont été tués vendredi dans une attaque de Boko Haram \
contre une position de l’armée tchadienne près de Bol, dans la province du Lac, a annoncé lundi soir l’armée dans un \
communiqué.
« Les assaillants ont subi de lourdes pertes », a affirmé le porte-parole de l’armée, le colonel Ahmat Brahim Saleh.
Quatre-vingt-dix jihadistes ont été neutralisés lors de la riposte, selon la même source.
Dix-neuf militaires blessés ont été évacués vers N’Djamena.
Le lac Tchad, aux confins du Tchad, du Nigeria, du Niger et du Cameroun, sert depuis des années de refuge aux \
combattants de Boko Haram.""")
CHAD_PUBLISHED = date(2024, 3, 19)  # a Tuesday: "vendredi" is 15 March


def test_it_codes_a_boko_haram_attack_on_a_chadian_position_near_bol_as_an_armed_clash():
    result = fr_parse(CHAD, CHAD_PUBLISHED)
    event = only_event(result)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.start_date == date(2024, 3, 15) == event.end_date
    assert place_name(event) == "Bol" and event.location_text == "Bol"
    assert (event.country, event.admin1, event.geo_precision) == ("TD", "Lac", 2)
    assert roles(event) == {"Boko Haram": "side_a", "Military Forces of Chad": "side_b"}
    facts = claim_facts(event)
    assert ("killed", 24, 24, "exact", "Military Forces of Chad") in facts
    assert ("killed", 90, 90, "exact", "Military Forces of Chad") in facts
    assert ("wounded", 19, 19, "exact") in kinds_and_counts(event)
    assert quotes_point_into(CHAD, result)


# ---------------------------------------------------------------- Cameroon: a kidnapping, and a paragraph of history

CAMEROON = typeset("""MAROUA, Cameroun – Onze personnes, dont des femmes et des enfants, ont été enlevées mardi soir \
par des hommes armés présentés comme des membres de Boko Haram dans le village de Koza, dans la région de \
l'Extrême-Nord, ont indiqué jeudi des sources locales.
Les ravisseurs, arrivés à pied depuis la frontière nigériane, ont emmené leurs otages en brousse, selon le chef du \
village.
Une unité du Bataillon d'intervention rapide (BIR) a été déployée dans la localité et des recherches sont en cours, a \
précisé une source sécuritaire.
En 2015, une attaque avait fait 20 morts dans la même localité.
Les enlèvements contre rançon se sont multipliés ces derniers mois dans la région.""")
CAMEROON_PUBLISHED = date(2024, 11, 7)  # a Thursday: "mardi soir" is 5 November


def test_it_codes_the_kidnapping_of_eleven_villagers_at_koza_as_an_abduction():
    result = fr_parse(CAMEROON, CAMEROON_PUBLISHED)
    event = only_event(result)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Abduction/forced disappearance")
    assert event.start_date == date(2024, 11, 5) == event.end_date
    assert place_name(event) == "Koza" and event.location_text == "Koza"  # not the dateline's Maroua
    assert (event.country, event.admin1, event.geo_precision) == ("CM", "Far North", 1)
    assert roles(event)["Boko Haram"] == "side_a"
    assert roles(event)["Civilians"] == "side_b"
    assert ("captured", 11, 11, "exact", "des sources locales") in claim_facts(event)
    assert quotes_point_into(CAMEROON, result)


def test_a_paragraph_of_history_in_a_recent_report_gives_no_event_and_no_claim_of_its_own():
    result = fr_parse(CAMEROON, CAMEROON_PUBLISHED)
    event = only_event(result)
    history = CAMEROON.index("En 2015")
    assert not any(start <= history < end for start, end in event.evidence)
    assert 20 not in figures(event)
    assert event.start_date.year == 2024


# ---------------------------------------------------------------- DR Congo: days of fighting around Rutshuru

DRC = typeset("""GOMA, RD Congo (AFP) – De violents combats ont opposé du 22 au 27 juillet les rebelles du M23 aux \
Forces armées de la République démocratique du Congo (FARDC) autour de Rutshuru, dans la province du Nord-Kivu, \
faisant des dizaines de morts, selon la société civile locale.
Plus de 50 blessés, civils et militaires, ont été admis à l’hôpital général de Rutshuru, a indiqué un médecin joint \
par téléphone.
Dans un message publié sur X, le porte-parole du M23 a affirmé que les rebelles avaient « repoussé toutes les attaques \
» de l’armée.
L’armée congolaise n’a pas communiqué de bilan.
Un millier d’habitants ont fui vers Goma, à environ 70 km au sud, selon des humanitaires.""")
DRC_PUBLISHED = date(2024, 7, 29)


def test_it_codes_six_days_of_m23_fardc_fighting_around_rutshuru_as_one_armed_clash():
    event = only_event(fr_parse(DRC, DRC_PUBLISHED))
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert (event.start_date, event.end_date) == (date(2024, 7, 22), date(2024, 7, 27))
    assert place_name(event) == "Rutshuru" and event.location_text == "Rutshuru"  # not the dateline's Goma
    assert (event.country, event.admin1) == ("CD", "North Kivu") and event.geo_precision in (1, 2)  # "autour de"
    sides = roles(event)
    assert {sides.get("M23"), sides.get("Military Forces of Democratic Republic of Congo")} == {"side_a", "side_b"}


# ---------------------------------------------------------------- Central African Republic: 3R raid villages

CAR = typeset(f"""BANGUI (AFP) – Entre 10 et 15 civils ont été tués lundi lors d'attaques menées par des rebelles des \
3R dans plusieurs villages autour de Bocaranga, dans le nord-ouest de la Centrafrique, ont indiqué mercredi des \
sources humanitaires.
Deux cents maisons ont été incendiées et le centre de santé pillé, selon un responsable local.
Les violences ont fait 1{NNBSP}200 déplacés, qui ont trouvé refuge à la mission catholique de Bocaranga, selon le \
Bureau de coordination des affaires humanitaires des Nations unies (Ocha).
Le groupe armé 3R est actif depuis 2015 dans l'Ouham-Pendé, près de la frontière avec le Cameroun.""")
CAR_PUBLISHED = date(2024, 2, 21)  # a Wednesday: "lundi" is 19 February


def test_it_codes_a_3r_raid_on_villages_around_bocaranga_as_an_attack_on_civilians():
    result = fr_parse(CAR, CAR_PUBLISHED)
    event = only_event(result)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.start_date == date(2024, 2, 19) == event.end_date
    assert place_name(event) == "Bocaranga" and event.location_text == "Bocaranga"
    assert (event.country, event.admin1, event.geo_precision) == ("CF", "Ouham-Pendé", 2)
    assert roles(event)["3R"] == "side_a"
    assert roles(event)["Civilians"] == "side_b"
    assert ("killed", 10, 15, "exact", "des sources humanitaires") in claim_facts(event)
    assert quotes_point_into(CAR, result)


def test_1_200_deplaces_is_a_displaced_claim_of_1200():
    event = only_event(fr_parse(CAR, CAR_PUBLISHED))
    displaced = [c for c in event.claims if c.kind == "displaced"]
    assert [(c.count_min, c.count_max, c.qualifier) for c in displaced] == [(1200, 1200, "exact")]
    assert 1 not in figures(event)  # the narrow no-break space is inside the figure


# ---------------------------------------------------------------- Haiti: police fire on a march

HAITI = typeset("""PORT-AU-PRINCE, 10 octobre (AFP) – Au moins trois manifestants ont été tués mercredi à \
Pétion-Ville, dans l'agglomération de la capitale, lorsque des agents de la police nationale d'Haïti ont tiré à balles \
réelles sur un cortège qui dénonçait la vie chère et l'insécurité, selon des témoins.
Plusieurs centaines de personnes s'étaient rassemblées dans la matinée pour réclamer la démission du gouvernement de \
transition.
Une dizaine d'autres manifestants ont été blessés, a indiqué un responsable de l'hôpital où ils ont été soignés.
Dans un communiqué, la PNH affirme que ses agents ont été « pris pour cible par des individus armés » infiltrés dans \
la foule.
Le pays est en proie depuis des années à la violence des gangs, qui contrôlent la majeure partie de la capitale.""")
HAITI_PUBLISHED = date(2024, 10, 10)  # a Thursday: "mercredi" is 9 October


def test_it_codes_police_shooting_marchers_in_petion_ville_as_excessive_force_against_protesters():
    result = fr_parse(HAITI, HAITI_PUBLISHED)
    event = only_event(result)
    assert (event.event_type, event.sub_event_type) == ("Protests", "Excessive force against protesters")
    assert event.start_date == date(2024, 10, 9) == event.end_date
    assert place_name(event) == "Pétion-Ville" and event.location_text == "Pétion-Ville"
    assert (event.country, event.admin1, event.geo_precision) == ("HT", "Ouest", 1)
    assert roles(event)["Protesters"] == "side_a"
    assert roles(event)["Police Forces of Haiti"] == "side_b"
    assert ("killed", 3, None, "at_least", "des témoins") in claim_facts(event)
    assert ("wounded", 10, 10, "approximately") in kinds_and_counts(event)
    assert quotes_point_into(HAITI, result)


# ---------------------------------------------------------------- the amounts French reports give

VAGUE_AND_QUALIFIED = [
    ("des dizaines de morts", DRC, DRC_PUBLISHED, ("killed", None, None, "vague")),
    ("une vingtaine de blessés", MALI_DRONE, MALI_DRONE_PUBLISHED, ("wounded", 20, 20, "approximately")),
    ("plus de 50 blessés", DRC, DRC_PUBLISHED, ("wounded", 50, None, "at_least")),
    ("au moins 19 civils", MALI_DRONE, MALI_DRONE_PUBLISHED, ("killed", 19, None, "at_least")),
    ("entre 10 et 15 civils", CAR, CAR_PUBLISHED, ("killed", 10, 15, "exact")),
]


def test_it_reads_vague_and_qualified_french_amounts():
    wrong = []
    for words, text, published, expected in VAGUE_AND_QUALIFIED:
        event = only_event(fr_parse(text, published))
        kind, low, high, _ = expected
        stated = {n for n in (low, high) if n is not None}
        # The same words are not read a second time another way ("entre 10 et 15" is not also 10 and 15).
        others = [
            c for c in event.claims if c.kind == kind and (c.kind, c.count_min, c.count_max, c.qualifier) != expected
        ]
        if expected not in kinds_and_counts(event) or any({c.count_min, c.count_max} & stated for c in others):
            wrong.append((words, sorted(kinds_and_counts(event), key=str)))
    assert not wrong


NUMBER_WORDS = [
    # (words, report, published, expected claim, figures a misreading would give)
    ("au moins onze", BURKINA_IED, BURKINA_IED_PUBLISHED, ("killed", 11, None, "at_least"), {1, 10}),
    ("vingt-quatre", CHAD, CHAD_PUBLISHED, ("killed", 24, 24, "exact"), {20, 4}),
    ("quatre-vingt-dix", CHAD, CHAD_PUBLISHED, ("killed", 90, 90, "exact"), {4, 20, 80, 10}),
    ("deux cents", CAR, CAR_PUBLISHED, ("destroyed", 200, 200, "exact"), {2, 100}),
    # "un millier" is a round "about a thousand", like "une vingtaine".
    ("un millier", DRC, DRC_PUBLISHED, ("displaced", 1000, 1000, "approximately"), {1, 70}),
]


def test_it_reads_french_number_words():
    wrong = []
    for words, text, published, expected, misreadings in NUMBER_WORDS:
        event = only_event(fr_parse(text, published))
        if expected not in kinds_and_counts(event) or figures(event) & misreadings:
            wrong.append((words, sorted(kinds_and_counts(event), key=str)))
    assert not wrong


# ---------------------------------------------------------------- reports that are not about a conflict event

HARVEST = typeset("""SÉGOU, Mali – La campagne agricole s’annonce prometteuse dans la région de Ségou, où les pluies \
ont été abondantes et régulières, a indiqué mardi la direction régionale de l’agriculture.
La production de riz devrait atteindre 1 200 000 tonnes, soit une hausse de 12 % par rapport à l’an dernier, malgré \
une attaque de chenilles légionnaires dans certains champs de Niono.
« Nous avons récolté deux fois plus que l’année passée ! », se réjouit un producteur, qui a engagé une dizaine de \
saisonniers.
Les agriculteurs redoutent toutefois une chute des prix sur les marchés et réclament des engrais subventionnés.
Le ministre du Développement rural a salué « une victoire des producteurs face aux aléas climatiques ».""")


def test_a_french_harvest_report_gives_no_event():
    no_event(fr_parse(HARVEST, date(2024, 10, 8)))


FOOTBALL = typeset("""Les Aigles du Mali ont battu les Étalons du Burkina Faso (2-0) samedi soir au stade du 26-Mars \
de Bamako, en match de qualification pour la Coupe d’Afrique des nations.
Dans une ambiance électrique, devant plus de 50 000 supporteurs, l’attaquant malien a ouvert le score d’une frappe \
puissante à la 23e minute, avant qu’un coup franc ne scelle la victoire en fin de match.
« Nous avons livré un vrai combat, mes joueurs ont tout donné », a déclaré le sélectionneur malien en conférence de \
presse.
Les Burkinabè, privés de trois titulaires blessés, n’ont jamais trouvé la faille dans la défense adverse.
Les deux équipes se retrouveront mardi à Ouagadougou pour le match retour.""")


def test_a_french_football_report_gives_no_event():
    no_event(fr_parse(FOOTBALL, date(2024, 9, 9)))
