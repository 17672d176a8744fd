"""The answer to a refusal of the one access decision (access.py): the
login form, the members-only explanation, or the password form."""

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from wagtail import wagtail_hooks as wagtail_core_hooks
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page

from .access import Refusal, Refused
from .decorators import members_only_response


def page_refused_response(
    request: HttpRequest, page: Page, refused: Refused
) -> HttpResponse:
    """What ``request`` gets for ``page`` (or for something that follows
    the page's restrictions, such as a publication's file: the password
    form then returns to that address)."""
    if refused.kind == Refusal.LOGIN:
        return wagtail_core_hooks.require_wagtail_login(next=request.get_full_path())
    if refused.kind == Refusal.MEMBERS_ONLY:
        return members_only_response(request, page.title, page)
    form = PasswordViewRestrictionForm(
        instance=refused.restriction,
        initial={"return_url": request.get_full_path()},
    )
    action_url = reverse(
        "wagtailcore_authenticate_with_password",
        args=[refused.restriction.pk, page.pk],
    )
    return page.serve_password_required_response(request, form, action_url)
