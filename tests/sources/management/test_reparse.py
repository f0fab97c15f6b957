import pytest
from django.core.management import call_command
from django.utils import timezone

from sources.models import Article, content_hash
from sources.parsing import PARSER_VERSION

pytestmark = pytest.mark.django_db


def make_article(text: str, *, parser_version: str, parsed: bool = True) -> Article:
    return Article.objects.create(
        text=text,
        content_hash=content_hash(text),
        status=Article.Status.PARSED if parsed else Article.Status.QUEUED,
        parser_version=parser_version,
        parsed_at=timezone.now() if parsed else None,
    )


def test_reparse_outdated_requeues_only_articles_parsed_by_an_older_parser(monkeypatch):
    queued = []
    monkeypatch.setattr(
        "sources.management.commands.reparse.article_requeue", lambda *, article: queued.append(article.id)
    )
    old = make_article("Rebels attacked Gao on Monday.", parser_version="0.9.0")
    make_article("Rebels attacked Kidal on Monday.", parser_version=PARSER_VERSION)
    make_article("Rebels attacked Tessalit on Monday.", parser_version="", parsed=False)
    call_command("reparse", "--outdated")
    assert queued == [old.id]


def test_reparse_takes_one_selection_only():
    with pytest.raises(Exception, match="one of them"):
        call_command("reparse", "--all", "--outdated")
