"""Advisers moderate; everyone else is refused, and each action is logged."""

import pytest

from community.errors import CommunityError, NotAllowed
from community.models import CommunityTag, ModerationAction, Post
from community.moderation import (
    post_hide,
    post_mark,
    post_unhide,
    tag_merge,
    tag_split,
    thread_lock,
)
from community.services import post_create

from .factories import PostFactory, ThreadFactory

pytestmark = pytest.mark.django_db
Action = ModerationAction.Action


@pytest.fixture
def post(thread):
    return thread.posts.get()


def test_mark_and_unmark(post, adviser):
    post_mark(post=post, by=adviser, marked_as=Post.Mark.CONCLUSION)
    post.refresh_from_db()
    assert (post.marked_as, post.marked_by) == (Post.Mark.CONCLUSION, adviser)
    post_mark(post=post, by=adviser, marked_as=Post.Mark.SOLUTION)
    post_mark(post=post, by=adviser, marked_as=Post.Mark.NONE)
    post.refresh_from_db()
    assert (post.marked_as, post.marked_by, post.marked_at) == ("none", None, None)
    assert list(
        ModerationAction.objects.order_by("pk").values_list("action", flat=True)
    ) == [Action.MARK, Action.MARK, Action.UNMARK]
    log = ModerationAction.objects.order_by("pk").first()
    assert (log.actor, log.target_type, log.target_id) == (adviser, "post", post.pk)


def test_invalid_marking_is_refused(post, adviser):
    with pytest.raises(CommunityError):
        post_mark(post=post, by=adviser, marked_as="favourite")


def test_hide_needs_a_reason_and_withdraws_approval(post, adviser):
    with pytest.raises(CommunityError, match="reden"):
        post_hide(post=post, by=adviser, reason="   ")
    with pytest.raises(CommunityError):
        post_hide(post=post, by=adviser, reason="x" * 501)
    post_hide(post=post, by=adviser, reason="Bevat namen van bewoners")
    post.refresh_from_db()
    assert post.hidden and not post.approved
    assert (post.hidden_reason, post.hidden_by) == ("Bevat namen van bewoners", adviser)
    log = ModerationAction.objects.get()
    assert (log.action, log.reason) == (Action.HIDE, "Bevat namen van bewoners")
    with pytest.raises(CommunityError, match="Toon het bericht eerst"):
        post_mark(post=post, by=adviser, marked_as=Post.Mark.CONCLUSION)
    post_unhide(post=post, by=adviser)
    post.refresh_from_db()
    assert not post.hidden and post.approved and post.hidden_reason == ""


def test_lock_and_unlock(thread, adviser, other_member):
    thread_lock(thread=thread, by=adviser, locked=True)
    with pytest.raises(CommunityError):
        post_create(thread=thread, author=other_member, body="x")
    thread_lock(thread=thread, by=adviser, locked=False)
    post_create(thread=thread, author=other_member, body="x")
    assert list(
        ModerationAction.objects.order_by("pk").values_list("action", flat=True)
    ) == [Action.LOCK, Action.UNLOCK]


@pytest.mark.parametrize("who", ["member", "unapproved", "anonymous"])
def test_non_advisers_cannot_moderate(who, thread, member, unapproved):
    from django.contrib.auth.models import AnonymousUser

    user = {"member": member, "unapproved": unapproved}.get(who) or AnonymousUser()
    post = thread.posts.get()
    tag_a = CommunityTag.objects.create(name="a")
    tag_b = CommunityTag.objects.create(name="b")
    attempts = [
        lambda: post_mark(post=post, by=user, marked_as=Post.Mark.CONCLUSION),
        lambda: post_hide(post=post, by=user, reason="x"),
        lambda: post_unhide(post=post, by=user),
        lambda: thread_lock(thread=thread, by=user, locked=True),
        lambda: tag_merge(source=tag_a, target=tag_b, by=user),
        lambda: tag_split(source=tag_a, new_name="c", by=user, thread_ids=[1]),
    ]
    for attempt in attempts:
        with pytest.raises(NotAllowed):
            attempt()
    post.refresh_from_db()
    thread.refresh_from_db()
    assert post.marked_as == "none" and not post.hidden and not thread.locked
    assert not ModerationAction.objects.exists()


def test_merge_moves_threads_and_posts_without_duplicates(theme, adviser):
    both = ThreadFactory(theme=theme, tags=["tiktok", "tiktok-video"])
    only_source = ThreadFactory(theme=theme, tags=["tiktok-video"])
    post = PostFactory(thread=both, tags=["tiktok-video"])
    source = CommunityTag.objects.get(name="tiktok-video")
    target = CommunityTag.objects.get(name="tiktok")
    moved = tag_merge(source=source, target=target, by=adviser)
    assert moved == 3
    assert not CommunityTag.objects.filter(pk=source.pk).exists()
    assert list(both.tags.names()) == ["tiktok"]
    assert list(only_source.tags.names()) == ["tiktok"]
    assert list(post.tags.names()) == ["tiktok"]
    assert ModerationAction.objects.get().summary == "tiktok-video → tiktok"


def test_merge_a_tag_into_itself_is_refused(adviser):
    tag = CommunityTag.objects.create(name="wijk")
    with pytest.raises(CommunityError):
        tag_merge(source=tag, target=tag, by=adviser)


def test_split_moves_the_chosen_items_only(theme, adviser):
    demo = ThreadFactory(theme=theme, tags=["demonstratie"])
    kept = ThreadFactory(theme=theme, tags=["demonstratie"])
    post = PostFactory(thread=kept, tags=["demonstratie"])
    source = CommunityTag.objects.get(name="demonstratie")
    target = tag_split(
        source=source,
        new_name="  Tegen-Demonstratie ",
        by=adviser,
        thread_ids=[demo.pk],
        post_ids=[post.pk],
    )
    assert target.name == "tegen-demonstratie"
    assert list(demo.tags.names()) == ["tegen-demonstratie"]
    assert list(kept.tags.names()) == ["demonstratie"]
    assert list(post.tags.names()) == ["tegen-demonstratie"]
    # Everything moved: the old tag goes.
    tag_split(source=source, new_name="demo", by=adviser, thread_ids=[kept.pk])
    assert not CommunityTag.objects.filter(name="demonstratie").exists()


def test_split_refuses_nonsense(theme, adviser):
    thread = ThreadFactory(theme=theme, tags=["wijk"])
    source = CommunityTag.objects.get(name="wijk")
    for kwargs in (
        {"new_name": "", "thread_ids": [thread.pk]},
        {"new_name": "wijk", "thread_ids": [thread.pk]},
        {"new_name": "x" * 51, "thread_ids": [thread.pk]},
        {"new_name": "buurt"},
    ):
        with pytest.raises(CommunityError):
            tag_split(source=source, by=adviser, **kwargs)
    assert list(thread.tags.names()) == ["wijk"]
