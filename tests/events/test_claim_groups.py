"""The claims table's grouping: one row per claimant across articles, vague amounts as written."""

from types import SimpleNamespace as NS

from events.claim_groups import group_claims, vague_words
from events.models import Claim

JNIM, FAMA = NS(name="JNIM"), NS(name="Military Forces of Mali")
REUTERS = NS(id=1, publisher="Reuters")
AP = NS(id=2, publisher="AP")
ARTICLES = {1: REUTERS, 2: AP}


def claim(article_id, claimant, kind="killed", count=None, quote="", qualifier="exact", claimant_text="", **more):
    made = Claim(
        article_id=article_id,
        kind=kind,
        count_min=count,
        count_max=count,
        quote=quote,
        qualifier=qualifier,
        claimant_text=claimant_text or (claimant.name if claimant else ""),
        **more,
    )
    made.claimant_id = id(claimant) if claimant else None
    made._state.fields_cache["claimant"] = claimant
    made._state.fields_cache["subject"] = None
    return made


def test_one_row_per_claimant_across_articles_with_the_outlet_of_each_figure():
    claims = [
        claim(1, JNIM, count=30, quote="JNIM said it killed 30 soldiers."),
        claim(1, FAMA, count=12, quote="The army said 12 attackers were killed."),
        claim(2, JNIM, count=40, quote="JNIM claimed 40 dead."),
        claim(2, JNIM, kind="captured", count=3, quote="JNIM claimed 40 dead."),
    ]
    rows = group_claims(claims, ARTICLES)
    assert [row["claimant"] for row in rows] == ["JNIM", "Military Forces of Mali"]
    jnim = dict(rows[0]["figures"])
    assert [(f["text"], f["outlets"]) for f in jnim["killed"]] == [("30", ["Reuters"]), ("40", ["AP"])]
    assert [f["text"] for f in jnim["captured"]] == ["3"] and jnim["wounded"] == []
    assert rows[0]["outlets"] == ["Reuters", "AP"]
    assert rows[0]["quotes"] == [("Reuters", "JNIM said it killed 30 soldiers."), ("AP", "JNIM claimed 40 dead.")]


def test_vague_amounts_show_the_words_the_article_used():
    claims = [
        claim(1, None, quote="Dozens of civilians were killed.", qualifier="vague", claimant_text="residents"),
        claim(2, FAMA, kind="other", quote="The army inflicted heavy losses on the attackers.", qualifier="vague"),
    ]
    residents, army = group_claims(claims, ARTICLES)
    assert dict(residents["figures"])["killed"][0]["text"] == "Dozens" and residents["claimant"] == "residents"
    assert army["other"][0]["text"] == "heavy losses"
    assert vague_words("Les assaillants ont subi de lourdes pertes.") == "lourdes pertes"
    assert vague_words("Il y a eu des pertes lourdes.") == "pertes lourdes"
    assert vague_words("Twelve were killed.") == ""


def test_a_figure_repeated_by_several_outlets_is_one_line_naming_them_in_order_of_first_appearance():
    claims = [
        claim(1, JNIM, count=100, quote="JNIM said it killed 100."),
        claim(2, JNIM, count=50, quote="JNIM said 50 died."),
        claim(2, JNIM, count=100, quote="JNIM also said 100."),
        claim(1, JNIM, count=100, quote="JNIM repeated 100."),
    ]
    (row,) = group_claims(claims, ARTICLES)
    killed = dict(row["figures"])["killed"]
    assert [(f["text"], f["outlets"]) for f in killed] == [("100", ["Reuters", "AP"]), ("50", ["AP"])]


def test_claimants_as_written_join_their_actors_row():
    claims = [claim(1, JNIM, count=5), claim(2, JNIM, count=6, claimant_text="the jihadists of JNIM")]
    (row,) = group_claims(claims, ARTICLES)
    assert row["as_written"] == ["the jihadists of JNIM"] and len(dict(row["figures"])["killed"]) == 2
