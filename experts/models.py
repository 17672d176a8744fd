"""The expert network: who can help with what, and the requests for help
members file. Writes go through ``experts.services``, reads through
``experts.selectors``.

A request's description is anonymised before anyone but the requester sees
it: ``anonymised_text`` is what experts and advisers read; ``original_text``
is shown only to the requester and erased when the request closes.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from portal.core.regions import Region


class Availability(models.TextChoices):
    AVAILABLE = "available", _("Available")
    LIMITED = "limited", _("Limited availability")
    UNAVAILABLE = "unavailable", _("Not available")


class ExpertiseTag(TagBase):
    """Areas of expertise, shared by profiles and requests so that they can
    be matched; apart from the tags of news and discussions."""

    shown_to_visitors = False  # the expert network is for members only

    class Meta:
        verbose_name = _("area of expertise")
        verbose_name_plural = _("areas of expertise")
        ordering = ["name"]


class ExpertProfileTag(ItemBase):
    shown_to_visitors = False

    tag = models.ForeignKey(
        ExpertiseTag, on_delete=models.CASCADE, related_name="profile_items"
    )
    content_object = models.ForeignKey(
        "experts.ExpertProfile", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="experts_profile_tag_once"
            )
        ]


class ExpertProfile(models.Model):
    """A member an adviser has added to the flying brigade."""

    shown_to_visitors = False  # the expert network is for members only

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="expert_profile",
        limit_choices_to={"approval_status": "approved", "is_active": True},
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)
    expertise = TaggableManager(
        through=ExpertProfileTag,
        verbose_name=_("areas of expertise"),
        help_text=_("For example: online monitoring, communicatie, jongerenwerk"),
    )
    languages = models.CharField(
        _("languages"),
        max_length=200,
        blank=True,
        help_text=_("Separated by commas, for example: Nederlands, Engels"),
    )
    availability = models.CharField(
        _("availability"),
        max_length=20,
        choices=Availability.choices,
        default=Availability.AVAILABLE,
        db_index=True,
    )
    description = models.TextField(_("short description"), max_length=1000, blank=True)
    phone = models.CharField(_("telephone number"), max_length=30, blank=True)
    show_email = models.BooleanField(
        _("show my e-mail address to members"), default=True
    )
    show_phone = models.BooleanField(
        _("show my telephone number to members"), default=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    panels = [
        FieldPanel("user"),
        FieldPanel("organisation"),
        FieldPanel("region"),
        FieldPanel("expertise"),
        FieldPanel("languages"),
        FieldPanel("availability"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("show_email"), FieldPanel("show_phone")],
            heading=_("Contact details"),
        ),
    ]

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        ordering = ["user__last_name", "user__first_name", "pk"]

    def __str__(self) -> str:
        return str(self.user)

    @property
    def language_list(self) -> list[str]:
        return [part.strip() for part in self.languages.split(",") if part.strip()]


class Urgency(models.TextChoices):
    ACUTE = "acute", _("Acute: help needed within 24 hours")
    SOON = "soon", _("Soon: within a few days")
    # Requests filed before the digital cup of coffee had time slots of its
    # own; new requests cannot choose it (NEW_URGENCIES).
    ADVICE = "advice", _("Advice: an informal consultation (digital cup of coffee)")


#: What a new request may choose: an informal talk is booked as a digital cup
#: of coffee now (experts.coffee).
NEW_URGENCIES = (Urgency.ACUTE, Urgency.SOON)


class RequestStatus(models.TextChoices):
    NEW = "new", _("New")
    ASSIGNED = "assigned", _("Expert assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    CLOSED = "closed", _("Closed")


class HelpRequestTag(ItemBase):
    shown_to_visitors = False

    tag = models.ForeignKey(
        ExpertiseTag, on_delete=models.CASCADE, related_name="request_items"
    )
    content_object = models.ForeignKey(
        "experts.HelpRequest", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="experts_request_tag_once"
            )
        ]


class HelpRequest(models.Model):
    shown_to_visitors = False

    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="help_requests",
    )
    # Sent with the form: the same form posted twice makes one request.
    form_token = models.UUIDField(editable=False)
    municipality = models.CharField(_("municipality"), max_length=200)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)
    urgency = models.CharField(
        _("urgency"), max_length=20, choices=Urgency.choices, db_index=True
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RequestStatus.choices,
        default=RequestStatus.NEW,
        db_index=True,
    )
    # What the requester typed (plain text); for their eyes only, erased
    # when the request closes.
    original_text = models.TextField(_("what is going on (original)"), blank=True)
    # Never anonymised, so the adviser and the assigned expert can call back;
    # shown only on the request's own page (requester, advisers, assigned
    # experts: request_visible_or_404), never mailed, erased at closing.
    callback_phone = models.CharField(_("call-back number"), max_length=30, blank=True)
    anonymised_text = models.TextField(_("what is going on"))
    expertise = TaggableManager(
        through=HelpRequestTag, blank=True, verbose_name=_("expertise wanted")
    )
    experts = models.ManyToManyField(
        ExpertProfile,
        through="Assignment",
        related_name="help_requests",
        verbose_name=_("assigned experts"),
    )
    # The casebook's form token for the draft case made from this request,
    # so a second click finds the same draft instead of making another.
    case_token = models.UUIDField(default=uuid.uuid4, editable=False)
    case_draft_id = models.PositiveIntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("filed"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    erased_at = models.DateTimeField(_("original erased"), null=True, blank=True)
    # Set when an acute request that no one picked up was mailed to all
    # advisers again (services.requests_escalate): it is then overdue.
    escalated_at = models.DateTimeField(_("escalated"), null=True, blank=True)

    class Meta:
        verbose_name = _("request for help")
        verbose_name_plural = _("requests for help")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["requester", "form_token"],
                name="experts_request_one_per_form_token",
            )
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.municipality}"

    @property
    def is_closed(self) -> bool:
        return self.status == RequestStatus.CLOSED

    @property
    def is_coffee(self) -> bool:
        return self.urgency == Urgency.ADVICE


class Assignment(models.Model):
    shown_to_visitors = False

    request = models.ForeignKey(
        HelpRequest, on_delete=models.CASCADE, related_name="assignments"
    )
    expert = models.ForeignKey(
        ExpertProfile, on_delete=models.CASCADE, related_name="assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["assigned_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "expert"], name="experts_assign_once"
            )
        ]

    def __str__(self) -> str:
        return f"#{self.request_id} {self.expert}"


class RequestMessage(models.Model):
    """A message in a request's thread. The author is empty once their
    account is deleted."""

    shown_to_visitors = False

    request = models.ForeignKey(
        HelpRequest, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("message about a request for help")
        verbose_name_plural = _("messages about requests for help")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"#{self.request_id} {self.created_at:%Y-%m-%d %H:%M}"


# --- the digital cup of coffee ----------------------------------------------------


class CoffeeSlot(models.Model):
    """A time a host (an adviser, or a member with an expert profile) offers
    for a short conversation. Free while it has no booking that holds it;
    deleted once the conversation is over (the daily purge)."""

    shown_to_visitors = False

    host = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("host"),
        on_delete=models.CASCADE,
        related_name="coffee_slots",
    )
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    # Empty: the host calls the member.
    meeting_url = models.URLField(_("meeting link"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("coffee time slot")
        verbose_name_plural = _("coffee time slots")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="experts_coffee_slot_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def by_phone(self) -> bool:
        return not self.meeting_url


class CoffeeBooking(models.Model):
    """A member's booking of a slot. The topic is for the host and the
    member only; it goes when the booking is cancelled or the slot is purged.
    ``sequence`` is the SEQUENCE of the calendar invitation: raised at a
    cancellation, so the CANCEL outranks the REQUEST with the same UID."""

    shown_to_visitors = False

    class Status(models.TextChoices):
        BOOKED = "booked", _("Booked")
        CANCELLED = "cancelled", _("Cancelled")

    slot = models.ForeignKey(
        CoffeeSlot, on_delete=models.CASCADE, related_name="bookings"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        on_delete=models.CASCADE,
        related_name="coffee_bookings",
    )
    topic = models.TextField(_("topic"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.BOOKED
    )
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("coffee booking")
        verbose_name_plural = _("coffee bookings")
        ordering = ["created_at", "pk"]
        constraints = [
            # The last word on a race: one booking holds a slot, whatever
            # the locks did.
            models.UniqueConstraint(
                fields=["slot"],
                condition=models.Q(status="booked"),
                name="experts_coffee_one_booking_per_slot",
            )
        ]

    def __str__(self) -> str:
        return f"#{self.pk} ({self.slot_id})"

    @property
    def is_booked(self) -> bool:
        return self.status == self.Status.BOOKED
