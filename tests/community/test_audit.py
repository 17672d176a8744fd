"""Moderation lands in the audit log next to ModerationAction: one entry
per action, messages and discussions by number, never the reason."""

import pytest

from community.errors import CommunityError
from community.models import CommunityTag, Post
from community.moderation import post_hide, post_mark, tag_merge, thread_lock
from tests.portal.audit import assert_says_nothing_of, ours, the_entry
from tests.portal.audit import audit_actions as actions

from .factories import PostFactory, ThreadFactory

pytestmark = pytest.mark.django_db


def test_hiding_is_logged_without_the_reason(thread, adviser, member):
    post = thread.posts.get()
    post_hide(post=post, by=adviser, reason="Noemt Fatima el Amrani")
    entry = the_entry("leerkring.community.hide", on=post, by=adviser)
    assert entry.label == f"Bericht #{post.pk}" and entry.data == {}
    assert_says_nothing_of(
        entry, "Fatima", "Signalen uit de wijk", "Openingsvraag", member.last_name
    )


def test_marking_and_locking_are_logged(thread, adviser):
    post = thread.posts.get()
    post_mark(post=post, by=adviser, marked_as=Post.Mark.CONCLUSION)
    thread_lock(thread=thread, by=adviser, locked=True)
    assert the_entry("leerkring.community.mark", on=post, by=adviser).data == {
        "marked_as": "conclusion"
    }
    locked = the_entry("leerkring.community.lock", on=thread, by=adviser)
    assert locked.label == f"Discussie #{thread.pk}"


def test_a_merge_is_logged_on_the_tag_kept(theme, adviser):
    thread = ThreadFactory(theme=theme, tags=["tiktok-video"])
    PostFactory(thread=thread, tags=["tiktok-video"])
    source = CommunityTag.objects.get(name="tiktok-video")
    target = CommunityTag.objects.create(name="tiktok")
    tag_merge(source=source, target=target, by=adviser)
    entry = the_entry("leerkring.community.tag_merge", on=target, by=adviser)
    assert entry.label == "tiktok"
    assert entry.data == {"source": "tiktok-video", "moved": 2}


def test_refused_moderation_logs_nothing(thread, adviser, member):
    post = thread.posts.get()
    with pytest.raises(CommunityError):
        post_hide(post=post, by=adviser, reason=" ")
    with pytest.raises(CommunityError):
        post_mark(post=post, by=member, marked_as=Post.Mark.CONCLUSION)
    assert ours(actions()) == []
