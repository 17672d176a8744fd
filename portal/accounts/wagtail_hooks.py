from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.models import Page, PageViewRestriction

from portal.core.audit import action_register

from . import admin_urls
from .models import User
from .roles import REVIEW_PERMISSION
from .selectors import account_requests_pending_count, user_is_member
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


@hooks.register("before_serve_page", order=-1)
def _members_only_for_logged_in_non_members(page: Page, request, serve_args, kw):
    """A logged-in account without approval is told why it cannot read a
    members-only page, instead of being sent to a login form it already
    passed. Anonymous visitors fall through to Wagtail's login redirect."""
    if not request.user.is_authenticated or user_is_member(request.user):
        return None
    for restriction in page.get_view_restrictions():
        if restriction.restriction_type in (
            PageViewRestriction.GROUPS,
            PageViewRestriction.LOGIN,
        ) and not restriction.accept_request(request):
            response = TemplateResponse(
                request,
                "accounts/members_only.html",
                {"page": page, "subject": page.title},
                status=403,
            )
            add_never_cache_headers(response)
            return response
    return None


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
