"""Parts of member pages rendered once and shared (portal.core.fragments),
where a path leads and what restricts a page kept per generation
(portal.core.page_routes, portal.accounts.access), and the management
link without permission queries."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from portal.accounts.models import User
from portal.accounts.roles import ADVISERS_GROUP
from portal.core import fragments
from tests.accounts.factories import MemberFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.knowledge.factories import (
    DossierPageFactory,
    PublicationIndexPageFactory,
    ThemePageFactory,
    publication,
)

pytestmark = pytest.mark.django_db


def _logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _queries(client: Client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.fixture
def agenda(home_page):
    index = EventIndexPageFactory(parent=home_page)
    EventPageFactory(parent=index, title="Leerkring Bodegraven")
    return index


def test_a_members_second_view_of_the_agenda_asks_fewer_queries(member, agenda):
    client = _logged_in(member)
    first, _ = _queries(client, agenda.url)
    again, html = _queries(client, agenda.url)
    assert "Leerkring Bodegraven" in html
    # The route (two segments), the page's restrictions, the restriction
    # rows and the two lists are kept; the session, the account and its
    # groups are asked every time.
    assert again <= first - 5


def test_a_new_meeting_shows_at_once(member, agenda):
    client = _logged_in(member)
    client.get(agenda.url)
    EventPageFactory(parent=agenda, title="Roadshow Utrecht")
    assert "Roadshow Utrecht" in client.get(agenda.url).content.decode()


def test_the_lists_vary_on_the_query_string(member, agenda):
    client = _logged_in(member)
    assert "Leerkring Bodegraven" in client.get(agenda.url).content.decode()
    filtered = client.get(agenda.url + "?soort=roadshow").content.decode()
    assert "Leerkring Bodegraven" not in filtered


def test_what_a_member_was_shown_is_not_shown_to_a_visitor(home_page, member):
    """The theme page's part is kept per audience: a members-only
    publication a member saw is not in the visitor's copy."""
    dossier = DossierPageFactory(parent=home_page)
    theme = ThemePageFactory(parent=dossier, title="Signaleren")
    library = PublicationIndexPageFactory(parent=home_page)
    publication(library, "Openbare fenomeenkaart", theme=theme)
    publication(library, "Besloten presentatie", theme=theme, members_only=True)
    seen = _logged_in(member).get(theme.url).content.decode()
    assert "Besloten presentatie" in seen
    visitor = Client().get(theme.url).content.decode()
    assert "Openbare fenomeenkaart" in visitor
    assert "Besloten presentatie" not in visitor


def test_a_fragment_expires_with_the_clock(member, agenda, monkeypatch):
    """Which meetings are still to come changes without any save."""
    client = _logged_in(member)
    client.get(agenda.url)
    assert len(fragments.fragments) > 0
    for key, (generation, stored_at, _html) in list(
        fragments.fragments._values.items()
    ):
        fragments.fragments._values[key] = (
            generation,
            stored_at - fragments.MAX_AGE,
            "stale",
        )
    assert "stale" not in client.get(agenda.url).content.decode()


def test_a_fragment_with_a_csrf_token_is_never_kept(member, home_page):
    template = Template(
        "{% load fragments %}{% shared_fragment 'form' %}"
        "<form>{% csrf_token %}</form>{% endshared_fragment %}"
    )
    request = RequestFactory().get("/")
    request.user = member
    template.render(Context({"request": request, "csrf_token": "geheim"}))
    assert len(fragments.fragments) == 0


def test_a_fragment_without_a_request_is_rendered_each_time():
    template = Template(
        "{% load fragments %}{% shared_fragment 'x' %}a{% endshared_fragment %}"
    )
    assert template.render(Context({})) == "a"
    assert len(fragments.fragments) == 0


def test_a_restriction_added_is_applied_on_the_next_request(client, home_page):
    dossier = DossierPageFactory(parent=home_page)
    theme = ThemePageFactory(parent=dossier, title="Signaleren")
    assert client.get(theme.url).status_code == 200
    PageViewRestriction.objects.create(
        page=dossier, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(theme.url).status_code == 302


def test_a_page_unpublished_or_moved_is_not_routed_from_memory(client, home_page):
    dossier = DossierPageFactory(parent=home_page, slug="dossier")
    theme = ThemePageFactory(parent=dossier, slug="signaleren")
    other = DossierPageFactory(parent=home_page, slug="ander-dossier")
    assert client.get("/dossier/signaleren/").status_code == 200
    theme.move(other, pos="last-child")
    moved = client.get("/dossier/signaleren/")
    assert (moved.status_code, moved["Location"]) == (301, "/ander-dossier/signaleren/")
    assert client.get("/ander-dossier/signaleren/").status_code == 200
    theme.refresh_from_db()
    theme.unpublish()
    assert client.get("/ander-dossier/signaleren/").status_code == 404


def test_a_route_below_a_page_is_served_from_memory(agenda):
    """An event's own routes (its registration) are routed by the page
    itself after the page came from memory; a made-up one stays a 404."""
    from events.models import Registration

    event = agenda.get_children().get().specific
    for _ in range(2):
        response = _logged_in(MemberFactory()).post(event.url + "inschrijven/")
        assert (response.status_code, response["Location"]) == (302, event.url)
    assert Registration.objects.filter(event=event, status="confirmed").count() == 2
    for _ in range(2):
        assert Client().get(event.url + "bestaat-niet/").status_code == 404


def test_the_management_link_asks_no_permission_query(member, home_page):
    client = _logged_in(member)
    client.get("/")
    with CaptureQueriesContext(connection) as captured:
        html = client.get("/").content.decode()
    assert "/admin/" not in html
    assert not [q for q in captured if "auth_permission" in q["sql"]]


def test_an_adviser_group_member_is_offered_the_management_environment(home_page):
    adviser = MemberFactory()
    adviser.groups.add(Group.objects.get(name=ADVISERS_GROUP))
    html = _logged_in(adviser).get("/").content.decode()
    assert 'href="/admin/"' in html


def test_a_preview_shows_the_draft_not_a_kept_fragment(client, home_page):
    """A draft changes without a new generation: previews never use or
    fill the fragments."""
    dossier = DossierPageFactory(parent=home_page)
    theme = ThemePageFactory(parent=dossier, title="Signaleren", intro="Oud")
    assert "Oud" in client.get(theme.url).content.decode()
    kept = len(fragments.fragments)
    theme.intro = "Nieuw concept"
    draft = theme.save_revision().as_object()
    preview = draft.make_preview_request()
    assert "Nieuw concept" in preview.rendered_content
    assert len(fragments.fragments) == kept
