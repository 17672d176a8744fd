from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock, MeetingRoundBlock


class Adviser(models.Model):
    """An adviser of the national centre whom professionals can contact;
    pages and events name one as 'Neem contact op met …'."""

    shown_to_visitors = True  # pages and events name their adviser

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topics = models.CharField(
        _("topics"),
        max_length=300,
        blank=True,
        help_text=_("For example: leerkringen, dwangsom, online monitoring."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("photo"),
        FieldPanel("topics"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("topics")]

    class Meta:
        verbose_name = _("adviser")
        verbose_name_plural = _("advisers")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class DossierPage(Page):
    """A web dossier: the landing page of a theme with its guidance pages."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro", boost=1.5)]
    # Guidance ranks above news and far above the information pages
    # (portal.search.backend multiplies a result's relevance by it).
    search_weight = 1.2
    subpage_types = ["knowledge.ThemePage", "knowledge.MeetingReportPage"]

    class Meta:
        verbose_name = _("web dossier")
        verbose_name_plural = _("web dossiers")

    def get_context(self, request, *args, **kwargs):
        from .selectors import themes_of

        context = super().get_context(request, *args, **kwargs)
        context["themes"] = themes_of(dossier=self)
        return context


class ThemePage(Page):
    """A guidance page within a web dossier (signalling, classifying, ...)."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences; shown in overviews and search results."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=1.5),
        index.SearchField("body"),
    ]
    search_weight = 1.2  # guidance: see DossierPage
    parent_page_types = ["knowledge.DossierPage", "knowledge.ThemePage"]
    subpage_types = ["knowledge.ThemePage"]

    class Meta:
        verbose_name = _("theme page")
        verbose_name_plural = _("theme pages")

    def get_context(self, request, *args, **kwargs):
        from .publications.selectors import publications_of_theme

        context = super().get_context(request, *args, **kwargs)
        context["publications"] = publications_of_theme(theme=self, user=request.user)
        return context


class MeetingReportPage(Page):
    """The report (verslag) of an expert meeting or round-table: per table or
    round its theme and findings, then the conclusion drawn across them."""

    class RoundKind(models.TextChoices):
        TABLE = "table", _("Table")
        ROUND = "round", _("Round")

    meeting_date = models.DateField(_("date of the meeting"), null=True, blank=True)
    location = models.CharField(_("location"), max_length=200, blank=True)
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Who met, and why; shown in overviews and search results."),
    )
    round_kind = models.CharField(
        _("the discussion was held in"),
        max_length=10,
        choices=RoundKind.choices,
        default=RoundKind.TABLE,
    )
    rounds = StreamField(
        [("round", MeetingRoundBlock())],
        blank=True,
        verbose_name=_("tables or rounds"),
    )
    conclusion = RichTextField(
        _("overall conclusion"),
        blank=True,
        features=["bold", "italic", "ul", "ol", "link"],
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("further information"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("meeting_date"),
        FieldPanel("location"),
        FieldPanel("intro"),
        FieldPanel("round_kind"),
        FieldPanel("rounds"),
        FieldPanel("conclusion"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=1.5),
        index.SearchField("rounds"),
        index.SearchField("conclusion"),
        index.SearchField("body"),
        index.FilterField("meeting_date"),
    ]
    parent_page_types = ["knowledge.DossierPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("meeting report")
        verbose_name_plural = _("meeting reports")


class InformationPage(Page):
    """A page about the platform itself, such as the accessibility statement
    (toegankelijkheidsverklaring) or the privacy statement; advisers keep
    them up to date and choose which ones the footer links to."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("Shown on the page, so readers know how current it is."),
    )
    show_in_footer = models.BooleanField(
        _("link in the footer"),
        default=False,
        help_text=_("For statements every page should link to."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("show_in_footer")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    # Footer pages (privacy, accessibility) name the platform and its
    # meetings everywhere: they come after guidance and news that do too.
    search_weight = 0.4
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")


class ComplianceStatus(models.TextChoices):
    """The compliance statuses of the Dutch model accessibility statement."""

    A = "A", _("A – fully compliant")
    B = "B", _("B – partially compliant")
    C = "C", _("C – first measures taken")
    D = "D", _("D – no measures taken")
    E = "E", _("E – no valid statement")


class AccessibilityIssueBlock(blocks.StructBlock):
    """One known problem, as the model statement describes it."""

    problem = blocks.CharBlock(label=_("problem"), max_length=300)
    consequence = blocks.TextBlock(label=_("consequence for users"))
    cause = blocks.TextBlock(label=_("cause"), required=False)
    measure = blocks.TextBlock(label=_("measure"))
    planned = blocks.DateBlock(label=_("planned solution date"), required=False)

    class Meta:
        label = _("known problem")
        icon = "warning"


class AccessibilityStatementPage(InformationPage):
    """The accessibility statement in the Dutch model's order: status, the
    evaluation (what, how and when), what is checked automatically and what
    is not, the known problems with their measures, sign-off and contact.
    Advisers keep it up to date; it states only what the platform does."""

    organisation = models.CharField(_("organisation"), max_length=200)
    scope = models.TextField(
        _("scope"), help_text=_("Which website and which parts this statement covers.")
    )
    status = models.CharField(
        _("compliance status"), max_length=1, choices=ComplianceStatus.choices
    )
    statement_date = models.DateField(_("date of the statement"))
    evaluated_on = models.DateField(_("date of the evaluation"))
    evaluation = models.TextField(
        _("what was evaluated and how"),
        help_text=_("The standard, the method, who evaluated and which pages."),
    )
    automated_checks = models.TextField(_("checked automatically"))
    not_checked = models.TextField(
        _("not checked"), help_text=_("Be honest: what no test or person checked.")
    )
    issues = StreamField(
        [("issue", AccessibilityIssueBlock())],
        blank=True,
        verbose_name=_("known problems"),
    )
    approved_by = models.CharField(
        _("approved by (function)"),
        max_length=200,
        help_text=_("The function of the person who signed the statement."),
    )
    contact = models.TextField(
        _("feedback and contact"),
        help_text=_("How to report a problem and how fast you answer."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("scope"),
                FieldPanel("status"),
                FieldPanel("statement_date"),
                FieldPanel("approved_by"),
            ],
            heading=_("Statement"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("evaluated_on"),
                FieldPanel("evaluation"),
                FieldPanel("automated_checks"),
                FieldPanel("not_checked"),
            ],
            heading=_("Evaluation"),
        ),
        FieldPanel("issues"),
        FieldPanel("contact"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [
        *InformationPage.search_fields,
        index.SearchField("evaluation"),
        index.SearchField("not_checked"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    template = "knowledge/accessibility_statement_page.html"

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")


class NewsCategory(models.TextChoices):
    EVENTS = "events", _("Meetings and events")
    RESEARCH = "research", _("Research and reports")
    BACKGROUND = "background", _("Background information")
    SAFETY_TRENDS = "safety-trends", _("Safety developments")
    POLICY = "policy", _("Policy and governance")


class NewsIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["knowledge.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("news overview")

    def get_context(self, request, *args, **kwargs):
        from .selectors import news_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(news_index_context(index=self, params=request.GET))
        return context


class NewsPageTag(TaggedItemBase):
    shown_to_visitors = True

    content_object = ParentalKey(
        "knowledge.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(Page):
    category = models.CharField(
        _("category"), max_length=20, choices=NewsCategory.choices, db_index=True
    )
    date = models.DateField(_("publication date"), db_index=True)
    teaser = models.TextField(_("teaser"), max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("category"),
        FieldPanel("date"),
        FieldPanel("teaser"),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel(
            "publication_links",
            heading=_("Publications"),
            label=_("Publication"),
            help_text=_("Publications from the library this news item is about."),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser", boost=1.5),
        index.SearchField("body"),
        index.FilterField("category"),
        index.FilterField("date"),
    ]
    search_weight = 1.1  # after guidance, before events and footer pages
    parent_page_types = ["knowledge.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def get_context(self, request, *args, **kwargs):
        from .publications.selectors import publications_of_news

        context = super().get_context(request, *args, **kwargs)
        context["publications"] = publications_of_news(news=self, user=request.user)
        return context


# The publications library lives in its own module; imported here so Django
# registers its models with this app.
from .publications.models import (  # noqa: E402, F401
    NewsPublicationLink,
    PublicationFile,
    PublicationIndexPage,
    PublicationKind,
    PublicationPage,
    PublicationPageTag,
    PublicationText,
)
