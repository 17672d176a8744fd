"""Calendar downloads and feeds (not pages, so they live outside Wagtail)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from .ical import calendar_render
from .models import EventKind
from .selectors import event_public_or_404, events_for_feed

CALENDAR_TYPE = "text/calendar; charset=utf-8"


def calendar_response(body: bytes, *, filename: str, inline: bool) -> HttpResponse:
    response = HttpResponse(body, content_type=CALENDAR_TYPE)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def feed(request: HttpRequest, kind: str | None = None) -> HttpResponse:
    """All upcoming public events, or those of one kind, as a feed to subscribe
    to in Outlook, Google Calendar or Thunderbird."""
    if kind is not None and kind not in EventKind.values:
        raise Http404
    name = _("Leerkring meetings")
    if kind is not None:
        name = f"{name}: {EventKind(kind).label}"
    body = calendar_render(
        events_for_feed(kind=kind),
        base_url=request.build_absolute_uri("/"),
        name=name,
    )
    return calendar_response(
        body, filename=f"leerkring-{kind or 'bijeenkomsten'}.ics", inline=True
    )


def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """One public event, to add to one's own calendar."""
    event = event_public_or_404(pk=pk)
    body = calendar_render([event], base_url=request.build_absolute_uri("/"))
    return calendar_response(body, filename=f"{event.slug}.ics", inline=False)
