"""Advisers' view of the newsletter in the Wagtail admin: who subscribes,
the digests sent, and the export of confirmed subscribers. Read-only:
subscribers manage their subscription themselves through the mail links."""

from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from .models import Subscriber
from .selectors import digests_recent, subscriber_counts, subscribers_for_admin
from .services import subscribers_export

PERMISSION = "newsletter.view_subscriber"
PER_PAGE = 50


def _advisers_only(view):
    return permission_required(PERMISSION, raise_exception=True)(view)


@_advisers_only
def index(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in Subscriber.Status.values:
        status = ""
    page = Paginator(subscribers_for_admin(status=status), PER_PAGE).get_page(
        request.GET.get("p")
    )
    return TemplateResponse(
        request,
        "newsletter/admin/index.html",
        {
            "subscribers": page,
            "counts": subscriber_counts(),
            "statuses": Subscriber.Status.choices,
            "active_status": status,
            "digests": digests_recent(limit=10),
        },
    )


@_advisers_only
def export(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        subscribers_export(by=request.user),
        content_type="text/csv; charset=utf-8",
    )
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="nieuwsbrief-abonnees-{day}.csv"'
    )
    response["Cache-Control"] = "no-store"
    return response
