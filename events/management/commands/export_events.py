import csv
import json

from django.core.management.base import BaseCommand

from events.exports import ACLED_COLUMNS, acled_row, event_document, event_feature, iter_in_chunks
from events.models import Event


class Command(BaseCommand):
    help = "Write events to standard output as JSON, GeoJSON or ACLED-style CSV."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "geojson", "csv"], default="json")
        parser.add_argument("--status", choices=[choice for choice, _ in Event.Status.choices], help="Only events with this status.")
        parser.add_argument("--country", help="Only events in this country (ISO2).")

    def handle(self, *args, format: str, status: str | None, country: str | None, **options):
        events = Event.objects.exclude(status=Event.Status.MERGED)
        if status:
            events = events.filter(status=status)
        if country:
            events = events.filter(country=country.upper())
        out = self.stdout
        if format == "csv":
            writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
            writer.writeheader()
            for event in iter_in_chunks(events):
                writer.writerow(acled_row(event))
            return
        # Streamed by hand so a large export never sits in memory whole.
        opening, closing = ('{"type": "FeatureCollection", "features": [', "]}") if format == "geojson" else ("[", "]")
        out.write(opening, ending="")
        for index, event in enumerate(iter_in_chunks(events)):
            document = event_feature(event) if format == "geojson" else event_document(event)
            out.write(("," if index else "") + "\n" + json.dumps(document, ensure_ascii=False), ending="")
        out.write("\n" + closing)
