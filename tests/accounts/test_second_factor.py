"""Every adviser power needs a session that passed the second factor.

An adviser who logged in with a password alone (whether or not the account
has an authenticator app) is sent to the second-factor step by every
address of ``portal.accounts.second_factor.ADVISER_POWERS`` and changes
nothing; the same adviser after the second factor succeeds.
"""

import inspect
import types
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.contrib.auth.models import AnonymousUser, Group
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.models import PageViewRestriction

from casebook.models import CaseSubmission
from community.models import Post, Thread, TopicWish
from experts.models import CoffeeBooking, CoffeeSlot, HelpRequest
from knowledge.models import DossierPage, ThemePage
from portal.accounts import selectors
from portal.accounts.roles import ADVISERS_GROUP
from portal.accounts.second_factor import ADVISER_POWERS, is_adviser_power
from tests.access_fixtures import World
from tests.accounts.factories import AdviserFactory, MemberFactory, UserFactory
from tests.casebook.factories import mail_at_once, submitted_case  # noqa: F401
from tests.community.factories import PostFactory
from tests.conftest import PASSWORD, totp_code
from tests.experts.coffee import booked, offered, soon
from tests.experts.factories import ExpertProfileFactory, help_request
from tests.second_factor import login_with_password_only, login_with_second_factor

ACTIVATE = "mfa_activate_totp"
ENTER_CODE = "mfa_reauthenticate"


class Objects:
    """What the advisers act on: a member's case, a thread, a help request,
    an unpublished policy book's PDF."""

    def __init__(self, home_page, adviser):
        self.world = World(home_page)
        member = self.world.member
        self.case = submitted_case(member)
        self.post = PostFactory(author=member)
        self.hidden = PostFactory(
            author=member, hidden=True, approved=False, body="<p>Verborgen.</p>"
        )
        self.help_request = help_request(member)
        self.expert = ExpertProfileFactory()
        self.pdf = self.world.policy_book_draft.pdf
        # The adviser's own times for a digital cup of coffee, one booked.
        self.coffee_slot = offered(adviser, days=3)
        self.coffee_booking = booked(adviser, member, days=2)
        self.topic_wish = self.world.topic_wish
        self.theme = self.world.theme


@dataclass(frozen=True)
class Power:
    method: str
    address: Callable[[Objects], str]
    data: dict
    # What the power changes, read from the database: equal before and
    # after a refused request, different after a granted POST.
    state: Callable[[Objects], object] = lambda objects: None
    granted: int = 200  # the answer after the second factor


def _case_messages(o: Objects) -> int:
    return CaseSubmission.objects.get(pk=o.case.pk).messages.count()


POWERS: dict[str, Power] = {
    "/admin/": Power("GET", lambda o: reverse("wagtailadmin_home"), {}),
    "casebook:detail": Power(
        "GET", lambda o: reverse("casebook:detail", args=[o.case.pk]), {}
    ),
    "casebook:message": Power(
        "POST",
        lambda o: reverse("casebook:message", args=[o.case.pk]),
        {"body": "Kunt u de regio toelichten?"},
        _case_messages,
        302,
    ),
    "community:post_hide": Power(
        "POST",
        lambda o: reverse("community:post_hide", args=[o.post.pk]),
        {"reason": "Bevat een naam."},
        lambda o: Post.objects.get(pk=o.post.pk).hidden,
        302,
    ),
    "community:post_unhide": Power(
        "POST",
        lambda o: reverse("community:post_unhide", args=[o.hidden.pk]),
        {},
        lambda o: Post.objects.get(pk=o.hidden.pk).hidden,
        302,
    ),
    "community:post_mark": Power(
        "POST",
        lambda o: reverse("community:post_mark", args=[o.post.pk]),
        {"marked_as": Post.Mark.CONCLUSION},
        lambda o: Post.objects.get(pk=o.post.pk).marked_as,
        302,
    ),
    "community:thread_lock": Power(
        "POST",
        lambda o: reverse("community:thread_lock", args=[o.post.thread_id]),
        {"locked": "1"},
        lambda o: Thread.objects.get(pk=o.post.thread_id).locked,
        302,
    ),
    "community:topic_wishes_choose": Power(
        "POST",
        lambda o: reverse(
            "community:topic_wishes_choose", args=[o.topic_wish.event_id]
        ),
        {"wishes": "WISH", "theme": "THEME"},
        lambda o: TopicWish.objects.filter(picked_for__isnull=False).count(),
        302,
    ),
    "experts:requests": Power("GET", lambda o: reverse("experts:requests"), {}),
    "experts:request": Power(
        "GET", lambda o: reverse("experts:request", args=[o.help_request.pk]), {}
    ),
    "experts:message": Power(
        "POST",
        lambda o: reverse("experts:message", args=[o.help_request.pk]),
        {"body": "Ik zoek een expert voor u."},
        lambda o: HelpRequest.objects.get(pk=o.help_request.pk).messages.count(),
        302,
    ),
    "experts:close": Power(
        "POST",
        lambda o: reverse("experts:close", args=[o.help_request.pk]),
        {},
        lambda o: HelpRequest.objects.get(pk=o.help_request.pk).status,
        302,
    ),
    "experts:assign": Power(
        "POST",
        lambda o: reverse("experts:assign", args=[o.help_request.pk]),
        {"experts": "EXPERT"},
        lambda o: HelpRequest.objects.get(pk=o.help_request.pk).assignments.count(),
        302,
    ),
    "experts:coffee_host": Power(
        "POST",
        lambda o: reverse("experts:coffee_host"),
        {"day": str(soon(days=5).date()), "start": "10:00", "minutes": "30"},
        lambda o: CoffeeSlot.objects.count(),
        302,
    ),
    "experts:coffee_slot_remove": Power(
        "POST",
        lambda o: reverse("experts:coffee_slot_remove", args=[o.coffee_slot.pk]),
        {},
        lambda o: CoffeeSlot.objects.filter(pk=o.coffee_slot.pk).exists(),
        302,
    ),
    "experts:coffee_cancel": Power(
        "POST",
        lambda o: reverse("experts:coffee_cancel", args=[o.coffee_booking.pk]),
        {},
        lambda o: CoffeeBooking.objects.get(pk=o.coffee_booking.pk).status,
        302,
    ),
    # Not an address of its own: Wagtail's document serving, for a document
    # that is not yet published.
    "unpublished document": Power("GET", lambda o: o.pdf.url, {}),
}


def _send(client: Client, power: Power, objects: Objects):
    placeholders = {
        "EXPERT": lambda: objects.expert.pk,
        "WISH": lambda: objects.topic_wish.pk,
        "THEME": lambda: objects.theme.pk,
    }
    data = {
        key: placeholders[value]() if value in placeholders else value
        for key, value in power.data.items()
    }
    address = power.address(objects)
    if power.method == "GET":
        return client.get(address)
    return client.post(address, data)


def _target(response) -> str:
    assert response.status_code == 302, response.status_code
    return urlsplit(response["Location"]).path


@pytest.fixture
def objects(home_page, editor) -> Objects:
    return Objects(home_page, editor)


@pytest.fixture
def adviser_without_app(db):
    return AdviserFactory()


def test_every_power_of_the_list_is_tested():
    assert sorted(ADVISER_POWERS) == sorted(set(POWERS) - {"unpublished document"})


@pytest.mark.readme_claim(
    "Every adviser power (the admin, other members' cases, moderation, the "
    "requests of the expert network, unpublished documents) needs a session "
    "that passed the authenticator app's code; an adviser who logged in with a "
    "password only is sent to that step first and meanwhile sees what a member "
    "sees."
)
@pytest.mark.parametrize("name", list(POWERS))
def test_password_only_with_an_app_is_asked_for_the_code(client, editor, objects, name):
    power = POWERS[name]
    before = power.state(objects)
    login_with_password_only(client, editor)
    response = _send(client, power, objects)
    assert _target(response) == reverse(ENTER_CODE)
    if power.method == "GET":
        # Back to the same address once the code is entered.
        query = parse_qs(urlsplit(response["Location"]).query)
        assert query["next"] == [power.address(objects)]
    assert power.state(objects) == before


@pytest.mark.readme_claim(
    "Every adviser power (the admin, other members' cases, moderation, the "
    "requests of the expert network, unpublished documents) needs a session "
    "that passed the authenticator app's code; an adviser who logged in with a "
    "password only is sent to that step first and meanwhile sees what a member "
    "sees."
)
@pytest.mark.parametrize("name", list(POWERS))
def test_password_only_without_an_app_is_sent_to_set_one_up(
    client, adviser_without_app, objects, name
):
    power = POWERS[name]
    before = power.state(objects)
    login_with_password_only(client, adviser_without_app)
    assert _target(_send(client, power, objects)) == reverse(ACTIVATE)
    assert power.state(objects) == before


@pytest.mark.parametrize("name", list(POWERS))
def test_after_the_second_factor_the_power_works(client, editor, objects, name):
    power = POWERS[name]
    before = power.state(objects)
    login_with_second_factor(client, editor)
    response = _send(client, power, objects)
    assert response.status_code == power.granted
    if power.granted == 302:
        assert _target(response) not in (reverse(ENTER_CODE), reverse(ACTIVATE))
        assert power.state(objects) != before


def test_a_superuser_needs_the_second_factor_too(client, objects):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    login_with_password_only(client, superuser)
    response = client.get(reverse("casebook:detail", args=[objects.case.pk]))
    assert _target(response) == reverse(ACTIVATE)


def test_the_code_step_brings_the_adviser_back(client, editor, objects):
    """The step the middleware sends to is allauth's reauthentication with
    the authenticator app: it records the second factor for the session."""
    login_with_password_only(client, editor)
    address = reverse("casebook:detail", args=[objects.case.pk])
    step = client.get(address)["Location"]
    response = client.post(step, {"code": totp_code(editor.totp_secret)})
    assert response.status_code == 302
    assert response["Location"] == address
    assert client.get(address).status_code == 200


def test_setting_up_the_app_counts_as_the_second_factor(
    client, adviser_without_app, django_capture_on_commit_callbacks
):
    login_with_password_only(client, adviser_without_app)
    assert _target(client.get(reverse("wagtailadmin_home"))) == reverse(ACTIVATE)
    # allauth asks for the password again before an app is added.
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert client.get(reverse(ACTIVATE)).status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse(ACTIVATE), {"code": totp_code(secret)})
    assert Authenticator.objects.filter(user=adviser_without_app).exists()
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_a_members_pages_are_not_affected(client, member, objects):
    """A member who never has a second factor keeps the member's pages and
    is refused the adviser's ones as before (404 or 403), never sent to the
    second-factor step."""
    login_with_password_only(client, member)
    assert client.get(reverse("experts:requests")).status_code == 200
    answer = client.get(reverse("casebook:detail", args=[objects.case.pk]))
    assert answer.status_code == 404


def test_an_advisers_own_case_page_needs_the_second_factor_too(client, editor):
    """An adviser's case pages are adviser powers whoever wrote the case: the
    one address serves both and only the session tells."""
    case = submitted_case(editor)
    login_with_password_only(client, editor)
    response = client.get(reverse("casebook:detail", args=[case.pk]))
    assert _target(response) == reverse(ENTER_CODE)


def test_user_is_adviser_follows_the_session(rf: RequestFactory, editor):
    request = rf.get("/")
    request.user = editor
    assert selectors.user_is_adviser(editor)  # outside a request's rule
    selectors.user_mark_without_second_factor(editor)
    assert not selectors.user_is_adviser(editor)
    assert selectors.user_is_member(editor)
    assert selectors.user_has_adviser_role(editor)
    assert not selectors.user_is_adviser(AnonymousUser())


@pytest.mark.readme_claim(
    "Every adviser power (the admin, other members' cases, moderation, the "
    "requests of the expert network, unpublished documents) needs a session "
    "that passed the authenticator app's code; an adviser who logged in with a "
    "password only is sent to that step first and meanwhile sees what a member "
    "sees."
)
def test_a_password_only_adviser_sees_a_thread_as_a_member(client, editor, objects):
    """Pages that only show an adviser more (hidden posts) are not adviser
    powers: without the second factor the adviser sees what members see."""
    login_with_password_only(client, editor)
    response = client.get(reverse("community:thread", args=[objects.hidden.thread_id]))
    assert response.status_code == 200
    assert objects.hidden.body not in response.content.decode()


def test_a_page_for_the_advisers_group_needs_the_second_factor(
    client, editor, home_page
):
    """A groups restriction that only the Advisers group passes is passed
    only while user_is_adviser holds: without the second factor the adviser
    is refused like a member (403), after it the page opens."""
    dossier = home_page.add_child(instance=DossierPage(title="Voor adviseurs"))
    restriction = PageViewRestriction.objects.create(
        page=dossier, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name=ADVISERS_GROUP))
    page = dossier.add_child(instance=ThemePage(title="Thema", intro="Tekst"))
    login_with_password_only(client, editor)
    assert client.get(page.url).status_code == 403
    login_with_second_factor(client, editor)
    assert client.get(page.url).status_code == 200


# --- the list covers every adviser power ------------------------------------------

PROJECT = ("portal.", "casebook", "community", "experts", "events", "knowledge")
# The one access decision lets a page restricted to the Advisers group pass
# only while user_is_adviser holds: without the second factor the adviser
# sees such pages as a member does, in lists, feeds and search alike.
DECIDES_ITSELF = ("portal.accounts.access",)

# Views outside /admin/ that ask whether the user is an adviser only to show
# an adviser more of what a member sees, or to label the person: without the
# second factor the adviser sees the member's page, no power is used.
SHOWS_MORE_ONLY = {
    "community:thread": "hidden messages and moderation buttons",
    "community:post_create": "the thread page again after an invalid reply",
    "community:topic_wishes": "the link to choosing the topics of the meeting",
    "accounts:overview": "the links to the advisers' pages",
    "experts:to_case": "the requester alone turns a request into a case",
    "experts:coffee": "the link to the host's page; an adviser's booking is "
    "logged under their name",
}


def _named_patterns(resolver=None, namespace="", prefix=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}".strip(":")
            yield from _named_patterns(pattern, inner, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, "/" + prefix + str(pattern.pattern), pattern.callback


def _functions_used(function: types.FunctionType):
    """The project's functions ``function`` calls, through its decorators."""
    codes = [function.__code__]
    names: set[str] = set()
    while codes:
        code = codes.pop()
        names |= set(code.co_names)
        codes += [c for c in code.co_consts if isinstance(c, types.CodeType)]
    found = [c.cell_contents for c in function.__closure__ or () if _filled(c)]
    for name in names:
        value = function.__globals__.get(name)
        if isinstance(value, types.ModuleType):
            found += [getattr(value, n) for n in names if hasattr(value, n)]
        elif value is not None:
            found.append(value)
    wrapped = getattr(function, "__wrapped__", None)
    return [f for f in [*found, wrapped] if _ours(f)]


def _filled(cell) -> bool:
    try:
        cell.cell_contents  # noqa: B018
    except ValueError:
        return False
    return True


def _ours(value) -> bool:
    return (
        inspect.isfunction(value)
        and value.__module__.startswith(PROJECT)
        and not value.__module__.startswith(DECIDES_ITSELF)
    )


def _asks_for_an_adviser(view) -> bool:
    seen, todo = set(), [view]
    while todo:
        function = todo.pop()
        if function is selectors.user_is_adviser:
            return True
        if function in seen or not _ours(function):
            continue
        seen.add(function)
        todo += _functions_used(function)
    return False


@pytest.mark.readme_claim(
    "Every adviser power (the admin, other members' cases, moderation, the "
    "requests of the expert network, unpublished documents) needs a session "
    "that passed the authenticator app's code; an adviser who logged in with a "
    "password only is sent to that step first and meanwhile sees what a member "
    "sees."
)
def test_every_view_that_asks_for_an_adviser_is_in_the_list():
    """A new view that checks for an adviser (directly or through a selector
    or service) fails here until its URL is in ADVISER_POWERS or, if it only
    shows an adviser more, in SHOWS_MORE_ONLY."""
    asking = {
        name
        for name, route, view in _named_patterns()
        if not is_adviser_power(route, None) and _asks_for_an_adviser(view)
    }
    listed = set(ADVISER_POWERS) | set(SHOWS_MORE_ONLY)
    assert sorted(asking - listed) == []
    # Neither list names an address that does not exist or asks nobody.
    names = [power for power in ADVISER_POWERS if not power.startswith("/")]
    assert sorted((set(names) | set(SHOWS_MORE_ONLY)) - asking) == []


def test_every_admin_address_of_the_project_is_under_a_listed_prefix():
    routes = [
        route
        for _name, route, view in _named_patterns()
        if route.startswith("/admin/")
        or (_ours(view) and ("admin_views" in view.__module__))
    ]
    assert len(routes) > 20
    assert [r for r in routes if not is_adviser_power(r, None)] == []


def test_the_check_outside_a_request_keeps_its_meaning(db):
    adviser, member = AdviserFactory(), MemberFactory()
    assert selectors.user_is_adviser(adviser)
    assert not selectors.user_is_adviser(member)
