from django.conf import settings
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail import wagtail_hooks as wagtail_core_hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.documents import wagtail_hooks as wagtail_document_hooks
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page

from portal.core.audit import action_register

from . import admin_urls
from .access import Refusal, Refused, document_refusal, page_refusal, page_restrictions
from .decorators import members_only_response
from .models import User
from .refusals import page_refused_response
from .roles import REVIEW_PERMISSION
from .selectors import account_requests_pending_count
from .services import account_delete_by_admin


@hooks.register("register_admin_urls")
def _register_admin_urls():
    return [
        path("accountaanvragen/", include(admin_urls, namespace="account_requests"))
    ]


class AccountRequestsMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(REVIEW_PERMISSION)

    def render_component(self, request):
        # The count tells an adviser at a glance whether anyone is waiting.
        count = account_requests_pending_count()
        label = f"{self.label} ({count})" if count else self.label
        return LinkMenuItemComponent(
            self.name, label, self.url, icon_name=self.icon_name, attrs=self.attrs
        )


@hooks.register("register_admin_menu_item")
def _register_menu_item():
    return AccountRequestsMenuItem(
        _("Account requests"),
        reverse("account_requests:index"),
        icon_name="user",
        order=250,
    )


@hooks.register("register_log_actions")
def _register_log_actions(actions) -> None:
    for action, label, message in (
        ("approve", _("Approve account request"), _("Account request approved")),
        ("reject", _("Reject account request"), _("Account request rejected")),
        ("export", _("Export own data"), _("Holder downloaded their data")),
        ("delete", _("Delete account"), _("Account deleted at the holder's request")),
    ):
        action_register(
            actions, action=f"leerkring.account.{action}", label=label, message=message
        )


def _replace_wagtails_own_checks() -> None:
    # Wagtail's checks ask restriction.accept_request, which lets any
    # logged-in account past "logged-in users" and sends a refused member to
    # the login form. The hooks below decide instead (portal.accounts.access),
    # once and with one query, so Wagtail's copies are taken out.
    for name, check in (
        ("on_serve_page", wagtail_core_hooks.check_view_restrictions),
        ("before_serve_document", wagtail_document_hooks.check_view_restrictions),
    ):
        registered = hooks._hooks.get(name, [])
        registered[:] = [entry for entry in registered if entry[0] is not check]


_replace_wagtails_own_checks()


@hooks.register("on_serve_page", order=-1)
def _page_access(serve):
    """Every page and every route of a page (an event's registration) is
    served only to whom portal.accounts.access allows it."""

    def inner(page: Page, request: HttpRequest, serve_args, serve_kwargs):
        restrictions = page_restrictions(page)
        refused = page_refusal(request, page, restrictions=restrictions)
        if refused is not None:
            response = page_refused_response(request, page, refused)
        else:
            response = serve(page, request, serve_args, serve_kwargs)
        if restrictions:
            # Not for everyone: the page cache and nginx must not keep it.
            add_never_cache_headers(response)
        return response

    return inner


def _document_refused_response(request: HttpRequest, document, refused: Refused):
    if refused.kind == Refusal.LOGIN:
        return wagtail_core_hooks.require_wagtail_login(next=request.get_full_path())
    if refused.kind == Refusal.MEMBERS_ONLY:
        return members_only_response(request, document.title)
    form = PasswordViewRestrictionForm(
        instance=refused.restriction,
        initial={"return_url": request.get_full_path()},
    )
    action_url = reverse(
        "wagtaildocs_authenticate_with_password", args=[refused.restriction.pk]
    )
    template = getattr(
        settings,
        "WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE",
        "wagtaildocs/password_required.html",
    )
    context = {"form": form, "action_url": action_url}
    return TemplateResponse(request, template, context)


@hooks.register("before_serve_document", order=-1)
def _document_access(document, request: HttpRequest):
    """A document in a restricted collection follows the same rule as a
    page: see portal.accounts.access."""
    refused = document_refusal(request, document)
    if refused is None:
        return None
    response = _document_refused_response(request, document, refused)
    add_never_cache_headers(response)
    return response


@hooks.register("before_delete_user")
def _erase_app_data_before_admin_delete(request: HttpRequest, user) -> None:
    # Wagtail deletes the row itself; without this the apps' data of the
    # account (registrations, cases, posts, subscriptions) would outlive it.
    # The hook also runs for the confirmation page (GET): only the POST deletes.
    if request.method == "POST":
        account_delete_by_admin(user=user, by=request.user)


@hooks.register("before_bulk_action")
def _erase_app_data_before_admin_bulk_delete(
    request: HttpRequest, action_type: str, objects, action_class_instance
) -> None:
    # Runs when the bulk form is posted, for pages and documents too.
    if action_type != "delete":
        return
    for user in objects:
        if isinstance(user, User):
            account_delete_by_admin(user=user, by=request.user)
