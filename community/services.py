"""Every write of members to the discussions goes through these functions:
starting a thread, posting, editing, following. Moderation lives in
``community.moderation``."""

import datetime as dt
import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from events.selectors import community_meetings
from portal.accounts.roles import ADVISERS_GROUP, MEMBERS_GROUP
from portal.accounts.selectors import user_is_member
from portal.core.mail import absolute_url, mail_after_commit

from .errors import CommunityError, NotAllowed
from .links import unfollow_link
from .models import Follow, Post, Theme, Thread, ThreadRead
from .sanitise import message_clean

# The same text by the same member in the same thread within this time is a
# double submission (a second click, a resent form), not a second message.
DUPLICATE_WINDOW = dt.timedelta(seconds=10)


def edit_window_passed_message() -> str:
    minutes = settings.COMMUNITY_EDIT_WINDOW_MINUTES
    return ngettext(
        "Messages can be edited up to {minutes} minute after posting. Add a new "
        "message instead.",
        "Messages can be edited up to {minutes} minutes after posting. Add a new "
        "message instead.",
        minutes,
    ).format(minutes=minutes)


def _require_member(user) -> None:
    if not user_is_member(user):
        raise NotAllowed(_("Only members can take part in the discussions."))


def _refuse_if_locked(thread: Thread) -> None:
    if thread.locked:
        raise CommunityError(
            _("This discussion has been closed; no new messages can be added.")
        )


def _earlier_submission(
    *, thread: Thread | None, author, body: str, token: uuid.UUID | None
) -> Post | None:
    if token is not None:
        earlier = Post.objects.filter(author=author, submission_token=token).first()
        if earlier is not None:
            return earlier
    if thread is None:
        return None
    return (
        thread.posts.filter(
            author=author,
            body=body,
            created_at__gte=timezone.now() - DUPLICATE_WINDOW,
        )
        .order_by("-pk")
        .first()
    )


def _post_save(post: Post, tags: list[str]) -> Post:
    post.full_clean()
    try:
        # The savepoint lets a lost race on the submission token fall back to
        # the post that won it, without spoiling the outer transaction.
        with transaction.atomic():
            post.save()
    except IntegrityError:
        earlier = Post.objects.filter(
            author=post.author, submission_token=post.submission_token
        ).first()
        if earlier is None:
            raise
        return earlier
    if tags:
        post.tags.set(tags)
    return post


def _follow(thread: Thread, user) -> None:
    Follow.objects.get_or_create(thread=thread, user=user)


class _TokenTaken(Exception):
    """Another request with the same form token saved its thread first."""


def thread_create(
    *,
    theme: Theme,
    author,
    title: str,
    body: str,
    event=None,
    tags: list[str] | tuple = (),
    submission_token: uuid.UUID | None = None,
) -> Thread:
    """A new thread with its opening post (the question or experience the
    member brings in). The author follows it from the start.

    The same form sent again (a double click, ten at once) gives the thread
    of the first: the opening post's form token is unique per author, and the
    thread is written in one transaction with that post, so a request that
    loses the race takes back its whole thread instead of leaving it empty.
    """
    _require_member(author)
    body = message_clean(body)
    title = " ".join((title or "").split())
    if not title:
        raise CommunityError(_("Give the discussion a title."))
    if event is not None and not community_meetings().filter(pk=event.pk).exists():
        raise CommunityError(_("Choose a community of practice meeting."))
    try:
        return _thread_save(
            theme=theme,
            author=author,
            title=title,
            body=body,
            event=event,
            tags=list(tags),
            token=submission_token,
        )
    except _TokenTaken:
        # The winner committed before our insert could fail (PostgreSQL
        # waits on the unique index), so its post is there to read now.
        return (
            Post.objects.select_related("thread")
            .get(author=author, submission_token=submission_token)
            .thread
        )


def _thread_save(
    *, theme: Theme, author, title: str, body: str, event, tags: list, token
) -> Thread:
    with transaction.atomic():
        earlier = _earlier_submission(
            thread=None, author=author, body=body, token=token
        )
        if earlier is not None:
            return earlier.thread
        recent = Thread.objects.filter(
            theme=theme,
            author=author,
            title=title,
            created_at__gte=timezone.now() - DUPLICATE_WINDOW,
        ).first()
        if recent is not None:
            return recent
        now = timezone.now()
        thread = Thread(
            theme=theme,
            event=event,
            title=title,
            author=author,
            created_at=now,
            last_activity_at=now,
        )
        thread.full_clean()
        thread.save()
        post = Post(
            thread=thread,
            author=author,
            body=body,
            created_at=now,
            submission_token=token,
        )
        # The token's uniqueness is the database's to decide, atomically, below;
        # a check here could see a rival's post committed a moment ago.
        post.full_clean(validate_constraints=False)
        try:
            # Claims the token before anything else is written: tags, the
            # follow. Losing the claim rolls back the thread with it.
            with transaction.atomic():
                post.save()
        except IntegrityError as exc:
            if token is None:
                raise
            raise _TokenTaken from exc
        if tags:
            thread.tags.set(tags)
        _follow(thread, author)
    return thread


def post_create(
    *,
    thread: Thread,
    author,
    body: str,
    parent: Post | None = None,
    tags: list[str] | tuple = (),
    submission_token: uuid.UUID | None = None,
) -> Post:
    """A message in ``thread``, or a reply to ``parent``. Replies stay one
    level deep: a reply to a reply joins the same top-level message.
    Followers other than the author hear of it by e-mail."""
    _require_member(author)
    body = message_clean(body)
    if parent is not None:
        if parent.thread_id != thread.pk:
            raise CommunityError(_("That message is not part of this discussion."))
        if parent.parent_id is not None:
            parent = parent.parent
    with transaction.atomic():
        # Locking the thread row makes concurrent posts (and a double click)
        # queue up, and reads the closed flag as it is now.
        thread = Thread.objects.select_for_update().get(pk=thread.pk)
        _refuse_if_locked(thread)
        earlier = _earlier_submission(
            thread=thread, author=author, body=body, token=submission_token
        )
        if earlier is not None:
            return earlier
        now = timezone.now()
        post = _post_save(
            Post(
                thread=thread,
                parent=parent,
                author=author,
                body=body,
                created_at=now,
                submission_token=submission_token,
            ),
            list(tags),
        )
        Thread.objects.filter(pk=thread.pk).update(last_activity_at=now)
        _followers_notify(thread=thread, post=post)
        _follow(thread, author)
    return post


def post_edit(*, post: Post, user, body: str, tags: list[str] | None = None) -> Post:
    """The author corrects their message, within the edit window."""
    body = message_clean(body)
    with transaction.atomic():
        post = Post.objects.select_for_update().select_related("thread").get(pk=post.pk)
        if post.author_id is None or post.author_id != user.pk:
            raise NotAllowed(_("You can only edit your own messages."))
        _require_member(user)
        if post.hidden:
            raise CommunityError(_("A hidden message cannot be edited."))
        _refuse_if_locked(post.thread)
        if timezone.now() > post.editable_until():
            raise CommunityError(edit_window_passed_message())
        post.body = body
        post.edited_at = timezone.now()
        post.full_clean()
        post.save(update_fields=["body", "edited_at"])
        if tags is not None:
            post.tags.set(tags)
    return post


def thread_follow(*, thread: Thread, user) -> None:
    _require_member(user)
    with transaction.atomic():
        _follow(thread, user)


def thread_unfollow(*, thread: Thread, user) -> bool:
    """True if the member was following ``thread``."""
    with transaction.atomic():
        deleted, _details = Follow.objects.filter(thread=thread, user=user).delete()
    return bool(deleted)


def thread_read(*, thread: Thread, user) -> bool:
    """The member opened ``thread``: every message written until now is
    read. Returns whether they follow it.

    The mark is the time of the latest message there is, not the clock: a
    message still being saved while they read counts as unread afterwards.
    One query when nothing is new since their last visit (the usual case);
    a write only when there is something to mark, and the mark never moves
    back, so an older tab reloaded later cannot undo a newer read.
    """
    mine = ThreadRead.objects.filter(thread=OuterRef("pk"), user=user)
    latest = Post.objects.filter(thread=OuterRef("pk")).order_by("-created_at")
    state = (
        Thread.objects.filter(pk=thread.pk)
        .annotate(
            read_at=Subquery(mine.values("read_at")[:1]),
            seen=Subquery(latest.values("created_at")[:1]),
            following=Exists(Follow.objects.filter(thread=OuterRef("pk"), user=user)),
        )
        .values("read_at", "seen", "following")
        .first()
    )
    if state is None:  # deleted meanwhile: nothing to mark
        return False
    seen = state["seen"] or thread.created_at
    if state["read_at"] is None:
        _read_mark_create(thread=thread, user=user, seen=seen)
    elif state["read_at"] < seen:
        with transaction.atomic():
            _read_mark_advance(thread=thread, user=user, seen=seen)
    return state["following"]


def _read_mark_advance(*, thread: Thread, user, seen: dt.datetime) -> None:
    ThreadRead.objects.filter(thread=thread, user=user, read_at__lt=seen).update(
        read_at=seen
    )


def _read_mark_create(*, thread: Thread, user, seen: dt.datetime) -> None:
    mark = ThreadRead(thread=thread, user=user, read_at=seen)
    # Uniqueness is the database's to decide: a second tab may get there
    # first, and then its mark only moves forward.
    mark.full_clean(validate_unique=False, validate_constraints=False)
    with transaction.atomic():
        try:
            with transaction.atomic():
                mark.save()
        except IntegrityError:
            _read_mark_advance(thread=thread, user=user, seen=seen)


def follow_delete(*, follow: Follow) -> None:
    """Stop following through the link in a mail (no login needed)."""
    with transaction.atomic():
        Follow.objects.filter(pk=follow.pk).delete()


def _followers_notify(*, thread: Thread, post: Post) -> None:
    """One mail per follower, so addresses stay private. Never to the poster,
    never to inactive accounts, never to anyone no longer a member."""
    followers = (
        Follow.objects.filter(thread=thread, user__is_active=True)
        .exclude(user=post.author)
        .filter(
            Q(user__is_superuser=True)
            | Q(user__groups__name__in=[MEMBERS_GROUP, ADVISERS_GROUP])
        )
        .select_related("user")
        .distinct()
        .order_by("pk")
    )
    thread_url = absolute_url(reverse("community:thread", kwargs={"pk": thread.pk}))
    for follow in followers:
        mail_after_commit(
            template="community/email/new_post",
            to=[follow.user.email],
            context={
                "recipient": follow.user,
                "thread": thread,
                "post": post,
                "thread_url": f"{thread_url}#bericht-{post.pk}",
                "unfollow_url": absolute_url(unfollow_link(follow)),
            },
        )


def member_depersonalise(*, user) -> None:
    """A member erased their account. Their messages stay, because the
    discussions must remain readable, but no longer name them ('former
    member'); what they followed and how far they read goes. The text itself
    is kept as written."""
    with transaction.atomic():
        Thread.objects.filter(author=user).update(author=None)
        Post.objects.filter(author=user).update(author=None, submission_token=None)
        Post.objects.filter(marked_by=user).update(marked_by=None)
        Post.objects.filter(hidden_by=user).update(hidden_by=None)
        Follow.objects.filter(user=user).delete()
        ThreadRead.objects.filter(user=user).delete()
