"""The one access decision (portal.accounts.access): every restriction type
Wagtail offers, judged for every kind of account, and how the serve hooks
answer a refusal."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)
from zeal import zeal_ignore

from knowledge.models import DossierPage, ThemePage
from portal.accounts.access import (
    document_visible_to,
    page_visible_to,
    pages_public,
    pages_visible_to,
)
from portal.accounts.roles import ADVISERS_GROUP, MEMBERS_GROUP
from tests.accounts.factories import AdviserFactory, MemberFactory, UserFactory
from tests.nplusone import TEST_ALLOWLIST

pytestmark = pytest.mark.django_db

COLLECTION_GROUPS = {
    "model": "wagtailcore.CollectionViewRestriction",
    "field": "groups",
}
PASSWORD = "gedeeld-wachtwoord"  # noqa: S105 - a test page's shared password

# Each kind of restriction: its type and, for groups, which groups pass.
KINDS = {
    "none": (None, ()),
    "login": (PageViewRestriction.LOGIN, ()),
    "members": (PageViewRestriction.GROUPS, (MEMBERS_GROUP, ADVISERS_GROUP)),
    "advisers": (PageViewRestriction.GROUPS, (ADVISERS_GROUP,)),
    "password": (PageViewRestriction.PASSWORD, ()),
}

# Who may see what outside a session (lists, feeds, the policy book): an
# account that is not approved is anonymous; a password is never entered.
EXPECTED = {
    "anonymous": {"none"},
    "unverified": {"none"},
    "pending": {"none"},
    "rejected": {"none"},
    "member": {"none", "login", "members"},
    "adviser": {"none", "login", "members", "advisers"},
    "superuser": {"none", "login", "members", "advisers"},
}


def _account(role: str):
    if role == "anonymous":
        return AnonymousUser()
    if role == "member":
        return MemberFactory()
    if role == "adviser":
        return AdviserFactory()
    if role == "superuser":
        return UserFactory(is_superuser=True, approval_status="approved")
    return UserFactory(approval_status=role)


def _restrict(restriction_model, kind: str, **target) -> None:
    restriction_type, groups = KINDS[kind]
    if restriction_type is None:
        return
    restriction = restriction_model.objects.create(
        restriction_type=restriction_type, password=PASSWORD, **target
    )
    if groups:
        restriction.groups.set(Group.objects.filter(name__in=groups))


@pytest.fixture
def pages(home_page) -> dict[str, Page]:
    """A dossier per kind of restriction, each with a theme page below it:
    the restriction holds for the whole section."""
    found = {}
    for kind in KINDS:
        dossier = home_page.add_child(instance=DossierPage(title=f"Dossier {kind}"))
        _restrict(PageViewRestriction, kind, page=dossier)
        found[kind] = dossier.add_child(
            instance=ThemePage(title=f"Thema {kind}", intro=f"Tekst {kind}")
        )
    return found


@pytest.fixture
def documents(db) -> dict[str, object]:
    found = {}
    for kind in KINDS:
        root = Collection.get_first_root_node()
        collection = root.add_child(name=f"Map {kind}")
        # m2m set() reads the new restriction's groups once: not a loop to fix
        with zeal_ignore([*TEST_ALLOWLIST, COLLECTION_GROUPS]):
            _restrict(CollectionViewRestriction, kind, collection=collection)
        document = get_document_model()(title=f"Notitie {kind}", collection=collection)
        document.file.save(f"notitie-{kind}.pdf", ContentFile(b"%PDF-1.4 x"))
        found[kind] = document.pk
    # Collections are kept sorted by name, so adding one moves the others:
    # read them back as they are now.
    documents = get_document_model().objects.select_related("collection")
    return {kind: documents.get(pk=pk) for kind, pk in found.items()}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_page_visible_to_every_restriction_for_every_account(pages, role):
    user = _account(role)
    visible = {kind for kind, page in pages.items() if page_visible_to(user, page)}
    assert visible == EXPECTED[role]


@pytest.mark.parametrize("role", list(EXPECTED))
def test_pages_visible_to_filters_a_list_by_the_same_rule(pages, role):
    user = _account(role)
    listed = set(
        pages_visible_to(user, ThemePage.objects.all()).values_list("pk", flat=True)
    )
    assert listed == {pages[kind].pk for kind in EXPECTED[role]}


@pytest.mark.parametrize("role", ["adviser", "superuser"])
def test_adviser_powers_without_second_factor_pass_no_advisers_only_section(
    pages, role, monkeypatch
):
    # user_is_adviser is False in a session that did not pass the second
    # factor: the account is then a member, no more.
    monkeypatch.setattr("portal.accounts.access.user_is_adviser", lambda user: False)
    user = _account(role)
    visible = {kind for kind, page in pages.items() if page_visible_to(user, page)}
    assert visible == {"none", "login", "members"}
    listed = set(
        pages_visible_to(user, ThemePage.objects.all()).values_list("pk", flat=True)
    )
    assert listed == {pages[kind].pk for kind in visible}


def test_pages_public_is_what_an_anonymous_visitor_sees(pages):
    listed = set(pages_public(ThemePage.objects.all()).values_list("pk", flat=True))
    assert listed == {pages["none"].pk}


def test_pages_visible_to_costs_one_query_whatever_the_restrictions(
    pages, django_assert_num_queries
):
    user = MemberFactory()
    # The restrictions (then kept for the page-cache generation), the
    # member's groups (then cached on the user), the list.
    with django_assert_num_queries(3):
        list(pages_visible_to(user, ThemePage.objects.all()).values_list("pk"))
    with django_assert_num_queries(1):
        list(pages_visible_to(user, ThemePage.objects.all()).values_list("pk"))


@pytest.mark.parametrize("role", list(EXPECTED))
def test_document_visible_to_every_restriction_for_every_account(documents, role):
    user = _account(role)
    visible = {
        kind
        for kind, document in documents.items()
        if document_visible_to(user, document)
    }
    assert visible == EXPECTED[role]


# --- What the serve hooks answer ---------------------------------------------
#
# Anonymous: to the login page. A logged-in account the restriction refuses:
# 403 with the members-only explanation, never the login form again. A
# password: Wagtail's password form, for everyone until it is entered.

LOGGED_IN_REFUSED = ["unverified", "pending", "rejected"]


def _client_as(client, role: str):
    if role != "anonymous":
        client.force_login(_account(role))
    return client


def _url(target) -> str:
    return target.url


@pytest.mark.readme_claim(
    "Visitors read public pages, news, events and documents; a page, document "
    "collection or event restricted to logged-in users or to a group sends them"
    " to log in, and one with a password asks for it."
)
@pytest.mark.parametrize("what", ["page", "document"])
@pytest.mark.parametrize("kind", ["login", "members"])
def test_anonymous_is_sent_to_log_in(client, pages, documents, what, kind):
    target = pages[kind] if what == "page" else documents[kind]
    response = client.get(_url(target))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.readme_claim(
    "An account that is not approved (e-mail address not verified, waiting for "
    'approval, or rejected) counts as a visitor for every restriction, "logged-'
    'in users" included: it is told the content is for members, and it cannot '
    "register for a restricted event."
)
@pytest.mark.parametrize("what", ["page", "document"])
@pytest.mark.parametrize("kind", ["login", "members"])
@pytest.mark.parametrize("role", LOGGED_IN_REFUSED)
def test_unapproved_account_counts_as_anonymous_and_is_told_why(
    client, pages, documents, what, kind, role
):
    target = pages[kind] if what == "page" else documents[kind]
    response = _client_as(client, role).get(_url(target))
    assert response.status_code == 403
    body = response.content.decode()
    assert "Alleen voor leden" in body
    assert "Tekst" not in body and "%PDF" not in body
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize("what", ["page", "document"])
def test_member_outside_the_group_is_told_why_not_sent_to_log_in(
    client, member, pages, documents, what
):
    client.force_login(member)
    target = pages["advisers"] if what == "page" else documents["advisers"]
    response = client.get(_url(target))
    assert response.status_code == 403
    assert "Alleen voor leden" in response.content.decode()


@pytest.mark.parametrize("what", ["page", "document"])
@pytest.mark.parametrize("kind", ["login", "members"])
def test_member_reads_and_downloads(client, member, pages, documents, what, kind):
    client.force_login(member)
    target = pages[kind] if what == "page" else documents[kind]
    response = client.get(_url(target))
    assert response.status_code == 200
    if what == "page":
        assert f"Tekst {kind}" in response.content.decode()
        # Not for everyone: neither the page cache nor nginx may keep it.
        assert "private" in response["Cache-Control"]


@pytest.mark.readme_claim(
    "Visitors read public pages, news, events and documents; a page, document "
    "collection or event restricted to logged-in users or to a group sends them"
    " to log in, and one with a password asks for it."
)
@pytest.mark.parametrize("role", ["anonymous", "pending", "member"])
def test_page_password_asks_everyone_until_entered(client, pages, role):
    page = pages["password"]
    client = _client_as(client, role)
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Tekst password" not in response.content.decode()
    restriction = PageViewRestriction.objects.get(page=page.get_parent())
    client.post(
        reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]
        ),
        {"password": PASSWORD, "return_url": page.url},
    )
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Tekst password" in response.content.decode()


@pytest.mark.parametrize("role", ["anonymous", "pending"])
def test_document_password_asks_until_entered(client, documents, role):
    document = documents["password"]
    client = _client_as(client, role)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"%PDF" not in response.content
    assert b'name="password"' in response.content
    restriction = CollectionViewRestriction.objects.get(collection=document.collection)
    client.post(
        reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk]),
        {"password": PASSWORD, "return_url": document.url},
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"%PDF" in b"".join(response.streaming_content)


@pytest.mark.parametrize(
    ("hook", "check"),
    [
        ("on_serve_page", "wagtail.wagtail_hooks.check_view_restrictions"),
        (
            "before_serve_document",
            "wagtail.documents.wagtail_hooks.check_view_restrictions",
        ),
    ],
)
def test_wagtails_own_restriction_checks_are_replaced(hook, check):
    """Wagtail's checks are taken out through its private hook registry; if
    an upgrade changes that registry, this fails instead of two rules
    running side by side."""
    from wagtail import hooks

    registered = {f"{f.__module__}.{f.__name__}" for f in hooks.get_hooks(hook)}
    assert check not in registered
    assert any(name.startswith("portal.accounts.") for name in registered)
