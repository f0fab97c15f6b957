"""{% load event_names %}: {{ event|display_name }} (events.naming), {{ reason|match_reason_words }}."""

from django import template

from events.matching import reason_in_words
from events.naming import event_display_name

register = template.Library()


@register.filter
def display_name(event) -> str:
    return event_display_name(event)


@register.filter
def match_reason_words(reason) -> str:
    """A report's stored match reason in words (events.matching.reason_in_words)."""
    return reason_in_words(reason or {})
