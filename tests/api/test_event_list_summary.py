"""Lists carry each event's claims in brief, whatever its claims' quotes; one event's answer has every claim.

A list page's size is bounded by its page size, not by what the reports quote: a summary per
event (how many claims, per kind the lowest and highest figure, who claims) and no quote.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.selectors import SUMMARY_CLAIMANTS
from tests.api.helpers import make_actor, make_article, make_event

pytestmark = pytest.mark.django_db
URL = "/api/v1/events/"
MEGABYTE = 1_000_000


def listed(client, event_id: int, **params) -> dict:
    body = client.get(URL, {"page_size": 500, **params}).json()
    if params.get("format") == "geojson":
        return next(feature["properties"] for feature in body["features"] if feature["id"] == event_id)
    return next(item for item in body["results"] if item["id"] == event_id)


def keys_anywhere(document) -> set[str]:
    if isinstance(document, dict):
        return set(document) | {key for value in document.values() for key in keys_anywhere(value)}
    if isinstance(document, list):
        return {key for value in document for key in keys_anywhere(value)}
    return set()


def summary_of(claims: list[dict]) -> dict:
    """What the summary must say, worked out claim by claim from the detail's claims."""
    from events.models import Claim

    by_kind = {}
    for claim in claims:
        entry = by_kind.setdefault(claim["kind"], {"kind": claim["kind"], "count": 0, "figures": [], "open": False})
        entry["count"] += 1
        entry["figures"] += [n for n in (claim["count_min"], claim["count_max"]) if n is not None]
        entry["open"] |= claim["count_min"] is not None and claim["count_max"] is None
    claimants = {}
    for claim in claims:
        if name := claim["claimant"]["name"]:
            known = claimants.setdefault(name.lower(), [0, name])
            known[0], known[1] = known[0] + 1, min(known[1], name)
    ranked = sorted(claimants.values(), key=lambda item: (-item[0], item[1]))
    return {
        "count": len(claims),
        "by_kind": [
            {
                "kind": kind,
                "count": entry["count"],
                "low": min(entry["figures"], default=None),
                "high": max(entry["figures"], default=None),
                "open_ended": entry["open"],
            }
            for kind in Claim.Kind.values
            if (entry := by_kind.get(kind))
        ],
        "claimants": [name for _, name in ranked[:SUMMARY_CLAIMANTS]],
        "claimant_count": len(ranked),
    }


@pytest.fixture
def disputed(world):
    """An event whose sources disagree on several kinds of figure, with more claimants than a summary names."""
    article = make_article(publisher="AFP")
    figure = {"kind": "killed", "count_min": 12, "count_max": 12, "quote": "Twelve were killed.", "article": article}
    return make_event(
        articles=[article, world.first],
        claims=[
            {**figure, "claimant": world.army, "claimant_text": "the army"},
            {**figure, "claimant": world.army, "claimant_text": "FAMa", "count_min": 30, "count_max": 50},
            {
                **figure,
                "claimant_text": "a local official",
                "count_min": 40,
                "count_max": None,
                "qualifier": "at_least",
            },
            {
                **figure,
                "claimant_text": "A Local Official",
                "kind": "wounded",
                "count_min": None,
                "count_max": 30,
                "qualifier": "up_to",
            },
            {
                **figure,
                "claimant": world.jnim,
                "claimant_text": "JNIM",
                "kind": "wounded",
                "count_min": None,
                "count_max": None,
                "qualifier": "vague",
            },
            {**figure, "claimant_text": "a medic", "kind": "displaced", "count_min": 2000, "count_max": 5000},
            {**figure, "claimant_text": "a nurse", "kind": "missing", "count_min": 3, "count_max": None},
            {**figure, "claimant_text": "a witness", "kind": "killed_or_captured", "count_min": 7, "count_max": None},
            {**figure, "claimant_text": "jnim", "kind": "captured", "count_min": 2, "count_max": 2},
            {**figure, "claimant_text": "", "kind": "killed", "count_min": 15, "count_max": 15},
        ],
    )


# ---------------------------------------------------------------- what a list shows of the claims


def test_a_listed_event_carries_the_conflicting_figures_in_its_claims_summary_and_no_quote(member, world):
    for params in ({}, {"format": "geojson"}):
        event = listed(member, world.approved.id, **params)
        assert event["claims_summary"] == {
            "count": 2,
            "by_kind": [{"kind": "killed", "count": 2, "low": 10, "high": 20, "open_ended": True}],
            "claimants": ["JNIM", "Military Forces of Mali"],
            "claimant_count": 2,
        }
        assert "claims" not in event and "quote" not in keys_anywhere(event)


def test_the_summary_gives_each_kind_in_the_vocabularys_order_and_names_a_handful_of_claimants(analyst, disputed):
    summary = listed(analyst, disputed.id)["claims_summary"]
    assert summary["count"] == 10
    assert summary["by_kind"] == [
        {"kind": "killed", "count": 4, "low": 12, "high": 50, "open_ended": True},
        {"kind": "wounded", "count": 2, "low": 30, "high": 30, "open_ended": False},  # "up to 30", and "dozens"
        {"kind": "captured", "count": 1, "low": 2, "high": 2, "open_ended": False},
        {"kind": "killed_or_captured", "count": 1, "low": 7, "high": 7, "open_ended": True},
        {"kind": "missing", "count": 1, "low": 3, "high": 3, "open_ended": True},
        {"kind": "displaced", "count": 1, "low": 2000, "high": 5000, "open_ended": False},
    ]
    # One claimant per name whatever its case (the army under both its spellings is its canonical name, "jnim"
    # as written is JNIM); the unattributed figure is a claim, not a claimant.
    assert summary["claimant_count"] == 6
    assert summary["claimants"] == ["A Local Official", "JNIM", "Military Forces of Mali", "a medic", "a nurse"]
    assert len(summary["claimants"]) == SUMMARY_CLAIMANTS


def test_an_event_without_claims_has_an_empty_summary(analyst, world):
    assert listed(analyst, world.draft.id)["claims_summary"] == {
        "count": 0,
        "by_kind": [],
        "claimants": [],
        "claimant_count": 0,
    }


def test_the_list_summary_agrees_with_the_claims_the_detail_gives(analyst, world, disputed):
    for event in analyst.get(URL, {"page_size": 500}).json()["results"]:
        detail = analyst.get(f"{URL}{event['id']}/").json()
        assert event["claims_summary"] == summary_of(detail["claims"]), event["id"]


# ---------------------------------------------------------------- bounded sizes


def test_a_one_megabyte_quote_does_not_inflate_a_list_page(analyst, world):
    quote = "x" * MEGABYTE
    event = make_event(claims=[{"claimant_text": "a spokesman", "kind": "killed", "count_min": 4, "quote": quote}])
    with CaptureQueriesContext(connection) as queries:
        pages = [analyst.get(URL, {"page_size": 500}), analyst.get(URL, {"page_size": 500, "format": "geojson"})]
    for page in pages:
        assert page.status_code == 200 and len(page.content) < 20_000 and quote not in page.content.decode()
    assert not any('"quote"' in query["sql"] for query in queries.captured_queries), "the list read the quotes"
    assert listed(analyst, event.id)["claims_summary"]["by_kind"][0] == {
        "kind": "killed",
        "count": 1,
        "low": 4,
        "high": 4,
        "open_ended": True,
    }
    assert analyst.get(f"{URL}{event.id}/").json()["claims"][0]["quote"] == quote


def test_the_detail_still_gives_every_claim_with_its_quote_and_offsets(analyst, world):
    claims = analyst.get(f"{URL}{world.approved.id}/").json()["claims"]
    assert [(claim["claimant"]["name"], claim["count_min"], claim["count_max"]) for claim in claims] == [
        ("JNIM", 10, 10),
        ("Military Forces of Mali", 20, None),
    ]
    assert all(claim["quote"] == "JNIM said it killed 10 soldiers." and claim["char_end"] == 31 for claim in claims)
    assert "claims_summary" not in analyst.get(f"{URL}{world.approved.id}/").json()


@pytest.mark.parametrize("format", ["json", "geojson"])
def test_a_list_pages_queries_do_not_grow_with_its_size(analyst, format):
    from events.models import Event

    article = make_article()
    for number in range(30):
        make_event(
            articles=[article],
            actors=[(make_actor(f"Side A {number}"), "side_a"), (make_actor(f"Side B {number}"), "side_b")],
            claims=[
                {"claimant": make_actor(f"Claimant {number}-{n}"), "kind": kind, "count_min": n, "quote": "q"}
                for n, kind in enumerate(["killed", "wounded", "killed", "displaced"], start=1)
            ],
        )

    def queries(size: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            body = analyst.get(URL, {"page_size": size, "format": format}).json()
        pages = body["results"] if format == "json" else [item["properties"] for item in body["features"]]
        assert len(pages) == size and all(page["claims_summary"]["count"] == 4 for page in pages)
        return len(captured.captured_queries)

    assert Event.objects.count() == 30
    assert queries(2) == queries(30)
