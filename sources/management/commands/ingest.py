import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sources.extraction import ExtractionError
from sources.services import ArticleTooLarge, article_submit_file


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published-at {value!r} is not a date like 2024-07-28.") from None


class Command(BaseCommand):
    help = "Upload article files (.txt, .html, .pdf) from the terminal; each is parsed like a browser upload."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--published-at", type=iso_date, help="Publication date, YYYY-MM-DD.")
        parser.add_argument("--publisher", default="")
        parser.add_argument("--title", default="")

    def handle(self, *args, files: list[Path], published_at, publisher: str, title: str, **options):
        failures = 0
        for path in files:
            try:
                submission = article_submit_file(
                    filename=path.name,
                    content=path.read_bytes(),
                    content_type="",
                    uploaded_by=None,
                    title=title,
                    publisher=publisher,
                    published_at=published_at,
                )
            except (OSError, ExtractionError, ArticleTooLarge) as exc:
                failures += 1
                self.stderr.write(f"{path}: {exc}")
                continue
            article = submission.article
            article.refresh_from_db()
            verb = "added" if submission.created else "already there as"
            self.stdout.write(f"{path}: {verb} article {article.id} ({article.status})")
        if failures:
            raise CommandError(f"{failures} of {len(files)} file(s) could not be ingested.")
