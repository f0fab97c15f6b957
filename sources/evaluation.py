"""Scoring extraction against an analyst's gold coding (the format of shared/seeds/expected.json).

Plain functions over plain dicts, so the scoring itself is tested without a database.
"""

import datetime
import itertools
from dataclasses import dataclass

from sources.parsing.gazetteer import distance_km
from sources.parsing.normalize import normalize_name, sound_key

PLACE_TOLERANCE_KM = 25.0


@dataclass
class Score:
    matched: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 0.0

    def line(self, label: str) -> str:
        return (
            f"{label:<10} precision {self.precision:6.1%}  recall {self.recall:6.1%}  ({self.matched} matched, "
            f"{self.predicted} predicted, {self.expected} expected)"
        )


def _names_agree(predicted: dict, gold: str | None, aliases: dict[str, set[str]]) -> bool:
    """A claimant or subject agrees when it is the gold actor, or a described source containing the gold words."""
    if gold is None:
        return not predicted.get("actor")
    if predicted.get("actor") == gold:
        return True
    written = normalize_name(predicted.get("text") or "")
    wanted = {normalize_name(gold)} | {normalize_name(alias) for alias in aliases.get(gold, ())}
    return bool(written) and any(want and want in written for want in wanted)


def claim_matches(predicted: dict, gold: dict, aliases: dict[str, set[str]]) -> bool:
    return (
        predicted["kind"] == gold["kind"]
        and predicted["count_min"] == gold.get("count_min")
        and predicted["count_max"] == gold.get("count_max")
        and _names_agree(predicted["claimant"], gold.get("claimant"), aliases)
        and _names_agree(predicted["subject"], gold.get("subject"), aliases)
    )


def score_claims(
    predicted_by_article: dict[str, list[dict]], gold_claims: list[dict], aliases: dict[str, set[str]]
) -> Score:
    score = Score(predicted=sum(map(len, predicted_by_article.values())), expected=len(gold_claims))
    for article, golds in itertools.groupby(
        sorted(gold_claims, key=lambda c: c["article"]), key=lambda c: c["article"]
    ):
        unused = list(predicted_by_article.get(article, []))
        for gold in golds:
            hit = next((claim for claim in unused if claim_matches(claim, gold, aliases)), None)
            if hit is not None:
                unused.remove(hit)
                score.matched += 1
    return score


def date_correct(predicted: dict, gold_event: dict) -> bool:
    start, end = (datetime.date.fromisoformat(gold_event[key]) for key in ("start_date", "end_date"))
    return (
        start <= datetime.date.fromisoformat(predicted["start_date"])
        and datetime.date.fromisoformat(predicted["end_date"]) <= end
    )


def place_error_km(predicted: dict, gold_event: dict) -> float | None:
    if predicted.get("latitude") is None:
        return None
    location = gold_event["location"]
    return distance_km(predicted["latitude"], predicted["longitude"], location["latitude"], location["longitude"])


def place_correct(predicted: dict, gold_event: dict) -> bool:
    """Within the tolerance, or (for a village the gazetteer lacks) its region with the name kept unresolved."""
    error = place_error_km(predicted, gold_event)
    if error is not None and error <= PLACE_TOLERANCE_KM:
        return True
    location = gold_event["location"]
    same_region = normalize_name(location.get("admin1", "")) in normalize_name(
        predicted.get("admin1", "")
    ) and predicted.get("country") == location.get("country")
    return (
        same_region
        and bool(predicted.get("location_name"))
        and sound_key(predicted["location_name"]) == sound_key(location["name"])
    )


def merge_score(event_of_article: dict[str, set[int]], gold_events: list[dict]) -> Score:
    """Pairs of articles: do reports of one gold event share a predicted event, and only those?"""
    gold_pairs = {
        frozenset(pair) for event in gold_events for pair in itertools.combinations(sorted(event["articles"]), 2)
    }
    articles = sorted(event_of_article)
    predicted_pairs = {
        frozenset((a, b)) for a, b in itertools.combinations(articles, 2) if event_of_article[a] & event_of_article[b]
    }
    return Score(matched=len(gold_pairs & predicted_pairs), predicted=len(predicted_pairs), expected=len(gold_pairs))


def set_score(predicted: set, expected: set) -> Score:
    return Score(matched=len(predicted & expected), predicted=len(predicted), expected=len(expected))
