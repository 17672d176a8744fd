"""The advisers' editor for a case's anonymised text: Wagtail's Draftail,
offering only the formatting the sanitiser keeps, so no button produces
something that is silently thrown away on saving."""

from django import forms
from wagtail.admin.rich_text import DraftailRichTextArea

#: Draftail's features for the tags of ``casebook.sanitise.TAGS``: bold and
#: italic (stored as <b> and <i>, renamed to <strong> and <em>), and the two
#: kinds of list. Paragraphs and line breaks need no feature.
EDITOR_FEATURES = ["bold", "italic", "ol", "ul"]


class CaseTextEditor(DraftailRichTextArea):
    """Draftail sends its document as JSON. Anything else that arrives (a
    script, an old form, a hand-made request) is taken as the text it is;
    the sanitiser decides what survives, and odd input never becomes a
    server error."""

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, features=EDITOR_FEATURES)

    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError):
            return forms.Textarea().value_from_datadict(data, files, name)
