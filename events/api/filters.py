"""Query parameters, validated: a bad value is a 400 that names the parameter, never a 500
nor a silently ignored filter. Each serializer is also what the OpenAPI schema documents."""

import re

from rest_framework import serializers

from events.api.pagination import Cursor, InvalidCursor
from events.api.serializers import page_size_field
from events.models import LISTED_EVENT_STATUSES, Actor, Event
from events.selectors import EventFilters
from sources.models import Article

EVENT_ORDERINGS = ["-start_date", "start_date", "-updated_at", "updated_at", "-id", "id"]
# Parameters every endpoint accepts besides its own: DRF's format override.
COMMON_PARAMETERS = {"format"}
_TZ_WITHOUT_PLUS = re.compile(r"^(.*T[0-9:.]+) ([0-9]{2}(:?[0-9]{2})?)$")


def model_values(model, field: str) -> list[str]:
    """The values a model field accepts: a filter offers the model's choices, never a copy of them."""
    return [value for value, _label in model._meta.get_field(field).choices]


class LenientDateTimeField(serializers.DateTimeField):
    """ISO 8601; a "+" offset that arrived unencoded (as a space) is read as "+"."""

    def to_internal_value(self, value):
        if isinstance(value, str):
            value = _TZ_WITHOUT_PLUS.sub(r"\1+\2", value.strip())
        return super().to_internal_value(value)


class StrictQuerySerializer(serializers.Serializer):
    """Unknown parameters are refused, so a typo (`contry=ML`) cannot return everything."""

    def to_internal_value(self, data):
        unknown = sorted(set(data) - set(self.fields) - COMMON_PARAMETERS)
        if unknown:
            allowed = ", ".join(sorted(set(self.fields) | COMMON_PARAMETERS))
            raise serializers.ValidationError(
                {name: [f"Unknown parameter; this endpoint accepts: {allowed}."] for name in unknown}
            )
        return super().to_internal_value(data)


class CursorQuerySerializer(StrictQuerySerializer):
    cursor = serializers.CharField(
        required=False, max_length=1000, help_text="Opaque: copy it from a page's `next` link."
    )
    page_size = page_size_field()
    default_ordering = "id"

    def validate(self, data: dict) -> dict:
        data = super().validate(data)
        ordering = data.get("ordering", self.default_ordering)
        data["ordering"] = ordering
        try:
            data["cursor"] = Cursor.decode(data["cursor"], ordering=ordering) if data.get("cursor") else None
        except InvalidCursor as exc:
            raise serializers.ValidationError({"cursor": [str(exc)]}) from None
        return data


def _bbox(value: str) -> tuple[float, float, float, float]:
    parts = value.split(",")
    message = "Give four numbers: min_lon,min_lat,max_lon,max_lat (WGS 84 degrees)."
    if len(parts) != 4:
        raise serializers.ValidationError(message)
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in parts)
    except ValueError:
        raise serializers.ValidationError(message) from None
    if not all(-180 <= lon <= 180 for lon in (min_lon, max_lon)):
        raise serializers.ValidationError("Longitudes must lie in -180..180.")
    if not all(-90 <= lat <= 90 for lat in (min_lat, max_lat)):
        raise serializers.ValidationError("Latitudes must lie in -90..90.")
    if min_lat > max_lat:
        raise serializers.ValidationError("min_lat must not exceed max_lat.")
    return min_lon, min_lat, max_lon, max_lat


class EventQuerySerializer(CursorQuerySerializer):
    status = serializers.CharField(
        required=False,
        max_length=100,
        help_text=(
            "draft, approved or rejected; several comma-separated. Drafts and rejected events need the analyst role."
        ),
    )
    country = serializers.RegexField(r"^[A-Za-z]{2}$", required=False, help_text="ISO 3166-1 alpha-2.")
    admin1 = serializers.CharField(
        required=False, max_length=200, help_text="First-order region name (case-insensitive)."
    )
    event_type = serializers.ChoiceField(choices=model_values(Event, "event_type"), required=False)
    sub_event_type = serializers.ChoiceField(choices=model_values(Event, "sub_event_type"), required=False)
    actor = serializers.CharField(required=False, max_length=200, help_text="An actor id, or a name or alias (“FAMa”).")
    date_from = serializers.DateField(required=False, help_text="Events starting on or after this date.")
    date_to = serializers.DateField(required=False, help_text="Events starting on or before this date.")
    bbox = serializers.CharField(
        required=False,
        max_length=200,
        help_text="min_lon,min_lat,max_lon,max_lat; min_lon > max_lon crosses the antimeridian.",
    )
    updated_since = LenientDateTimeField(
        required=False,
        help_text=(
            "ISO 8601 date-time: events changed at or after it (incremental sync; pair with ordering=updated_at)."
        ),
    )
    q = serializers.CharField(
        required=False, max_length=200, help_text="Text in the notes, the place or the actors' names and aliases."
    )
    ordering = serializers.ChoiceField(
        choices=EVENT_ORDERINGS, required=False, help_text="Default -start_date; ties by id."
    )
    default_ordering = "-start_date"

    def validate_status(self, value: str) -> tuple[str, ...]:
        statuses = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
        wrong = [status for status in statuses if status not in LISTED_EVENT_STATUSES]
        if wrong or not statuses:
            hint = " Merged events are never listed; see /api/v1/deleted/." if "merged" in wrong else ""
            raise serializers.ValidationError(
                f"Status must be draft, approved or rejected (comma-separated for several).{hint}"
            )
        return statuses

    def validate_country(self, value: str) -> str:
        return value.upper()

    def validate_bbox(self, value: str) -> tuple[float, float, float, float]:
        return _bbox(value)

    def validate(self, data: dict) -> dict:
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise serializers.ValidationError({"date_to": ["date_to must not be before date_from."]})
        data = super().validate(data)
        data["filters"] = EventFilters(
            statuses=data.get("status", ()),
            country=data.get("country", ""),
            admin1=data.get("admin1", ""),
            event_type=data.get("event_type", ""),
            sub_event_type=data.get("sub_event_type", ""),
            actor=data.get("actor", ""),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            bbox=data.get("bbox"),
            updated_since=data.get("updated_since"),
            q=data.get("q", ""),
        )
        return data


class DeletedQuerySerializer(CursorQuerySerializer):
    since = LenientDateTimeField(
        required=False, help_text="ISO 8601 date-time: events rejected or merged at or after it."
    )
    default_ordering = "status_changed_at"


class ArticleQuerySerializer(CursorQuerySerializer):
    status = serializers.ChoiceField(choices=Article.Status.choices, required=False)
    language = serializers.RegexField(r"^[a-z]{2}$", required=False, help_text="ISO 639-1, e.g. es.")
    default_ordering = "-id"


class ActorQuerySerializer(CursorQuerySerializer):
    q = serializers.CharField(
        required=False, max_length=200, help_text="Part of a name or alias, case- and accent-insensitive."
    )
    kind = serializers.ChoiceField(choices=model_values(Actor, "kind"), required=False)
    country = serializers.RegexField(r"^[A-Za-z]{2}$", required=False, help_text="ISO 3166-1 alpha-2.")
    default_ordering = "name"


class PlaceQuerySerializer(StrictQuerySerializer):
    q = serializers.CharField(
        max_length=200, help_text="A place name; spelling-tolerant (“Tinzawaten” finds Tinzaouaten)."
    )
    country = serializers.RegexField(r"^[A-Za-z]{2}$", required=False, help_text="ISO 3166-1 alpha-2.")
    limit = serializers.IntegerField(min_value=1, max_value=50, default=10)

    def validate_country(self, value: str) -> str:
        return value.upper()
