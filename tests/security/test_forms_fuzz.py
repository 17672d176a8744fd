"""Property-based tests of every form and query parameter through Django's
test client: whatever arrives (control characters, NUL bytes, lone
surrogates, very long text, lists instead of strings, huge numbers, invalid
dates, missing fields) the answer is never a server error, and a refused
form leaves nothing half-written.

The default run is derandomised: the same 20 examples per form every time,
so a suite that passed stays green and CI does not fail on a chance find.
``LEERKRING_HYPOTHESIS_EXAMPLES`` asks for a deeper, random run with that
many examples per form: run it now and then, and turn what it finds into a
regression test below.
Hypothesis keeps no database: each run starts fresh and nothing lands in the
repository.
"""

import os
import uuid
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.db.models import Model
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from casebook.models import CaseMessage, CaseSubmission
from community.models import Post, Thread
from events.models import EventQuestion, Registration
from experts.models import HelpRequest, RequestMessage
from knowledge.newsletter.models import Subscriber
from portal.accounts.models import User
from tests.casebook.factories import draft_case, submitted_case
from tests.community.factories import PostFactory, ThemeFactory, ThreadFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.experts.factories import ExpertProfileFactory, help_request

from .payloads import SHORT_PAYLOADS, XSS_PAYLOADS
from .people import logged_in

pytestmark = pytest.mark.django_db

# Hypothesis keeps caches (of Unicode tables, for instance) even without an
# example database: in var/, which git ignores, not in the repository's root.
set_hypothesis_home_dir(Path(__file__).resolve().parents[2] / "var" / "hypothesis")

DEEP = os.environ.get("LEERKRING_HYPOTHESIS_EXAMPLES")
EXAMPLES = int(DEEP or "20")
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=not DEEP,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

_SCALAR = st.one_of(
    # Any code point: control characters, NUL, lone surrogates.
    st.text(st.characters(exclude_categories=()), max_size=80),
    st.sampled_from(XSS_PAYLOADS + SHORT_PAYLOADS),
    st.builds(
        lambda part, times: part * times,
        st.text(min_size=1, max_size=3),
        st.integers(min_value=300, max_value=60_000),
    ),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.sampled_from(
        ["2026-13-45", "0000-00-00", "9999-99", "1e309", "NaN", "-1", "", " "]
    ),
)
VALUE = st.one_of(_SCALAR, st.lists(_SCALAR, max_size=3))


def _body(data: dict) -> bytes:
    """A form body as a browser would send it, but with whatever characters,
    lone surrogates included (as the invalid UTF-8 they would become)."""
    return urlencode(data, doseq=True, errors="surrogatepass").encode("ascii")


def _post(client: Client, url: str, data: dict):
    return client.post(
        url, _body(data), content_type="application/x-www-form-urlencoded"
    )


def _form_data(valid: dict) -> st.SearchStrategy[dict]:
    """Valid data with some fields replaced by anything and some left out,
    so that both the refusals and the successes are exercised."""
    # A form without fields still gets something it does not expect.
    names = sorted(valid) or ["unexpected"]
    return st.builds(
        lambda overrides, dropped: {
            name: value
            for name, value in {**valid, **overrides}.items()
            if name not in dropped
        },
        st.fixed_dictionaries({}, optional={name: VALUE for name in names}),
        st.sets(st.sampled_from(names)),
    )


def check_form(
    client: Client, url: str, valid: dict, counted: type[Model] | Callable[[], int]
) -> None:
    """POST anything to ``url``: never a server error; when the form is
    refused (no redirect), nothing was created."""

    def count() -> int:
        return (
            counted()
            if callable(counted) and not isinstance(counted, type)
            else counted.objects.count()
        )

    @FUZZ
    @given(_form_data(valid))
    def run(data):
        before = count()
        response = _post(client, url, data)
        assert response.status_code < 500
        if response.status_code != 302:
            assert count() == before, data
        else:
            assert count() - before in (0, 1)

    run()


def _member_client(member) -> Client:
    return logged_in(member)


def test_account_request(db):
    valid = {
        "first_name": "Fatima",
        "last_name": "el Amrani",
        "organisation": "Gemeente Houten",
        "job_title": "OOV-adviseur",
        "email": "f.elamrani@houten.example",
        "password1": "een-goed-wachtwoord-42",
        "password2": "een-goed-wachtwoord-42",
    }
    check_form(Client(), "/accounts/signup/", valid, User)


def test_newsletter_signup(db):
    valid = {"email": "lezer@example.org", "name": "Lezer", "website": ""}
    check_form(Client(), "/nieuwsbrief/", valid, Subscriber)


@pytest.fixture
def event(home_page):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page))
    EventQuestion.objects.create(event=event, label="Dieetwensen")
    EventQuestion.objects.create(
        event=event, label="Sessie", required=True, choices="Ochtend\nMiddag"
    )
    return event


def _answers(event) -> dict:
    first, second = event.questions.order_by("pk")
    return {f"vraag_{first.pk}": "Geen", f"vraag_{second.pk}": "Ochtend"}


def test_guest_registration(event):
    valid = {
        "name": "Fatima el Amrani",
        "organisation": "Gemeente Houten",
        "job_title": "Jongerenwerker",
        "email": "gast@houten.example",
        **_answers(event),
    }
    check_form(Client(), event.url + "inschrijven/", valid, Registration)


def test_member_registration(event, member):
    member.organisation = ""
    member.save()
    valid = {"organisation": "Gemeente Houten", **_answers(event)}
    check_form(logged_in(member), event.url + "inschrijven/", valid, Registration)


CASE = {
    "form_token": "",
    "title": "Oproep tot rellen",
    "region": "Lindenwaard",
    "period": "Voorjaar 2025",
    "what_happened": "Er werd opgeroepen tot rellen.",
    "interventions_tried": "Gesprek.",
    "lessons": "Eerder bellen.",
    "tags": "voetbal, jongeren",
    "wants_learning_circle": "on",
    "phase": "",
    "classification": "",
    "platforms": [],
    "action": "preview",
}


def test_case_submission(member):
    client = logged_in(member)

    @FUZZ
    @given(_form_data(CASE), st.booleans())
    def run(data, fresh_token):
        if fresh_token and "form_token" in data:
            data["form_token"] = str(uuid.uuid4())
        before = CaseSubmission.objects.count()
        response = _post(client, "/casuistiek/indienen/", data)
        assert response.status_code < 500
        if response.status_code != 302:
            assert CaseSubmission.objects.count() == before

    run()


def test_case_preview_corrections_and_edit(member):
    case = draft_case(member)
    client = logged_in(member)
    preview = f"/casuistiek/mijn-casussen/{case.pk}/voorbeeld/"
    valid = {"text": "Lindenwaard", "label": "ADRES", "keep": [], "version": ""}
    check_form(client, preview, valid, CaseSubmission)
    edit = f"/casuistiek/mijn-casussen/{case.pk}/bewerken/"
    check_form(client, edit, {**CASE, "action": "save"}, CaseSubmission)


def test_case_messages_and_adviser_review(member, editor):
    case = submitted_case(member)
    message = f"/casuistiek/mijn-casussen/{case.pk}/bericht/"
    check_form(logged_in(member), message, {"body": "Vraag"}, CaseMessage)
    adviser = logged_in(editor)
    review = f"/admin/casuistiek/{case.pk}/"
    check_form(adviser, review + "bericht/", {"body": "Vraag"}, CaseMessage)
    edit = {k: v for k, v in CASE.items() if k not in ("form_token", "action")}
    check_form(adviser, review + "bewerken/", edit, CaseSubmission)


@pytest.fixture
def thread(member):
    theme = ThemeFactory(slug="thema")
    thread = ThreadFactory(theme=theme, author=member)
    PostFactory(thread=thread, author=member)
    return thread


def test_community_threads_and_posts(member, thread):
    client = logged_in(member)
    message = {"body": "Bij ons werkt de wijkagent.", "tags": "wijk", "token": ""}
    check_form(
        client,
        f"/community/thema/{thread.theme.slug}/nieuw/",
        {**message, "title": "Signalen", "event": ""},
        Thread,
    )
    check_form(
        client,
        f"/community/discussie/{thread.pk}/reageren/",
        {**message, "parent": ""},
        Post,
    )
    post = thread.posts.first()
    check_form(client, f"/community/bericht/{post.pk}/bewerken/", message, Post)


def test_community_moderation(editor, thread):
    post = thread.posts.first()
    adviser = logged_in(editor)
    for url, valid in (
        (f"/community/bericht/{post.pk}/verbergen/", {"reason": "Persoonsgegevens"}),
        (f"/community/bericht/{post.pk}/tonen/", {}),
        (f"/community/bericht/{post.pk}/markeren/", {"marked_as": "conclusion"}),
        (f"/community/discussie/{thread.pk}/sluiten/", {"locked": "1"}),
        (f"/community/discussie/{thread.pk}/volgen/", {"follow": "0"}),
    ):
        check_form(adviser, url, valid, Post)


def test_expert_requests_profile_and_messages(member):
    requester = logged_in(member)
    valid = {
        "urgency": "acute",
        "callback_phone": "06-12345678",
        "municipality": "Lindenwaard",
        "region": "utrecht",
        "description": "Oproep tot rellen op TikTok.",
        "expertise": [],
        "form_token": "",
    }

    @FUZZ
    @given(_form_data(valid))
    def run(data):
        if "form_token" in data:
            data["form_token"] = str(uuid.uuid4())
        before = HelpRequest.objects.count()
        response = _post(requester, "/experts/hulpvragen/nieuw/", data)
        assert response.status_code < 500
        if response.status_code != 302:
            assert HelpRequest.objects.count() == before

    run()
    created = help_request(member)
    url = f"/experts/hulpvragen/{created.pk}/bericht/"
    check_form(requester, url, {"body": "Nog een vraag"}, RequestMessage)
    profile = ExpertProfileFactory()
    own = {
        "availability": "limited",
        "description": "Helpt bij monitoring.",
        "phone": "06-12345678",
        "show_email": "on",
        "show_phone": "on",
    }
    check_form(
        logged_in(profile.user), "/experts/mijn-expertprofiel/", own, RequestMessage
    )


def test_account_deletion_and_account_requests(member, editor):
    check_form(
        logged_in(member),
        "/mijn-account/verwijderen/",
        {"password": "fout-wachtwoord"},
        lambda: User.objects.filter(pk=member.pk).count(),
    )
    pending = User.objects.create_user(
        email="aanvrager@gemeente.example", approval_status="pending"
    )
    check_form(
        logged_in(editor),
        f"/admin/accountaanvragen/{pending.pk}/afwijzen/",
        {"reason": "Geen professional"},
        User,
    )


QUERY_PAGES = [
    ("/zoeken/", ["q", "type", "pagina"]),
    ("/interventietool/", ["fase", "classificatie", "actor"]),
    ("/experts/", ["q", "expertise", "regio", "beschikbaarheid", "pagina"]),
    ("/experts/hulpvragen/nieuw/", ["urgentie"]),
    ("/community/", ["pagina"]),
    ("/accounts/login/", ["next"]),
]


def test_query_parameters(home_page, member, thread):
    from tests.casebook.factories import CaseIndexPageFactory
    from tests.knowledge.factories import NewsIndexPageFactory

    news = NewsIndexPageFactory(parent=home_page)
    events = EventIndexPageFactory(parent=home_page)
    cases = CaseIndexPageFactory(parent=home_page)
    pages = [
        *QUERY_PAGES,
        (news.url, ["categorie", "tag", "jaar", "pagina"]),
        (events.url, ["soort", "doelgroep", "maand"]),
        (cases.url, ["fase", "classificatie", "platform", "tag", "pagina"]),
        (f"/community/thema/{thread.theme.slug}/", ["tag", "pagina"]),
        (f"/community/thema/{thread.theme.slug}/nieuw/", ["bijeenkomst"]),
        (f"/community/discussie/{thread.pk}/", ["reageer", "pagina"]),
    ]
    client = logged_in(member)

    @FUZZ
    @given(
        st.sampled_from(pages),
        st.dictionaries(st.sampled_from(range(6)), VALUE, max_size=6),
    )
    def run(page, values):
        path, names = page
        query = {names[i % len(names)]: value for i, value in values.items()}
        body = urlencode(query, doseq=True, errors="surrogatepass")
        assert client.get(f"{path}?{body}").status_code < 500

    run()


# Regressions found by the tests above -------------------------------------------


@pytest.mark.parametrize("huge", [str(2**63), str(10**40), str(-(2**63) - 1)])
def test_a_platform_id_no_database_holds_is_refused(member, huge):
    # It reached the query, where SQLite raised OverflowError: a 500.
    response = _post(
        logged_in(member), "/casuistiek/indienen/", {**CASE, "platforms": [huge]}
    )
    assert response.status_code == 200
    assert "platforms" in response.context["form"].errors
    assert not CaseSubmission.objects.exists()


@pytest.mark.parametrize("field", ["phase", "classification"])
def test_a_single_choice_id_no_database_holds_is_refused(member, field):
    response = _post(
        logged_in(member), "/casuistiek/indienen/", {**CASE, field: str(2**63)}
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not CaseSubmission.objects.exists()


def test_a_meeting_id_no_database_holds_is_refused(member, thread):
    # Found by the fuzzing in a CI run: the thread form's meeting choice.
    data = {
        "title": "Signalen",
        "body": "Bij ons werkt de wijkagent.",
        "tags": "",
        "token": "",
        "event": str(2**63),
    }
    url = f"/community/thema/{thread.theme.slug}/nieuw/"
    response = _post(logged_in(member), url, data)
    assert response.status_code < 500
    assert Thread.objects.count() == 1


def test_an_expert_id_no_database_holds_is_refused(member, editor):
    created = help_request(member)
    ExpertProfileFactory()
    url = f"/experts/hulpvragen/{created.pk}/toewijzen/"
    response = _post(logged_in(editor), url, {"experts": [str(10**40)]})
    assert response.status_code == 400
    assert "experts" in response.context["form"].errors


def test_expert_assignment(member, editor):
    created = help_request(member)
    profile = ExpertProfileFactory()
    url = f"/experts/hulpvragen/{created.pk}/toewijzen/"
    check_form(
        logged_in(editor),
        url,
        {"experts": [str(profile.pk)]},
        lambda: created.assignments.count(),
    )
