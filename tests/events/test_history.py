"""The review log in words (events.history): what the event and review pages show as the history."""

import datetime
import re
from types import SimpleNamespace

from events.history import history_entries, sentence, value_text

AT = datetime.datetime(2024, 8, 1, 10, 42, tzinfo=datetime.UTC)
SNAKE_CASE = re.compile(r"\b[a-z]+_[a-z_]+\b")


def row(action, field="", old=None, new=None, *, user="rev", claim_id=None):
    return SimpleNamespace(
        created_at=AT,
        user=SimpleNamespace(get_username=lambda: user) if user else None,
        action=action,
        field=field,
        old_value=old,
        new_value=new,
        claim_id_ref=claim_id,
    )


def texts(rows) -> list[str]:
    return [entry.text for entry in history_entries(rows)]


def test_a_place_added_to_the_gazetteer_and_chosen_is_one_sentence_whichever_the_order():
    added = row("place_added", "place", None, {"id": 9, "name": "Tinzaouaten"})
    chosen = row("edit", "place", {"id": 236869, "name": "Kidal"}, {"id": 9, "name": "Tinzaouaten"})
    precision = row("edit", "geo_precision", 3, 1)
    expected = [
        "Place: Kidal → Tinzaouaten (added to the gazetteer)",
        "Location precision: 3 — region or larger area → 1 — the town itself",
    ]
    assert texts([added, chosen, precision]) == expected
    assert texts([precision, chosen, added]) == expected[::-1]


def test_actors_say_who_joined_left_or_changed_side():
    old = [["JNIM", "side_b"], ["Wagner Group", "side_b"]]
    new = [["CSP-DPA", "side_a"], ["JNIM", "side_a"]]
    assert (
        sentence("edit", "actors", old, new)
        == "Actors: + CSP-DPA (side A); − Wagner Group (side B); JNIM: side B → side A"
    )


def test_figures_statuses_and_claims_read_as_words():
    assert sentence("edit", "fatalities_best", None, 15) == "Best fatality estimate: — → 15"
    assert sentence("approved", "status", "draft", "approved") == "Approved (was draft)"
    assert sentence("rejected", "status", "approved", "rejected") == "Rejected (was approved)"
    assert sentence("merge", "merged_from", None, 12) == "Event #12 merged into this one"
    assert sentence("split", "articles", None, [3, 4]) == "Split: article #3, article #4 moved to a new event"
    created = {
        "claimant": 5,
        "claimant_text": "a witness",
        "kind": "killed_or_captured",
        "count_min": 3,
        "count_max": None,
        "qualifier": "at_least",
        "subject_text": "soldiers",
        "quote": "at least 3",
        "article": 2,
    }
    assert (
        sentence("claim_create", "", None, created, 7)
        == "Claim #7 added: killed or captured at least 3 (soldiers), claimed by a witness"
    )
    assert sentence("claim_edit", "qualifier", "exact", "at_least", 7) == "Claim #7 — Qualifier: exact → at least"
    assert sentence("claim_edit", "claimant", 5, 6, 7) == "Claim #7 — Claimant: actor #5 → actor #6"
    assert sentence("edit", "start_date", "2024-07-25", "2024-07-26") == "Start date: 2024-07-25 → 2024-07-26"


def test_no_entry_ever_shows_a_repr_or_a_field_name():
    rows = [
        row("edit", field, old, new)
        for field, old, new in [
            ("place", {"id": 1, "name": "Kidal"}, {"id": 2, "name": "Gao"}),
            ("geo_precision", 1, 2),
            ("fatalities_best", 3, None),
            ("location_name", "", "Tin Zaouaten"),
            ("sub_event_type", "Armed clash", "Attack"),
            ("admin1", "Kidal", "Gao"),
            ("latitude", 19.9512345, 20.0),
            ("date_precision", "day", "week"),
            ("some_new_field", {"a_key": [1, 2]}, ["x", "y"]),
        ]
    ] + [
        row(
            "claim_delete",
            claim_id=3,
            old={"kind": "killed", "count_min": 4, "count_max": 4, "claimant": "JNIM", "quote": "…"},
        ),
        row("a_future_action", "status", "draft", "approved", user=None),
    ]
    for text in texts(rows):
        assert not set(text) & set("{}[]'"), text
        assert not SNAKE_CASE.search(text), text
    assert history_entries(rows)[-1].who == "(deleted user)"


def test_the_apis_history_documents_read_the_same():
    document = {
        "user": "rev",
        "at": AT.isoformat(),
        "action": "edit",
        "field": "fatalities_best",
        "old": None,
        "new": 15,
        "claim_id": None,
    }
    [entry] = history_entries([document])
    assert (entry.who, entry.at, entry.text) == ("rev", AT.isoformat(), "Best fatality estimate: — → 15")


def test_long_values_are_cut():
    assert value_text("x" * 500).endswith("…") and len(value_text("x" * 500)) == 120
