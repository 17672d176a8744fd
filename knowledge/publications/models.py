"""The publications library: fenomeenkaarten, analyses, handreikingen,
research and presentations as pages with their files (Wagtail documents).

Whether a publication is public or for members is Wagtail's own privacy
setting on the page (the one access decision, portal.accounts.access, reads
it); its files follow it (hooks.py). The text of its PDFs is read per page
of the file by a task (services.publication_texts_extract) into
``PublicationText``, so the site search finds a publication by a word
inside its files and can say on which page.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable, Page
from wagtail.search import index


class PublicationKind(models.TextChoices):
    PHENOMENON_MAP = "fenomeenkaart", _("Phenomenon map")
    PHENOMENON_ANALYSIS = "fenomeenanalyse", _("Phenomenon analysis")
    GUIDE = "handreiking", _("Practical guide")
    RESEARCH = "onderzoek", _("Research")
    PRESENTATION = "presentatie", _("Presentation")


class PublicationIndexPage(Page):
    """The library ("Publicaties"): every publication, with filters."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["knowledge.PublicationPage"]
    max_count = 1

    class Meta:
        verbose_name = _("publications library")

    def get_context(self, request, *args, **kwargs):
        from .selectors import publication_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(
            publication_index_context(index=self, params=request.GET, user=request.user)
        )
        return context


class PublicationPageTag(TaggedItemBase):
    shown_to_visitors = True  # the tags of public publications

    content_object = ParentalKey(
        "knowledge.PublicationPage",
        on_delete=models.CASCADE,
        related_name="tagged_items",
    )


class PublicationPage(Page):
    """One publication. Members only when its privacy setting says so (the
    admin's "Privacy" button): then its files and the text found in them
    are for members only too."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=PublicationKind.choices, db_index=True
    )
    date = models.DateField(_("publication date"), db_index=True)
    publisher = models.CharField(
        _("publisher"),
        max_length=150,
        help_text=_(
            "Who published it, for example: CCV, Bureau RVS, the ministry of "
            "Justice and Security, Hogeschool Inholland."
        ),
    )
    theme = models.ForeignKey(
        "knowledge.ThemePage",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="publications",
        help_text=_("The guidance page it belongs with; it is listed there."),
    )
    summary = models.TextField(
        _("summary"),
        help_text=_("A few sentences: shown in the library and search results."),
    )
    tags = ClusterTaggableManager(through=PublicationPageTag, blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("date"),
                FieldPanel("publisher"),
                FieldPanel("theme"),
            ],
            heading=_("About the publication"),
        ),
        FieldPanel("summary"),
        InlinePanel(
            "files",
            heading=_("Files"),
            label=_("File"),
            min_num=1,
            help_text=_(
                "The text of a PDF is read after publishing, so the site search "
                "finds the publication by any word in it."
            ),
        ),
        FieldPanel("tags"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=1.5),
        index.SearchField("publisher"),
        index.SearchField("file_text"),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]
    search_weight = 1.1  # as news: after guidance, before events
    # The search results read the files' text for their excerpt: all at once
    # (portal.search.selectors), not a query per result.
    search_prefetch = ("texts__document",)
    parent_page_types = ["knowledge.PublicationIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    @property
    def search_summary(self) -> str:
        return self.summary

    def file_text(self) -> str:
        """Every page of every file, for the search index."""
        return "\n".join(text.full_text() for text in self.texts.all())

    def search_more_texts(self) -> list[str]:
        """The files' pages, for the words "Did you mean" knows."""
        return [page for text in self.texts.all() for page in text.pages]

    def search_excerpt(self, terms: list[str]):
        from .search import publication_excerpt

        return publication_excerpt(self, terms)

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().prefetch_related("texts")

    def get_context(self, request, *args, **kwargs):
        from .selectors import publication_context

        context = super().get_context(request, *args, **kwargs)
        context.update(publication_context(page=self, user=request.user))
        return context


class PublicationFile(Orderable):
    """A file of a publication: the report itself, a summary, the slides."""

    shown_to_visitors = True  # the file list of a public publication

    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("file"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self) -> str:
        return str(self.document_id)


class PublicationText(models.Model):
    """The text of one file of a publication, page by page, as the task read
    it. Not part of the page's revisions: it follows the published files."""

    shown_to_visitors = True  # search results quote it

    class Status(models.TextChoices):
        READ = "read", _("Read")
        NO_TEXT = "no_text", _("No text found (a scan?)")
        UNREADABLE = "unreadable", _("Not readable (damaged, encrypted or no PDF)")
        RESTRICTED = "restricted", _("Not read: the file's collection is restricted")

    page = models.ForeignKey(
        PublicationPage, on_delete=models.CASCADE, related_name="texts"
    )
    document = models.ForeignKey(
        get_document_model_string(), on_delete=models.CASCADE, related_name="+"
    )
    # Which file content was read: a replaced file is read again.
    fingerprint = models.CharField(max_length=200)
    status = models.CharField(max_length=12, choices=Status.choices)
    # One text per page of the file, in order: page n is pages[n - 1].
    pages = models.JSONField(default=list, blank=True)
    sort_order = models.PositiveIntegerField(default=0)
    read_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("text of a publication's file")
        verbose_name_plural = _("texts of publications' files")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "document"], name="knowledge_publication_text_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.page_id}/{self.document_id}"

    def full_text(self) -> str:
        return "\n".join(self.pages)


class NewsPublicationLink(Orderable):
    """A publication a news item points to ("Lees de fenomeenkaart")."""

    shown_to_visitors = True  # news items show their publications

    news = ParentalKey(
        "knowledge.NewsPage", on_delete=models.CASCADE, related_name="publication_links"
    )
    publication = models.ForeignKey(
        PublicationPage,
        verbose_name=_("publication"),
        on_delete=models.CASCADE,
        related_name="news_links",
    )

    panels = [FieldPanel("publication")]

    class Meta(Orderable.Meta):
        verbose_name = _("linked publication")
        verbose_name_plural = _("linked publications")

    def __str__(self) -> str:
        return f"{self.news_id} → {self.publication_id}"
