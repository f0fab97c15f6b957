from django.core.management.base import BaseCommand, CommandError

from sources.models import Article
from sources.services import article_requeue


class Command(BaseCommand):
    help = "Parse articles again (after the gazetteer or actor dictionary changed), replacing what they produced."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Article ids.")
        parser.add_argument("--all", action="store_true", help="Every article.")

    def handle(self, *args, ids: list[int], all: bool, **options):
        if bool(ids) == all:
            raise CommandError("Give article ids or --all (not both).")
        articles = Article.objects.all() if all else Article.objects.filter(id__in=ids)
        missing = sorted(set(ids) - set(articles.values_list("id", flat=True)))
        if missing:
            raise CommandError(f"No article with id {', '.join(map(str, missing))}.")
        count = 0
        for article in articles.only("id").iterator():
            article_requeue(article=article)
            count += 1
        self.stdout.write(f"Queued {count} article(s) for parsing.")
