import datetime
import json
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from events.ingestion import article_parse
from events.models import Claim, Event
from sources.evaluation import Score, date_correct, merge_score, place_correct, place_error_km, score_claims, set_score
from sources.models import Article
from sources.services import article_submit_file


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Ingest a folder of reports into a fresh database and print precision and recall against a gold file "
        "(the format of shared/seeds/expected.json). Runs in a transaction that is rolled back: data is untouched."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument("gold", type=Path)

    def handle(self, *args, folder: Path, gold: Path, **options):
        try:
            expected = json.loads(gold.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"Cannot read gold file {gold}: {exc}") from None
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder.")
        # The dictionaries are kept (they are not evaluation data); everything else is rolled back.
        call_command("load_gazetteer", "--if-empty", verbosity=0)
        call_command("load_actors", verbosity=0)
        try:
            with transaction.atomic():
                self._evaluate(folder, expected)
                raise Rollback
        except Rollback:
            pass

    def _evaluate(self, folder: Path, expected: dict) -> None:
        # A fresh database: no events or articles, the gazetteer and dictionary as they are.
        Claim.objects.all().delete()
        Event.objects.filter(merged_into__isnull=False).delete()
        Event.objects.all().delete()
        Article.objects.all().delete()
        articles = self._ingest(folder, expected.get("articles", {}))
        self._report(articles, expected)

    def _ingest(self, folder: Path, metadata: dict) -> dict[str, Article]:
        articles = {}
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in {".txt", ".html", ".htm", ".pdf"}:
                continue
            meta = metadata.get(path.name, {})
            published = datetime.date.fromisoformat(meta["published_at"]) if meta.get("published_at") else None
            submission = article_submit_file(
                filename=path.name,
                content=path.read_bytes(),
                content_type="",
                uploaded_by=None,
                publisher=meta.get("publisher", ""),
                published_at=published,
            )
            article_parse(article_id=submission.article.id)  # on_commit never fires in here: parse now
            articles[path.name] = Article.objects.get(id=submission.article.id)
        return articles

    def _report(self, articles: dict[str, Article], expected: dict) -> None:
        aliases = {name: set(actor.get("aliases", [])) for name, actor in expected.get("actors", {}).items()}
        gold_events = expected.get("events", [])
        events_of = {
            name: set(article.event_reports.values_list("event_id", flat=True)) for name, article in articles.items()
        }
        predicted_events = list(Event.objects.filter(reports__article__in=articles.values()).distinct())
        self.stdout.write(
            f"{len(articles)} articles, {len(predicted_events)} events predicted, {len(gold_events)} expected."
        )
        dates, places, actors = Score(), Score(), Score()
        for gold_event in gold_events:
            mine = [event for event in predicted_events if events_of_any(events_of, gold_event["articles"], event.id)]
            for event in mine:
                document = _footprint(event)
                dates.predicted += 1
                dates.matched += date_correct(document, gold_event)
                places.predicted += 1
                places.matched += place_correct(document, gold_event)
                error = place_error_km(document, gold_event)
                self.stdout.write(
                    f"  event {event.id}: {event.start_date}..{event.end_date} ({event.date_precision}), "
                    f"{document['location_name'] or (event.place.name if event.place else '?')} {event.admin1} "
                    f"{event.country}, "
                    f"{f'{error:.0f} km from gold' if error is not None else 'no point'}, "
                    f"{event.event_type}/{event.sub_event_type}"
                )
            dates.expected += 1
            places.expected += 1
            names = {item.actor.name for event in mine for item in event.event_actors.select_related("actor")}
            found = set_score(names, set(gold_event.get("actors", [])))
            actors.matched += found.matched
            actors.predicted += found.predicted
            actors.expected += found.expected
        claims = score_claims(_claims_by_article(articles), expected.get("claims", []), aliases)
        for label, score in [
            ("dates", dates),
            ("places", places),
            ("actors", actors),
            ("claims", claims),
            ("merging", merge_score(events_of, gold_events)),
        ]:
            self.stdout.write(score.line(label))


def events_of_any(events_of: dict[str, set[int]], names: list[str], event_id: int) -> bool:
    return any(event_id in events_of.get(name, set()) for name in names)


def _footprint(event: Event) -> dict:
    return {
        "start_date": event.start_date.isoformat(),
        "end_date": event.end_date.isoformat(),
        "latitude": event.latitude,
        "longitude": event.longitude,
        "admin1": event.admin1,
        "country": event.country,
        "location_name": event.location_name,
    }


def _claims_by_article(articles: dict[str, Article]) -> dict[str, list[dict]]:
    result = {}
    for name, article in articles.items():
        result[name] = [
            {
                "kind": claim.kind,
                "count_min": claim.count_min,
                "count_max": claim.count_max,
                "claimant": {"actor": claim.claimant.name if claim.claimant else None, "text": claim.claimant_text},
                "subject": {"actor": claim.subject.name if claim.subject else None, "text": claim.subject_text},
            }
            for claim in article.claims.select_related("claimant", "subject")
        ]
    return result
