"""A member's case on its way from draft to publication.

A submission is never a page and never public: it holds the original text,
which only the submitter and the advisers may read, and only while the case
is in review. Every change of status goes through casebook.services.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel

from portal.core.regions import region_field

#: The free-text fields, in the order they are anonymised (one text, one
#: numbering). Each has an ``anonymised_<name>`` twin.
TEXT_FIELDS = (
    "title",
    "region",
    "period",
    "what_happened",
    "interventions_tried",
    "lessons",
)
#: Of those, the ones that hold sanitised HTML; the others are one line.
HTML_FIELDS = frozenset({"what_happened", "interventions_tried", "lessons"})


class Platform(models.Model):
    """An online platform a case played on (TikTok, Telegram, ...). Advisers
    keep the list as a snippet; the casebook filters on it."""

    shown_to_visitors = True  # published case pages name their platforms

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("short name in web addresses"), max_length=60, unique=True
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class CaseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted, in review")
    SCHEDULED = "scheduled", _("Scheduled for a learning circle")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Not published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


#: The states in which advisers review the case and the original is kept.
IN_REVIEW = frozenset({CaseStatus.SUBMITTED, CaseStatus.SCHEDULED})
#: The states after which nothing changes any more.
CLOSED = frozenset({CaseStatus.PUBLISHED, CaseStatus.REJECTED, CaseStatus.WITHDRAWN})


class CaseSubmissionTag(TaggedItemBase):
    shown_to_visitors = False

    content_object = models.ForeignKey(
        "casebook.CaseSubmission", on_delete=models.CASCADE, related_name="tagged"
    )


def _text(verbose_name, **kwargs) -> models.TextField:
    return models.TextField(verbose_name, blank=True, **kwargs)


class CaseSubmission(models.Model):
    shown_to_visitors = False  # a case shows only once published, as a page

    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.CASCADE,
        related_name="case_submissions",
    )
    # Sent with the new-case form: the same form posted twice makes one case.
    form_token = models.UUIDField(null=True, blank=True, editable=False)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CaseStatus.choices,
        default=CaseStatus.DRAFT,
        db_index=True,
    )

    # What the member wrote. Erased once the case is published, rejected or
    # withdrawn (see services.case_originals_erase).
    title = models.CharField(_("title"), max_length=200, blank=True)
    region = models.CharField(_("municipality or region"), max_length=200, blank=True)
    period = models.CharField(_("period"), max_length=100, blank=True)
    what_happened = _text(_("what happened"))
    interventions_tried = _text(_("interventions tried and their effect"))
    lessons = _text(_("lessons learned"))

    # Structured data: no personal data, kept and published as they are.
    province = region_field(_("province"))
    platforms = models.ManyToManyField(
        Platform, blank=True, verbose_name=_("platforms"), related_name="+"
    )
    phase = models.ForeignKey(
        "interventions.Phase",
        verbose_name=_("phase reached"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    classification = models.ForeignKey(
        "interventions.Classification",
        verbose_name=_("classification of the content"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = TaggableManager(
        through=CaseSubmissionTag, blank=True, verbose_name=_("tags")
    )
    wants_learning_circle = models.BooleanField(
        _("discuss in a learning circle"), default=False
    )

    # The anonymised text: what advisers work on and what gets published.
    anonymised_title = models.CharField(
        _("anonymised title"), max_length=400, blank=True
    )
    anonymised_region = models.CharField(
        _("anonymised municipality or region"), max_length=400, blank=True
    )
    anonymised_period = models.CharField(
        _("anonymised period"), max_length=200, blank=True
    )
    anonymised_what_happened = _text(_("anonymised account of what happened"))
    anonymised_interventions_tried = _text(_("anonymised interventions"))
    anonymised_lessons = _text(_("anonymised lessons learned"))
    # [{"text", "label", "replacement", "count"}]: the original words, so
    # personal data; erased with the original.
    redactions = models.JSONField(default=list, blank=True)
    # {"extra": [{"text", "label"}], "keep": [text]}: the submitter's
    # corrections, so that the result can be computed again.
    corrections = models.JSONField(default=dict, blank=True)
    # Hash of the text and corrections the anonymisation was made from.
    anonymised_source = models.CharField(max_length=64, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    learning_circle = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("learning circle"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page = models.ForeignKey(
        "casebook.CasePage",
        verbose_name=_("published page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rejection_reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    erased_at = models.DateTimeField(_("original erased"), null=True, blank=True)

    class Meta:
        verbose_name = _("case submission")
        verbose_name_plural = _("case submissions")
        ordering = ["-updated_at", "-pk"]
        permissions = [
            ("review_cases", _("Can review, publish and reject submitted cases"))
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["submitter", "form_token"], name="case_one_per_form_token"
            )
        ]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        """The anonymised title once there is one: what may travel in lists
        and mails."""
        return self.anonymised_title or self.title or f"#{self.pk}"

    @property
    def in_review(self) -> bool:
        return self.status in IN_REVIEW

    @property
    def is_draft(self) -> bool:
        return self.status == CaseStatus.DRAFT

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED

    @property
    def can_withdraw(self) -> bool:
        return not self.is_closed


class CaseMessage(models.Model):
    """A question of an adviser or an answer of the submitter about a case."""

    shown_to_visitors = False

    case = models.ForeignKey(
        CaseSubmission, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_adviser = models.BooleanField(default=False)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(auto_now_add=True)
    # Messages may quote the original, so they go with it.
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("message about a case")
        verbose_name_plural = _("messages about cases")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"#{self.case_id} {self.created_at:%Y-%m-%d %H:%M}"


class ErasureReason(models.TextChoices):
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Not published")
    WITHDRAWN = "withdrawn", _("Withdrawn by the submitter")
    ACCOUNT_DELETED = "account_deleted", _("Account deleted")


class ErasureLog(models.Model):
    """That, when, by whom, which fields and why the original of a case was
    erased; never what it said. Kept when the case itself is deleted."""

    shown_to_visitors = False

    case_id = models.PositiveIntegerField(_("case"), db_index=True)
    erased_at = models.DateTimeField(_("erased at"), auto_now_add=True)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("erased by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Who acted, in words that survive the account: "submitter", "adviser".
    erased_by_role = models.CharField(_("role"), max_length=20)
    fields = models.JSONField(_("fields"), default=list)
    reason = models.CharField(_("reason"), max_length=20, choices=ErasureReason.choices)

    class Meta:
        verbose_name = _("erasure of a case original")
        verbose_name_plural = _("erasures of case originals")
        ordering = ["-erased_at", "-pk"]

    def __str__(self) -> str:
        return f"#{self.case_id} {self.get_reason_display()}"
