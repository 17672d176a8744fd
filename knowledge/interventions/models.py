"""The intervention tool's data: the phases of the barrier model, the three
classifications of online content, the actors and the interventions that fit
them. Advisers edit all of it as snippets; nothing here is fixed in code."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

SLUG_HELP = _(
    "Used in the tool's web addresses. Changing it breaks links people have shared."
)


def _lines(text: str) -> list[str]:
    """One item per line, so advisers write lists without rich text; a leading
    dash typed out of habit is dropped."""
    items = (line.strip().removeprefix("- ").strip() for line in text.splitlines())
    return [item for item in items if item]


class ToolChoice(models.Model):
    """What phases, classifications and actors share: a name, a stable slug
    for the URL and an order chosen by the advisers."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("short name in web addresses"),
        max_length=60,
        unique=True,
        help_text=SLUG_HELP,
    )
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class Phase(ToolChoice):
    """A phase of the barrier model (barrièremodel), from the first online
    signal to the aftermath; in each a barrier can be raised."""

    shown_to_visitors = True  # the intervention tool is public

    class Meta(ToolChoice.Meta):
        verbose_name = _("phase")
        verbose_name_plural = _("phases")


class Classification(ToolChoice):
    """How online content classifies: criminal, unlawful or undesirable."""

    shown_to_visitors = True  # the intervention tool is public

    class Meta(ToolChoice.Meta):
        verbose_name = _("classification")
        verbose_name_plural = _("classifications")


class Actor(ToolChoice):
    """Who acts: the municipality, police, prosecution, platform, youth work."""

    shown_to_visitors = True  # the intervention tool is public

    class Meta(ToolChoice.Meta):
        verbose_name = _("actor")
        verbose_name_plural = _("actors")


class InterventionKind(models.TextChoices):
    LEGAL = "legal", _("Legal")
    NON_LEGAL = "non_legal", _("Non-legal")


class Intervention(index.Indexed, models.Model):
    """A measure the tool can propose. It fits a situation when it is tied to
    the situation's phase, classification and actor. The site search finds
    it (knowledge.interventions.search)."""

    shown_to_visitors = True  # the intervention tool is public

    title = models.CharField(_("title"), max_length=150)
    slug = models.SlugField(
        _("short name in web addresses"),
        max_length=80,
        unique=True,
        help_text=SLUG_HELP,
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=InterventionKind.choices, db_index=True
    )
    summary = models.TextField(
        _("summary"), help_text=_("What the intervention is, in two or three lines.")
    )
    legal_basis = models.CharField(
        _("legal basis"),
        max_length=200,
        blank=True,
        help_text=_("For example: article 176 Gemeentewet."),
    )
    conditions = models.TextField(
        _("conditions"), blank=True, help_text=_("One condition per line.")
    )
    risks = models.TextField(
        _("risks"),
        blank=True,
        help_text=_(
            "One risk per line, for example loss of trust or displacement to "
            "closed groups."
        ),
    )
    phases = models.ManyToManyField(
        Phase, verbose_name=_("phases"), related_name="interventions"
    )
    classifications = models.ManyToManyField(
        Classification, verbose_name=_("classifications"), related_name="interventions"
    )
    actors = models.ManyToManyField(
        Actor, verbose_name=_("actors"), related_name="interventions"
    )
    guidance_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("guidance page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A page in the web dossier that explains this intervention."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("legal_basis"),
        MultiFieldPanel(
            [
                FieldPanel("phases", widget=forms.CheckboxSelectMultiple),
                FieldPanel("classifications", widget=forms.CheckboxSelectMultiple),
                FieldPanel("actors", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("When it fits"),
        ),
        FieldPanel("conditions"),
        FieldPanel("risks"),
        FieldPanel("guidance_page"),
    ]
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("summary", boost=1.5),
        index.SearchField("legal_basis"),
        index.SearchField("conditions"),
        index.SearchField("risks"),
    ]

    class Meta:
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def conditions_list(self) -> list[str]:
        return _lines(self.conditions)

    @property
    def risks_list(self) -> list[str]:
        return _lines(self.risks)
