"""API authentication: DRF's token scheme, with the user's roles read in the same query.

Every API request checks a role (events.api.permissions), and reading the user's groups on its own was one more
round trip per request, about a tenth of an upload's CPU in the web process (bench/e2e_burst.py). The query is
written as SQL: built by the ORM (three Exists annotations) it cost 40 % of an upload's CPU, more than the upload's
own insert and its message to the broker together."""

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token

from conflict_tracker.roles import ROLES, remember_roles


class RoleTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        found = _token_with_roles(key)
        if found is None or not found[0].user.is_active:
            return super().authenticate_credentials(key)  # refused as DRF refuses, with its messages
        token, roles = found
        remember_roles(token.user, roles)
        return token.user, token


def _token_with_roles(key: str) -> tuple[Token, set[str]] | None:
    """The token of ``key`` with its user, and the roles (of ROLES) the user holds; None for an unknown key. One row
    per role held (one with no role when none is)."""
    sql, user_fields = _token_query()
    with connection.cursor() as cursor:
        cursor.execute(sql, [*ROLES, key])  # the roles' placeholders come first
        rows = cursor.fetchall()
    if not rows:
        return None
    width = len(user_fields)
    user_values = _as_read(user_fields, rows[0][:width])
    user = get_user_model().from_db(connection.alias, [field.attname for field in user_fields], user_values)
    (created,) = _as_read([Token._meta.get_field("created")], rows[0][width : width + 1])
    token = Token.from_db(connection.alias, ["key", "user_id", "created"], (key, user.pk, created))
    token.user = user
    return token, {row[width + 1] for row in rows if row[width + 1] is not None}


def _as_read(fields: list, values) -> list:
    """Column values as the ORM reads them, through the backend's and the fields' converters (SQLite's datetimes
    become aware)."""
    converted = []
    for field, value in zip(fields, values, strict=True):
        column = field.get_col(field.model._meta.db_table)
        for converter in [*connection.ops.get_db_converters(column), *field.get_db_converters(connection)]:
            value = converter(value, column, connection)
        converted.append(value)
    return converted


@cache
def _token_query() -> tuple[str, list]:
    """The SQL of _token_with_roles (built once per process), and the user fields it selects first, in the model's
    order (from_db takes the values in that order)."""
    quote = connection.ops.quote_name
    user_model = get_user_model()
    user_fields = list(user_model._meta.concrete_fields)
    memberships = user_model.groups.through
    member_user, member_group = (quote(memberships._meta.get_field(name).column) for name in ("user", "group"))
    roles = ", ".join(["%s"] * len(ROLES))
    user_key = quote(user_model._meta.pk.column)
    held = (
        f"SELECT m.{member_user} AS user_id, g.{quote('name')} AS name"
        f" FROM {quote(memberships._meta.db_table)} m JOIN {quote(Group._meta.db_table)} g ON g.id = m.{member_group}"
        f" WHERE g.{quote('name')} IN ({roles})"
    )
    columns = ", ".join(f"u.{quote(field.column)}" for field in user_fields)
    sql = (
        f"SELECT {columns}, t.{quote('created')}, r.name"
        f" FROM {quote(Token._meta.db_table)} t JOIN {quote(user_model._meta.db_table)} u ON u.{user_key} = t.user_id"
        f" LEFT JOIN ({held}) r ON r.user_id = u.{user_key}"
        f" WHERE t.{quote('key')} = %s"
    )
    return sql, user_fields
