"""Database chores shared by the loaders and the parse task."""

import datetime
import decimal
import json
import uuid

from django.db import connection, models


def analyze_tables(*model_classes: type[models.Model]) -> None:
    """Refresh the planner's statistics after a bulk load. Without them a fresh deployment (autovacuum not yet
    run, or behind after a big import) plans the per-article name lookup as a sequential scan: 20x slower."""
    tables = [connection.ops.quote_name(model._meta.db_table) for model in model_classes]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {table}")


def one_of(expression: str, values) -> tuple[str, list]:
    """SQL for ``expression`` equal to one of ``values``, with its parameters: one array parameter on PostgreSQL
    (the driver quotes a hundred separate ones in Python, a third of the parser's name lookup once), else IN."""
    values = list(values)
    if connection.vendor == "postgresql":
        return f"{expression} = ANY(%s)", [values]
    return f"{expression} IN ({', '.join(['%s'] * len(values))})", values


def update_row(model: type[models.Model], pk, values: dict, *, condition: tuple[str, list] = ("", [])) -> int:
    """``model.objects.filter(pk=pk).update(**values)`` with an SQL ``condition`` besides, as one hand-built UPDATE
    (the ORM's query building cost more than the statement; a parsed report grows an event this way); the number
    of rows changed. ``values`` are keyed by field name or attname and saved as the fields save them."""
    quote = connection.ops.quote_name
    fields = [model._meta.get_field(name) for name in values]
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    params = [field.get_db_prep_save(value, connection) for field, value in zip(fields, values.values(), strict=True)]
    condition_sql, condition_params = condition
    where = f"{quote(model._meta.pk.column)} = %s" + (f" AND ({condition_sql})" if condition_sql else "")
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {quote(model._meta.db_table)} SET {assignments} WHERE {where}", [*params, pk, *condition_params]
        )
        return cursor.rowcount


def update_rows(model: type[models.Model], objects: list[models.Model], fields: list[str]) -> None:
    """Write ``fields`` of many existing rows, each with its own values, in one statement.

    On PostgreSQL one UPDATE joins the rows' values, sent as one JSON document (``FROM jsonb_to_recordset(...)``):
    the ORM's bulk_update writes a CASE per field instead, which cost more than one save per row, and one array per
    column costs the driver more than the statement (it quotes each element of each array in Python; a batch's
    articles and their spans: a tenth of the task, bench/parse_throughput.py). Elsewhere (SQLite, one writer at a
    time) bulk_update."""
    if not objects:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_update(objects, fields)
        return
    quote = connection.ops.quote_name
    pk = model._meta.pk
    columns = [pk, *(model._meta.get_field(name) for name in fields)]
    rows = [{column.column: _json_value(column, obj) for column in columns} for obj in objects]
    definitions = _recordset_columns(columns)
    assignments = ", ".join(f"{quote(column.column)} = v.{quote(column.column)}" for column in columns[1:])
    key = quote(pk.column)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {quote(model._meta.db_table)} AS t SET {assignments}"
            f" FROM jsonb_to_recordset(%s::jsonb) AS v({definitions}) WHERE t.{key} = v.{key}",
            [json.dumps(rows, allow_nan=False)],
        )


def insert_rows(model: type[models.Model], objects: list[models.Model]) -> None:
    """``model.objects.bulk_create(objects)`` for rows nobody reads back by id: on PostgreSQL one INSERT of the
    rows sent as one JSON document, as update_rows does (bulk_create prepares each field of each row in Python
    and has the driver quote every value: a batch's reports and claims cost more than their statement). The
    objects get no primary key. Elsewhere bulk_create."""
    if not objects:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objects)
        return
    quote = connection.ops.quote_name
    columns = [field for field in model._meta.concrete_fields if not field.primary_key]
    for obj in objects:
        for field in columns:
            field.pre_save(obj, add=True)  # auto_now and auto_now_add, as bulk_create sets them
    rows = [{column.column: _json_value(column, obj) for column in columns} for obj in objects]
    names = ", ".join(quote(column.column) for column in columns)
    definitions = _recordset_columns(columns)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(model._meta.db_table)} ({names})"
            f" SELECT {names} FROM jsonb_to_recordset(%s::jsonb) AS v({definitions})",
            [json.dumps(rows, allow_nan=False)],
        )


def _recordset_columns(columns: list[models.Field]) -> str:
    """The column definitions of ``jsonb_to_recordset(...) AS v(...)``: each column's name and database type."""
    quote = connection.ops.quote_name
    return ", ".join(f"{quote(column.column)} {column.db_type(connection)}" for column in columns)


def _json_value(field: models.Field, obj: models.Model):
    """A field's value as jsonb_to_recordset reads it back into the column's type: a JSON field's value as it is
    (through its encoder, as saving it would), dates and times as ISO 8601, other values as the field saves them."""
    value = getattr(obj, field.attname)
    if isinstance(field, models.JSONField):
        return json.loads(json.dumps(value, cls=field.encoder)) if field.encoder and value is not None else value
    value = field.get_db_prep_save(value, connection)
    if isinstance(value, datetime.date | datetime.time):  # a datetime is a date
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value
