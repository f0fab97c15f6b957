"""manage.py export_events: the API's event list, whole, on standard output.

It takes the API's filters (events.api.filters.EventQuerySerializer: the same names, values and checks as
GET /api/v1/events/) and reads what the API reads: documents from the one reader (events.selectors), and for
CSV the API's streamed ACLED rows. It sees what an analyst sees: drafts, approved and rejected events.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from events import selectors
from events.api.filters import EventQuerySerializer
from events.api.renderers import acled_csv_chunks
from events.exports import event_feature

# The list's own parameters that are not filters: an export is every matching row, in id order.
NOT_FILTERS = {"cursor", "page_size", "ordering"}


def filter_names() -> list[str]:
    return [name for name in EventQuerySerializer().fields if name not in NOT_FILTERS]


class Command(BaseCommand):
    help = "Write events to standard output as JSON, GeoJSON or ACLED-style CSV, filtered as the API filters."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "geojson", "csv"], default="json")
        fields = EventQuerySerializer().fields
        for name in filter_names():
            parser.add_argument(f"--{name.replace('_', '-')}", dest=name, help=fields[name].help_text or None)

    def handle(self, *args, format: str, **options):
        query = EventQuerySerializer(data={name: options[name] for name in filter_names() if options[name] is not None})
        if not query.is_valid():
            problems = [
                f"--{name.replace('_', '-')}: {' '.join(map(str, errors))}" for name, errors in query.errors.items()
            ]
            raise CommandError("; ".join(problems))
        filters, out = query.validated_data["filters"], self.stdout
        if format == "csv":
            rows = selectors.event_export_rows(user=selectors.COMMAND_LINE, filters=filters)
            for chunk in acled_csv_chunks(rows):
                out.write(chunk.decode("utf-8"), ending="")
            return
        # Streamed document by document, so a large export never sits in memory whole.
        opening, closing = ('{"type": "FeatureCollection", "features": [', "]}") if format == "geojson" else ("[", "]")
        out.write(opening, ending="")
        documents = selectors.export_documents(user=selectors.COMMAND_LINE, filters=filters)
        for index, document in enumerate(documents):
            document = event_feature(document) if format == "geojson" else document
            out.write(("," if index else "") + "\n" + json.dumps(document, ensure_ascii=False), ending="")
        out.write("\n" + closing)
