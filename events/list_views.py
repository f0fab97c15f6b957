"""/events/: the events list and search — the map's filters, the API's text search, sortable columns, pages,
and export links to the API's CSV, GeoJSON and JSON of exactly what is listed.

The events are read through the API's own reader (selectors.event_list() and selectors.event_documents()),
so the list, the map and the exports filter alike: nothing here filters events itself.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db.models import F
from django.urls import reverse

from conflict_tracker.roles import ANALYST, user_has_role
from conflict_tracker.web import page
from events import selectors
from events.models import Event
from events.views import EVENT_TYPE_COLORS, reader_required
from sources.parsing.acled import EVENT_TYPE_CHOICES, SUB_EVENT_TYPE_CHOICES

PAGE_SIZE = 50
# The matches are counted up to this many ("more than 1,000"): an exact count of a broad search over a
# million events reads them all, for a figure no one pages through.
COUNT_CAP = 1000
EVENTS_API_URL = "/api/v1/events/"
EXPORT_FORMATS = (("csv", "CSV"), ("geojson", "GeoJSON"), ("json", "JSON"))
EXPORT_PAGE_SIZE = settings.API_MAX_PAGE_SIZE  # the JSON and GeoJSON exports' pages: the largest the API gives
# What the status filter offers analysts; everyone else lists approved events only (the selector enforces it).
STATUS_CHOICES = [
    ("", "Approved"),
    ("draft", "Drafts"),
    ("rejected", "Rejected"),
    ("approved,draft", "Approved and drafts"),
    ("approved,draft,rejected", "All"),
]
# The sortable columns: each sorts by its field, then by id in the same direction (a total order).
SORT_FIELDS = {
    "date": "start_date",
    "country": "country",
    "type": "event_type",
    "fatalities": "fatalities_best",
    "updated": "updated_at",
}
DEFAULT_SORT = "-date"
SORT_CHOICES = [(f"{sign}{key}", f"{sign}{key}") for key in SORT_FIELDS for sign in ("", "-")]
TEXT = {"autocomplete": "off"}


class EventListForm(forms.Form):
    q = forms.CharField(
        max_length=200,
        required=False,
        label="Search",
        widget=forms.TextInput(attrs={**TEXT, "type": "search", "placeholder": "Notes, place, actor…"}),
    )
    date_from = forms.DateField(required=False, label="From", widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(required=False, label="To", widget=forms.DateInput(attrs={"type": "date"}))
    country = forms.RegexField(
        r"^[A-Za-z]{2}$",
        required=False,
        error_messages={"invalid": "Two letters (ISO 3166), e.g. ML."},
        widget=forms.TextInput(attrs={**TEXT, "placeholder": "e.g. ML", "size": 4}),
    )
    admin1 = forms.CharField(max_length=200, required=False, label="Region", widget=forms.TextInput(attrs=TEXT))
    event_type = forms.ChoiceField(choices=[("", "All types"), *EVENT_TYPE_CHOICES], required=False, label="Type")
    sub_event_type = forms.ChoiceField(
        choices=[("", "All sub-types"), *SUB_EVENT_TYPE_CHOICES], required=False, label="Sub-type"
    )
    actor = forms.CharField(
        max_length=200, required=False, widget=forms.TextInput(attrs={**TEXT, "placeholder": "Any actor"})
    )
    status = forms.ChoiceField(choices=STATUS_CHOICES, required=False)
    sort = forms.ChoiceField(choices=SORT_CHOICES, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, analyst: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not analyst:
            del self.fields["status"]

    def clean_country(self) -> str:
        return self.cleaned_data["country"].upper()

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", "The end date is before the start date.")
        return data


def valid_filters(form: EventListForm) -> dict:
    """The fields that validated: a bad one is shown with its error and left out, never read as another value."""
    form.is_valid()
    return {name: value for name, value in form.cleaned_data.items() if value not in ("", None)}


FILTER_NAMES = ("date_from", "date_to", "country", "admin1", "event_type", "sub_event_type", "actor", "q")


def event_filters(values: dict) -> selectors.EventFilters:
    statuses = tuple(values.get("status", Event.Status.APPROVED).split(","))
    return selectors.EventFilters(statuses=statuses, **{name: values[name] for name in FILTER_NAMES if name in values})


def api_query(values: dict) -> dict:
    """The API's parameters for these filters (events/api/filters.py): approved events unless asked otherwise."""
    query = {"status": values.get("status") or Event.Status.APPROVED}
    for name in FILTER_NAMES:
        value = values.get(name)
        if value:
            query[name] = value.isoformat() if isinstance(value, datetime.date) else value
    return query


def export_links(query: dict) -> list[dict]:
    """The API's export URLs for these filters. JSON and GeoJSON are cursor-paginated: the link asks for the
    largest page, and static/js/export.js follows `next` to save every page as one file."""
    links = []
    for fmt, label in EXPORT_FORMATS:
        params = {**query, "format": fmt}
        if fmt != "csv":
            params["page_size"] = EXPORT_PAGE_SIZE
        links.append({"format": fmt, "label": label, "url": f"{EVENTS_API_URL}?{urlencode(params)}"})
    return links


def ordering(sort: str) -> list:
    descending = sort.startswith("-")
    field = SORT_FIELDS[sort.lstrip("-")]
    if field == "fatalities_best":  # events without an estimate last, whichever the direction
        first = F(field).desc(nulls_last=True) if descending else F(field).asc(nulls_last=True)
    else:
        first = F(field).desc() if descending else F(field).asc()
    return [first, F("id").desc() if descending else F("id").asc()]


def sort_links(current: str, query: dict) -> dict:
    """Per column, the URL that sorts by it (the other direction when it is the current sort) and its state."""
    links = {}
    for key in SORT_FIELDS:
        active = current.lstrip("-") == key
        descending = current.startswith("-")
        target = (key if descending else f"-{key}") if active else f"-{key}"
        state = ("descending" if descending else "ascending") if active else "none"
        links[key] = {"url": "?" + urlencode({**query, "sort": target}), "state": state}
    return links


@dataclass(frozen=True)
class Page:
    """A page of the list: its rows (documents), its number, whether pages come before and after it, and the
    number of matches counted up to COUNT_CAP."""

    events: list
    number: int
    has_previous: bool
    has_next: bool
    count: int
    capped: bool


def page_number(value) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), 100_000)


def list_page(rows, number: int) -> Page:
    """Offset pages read one id more than they show, to know whether another page follows. The ids are read
    first (a narrow sort or an index-only scan, however deep the page), then their rows."""
    start = (number - 1) * PAGE_SIZE
    ids = list(rows.values_list("id", flat=True)[start : start + PAGE_SIZE + 1])
    count = rows.order_by()[: COUNT_CAP + 1].count()
    by_id = {row.id: row for row in rows.order_by().filter(id__in=ids[:PAGE_SIZE])}
    events = selectors.event_documents([by_id[id_] for id_ in ids[:PAGE_SIZE] if id_ in by_id])
    url = reverse("event-detail", args=[0]).replace("/0/", "/{}/")  # one reverse() for the page, not one a row
    for event in events:
        event["type_color"] = EVENT_TYPE_COLORS.get(event["event_type"], "#555")
        event["url"] = url.format(event["id"])
    return Page(events, number, number > 1, len(ids) > PAGE_SIZE, min(count, COUNT_CAP), count > COUNT_CAP)


@reader_required
def event_list(request):
    analyst = user_has_role(request.user, ANALYST)
    form = EventListForm(request.GET, analyst=analyst)
    values = valid_filters(form)
    sort = values.get("sort", DEFAULT_SORT)
    rows = selectors.event_list(user=request.user, filters=event_filters(values)).order_by(*ordering(sort))
    page_of = list_page(rows, page_number(request.GET.get("page")))
    filters = {name: request.GET[name] for name in form.fields if name != "sort" and request.GET.get(name)}
    query = api_query(values)
    context = {
        "form": form,
        "page_of": page_of,
        "events": page_of.events,
        "sort": sort,
        "sorts": sort_links(sort, filters),
        "exports": export_links(query),
        "filtered": bool(filters),
        "shows_drafts": "draft" in query["status"],
    }
    return page(request, "events/event_list.html", context)
