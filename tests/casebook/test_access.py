"""Who gets what for every URL of a case: one table, read row by row.

Member pages answer 404 to everyone but the submitter (and, once the case
is submitted, the advisers), whatever the id. The advisers' pages live in
the Wagtail admin, which sends anyone without admin access to the login
before the case is even looked up (302, the same for every id); an admin
user who does not review cases gets 404 there too.
"""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from casebook.models import CaseStatus, CaseSubmission
from tests.accounts.factories import MemberFactory
from tests.second_factor import login_with_second_factor

from .factories import draft_case, submitted_case

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "unapproved", "other_member", "submitter", "adviser")
LOGIN = 302  # the admin's redirect to the login page
BACK = 302  # an action that answers with a redirect and a message

# (url name, method, status of the case): expected status per role, in the
# order of ROLES.
TABLE = {
    # The member's pages of a draft: the submitter only, not even advisers
    # (nothing reaches an adviser before the submitter confirmed).
    ("casebook:detail", "GET", "draft"): (404, 404, 404, 200, 404),
    ("casebook:edit", "GET", "draft"): (404, 404, 404, 200, 404),
    ("casebook:edit", "POST", "draft"): (404, 404, 404, 200, 404),
    ("casebook:preview", "GET", "draft"): (404, 404, 404, 200, 404),
    ("casebook:preview", "POST", "draft"): (404, 404, 404, BACK, 404),
    ("casebook:withdraw", "GET", "draft"): (404, 404, 404, 200, 404),
    ("casebook:withdraw", "POST", "draft"): (404, 404, 404, BACK, 404),
    ("casebook:message", "POST", "draft"): (404, 404, 404, BACK, 404),
    # Once submitted: advisers read it and write in the thread too.
    ("casebook:detail", "GET", "submitted"): (404, 404, 404, 200, 200),
    ("casebook:edit", "GET", "submitted"): (404, 404, 404, BACK, 404),
    ("casebook:preview", "GET", "submitted"): (404, 404, 404, BACK, 404),
    ("casebook:withdraw", "GET", "submitted"): (404, 404, 404, 200, 404),
    ("casebook:withdraw", "POST", "submitted"): (404, 404, 404, BACK, 404),
    ("casebook:message", "POST", "submitted"): (404, 404, 404, BACK, BACK),
    # The advisers' pages in the Wagtail admin.
    ("casebook_review:review", "GET", "draft"): (LOGIN, LOGIN, LOGIN, LOGIN, 404),
    ("casebook_review:review", "GET", "submitted"): (LOGIN, LOGIN, LOGIN, LOGIN, 200),
    ("casebook_review:original", "GET", "draft"): (LOGIN, LOGIN, LOGIN, LOGIN, 404),
    ("casebook_review:original", "GET", "submitted"): (LOGIN, LOGIN, LOGIN, LOGIN, 200),
    ("casebook_review:edit", "GET", "draft"): (LOGIN, LOGIN, LOGIN, LOGIN, 404),
    ("casebook_review:edit", "GET", "submitted"): (LOGIN, LOGIN, LOGIN, LOGIN, 200),
    ("casebook_review:message", "POST", "submitted"): (
        LOGIN,
        LOGIN,
        LOGIN,
        LOGIN,
        BACK,
    ),
    ("casebook_review:publish", "POST", "draft"): (LOGIN, LOGIN, LOGIN, LOGIN, 404),
    ("casebook_review:publish", "POST", "submitted"): (
        LOGIN,
        LOGIN,
        LOGIN,
        LOGIN,
        BACK,
    ),
    ("casebook_review:reject", "POST", "submitted"): (LOGIN, LOGIN, LOGIN, LOGIN, BACK),
    ("casebook_review:schedule", "POST", "submitted"): (
        LOGIN,
        LOGIN,
        LOGIN,
        LOGIN,
        BACK,
    ),
}
CASES = [
    pytest.param(
        url, method, state, role, expected, id=f"{url}-{method}-{state}-{role}"
    )
    for (url, method, state), row in TABLE.items()
    for role, expected in zip(ROLES, row, strict=True)
]


@pytest.fixture
def people(member, unapproved, editor):
    return {
        "anonymous": None,
        "unapproved": unapproved,
        "other_member": MemberFactory(),
        "submitter": member,
        "adviser": editor,
    }


def _request(client, method: str, url: str):
    if method == "GET":
        return client.get(url)
    return client.post(
        url,
        {"body": "Een vraag", "reason": "Nee", "action": "save", "confirmed": "1"},
    )


@pytest.mark.parametrize(("url", "method", "state", "role", "expected"), CASES)
def test_access(client, people, home_page, url, method, state, role, expected):
    submitter = people["submitter"]
    case = draft_case(submitter) if state == "draft" else submitted_case(submitter)
    if people[role] is not None:
        login_with_second_factor(client, people[role])
    response = _request(client, method, reverse(url, kwargs={"pk": case.pk}))
    assert response.status_code == expected
    refused = expected == 404 or role not in ("submitter", "adviser")
    if refused:
        case.refresh_from_db()
        assert case.status == state  # refused requests change nothing
        assert case.erased_at is None


@pytest.mark.parametrize("url", sorted({url for url, _m, _s in TABLE}))
@pytest.mark.parametrize("role", ROLES)
def test_an_id_that_does_not_exist_answers_the_same(client, people, url, role):
    """Nobody learns which cases exist: a made-up id gets the answer an
    existing case of someone else gets."""
    if people[role] is not None:
        login_with_second_factor(client, people[role])
    missing = (
        CaseSubmission.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    ) + 1000
    response = client.get(reverse(url, kwargs={"pk": missing}))
    admin = url.startswith("casebook_review:")
    if admin and role != "adviser":
        assert response.status_code == LOGIN
    elif url in ("casebook:message",) and role != "anonymous":
        assert response.status_code in (404, 405)
    else:
        assert response.status_code == 404


def test_the_404_page_offers_a_login_to_visitors(client, member):
    case = draft_case(member)
    response = client.get(reverse("casebook:detail", kwargs={"pk": case.pk}))
    assert response.status_code == 404
    assert "/accounts/login/?next=" in response.content.decode()
    assert case.title not in response.content.decode()


def test_my_cases_lists_only_my_own(client, member):
    mine = draft_case(member, title="Mijn eigen casus")
    draft_case(MemberFactory(), title="Casus van een ander")
    client.force_login(member)
    body = client.get(reverse("casebook:mine")).content.decode()
    assert mine.title in body and "Casus van een ander" not in body


def test_submitting_needs_an_approved_member(client, unapproved):
    assert client.get(reverse("casebook:new")).status_code == 302
    client.force_login(unapproved)
    response = client.get(reverse("casebook:new"))
    assert response.status_code == 403
    assert "Alleen voor leden" in response.content.decode()


def test_an_admin_user_who_does_not_review_gets_404(client, editor):
    case = submitted_case(MemberFactory())
    editor.groups.clear()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    login_with_second_factor(client, editor)
    assert client.get(reverse("casebook_review:queue")).status_code == 404
    response = client.get(reverse("casebook_review:review", kwargs={"pk": case.pk}))
    assert response.status_code == 404
    assert CaseSubmission.objects.get(pk=case.pk).status == CaseStatus.SUBMITTED
