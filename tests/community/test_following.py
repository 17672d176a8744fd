"""Followers hear of new messages by e-mail and can stop following, also
from the mail without logging in."""

import datetime as dt
import re

import pytest
from django.core import signing
from django.urls import reverse
from freezegun import freeze_time

from community.links import SALT, follow_from_token, unfollow_link
from community.models import Follow
from community.services import post_create, thread_follow, thread_unfollow
from tests.accounts.factories import MemberFactory, UserFactory

pytestmark = pytest.mark.django_db


def _unfollow_path(message) -> str:
    return re.search(
        r"https?://[^/\s]+(/community/niet-meer-volgen/\S+)", message.body
    )[1]


def test_followers_get_one_dutch_mail_each_but_not_the_poster(
    thread, member, other_member, mailoutbox, django_capture_on_commit_callbacks
):
    third = MemberFactory()
    thread_follow(thread=thread, user=third)
    with django_capture_on_commit_callbacks(execute=True):
        post = post_create(thread=thread, author=other_member, body="Ook bij ons")
    assert sorted(m.to[0] for m in mailoutbox) == sorted([member.email, third.email])
    message = mailoutbox[0]
    assert message.subject == "[Leerkring] Nieuw bericht in “Signalen uit de wijk”"
    assert "Hakan Yildiz" in message.body
    assert f"/community/discussie/{thread.pk}/#bericht-{post.pk}" in message.body
    assert "/community/niet-meer-volgen/" in message.body
    assert "Ook bij ons" not in message.body  # members-only text stays on the site


def test_nobody_else_follows_no_mail(
    thread, member, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_create(thread=thread, author=member, body="Aanvulling")
    assert mailoutbox == []


def test_inactive_and_former_members_get_no_mail(
    thread, other_member, mailoutbox, django_capture_on_commit_callbacks
):
    inactive = MemberFactory(is_active=False)
    no_longer_member = UserFactory(approval_status="approved")
    for user in (inactive, no_longer_member):
        Follow.objects.create(thread=thread, user=user)
    with django_capture_on_commit_callbacks(execute=True):
        post_create(thread=thread, author=other_member, body="Nieuw")
    assert [m.to for m in mailoutbox] == [[thread.author.email]]


def test_unfollow_on_the_site(
    thread, member, other_member, mailoutbox, django_capture_on_commit_callbacks
):
    assert thread_unfollow(thread=thread, user=member)
    assert not thread_unfollow(thread=thread, user=member)
    with django_capture_on_commit_callbacks(execute=True):
        post_create(thread=thread, author=other_member, body="Nieuw")
    assert mailoutbox == []


def test_unfollow_link_works_without_login_and_asks_first(
    client,
    thread,
    member,
    other_member,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        post_create(thread=thread, author=other_member, body="Nieuw")
    path = _unfollow_path(mailoutbox[0])
    page = client.get(path)
    assert page.status_code == 200
    assert "Signalen uit de wijk" in page.content.decode()
    assert thread.follows.filter(user=member).exists()  # a GET changes nothing
    done = client.post(path)
    assert "geen e-mail meer" in done.content.decode()
    assert not thread.follows.filter(user=member).exists()
    again = client.post(path)  # the link used twice: still a calm answer
    assert again.status_code == 200


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        signing.dumps({"t": 1, "u": 1}, salt="other.salt"),
        signing.dumps(["t", "u"], salt=SALT),
    ],
)
def test_forged_unfollow_links_are_refused(client, thread, token):
    response = client.post(
        reverse("community:unfollow_by_link", kwargs={"token": token})
    )
    assert response.status_code == 400
    assert "verlopen" in response.content.decode()
    assert thread.follows.exists()


def test_expired_unfollow_link_changes_nothing(client, thread, member):
    follow = thread.follows.get(user=member)
    with freeze_time("2026-01-01"):
        path = unfollow_link(follow)
    with freeze_time("2026-01-01") as frozen:
        frozen.tick(dt.timedelta(days=91))
        assert follow_from_token(path.split("/")[-2]) == (None, False)
        response = client.post(path)
    assert response.status_code == 400
    assert thread.follows.filter(user=member).exists()


def test_tampered_link_for_another_member_is_refused(client, thread, member):
    path = unfollow_link(thread.follows.get(user=member))
    token = path.split("/")[-2]
    forged = token.replace(token[5], "A" if token[5] != "A" else "B", 1)
    response = client.post(
        reverse("community:unfollow_by_link", kwargs={"token": forged})
    )
    assert response.status_code == 400
