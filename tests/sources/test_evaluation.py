from sources.evaluation import Score, claim_matches, merge_score, place_correct, score_claims

ALIASES = {"Army of X": {"X army"}}
GOLD_EVENT = {
    "start_date": "2024-01-10",
    "end_date": "2024-01-12",
    "articles": ["a", "b", "c"],
    "location": {"name": "Villageton", "admin1": "North", "country": "XX", "latitude": 10.0, "longitude": 10.0},
}


def predicted(
    kind="killed", low=5, high=5, claimant="Army of X", claimant_text="", subject=None, subject_text="rebels"
):
    return {
        "kind": kind,
        "count_min": low,
        "count_max": high,
        "claimant": {"actor": claimant, "text": claimant_text},
        "subject": {"actor": subject, "text": subject_text},
    }


def test_a_claim_matches_on_kind_counts_claimant_and_subject():
    gold = {"article": "a", "kind": "killed", "count_min": 5, "count_max": 5, "claimant": "Army of X", "subject": None}
    assert claim_matches(predicted(), gold, ALIASES)
    assert not claim_matches(predicted(high=None), gold, ALIASES)
    assert not claim_matches(predicted(kind="wounded"), gold, ALIASES)


def test_a_described_source_matches_by_its_words():
    gold = {
        "article": "a",
        "kind": "killed",
        "count_min": 17,
        "count_max": None,
        "claimant": "local politician",
        "subject": None,
    }
    assert claim_matches(predicted(low=17, high=None, claimant=None, claimant_text="a local politician"), gold, ALIASES)


def test_claim_scores_count_each_prediction_once():
    gold = [
        {"article": "a", "kind": "killed", "count_min": 5, "count_max": 5, "claimant": "Army of X", "subject": None}
    ] * 2
    score = score_claims({"a": [predicted()]}, gold, ALIASES)
    assert (score.matched, score.predicted, score.expected) == (1, 1, 2)
    assert score.precision == 1.0 and score.recall == 0.5


def test_merging_is_scored_on_pairs_of_articles():
    score = merge_score({"a": {1}, "b": {1}, "c": {2}}, [GOLD_EVENT])
    assert (score.matched, score.predicted, score.expected) == (1, 1, 3)


def test_a_place_is_right_nearby_or_as_the_region_with_the_name_kept():
    assert place_correct({"latitude": 10.1, "longitude": 10.1}, GOLD_EVENT)
    region = {
        "latitude": 12.0,
        "longitude": 12.0,
        "admin1": "North Region",
        "country": "XX",
        "location_name": "Vilageton",
    }
    assert place_correct(region, GOLD_EVENT)
    assert not place_correct({**region, "location_name": ""}, GOLD_EVENT)


def test_an_empty_score_is_zero_not_an_error():
    assert Score().precision == 0.0 and Score().recall == 0.0
