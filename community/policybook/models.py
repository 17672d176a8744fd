"""The policy book: a Wagtail page per half year with a chapter per theme,
and the record of each build the advisers start.

The chapters hold a snapshot of what the discussions said (plain text, no
member names) so the book stays as it was built while the discussions go on;
advisers edit the introduction, the chapter titles and their order.
Imported by ``community.models`` so Django finds the models.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page

INTRO_FEATURES = ["bold", "italic", "ol", "ul", "link"]
# The platform's own name: what a fresh install prints as publisher.
DEFAULT_PUBLISHER = "Leerkring"


class PolicyBookIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["community.PolicyBookPage"]
    max_count = 1
    template = "community/policybook/policy_book_index_page.html"

    class Meta:
        verbose_name = _("policy books overview")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["books"] = (
            PolicyBookPage.objects.child_of(self).live().order_by("-period")
        )
        return context


class PolicyBookPage(Page):
    """One half year's book. Made by ``policy_book_build``; never by hand."""

    period = models.CharField(_("half year"), max_length=7, unique=True, editable=False)
    intro = RichTextField(_("introduction"), features=INTRO_FEATURES, blank=True)
    # Per theme: threads, posts, meetings and participants in the half year.
    activity = models.JSONField(_("activity"), default=list, editable=False)
    pdf = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("PDF edition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # A rebuild of a published book renders into this document, never into
    # ``pdf``: the public PDF changes only when the draft revision holding
    # this one is published (services.policy_book_pdf_publish).
    draft_pdf = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("PDF edition waiting to be published"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel(
            "chapters",
            heading=_("Themes"),
            label=_("Theme"),
            help_text=_("Drag the themes into the order the book should have."),
        ),
    ]
    parent_page_types = ["community.PolicyBookIndexPage"]
    subpage_types: list[str] = []
    template = "community/policybook/policy_book_page.html"

    class Meta:
        verbose_name = _("policy book")
        verbose_name_plural = _("policy books")

    def get_context(self, request, *args, **kwargs):
        from .render import book_context

        context = super().get_context(request, *args, **kwargs)
        context.update(book_context(page=self))
        return context


class PolicyBookChapter(Orderable):
    """A theme's chapter; ``content`` is the snapshot made at build time."""

    shown_to_visitors = True  # the chapters of a public policy book

    page = ParentalKey(
        PolicyBookPage, on_delete=models.CASCADE, related_name="chapters"
    )
    theme_slug = models.SlugField(_("theme"), max_length=150, editable=False)
    title = models.CharField(_("title"), max_length=200)
    content = models.JSONField(_("content"), default=dict, editable=False)

    panels = [FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")

    def __str__(self) -> str:
        return self.title


class PolicyBookBuild(models.Model):
    """One run of the build, so the admin can show how far it is."""

    shown_to_visitors = False

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Being built")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    period = models.CharField(_("half year"), max_length=7)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    step = models.CharField(_("step"), max_length=200, blank=True)
    percent = models.PositiveSmallIntegerField(_("progress"), default=0)
    error = models.TextField(_("error"), blank=True)
    page = models.ForeignKey(
        PolicyBookPage,
        verbose_name=_("policy book"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("policy book build")
        verbose_name_plural = _("policy book builds")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.period} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


@register_setting(icon="doc-full")
class PublicationSettings(BaseGenericSetting):
    """Who publishes the policy books: their cover and colophon. One row for
    the whole platform, made with the defaults when first read."""

    shown_to_visitors = True  # the publisher on the policy book

    publisher = models.CharField(
        _("publisher"),
        max_length=150,
        default=DEFAULT_PUBLISHER,
        help_text=_("Printed on the cover and in the colophon of every policy book."),
    )
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Printed on the cover. A wide logo on a white background works best."
        ),
    )
    colophon = models.TextField(
        _("colophon text"),
        blank=True,
        help_text=_(
            "Further lines for the colophon, such as the address and how to "
            'reach the publisher. Lines starting with "- " become a list.'
        ),
    )

    panels = [FieldPanel("publisher"), FieldPanel("logo"), FieldPanel("colophon")]

    class Meta:
        verbose_name = _("publication details")
        verbose_name_plural = _("publication details")

    def __str__(self) -> str:
        return self.publisher
