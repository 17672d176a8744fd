"""The published casebook: an index that filters, and one page per case.

A CasePage is made by services.case_publish from the anonymised text only;
it holds no original text and no link to the submitter.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.core.regions import region_field

from ..sanitise import html_text
from .submission import Platform

#: Slugs the submission pages use below /casuistiek/ (see casebook/urls.py);
#: a case page with one of them could not be reached.
RESERVED_SLUGS = frozenset({"indienen", "mijn-casussen"})
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul"]


class CaseIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["casebook.CasePage"]
    max_count = 1

    class Meta:
        verbose_name = _("casebook overview")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import case_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(
            case_index_context(index=self, params=request.GET, user=request.user)
        )
        return context


class CasePageTag(TaggedItemBase):
    shown_to_visitors = True

    content_object = ParentalKey(
        "casebook.CasePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CasePage(Page):
    region = models.CharField(_("municipality or region"), max_length=400, blank=True)
    province = region_field(
        _("province"),
        db_index=True,
        help_text=_("The casebook filters on it; members see cases near them."),
    )
    period = models.CharField(_("period"), max_length=200, blank=True)
    platforms = ParentalManyToManyField(
        Platform, blank=True, verbose_name=_("platforms"), related_name="cases"
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
    what_happened = RichTextField(
        _("what happened"), features=RICH_TEXT_FEATURES, blank=True
    )
    interventions_tried = RichTextField(
        _("interventions tried and their effect"),
        features=RICH_TEXT_FEATURES,
        blank=True,
    )
    lessons = RichTextField(
        _("lessons learned"), features=RICH_TEXT_FEATURES, blank=True
    )
    tags = ClusterTaggableManager(through=CasePageTag, blank=True)
    learning_circle = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("learning circle"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("region"),
                FieldPanel("province"),
                FieldPanel("period"),
                FieldPanel("platforms", widget=forms.CheckboxSelectMultiple),
                FieldPanel("phase"),
                FieldPanel("classification"),
                FieldPanel("tags"),
                FieldPanel("learning_circle"),
            ],
            heading=_("About the case"),
        ),
        FieldPanel("what_happened"),
        FieldPanel("interventions_tried"),
        FieldPanel("lessons"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("region"),
        index.SearchField("what_happened"),
        index.SearchField("interventions_tried"),
        index.SearchField("lessons"),
    ]
    parent_page_types = ["casebook.CaseIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def clean(self) -> None:
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("This web address is in use by the casebook itself.")}
            )

    @property
    def search_summary(self) -> str:
        """What the site search quotes first."""
        return Truncator(html_text(self.what_happened)).chars(300)
