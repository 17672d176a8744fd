""" "New discussion" sent more than once with the same form token makes one
thread with its opening post, and every request lands on it. In the outside
security test of #12, ten simultaneous identical POSTs made four threads,
seven of them empty, and three 500s (community_post_submitted_once)."""

import uuid
from concurrent.futures import ThreadPoolExecutor
from unittest import mock

import pytest
from django.conf import settings
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from community import services
from community.models import Follow, Post, Thread

pytestmark = pytest.mark.django_db


def _form(token: uuid.UUID) -> dict:
    return {
        "title": "Signalen",
        "body": "Bij ons werkt de wijkagent.",
        "tags": "wijk",
        "token": str(token),
        "event": "",
    }


def test_the_same_form_sent_twice_lands_on_one_thread(client, theme, member):
    client.force_login(member)
    url = reverse("community:thread_create", kwargs={"slug": theme.slug})
    token = uuid.uuid4()
    first = client.post(url, _form(token))
    second = client.post(url, _form(token))
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    thread = Thread.objects.get()
    assert thread.posts.count() == 1


def test_a_lost_race_for_the_token_takes_back_its_whole_thread(theme, member):
    """The rival committed its post after this request looked for one: the
    insert of the opening post fails on the token, and the thread made
    a moment before goes with it (it stayed behind, empty, before #12)."""
    token = uuid.uuid4()
    kwargs = {"theme": theme, "author": member, "body": "Tekst"}
    first = services.thread_create(**kwargs, title="Vraag", submission_token=token)
    with mock.patch.object(services, "_earlier_submission", return_value=None):
        # Another title: the recent-title check must not be what saves it.
        second = services.thread_create(
            **kwargs, title="Vraag opnieuw", submission_token=token
        )
    assert second.pk == first.pk
    assert Thread.objects.count() == 1 and Post.objects.count() == 1
    assert Follow.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent transactions are tested on PostgreSQL (SQLite serialises)",
)
def test_ten_simultaneous_submissions_make_one_thread(theme, member):
    url = reverse("community:thread_create", kwargs={"slug": theme.slug})
    login = Client()
    login.force_login(member)
    session = login.cookies[settings.SESSION_COOKIE_NAME].value
    data = _form(uuid.uuid4())

    def submit(_n: int):
        client = Client()
        client.cookies[settings.SESSION_COOKIE_NAME] = session
        try:
            response = client.post(url, data)
            return response.status_code, response.get("Location")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(submit, range(10)))

    thread = Thread.objects.get()
    assert thread.posts.count() == 1
    assert set(answers) == {(302, f"/community/discussie/{thread.pk}/")}
