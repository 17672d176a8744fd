from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.core.regions import region_field

from .blocks import AgendaItemBlock


class EventKind(models.TextChoices):
    LEARNING_CIRCLE = "leerkring", _("Learning circle")
    LEARNING_CIRCLE_XL = "leerkring-xl", _("Learning circle XL")
    ROADSHOW = "roadshow", _("Roadshow")
    KNOWLEDGE_SESSION = "kennissessie", _("Knowledge session")
    THEME_MEETING = "themabijeenkomst", _("Theme meeting")
    PRACTICAL_EXERCISE = "praktijkoefening", _("Practical exercise")
    COMMUNITY_OF_PRACTICE = "cop", _("Community of practice")
    REPLAY = "terugkijken", _("Replay of a broadcast")


#: How the kinds read in "keep me informed of new ...".
KIND_PLURALS = {
    EventKind.LEARNING_CIRCLE: _("learning circles"),
    EventKind.LEARNING_CIRCLE_XL: _("XL learning circles"),
    EventKind.ROADSHOW: _("roadshows"),
    EventKind.KNOWLEDGE_SESSION: _("knowledge sessions"),
    EventKind.THEME_MEETING: _("theme meetings"),
    EventKind.PRACTICAL_EXERCISE: _("practical exercises"),
    EventKind.COMMUNITY_OF_PRACTICE: _("community-of-practice meetings"),
    EventKind.REPLAY: _("replays of broadcasts"),
}


def kind_plural(kind: str) -> str:
    return str(KIND_PLURALS.get(kind, kind))


class EventFormat(models.TextChoices):
    ONLINE = "online", _("Online meeting")
    LIVESTREAM = "livestream", _("Livestream")
    ON_LOCATION = "location", _("On location")
    HYBRID = "hybrid", _("Hybrid")


class Audience(models.Model):
    """Who a meeting is for (youth workers, OOV officers, police, ...); the
    events index filters on it. Advisers edit the list as a snippet."""

    shown_to_visitors = True  # the agenda filters on it

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("short name in web addresses"), unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class EventIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("events overview")

    def get_context(self, request, *args, **kwargs):
        from .selectors import (
            events_index_context,
            feed_subscription_url,
            topic_context,
        )

        context = super().get_context(request, *args, **kwargs)
        context.update(events_index_context(params=request.GET))
        context.update(topic_context(user=request.user, kind=context["active_kind"]))
        context["subscribe_url"] = feed_subscription_url(request=request)
        return context


class EventPage(RoutablePageMixin, Page):
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    audience = models.CharField(
        _("audience in words"),
        max_length=300,
        blank=True,
        help_text=_("For example: youth workers, municipal OOV officers and police."),
    )
    audiences = ParentalManyToManyField(
        Audience, blank=True, verbose_name=_("audiences"), related_name="events"
    )
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    format = models.CharField(_("form"), max_length=20, choices=EventFormat.choices)
    location = models.CharField(
        _("location"),
        max_length=300,
        blank=True,
        help_text=_("Address, or the platform (for example Microsoft Teams)."),
    )
    cost_note = models.CharField(
        _("costs"), max_length=200, blank=True, help_text=_("For example: free.")
    )
    region = region_field(
        _("region"),
        db_index=True,
        help_text=_(
            "Where the meeting takes place; leave empty for an online meeting. "
            "The agenda filters on it and members see it near them."
        ),
    )
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    contact = models.ForeignKey(
        "knowledge.Adviser",
        verbose_name=_("adviser to contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = models.TextField(_("introduction"))
    body = RichTextField(_("description"), blank=True)
    agenda = StreamField(
        [("item", AgendaItemBlock())], blank=True, verbose_name=_("agenda")
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit. When full, a waiting list opens."),
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens at"),
        null=True,
        blank=True,
        help_text=_("Until then the event is shown as a save-the-date."),
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes at"),
        null=True,
        blank=True,
        help_text=_(
            "The registration deadline, shown on the page. Leave empty to take "
            "registrations until the meeting starts."
        ),
    )
    meeting_link = models.URLField(
        _("meeting link"),
        blank=True,
        help_text=_(
            "Teams or stream link; shown only to confirmed participants, never "
            "on the public page or in the calendar feed."
        ),
    )
    requires_approval = models.BooleanField(
        _("registrations need approval"),
        default=False,
        help_text=_("An adviser approves each registration before it gets a place."),
    )
    registration_closed = models.BooleanField(
        _("registration closed"),
        default=False,
        help_text=_("Visitors can no longer register for this event."),
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)
    report_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The report of this meeting, shown once it has taken place."),
    )
    replay = models.ForeignKey(
        "self",
        verbose_name=_("replay"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": "terugkijken"},
        help_text=_("A later session in which the recording can be watched."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audience"),
                FieldPanel("starts_at"),
                FieldPanel("ends_at"),
                FieldPanel("format"),
                FieldPanel("location"),
                FieldPanel("region"),
                FieldPanel("cost_note"),
                FieldPanel("organiser"),
                FieldPanel("contact"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("agenda"),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldPanel("registration_opens_at"),
                FieldPanel("registration_closes_at"),
                FieldPanel("meeting_link"),
                FieldPanel("requires_approval"),
                FieldPanel("registration_closed"),
                FieldPanel("cancelled"),
            ],
            heading=_("Registration"),
        ),
        InlinePanel("questions", heading=_("Questions on the registration form")),
        MultiFieldPanel(
            [FieldPanel("report_page"), FieldPanel("replay")],
            heading=_("Afterwards"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=1.5),
        index.SearchField("body"),
        index.FilterField("starts_at"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self) -> None:
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})
        closes, opens = self.registration_closes_at, self.registration_opens_at
        if closes and self.starts_at and closes > self.starts_at:
            raise ValidationError(
                {
                    "registration_closes_at": _(
                        "Registration must close before the meeting starts."
                    )
                }
            )
        if closes and opens and closes <= opens:
            raise ValidationError(
                {"registration_closes_at": _("Registration must close after it opens.")}
            )
        if self.is_on_site and not self.location.strip():
            raise ValidationError(
                {"location": _("Give the address of a meeting on location.")}
            )

    @property
    def is_on_site(self) -> bool:
        """People come to a place: on location, or hybrid."""
        return self.format in (EventFormat.ON_LOCATION, EventFormat.HYBRID)

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def ical_sequence(self) -> int:
        """SEQUENCE of the calendar entry: raised with every change mailed."""
        try:
            return self.calendar_state.sequence
        except EventCalendarState.DoesNotExist:
            return 0

    @property
    def schedule(self) -> str:
        """Time, place and link as participants know them."""
        return "|".join(
            [
                self.starts_at.isoformat(),
                self.ends_at.isoformat(),
                self.location,
                self.meeting_link,
            ]
        )

    def get_context(self, request, *args, **kwargs):
        from portal.accounts.selectors import user_is_member

        from .forms import registration_form
        from .route import route_url
        from .selectors import calendar_links, registration_context, topic_context

        context = super().get_context(request, *args, **kwargs)
        context["calendar"] = calendar_links(event=self, request=request)
        context["route_url"] = route_url(self)
        context.update(topic_context(user=request.user, kind=self.kind))
        context.update(registration_context(event=self, user=request.user))
        context["registration_form"] = registration_form(
            event=self, user=request.user, member=user_is_member(request.user)
        )
        return context

    @path("inschrijven/", name="register")
    def register(self, request):
        from .views import event_register

        return event_register(request, event=self)

    @path("afmelden/", name="cancel")
    def cancel(self, request):
        from .views import event_cancel_own

        return event_cancel_own(request, event=self)


class EventQuestion(Orderable):
    """A question an adviser adds to an event's registration form."""

    shown_to_visitors = True

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="questions")
    label = models.CharField(_("question"), max_length=300)
    required = models.BooleanField(_("required"), default=False)
    choices = models.TextField(
        _("choices"),
        blank=True,
        help_text=_("One choice per line; leave empty for a free answer."),
    )

    panels = [FieldPanel("label"), FieldPanel("required"), FieldPanel("choices")]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.label

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class EventCalendarState(models.Model):
    """What participants were last told about an event, so that a publish
    which moves or cancels it mails them once.

    Kept outside EventPage on purpose: page revisions store every field of
    the page, and publishing an older draft would rewind this bookkeeping.
    """

    shown_to_visitors = False

    event = models.OneToOneField(
        EventPage, on_delete=models.CASCADE, related_name="calendar_state"
    )
    sequence = models.PositiveIntegerField(default=0)
    notified_schedule = models.CharField(max_length=600, blank=True)
    cancellation_notified = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"{self.event} (SEQUENCE {self.sequence})"


class Registration(models.Model):
    """A place (or a place on the waiting list) at an event for one person.

    Members register with their account; guests leave their details and
    confirm by e-mail before they get a place.
    """

    shown_to_visitors = True  # the places left on event pages and the agenda

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Waiting for e-mail confirmation")
        PENDING_APPROVAL = "pending", _("Waiting for approval")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200)
    job_title = models.CharField(_("function"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, db_index=True
    )
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(
        _("reminder sent at"), null=True, blank=True
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    # [{"question": label, "answer": text}], a snapshot: editing a question
    # later does not change what someone answered.
    answers = models.JSONField(_("answers"), default=list, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        permissions = [
            ("manage_registrations", _("Can see and manage the participants"))
        ]
        constraints = [
            # One active registration per person and event: registering twice
            # never gives a second seat, even when two requests race.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~models.Q(status="cancelled")
                & models.Q(anonymised_at__isnull=True),
                name="registration_one_active_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.event}"

    @property
    def is_active(self) -> bool:
        return self.status != self.Status.CANCELLED

    def seen_by_visitors(self) -> bool:
        """Visitors see the places taken and the waiting list. A registration
        waiting for its e-mail confirmation or an adviser's approval holds
        neither and never did, so saving or dropping it leaves the page
        cache alone: a rush of guests registering does not empty it."""
        return self.status not in (
            self.Status.UNCONFIRMED,
            self.Status.PENDING_APPROVAL,
        )

    def visitor_paths(self) -> list[str]:
        """Visitors see a registration only in its event page's places left
        and waiting list (no list shows them), so only that page is
        rendered again (portal.core.page_cache)."""
        try:
            url = self.event.get_url()
        except EventPage.DoesNotExist:  # deleted with its event: that renews all
            return []
        return [urlsplit(url).path] if url else []


class TopicFollow(models.Model):
    """A member who wants to hear of every new meeting of one kind ("keep me
    informed of new learning circles"), optionally only near them."""

    shown_to_visitors = False

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_topic_follows",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    home_region_only = models.BooleanField(
        _("only in my home region"),
        default=False,
        help_text=_(
            "Meetings in your home region, nationwide and online ones; "
            "without a home region, all meetings."
        ),
    )
    created_at = models.DateTimeField(_("since"), default=timezone.now)

    class Meta:
        verbose_name = _("followed kind of meeting")
        verbose_name_plural = _("followed kinds of meeting")
        ordering = ["kind", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"], name="events_topic_follow_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.kind}"


class EventAnnouncement(models.Model):
    """That the followers of an event's kind were told it opened: one row per
    event, so a later publish or edit never mails them again.

    Kept outside EventPage for the reason EventCalendarState is: publishing
    an older revision must not rewind it.
    """

    shown_to_visitors = False

    event = models.OneToOneField(
        EventPage, on_delete=models.CASCADE, related_name="announcement"
    )
    announced_at = models.DateTimeField(default=timezone.now)
    recipients = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.event_id}: {self.recipients}"
