"""Wagtail hooks of the policy book; imported by ``community.wagtail_hooks``
so Wagtail finds them."""

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.accounts.second_factor import needs_second_factor_step, second_factor_step
from portal.accounts.selectors import user_is_adviser

from . import admin_urls
from .dashboard import AdvisersPanel
from .models import PolicyBookPage


@hooks.register("register_admin_urls")
def _register_admin_urls():
    return [path("beleidsboek/", include(admin_urls, namespace="policy_book_admin"))]


class BuildMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return user_is_adviser(request.user)


@hooks.register("register_admin_menu_item")
def _register_menu_item():
    return BuildMenuItem(
        _("Build a policy book"),
        reverse("policy_book_admin:form"),
        icon_name="doc-full",
        order=276,
    )


@hooks.register("construct_homepage_panels")
def _advisers_panel(request: HttpRequest, panels: list) -> None:
    if user_is_adviser(request.user):
        panels.append(AdvisersPanel())


@hooks.register("after_publish_page")
def _pdf_after_publish(request: HttpRequest, page) -> None:
    # The adviser may have changed the introduction or the order of the
    # themes since the build: the PDF follows the published page.
    if isinstance(page.specific, PolicyBookPage):
        from .tasks import policy_book_pdf_task

        policy_book_pdf_task.enqueue(page.pk)


@hooks.register("before_serve_document")
def _draft_pdf_for_advisers_only(document, request: HttpRequest) -> HttpResponse | None:
    # The build stores the PDF at once, at an address that counts up; until
    # an adviser publishes the book it is as unpublished as its page.
    if user_is_adviser(request.user):
        return None
    # A rebuild's PDF waiting for the draft of a published book is as
    # unpublished as that draft.
    unpublished = Q(pdf=document, live=False) | Q(draft_pdf=document)
    if PolicyBookPage.objects.filter(unpublished).exists():
        # An unpublished document is an adviser power: an adviser whose
        # session lacks the second factor is asked for it, nobody else learns
        # that the document exists.
        if needs_second_factor_step(request):
            return second_factor_step(request)
        raise Http404
    return None
