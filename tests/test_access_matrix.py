"""Who gets what at every address of the site: one table, read row by row.

Rows are (URL name, method, object); the object names what the address is
about (``own case`` is the member's; ``-`` is an address without one) and
``wagtail_serve`` rows name a page. Each row holds the expected answer for
the nine roles, in the order of ``ROLES``: the anonymous visitor; three
accounts that are not approved (e-mail address not verified, awaiting
approval, rejected); the member who owns the private objects; another
member; an expert (a member with an expert profile, assigned to the member's
request for help); an adviser without an authenticator app, logged in with a
password only; and an adviser whose session passed the second factor.

An answer is the status code, or for a redirect where it lands; and whether
the request changed anything: the row's object, the counts of every table,
the accounts and the visitor's session and language are read before and
after each request (inside a transaction that is then rolled back). A plain
status (``OK``) means nothing changed; a redirect says so either way. An
answer that shows the original text of the member's case or request for
help (before anonymisation) says ``+ original``: only the author's column
may.

A new named URL without a row, and not in ``EXCLUDED`` or behind the Wagtail
admin's own gate (``test_the_admin_sends_everyone_else_to_log_in``), makes
``test_every_named_url_has_a_row`` fail.
"""

from collections.abc import Callable
from functools import cache as memoise
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.urls import (
    Resolver404,
    URLPattern,
    URLResolver,
    get_resolver,
    resolve,
    reverse,
)
from wagtail.models import CollectionViewRestriction

from portal.accounts.models import User

from .access_fixtures import PAGE_PASSWORD, ROLES, UNAPPROVED_ROLES, World, log_in
from .casebook.factories import PERSONAL
from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

Answer = int | str
Row = tuple[Answer, Answer, Answer, Answer, Answer, Answer, Answer, Answer, Answer]

CHANGED = True


def to(place: str, changed: bool = False) -> str:
    """A redirect to ``place`` (a page of the world or a URL name), and
    whether the request changed anything."""
    return f"302 -> {place}, {'changed' if changed else 'unchanged'}"


OK = 200
INVALID = 400  # the form, again, with its errors
DENIED = 403  # the members-only explanation, or no permission for the action
GONE = 404  # not found, or not for you: the same answer either way
NO_GET = 405  # an action that only a POST performs
DONE = "200, changed"  # done, and the answer is a page rather than a redirect
LOGIN = to("login")  # sent to the login page, nothing done
MFA = to("authenticator setup")  # an adviser must set up the second factor first
TO_HOME = to("home")
TO_ACCOUNT = to("my account")  # allauth's start page for a logged-in account
TO_REAUTHENTICATE = to("reauthenticate")  # asked for the password again
READS_ORIGINAL = "200 + original"  # the text as the author wrote it

# Where a redirect lands, by URL name, in the words of the table.
PLACES = {
    "account_login": "login",
    "mfa_activate_totp": "authenticator setup",
    "mfa_reauthenticate": "second factor",
    "mfa_authenticate": "second factor",
    "account_reauthenticate": "reauthenticate",
    "accounts:overview": "my account",
    "account_change_password": "change password",
    "mfa_index": "two-factor overview",
    "community:thread": "thread",
    "community:topic_wishes": "topic wishes",
    "experts:request": "request",
    "experts:coffee": "coffee",
    "experts:coffee_host": "coffee host",
    "newsletter:signup": "newsletter",
    "casebook_review:review": "review",
    "wagtailadmin_home": "admin home",
    "account_requests:index": "account requests",
    "event_participants:participants": "participants",
}

# The member's personal data in the original text of their case and their
# request for help; anonymisation replaces it.
ORIGINAL_MARKER = PERSONAL[1]


def row(
    anonymous: Answer,
    unapproved: Answer,
    member: Answer,
    other_member: Answer,
    expert: Answer,
    adviser_without_second_factor: Answer,
    adviser: Answer,
) -> Row:
    """A row in which the three accounts that are not approved (unverified,
    pending, rejected) get the same answer."""
    return (
        anonymous,
        unapproved,
        unapproved,
        unapproved,
        member,
        other_member,
        expert,
        adviser_without_second_factor,
        adviser,
    )


# The answers of the common kinds of address, as rows. The columns of row():
# anonymous, not approved (x3), member, other member, expert, adviser without
# the second factor, adviser.
PUBLIC: Row = row(OK, OK, OK, OK, OK, OK, OK)
NOWHERE: Row = row(GONE, GONE, GONE, GONE, GONE, GONE, GONE)
ACCOUNT: Row = row(LOGIN, OK, OK, OK, OK, OK, OK)  # any account, approved or not
MEMBERS: Row = row(LOGIN, DENIED, OK, OK, OK, OK, OK)
MEMBERS_NO_GET: Row = row(LOGIN, DENIED, NO_GET, NO_GET, NO_GET, NO_GET, NO_GET)
ANONYMOUS_ONLY: Row = row(
    OK, TO_ACCOUNT, TO_ACCOUNT, TO_ACCOUNT, TO_ACCOUNT, TO_ACCOUNT, TO_ACCOUNT
)
ADMIN: Row = row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, MFA, OK)
ADMIN_NO_GET: Row = row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, MFA, NO_GET)
MODERATE_NO_GET: Row = row(LOGIN, DENIED, DENIED, DENIED, DENIED, MFA, NO_GET)
REQUEST_NO_GET: Row = row(GONE, GONE, NO_GET, GONE, NO_GET, MFA, NO_GET)
# Wagtail privacy "logged-in users" or the groups Members and Advisers: the
# accounts that are not approved count as anonymous, but are logged in, so
# they get the members-only explanation rather than a login loop.
MEMBER_PAGE: Row = row(LOGIN, DENIED, OK, OK, OK, OK, OK)
# Wagtail privacy: the group Advisers only, which an adviser passes only in a
# session that passed the second factor.
ADVISER_PAGE: Row = row(LOGIN, DENIED, DENIED, DENIED, DENIED, DENIED, OK)
# A shared password: the password form for everyone until they enter it.
PASSWORD_FORM: Row = PUBLIC
# Only the author reads the original text.
ORIGINAL_FOR_AUTHOR: Row = row(GONE, GONE, READS_ORIGINAL, GONE, GONE, GONE, GONE)

# Answers that recur in the table, with what they stand for.
LANGUAGE_SET = to("home", CHANGED)  # the language cookie is set
LOGGED_OUT = to("home", CHANGED)
REGISTERED = to("event page", CHANGED)
TO_THREAD = to("thread")  # refused or nothing to do: the thread, as it was
MODERATED = to("thread", CHANGED)  # locked, marked, hidden or shown again
TO_REQUEST = to("request")
REQUEST_CHANGED = to("request", CHANGED)
CASE_MESSAGE_SENT = to("casebook:detail", CHANGED)
PREVIEWED = "200 + original, changed"  # the anonymisation is stored
REVIEW = to("review")  # the case's review page, the case as it was
REVIEWED = to("review", CHANGED)
ADMIN_PUBLIC: Row = row(OK, OK, OK, OK, OK, MFA, OK)  # everything below /admin/

TABLE: dict[tuple[str, str, str], Row] = {
    # --- health, language, search, tools, feeds -----------------------------
    ("health_live", "GET", "-"): PUBLIC,
    ("health_ready", "GET", "-"): PUBLIC,
    ("set_language", "POST", "-"): row(
        LANGUAGE_SET,
        LANGUAGE_SET,
        LANGUAGE_SET,
        LANGUAGE_SET,
        LANGUAGE_SET,
        LANGUAGE_SET,
        LANGUAGE_SET,
    ),
    # Back, the language unchanged.
    ("set_language", "GET", "-"): row(
        TO_HOME, TO_HOME, TO_HOME, TO_HOME, TO_HOME, TO_HOME, TO_HOME
    ),
    ("search", "GET", "-"): PUBLIC,
    ("interventions:tool", "GET", "-"): PUBLIC,
    ("knowledge:news_rss", "GET", "-"): PUBLIC,
    ("knowledge:news_atom", "GET", "-"): PUBLIC,
    ("events:ical_feed", "GET", "-"): PUBLIC,
    ("events:ical_feed_kind", "GET", "kind"): PUBLIC,
    ("events:ical_event", "GET", "event"): PUBLIC,
    ("events:ical_event", "GET", "members event"): NOWHERE,
    # Follow a kind of meeting: members only, one POST, back to the overview.
    ("events:topic_follow", "GET", "-"): MEMBERS_NO_GET,
    ("events:topic_follow", "POST", "-"): row(
        LOGIN,
        DENIED,
        to("my account", CHANGED),
        to("my account", CHANGED),
        to("my account", CHANGED),
        to("my account", CHANGED),
        to("my account", CHANGED),
    ),
    # --- links from mails: the signed token is the key ----------------------
    ("events:registration_confirm", "GET", "own confirm link"): PUBLIC,
    # The member's registration is confirmed already: back, nothing to do.
    ("events:registration_confirm", "POST", "own confirm link"): row(
        to("event page"),
        to("event page"),
        to("event page"),
        to("event page"),
        to("event page"),
        to("event page"),
        to("event page"),
    ),
    ("events:registration_cancel", "GET", "own cancel link"): PUBLIC,
    ("events:registration_cancel", "POST", "own cancel link"): row(
        to("event page", CHANGED),
        to("event page", CHANGED),
        to("event page", CHANGED),
        to("event page", CHANGED),
        to("event page", CHANGED),
        to("event page", CHANGED),
        to("event page", CHANGED),
    ),
    ("events:registration_cancel", "GET", "bad token"): NOWHERE,
    ("newsletter:signup", "GET", "-"): PUBLIC,
    ("newsletter:signup", "POST", "-"): row(
        INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID
    ),
    ("newsletter:confirm", "GET", "own subscription link"): PUBLIC,
    ("newsletter:confirm", "POST", "own subscription link"): row(
        to("newsletter", CHANGED),
        to("newsletter", CHANGED),
        to("newsletter", CHANGED),
        to("newsletter", CHANGED),
        to("newsletter", CHANGED),
        to("newsletter", CHANGED),
        to("newsletter", CHANGED),
    ),
    ("newsletter:unsubscribe", "GET", "own unsubscribe link"): PUBLIC,
    ("newsletter:unsubscribe", "POST", "own unsubscribe link"): row(
        to("newsletter", CHANGED),
        to("newsletter", CHANGED),
        to("newsletter", CHANGED),
        to("newsletter", CHANGED),
        to("newsletter", CHANGED),
        to("newsletter", CHANGED),
        to("newsletter", CHANGED),
    ),
    ("newsletter:unsubscribe", "GET", "bad token"): NOWHERE,
    ("events:topic_unsubscribe", "GET", "own topic follow"): PUBLIC,
    ("events:topic_unsubscribe", "POST", "own topic follow"): row(
        DONE, DONE, DONE, DONE, DONE, DONE, DONE
    ),
    ("events:topic_unsubscribe", "GET", "bad token"): row(
        INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID
    ),
    ("events:topic_unsubscribe", "POST", "bad token"): row(
        INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID
    ),
    ("community:unfollow_by_link", "GET", "own follow"): PUBLIC,
    ("community:unfollow_by_link", "POST", "own follow"): row(
        DONE, DONE, DONE, DONE, DONE, DONE, DONE
    ),
    # --- accounts (allauth) -------------------------------------------------
    ("account_login", "GET", "-"): ANONYMOUS_ONLY,
    ("account_signup", "GET", "-"): ANONYMOUS_ONLY,
    ("account_logout", "GET", "-"): row(TO_HOME, OK, OK, OK, OK, OK, OK),
    ("account_logout", "POST", "-"): row(
        TO_HOME, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT, LOGGED_OUT
    ),
    ("account_inactive", "GET", "-"): PUBLIC,
    ("account_reauthenticate", "GET", "-"): ACCOUNT,
    ("account_email", "GET", "-"): ACCOUNT,
    ("account_email_verification_sent", "GET", "-"): PUBLIC,
    ("account_change_password", "GET", "-"): ACCOUNT,
    ("account_set_password", "GET", "-"): row(
        LOGIN,
        to("change password"),
        to("change password"),
        to("change password"),
        to("change password"),
        to("change password"),
        to("change password"),
    ),
    ("account_reset_password", "GET", "-"): PUBLIC,
    ("account_reset_password_done", "GET", "-"): PUBLIC,
    ("account_reset_password_from_key", "GET", "bad reset key"): PUBLIC,
    ("account_reset_password_from_key_done", "GET", "-"): PUBLIC,
    ("account_confirm_email", "GET", "bad confirmation key"): PUBLIC,
    # Without a login in progress there is no code or second factor to ask.
    ("account_confirm_login_code", "GET", "-"): row(
        LOGIN, TO_ACCOUNT, TO_ACCOUNT, TO_ACCOUNT, TO_ACCOUNT, TO_ACCOUNT, TO_ACCOUNT
    ),
    ("mfa_authenticate", "GET", "-"): row(
        LOGIN, TO_ACCOUNT, TO_ACCOUNT, TO_ACCOUNT, TO_ACCOUNT, TO_ACCOUNT, TO_ACCOUNT
    ),
    ("mfa_index", "GET", "-"): ACCOUNT,
    # Changing the second factor first asks for the password again; what one
    # does not have is not found.
    ("mfa_reauthenticate", "GET", "-"): row(
        LOGIN,
        TO_REAUTHENTICATE,
        TO_REAUTHENTICATE,
        TO_REAUTHENTICATE,
        TO_REAUTHENTICATE,
        TO_REAUTHENTICATE,
        OK,
    ),
    # An address about the account itself: without a verified e-mail address
    # allauth offers no authenticator app (back to the overview).
    ("mfa_activate_totp", "GET", "-"): (
        LOGIN,  # anonymous
        to("two-factor overview"),  # unverified
        TO_REAUTHENTICATE,  # pending
        TO_REAUTHENTICATE,  # rejected
        TO_REAUTHENTICATE,  # member
        TO_REAUTHENTICATE,  # other_member
        TO_REAUTHENTICATE,  # expert
        TO_REAUTHENTICATE,  # adviser_without_second_factor
        TO_REAUTHENTICATE,  # adviser
    ),
    ("mfa_deactivate_totp", "GET", "-"): row(
        LOGIN, GONE, GONE, GONE, GONE, GONE, TO_REAUTHENTICATE
    ),
    ("mfa_view_recovery_codes", "GET", "-"): row(
        LOGIN, GONE, GONE, GONE, GONE, GONE, GONE
    ),
    ("mfa_generate_recovery_codes", "GET", "-"): row(
        LOGIN,
        TO_REAUTHENTICATE,
        TO_REAUTHENTICATE,
        TO_REAUTHENTICATE,
        TO_REAUTHENTICATE,
        TO_REAUTHENTICATE,
        TO_REAUTHENTICATE,
    ),
    ("mfa_download_recovery_codes", "GET", "-"): row(
        LOGIN, GONE, GONE, GONE, GONE, GONE, GONE
    ),
    # --- my account: always one's own --------------------------------------
    ("accounts:overview", "GET", "-"): ACCOUNT,
    # The download is written to the audit log.
    ("accounts:export", "GET", "-"): row(LOGIN, DONE, DONE, DONE, DONE, DONE, DONE),
    ("accounts:profile", "GET", "-"): ACCOUNT,
    # Without a name: the form again, nothing saved.
    ("accounts:profile", "POST", "-"): row(
        LOGIN, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID
    ),
    ("accounts:delete", "GET", "-"): ACCOUNT,
    ("accounts:delete", "POST", "-"): ACCOUNT,  # no password: the form again
    # --- community: shared among members; moderation for advisers ----------
    ("community:home", "GET", "-"): MEMBERS,
    ("community:theme", "GET", "theme"): MEMBERS,
    ("community:thread_create", "GET", "theme"): MEMBERS,
    ("community:thread_create", "POST", "theme"): MEMBERS,  # empty: the form
    ("community:recent", "GET", "-"): MEMBERS,
    # Opening a thread records how far the member has read it (the first
    # time, and again when there is something new): their unread markers.
    ("community:thread", "GET", "own thread"): row(
        LOGIN, DENIED, DONE, DONE, DONE, DONE, DONE
    ),
    ("community:post_create", "GET", "own thread"): MEMBERS_NO_GET,
    ("community:post_create", "POST", "own thread"): row(
        LOGIN, DENIED, INVALID, INVALID, INVALID, INVALID, INVALID
    ),
    ("community:thread_follow", "GET", "own thread"): MEMBERS_NO_GET,
    # The member follows their own thread already; the others start to.
    ("community:thread_follow", "POST", "own thread"): row(
        LOGIN,
        DENIED,
        TO_THREAD,
        to("thread", CHANGED),
        to("thread", CHANGED),
        to("thread", CHANGED),
        to("thread", CHANGED),
    ),
    ("community:thread_lock", "GET", "own thread"): MODERATE_NO_GET,
    ("community:thread_lock", "POST", "own thread"): row(
        LOGIN, DENIED, DENIED, DENIED, DENIED, MFA, MODERATED
    ),
    ("community:post_edit", "GET", "own post"): row(
        LOGIN, DENIED, OK, DENIED, DENIED, DENIED, DENIED
    ),
    ("community:post_edit", "POST", "own post"): row(
        LOGIN, DENIED, OK, DENIED, DENIED, DENIED, DENIED
    ),
    # Members may mark the answer that helped in a thread they started, not
    # their own opening post: refused with the reason, on the thread.
    ("community:post_mark", "POST", "own post"): row(
        LOGIN, DENIED, TO_THREAD, TO_THREAD, TO_THREAD, MFA, MODERATED
    ),
    ("community:post_mark", "GET", "own post"): row(
        LOGIN, DENIED, NO_GET, NO_GET, NO_GET, MFA, NO_GET
    ),
    ("community:post_hide", "GET", "own post"): MODERATE_NO_GET,
    ("community:post_hide", "POST", "own post"): row(
        LOGIN, DENIED, DENIED, DENIED, DENIED, MFA, MODERATED
    ),
    ("community:post_unhide", "POST", "own post"): row(
        LOGIN, DENIED, DENIED, DENIED, DENIED, MFA, MODERATED
    ),
    ("community:post_unhide", "GET", "own post"): MODERATE_NO_GET,
    # Topic wishes of a community-of-practice meeting: members propose and
    # vote (not for their own: refused, with the reason); the adviser picks.
    ("community:topic_wishes", "GET", "cop meeting"): MEMBERS,
    ("community:topic_wishes", "POST", "cop meeting"): row(  # empty: the form
        LOGIN, DENIED, INVALID, INVALID, INVALID, INVALID, INVALID
    ),
    ("community:topic_wish_vote", "GET", "own topic wish"): MEMBERS_NO_GET,
    ("community:topic_wish_vote", "POST", "own topic wish"): row(
        LOGIN,
        DENIED,
        to("topic wishes"),
        to("topic wishes", CHANGED),
        to("topic wishes", CHANGED),
        to("topic wishes", CHANGED),
        to("topic wishes", CHANGED),
    ),
    ("community:topic_wishes_choose", "GET", "cop meeting"): row(
        LOGIN, DENIED, DENIED, DENIED, DENIED, MFA, OK
    ),
    ("community:topic_wishes_choose", "POST", "cop meeting"): row(  # empty
        LOGIN, DENIED, DENIED, DENIED, DENIED, MFA, INVALID
    ),
    # --- casebook: a case is its submitter's (advisers once submitted) -----
    # The original text (before anonymisation) is its author's alone: the
    # member's column, and only while editing and previewing the draft.
    ("casebook:new", "GET", "-"): MEMBERS,
    ("casebook:mine", "GET", "-"): MEMBERS,
    ("casebook:new", "POST", "-"): MEMBERS,  # empty: the form again
    ("casebook:detail", "GET", "own draft"): row(GONE, GONE, OK, GONE, GONE, MFA, GONE),
    ("casebook:detail", "GET", "own case"): row(GONE, GONE, OK, GONE, GONE, MFA, OK),
    ("casebook:edit", "GET", "own draft"): ORIGINAL_FOR_AUTHOR,
    ("casebook:edit", "POST", "own draft"): row(GONE, GONE, OK, GONE, GONE, GONE, GONE),
    # A submitted case is no longer edited or previewed: back to the case.
    ("casebook:edit", "GET", "own case"): row(
        GONE, GONE, to("casebook:detail"), GONE, GONE, GONE, GONE
    ),
    ("casebook:preview", "GET", "own draft"): row(
        GONE, GONE, PREVIEWED, GONE, GONE, GONE, GONE
    ),
    ("casebook:preview", "GET", "own case"): row(
        GONE, GONE, to("casebook:detail"), GONE, GONE, GONE, GONE
    ),
    ("casebook:preview", "POST", "own draft"): row(
        GONE, GONE, to("casebook:preview", CHANGED), GONE, GONE, GONE, GONE
    ),
    ("casebook:message", "GET", "own case"): row(
        GONE, GONE, NO_GET, GONE, GONE, MFA, NO_GET
    ),
    ("casebook:message", "POST", "own case"): row(
        GONE, GONE, CASE_MESSAGE_SENT, GONE, GONE, MFA, CASE_MESSAGE_SENT
    ),
    ("casebook:withdraw", "GET", "own case"): row(
        GONE, GONE, OK, GONE, GONE, GONE, GONE
    ),
    ("casebook:withdraw", "POST", "own case"): row(
        GONE, GONE, to("casebook:mine", CHANGED), GONE, GONE, GONE, GONE
    ),
    # --- expert network: a request is its requester's, assigned experts'
    # and advisers'; its original text is the requester's alone -------------
    ("experts:directory", "GET", "-"): MEMBERS,
    ("experts:my_profile", "GET", "-"): MEMBERS,
    # A member without a profile is told so; the expert's empty form fails.
    ("experts:my_profile", "POST", "-"): row(LOGIN, DENIED, OK, OK, INVALID, OK, OK),
    ("experts:requests", "GET", "-"): row(LOGIN, DENIED, OK, OK, OK, MFA, OK),
    ("experts:request_new", "GET", "-"): MEMBERS,
    ("experts:request_new", "POST", "-"): row(
        LOGIN, DENIED, INVALID, INVALID, INVALID, INVALID, INVALID
    ),
    # --- the digital cup of coffee: free times for members; a time is its
    # host's (an expert, or an adviser after the second factor); a booking
    # is its member's and its host's -----------------------------------------
    ("experts:coffee", "GET", "-"): MEMBERS,
    # No time chosen: the page again, with the message.
    ("experts:coffee", "POST", "-"): row(
        LOGIN, DENIED, INVALID, INVALID, INVALID, INVALID, INVALID
    ),
    # Members who may not host are told who does.
    ("experts:coffee_host", "GET", "-"): row(
        LOGIN, DENIED, DENIED, DENIED, OK, MFA, OK
    ),
    ("experts:coffee_host", "POST", "-"): row(
        LOGIN, DENIED, DENIED, DENIED, INVALID, MFA, INVALID
    ),
    ("experts:coffee_slot_remove", "GET", "expert's coffee slot"): row(
        GONE, GONE, GONE, GONE, OK, MFA, GONE
    ),
    ("experts:coffee_slot_remove", "POST", "expert's coffee slot"): row(
        GONE, GONE, GONE, GONE, to("coffee host", CHANGED), MFA, GONE
    ),
    ("experts:coffee_cancel", "GET", "own coffee booking"): row(
        GONE, GONE, OK, GONE, OK, MFA, GONE
    ),
    ("experts:coffee_cancel", "POST", "own coffee booking"): row(
        GONE,
        GONE,
        to("coffee", CHANGED),
        GONE,
        to("coffee host", CHANGED),
        MFA,
        GONE,
    ),
    ("experts:request", "GET", "own request"): row(
        GONE, GONE, READS_ORIGINAL, GONE, OK, MFA, OK
    ),
    ("experts:message", "GET", "own request"): row(
        GONE, GONE, NO_GET, GONE, NO_GET, MFA, NO_GET
    ),
    ("experts:message", "POST", "own request"): row(
        GONE, GONE, REQUEST_CHANGED, GONE, REQUEST_CHANGED, MFA, REQUEST_CHANGED
    ),
    # Closing is the requester's or an adviser's: the expert is sent back.
    ("experts:close", "POST", "own request"): row(
        GONE, GONE, REQUEST_CHANGED, GONE, TO_REQUEST, MFA, REQUEST_CHANGED
    ),
    ("experts:close", "GET", "own request"): REQUEST_NO_GET,
    # An open request does not become a case: back, with a message.
    ("experts:to_case", "POST", "own request"): row(
        GONE, GONE, TO_REQUEST, GONE, TO_REQUEST, GONE, TO_REQUEST
    ),
    ("experts:to_case", "GET", "own request"): row(
        GONE, GONE, NO_GET, GONE, NO_GET, GONE, NO_GET
    ),
    ("experts:assign", "GET", "own request"): row(
        GONE, GONE, GONE, GONE, GONE, MFA, OK
    ),
    ("experts:assign", "POST", "own request"): row(
        GONE, GONE, GONE, GONE, GONE, MFA, INVALID
    ),
    # --- Wagtail pages, by type ---------------------------------------------
    ("wagtail_serve", "GET", "home"): PUBLIC,
    ("wagtail_serve", "GET", "dossier"): PUBLIC,
    ("wagtail_serve", "GET", "theme page"): PUBLIC,
    ("wagtail_serve", "GET", "meeting report"): PUBLIC,
    ("wagtail_serve", "GET", "information page"): PUBLIC,
    ("wagtail_serve", "GET", "news index"): PUBLIC,
    ("wagtail_serve", "GET", "news page"): PUBLIC,
    ("wagtail_serve", "GET", "event index"): PUBLIC,
    ("wagtail_serve", "GET", "event page"): PUBLIC,
    ("wagtail_serve", "GET", "event registration"): row(
        NO_GET, NO_GET, NO_GET, NO_GET, NO_GET, NO_GET, NO_GET
    ),
    # Guests fill in the form (empty: errors); members register in one click.
    ("wagtail_serve", "POST", "event registration"): row(
        INVALID, INVALID, REGISTERED, REGISTERED, REGISTERED, REGISTERED, REGISTERED
    ),
    ("wagtail_serve", "GET", "case index"): PUBLIC,
    ("wagtail_serve", "GET", "members' case page"): MEMBER_PAGE,
    ("wagtail_serve", "GET", "policy book index"): PUBLIC,
    ("wagtail_serve", "GET", "policy book"): PUBLIC,
    ("wagtail_serve", "GET", "policy book draft"): NOWHERE,
    ("wagtail_serve", "GET", "draft page"): NOWHERE,
    ("wagtail_serve", "GET", "no such page"): NOWHERE,
    # --- surveys: each person answers once; an empty answer is the form
    # again. One for anyone; one for members; the evaluation of the event
    # the member registered for, which the member opens from the page and
    # anyone holding the member's mailed link opens without logging in.
    ("wagtail_serve", "GET", "survey index"): PUBLIC,
    ("wagtail_serve", "GET", "survey"): PUBLIC,
    ("wagtail_serve", "POST", "survey"): row(
        INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID
    ),
    ("wagtail_serve", "GET", "members' survey"): MEMBER_PAGE,
    ("wagtail_serve", "POST", "members' survey"): row(
        LOGIN, DENIED, INVALID, INVALID, INVALID, INVALID, INVALID
    ),
    ("wagtail_serve", "GET", "participants' survey"): row(
        GONE, GONE, OK, GONE, GONE, GONE, GONE
    ),
    ("wagtail_serve", "POST", "participants' survey"): row(
        GONE, GONE, INVALID, GONE, GONE, GONE, GONE
    ),
    ("wagtail_serve", "GET", "participants' survey, member's link"): PUBLIC,
    ("wagtail_serve", "POST", "participants' survey, member's link"): row(
        INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID
    ),
    ("wagtail_serve", "GET", "participants' survey, forged link"): NOWHERE,
    ("wagtail_serve", "POST", "participants' survey, forged link"): NOWHERE,
    # Wagtail's own login form would skip the second factor: sent to allauth.
    ("wagtailcore_login", "GET", "-"): row(
        LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN
    ),
    ("wagtailcore_login", "POST", "-"): row(
        LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN
    ),
    ("wagtailcore_authenticate_with_password", "POST", "password page"): PUBLIC,
    ("wagtailcore_authenticate_with_password", "GET", "password page"): PUBLIC,
    # --- Wagtail's restrictions: login, groups, password ---------------------
    # Each on a page, a document collection and an event page (reading it and
    # registering for it). The password rows first show the form to all;
    # "password given" rows enter the right password first, then read.
    ("wagtail_serve", "GET", "login page"): MEMBER_PAGE,
    ("wagtail_serve", "GET", "members' theme page"): MEMBER_PAGE,
    ("wagtail_serve", "GET", "advisers' page"): ADVISER_PAGE,
    ("wagtail_serve", "GET", "password page"): PASSWORD_FORM,
    ("wagtail_serve", "GET", "password page, password given"): PUBLIC,
    ("wagtaildocs_serve", "GET", "login document"): MEMBER_PAGE,
    ("wagtaildocs_serve", "GET", "members' document"): MEMBER_PAGE,
    ("wagtaildocs_serve", "GET", "advisers' document"): ADVISER_PAGE,
    ("wagtaildocs_serve", "GET", "password document"): PASSWORD_FORM,
    ("wagtaildocs_serve", "GET", "password document, password given"): PUBLIC,
    ("wagtaildocs_authenticate_with_password", "GET", "password document's form"): (
        PUBLIC
    ),
    ("wagtaildocs_authenticate_with_password", "POST", "password document's form"): (
        PUBLIC
    ),
    ("wagtail_serve", "GET", "login event page"): MEMBER_PAGE,
    ("wagtail_serve", "GET", "members' event page"): MEMBER_PAGE,
    ("wagtail_serve", "GET", "advisers' event page"): ADVISER_PAGE,
    ("wagtail_serve", "GET", "password event page"): PASSWORD_FORM,
    ("wagtail_serve", "GET", "password event page, password given"): PUBLIC,
    # Registering: accounts that are not approved are refused, and nothing
    # is created.
    ("wagtail_serve", "POST", "login event registration"): row(
        LOGIN,
        DENIED,
        to("login event page", CHANGED),
        to("login event page", CHANGED),
        to("login event page", CHANGED),
        to("login event page", CHANGED),
        to("login event page", CHANGED),
    ),
    ("wagtail_serve", "POST", "members' event registration"): row(
        LOGIN,
        DENIED,
        to("members' event page", CHANGED),
        to("members' event page", CHANGED),
        to("members' event page", CHANGED),
        to("members' event page", CHANGED),
        to("members' event page", CHANGED),
    ),
    ("wagtail_serve", "POST", "advisers' event registration"): row(
        LOGIN,
        DENIED,
        DENIED,
        DENIED,
        DENIED,
        DENIED,
        to("advisers' event page", CHANGED),
    ),
    ("wagtail_serve", "POST", "password event registration"): PASSWORD_FORM,
    # --- documents ----------------------------------------------------------
    ("wagtaildocs_serve", "GET", "document"): PUBLIC,
    ("wagtaildocs_serve", "GET", "policy book draft pdf"): row(
        GONE, GONE, GONE, GONE, GONE, MFA, OK
    ),
    ("wagtaildocs_authenticate_with_password", "GET", "no restriction"): NOWHERE,
    # --- the publications library: a file follows its publication ---------
    ("wagtail_serve", "GET", "publication library"): PUBLIC,
    ("wagtail_serve", "GET", "publication library, filtered"): PUBLIC,
    ("wagtail_serve", "GET", "publication"): PUBLIC,
    ("wagtail_serve", "GET", "members' publication"): MEMBER_PAGE,
    ("wagtail_serve", "GET", "draft publication"): NOWHERE,
    ("wagtaildocs_serve", "GET", "publication file"): PUBLIC,
    ("wagtaildocs_serve", "GET", "members' publication file"): MEMBER_PAGE,
    ("wagtaildocs_serve", "GET", "draft publication file"): row(
        GONE, GONE, GONE, GONE, GONE, MFA, OK
    ),
    # --- the Wagtail admin: advisers only, after the second factor ----------
    ("wagtailadmin_home", "GET", "-"): ADMIN,
    ("wagtailadmin_explore_root", "GET", "-"): ADMIN,
    ("wagtailadmin_explore", "GET", "home"): ADMIN,
    # Opening the editor subscribes the adviser to the page's comments.
    ("wagtailadmin_pages:edit", "GET", "home"): row(
        LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, MFA, DONE
    ),
    ("wagtailadmin_pages:view_draft", "GET", "draft page"): ADMIN,
    ("wagtailadmin_reports:site_history", "GET", "-"): ADMIN,
    ("wagtailadmin_reports:aging_pages", "GET", "-"): ADMIN,
    # The adviser may not manage accounts: back to the admin's start page.
    ("wagtailusers_users:index", "GET", "-"): row(
        LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, MFA, to("admin home")
    ),
    ("wagtaildocs:index", "GET", "-"): ADMIN,
    ("wagtailadmin_account", "GET", "-"): ADMIN,
    ("wagtailadmin_sprite", "GET", "-"): ADMIN_PUBLIC,
    ("wagtailadmin_javascript_catalog", "GET", "-"): ADMIN_PUBLIC,
    ("wagtailadmin_login", "GET", "-"): row(
        LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, MFA, LOGIN
    ),
    # Wagtail's logout view drops the session cookie even when it refuses a GET.
    ("wagtailadmin_logout", "GET", "-"): row(
        LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, MFA, f"{NO_GET}, changed"
    ),
    ("wagtailadmin_logout", "POST", "-"): row(
        LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, MFA, to("login", CHANGED)
    ),
    ("wagtailadmin_password_reset", "GET", "-"): ADMIN_PUBLIC,
    ("wagtailadmin_password_reset_done", "GET", "-"): ADMIN_PUBLIC,
    ("wagtailadmin_password_reset_confirm", "GET", "bad admin reset key"): (
        ADMIN_PUBLIC
    ),
    ("wagtailadmin_password_reset_complete", "GET", "-"): ADMIN_PUBLIC,
    ("account_requests:index", "GET", "-"): ADMIN,
    ("account_requests:approve", "GET", "applicant"): ADMIN_NO_GET,
    ("account_requests:approve", "POST", "applicant"): row(
        LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, MFA, to("account requests", CHANGED)
    ),
    ("account_requests:reject", "POST", "applicant"): row(
        LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, MFA, to("account requests", CHANGED)
    ),
    ("account_requests:reject", "GET", "applicant"): ADMIN_NO_GET,
    ("newsletter_admin:index", "GET", "-"): ADMIN,
    # Exports are written to the audit log.
    ("newsletter_admin:export", "GET", "-"): row(
        LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, MFA, DONE
    ),
    ("event_participants:index", "GET", "-"): ADMIN,
    ("event_participants:participants", "GET", "event"): ADMIN,
    ("event_participants:export", "GET", "event"): row(
        LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, MFA, DONE
    ),
    ("event_participants:attendance", "POST", "event"): row(
        LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, MFA, to("participants", CHANGED)
    ),
    ("event_participants:attendance", "GET", "event"): ADMIN_NO_GET,
    # An empty message and a decision without a choice: back, nothing sent.
    ("event_participants:message", "POST", "event"): row(
        LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, MFA, to("participants")
    ),
    ("event_participants:message", "GET", "event"): ADMIN_NO_GET,
    ("event_participants:decide", "POST", "registration"): row(
        LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, MFA, to("participants")
    ),
    ("event_participants:decide", "GET", "registration"): ADMIN_NO_GET,
    # An empty form, and a place for someone who has one: back, unchanged.
    ("event_participants:add", "POST", "event"): row(
        LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, MFA, to("participants")
    ),
    ("event_participants:add", "GET", "event"): ADMIN_NO_GET,
    ("event_participants:promote", "POST", "registration"): row(
        LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, MFA, to("participants")
    ),
    ("event_participants:promote", "GET", "registration"): ADMIN_NO_GET,
    ("casebook_review:queue", "GET", "-"): ADMIN,
    ("casebook_review:review", "GET", "own draft"): row(
        LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, MFA, GONE
    ),
    ("casebook_review:review", "GET", "own case"): ADMIN,
    # Once the original; now what was replaced, by kind and number, never the
    # words (an original here would read "200 + original").
    ("casebook_review:original", "GET", "own case"): ADMIN,
    ("casebook_review:edit", "GET", "own case"): ADMIN,
    ("casebook_review:edit", "POST", "own case"): ADMIN,  # the form again
    ("casebook_review:message", "POST", "own case"): row(
        LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, MFA, REVIEWED
    ),
    ("casebook_review:message", "GET", "own case"): ADMIN_NO_GET,
    ("casebook_review:publish", "POST", "own case"): row(
        LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, MFA, REVIEWED
    ),
    ("casebook_review:publish", "GET", "own case"): ADMIN_NO_GET,
    # Without a reason or a meeting: back to the review, the case as it was.
    ("casebook_review:reject", "POST", "own case"): row(
        LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, MFA, REVIEW
    ),
    ("casebook_review:reject", "GET", "own case"): ADMIN_NO_GET,
    ("casebook_review:schedule", "POST", "own case"): row(
        LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, MFA, REVIEW
    ),
    ("casebook_review:schedule", "GET", "own case"): ADMIN_NO_GET,
    ("community_tags:index", "GET", "-"): ADMIN,
    ("community_tags:index", "POST", "-"): ADMIN,
    ("community_tags:split", "GET", "tag"): ADMIN,
    ("community_tags:split", "POST", "tag"): ADMIN,
    # Survey results, with the answers: advisers after the second factor.
    ("survey_results:index", "GET", "-"): ADMIN,
    ("survey_results:results", "GET", "survey id"): ADMIN,
    ("survey_results:results", "GET", "participants' survey id"): ADMIN,
    # Exports are written to the audit log.
    ("survey_results:export", "GET", "participants' survey id"): row(
        LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, MFA, DONE
    ),
    ("policy_book_admin:form", "GET", "-"): ADMIN,
    ("policy_book_admin:form", "POST", "-"): ADMIN,
    ("policy_book_admin:build", "GET", "build"): ADMIN,
}

# Named addresses without a row, and why.
EXCLUDED = {
    # Wagtail's own admin below /admin/ is covered by
    # test_the_admin_sends_everyone_else_to_log_in, not listed here.
}


def _collection_restriction(document) -> CollectionViewRestriction:
    # Asked by id: the document's collection is not loaded (no extra query).
    return CollectionViewRestriction.objects.get(collection_id=document.collection_id)


def _file_of(page) -> tuple[int, str]:
    document = page.files.get().document
    return (document.pk, document.filename)


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
    "own topic follow": lambda w: {"token": w.topic_unsubscribe_token()},
    "theme": lambda w: {"slug": w.theme.slug},
    "own thread": lambda w: {"pk": w.thread.pk},
    "own post": lambda w: {"pk": w.post.pk},
    "cop meeting": lambda w: {"pk": w.cop_meeting.pk},
    "own topic wish": lambda w: {
        "pk": w.topic_wish.event_id,
        "wish_pk": w.topic_wish.pk,
    },
    "own draft": lambda w: {"pk": w.case_draft.pk},
    "own case": lambda w: {"pk": w.case_submitted.pk},
    "own request": lambda w: {"pk": w.help_request.pk},
    "expert's coffee slot": lambda w: {"pk": w.coffee_slot.pk},
    "own coffee booking": lambda w: {"pk": w.coffee_booking.pk},
    "applicant": lambda w: {"pk": w.accounts["pending"].pk},
    "tag": lambda w: {"pk": w.community_tag.pk},
    "build": lambda w: {"pk": w.policy_book_build.pk},
    "document": lambda w: (w.document.pk, w.document.filename),
    "policy book draft pdf": lambda w: (
        w.policy_book_draft.pdf.pk,
        w.policy_book_draft.pdf.filename,
    ),
    # Documents in a collection with a view restriction.
    "login document": lambda w: (w.document_login.pk, w.document_login.filename),
    "members' document": lambda w: (
        w.document_members.pk,
        w.document_members.filename,
    ),
    "advisers' document": lambda w: (
        w.document_advisers.pk,
        w.document_advisers.filename,
    ),
    "password document": lambda w: (
        w.document_password.pk,
        w.document_password.filename,
    ),
    "password document, password given": lambda w: (
        w.document_password.pk,
        w.document_password.filename,
    ),
    "password document's form": lambda w: {
        "restriction_id": _collection_restriction(w.document_password).pk
    },
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
    "password page, password given": lambda w: w.password_page.url,
    "login page": lambda w: w.login_page.url,
    "advisers' page": lambda w: w.advisers_page.url,
    "login event page": lambda w: w.event_login.url,
    "advisers' event page": lambda w: w.event_advisers.url,
    "password event page": lambda w: w.event_password.url,
    "password event page, password given": lambda w: w.event_password.url,
    "login event registration": lambda w: w.event_login.url + "inschrijven/",
    "members' event registration": lambda w: w.event_members.url + "inschrijven/",
    "advisers' event registration": lambda w: w.event_advisers.url + "inschrijven/",
    "password event registration": lambda w: w.event_password.url + "inschrijven/",
    "no such page": lambda w: "/bestaat-niet/",
    "publication library": lambda w: w.publication_index.url,
    "publication library, filtered": lambda w: (
        w.publication_index.url + "?soort=poster&jaar=twintig&pagina=9"
    ),
    "publication": lambda w: w.publication.url,
    "members' publication": lambda w: w.publication_members.url,
    "draft publication": lambda w: w.publication_draft.url,
    "publication file": lambda w: _file_of(w.publication),
    "members' publication file": lambda w: _file_of(w.publication_members),
    "draft publication file": lambda w: _file_of(w.publication_draft),
    "survey index": lambda w: w.survey.get_parent().url,
    "survey": lambda w: w.survey.url,
    "members' survey": lambda w: w.survey_members.url,
    "participants' survey": lambda w: w.survey_participants.url,
    "participants' survey, member's link": lambda w: w.survey_link(),
    # The member's link with its signature cut off and replaced.
    "participants' survey, forged link": lambda w: (
        w.survey_link().split("%3A")[0] + "%3Ax"
    ),
    "survey id": lambda w: {"pk": w.survey.pk},
    "participants' survey id": lambda w: {"pk": w.survey_participants.pk},
}
# Admin rows that name a page take its id, not its path.
PAGE_IDS = {"page_id", "parent_page_id"}

# Form data for the POST rows: enough to reach the action, not to pass every
# form (a form with errors answers 200 or 400, which is still an answer).
POST_DATA = {
    "set_language": {"language": "nl", "next": "/"},
    "events:registration_cancel": {},
    "events:topic_follow": {"kind": "roadshow"},
    "community:thread_lock": {"locked": "1"},
    "community:post_mark": {"marked_as": "solution"},
    "community:post_hide": {"reason": "Persoonsgegevens"},
    "account_requests:reject": {"reason": "Geen professional"},
    "casebook:message": {"body": "Een vraag"},
    "casebook_review:message": {"body": "Een vraag"},
    # Confirmed: the page that asks first is tested in tests/casebook.
    "casebook_review:publish": {"confirmed": "1"},
    "experts:message": {"body": "Hallo"},
    "wagtaildocs_authenticate_with_password": {"password": PAGE_PASSWORD},
}


# --- what a request changed -------------------------------------------------


def _documents_of(world: World, *names: str) -> list:
    return [getattr(world, name) for name in names]


# The objects a row is about, read before and after each request; rows about
# no object ("-", most pages) rely on the table counts and the accounts.
OBJECTS: dict[str, Callable[[World], list]] = {
    "event": lambda w: [w.event],
    "members event": lambda w: [w.event_members],
    "own confirm link": lambda w: [w.registration],
    "own cancel link": lambda w: [w.registration],
    "registration": lambda w: [w.registration],
    "own subscription link": lambda w: [w.subscriber],
    "own unsubscribe link": lambda w: [w.subscriber],
    "own follow": lambda w: [w.follow],
    "own topic follow": lambda w: [w.topic_follow],
    "theme": lambda w: [w.theme],
    "own thread": lambda w: [w.thread],
    "own post": lambda w: [w.post, w.thread],
    "cop meeting": lambda w: [w.cop_meeting],
    "own topic wish": lambda w: [w.topic_wish],
    "own draft": lambda w: [w.case_draft],
    "own case": lambda w: [w.case_submitted],
    "own request": lambda w: [w.help_request],
    "expert's coffee slot": lambda w: [w.coffee_slot],
    "own coffee booking": lambda w: [w.coffee_booking, w.coffee_booking.slot],
    "tag": lambda w: [w.community_tag],
    "build": lambda w: [w.policy_book_build],
    "event registration": lambda w: [w.event],
    "login event registration": lambda w: [w.event_login],
    "members' event registration": lambda w: [w.event_members],
    "advisers' event registration": lambda w: [w.event_advisers],
    "password event registration": lambda w: [w.event_password],
}


@memoise
def _count_every_table_sql() -> str:
    """One query that counts the rows of every table (but the sessions,
    which the visitor's state covers)."""
    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed
            and not model._meta.proxy
            and model._meta.db_table != "django_session"
        }
    )
    quote = connection.ops.quote_name
    # The names are the models' own tables, quoted: no outside input.
    counts = [f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables]  # noqa: S608
    return "SELECT " + ", ".join(counts)


def _state(world: World, client: Client, target: str) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(_count_every_table_sql())
        counts = cursor.fetchone()
    accounts = [a.pk for a in world.accounts.values() if a is not None]
    users = list(User.objects.filter(pk__in=accounts).order_by("pk").values())
    objects = [
        type(obj)._default_manager.filter(pk=obj.pk).values().first()
        for obj in OBJECTS.get(target, lambda w: [])(world)
    ]
    language = client.cookies.get("django_language")
    visitor = (
        client.session.get("_auth_user_id"),
        language.value if language else None,
    )
    return counts, users, objects, visitor


# --- the answer -------------------------------------------------------------


def _place(world: World, location: str) -> str:
    """Where a redirect lands, in the words of the table."""
    path = urlsplit(location).path
    if path in world.page_labels:
        return world.page_labels[path]
    try:
        match = resolve(path)
    except Resolver404:
        return path
    return PLACES.get(match.view_name, match.view_name)


def _shows_original(response) -> bool:
    if response.streaming:
        return False
    return ORIGINAL_MARKER in response.content.decode(errors="replace")


def _answer(world: World, response, changed: bool = False) -> Answer:
    if response.status_code in (301, 302, 303):
        return to(_place(world, response["Location"]), changed)
    answer: Answer = response.status_code
    if _shows_original(response):
        answer = f"{answer} + original"
    if changed:
        answer = f"{answer}, changed"
    return answer


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


def _enter_page_password(client: Client, page, address: str) -> None:
    restriction = page.view_restrictions.get()
    client.post(
        reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]
        ),
        {"password": PAGE_PASSWORD, "return_url": address},
    )


def _enter_document_password(client: Client, document, address: str) -> None:
    restriction = _collection_restriction(document)
    client.post(
        reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk]),
        {"password": PAGE_PASSWORD, "return_url": address},
    )


# Rows whose visitor first enters the shared password, then asks.
BEFORE: dict[str, Callable[[World, Client, str], None]] = {
    "password page, password given": lambda w, c, a: _enter_page_password(
        c, w.password_page, a
    ),
    "password event page, password given": lambda w, c, a: _enter_page_password(
        c, w.event_password, a
    ),
    "password document, password given": lambda w, c, a: _enter_document_password(
        c, w.document_password, a
    ),
}


def _ask(
    world: World, role: str, method: str, address: str, data: dict, target: str
) -> Answer:
    """One request as ``role``, and what it changed; whatever it changed is
    undone afterwards, so the next role finds the same objects."""
    with transaction.atomic():
        client = log_in(Client(), world, role)
        cache.clear()  # rate limits count per address, and all come from one
        if target in BEFORE:
            BEFORE[target](world, client, address)
        before = _state(world, client, target)
        if method == "GET":
            response = client.get(address)
        else:
            response = client.post(address, data)
        changed = _state(world, client, target) != before
        transaction.set_rollback(True)
    return _answer(world, response, changed)


@pytest.fixture(autouse=True)
def _access_not_queries(settings):
    # Who may see what is the question here; the N+1 check (django-zeal) has
    # tests of its own and would turn a query pattern into an error per cell.
    settings.ZEAL_RAISE = False


@pytest.fixture
def world(home_page) -> World:
    return World(home_page)


def _by_role(answers) -> str:
    return "\n".join(
        f"  {role}: {answer!r}" for role, answer in zip(ROLES, answers, strict=True)
    )


@pytest.mark.readme_claim(
    "A case or a help request is read by its author and the advisers, a help "
    "request also by the experts assigned to it; to anyone else its address "
    "answers exactly like one that does not exist."
)
@pytest.mark.parametrize(
    ("name", "method", "target"), list(TABLE), ids=[" ".join(k) for k in TABLE]
)
def test_access(world, name, method, target):
    data = POST_DATA.get(name, {"body": "", "action": "save"})
    address = _address(world, name, target)
    observed = tuple(_ask(world, role, method, address, data, target) for role in ROLES)
    expected = TABLE[(name, method, target)]
    assert observed == expected, f"{address}: got\n{_by_role(observed)}"


@pytest.mark.readme_claim(
    "The original text of a case or a help request is readable by its author "
    "only; advisers and experts see the anonymised text and what was replaced "
    "by kind and number, never the original words."
)
def test_only_the_author_reads_an_original():
    """The text of a case or a request for help as its author wrote it is
    in the member's column only (the member is the author in every row)."""
    readers = {
        (key, role)
        for key, answers in TABLE.items()
        for role, answer in zip(ROLES, answers, strict=True)
        if "original" in str(answer)
    }
    assert readers
    assert {role for _key, role in readers} == {"member"}


def test_every_redirect_says_where_and_what_changed():
    """A refusal and a success that both redirect differ in the table: each
    redirect names its landing place and whether anything changed."""
    redirects = {
        answer
        for answers in TABLE.values()
        for answer in answers
        if str(answer).startswith("302")
    }
    assert all(
        answer.endswith((", changed", ", unchanged")) and " -> " in answer
        for answer in redirects
    ), redirects


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
# members' group like the member, and the gate looks at permissions only. An
# adviser whose session did not pass the second factor is sent to it first.
@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", LOGIN),
        ("unverified", LOGIN),
        ("pending", LOGIN),
        ("rejected", LOGIN),
        ("member", LOGIN),
        ("adviser_without_second_factor", MFA),
    ],
)
def test_the_admin_sends_everyone_else_to_log_in(world, role, expected):
    """Every address of Wagtail's own admin without a row sends anyone but
    an adviser to the login page; what an adviser may do there is Wagtail's
    permission system, tested by Wagtail. These are GETs: the answer states
    "unchanged" without reading the tables for each of the hundred."""
    in_table = {name for name, _method, _target in TABLE}
    client = log_in(Client(), world, role)
    answers = {}
    for name, route, pattern in _named_patterns():
        if name in in_table or not _wagtail_admin(route, pattern):
            continue
        address = _dummy_address(name, pattern)
        answers[address] = _answer(world, client.get(address))
    assert len(answers) > 100
    assert {a: v for a, v in answers.items() if v != expected} == {}


def test_wagtails_login_form_cannot_skip_the_second_factor(client, world):
    """Wagtail's front-end login form took an adviser's password alone and
    opened the admin; it now sends everyone to allauth's login."""
    adviser = world.accounts["adviser"]
    response = client.post(
        reverse("wagtailcore_login"),
        {"username": adviser.email, "password": PASSWORD},
    )
    assert _answer(world, response) == LOGIN
    assert _answer(world, client.get(reverse("wagtailadmin_home"))) == LOGIN


def test_every_action_has_a_row_for_get():
    """What a POST changes, a GET (a mail scanner, a prefetch) must not: the
    table says what a GET of each action answers (405, or a page that asks)."""
    posted = {name for name, method, _target in TABLE if method == "POST"}
    got = {name for name, method, _target in TABLE if method == "GET"}
    assert sorted(posted - got) == []


# Rows about one private object or an admin page of one object, by its id.
BY_ID = {"own draft", "own case", "own request", "applicant", "registration"}


@pytest.mark.readme_claim(
    "A case or a help request is read by its author and the advisers, a help "
    "request also by the experts assigned to it; to anyone else its address "
    "answers exactly like one that does not exist."
)
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
    outsiders = ("anonymous", *UNAPPROVED_ROLES, "other_member")
    observed = tuple(
        _ask(world, role, method, address, data, target) for role in outsiders
    )
    expected = tuple(TABLE[(name, method, target)][ROLES.index(r)] for r in outsiders)
    assert observed == expected, address
