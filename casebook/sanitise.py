"""Members' free text as it is stored: a few formatting tags survive;
scripts, styles, event handlers, images and links do not.

Links are dropped and their text kept. A link in a case text is nearly
always a profile, a group or a post, which is personal data; as plain text
the anonymiser sees the address and replaces it. bleach does the actual
whitelisting and always runs last, so the steps before it only make the
result tidier, never safer.
"""

import html
import re
from html.parser import HTMLParser

import bleach
from django.utils.html import strip_tags

#: Characters a member may type in one free-text field. Long enough for a
#: thorough case (about twenty pages), short enough that a paste of a whole
#: chat log is refused with a message rather than stored.
MAX_LENGTH = 50_000

TAGS = frozenset({"p", "br", "strong", "em", "ul", "ol", "li"})
# Block-level tags: where one line of text ends and the next begins.
BLOCK_TAGS = frozenset({"p", "br", "ul", "ol", "li"})
# The old spellings of bold and italic, kept as their current ones.
_RENAMED = {"b": "strong", "i": "em"}

# Whose content is dropped as well as the tag: their text is code, styling
# or markup, never part of the case.
_DROP_WITH_CONTENT = frozenset(
    {
        "script", "style", "svg", "math", "iframe", "object", "embed", "template",
        "noscript", "textarea", "select", "title", "head", "xmp", "noembed",
    }
)  # fmt: skip
_BLOCK_TAG = re.compile(r"<\s*(p|ul|ol)\b", re.IGNORECASE)

_cleaner = bleach.Cleaner(tags=TAGS, attributes={}, strip=True, strip_comments=True)


class _ContentDropper(HTMLParser):
    """Re-emits the markup without the dangerous elements and their content,
    and without any attribute; bleach cleans what it keeps afterwards."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in _DROP_WITH_CONTENT:
            self.depth += 1
        elif not self.depth:
            self.out.append(f"<{_RENAMED.get(tag, tag)}>")

    def handle_startendtag(self, tag, attrs):
        if tag not in _DROP_WITH_CONTENT and not self.depth:
            self.out.append(f"<{_RENAMED.get(tag, tag)}>")

    def handle_endtag(self, tag):
        if tag in _DROP_WITH_CONTENT:
            self.depth = max(self.depth - 1, 0)
        elif not self.depth:
            self.out.append(f"</{_RENAMED.get(tag, tag)}>")

    def handle_data(self, data):
        if not self.depth:
            self.out.append(html.escape(data, quote=False))


def _drop_dangerous_content(markup: str) -> str:
    parser = _ContentDropper()
    parser.feed(markup)
    parser.close()
    return "".join(parser.out)


def _paragraphs(markup: str) -> str:
    """Plain text typed in the textarea: blank lines start paragraphs,
    single line breaks stay line breaks."""
    if _BLOCK_TAG.search(markup):
        return markup
    blocks = [b.strip() for b in re.split(r"\n\s*\n", markup.replace("\r\n", "\n"))]
    return "".join("<p>{}</p>".format(b.replace("\n", "<br>")) for b in blocks if b)


def html_clean(raw: str) -> str:
    """The whitelisted HTML of what a member typed (HTML or plain text)."""
    markup = _drop_dangerous_content((raw or "").replace("\x00", ""))
    return _cleaner.clean(_paragraphs(markup)).strip()


def html_text(markup: str) -> str:
    """The plain text of stored HTML, paragraphs on lines of their own."""
    spaced = re.sub(r"<(?:br|/p|/li)>", "\n", markup or "")
    return html.unescape(strip_tags(spaced)).replace("\xa0", " ").strip()


def is_blank(markup: str) -> bool:
    return not html_text(markup).strip()


def plain_clean(raw: str) -> str:
    """A one-line field: no markup at all, whitespace folded."""
    markup = _drop_dangerous_content((raw or "").replace("\x00", ""))
    spaced = re.sub(r"</?(?:br|p|li|ul|ol|div)\b[^>]*>", " ", markup)
    return " ".join(html.unescape(re.sub(r"<[^>]*>", "", spaced)).split())
