"""Demo events (see ``manage.py load_demo``)."""

import datetime as dt
from typing import Any

from django.utils import timezone
from wagtail.models import Page

from knowledge.selectors import adviser_named
from portal.core.demo import Report, child_ensure

from . import seed_content as content
from .models import Audience, EventIndexPage, EventPage

DEFAULT_CONTACT = "Joeri Vig"


def _agenda(items: list[tuple[str, str, str]]) -> list[tuple[str, dict]]:
    return [
        ("item", {"time": dt.time.fromisoformat(t), "title": title, "speaker": who})
        for t, title, who in items
    ]


def _audiences(page: EventPage, slugs: list[str]) -> None:
    page.audiences = list(Audience.objects.filter(slug__in=slugs))


def _fields(spec: dict[str, Any], starts_at: dt.datetime) -> dict[str, Any]:
    return {
        "title": spec["title"],
        "kind": spec["kind"],
        "region": content.REGIONS.get(spec["slug"], ""),
        "format": spec["format"],
        "location": spec["location"],
        "audience": spec["audience"],
        "intro": spec["intro"],
        "body": spec["body"],
        "agenda": _agenda(spec["agenda"]),
        "starts_at": starts_at,
        "ends_at": starts_at + dt.timedelta(minutes=spec["minutes"]),
        "cost_note": "Deelname is kosteloos",
        "organiser": content.CCV,
        "registration_closed": spec.get("closed", False),
        "contact": adviser_named(spec.get("contact", DEFAULT_CONTACT)),
    }


def _aware(day: dt.date, time: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, time))


def _move_forward_if_past(event: EventPage, starts_at: dt.datetime) -> None:
    """An upcoming demo event that has since passed moves to its new date, so
    a demo site opened months later still has something to register for."""
    if event.ends_at >= timezone.now():
        return
    duration = event.ends_at - event.starts_at
    event.starts_at, event.ends_at = starts_at, starts_at + duration
    event.save_revision().publish()


def _link_afterwards(past: dict[str, EventPage], *, home: Page) -> None:
    """The Bodegraven leerkring could be watched again; the leerkring XL has a
    report in the web dossier. Linked only while still unset."""
    leerkring = past["leerkring-online-orde-bodegraven"]
    if leerkring.replay_id is None:
        leerkring.replay = past["terugkijken-leerkring-bodegraven"]
        leerkring.save_revision().publish()
    xl = past["leerkring-xl-online-gebiedsverbod-en-dwangsom"]
    report = Page.objects.descendant_of(home).filter(slug=content.XL_REPORT_SLUG)
    if xl.report_page_id is None and report.exists():
        xl.report_page = report.first()
        xl.save_revision().publish()


def _region_if_unset(event: EventPage) -> None:
    """Demo sites made before events had a region get one; an adviser's own
    choice (or clearing it) after that is left alone."""
    region = content.REGIONS.get(event.slug, "")
    if region and not event.region and not event.has_unpublished_changes:
        event.region = region
        event.save_revision().publish()


def demo_build(*, home: Page, report: Report, **kwargs) -> None:
    """Receiver of ``demo_content_requested``."""
    index = child_ensure(
        parent=home,
        model=EventIndexPage,
        slug=content.INDEX["slug"],
        fields={
            "title": content.INDEX["title"],
            "intro": content.INDEX["intro"],
            "show_in_menus": True,
        },
        report=report,
    )
    past = {}
    for spec in content.PAST:
        starts_at = _aware(*spec["start"])
        past[spec["slug"]] = child_ensure(
            parent=index,
            model=EventPage,
            slug=spec["slug"],
            fields=_fields(spec, starts_at),
            report=report,
            prepare=lambda page, slugs=spec["audiences"]: _audiences(page, slugs),
        )
        _region_if_unset(past[spec["slug"]])
    _link_afterwards(past, home=home)
    today = timezone.localdate()
    for spec in content.UPCOMING:
        starts_at = _aware(today + dt.timedelta(days=spec["days"]), spec["time"])
        event = child_ensure(
            parent=index,
            model=EventPage,
            slug=spec["slug"],
            fields=_fields(spec, starts_at),
            report=report,
            prepare=lambda page, slugs=spec["audiences"]: _audiences(page, slugs),
        )
        _region_if_unset(event)
        _move_forward_if_past(event, starts_at)
