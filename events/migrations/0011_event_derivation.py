"""Event.derivation: the summary of an event's reports (events.consensus.ReportSummary), backfilled here.

Attaching a report to an untouched draft folds that report into the stored summary instead of reading all
the event's reports again, so every existing event gets the summary of its reports, folded in report (id)
order as a full re-derivation does. Events are read in batches of ids, their reports one query per batch.
"""

from django.db import migrations, models

from events.consensus import ReportSummary

BATCH = 500


def _summaries(EventReport, event_ids: list[int]) -> dict[int, dict]:
    """event id -> its reports' summary, for one batch of events."""
    summaries = {event_id: ReportSummary.empty() for event_id in event_ids}
    reports = EventReport.objects.filter(event_id__in=event_ids).order_by("event_id", "id")
    for event_id, parsed in reports.values_list("event_id", "parsed").iterator(chunk_size=2000):
        summaries[event_id].add(parsed)
    return {event_id: summary.to_json() for event_id, summary in summaries.items()}


def backfill(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    EventReport = apps.get_model("events", "EventReport")
    after = 0
    while True:
        ids = list(Event.objects.filter(id__gt=after).order_by("id").values_list("id", flat=True)[:BATCH])
        if not ids:
            return
        summaries = _summaries(EventReport, ids)
        events = [Event(id=event_id, derivation=summary) for event_id, summary in summaries.items()]
        Event.objects.bulk_update(events, ["derivation"])
        after = ids[-1]


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0010_event_country_dates_gist"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="derivation",
            field=models.JSONField(
                blank=True,
                default=dict,
                editable=False,
                help_text="The summary of the reports a draft's fields are derived from "
                "(events.consensus.ReportSummary), so attaching a report folds in that report alone.",
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True),
    ]
