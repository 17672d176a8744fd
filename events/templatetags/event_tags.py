from django import template

from ..selectors import events_upcoming

register = template.Library()


@register.inclusion_tag("events/includes/upcoming_events.html")
def upcoming_events(limit: int = 3) -> dict:
    return {"events": events_upcoming(limit=limit)}
