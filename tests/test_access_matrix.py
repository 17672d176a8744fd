"""Who gets what at every address of the site: one table, read row by row.

Rows are (URL name, method, object); the object names what the address is
about (``own case`` is the member's; ``-`` is an address without one) and
``wagtail_serve`` rows name a page. Each row holds the expected answer for
the six roles, in the order of ``ROLES``: anonymous visitor, account
awaiting approval, the member who owns the private objects, another member,
an expert (a member with an expert profile, assigned to the member's request
for help) and an adviser (staff with an authenticator app).

A new named URL without a row, and not in ``EXCLUDED`` or behind the Wagtail
admin's own gate (``test_the_admin_sends_everyone_else_to_log_in``), makes
``test_every_named_url_has_a_row`` fail.
"""

from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .access_fixtures import ROLES, World
from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

OK = 200
INVALID = 400  # the form, again, with its errors
DENIED = 403  # the members-only explanation, or no permission for the action
GONE = 404  # not found, or not for you: the same answer either way
NO_GET = 405  # an action that only a POST performs
LOGIN = "302 login"  # sent to the login page
BACK = "302 page"  # sent on to a page of the site, with a message
MFA = "302 mfa"  # an adviser is sent to set up the authenticator app first

Answer = int | str
Row = tuple[Answer, Answer, Answer, Answer, Answer, Answer]

# The answers of the common kinds of address, as rows.
PUBLIC: Row = (OK, OK, OK, OK, OK, OK)
NOWHERE: Row = (GONE, GONE, GONE, GONE, GONE, GONE)
ACCOUNT: Row = (LOGIN, OK, OK, OK, OK, OK)  # any account, approved or not
MEMBERS: Row = (LOGIN, DENIED, OK, OK, OK, OK)
MEMBERS_ACT: Row = (LOGIN, DENIED, BACK, BACK, BACK, BACK)
MEMBERS_NO_GET: Row = (LOGIN, DENIED, NO_GET, NO_GET, NO_GET, NO_GET)
ANONYMOUS_ONLY: Row = (OK, BACK, BACK, BACK, BACK, BACK)
ADMIN: Row = (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, OK)
ADMIN_ACT: Row = (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, BACK)
ADMIN_NO_GET: Row = (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, NO_GET)
MODERATE_NO_GET: Row = (LOGIN, DENIED, DENIED, DENIED, DENIED, NO_GET)
REQUEST_NO_GET: Row = (GONE, GONE, NO_GET, GONE, NO_GET, NO_GET)
MEMBER_PAGE: Row = (LOGIN, DENIED, OK, OK, OK, OK)  # Wagtail privacy: members

TABLE: dict[tuple[str, str, str], Row] = {
    # --- health, language, search, tools, feeds -----------------------------
    ("health_live", "GET", "-"): PUBLIC,
    ("health_ready", "GET", "-"): PUBLIC,
    ("set_language", "POST", "-"): (BACK, BACK, BACK, BACK, BACK, BACK),
    ("set_language", "GET", "-"): (BACK,) * 6,  # back, the language unchanged
    ("search", "GET", "-"): PUBLIC,
    ("interventions:tool", "GET", "-"): PUBLIC,
    ("knowledge:news_rss", "GET", "-"): PUBLIC,
    ("knowledge:news_atom", "GET", "-"): PUBLIC,
    ("events:ical_feed", "GET", "-"): PUBLIC,
    ("events:ical_feed_kind", "GET", "kind"): PUBLIC,
    ("events:ical_event", "GET", "event"): PUBLIC,
    ("events:ical_event", "GET", "members event"): NOWHERE,
    # --- links from mails: the signed token is the key ----------------------
    ("events:registration_confirm", "GET", "own confirm link"): PUBLIC,
    ("events:registration_confirm", "POST", "own confirm link"): (BACK,) * 6,
    ("events:registration_cancel", "GET", "own cancel link"): PUBLIC,
    ("events:registration_cancel", "POST", "own cancel link"): (BACK,) * 6,
    ("events:registration_cancel", "GET", "bad token"): NOWHERE,
    ("newsletter:signup", "GET", "-"): PUBLIC,
    ("newsletter:signup", "POST", "-"): (INVALID,) * 6,
    ("newsletter:confirm", "GET", "own subscription link"): PUBLIC,
    ("newsletter:confirm", "POST", "own subscription link"): (BACK,) * 6,
    ("newsletter:unsubscribe", "GET", "own unsubscribe link"): PUBLIC,
    ("newsletter:unsubscribe", "POST", "own unsubscribe link"): (BACK,) * 6,
    ("newsletter:unsubscribe", "GET", "bad token"): NOWHERE,
    ("community:unfollow_by_link", "GET", "own follow"): PUBLIC,
    ("community:unfollow_by_link", "POST", "own follow"): PUBLIC,
    # --- accounts (allauth) -------------------------------------------------
    ("account_login", "GET", "-"): ANONYMOUS_ONLY,
    ("account_signup", "GET", "-"): ANONYMOUS_ONLY,
    ("account_logout", "GET", "-"): (BACK, OK, OK, OK, OK, OK),
    ("account_logout", "POST", "-"): (BACK,) * 6,
    ("account_inactive", "GET", "-"): PUBLIC,
    ("account_reauthenticate", "GET", "-"): ACCOUNT,
    ("account_email", "GET", "-"): ACCOUNT,
    ("account_email_verification_sent", "GET", "-"): PUBLIC,
    ("account_change_password", "GET", "-"): ACCOUNT,
    ("account_set_password", "GET", "-"): (LOGIN, BACK, BACK, BACK, BACK, BACK),
    ("account_reset_password", "GET", "-"): PUBLIC,
    ("account_reset_password_done", "GET", "-"): PUBLIC,
    ("account_reset_password_from_key", "GET", "bad reset key"): PUBLIC,
    ("account_reset_password_from_key_done", "GET", "-"): PUBLIC,
    ("account_confirm_email", "GET", "bad confirmation key"): PUBLIC,
    # Without a login in progress there is no code or second factor to ask.
    ("account_confirm_login_code", "GET", "-"): (LOGIN, BACK, BACK, BACK, BACK, BACK),
    ("mfa_authenticate", "GET", "-"): (LOGIN, BACK, BACK, BACK, BACK, BACK),
    ("mfa_index", "GET", "-"): ACCOUNT,
    # Changing the second factor first asks for the password again (BACK is
    # the reauthentication page); what one does not have is not found.
    ("mfa_reauthenticate", "GET", "-"): (LOGIN, BACK, BACK, BACK, BACK, OK),
    ("mfa_activate_totp", "GET", "-"): (LOGIN, BACK, BACK, BACK, BACK, BACK),
    ("mfa_deactivate_totp", "GET", "-"): (LOGIN, GONE, GONE, GONE, GONE, BACK),
    ("mfa_view_recovery_codes", "GET", "-"): (LOGIN, GONE, GONE, GONE, GONE, GONE),
    ("mfa_generate_recovery_codes", "GET", "-"): (LOGIN, BACK, BACK, BACK, BACK, BACK),
    ("mfa_download_recovery_codes", "GET", "-"): (LOGIN, GONE, GONE, GONE, GONE, GONE),
    # --- my account: always one's own --------------------------------------
    ("accounts:overview", "GET", "-"): ACCOUNT,
    ("accounts:export", "GET", "-"): ACCOUNT,
    ("accounts:delete", "GET", "-"): ACCOUNT,
    ("accounts:delete", "POST", "-"): ACCOUNT,  # no password: the form again
    # --- community: shared among members; moderation for advisers ----------
    ("community:home", "GET", "-"): MEMBERS,
    ("community:theme", "GET", "theme"): MEMBERS,
    ("community:thread_create", "GET", "theme"): MEMBERS,
    ("community:thread_create", "POST", "theme"): MEMBERS,  # empty: the form
    ("community:thread", "GET", "own thread"): MEMBERS,
    ("community:post_create", "GET", "own thread"): MEMBERS_NO_GET,
    ("community:post_create", "POST", "own thread"): (
        LOGIN,
        DENIED,
        INVALID,
        INVALID,
        INVALID,
        INVALID,
    ),
    ("community:thread_follow", "GET", "own thread"): MEMBERS_NO_GET,
    ("community:thread_follow", "POST", "own thread"): MEMBERS_ACT,
    ("community:thread_lock", "GET", "own thread"): (
        LOGIN,
        DENIED,
        DENIED,
        DENIED,
        DENIED,
        NO_GET,
    ),
    ("community:thread_lock", "POST", "own thread"): (
        LOGIN,
        DENIED,
        DENIED,
        DENIED,
        DENIED,
        BACK,
    ),
    ("community:post_edit", "GET", "own post"): (
        LOGIN,
        DENIED,
        OK,
        DENIED,
        DENIED,
        DENIED,
    ),
    ("community:post_edit", "POST", "own post"): (
        LOGIN,
        DENIED,
        OK,
        DENIED,
        DENIED,
        DENIED,
    ),
    ("community:post_mark", "POST", "own post"): (
        LOGIN,
        DENIED,
        DENIED,
        DENIED,
        DENIED,
        BACK,
    ),
    ("community:post_mark", "GET", "own post"): MODERATE_NO_GET,
    ("community:post_hide", "GET", "own post"): (
        LOGIN,
        DENIED,
        DENIED,
        DENIED,
        DENIED,
        NO_GET,
    ),
    ("community:post_hide", "POST", "own post"): (
        LOGIN,
        DENIED,
        DENIED,
        DENIED,
        DENIED,
        BACK,
    ),
    ("community:post_unhide", "POST", "own post"): (
        LOGIN,
        DENIED,
        DENIED,
        DENIED,
        DENIED,
        BACK,
    ),
    ("community:post_unhide", "GET", "own post"): MODERATE_NO_GET,
    # --- casebook: a case is its submitter's (advisers once submitted) -----
    ("casebook:new", "GET", "-"): MEMBERS,
    ("casebook:mine", "GET", "-"): MEMBERS,
    ("casebook:new", "POST", "-"): MEMBERS,  # empty: the form again
    ("casebook:detail", "GET", "own draft"): (GONE, GONE, OK, GONE, GONE, GONE),
    ("casebook:detail", "GET", "own case"): (GONE, GONE, OK, GONE, GONE, OK),
    ("casebook:edit", "GET", "own draft"): (GONE, GONE, OK, GONE, GONE, GONE),
    ("casebook:edit", "POST", "own draft"): (GONE, GONE, OK, GONE, GONE, GONE),
    ("casebook:preview", "GET", "own draft"): (GONE, GONE, OK, GONE, GONE, GONE),
    ("casebook:preview", "POST", "own draft"): (GONE, GONE, BACK, GONE, GONE, GONE),
    ("casebook:message", "GET", "own case"): (GONE, GONE, NO_GET, GONE, GONE, NO_GET),
    ("casebook:message", "POST", "own case"): (GONE, GONE, BACK, GONE, GONE, BACK),
    ("casebook:withdraw", "GET", "own case"): (GONE, GONE, OK, GONE, GONE, GONE),
    ("casebook:withdraw", "POST", "own case"): (GONE, GONE, BACK, GONE, GONE, GONE),
    # --- expert network: a request is its requester's, assigned experts'
    # and advisers' ----------------------------------------------------------
    ("experts:directory", "GET", "-"): MEMBERS,
    ("experts:my_profile", "GET", "-"): MEMBERS,
    # A member without a profile is told so; the expert's empty form fails.
    ("experts:my_profile", "POST", "-"): (LOGIN, DENIED, OK, OK, INVALID, OK),
    ("experts:requests", "GET", "-"): MEMBERS,
    ("experts:request_new", "GET", "-"): MEMBERS,
    ("experts:request_new", "POST", "-"): (
        LOGIN,
        DENIED,
        INVALID,
        INVALID,
        INVALID,
        INVALID,
    ),
    ("experts:coffee", "GET", "-"): MEMBERS,
    ("experts:request", "GET", "own request"): (GONE, GONE, OK, GONE, OK, OK),
    ("experts:message", "GET", "own request"): (
        GONE,
        GONE,
        NO_GET,
        GONE,
        NO_GET,
        NO_GET,
    ),
    ("experts:message", "POST", "own request"): (GONE, GONE, BACK, GONE, BACK, BACK),
    ("experts:close", "POST", "own request"): (GONE, GONE, BACK, GONE, BACK, BACK),
    ("experts:close", "GET", "own request"): REQUEST_NO_GET,
    ("experts:to_case", "POST", "own request"): (GONE, GONE, BACK, GONE, BACK, BACK),
    ("experts:to_case", "GET", "own request"): REQUEST_NO_GET,
    ("experts:assign", "GET", "own request"): (GONE, GONE, GONE, GONE, GONE, OK),
    ("experts:assign", "POST", "own request"): (GONE, GONE, GONE, GONE, GONE, INVALID),
    # --- Wagtail pages, by type ---------------------------------------------
    ("wagtail_serve", "GET", "home"): PUBLIC,
    ("wagtail_serve", "GET", "dossier"): PUBLIC,
    ("wagtail_serve", "GET", "theme page"): PUBLIC,
    ("wagtail_serve", "GET", "members' theme page"): MEMBER_PAGE,
    ("wagtail_serve", "GET", "meeting report"): PUBLIC,
    ("wagtail_serve", "GET", "information page"): PUBLIC,
    ("wagtail_serve", "GET", "news index"): PUBLIC,
    ("wagtail_serve", "GET", "news page"): PUBLIC,
    ("wagtail_serve", "GET", "event index"): PUBLIC,
    ("wagtail_serve", "GET", "event page"): PUBLIC,
    ("wagtail_serve", "GET", "members' event page"): MEMBER_PAGE,
    ("wagtail_serve", "GET", "event registration"): (NO_GET,) * 6,
    # Guests fill in the form (empty: errors); members register in one click.
    ("wagtail_serve", "POST", "event registration"): (
        INVALID,
        INVALID,
        BACK,
        BACK,
        BACK,
        BACK,
    ),
    ("wagtail_serve", "GET", "case index"): PUBLIC,
    ("wagtail_serve", "GET", "members' case page"): MEMBER_PAGE,
    ("wagtail_serve", "GET", "policy book index"): PUBLIC,
    ("wagtail_serve", "GET", "policy book"): PUBLIC,
    ("wagtail_serve", "GET", "policy book draft"): NOWHERE,
    ("wagtail_serve", "GET", "draft page"): NOWHERE,
    ("wagtail_serve", "GET", "password page"): PUBLIC,  # the password form
    ("wagtail_serve", "GET", "no such page"): NOWHERE,
    # Wagtail's own login form would skip the second factor: sent to allauth.
    ("wagtailcore_login", "GET", "-"): (LOGIN,) * 6,
    ("wagtailcore_login", "POST", "-"): (LOGIN,) * 6,
    ("wagtailcore_authenticate_with_password", "POST", "password page"): PUBLIC,
    ("wagtailcore_authenticate_with_password", "GET", "password page"): PUBLIC,
    # --- documents ----------------------------------------------------------
    ("wagtaildocs_serve", "GET", "document"): PUBLIC,
    ("wagtaildocs_serve", "GET", "policy book draft pdf"): (
        GONE,
        GONE,
        GONE,
        GONE,
        GONE,
        OK,
    ),
    ("wagtaildocs_authenticate_with_password", "GET", "no restriction"): NOWHERE,
    # --- the Wagtail admin: advisers only -----------------------------------
    ("wagtailadmin_home", "GET", "-"): ADMIN,
    ("wagtailadmin_explore_root", "GET", "-"): ADMIN,
    ("wagtailadmin_explore", "GET", "home"): ADMIN,
    ("wagtailadmin_pages:edit", "GET", "home"): ADMIN,
    ("wagtailadmin_pages:view_draft", "GET", "draft page"): ADMIN,
    ("wagtailadmin_reports:site_history", "GET", "-"): ADMIN,
    ("wagtailadmin_reports:aging_pages", "GET", "-"): ADMIN,
    ("wagtailusers_users:index", "GET", "-"): (
        LOGIN,
        LOGIN,
        LOGIN,
        LOGIN,
        LOGIN,
        BACK,
    ),
    ("wagtaildocs:index", "GET", "-"): ADMIN,
    ("wagtailadmin_account", "GET", "-"): ADMIN,
    ("wagtailadmin_sprite", "GET", "-"): PUBLIC,
    ("wagtailadmin_javascript_catalog", "GET", "-"): PUBLIC,
    ("wagtailadmin_login", "GET", "-"): (LOGIN,) * 6,
    ("wagtailadmin_logout", "GET", "-"): (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, NO_GET),
    ("wagtailadmin_logout", "POST", "-"): (LOGIN,) * 6,
    ("wagtailadmin_password_reset", "GET", "-"): PUBLIC,
    ("wagtailadmin_password_reset_done", "GET", "-"): PUBLIC,
    ("wagtailadmin_password_reset_confirm", "GET", "bad admin reset key"): PUBLIC,
    ("wagtailadmin_password_reset_complete", "GET", "-"): PUBLIC,
    ("account_requests:index", "GET", "-"): ADMIN,
    ("account_requests:approve", "GET", "applicant"): (
        LOGIN,
        LOGIN,
        LOGIN,
        LOGIN,
        LOGIN,
        NO_GET,
    ),
    ("account_requests:approve", "POST", "applicant"): ADMIN_ACT,
    ("account_requests:reject", "POST", "applicant"): ADMIN_ACT,
    ("account_requests:reject", "GET", "applicant"): ADMIN_NO_GET,
    ("newsletter_admin:index", "GET", "-"): ADMIN,
    ("newsletter_admin:export", "GET", "-"): ADMIN,
    ("event_participants:index", "GET", "-"): ADMIN,
    ("event_participants:participants", "GET", "event"): ADMIN,
    ("event_participants:export", "GET", "event"): ADMIN,
    ("event_participants:attendance", "POST", "event"): ADMIN_ACT,
    ("event_participants:attendance", "GET", "event"): ADMIN_NO_GET,
    ("event_participants:message", "POST", "event"): ADMIN_ACT,
    ("event_participants:message", "GET", "event"): ADMIN_NO_GET,
    ("event_participants:decide", "POST", "registration"): ADMIN_ACT,
    ("event_participants:decide", "GET", "registration"): ADMIN_NO_GET,
    ("casebook_review:queue", "GET", "-"): ADMIN,
    ("casebook_review:review", "GET", "own draft"): (
        LOGIN,
        LOGIN,
        LOGIN,
        LOGIN,
        LOGIN,
        GONE,
    ),
    ("casebook_review:review", "GET", "own case"): ADMIN,
    ("casebook_review:original", "GET", "own case"): ADMIN,
    ("casebook_review:edit", "GET", "own case"): ADMIN,
    ("casebook_review:edit", "POST", "own case"): ADMIN,  # the form again
    ("casebook_review:message", "POST", "own case"): ADMIN_ACT,
    ("casebook_review:message", "GET", "own case"): ADMIN_NO_GET,
    ("casebook_review:publish", "POST", "own case"): ADMIN_ACT,
    ("casebook_review:publish", "GET", "own case"): ADMIN_NO_GET,
    ("casebook_review:reject", "POST", "own case"): ADMIN_ACT,
    ("casebook_review:reject", "GET", "own case"): ADMIN_NO_GET,
    ("casebook_review:schedule", "POST", "own case"): ADMIN_ACT,
    ("casebook_review:schedule", "GET", "own case"): ADMIN_NO_GET,
    ("community_tags:index", "GET", "-"): ADMIN,
    ("community_tags:index", "POST", "-"): ADMIN,
    ("community_tags:split", "GET", "tag"): ADMIN,
    ("community_tags:split", "POST", "tag"): ADMIN,
    ("policy_book_admin:form", "GET", "-"): ADMIN,
    ("policy_book_admin:form", "POST", "-"): ADMIN,
    ("policy_book_admin:build", "GET", "build"): ADMIN,
}

# Named addresses without a row, and why.
EXCLUDED = {
    # Wagtail's own admin below /admin/ is covered by
    # test_the_admin_sends_everyone_else_to_log_in, not listed here.
}

# What each object of a row stands for: URL arguments, or a page's path.
TARGETS: dict[str, Callable[[World], dict | tuple | str]] = {
    "-": lambda w: {},
    "kind": lambda w: {"kind": "leerkring"},
    "event": lambda w: {"pk": w.event.pk},
    "members event": lambda w: {"pk": w.event_members.pk},
    # Mail links: the signed token of the member's registration, newsletter
    # subscription or following of a thread.
    "own confirm link": lambda w: {"token": w.registration_token("confirm")},
    "own cancel link": lambda w: {"token": w.registration_token("cancel")},
    "own subscription link": lambda w: {"token": w.subscriber_token("confirm")},
    "own unsubscribe link": lambda w: {"token": w.subscriber_token("unsubscribe")},
    "bad token": lambda w: {"token": "niet-ondertekend"},
    "bad reset key": lambda w: {"uidb36": "2", "key": "x-y"},
    "bad confirmation key": lambda w: {"key": "x-y"},
    "bad admin reset key": lambda w: {"uidb64": "Mg", "token": "x-y"},
    "registration": lambda w: {
        "pk": w.registration.event_id,
        "registration_pk": w.registration.pk,
    },
    "own follow": lambda w: {"token": w.unfollow_token()},
    "theme": lambda w: {"slug": w.theme.slug},
    "own thread": lambda w: {"pk": w.thread.pk},
    "own post": lambda w: {"pk": w.post.pk},
    "own draft": lambda w: {"pk": w.case_draft.pk},
    "own case": lambda w: {"pk": w.case_submitted.pk},
    "own request": lambda w: {"pk": w.help_request.pk},
    "applicant": lambda w: {"pk": w.accounts["unapproved"].pk},
    "tag": lambda w: {"pk": w.community_tag.pk},
    "build": lambda w: {"pk": w.policy_book_build.pk},
    "document": lambda w: (w.document.pk, w.document.filename),
    "policy book draft pdf": lambda w: (
        w.policy_book_draft.pdf.pk,
        w.policy_book_draft.pdf.filename,
    ),
    "no restriction": lambda w: {"restriction_id": 99999},
    # Pages: their path on the site.
    "home": lambda w: w.home.url,
    "dossier": lambda w: w.dossier.url,
    "theme page": lambda w: w.theme_page.url,
    "members' theme page": lambda w: w.theme_page_members.url,
    "meeting report": lambda w: w.meeting_report.url,
    "information page": lambda w: w.information_page.url,
    "news index": lambda w: w.news_index.url,
    "news page": lambda w: w.news_page.url,
    "event index": lambda w: w.event_index.url,
    "event page": lambda w: w.event.url,
    "members' event page": lambda w: w.event_members.url,
    "event registration": lambda w: w.event.url + "inschrijven/",
    "case index": lambda w: w.case_index.url,
    "members' case page": lambda w: w.case_page.url,
    "policy book index": lambda w: w.policy_book_index.url,
    "policy book": lambda w: w.policy_book.url,
    "policy book draft": lambda w: w.policy_book_draft.url,
    "draft page": lambda w: w.draft_page.url,
    "password page": lambda w: w.password_page.url,
    "no such page": lambda w: "/bestaat-niet/",
}
# Admin rows that name a page take its id, not its path.
PAGE_IDS = {"page_id", "parent_page_id"}

# Form data for the POST rows: enough to reach the action, not to pass every
# form (a form with errors answers 200 or 400, which is still an answer).
POST_DATA = {
    "set_language": {"language": "nl", "next": "/"},
    "events:registration_cancel": {},
    "community:thread_lock": {"locked": "1"},
    "community:post_mark": {"marked_as": "solution"},
    "community:post_hide": {"reason": "Persoonsgegevens"},
    "account_requests:reject": {"reason": "Geen professional"},
    "casebook:message": {"body": "Een vraag"},
    "casebook_review:message": {"body": "Een vraag"},
    "experts:message": {"body": "Hallo"},
}


def _answer(response) -> Answer:
    if response.status_code not in (301, 302, 303):
        return response.status_code
    target = urlsplit(response["Location"]).path
    if target == reverse("account_login"):
        return LOGIN
    if target == reverse("mfa_activate_totp"):
        return MFA
    return BACK


def _address(world: World, name: str, target: str) -> str:
    value = TARGETS[target](world)
    if isinstance(value, str):
        if name == "wagtail_serve":
            return value
        value = _page_kwargs(world, name, target)
    if isinstance(value, tuple):
        return reverse(name, args=value)
    return reverse(name, kwargs=value)


def _page_kwargs(world: World, name: str, target: str) -> dict:
    page = {
        "home": world.home,
        "draft page": world.draft_page,
        "password page": world.password_page,
    }[target]
    if name == "wagtailcore_authenticate_with_password":
        restriction = page.view_restrictions.get()
        return {"page_view_restriction_id": restriction.pk, "page_id": page.pk}
    if name == "wagtailadmin_explore":
        return {"parent_page_id": page.pk}
    return {"page_id": page.pk}


def _ask(world: World, role: str, method: str, address: str, data: dict) -> Answer:
    """One request as ``role``; whatever it changed is undone afterwards, so
    the next role finds the same objects."""
    with transaction.atomic():
        client = Client()
        account = world.accounts[role]
        if account is not None:
            client.force_login(account)
        cache.clear()  # rate limits count per address, and all come from one
        if method == "GET":
            response = client.get(address)
        else:
            response = client.post(address, data)
        transaction.set_rollback(True)
    return _answer(response)


@pytest.fixture(autouse=True)
def _access_not_queries(settings):
    # Who may see what is the question here; the N+1 check (django-zeal) has
    # tests of its own and would turn a query pattern into an error per cell.
    settings.ZEAL_RAISE = False


@pytest.fixture
def world(home_page) -> World:
    return World(home_page)


@pytest.mark.parametrize(
    ("name", "method", "target"), list(TABLE), ids=[" ".join(k) for k in TABLE]
)
def test_access(world, name, method, target):
    data = POST_DATA.get(name, {"body": "", "action": "save"})
    address = _address(world, name, target)
    observed = tuple(_ask(world, role, method, address, data) for role in ROLES)
    expected = TABLE[(name, method, target)]
    assert observed == expected, f"{address}: got {observed}"


# --- completeness and the admin's gate ---------------------------------------


def _named_patterns(resolver=None, namespace="", prefix=""):
    """(full name, route, callback module) of every named URL pattern."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = (
                    f"{namespace}:{pattern.namespace}"
                    if namespace
                    else (pattern.namespace)
                )
            yield from _named_patterns(pattern, inner, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, prefix + str(pattern.pattern), pattern


def _wagtail_admin(route: str, pattern: URLPattern) -> bool:
    """Wagtail's own admin views below /admin/ (not the site's own)."""
    module = getattr(pattern.callback, "__module__", "")
    return route.startswith("admin/") and module.startswith("wagtail.")


def test_every_named_url_has_a_row():
    in_table = {name for name, _method, _target in TABLE}
    missing = sorted(
        {
            name
            for name, route, pattern in _named_patterns()
            if name not in in_table
            and name not in EXCLUDED
            and not _wagtail_admin(route, pattern)
        }
    )
    assert not missing, "URL names without a row in TABLE or EXCLUDED: " + ", ".join(
        missing
    )


def _dummy_address(name: str, pattern: URLPattern) -> str:
    """The address with made-up arguments: the gate answers before any
    object is looked up."""
    converters = getattr(pattern.pattern, "converters", {})
    kwargs = {
        key: "1" if type(converter).__name__ == "IntConverter" else "x"
        for key, converter in converters.items()
    }
    if not converters:  # a regular expression: digits fit every one here
        kwargs = {key: "1" for key in pattern.pattern.regex.groupindex}
    return reverse(name, kwargs=kwargs)


# One account per set of groups: the other member and the expert are in the
# members' group like the member, and the gate looks at permissions only.
@pytest.mark.parametrize("role", ["anonymous", "unapproved", "member"])
def test_the_admin_sends_everyone_else_to_log_in(world, role):
    """Every address of Wagtail's own admin without a row sends anyone but
    an adviser to the login page; what an adviser may do there is Wagtail's
    permission system, tested by Wagtail."""
    in_table = {name for name, _method, _target in TABLE}
    client = Client()
    if world.accounts[role] is not None:
        client.force_login(world.accounts[role])
    answers = {}
    for name, route, pattern in _named_patterns():
        if name in in_table or not _wagtail_admin(route, pattern):
            continue
        address = _dummy_address(name, pattern)
        answers[address] = _answer(client.get(address))
    assert len(answers) > 100
    assert {a: v for a, v in answers.items() if v != LOGIN} == {}


def test_wagtails_login_form_cannot_skip_the_second_factor(client, world):
    """Wagtail's front-end login form took an adviser's password alone and
    opened the admin; it now sends everyone to allauth's login."""
    adviser = world.accounts["adviser"]
    response = client.post(
        reverse("wagtailcore_login"),
        {"username": adviser.email, "password": PASSWORD},
    )
    assert _answer(response) == LOGIN
    assert _answer(client.get(reverse("wagtailadmin_home"))) == LOGIN


def test_every_action_has_a_row_for_get():
    """What a POST changes, a GET (a mail scanner, a prefetch) must not: the
    table says what a GET of each action answers (405, or a page that asks)."""
    posted = {name for name, method, _target in TABLE if method == "POST"}
    got = {name for name, method, _target in TABLE if method == "GET"}
    assert sorted(posted - got) == []


# Rows about one private object or an admin page of one object, by its id.
BY_ID = {"own draft", "own case", "own request", "applicant", "registration"}


@pytest.mark.parametrize(
    ("name", "method", "target"),
    [key for key in TABLE if key[2] in BY_ID],
    ids=[" ".join(key) for key in TABLE if key[2] in BY_ID],
)
def test_someone_elses_object_answers_like_one_that_does_not_exist(
    world, name, method, target
):
    """Nobody learns which cases, requests or accounts exist: to anyone who
    may not see the object, a made-up id gets the same answer."""
    kwargs = TARGETS[target](world)
    made_up = {key: value + 10_000 for key, value in kwargs.items()}
    address = reverse(name, kwargs=made_up)
    data = POST_DATA.get(name, {"body": "", "action": "save"})
    outsiders = ("anonymous", "unapproved", "other_member")
    observed = tuple(_ask(world, role, method, address, data) for role in outsiders)
    expected = tuple(TABLE[(name, method, target)][ROLES.index(r)] for r in outsiders)
    assert observed == expected, address
