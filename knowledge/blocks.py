from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


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
    transcript = blocks.RichTextBlock(
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
    answer = blocks.RichTextBlock(
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
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
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
    findings = blocks.RichTextBlock(
        label=_("findings"), features=["bold", "italic", "ul", "ol", "link"]
    )

    class Meta:
        icon = "group"
        label = _("Table or round")
