"""The page cache for anonymous visitors (portal.core.page_cache).

Runs on the local-memory cache, or on Redis when REDIS_URL is set
(REDIS_URL=redis://127.0.0.1:6379/15: the tests empty that database).
"""

import datetime as dt
import re
import time

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.test import Client, RequestFactory
from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.models import PageViewRestriction

from events.models import Registration
from knowledge.models import InformationPage, NewsIndexPage, NewsPage
from portal.accounts.roles import MEMBERS_GROUP
from portal.core.page_cache import (
    GENERATION_KEY,
    PageCacheWSGI,
    local_copies_clear,
)
from tests.accounts.factories import MemberFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.interventions.factories import InterventionFactory, situation

pytestmark = pytest.mark.django_db

GUEST = {
    "name": "Fatima el Amrani",
    "organisation": "Gemeente Houten",
    "job_title": "Jongerenwerker",
    "email": "f.elamrani@houten.example",
}


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_BROWSER_SECONDS = 60
    if settings.REDIS_URL:
        settings.CACHES = {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": settings.REDIS_URL,
                "KEY_PREFIX": "leerkring-test",
            }
        }
    settings.PAGE_CACHE_LOCAL_SECONDS = 1
    cache.clear()
    local_copies_clear()
    yield
    cache.clear()
    local_copies_clear()


@pytest.fixture
def news(home_page):
    index = home_page.add_child(instance=NewsIndexPage(title="Nieuws", slug="nieuws"))
    page = index.add_child(
        instance=NewsPage(
            title="Roadshow Zwolle",
            category="events",
            date=dt.date(2026, 3, 1),
            teaser="Over online aangejaagde ordeverstoringen.",
        )
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def event(home_page):
    index = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(parent=index, capacity=5)


def _cached(client: Client, url: str) -> HttpResponse:
    """Fill the cache with ``url`` and check that it is then a hit."""
    assert client.get(url)["X-Cache"] == "MISS"
    response = client.get(url)
    assert response["X-Cache"] == "HIT"
    return response


def test_second_anonymous_visit_is_a_hit_without_queries(
    client, home_page, django_assert_num_queries
):
    first = client.get("/")
    assert first.status_code == 200
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get("/")
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert int(second["Age"]) >= 0
    for response in (first, second):
        directives = set(re.split(r",\s*", response["Cache-Control"]))
        assert directives == {"public", "max-age=60", "s-maxage=600"}
        assert "Cookie" in response["Vary"]
        assert "Set-Cookie" not in response and not response.cookies
        assert "csrfmiddlewaretoken" not in response.content.decode()
    # The headers the other middleware added are kept with the page.
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["Content-Language"] == "nl"


@pytest.fixture
def keep_connection():
    # As the test client does: a request through Django's WSGI handler would
    # otherwise close the connection that holds the test's transaction.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


class _Django:
    """The Django application, counting the requests that reach it."""

    def __init__(self):
        self.handler, self.calls = WSGIHandler(), 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.handler(environ, start_response)


def _wsgi_get(application, method="GET", **extra) -> tuple[str, dict, bytes]:
    environ = RequestFactory().generic(method, "/", **extra).environ
    answer = {}

    def start_response(status, headers):
        answer.update(status=status, headers=dict(headers))

    body = b"".join(application(environ, start_response))
    return answer["status"], answer["headers"], body


def test_wsgi_wrapper_answers_hits_before_django(
    client, home_page, django_assert_num_queries, keep_connection
):
    django = _Django()
    application = PageCacheWSGI(django)
    # Stored by the middleware: both layers compute the same key.
    stored = client.get("/")
    with django_assert_num_queries(0):
        status, headers, body = _wsgi_get(application)
    assert django.calls == 0
    assert (status, headers["X-Cache"], body) == ("200 OK", "HIT", stored.content)
    assert headers["Cache-Control"] == stored["Cache-Control"]
    assert _wsgi_get(application, "HEAD")[2] == b""
    # A member's request goes to Django, which does not look it up again.
    _wsgi_get(application, HTTP_COOKIE="sessionid=abc")
    assert django.calls == 1


def test_wsgi_wrapper_passes_misses_to_the_middleware(
    client, home_page, keep_connection
):
    django = _Django()
    application = PageCacheWSGI(django)
    assert _wsgi_get(application)[1]["X-Cache"] == "MISS"
    assert _wsgi_get(application)[1]["X-Cache"] == "HIT"
    assert django.calls == 1
    assert client.get("/")["X-Cache"] == "HIT"


def test_another_workers_change_shows_within_the_local_seconds(
    client, home_page, settings
):
    settings.PAGE_CACHE_LOCAL_SECONDS = 0.2
    _cached(client, "/")
    # Another worker published: the shared generation is new.
    cache.set(GENERATION_KEY, "another worker's", timeout=None)
    assert client.get("/")["X-Cache"] == "HIT"
    time.sleep(0.25)
    assert client.get("/")["X-Cache"] == "MISS"


def test_without_local_copies_every_hit_asks_the_shared_cache(
    client, home_page, settings
):
    settings.PAGE_CACHE_LOCAL_SECONDS = 0
    _cached(client, "/")
    cache.set(GENERATION_KEY, "another worker's", timeout=None)
    assert client.get("/")["X-Cache"] == "MISS"


def test_head_is_answered_from_the_cache(client, home_page):
    client.get("/")
    assert client.head("/")["X-Cache"] == "HIT"


def test_language_is_part_of_the_key(client, home_page):
    _cached(client, "/")
    client.cookies["django_language"] = "en"
    english = client.get("/")
    assert english["X-Cache"] == "MISS"
    assert '<html lang="en">' in english.content.decode()
    assert '<html lang="en">' in client.get("/").content.decode()


@pytest.mark.parametrize("change", ["edit", "unpublish", "delete", "move"])
def test_page_changes_show_at_once(client, home_page, news, change):
    assert "Roadshow Zwolle" in _cached(client, news.url).content.decode()
    url = news.url
    if change == "edit":
        news.title = "Roadshow Deventer"
        news.save_revision().publish()
    elif change == "unpublish":
        news.unpublish()
    elif change == "delete":
        news.delete()
    else:
        elsewhere = home_page.add_child(
            instance=NewsIndexPage(title="Archief", slug="archief")
        )
        news.move(elsewhere, pos="last-child")
    response = client.get(url)
    assert response["X-Cache"] == "MISS"
    if change == "edit":
        assert "Roadshow Deventer" in response.content.decode()
    elif change == "move":  # Wagtail leaves a redirect behind
        assert response["Location"] == "/archief/roadshow-zwolle/"
    else:
        assert response.status_code == 404


def test_new_footer_page_shows_on_every_page(client, home_page):
    _cached(client, "/")
    statement = home_page.add_child(
        instance=InformationPage(
            title="Privacyverklaring",
            intro="Hoe Leerkring met gegevens omgaat.",
            show_in_footer=True,
            last_reviewed=dt.date(2026, 11, 1),
        )
    )
    statement.save_revision().publish()
    response = client.get("/")
    assert response["X-Cache"] == "MISS"
    assert f'href="{statement.url}">Privacyverklaring</a>' in response.content.decode()


def test_edited_intervention_shows_in_the_tool(client):
    place = situation()
    intervention = InterventionFactory(
        title="Gebiedsverbod",
        phases=[place["mobilisatie"]],
        classifications=[place["strafbaar"]],
        actors=[place["gemeente"]],
    )
    url = "/interventietool/?fase=mobilisatie&classificatie=alle&actor=alle"
    assert "Gebiedsverbod" in _cached(client, url).content.decode()
    intervention.title = "Noodverordening"
    intervention.save()
    response = client.get(url)
    assert response["X-Cache"] == "MISS"
    assert "Noodverordening" in response.content.decode()
    intervention.phases.set([place["verstoring"]])
    response = client.get(url)
    assert response["X-Cache"] == "MISS"
    assert "Noodverordening" not in response.content.decode()


def test_a_place_taken_renews_its_event_page_alone(client, home_page, event):
    """Places left show on the event page only; a guest who has not
    confirmed the address yet holds no place, so that alone changes nothing
    cached, and a place taken renders that page again, not the home page."""
    event.registration_closed = True  # no form: the page may be stored
    event.save_revision().publish()
    _cached(client, "/")
    _cached(client, event.url)
    registration = Registration.objects.create(
        event=event, status=Registration.Status.UNCONFIRMED, **GUEST
    )
    assert client.get(event.url)["X-Cache"] == "HIT"
    registration.status = Registration.Status.CONFIRMED
    registration.save()
    assert client.get(event.url)["X-Cache"] == "MISS"
    assert client.get("/")["X-Cache"] == "HIT"


def test_event_page_with_a_form_is_never_stored(client, event):
    first = client.get(event.url)
    second = client.get(event.url)
    assert second["X-Cache"] == "MISS"
    assert "csrfmiddlewaretoken" in second.content.decode()
    assert "private" in second["Cache-Control"]
    assert "nog 5 plaatsen" in first.content.decode()
    Registration.objects.create(
        event=event, status=Registration.Status.CONFIRMED, **GUEST
    )
    assert "nog 4 plaatsen" in client.get(event.url).content.decode()


def test_guest_registers_after_visiting_cached_pages(client, home_page, event):
    strict = Client(enforce_csrf_checks=True)
    _cached(strict, "/")
    page = strict.get(event.url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    response = strict.post(
        event.url + "inschrijven/", {**GUEST, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert event.registrations.get().email == GUEST["email"]


def test_language_switch_works_from_a_cached_page(home_page):
    strict = Client(enforce_csrf_checks=True)
    _cached(strict, "/")
    response = strict.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert strict.cookies["django_language"].value == "en"
    assert '<html lang="en">' in strict.get("/").content.decode()


def test_member_never_gets_nor_fills_a_cached_page(client, home_page, event):
    member_a, member_b = MemberFactory(), MemberFactory()
    client.force_login(member_a)
    for url in ("/", event.url):
        response = client.get(url)
        assert "X-Cache" not in response
        assert "private" in response["Cache-Control"]
        assert "no-cache" in response["Cache-Control"]
    assert "Uitloggen" in client.get("/").content.decode()
    assert member_a.email in client.get(event.url).content.decode()

    anonymous = Client()
    for url in ("/", event.url):
        body = anonymous.get(url).content.decode()
        assert "Uitloggen" not in body and member_a.email not in body
    assert anonymous.get("/")["X-Cache"] == "HIT"

    other = Client()
    other.force_login(member_b)
    for url in ("/", event.url):
        response = other.get(url)
        assert "X-Cache" not in response
        assert member_a.email not in response.content.decode()
    assert "Uitloggen" in other.get("/").content.decode()


def test_members_logging_in_leave_the_cache_alone(client, home_page, member):
    # A session row and last_login are saved: nothing a public page shows.
    _cached(client, "/")
    Client().force_login(member)
    assert client.get("/")["X-Cache"] == "HIT"


def test_session_or_message_cookie_bypasses_the_cache(client, home_page):
    _cached(client, "/")
    for cookie in ("sessionid", "messages"):
        visitor = Client()
        visitor.cookies[cookie] = "x"
        assert "X-Cache" not in visitor.get("/")


def test_post_is_never_answered_nor_stored(client, home_page):
    client.post("/")
    assert client.get("/")["X-Cache"] == "MISS"
    assert "X-Cache" not in client.post("/")


def test_not_found_is_not_stored(client, home_page):
    client.get("/bestaat-niet/")
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert response["X-Cache"] == "MISS"
    assert "private" in response["Cache-Control"]


def test_query_strings_are_bounded(client, home_page, settings):
    settings.PAGE_CACHE_QUERY_BUDGET = 2
    for query in ("?a=1", "?a=2"):
        response = _cached(client, "/" + query)
        assert "s-maxage=60" in response["Cache-Control"]
    client.get("/?a=3")
    assert client.get("/?a=3")["X-Cache"] == "MISS"
    assert client.get("/?a=1")["X-Cache"] == "HIT"
    long_query = "/?q=" + "x" * 300
    assert "X-Cache" not in client.get(long_query)


def test_off_when_the_setting_is_zero(client, home_page, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/")
    response = client.get("/")
    assert "X-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")


def _sets_cookie(request: HttpRequest) -> HttpResponse:
    response = HttpResponse("koekje")
    response.set_cookie("gezien", "1")
    return response


@never_cache
def _never(request: HttpRequest) -> HttpResponse:
    return HttpResponse("nooit")


def _streamed(request: HttpRequest) -> StreamingHttpResponse:
    return StreamingHttpResponse(iter([b"stroom"]))


def _varies(request: HttpRequest) -> HttpResponse:
    return HttpResponse("per taal", headers={"Vary": "Accept-Language"})


def _plain(request: HttpRequest) -> HttpResponse:
    return HttpResponse("gewoon")


urlpatterns = [
    path("koekje/", _sets_cookie),
    path("nooit/", _never),
    path("stroom/", _streamed),
    path("varieert/", _varies),
    path("gewoon/", _plain),
]


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("url", ["/koekje/", "/nooit/", "/stroom/", "/varieert/"])
def test_responses_that_may_not_be_shared_are_not_stored(client, url):
    client.get(url)
    response = Client().get(url)
    assert response["X-Cache"] == "MISS"
    assert "public" not in response["Cache-Control"]


@pytest.mark.urls(__name__)
def test_plain_view_is_stored(client):
    _cached(client, "/gewoon/")


def _restricted(home_page, kind: str) -> InformationPage:
    page = home_page.add_child(
        instance=InformationPage(title=f"Alleen {kind}", slug=f"alleen-{kind}")
    )
    restriction = PageViewRestriction.objects.create(
        page=page,
        restriction_type=kind,
        password="geheim-wachtwoord" if kind == PageViewRestriction.PASSWORD else "",
    )
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set(Group.objects.filter(name=MEMBERS_GROUP))
    return page


@pytest.mark.readme_claim(
    "A page with any view restriction is never kept in the page cache or in "
    "nginx, whatever it answers."
)
@pytest.mark.parametrize(
    "kind",
    [
        PageViewRestriction.LOGIN,
        PageViewRestriction.GROUPS,
        PageViewRestriction.PASSWORD,
    ],
)
def test_a_restricted_page_is_never_stored(home_page, kind):
    """Neither the refusal a visitor gets nor the page a member reads is
    kept: both are marked private, which nginx honours too."""
    url = _restricted(home_page, kind).url
    for _visit in range(2):
        response = Client().get(url)
        assert response["X-Cache"] == "MISS"
        assert "public" not in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
    member = Client()
    member.force_login(MemberFactory())
    response = member.get(url)
    assert "public" not in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
