"""The discussions section of a member's overview (Mijn Leerkring)."""

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Subquery
from django.db.models.functions import Coalesce

from .models import Follow, Post

#: Threads shown, the most recently active first.
SHOWN = 15
#: A thread with one of these has an answer or a conclusion.
MARKED = (Post.Mark.CONCLUSION, Post.Mark.SOLUTION)


def overview_items(user) -> Mapping[str, Any] | None:
    """The threads the member follows, each with the number of messages by
    others since they last opened it (or since they began to follow). One
    query; None for someone who follows nothing."""
    unread = (
        Post.objects.filter(
            thread=OuterRef("thread"),
            hidden=False,
            created_at__gt=Coalesce(OuterRef("read_at"), OuterRef("created_at")),
        )
        .exclude(author=user)
        .order_by()
        .values("thread")
        .annotate(count=Count("pk"))
        .values("count")
    )
    marked = Post.objects.filter(
        thread=OuterRef("thread"), hidden=False, marked_as__in=MARKED
    )
    follows = list(
        Follow.objects.filter(user=user)
        .select_related("thread", "thread__theme")
        .annotate(unread=Coalesce(Subquery(unread), 0), marked=Exists(marked))
        .order_by(F("thread__last_activity_at").desc(), "-pk")[:SHOWN]
    )
    return {"follows": follows} if follows else None
