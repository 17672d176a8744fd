"""Which changes empty the page cache: only those that can change what an
anonymous visitor is served. What members write all day - posts, case
drafts, help requests, follows, read marks, coffee bookings - leaves it."""

import pytest
from django.apps import apps
from django.core.cache import cache
from wagtail.models import Page

from community.services import thread_read
from events.models import TopicFollow
from knowledge.models import Adviser
from portal.core.page_cache import (
    GENERATION_KEY,
    _path_key,
    local_copies_clear,
    page_cache_invalidate,
    shown_to_visitors,
)
from tests.casebook.factories import draft_case
from tests.community.factories import PostFactory, ThreadFactory
from tests.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    register_member,
)
from tests.experts.coffee import booked
from tests.experts.factories import ExpertProfileFactory, help_request

pytestmark = pytest.mark.django_db

OUR_APPS = (
    "portal",
    "knowledge",
    "events",
    "casebook",
    "community",
    "experts",
    "surveys",
)


@pytest.fixture(autouse=True)
def _fresh_generation():
    cache.clear()
    local_copies_clear()
    page_cache_invalidate()
    yield
    cache.clear()


def _generation() -> str:
    return cache.get(GENERATION_KEY)


def test_every_model_of_the_site_says_whether_visitors_see_it():
    """Declared where the model is defined, so a new model is a conscious
    choice rather than a line forgotten in a central list."""
    silent = [
        model._meta.label
        for model in apps.get_models()
        if model.__module__.split(".")[0] in OUR_APPS
        and not issubclass(model, Page)
        and "shown_to_visitors" not in model.__dict__
    ]
    assert silent == []


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(lambda m, t: PostFactory(author=m, thread=t), id="a post"),
        pytest.param(lambda m, t: draft_case(m), id="a case draft"),
        pytest.param(lambda m, t: help_request(m), id="a help request"),
        pytest.param(
            lambda m, t: TopicFollow.objects.create(user=m, kind="roadshow"),
            id="a follow",
        ),
        pytest.param(
            lambda m, t: thread_read(user=m, thread=t),
            id="a read mark",
        ),
        pytest.param(
            lambda m, t: booked(ExpertProfileFactory().user, m),
            id="a coffee booking",
        ),
        pytest.param(lambda m, t: ThreadFactory(theme=t.theme), id="a thread"),
    ],
)
def test_what_members_write_leaves_the_cache(member, write):
    # The theme is an adviser's (and named in the public policy book).
    thread = PostFactory().thread
    before = _generation()
    write(member, thread)
    assert _generation() == before


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(lambda home, m: Adviser.objects.create(name="A"), id="adviser"),
        pytest.param(
            lambda home, m: EventIndexPageFactory(parent=home), id="a new page"
        ),
    ],
)
def test_what_visitors_see_renews_the_cache(home_page, member, write):
    before = _generation()
    write(home_page, member)
    assert _generation() != before


def test_library_models_visitors_see_are_declared_here():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    assert shown_to_visitors(get_image_model())
    assert shown_to_visitors(get_document_model())
    assert not shown_to_visitors(apps.get_model("sessions", "Session"))
    assert not shown_to_visitors(apps.get_model("wagtailcore", "Revision"))


def _path_token(page) -> str | None:
    return cache.get(_path_key(page.url))


def test_a_place_renews_its_event_page_not_the_cache(home_page, member):
    """A registration shows only in its event page's places left: a place
    taken or given up renders that page again, not the whole site."""
    from events.services import registration_cancel

    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page))
    before, page_before = _generation(), _path_token(event)
    registration = register_member(event, member)
    assert _generation() == before
    taken = _path_token(event)
    assert taken != page_before
    registration_cancel(registration=registration)
    assert _path_token(event) != taken
    assert _generation() == before


def test_a_guest_waiting_for_confirmation_leaves_the_cache(home_page):
    """It holds no place until the address is confirmed; confirming it
    (a place taken) renews the event page."""
    from events.services import registration_confirm, registration_create

    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page))
    before, page_before = _generation(), _path_token(event)
    registration = registration_create(
        event=event,
        name="Gast",
        organisation="Gemeente Utrecht",
        job_title="Adviseur OOV",
        email="gast@gemeente.example",
    )
    assert registration.status == "unconfirmed"
    assert (_generation(), _path_token(event)) == (before, page_before)
    registration_confirm(registration=registration)
    assert _path_token(event) != page_before
    assert _generation() == before
