"""Database chores shared by the loaders."""

from django.db import connection, models


def analyze_tables(*model_classes: type[models.Model]) -> None:
    """Refresh the planner's statistics after a bulk load. Without them a fresh deployment (autovacuum not yet
    run, or behind after a big import) plans the per-article name lookup as a sequential scan: 20x slower."""
    tables = [connection.ops.quote_name(model._meta.db_table) for model in model_classes]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {table}")
