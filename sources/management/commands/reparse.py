from django.core.management.base import BaseCommand, CommandError

from sources.models import Article
from sources.parsing import PARSER_VERSION
from sources.services import article_requeue


class Command(BaseCommand):
    help = "Parse articles again (after the gazetteer or actor dictionary changed), replacing what they produced."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Article ids.")
        parser.add_argument("--all", action="store_true", help="Every article.")
        parser.add_argument(
            "--outdated", action="store_true", help="Articles parsed by an older parser (their parser version differs)."
        )

    def handle(self, *args, ids: list[int], all: bool, outdated: bool, **options):
        if sum((bool(ids), all, outdated)) != 1:
            raise CommandError("Give article ids, --all or --outdated (one of them).")
        if all:
            articles = Article.objects.all()
        elif outdated:
            articles = Article.objects.filter(parsed_at__isnull=False).exclude(parser_version=PARSER_VERSION)
        else:
            articles = Article.objects.filter(id__in=ids)
        missing = sorted(set(ids) - set(articles.values_list("id", flat=True)))
        if missing:
            raise CommandError(f"No article with id {', '.join(map(str, missing))}.")
        count = 0
        for article in articles.only("id").iterator():
            article_requeue(article=article)
            count += 1
        self.stdout.write(f"Queued {count} article(s) for parsing.")
