"""Autovacuum settings for the tables every parsed report updates, on PostgreSQL only.

A report that matches a stored event rewrites that event's row (its summary, fields and updated_at, which is
indexed, so no update is HOT) and may replace its actor rows. The dead versions sit where the candidate search
looks: the recent dates of the regions being reported, in every index of the search's arms. PostgreSQL's
defaults leave them there: autovacuum waits for a fifth of the table to be dead (200,000 rows of a
million-event table), and when it runs it skips cleaning the indexes while dead rows are on under 2 % of the
table's pages, which a few hot stories never exceed. A bench run left 20,750 dead entries that way, and each
search walked them: 2,575 index pages for a place with no event at all, against 0.6 ms once cleaned
(bench/parse_throughput.py). So these tables are vacuumed after 1 % of their rows changed, indexes included.
"""

from django.db import migrations

TABLES = ("events_event", "events_eventactor")
SETTINGS = {"autovacuum_vacuum_scale_factor": "0.01", "vacuum_index_cleanup": "on"}


def apply_settings(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        settings = ", ".join(f"{name} = {value}" for name, value in SETTINGS.items())
        for table in TABLES:
            schema_editor.execute(f"ALTER TABLE {table} SET ({settings})")


def reset_settings(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(f"ALTER TABLE {table} RESET ({', '.join(SETTINGS)})")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0011_event_derivation"),
    ]

    operations = [
        migrations.RunPython(apply_settings, reset_settings, elidable=False),
    ]
