"""The second factor behind every adviser power.

An adviser's powers (the management environment, other members' cases,
moderation, the advisers' side of the expert network, unpublished documents)
need a session in which the adviser passed the second factor: allauth
recorded an "mfa" authentication for this user in this session, at login,
on the reauthentication step, or when they set up their authenticator app.

``SecondFactorMiddleware`` (portal.accounts.middleware) marks the request's
user of any other session, so that ``user_is_adviser`` answers False for it
everywhere, and sends such an adviser who opens an address of
``ADVISER_POWERS`` to the second-factor step. Outside requests (commands,
tasks) nothing is marked and the roles keep their meaning.
"""

from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import ResolverMatch, reverse
from django.utils.translation import gettext as _

from .selectors import user_has_adviser_role

# The one list of what counts as adviser power: address prefixes (starting
# with "/") and URL names. Everything below /admin/ is (the Wagtail admin
# with the case review, tag moderation, the policy book, participants,
# newsletters and account requests); the URL names are the advisers' pages
# outside it. Wagtail's document serving asks ``second_factor_step`` itself
# for documents that are not yet published, since only the document, not
# its address, tells.
ADVISER_POWERS: tuple[str, ...] = (
    "/admin/",
    # Other members' cases and their threads (reading and writing).
    "casebook:detail",
    "casebook:message",
    # Community moderation.
    "community:post_hide",
    "community:post_unhide",
    "community:post_mark",
    "community:thread_lock",
    # Turning a meeting's topic wishes into its agenda and discussions.
    "community:topic_wishes_choose",
    # The expert network: every request and the assignment of experts.
    "experts:requests",
    "experts:request",
    "experts:message",
    "experts:close",
    "experts:assign",
    # Hosting a digital cup of coffee: an adviser's times and the bookings
    # of them (members with an expert profile host without an adviser role,
    # and are never asked).
    "experts:coffee_host",
    "experts:coffee_slot_remove",
    "experts:coffee_cancel",
)
_PREFIXES = tuple(power for power in ADVISER_POWERS if power.startswith("/"))
_URL_NAMES = frozenset(power for power in ADVISER_POWERS if not power.startswith("/"))


def session_passed_second_factor(request: HttpRequest, user=None) -> bool:
    """allauth recorded the second factor for this user (the request's, by
    default) in this session."""
    records = get_authentication_records(request, user or request.user)
    return any(record.get("method") == "mfa" for record in records)


def is_adviser_power(path_info: str, match: ResolverMatch | None) -> bool:
    if path_info.startswith(_PREFIXES):
        return True
    return match is not None and match.view_name in _URL_NAMES


def needs_second_factor_step(request: HttpRequest) -> bool:
    """An account with adviser powers (or access to the management
    environment) whose session did not pass the second factor."""
    user = request.user
    if not user.is_authenticated or session_passed_second_factor(request):
        return False
    return user_has_adviser_role(user) or user.has_perm("wagtailadmin.access_admin")


def second_factor_step(request: HttpRequest) -> HttpResponseRedirect:
    """To setting up the authenticator app when the account has none, else to
    entering its code, after which allauth brings the adviser back here."""
    if not is_mfa_enabled(request.user):
        messages.warning(
            request,
            _(
                "Advisers must use two-factor authentication. Set up an "
                "authenticator app before you open the management environment."
            ),
        )
        return HttpResponseRedirect(reverse("mfa_activate_totp"))
    messages.warning(
        request,
        _(
            "This is part of your work as an adviser. Enter the code from your "
            "authenticator app first."
        ),
    )
    url = reverse("mfa_reauthenticate")
    if request.method in ("GET", "HEAD"):
        # A form's POST cannot be repeated by a redirect; after a POST the
        # adviser lands on the start page and sends the form again.
        url += "?" + urlencode({"next": request.get_full_path()})
    return HttpResponseRedirect(url)


def record_second_factor(request: HttpRequest, user, authenticator) -> None:
    """Setting up the authenticator app proves its second factor: the adviser
    who just did so is not asked for a code again in this session."""
    record_authentication(
        request, user, "mfa", id=authenticator.pk, type=authenticator.type
    )
