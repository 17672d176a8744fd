"""What advisers do as moderators. Every action is checked here (not only in
the view) and written to ModerationAction, the community's own record with
the reason members see, and to the platform's audit log (portal.core.audit),
which advisers read with the rest of their actions."""

from typing import Any

from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.accounts.selectors import user_is_adviser, user_is_member
from portal.core.audit import audit_log

from .errors import CommunityError, NotAllowed
from .models import CommunityTag, ModerationAction, Post, PostTag, Thread, ThreadTag
from .tags import MAX_TAG_LENGTH, tag_name_normalise

Action = ModerationAction.Action
MAX_REASON_LENGTH = 500
HIDING_FIELDS = ["hidden", "hidden_reason", "hidden_by", "hidden_at", "approved"]


def _require_adviser(user) -> None:
    if not user_is_adviser(user):
        raise NotAllowed(_("Only advisers can moderate the discussions."))


def audit_label(target: Model) -> str:
    """Messages and discussions by number: their titles are members' words.
    Tags by name, the shared vocabulary."""
    if isinstance(target, Post):
        return _("Message #{id}").format(id=target.pk)
    if isinstance(target, Thread):
        return _("Discussion #{id}").format(id=target.pk)
    return str(target)


def _log(
    *,
    by,
    action: str,
    target: Model,
    reason: str = "",
    summary: str = "",
    **data: Any,
) -> None:
    ModerationAction.objects.create(
        actor=by,
        action=action,
        target_type=target._meta.model_name,
        target_id=target.pk,
        summary=(summary or str(target))[:300],
        reason=reason,
    )
    # Not the reason: free text that may name the author.
    audit_log(
        instance=target,
        action=f"leerkring.community.{action}",
        user=by,
        label=audit_label(target),
        data=data,
    )


def _locked_post(post: Post) -> Post:
    return Post.objects.select_for_update().select_related("thread").get(pk=post.pk)


def starter_may_mark(*, post: Post, thread: Thread, user) -> bool:
    """The member who started ``thread`` may mark another's message in it as
    the answer that helped (a proposed solution) and take that back; a
    conclusion is the advisers' to set and to remove."""
    return (
        user.is_authenticated
        and thread.author_id == user.pk
        and post.thread_id == thread.pk
        and post.author_id != user.pk
        and not post.hidden
        and post.marked_as != Post.Mark.CONCLUSION
    )


def post_mark(*, post: Post, by, marked_as: str) -> Post:
    """Mark a message as a conclusion or a proposed solution, or remove the
    marking (``Post.Mark.NONE``): advisers any, the thread's starter only
    the answer that helped (see ``starter_may_mark``)."""
    if marked_as not in Post.Mark.values:
        raise CommunityError(_("Choose a valid marking."))
    with transaction.atomic():
        post = _locked_post(post)
        if not user_is_adviser(by) and not (
            marked_as in (Post.Mark.SOLUTION, Post.Mark.NONE)
            and user_is_member(by)
            and starter_may_mark(post=post, thread=post.thread, user=by)
        ):
            raise NotAllowed(
                _(
                    "Only the member who started the discussion can mark the "
                    "answer that helped; conclusions are for advisers."
                )
            )
        if post.hidden and marked_as != Post.Mark.NONE:
            raise CommunityError(_("Show the message again before marking it."))
        unmark = marked_as == Post.Mark.NONE
        post.marked_as = marked_as
        post.marked_by = None if unmark else by
        post.marked_at = None if unmark else timezone.now()
        post.save(update_fields=["marked_as", "marked_by", "marked_at"])
        _log(
            by=by,
            action=Action.UNMARK if unmark else Action.MARK,
            target=post,
            reason="" if unmark else post.get_marked_as_display(),
            marked_as=marked_as,
        )
    return post


def post_hide(*, post: Post, by, reason: str) -> Post:
    """Hide a message from members, with the reason they see instead. A
    hidden message is no longer approved for the policy book."""
    _require_adviser(by)
    reason = " ".join((reason or "").split())
    if not reason:
        raise CommunityError(_("Give a reason for hiding the message."))
    if len(reason) > MAX_REASON_LENGTH:
        raise CommunityError(
            _("Keep the reason under {limit} characters.").format(
                limit=MAX_REASON_LENGTH
            )
        )
    with transaction.atomic():
        post = _locked_post(post)
        post.hidden, post.hidden_reason = True, reason
        post.hidden_by, post.hidden_at = by, timezone.now()
        post.approved = False
        post.save(update_fields=HIDING_FIELDS)
        _log(by=by, action=Action.HIDE, target=post, reason=reason)
    return post


def post_unhide(*, post: Post, by) -> Post:
    _require_adviser(by)
    with transaction.atomic():
        post = _locked_post(post)
        post.hidden, post.hidden_reason = False, ""
        post.hidden_by, post.hidden_at = None, None
        post.approved = True
        post.save(update_fields=HIDING_FIELDS)
        _log(by=by, action=Action.UNHIDE, target=post)
    return post


def thread_lock(*, thread: Thread, by, locked: bool) -> Thread:
    """Close a discussion for new messages, or reopen it."""
    _require_adviser(by)
    with transaction.atomic():
        thread = Thread.objects.select_for_update().get(pk=thread.pk)
        thread.locked = locked
        thread.save(update_fields=["locked"])
        _log(by=by, action=Action.LOCK if locked else Action.UNLOCK, target=thread)
    return thread


def _retag(
    *, source: CommunityTag, target: CommunityTag, thread_ids=None, post_ids=None
):
    """Move the items of ``source`` (all, or those listed) to ``target``.
    Items that already carry ``target`` just lose ``source``. Returns how
    many threads and posts were moved."""
    moved = 0
    for through, ids in ((ThreadTag, thread_ids), (PostTag, post_ids)):
        items = through.objects.filter(tag=source)
        if ids is not None:
            items = items.filter(content_object_id__in=ids)
        has_target = through.objects.filter(tag=target).values("content_object_id")
        moved += items.count()
        items.filter(content_object_id__in=has_target).delete()
        items.update(tag=target)
    return moved


def tag_merge(*, source: CommunityTag, target: CommunityTag, by) -> int:
    """Tag ``source`` becomes ``target`` on every thread and post, and goes.
    Returns the number of threads and posts retagged."""
    _require_adviser(by)
    if source.pk == target.pk:
        raise CommunityError(_("Choose two different tags to merge."))
    with transaction.atomic():
        moved = _retag(source=source, target=target)
        _log(
            by=by,
            action=Action.TAG_MERGE,
            target=target,
            summary=f"{source.name} → {target.name}",
            source=source.name,
            moved=moved,
        )
        source.delete()
    return moved


def tag_split(
    *,
    source: CommunityTag,
    new_name: str,
    by,
    thread_ids: list[int] = (),
    post_ids: list[int] = (),
) -> CommunityTag:
    """Give the chosen threads and posts of ``source`` the tag ``new_name``
    instead (new or existing). ``source`` goes once nothing carries it."""
    _require_adviser(by)
    name = tag_name_normalise(new_name or "")
    if not name or len(name) > MAX_TAG_LENGTH:
        raise CommunityError(
            _("Give the new tag a name of at most {limit} characters.").format(
                limit=MAX_TAG_LENGTH
            )
        )
    if name == source.name:
        raise CommunityError(_("The new tag must have another name."))
    if not thread_ids and not post_ids:
        raise CommunityError(_("Choose at least one discussion or message."))
    with transaction.atomic():
        target = CommunityTag.objects.filter(name=name).first()
        if target is None:
            target = CommunityTag.objects.create(name=name)
        moved = _retag(
            source=source,
            target=target,
            thread_ids=list(thread_ids),
            post_ids=list(post_ids),
        )
        _log(
            by=by,
            action=Action.TAG_SPLIT,
            target=target,
            summary=f"{source.name} → {target.name}",
            source=source.name,
            moved=moved,
        )
        if not (source.thread_items.exists() or source.post_items.exists()):
            source.delete()
    return target
