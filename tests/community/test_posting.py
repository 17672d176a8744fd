"""Starting threads, posting, replying and editing."""

import datetime as dt
import uuid

import pytest
from django.utils import timezone
from freezegun import freeze_time

from community.errors import CommunityError, InvalidMessage, NotAllowed
from community.models import Post, Thread
from community.services import post_create, post_edit, thread_create
from tests.events.factories import EventIndexPageFactory, EventPageFactory

from .factories import PostFactory

pytestmark = pytest.mark.django_db


def test_thread_create_makes_opening_post_and_follow(theme, member):
    thread = thread_create(
        theme=theme,
        author=member,
        title="  Wie   signaleert? ",
        body="Hoe doen jullie dat?",
        tags=["ondermijning", "wijk"],
    )
    assert thread.title == "Wie signaleert?"
    opening = thread.posts.get()
    assert opening.body == "<p>Hoe doen jullie dat?</p>"
    assert opening.approved and opening.marked_as == Post.Mark.NONE
    assert set(thread.tags.names()) == {"ondermijning", "wijk"}
    assert thread.follows.filter(user=member).exists()


def test_thread_may_be_tied_to_a_cop_meeting_only(theme, member, home_page):
    index = EventIndexPageFactory(parent=home_page)
    cop = EventPageFactory(parent=index, kind="cop")
    leerkring = EventPageFactory(parent=index, kind="leerkring")
    thread = thread_create(theme=theme, author=member, title="T", body="x", event=cop)
    assert thread.event == cop
    with pytest.raises(CommunityError, match="community of practice"):
        thread_create(theme=theme, author=member, title="T2", body="y", event=leerkring)


@pytest.mark.parametrize("who", ["anonymous", "unapproved"])
def test_only_members_post(who, theme, thread, unapproved):
    from django.contrib.auth.models import AnonymousUser

    user = AnonymousUser() if who == "anonymous" else unapproved
    with pytest.raises(NotAllowed):
        thread_create(theme=theme, author=user, title="T", body="x")
    with pytest.raises(NotAllowed):
        post_create(thread=thread, author=user, body="x")
    assert Post.objects.count() == 1


def test_empty_title_or_body_writes_nothing(theme, member):
    with pytest.raises(CommunityError, match="titel"):
        thread_create(theme=theme, author=member, title="   ", body="x")
    with pytest.raises(InvalidMessage):
        thread_create(theme=theme, author=member, title="T", body="<script>x</script>")
    assert not Thread.objects.exists()


def test_reply_to_a_reply_joins_the_top_level_message(thread, other_member):
    top = thread.posts.get()
    reply = post_create(thread=thread, author=other_member, body="Eens", parent=top)
    deeper = post_create(thread=thread, author=thread.author, body="Dank", parent=reply)
    assert reply.parent == top and deeper.parent == top


def test_reply_to_a_message_of_another_thread_is_refused(thread, theme, other_member):
    elsewhere = PostFactory(thread__theme=theme)
    with pytest.raises(CommunityError):
        post_create(thread=thread, author=other_member, body="x", parent=elsewhere)


def test_posting_moves_the_thread_up_and_follows(thread, other_member):
    with freeze_time(timezone.now() + dt.timedelta(hours=1)):
        post = post_create(thread=thread, author=other_member, body="Ook bij ons")
    thread.refresh_from_db()
    assert thread.last_activity_at == post.created_at
    assert thread.follows.filter(user=other_member).exists()


def test_locked_thread_refuses_new_messages(thread, other_member):
    Thread.objects.filter(pk=thread.pk).update(locked=True)
    with pytest.raises(CommunityError, match="gesloten"):
        post_create(thread=thread, author=other_member, body="Nog iets")
    assert thread.posts.count() == 1


def test_double_submission_with_the_same_token_makes_one_post(thread, other_member):
    token = uuid.uuid4()
    first = post_create(
        thread=thread, author=other_member, body="Een keer", submission_token=token
    )
    second = post_create(
        thread=thread, author=other_member, body="Een keer", submission_token=token
    )
    assert first.pk == second.pk
    assert thread.posts.count() == 2


def test_same_text_seconds_later_is_one_post(thread, other_member):
    first = post_create(thread=thread, author=other_member, body="Dubbelklik")
    with freeze_time(timezone.now() + dt.timedelta(seconds=3)):
        second = post_create(thread=thread, author=other_member, body="Dubbelklik")
    with freeze_time(timezone.now() + dt.timedelta(minutes=5)):
        later = post_create(thread=thread, author=other_member, body="Dubbelklik")
    assert first.pk == second.pk != later.pk


def test_double_submitted_thread_is_one_thread(theme, member):
    token = uuid.uuid4()
    kwargs = {"theme": theme, "author": member, "title": "Vraag", "body": "Tekst"}
    first = thread_create(**kwargs, submission_token=token)
    second = thread_create(**kwargs, submission_token=token)
    third = thread_create(**kwargs)  # a resent form without the token
    assert first.pk == second.pk == third.pk
    assert Thread.objects.count() == 1 and Post.objects.count() == 1


def test_author_edits_within_the_window(thread, member, settings):
    settings.COMMUNITY_EDIT_WINDOW_MINUTES = 30
    post = thread.posts.get()
    with freeze_time(post.created_at + dt.timedelta(minutes=29)):
        edited = post_edit(post=post, user=member, body="Verbeterd", tags=["wijk"])
    assert edited.body == "<p>Verbeterd</p>"
    assert edited.edited_at is not None
    assert list(edited.tags.names()) == ["wijk"]


def test_edit_after_the_window_is_refused_with_a_message(thread, member, settings):
    settings.COMMUNITY_EDIT_WINDOW_MINUTES = 30
    post = thread.posts.get()
    with (
        freeze_time(post.created_at + dt.timedelta(minutes=31)),
        pytest.raises(CommunityError, match="30 minuten"),
    ):
        post_edit(post=post, user=member, body="Te laat")
    post.refresh_from_db()
    assert post.body == "<p>Openingsvraag</p>"


def test_only_the_author_edits(thread, other_member, adviser):
    post = thread.posts.get()
    for user in (other_member, adviser):
        with pytest.raises(NotAllowed):
            post_edit(post=post, user=user, body="Niet van mij")


def test_hidden_or_locked_messages_cannot_be_edited(thread, member):
    post = thread.posts.get()
    Post.objects.filter(pk=post.pk).update(hidden=True)
    with pytest.raises(CommunityError, match="verborgen"):
        post_edit(post=post, user=member, body="x")
    Post.objects.filter(pk=post.pk).update(hidden=False)
    Thread.objects.filter(pk=thread.pk).update(locked=True)
    with pytest.raises(CommunityError, match="gesloten"):
        post_edit(post=post, user=member, body="x")
