"""Payloads through the forms anyone can fill in (account request, event
registration, newsletter) and every query parameter of the public and
members' lists, rendered in Chromium for the visitor, the member and the
adviser in the Wagtail admin."""

import re
from urllib.parse import urlencode, urlsplit

import pytest
from django.core import mail
from django.test import Client

from events.links import registration_link
from events.models import EventQuestion, Registration
from knowledge.newsletter.links import subscriber_link
from knowledge.newsletter.models import Subscriber
from portal.accounts.models import User
from tests.casebook.factories import CaseIndexPageFactory
from tests.community.factories import ThemeFactory, ThreadFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.knowledge.factories import NewsIndexPageFactory, NewsPageFactory

from .browser import assert_clean, visit
from .payloads import ALL_PAYLOADS, chunks
from .people import hostile_member, logged_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "een-goed-wachtwoord-42"


def _request_accounts(client: Client) -> None:
    for number, name in enumerate(chunks(150)[:4]):
        client.post(
            "/accounts/signup/",
            {
                "first_name": name,
                "last_name": chunks(150)[number + 4],
                "organisation": chunks(200)[number],
                "job_title": chunks(200)[number + 1],
                "email": f"aanvrager{number}@gemeente.example",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )
        # Only once the address is verified is the request shown to advisers.
        key = re.search(r"/accounts/confirm-email/([^/\s]+)/", mail.outbox[-1].body)
        client.post(f"/accounts/confirm-email/{key[1]}/")
        client.logout()
    pending = User.objects.filter(
        email__startswith="aanvrager", approval_status="pending"
    )
    assert pending.count() == 4


def _register(event, member) -> Registration:
    question = EventQuestion.objects.create(event=event, label="Uw vraag")
    answer = {f"vraag_{question.pk}": ALL_PAYLOADS[:1000]}
    url = event.url + "inschrijven/"
    for number, name in enumerate(chunks(200)[:4]):
        response = Client().post(
            url,
            {
                "name": name,
                "organisation": chunks(200)[number + 1],
                "job_title": chunks(200)[number + 2],
                "email": f"gast{number}@gemeente.example",
                **answer,
            },
        )
        assert response.status_code == 302
    logged_in(member).post(url, answer)
    assert Registration.objects.count() == 5
    return Registration.objects.order_by("pk").first()


def _sign_up_for_the_newsletter() -> Subscriber:
    for number, name in enumerate(chunks(150)[:3]):
        Client().post(
            "/nieuwsbrief/", {"email": f"lezer{number}@example.org", "name": name}
        )
    return Subscriber.objects.order_by("pk").first()


def test_public_forms_run_no_visitor_script(
    live_server, hostile_page, editor, home_page
):
    _request_accounts(Client())
    member = hostile_member()
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page))
    registration = _register(event, member)
    subscriber = _sign_up_for_the_newsletter()
    base = live_server.url
    adviser, visitor = hostile_page(editor), hostile_page()
    findings = [
        visit(adviser, f"{base}/admin/accountaanvragen/", expect_text="xss"),
        visit(adviser, f"{base}/admin/deelnemers/{event.pk}/", expect_text="xss"),
        visit(adviser, f"{base}/admin/nieuwsbrief/", expect_text="xss"),
        visit(hostile_page(member), f"{base}/mijn-account/", expect_text="xss"),
        visit(hostile_page(member), base + event.url),
        visit(visitor, base + registration_link(registration, "cancel")),
        visit(visitor, base + urlsplit(subscriber_link(subscriber, "confirm")).path),
    ]
    assert_clean(findings)


def _query_pages(home_page) -> list[tuple[str, list[str]]]:
    """Every page with query parameters, and the parameters' names."""
    news = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(parent=news, title="xss " + chunks(200)[0][:200])
    events = EventIndexPageFactory(parent=home_page)
    cases = CaseIndexPageFactory(parent=home_page)
    theme = ThemeFactory(slug="thema")
    thread = ThreadFactory(theme=theme)
    return [
        ("/zoeken/", ["q", "type", "pagina"]),
        (news.url, ["categorie", "tag", "jaar", "pagina"]),
        (events.url, ["soort", "doelgroep", "maand"]),
        (cases.url, ["fase", "classificatie", "platform", "tag", "pagina"]),
        ("/interventietool/", ["fase", "classificatie", "actor"]),
        (f"/community/thema/{theme.slug}/", ["tag", "pagina"]),
        (f"/community/thema/{theme.slug}/nieuw/", ["bijeenkomst"]),
        (f"/community/discussie/{thread.pk}/", ["reageer", "pagina"]),
        ("/experts/", ["q", "expertise", "regio", "beschikbaarheid", "pagina"]),
        ("/experts/hulpvragen/nieuw/", ["urgentie"]),
        ("/accounts/login/", ["next"]),
    ]


def test_query_parameters_run_no_script(live_server, hostile_page, home_page):
    pages = _query_pages(home_page)
    page = hostile_page(hostile_member())
    findings = [visit(page, f"{live_server.url}/zoeken/?q=xss", expect_text="xss")]
    for text in chunks(2000):
        for path, names in pages:
            query = urlencode({name: text for name in names})
            findings.append(visit(page, f"{live_server.url}{path}?{query}"))
    assert_clean(findings)
