"""The advisers' panel of open requests for help on the Wagtail admin's
dashboard: the most urgent and oldest first, with their age."""

from django.db.models import Case, IntegerField, Value, When
from wagtail.admin.ui.components import Component

from .models import HelpRequest, RequestStatus

SHOWN = 10


def open_requests() -> list[HelpRequest]:
    """Open requests, acute before soon before advice, oldest first. One
    query."""
    urgency_order = Case(
        When(urgency="acute", then=Value(0)),
        When(urgency="soon", then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return list(
        HelpRequest.objects.exclude(status=RequestStatus.CLOSED).order_by(
            urgency_order, "created_at", "pk"
        )[:SHOWN]
    )


class OpenRequestsPanel(Component):
    name = "open_help_requests"
    template_name = "experts/admin/dashboard_panel.html"
    order = 40

    def get_context_data(self, parent_context=None) -> dict:
        return {
            "requests": open_requests(),
            "open_count": HelpRequest.objects.exclude(
                status=RequestStatus.CLOSED
            ).count(),
        }
