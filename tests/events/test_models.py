import datetime

import pytest
from django.db import IntegrityError, transaction

from events.models import Claim, Event
from sources.models import Article, content_hash

pytestmark = pytest.mark.django_db


def make_article(text: str = "Fighting broke out near the town on Monday.") -> Article:
    return Article.objects.create(text=text, content_hash=content_hash(text))


def make_event(**fields) -> Event:
    defaults = dict(
        event_type="Battles",
        sub_event_type="Armed clash",
        start_date=datetime.date(2024, 7, 25),
        end_date=datetime.date(2024, 7, 27),
    )
    return Event.objects.create(**{**defaults, **fields})


def test_it_refuses_the_same_text_twice():
    make_article("Same words.")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article("Same words.")


def test_content_hash_ignores_trailing_whitespace_and_line_endings():
    assert content_hash("Line one.\r\nLine two.  \n") == content_hash("Line one.\nLine two.")
    assert content_hash("Line one.") != content_hash("Line two.")


def test_it_refuses_an_empty_article_text():
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(text="", content_hash=content_hash("x"))


def test_it_refuses_a_claim_whose_minimum_exceeds_its_maximum():
    article, event = make_article(), make_event()
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.create(event=event, article=article, kind="killed", count_min=10, count_max=2)


def test_it_accepts_open_ended_and_exact_claims():
    article, event = make_article(), make_event()
    Claim.objects.create(
        event=event, article=article, kind="killed", count_min=20, count_max=None, qualifier="at_least"
    )
    Claim.objects.create(event=event, article=article, kind="wounded", count_min=10, count_max=10)
    assert event.claims.count() == 2


def test_it_refuses_an_event_merged_into_itself():
    event = make_event()
    event.status, event.merged_into = Event.Status.MERGED, event
    with pytest.raises(IntegrityError), transaction.atomic():
        event.save(update_fields=["status", "merged_into"])


def test_a_merged_event_must_point_to_its_target():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(status=Event.Status.MERGED)
    target = make_event()
    merged = make_event(status=Event.Status.MERGED, merged_into=target)
    assert merged.merged_into == target


def test_it_refuses_an_event_that_ends_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(start_date=datetime.date(2024, 7, 27), end_date=datetime.date(2024, 7, 25))


def test_claim_count_text_reads_like_an_analyst_writes_it():
    assert Claim(count_min=20, count_max=None, qualifier="at_least").count_text == "≥20"
    assert Claim(count_min=20, count_max=20, qualifier="approximately").count_text == "~20"
    assert Claim(count_min=10, count_max=15).count_text == "10–15"
    assert Claim(qualifier="vague", quote="Dozens of fighters were killed, the army said.").count_text == "Dozens"
    assert Claim(qualifier="vague", quote="Il y a eu de lourdes pertes.").count_text == "lourdes pertes"
    assert Claim(qualifier="vague").count_text == "no figure given"
