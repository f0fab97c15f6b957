"""Acceptance on the seed reports, through the database: upload, parse, merge (skipped without ../shared/seeds)."""

import datetime
import json

import pytest

from events.ingestion import article_parse
from events.models import Event
from sources.evaluation import place_correct, score_claims
from sources.models import Article
from sources.services import article_submit_file

pytestmark = [pytest.mark.slow, pytest.mark.django_db]
BATTLE_ACTORS = {"Military Forces of Mali", "Wagner Group", "CSP-DPA", "JNIM"}


@pytest.fixture
def expected(seeds_dir):
    return json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def parsed_seeds(full_gazetteer, seeds_dir, expected, monkeypatch):
    monkeypatch.setattr("sources.services.enqueue_parse", lambda article_id: None)
    articles = {}
    for name, meta in expected["articles"].items():
        submission = article_submit_file(
            filename=name,
            content=(seeds_dir / name).read_bytes(),
            content_type="text/plain",
            uploaded_by=None,
            publisher=meta["publisher"],
            published_at=datetime.date.fromisoformat(meta["published_at"]),
        )
        article_parse(article_id=submission.article.id)
        articles[name] = Article.objects.get(id=submission.article.id)
    return articles


def test_all_five_reports_attach_to_the_battle(parsed_seeds, expected):
    assert all(article.status == "parsed" for article in parsed_seeds.values())
    events = Event.objects.filter(reports__article__in=parsed_seeds.values()).distinct()
    assert events.count() == 1
    event = events.get()
    assert event.reports.count() == 5
    assert datetime.date(2024, 7, 25) <= event.start_date <= event.end_date <= datetime.date(2024, 7, 27)
    footprint = {
        "latitude": event.latitude,
        "longitude": event.longitude,
        "admin1": event.admin1,
        "country": event.country,
        "location_name": event.location_name,
    }
    assert place_correct(footprint, expected["events"][0])
    assert set(event.event_actors.values_list("actor__name", flat=True)) >= BATTLE_ACTORS
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


def test_the_claims_come_out_attributed(parsed_seeds, expected):
    predicted = {
        name: [
            {
                "kind": claim.kind,
                "count_min": claim.count_min,
                "count_max": claim.count_max,
                "claimant": {"actor": claim.claimant.name if claim.claimant else None, "text": claim.claimant_text},
                "subject": {"actor": claim.subject.name if claim.subject else None, "text": claim.subject_text},
            }
            for claim in article.claims.select_related("claimant", "subject")
        ]
        for name, article in parsed_seeds.items()
    }
    aliases = {name: set(actor["aliases"]) for name, actor in expected["actors"].items()}
    assert score_claims(predicted, expected["claims"], aliases).matched >= 14
    for article in parsed_seeds.values():
        for claim in article.claims.all():
            assert article.text[claim.char_start : claim.char_end] == claim.quote
            for count in {claim.count_min, claim.count_max} - {None}:
                assert str(count) in claim.quote or count <= 100, "a figure must come from the text"


def test_the_fatality_estimate_follows_the_conservative_rule(parsed_seeds):
    event = Event.objects.filter(reports__article__in=parsed_seeds.values()).distinct().get()
    assert event.fatalities_low is not None and event.fatalities_best == event.fatalities_low <= event.fatalities_high


def test_parsing_the_seeds_again_changes_nothing(parsed_seeds):
    from events.models import Claim

    before = (Event.objects.count(), Claim.objects.count())
    for article in parsed_seeds.values():
        Article.objects.filter(id=article.id).update(status="queued")
        article_parse(article_id=article.id)
    assert (Event.objects.count(), Claim.objects.count()) == before
