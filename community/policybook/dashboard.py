"""The advisers' panel on the Wagtail admin's dashboard: what waits for
them, and how busy the meetings and discussions are, as charts."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from casebook.selectors import cases_in_review
from community import selectors
from events.selectors import events_for_management
from portal.accounts.selectors import account_requests_pending_count

from .charts import Bar, bar_chart_svg

UPCOMING_EVENTS = 8
HALF_YEAR = dt.timedelta(days=182)


def _registrations_chart():
    now = timezone.now()
    events = [e for e in events_for_management() if e.starts_at >= now]
    events = events[:UPCOMING_EVENTS]
    bars = [Bar(label=e.title, value=e.confirmed) for e in events]
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
