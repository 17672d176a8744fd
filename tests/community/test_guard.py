"""The personal-data guard: a message with personal data is stopped once,
the member chooses to replace it, edit it or post it as written, and the
choice is logged without the text."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from community.models import Post, Thread

pytestmark = pytest.mark.django_db
NAMED = "Gisteren sprak ik met Jan de Vries over de oproep op TikTok."
ORDINARY = "Bij ons werkt de wijkagent als vast aanspreekpunt voor de jongeren."


def _reply(client, thread, body, **extra):
    url = reverse("community:post_create", args=[thread.pk])
    return client.post(url, {"body": body, **extra})


def _guard_logs():
    return ModelLogEntry.objects.filter(action__startswith="leerkring.post_guard")


def test_a_name_stops_the_message_and_shows_what_was_found(client, thread, member):
    client.force_login(member)
    before = Post.objects.count()
    response = _reply(client, thread, NAMED)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Persoonsgegevens?" in page
    assert "“Jan de Vries” (naam van een persoon) → [PERSOON-1]" in page
    assert "Vervangen en plaatsen" in page and "Plaatsen zoals geschreven" in page
    assert NAMED in page  # the text stays in the form, to edit
    assert Post.objects.count() == before
    assert not _guard_logs().exists()


def test_replace_posts_the_placeholders_and_logs_without_text(client, thread, member):
    client.force_login(member)
    response = _reply(client, thread, NAMED, guard="replace")
    assert response.status_code == 302
    post = Post.objects.latest("pk")
    assert "Jan de Vries" not in post.body and "[PERSOON-1]" in post.body
    [log] = _guard_logs()
    assert log.action == "leerkring.post_guard.replace"
    assert log.data == {"found": {"PERSOON": 1}}
    assert "Jan" not in str(log.data) and "Jan" not in log.label


def test_keep_posts_as_written(client, thread, member):
    client.force_login(member)
    _reply(client, thread, NAMED, guard="keep")
    assert "Jan de Vries" in Post.objects.latest("pk").body
    assert _guard_logs().get().action == "leerkring.post_guard.keep"


def test_an_ordinary_message_is_posted_at_once(client, thread, member):
    client.force_login(member)
    response = _reply(client, thread, ORDINARY)
    assert response.status_code == 302
    assert ORDINARY in Post.objects.latest("pk").body
    assert not _guard_logs().exists()


def test_an_unknown_answer_counts_as_none(client, thread, member):
    client.force_login(member)
    before = Post.objects.count()
    response = _reply(client, thread, NAMED, guard="publish-anyway")
    assert "Persoonsgegevens?" in response.content.decode()
    assert Post.objects.count() == before


def test_a_new_thread_and_an_edit_are_guarded_too(client, theme, thread, member):
    client.force_login(member)
    url = reverse("community:thread_create", args=[theme.slug])
    response = client.post(url, {"title": "Oproep", "body": NAMED})
    assert "Persoonsgegevens?" in response.content.decode()
    assert not Thread.objects.filter(title="Oproep").exists()
    post = thread.posts.get()
    edit = reverse("community:post_edit", args=[post.pk])
    response = client.post(edit, {"body": NAMED})
    assert "Persoonsgegevens?" in response.content.decode()
    client.post(edit, {"body": NAMED, "guard": "replace"})
    post.refresh_from_db()
    assert "[PERSOON-1]" in post.body
