"""The advisers' panel of open requests for help on the Wagtail admin's
dashboard: the most urgent and oldest first, with their age."""

from wagtail.admin.ui.components import Component

from .selectors import requests_open

SHOWN = 10


class OpenRequestsPanel(Component):
    name = "open_help_requests"
    template_name = "experts/admin/dashboard_panel.html"
    order = 40

    def get_context_data(self, parent_context=None) -> dict:
        open_requests = requests_open()
        return {
            "requests": list(open_requests[:SHOWN]),
            "open_count": open_requests.count(),
        }
