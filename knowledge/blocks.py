from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.rich_text import RichText, expand_db_html
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]

# Stored rich text cannot hold it (PostgreSQL text refuses NUL), so it safely
# separates the texts that are expanded in one pass.
_SEPARATOR = "\x00"


class _RichTextBatch:
    """The rich texts of one block type in one stream, expanded together on
    first render: Wagtail looks up the pages, documents and embeds of one
    text in bulk, so one pass over all of them costs the queries of one
    block instead of two per block that links to a page."""

    def __init__(self, sources: list[str]) -> None:
        self.sources = sources
        self._html: list[str] | None = None

    def html(self, index: int) -> str:
        if self._html is None:
            parts = expand_db_html(_SEPARATOR.join(self.sources)).split(_SEPARATOR)
            if len(parts) != len(self.sources):
                # A source held the separator or an unclosed tag ran into the
                # next one: expand them one by one, as Wagtail would.
                parts = [expand_db_html(source) for source in self.sources]
            self._html = parts
        return self._html[index]


class _BatchedRichText(RichText):
    def __init__(self, source: str, batch: _RichTextBatch, index: int) -> None:
        super().__init__(source)
        self._batch = batch
        self._index = index

    def __html__(self) -> str:
        if self.source != self._batch.sources[self._index]:
            return super().__html__()  # changed since loading: the batch is stale
        return render_to_string(
            "wagtailcore/shared/richtext.html", {"html": self._batch.html(self._index)}
        )


class RichTextBlock(blocks.RichTextBlock):
    """Wagtail's rich text block whose values in one stream (or list, or
    struct) expand their links together when the first one renders."""

    def bulk_to_python(self, values) -> list[RichText]:
        batch = _RichTextBatch([value or "" for value in values])
        return [
            _BatchedRichText(source, batch, i) for i, source in enumerate(batch.sources)
        ]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "knowledge/blocks/quote.html"
        label = _("Quote")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    text = blocks.TextBlock(label=_("text"), required=False)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("or web address"), required=False)
    link_text = blocks.CharBlock(label=_("link text"))

    class Meta:
        icon = "link"
        template = "knowledge/blocks/call_to_action.html"
        label = _("Call to action")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("title"),
        required=False,
        help_text=_("Leave empty to use the document's own title."),
    )
    description = blocks.TextBlock(label=_("description"), required=False)

    class Meta:
        icon = "doc-full"
        template = "knowledge/blocks/document.html"
        label = _("Document download")


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(
        label=_("video address"),
        help_text=_("A YouTube or Vimeo address; the player is embedded."),
    )
    title = blocks.CharBlock(
        label=_("title"),
        help_text=_("Names the player for screen-reader users."),
    )
    transcript = RichTextBlock(
        label=_("transcript or summary"),
        required=False,
        features=["bold", "italic", "ul", "ol", "link"],
        help_text=_("For those who cannot watch or hear the video."),
    )

    class Meta:
        icon = "media"
        template = "knowledge/blocks/video.html"
        label = _("Video")


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"))
    answer = RichTextBlock(
        label=_("answer"), features=["bold", "italic", "ul", "ol", "link"]
    )


class AccordionBlock(blocks.StructBlock):
    """Questions and answers that fold open; <details> works without
    JavaScript and keyboard and screen-reader users get it for free."""

    heading = blocks.CharBlock(label=_("heading"), required=False)
    items = blocks.ListBlock(QuestionBlock(), label=_("questions"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "knowledge/blocks/accordion.html"
        label = _("Questions and answers")


class AdviserContactBlock(blocks.StructBlock):
    adviser = SnippetChooserBlock("knowledge.Adviser", label=_("adviser"))

    class Meta:
        icon = "user"
        template = "knowledge/blocks/adviser_contact.html"
        label = _("Adviser's contact card")


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), template="knowledge/blocks/heading.html", icon="title"
    )
    paragraph = RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentBlock()
    video = VideoBlock()
    accordion = AccordionBlock()
    adviser = AdviserContactBlock()


class MeetingRoundBlock(blocks.StructBlock):
    """One table or round of a meeting: what it was about and what came out."""

    theme = blocks.CharBlock(label=_("theme"))
    question = blocks.TextBlock(
        label=_("central question"),
        required=False,
        help_text=_("The question the table discussed, if there was one."),
    )
    findings = RichTextBlock(
        label=_("findings"), features=["bold", "italic", "ul", "ol", "link"]
    )

    class Meta:
        icon = "group"
        label = _("Table or round")


# Stored exactly as Wagtail's own block: migrations need not know the subclass.
DECONSTRUCT_ALIASES = {RichTextBlock: "wagtail.blocks.RichTextBlock"}
