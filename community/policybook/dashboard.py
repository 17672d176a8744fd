"""The advisers' panel on the Wagtail admin's dashboard: what waits for
them, and how busy the meetings and discussions are, as charts."""

import datetime as dt
from collections import Counter

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from casebook.selectors import cases_in_review
from community import selectors
from events.selectors import events_for_management
from portal.accounts.selectors import account_requests_pending_count

from .charts import Bar, bar_chart_svg

UPCOMING_EVENTS = 8
HALF_YEAR = dt.timedelta(days=182)


def event_labels(events) -> list[str]:
    """Each meeting's title; a title that recurs gets the date, and the time
    too when it recurs on one day, so the chart's bars can be told apart."""
    titles = Counter(e.title for e in events)

    def dated(event, fmt: str) -> str:
        when = formats.date_format(timezone.localtime(event.starts_at), fmt)
        return f"{event.title} ({when})"

    labels = [dated(e, "j F") if titles[e.title] > 1 else e.title for e in events]
    repeated = Counter(labels)
    return [
        dated(e, "j F H:i") if repeated[label] > 1 else label
        for e, label in zip(events, labels, strict=True)
    ]


def _registrations_chart():
    now = timezone.now()
    events = [e for e in events_for_management() if e.starts_at >= now]
    events = events[:UPCOMING_EVENTS]
    bars = [
        Bar(label=label, value=e.confirmed)
        for e, label in zip(events, event_labels(events), strict=True)
    ]
    title = _("Registrations per upcoming meeting")
    desc = "; ".join(
        _("{title}: {confirmed} registered, {waiting} on the waiting list").format(
            title=e.title, confirmed=e.confirmed, waiting=e.waiting
        )
        for e in events
    )
    return events, bar_chart_svg(
        chart_id="dashboard-registrations", title=title, desc=desc, bars=bars
    )


def _activity_chart():
    now = timezone.now()
    rows = selectors.activity_per_theme(start=now - HALF_YEAR, end=now)
    bars = [Bar(label=row.theme.name, value=row.posts) for row in rows]
    title = _("Messages per theme in the last half year")
    desc = "; ".join(f"{bar.label}: {bar.value}" for bar in bars)
    return rows, bar_chart_svg(
        chart_id="dashboard-activity", title=title, desc=desc, bars=bars
    )


def dashboard_context() -> dict:
    events, registrations_svg = _registrations_chart()
    activity, activity_svg = _activity_chart()
    return {
        "pending_accounts": account_requests_pending_count(),
        "cases_in_review": cases_in_review().count(),
        "events": events,
        "registrations_svg": registrations_svg,
        "activity": activity,
        "activity_svg": activity_svg,
        "cases_url": reverse("casebook_review:queue"),
        "build_url": reverse("policy_book_admin:form"),
    }


class AdvisersPanel(Component):
    name = "advisers_dashboard"
    template_name = "community/policybook/admin/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context=None) -> dict:
        return dashboard_context()
