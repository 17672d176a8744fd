from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

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


class EventFormat(models.TextChoices):
    ONLINE = "online", _("Online meeting")
    LIVESTREAM = "livestream", _("Livestream")
    ON_LOCATION = "location", _("On location")
    HYBRID = "hybrid", _("Hybrid")


class EventIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("events overview")

    def get_context(self, request, *args, **kwargs):
        from .selectors import events_past, events_upcoming, feed_subscription_url

        context = super().get_context(request, *args, **kwargs)
        context["upcoming"] = events_upcoming(limit=50)
        context["subscribe_url"] = feed_subscription_url(request=request)
        context["past"] = events_past(limit=20)
        return context


class EventPage(Page):
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    audience = models.CharField(
        _("audience"),
        max_length=300,
        blank=True,
        help_text=_("For example: youth workers, municipal OOV officers and police."),
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
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    intro = models.TextField(_("introduction"))
    body = RichTextField(_("description"), blank=True)
    agenda = StreamField(
        [("item", AgendaItemBlock())], blank=True, verbose_name=_("agenda")
    )
    registration_closed = models.BooleanField(
        _("registration closed"),
        default=False,
        help_text=_("Visitors can no longer register for this event."),
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("audience"),
                FieldPanel("starts_at"),
                FieldPanel("ends_at"),
                FieldPanel("format"),
                FieldPanel("location"),
                FieldPanel("cost_note"),
                FieldPanel("organiser"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("agenda"),
        MultiFieldPanel(
            [FieldPanel("registration_closed"), FieldPanel("cancelled")],
            heading=_("Status"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
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

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    def get_context(self, request, *args, **kwargs):
        from .selectors import calendar_links

        context = super().get_context(request, *args, **kwargs)
        context["calendar"] = calendar_links(event=self, request=request)
        return context
