"""The community's part in a member's privacy rights (see
portal.accounts.signals)."""

from django.dispatch import receiver

from portal.accounts.signals import account_deleting, personal_data_requested

from .models import Follow, Post, Thread, ThreadRead, TopicWish, TopicWishVote
from .services import member_depersonalise
from .wishes import member_wishes_depersonalise


@receiver(personal_data_requested, dispatch_uid="community.export")
def _export(sender, user, **kwargs):
    threads = Thread.objects.filter(author=user).select_related("theme")
    posts = Post.objects.filter(author=user).select_related("thread")
    follows = Follow.objects.filter(user=user).select_related("thread")
    reads = ThreadRead.objects.filter(user=user).select_related("thread")
    wishes = TopicWish.objects.filter(author=user).select_related("event")
    votes = TopicWishVote.objects.filter(user=user).select_related("event", "wish")
    return (
        "community",
        {
            "discussions_started": [
                {"title": t.title, "theme": t.theme.name, "created_at": t.created_at}
                for t in threads.order_by("created_at", "pk")
            ],
            "messages": [
                {
                    "discussion": p.thread.title,
                    "body": p.body,
                    "created_at": p.created_at,
                    "edited_at": p.edited_at,
                    "hidden": p.hidden,
                }
                for p in posts.order_by("created_at", "pk")
            ],
            "following": [f.thread.title for f in follows.order_by("created_at", "pk")],
            # How far the member has read each thread they opened: the
            # unread markers are worked out from this.
            "read": [
                {"discussion": r.thread.title, "read_up_to": r.read_at}
                for r in reads.order_by("read_at", "pk")
            ],
            "topics_proposed": [
                {
                    "meeting": w.event.title,
                    "topic": w.body,
                    "created_at": w.created_at,
                }
                for w in wishes.order_by("created_at", "pk")
            ],
            "topic_votes": [
                {"meeting": v.event.title, "topic": v.wish.body}
                for v in votes.order_by("created_at", "pk")
            ],
        },
    )


@receiver(account_deleting, dispatch_uid="community.delete")
def _depersonalise(sender, user, **kwargs):
    member_depersonalise(user=user)
    member_wishes_depersonalise(user=user)
