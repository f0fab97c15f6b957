"""GiST indexes for the candidate search (events.candidates), on PostgreSQL only.

The search asks for the events whose date range overlaps a report's window and whose place agrees with the
report's in one of four ways (its arms). A B-tree on start_date bounds one side of the window only and reads
every earlier event; a GiST index of the date range answers the overlap, and one per arm, with that arm's
place columns, keeps the rows read to the few that can match however many events are stored. btree_gist
lets plain columns (place, country, region) share an index with the range. These are expression indexes
SQLite has no equivalent of, so they are created here rather than in Event.Meta.indexes; on SQLite the
search uses the B-tree indexes. events.candidates spells the expressions the same way (_DATES, _POINT).
"""

from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations

DATES = "daterange(start_date, end_date, '[]')"
INDEXES = {
    "events_event_place_dates": f"(place_id, {DATES})",
    "events_event_point_dates": f"(point(longitude, latitude), {DATES})",
    "events_event_region_dates": f"(country, admin1, {DATES})",
    "events_event_unresolved_dates": f"({DATES}) WHERE location_name <> ''",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON events_event USING gist {definition}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0009_associated_side_label"),
    ]

    operations = [
        BtreeGistExtension(),
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
