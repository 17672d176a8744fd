"""The discussions section of a member's overview (Mijn Leerkring)."""

from collections.abc import Mapping
from typing import Any

from django.db.models import Exists, F, OuterRef

from .models import Follow, Post
from .selectors import reading_state

#: Threads shown, the most recently active first.
SHOWN = 15
#: A thread with one of these has an answer or a conclusion.
MARKED = (Post.Mark.CONCLUSION, Post.Mark.SOLUTION)


def overview_items(user) -> Mapping[str, Any] | None:
    """The threads the member follows, each with the number of messages by
    others since they last opened it (``community.selectors.reading_state``,
    the same count as every thread list). One query; None for someone who
    follows nothing."""
    marked = Post.objects.filter(
        thread=OuterRef("thread"), hidden=False, marked_as__in=MARKED
    )
    follows = list(
        Follow.objects.filter(user=user)
        .select_related("thread", "thread__theme")
        .annotate(**reading_state(reader=user, thread_ref="thread"))
        .annotate(marked=Exists(marked))
        .order_by(F("thread__last_activity_at").desc(), "-pk")[:SHOWN]
    )
    return {"follows": follows} if follows else None
