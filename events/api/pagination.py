"""Keyset ("cursor") pagination: pages stay fast however deep a client reads, and rows
inserted or updated while a client pages never shift what it has already seen.

A page is ordered by one field and then by id, both in the same direction, so the
position of its last row, (value, id), is a total order. The cursor is that position
and the ordering it belongs to, base64-encoded JSON: opaque to clients, checked on
the way back in.
"""

import base64
import binascii
import datetime
import json
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet
from django.db.models.fields.tuple_lookups import Tuple, TupleGreaterThan, TupleLessThan
from rest_framework.utils.urls import replace_query_param

MAX_ID = 2**63 - 1
# How each orderable field's value travels in a cursor.
_DECODERS = {
    "id": int,
    "start_date": datetime.date.fromisoformat,
    "updated_at": datetime.datetime.fromisoformat,
    "status_changed_at": datetime.datetime.fromisoformat,
    "uploaded_at": datetime.datetime.fromisoformat,
    "name": str,
}


class InvalidCursor(ValueError):
    """The cursor was not made by this API, or for another ordering."""


@dataclass(frozen=True)
class Cursor:
    ordering: str  # "field" or "-field"
    value: object
    last_id: int

    @property
    def field(self) -> str:
        return self.ordering.lstrip("-")

    def encode(self) -> str:
        value = self.value.isoformat() if isinstance(self.value, (datetime.date, datetime.datetime)) else self.value
        raw = json.dumps({"o": self.ordering, "v": value, "i": self.last_id}, separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str, *, ordering: str) -> "Cursor":
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            data = json.loads(raw)
            field = data["o"].lstrip("-")
            value = _DECODERS[field](data["v"])
            last_id = data["i"]
        except (binascii.Error, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
            raise InvalidCursor("Invalid cursor: pass the `next` link of a previous page unchanged.") from None
        if not isinstance(last_id, int) or isinstance(last_id, bool) or not 0 <= last_id <= MAX_ID:
            raise InvalidCursor("Invalid cursor: pass the `next` link of a previous page unchanged.")
        if isinstance(value, datetime.datetime) and value.tzinfo is None:
            raise InvalidCursor("Invalid cursor: pass the `next` link of a previous page unchanged.")
        if data["o"] != ordering:
            raise InvalidCursor(
                f"This cursor belongs to ordering={data['o']}; keep the ordering a cursor was made with."
            )
        return cls(ordering=data["o"], value=value, last_id=last_id)


@dataclass(frozen=True)
class Page:
    items: list
    next_cursor: Cursor | None


def order_by_keyset(queryset: QuerySet, ordering: str) -> QuerySet:
    field = ordering.lstrip("-")
    if field == "id":
        return queryset.order_by(ordering)
    sign = "-" if ordering.startswith("-") else ""
    return queryset.order_by(f"{sign}{field}", f"{sign}id")


def _after(cursor: Cursor):
    """Rows strictly after the cursor's position, as one row-value comparison, (field, id) > (value, id):
    an index on (…, field, id) answers it with a range scan however many rows share the value."""
    descending = cursor.ordering.startswith("-")
    if cursor.field == "id":
        return Q(id__lt=cursor.last_id) if descending else Q(id__gt=cursor.last_id)
    after = TupleLessThan if descending else TupleGreaterThan
    return after(Tuple(F(cursor.field), F("id")), (cursor.value, cursor.last_id))


def keyset_page(queryset: QuerySet, *, ordering: str, cursor: Cursor | None, size: int) -> Page:
    """One page of `size` rows after the cursor (from the start without one); one query."""
    if cursor is not None:
        queryset = queryset.filter(_after(cursor))
    rows = list(order_by_keyset(queryset, ordering)[: size + 1])
    items, more = rows[:size], len(rows) > size
    next_cursor = None
    if more and items:
        last = items[-1]
        field = ordering.lstrip("-")
        next_cursor = Cursor(ordering=ordering, value=getattr(last, field), last_id=last.id)
    return Page(items=items, next_cursor=next_cursor)


def next_link(request, page: Page) -> str | None:
    if page.next_cursor is None:
        return None
    return replace_query_param(request.build_absolute_uri(), "cursor", page.next_cursor.encode())


def link_header(url: str | None) -> dict[str, str]:
    return {"Link": f'<{url}>; rel="next"'} if url else {}
