"""Discussions of the community of practice: themes, threads, posts, follows,
moderation and the advisers' notes of the monthly meetings.

Writes go through ``community.services``; reads through
``community.selectors`` (the policy book reads only those).
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField

from events.models import EventKind

from .sanitise import NOTE_FEATURES, rich_text_clean


class Theme(models.Model):
    """A subject the community returns to month after month, such as
    undermining or online-incited disturbances. Advisers keep the list."""

    shown_to_visitors = True  # the public policy book names its themes

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(
        _("short name in web addresses"), max_length=150, unique=True
    )
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)
    case_tags = models.CharField(
        _("tags of cases"),
        max_length=300,
        blank=True,
        help_text=_(
            "Published cases with one of these tags (separated by commas) "
            "belong to this theme in the policy book."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("case_tags"),
    ]

    class Meta:
        verbose_name = _("discussion theme")
        verbose_name_plural = _("discussion themes")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def case_tag_list(self) -> list[str]:
        return [t.strip() for t in self.case_tags.split(",") if t.strip()]


class CommunityTag(TagBase):
    """Tags of the discussions only: merging or splitting them never touches
    the tags of news or other content."""

    shown_to_visitors = False  # discussions are for members only

    class Meta:
        verbose_name = _("discussion tag")
        verbose_name_plural = _("discussion tags")
        ordering = ["name"]


class ThreadTag(ItemBase):
    shown_to_visitors = False

    tag = models.ForeignKey(
        CommunityTag, on_delete=models.CASCADE, related_name="thread_items"
    )
    content_object = models.ForeignKey(
        "community.Thread", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="community_thread_tag_once"
            )
        ]


class PostTag(ItemBase):
    shown_to_visitors = False

    tag = models.ForeignKey(
        CommunityTag, on_delete=models.CASCADE, related_name="post_items"
    )
    content_object = models.ForeignKey(
        "community.Post", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="community_post_tag_once"
            )
        ]


class Thread(models.Model):
    """A discussion under a theme, usually started around a meeting. The
    author is empty once their account is deleted (shown as a former member)."""

    shown_to_visitors = False  # discussions are for members only

    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.PROTECT, related_name="threads"
    )
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("community of practice meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": EventKind.COMMUNITY_OF_PRACTICE},
    )
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="community_threads",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    # Kept up to date by post_create, so lists sort by activity on an index
    # instead of aggregating every post.
    last_activity_at = models.DateTimeField(_("latest activity"), default=timezone.now)
    locked = models.BooleanField(_("closed for replies"), default=False)
    tags = TaggableManager(through=ThreadTag, blank=True, verbose_name=_("tags"))

    class Meta:
        verbose_name = _("discussion")
        verbose_name_plural = _("discussions")
        ordering = ["-last_activity_at", "-pk"]
        indexes = [
            models.Index(
                fields=["theme", "-last_activity_at"], name="community_thread_activity"
            ),
            models.Index(fields=["created_at"], name="community_thread_created"),
        ]

    def __str__(self) -> str:
        return self.title


class Post(models.Model):
    """A contribution to a thread, or a reply to one (one level deep).

    ``body`` holds HTML that ``community.sanitise.rich_text_clean`` has
    already cleaned: safe to render as it is.

    ``approved`` decides whether the policy book may use the post. Posts are
    approved when written (members are vetted professionals, and waiting for
    an adviser would stall the conversation); hiding a post withdraws the
    approval and showing it again restores it.
    """

    shown_to_visitors = False  # discussions are for members only

    class Mark(models.TextChoices):
        NONE = "none", _("Not marked")
        CONCLUSION = "conclusion", _("Conclusion")
        SOLUTION = "solution", _("Proposed solution")

    thread = models.ForeignKey(
        Thread,
        verbose_name=_("discussion"),
        on_delete=models.CASCADE,
        related_name="posts",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="community_posts",
    )
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    # The form's one-time token: a double click submits it twice, and the
    # second submission finds the first post instead of making another.
    submission_token = models.UUIDField(null=True, blank=True, editable=False)
    tags = TaggableManager(through=PostTag, blank=True, verbose_name=_("tags"))
    marked_as = models.CharField(
        _("marked as"), max_length=20, choices=Mark.choices, default=Mark.NONE
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    marked_at = models.DateTimeField(_("marked at"), null=True, blank=True)
    hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=500, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    approved = models.BooleanField(_("approved for the policy book"), default=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["thread", "created_at"], name="community_post_thread"),
            models.Index(fields=["created_at"], name="community_post_created"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_token"],
                condition=models.Q(submission_token__isnull=False),
                name="community_post_submitted_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.thread} #{self.pk}"

    def editable_until(self) -> dt.datetime:
        minutes = settings.COMMUNITY_EDIT_WINDOW_MINUTES
        return self.created_at + dt.timedelta(minutes=minutes)


class Follow(models.Model):
    """A member who gets an e-mail when someone else posts in the thread."""

    shown_to_visitors = False

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="community_follows",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("follower")
        verbose_name_plural = _("followers")
        constraints = [
            models.UniqueConstraint(
                fields=["thread", "user"], name="community_follow_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.thread}"


class ThreadRead(models.Model):
    """How far a member has read a thread: the one notion of "read" behind
    every unread marker (recent activity, the theme's list, the overview).

    ``read_at`` is the thread's ``last_activity_at`` as the member last saw
    it, not the clock: a message that was being saved while they read still
    counts as unread, and opening a thread with nothing new writes nothing.
    No row means the member never opened the thread ("new").
    """

    shown_to_visitors = False

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="community_reads",
    )
    read_at = models.DateTimeField(_("read up to"))

    class Meta:
        verbose_name = _("read discussion")
        verbose_name_plural = _("read discussions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "thread"], name="community_read_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ✓ {self.thread}"


class ModerationAction(models.Model):
    """What an adviser did as a moderator, kept for the audit log."""

    shown_to_visitors = False

    class Action(models.TextChoices):
        MARK = "mark", _("Marked a message")
        UNMARK = "unmark", _("Removed a marking")
        HIDE = "hide", _("Hid a message")
        UNHIDE = "unhide", _("Showed a hidden message again")
        LOCK = "lock", _("Closed a discussion")
        UNLOCK = "unlock", _("Reopened a discussion")
        TAG_MERGE = "tag_merge", _("Merged tags")
        TAG_SPLIT = "tag_split", _("Split a tag")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("adviser"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    target_type = models.CharField(_("object type"), max_length=20)
    target_id = models.BigIntegerField(_("object id"), null=True)
    summary = models.CharField(_("object"), max_length=300)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.summary}"


class MeetingNote(models.Model):
    """What was said about one agenda item of a community-of-practice
    meeting, written up by the adviser. Feeds the theme's page and the
    policy book like the discussions do.

    The texts are Wagtail rich text (render them with ``|richtext``);
    they pass the same whitelist as posts on every save.
    """

    shown_to_visitors = False

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("meeting"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": EventKind.COMMUNITY_OF_PRACTICE},
    )
    # Kept apart from the event, so the note stays in its half year even if
    # the event page is deleted later.
    meeting_date = models.DateField(
        _("date of the meeting"),
        blank=True,
        help_text=_("Leave empty to use the date of the meeting."),
    )
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        on_delete=models.PROTECT,
        related_name="meeting_notes",
    )
    agenda_item = models.CharField(_("agenda item"), max_length=200)
    said = RichTextField(_("what was said"), features=NOTE_FEATURES)
    conclusions = RichTextField(_("conclusions"), features=NOTE_FEATURES, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    panels = [
        MultiFieldPanel(
            [FieldPanel("event"), FieldPanel("meeting_date"), FieldPanel("theme")],
            heading=_("Meeting"),
        ),
        FieldPanel("agenda_item"),
        FieldPanel("said"),
        FieldPanel("conclusions"),
    ]

    class Meta:
        verbose_name = _("meeting note")
        verbose_name_plural = _("meeting notes")
        ordering = ["-meeting_date", "pk"]

    def __str__(self) -> str:
        return f"{self.agenda_item} ({self.meeting_date:%d-%m-%Y})"

    def save(self, *args, **kwargs) -> None:
        # Not only in clean(): a note saved by a command, a seed or the shell
        # skips it, and the theme page shows the texts as they are stored.
        self._sanitise()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.meeting_date is None:
            if self.event is None:
                raise ValidationError(
                    {"meeting_date": _("Choose a meeting or give its date.")}
                )
            self.meeting_date = timezone.localdate(self.event.starts_at)
        self._sanitise()

    def _sanitise(self) -> None:
        self.said = rich_text_clean(self.said, wagtail=True)
        self.conclusions = rich_text_clean(self.conclusions, wagtail=True)


class TopicWish(models.Model):
    """A topic or question a member wants raised at a community-of-practice
    meeting, proposed beforehand ("think beforehand about what matters most
    to raise"). Members vote on the proposals; the adviser picks some, which
    become the meeting's agenda items and discussions.

    ``body`` is cleaned message HTML, like a post's: safe to render as it is.
    A proposal that was not picked is offered again on the next meeting
    (the selector works that out; the text is never copied).
    """

    shown_to_visitors = False  # the topics page is for members only

    shown_to_visitors = False  # members only

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"kind": EventKind.COMMUNITY_OF_PRACTICE},
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="community_topic_wishes",
    )
    body = models.TextField(_("topic or question"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    # Set when the adviser puts it on a meeting's agenda: that meeting (the
    # next one, for a proposal carried over), the place on the agenda and
    # the discussion started for it.
    picked_for = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("on the agenda of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    agenda_order = models.PositiveIntegerField(
        _("place on the agenda"), null=True, blank=True
    )
    thread = models.ForeignKey(
        Thread,
        verbose_name=_("discussion"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("topic wish")
        verbose_name_plural = _("topic wishes")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["event", "created_at"], name="community_wish_event"),
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} #{self.pk}"


class TopicWishVote(models.Model):
    """One member's vote for a proposal, for one meeting: a proposal carried
    over to the next meeting is voted on afresh there."""

    shown_to_visitors = False

    shown_to_visitors = False

    wish = models.ForeignKey(TopicWish, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="community_topic_votes",
    )
    event = models.ForeignKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("vote for a topic")
        verbose_name_plural = _("votes for topics")
        constraints = [
            models.UniqueConstraint(
                fields=["wish", "user", "event"], name="community_wish_vote_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.wish_id}"


# The policy book's models live in their own module; imported here so Django
# registers them with this app.
from .policybook.models import (  # noqa: E402, F401
    PolicyBookBuild,
    PolicyBookChapter,
    PolicyBookIndexPage,
    PolicyBookPage,
    PublicationSettings,
)
