"""A member's export includes their discussions; deleting the account keeps
the messages readable without their name."""

import pytest
from django.urls import reverse

from community.models import Follow, Post, Thread
from community.services import post_create
from portal.accounts.services import account_delete, account_export

pytestmark = pytest.mark.django_db


def test_export_lists_threads_messages_and_follows(thread, member):
    data = account_export(user=member)["community"]
    assert data["discussions_started"][0]["title"] == "Signalen uit de wijk"
    assert data["messages"][0]["body"] == "<p>Openingsvraag</p>"
    assert data["following"] == ["Signalen uit de wijk"]


def test_deleting_the_account_keeps_messages_as_former_member(
    client, thread, member, other_member
):
    reply = post_create(thread=thread, author=other_member, body="Mijn ervaring")
    account_delete(user=other_member)
    reply.refresh_from_db()
    assert reply.author is None and reply.body == "<p>Mijn ervaring</p>"
    assert not Follow.objects.filter(thread=thread, user_id=other_member.pk).exists()
    client.force_login(member)
    page = client.get(reverse("community:thread", args=[thread.pk])).content.decode()
    assert "verwijderd lid" in page
    assert "Hakan" not in page


def test_deleting_the_thread_author_keeps_the_thread(thread, member):
    account_delete(user=member)
    thread = Thread.objects.get(pk=thread.pk)
    assert thread.author is None
    assert Post.objects.filter(thread=thread).count() == 1
    assert not Follow.objects.filter(thread=thread).exists()
