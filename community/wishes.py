"""Preparing a community-of-practice meeting: members propose topics and
questions beforehand and vote on them; the adviser picks the ones the
meeting will discuss, which become its agenda and its discussions.

Every write of the topic wishes goes through these functions. The views
decide who may see the meeting (``portal.accounts.access``); these decide
what may be done with it.
"""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from events.selectors import community_meetings
from portal.accounts.selectors import user_is_adviser, user_is_member
from portal.core.audit import audit_log

from .errors import CommunityError, NotAllowed
from .models import Follow, Post, Theme, Thread, TopicWish, TopicWishVote
from .sanitise import message_clean

#: A wish is a topic or a question, not a message: kept short so that the
#: list reads at a glance and the adviser can weigh them side by side.
WISH_MAX_LENGTH = 500


def _require_member(user) -> None:
    if not user_is_member(user):
        raise NotAllowed(_("Only members can propose topics and vote."))


def _require_before_start(event) -> None:
    if event.starts_at <= timezone.now():
        raise CommunityError(
            _("This meeting has started; topics can no longer be proposed or voted on.")
        )


def _require_meeting(event) -> None:
    if not community_meetings().filter(pk=event.pk).exists():
        raise CommunityError(_("Choose a community of practice meeting."))


def wish_length_error(text: str) -> str | None:
    """The message for a wish that is too long, or None."""
    length = len(text.strip())
    if length <= WISH_MAX_LENGTH:
        return None
    return _(
        "A topic can be at most {limit} characters long; yours has {length}."
    ).format(limit=WISH_MAX_LENGTH, length=length)


def wish_propose(*, event, author, body: str) -> TopicWish:
    """``author`` proposes a topic or question for ``event`` before it
    starts. The text passed the personal-data guard in the form."""
    _require_member(author)
    error = wish_length_error(strip_tags(body))
    if error:
        raise CommunityError(error)
    body = message_clean(body)
    _require_meeting(event)
    _require_before_start(event)
    with transaction.atomic():
        wish = TopicWish(event=event, author=author, body=body)
        wish.full_clean()
        wish.save()
        audit_log(
            instance=wish,
            action="leerkring.topic_wish.propose",
            user=author,
            label=_("Topic proposal #{pk}").format(pk=wish.pk),
            data={"event": event.pk},
        )
    return wish


def wish_vote_toggle(*, wish: TopicWish, user, event) -> bool:
    """One vote of ``user`` for ``wish`` on ``event``; voting again takes
    it back. Returns whether the vote stands now. Nobody votes for their
    own proposal."""
    _require_member(user)
    _require_before_start(event)
    if wish.author_id is not None and wish.author_id == user.pk:
        raise NotAllowed(_("You cannot vote for your own proposal."))
    if wish.picked_for_id is not None:
        raise CommunityError(
            _("One of these topics is on an agenda already; reload the page.")
        )
    with transaction.atomic():
        # Locking the proposal queues a double click behind the first.
        TopicWish.objects.select_for_update().filter(pk=wish.pk).first()
        deleted, _details = TopicWishVote.objects.filter(
            wish=wish, user=user, event=event
        ).delete()
        if deleted:
            return False
        vote = TopicWishVote(wish=wish, user=user, event=event)
        vote.full_clean(validate_constraints=False)
        vote.save()
    return True


def _thread_title(body: str) -> str:
    return Truncator(" ".join(strip_tags(body).split())).chars(120)


def _wish_thread(*, wish: TopicWish, theme: Theme, event, adviser) -> Thread:
    """The discussion of a picked proposal: its text is the opening post,
    under the adviser's name (the proposer may have left since)."""
    now = timezone.now()
    thread = Thread(
        theme=theme,
        event=event,
        title=_thread_title(wish.body),
        author=adviser,
        created_at=now,
        last_activity_at=now,
    )
    thread.full_clean()
    thread.save()
    post = Post(thread=thread, author=adviser, body=wish.body, created_at=now)
    post.full_clean(validate_constraints=False)
    post.save()
    return thread


def wishes_choose(
    *, event, adviser, wishes: list[TopicWish], theme: Theme
) -> list[Thread]:
    """The adviser puts ``wishes`` on the agenda of ``event``, in the order
    given, after what is on it already, and starts a discussion for each in
    ``theme``: all of it or nothing."""
    if not user_is_adviser(adviser):
        raise NotAllowed(_("Only advisers can choose the topics of a meeting."))
    if not wishes:
        raise CommunityError(_("Choose at least one topic."))
    _require_meeting(event)
    threads = []
    with transaction.atomic():
        locked = TopicWish.objects.select_for_update().in_bulk([w.pk for w in wishes])
        if any(w.picked_for_id is not None for w in locked.values()):
            raise CommunityError(
                _("One of these topics is on an agenda already; reload the page.")
            )
        last = TopicWish.objects.filter(picked_for=event).aggregate(
            last=Max("agenda_order")
        )["last"]
        for place, given in enumerate(wishes, start=(last or 0) + 1):
            wish = locked[given.pk]
            thread = _wish_thread(wish=wish, theme=theme, event=event, adviser=adviser)
            wish.picked_for, wish.agenda_order, wish.thread = event, place, thread
            wish.full_clean()
            wish.save(update_fields=["picked_for", "agenda_order", "thread"])
            audit_log(
                instance=wish,
                action="leerkring.topic_wish.choose",
                user=adviser,
                label=_("Topic proposal #{pk}").format(pk=wish.pk),
                data={"event": event.pk, "thread": thread.pk, "place": place},
            )
            threads.append(thread)
        # The adviser follows the discussions they started, as any starter.
        Follow.objects.bulk_create(
            [Follow(thread=t, user=adviser) for t in threads], ignore_conflicts=True
        )
    return threads


def member_wishes_depersonalise(*, user) -> None:
    """A member erased their account: their proposals stay for the meeting
    (no longer naming them, like their posts); their votes go."""
    with transaction.atomic():
        TopicWish.objects.filter(author=user).update(author=None)
        TopicWishVote.objects.filter(user=user).delete()
