"""Members write HTML (or plain text) in a textarea; only a small set of
formatting survives, and nothing that can run, load or restyle anything.

bleach does the actual whitelisting and always runs last, so the steps
before it only make the result tidier, never safer.
"""

import html
import re
from functools import partial
from html.parser import HTMLParser

import bleach
from bleach.linkifier import LinkifyFilter, build_url_re
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from .errors import InvalidMessage

MAX_LENGTH = 20_000
TAGS = frozenset({"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote"})
PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener"
# Draftail features for the advisers' meeting notes: the same formatting as
# posts, which Wagtail stores as <b> and <i> and internal links by id.
NOTE_FEATURES = ["bold", "italic", "ol", "ul", "blockquote", "link"]
_WAGTAIL_TAGS = TAGS | {"b", "i"}

# Whose content is dropped as well as the tag: their text is code, styling
# or markup, never part of the message.
_DROP_WITH_CONTENT = frozenset(
    {
        "script", "style", "svg", "math", "iframe", "object", "embed", "template",
        "noscript", "textarea", "select", "title", "head", "xmp", "noembed",
    }
)  # fmt: skip
_BLOCK_TAG = re.compile(r"<\s*(p|ul|ol|blockquote)\b", re.IGNORECASE)


class _ContentDropper(HTMLParser):
    """Re-emits the markup without the dangerous elements' content; what it
    keeps is still cleaned by bleach afterwards."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in _DROP_WITH_CONTENT:
            self.depth += 1
        elif not self.depth:
            rendered = "".join(
                f' {name}="{html.escape(value or "", quote=True)}"'
                for name, value in attrs
            )
            self.out.append(f"<{tag}{rendered}>")

    def handle_startendtag(self, tag, attrs):
        if tag not in _DROP_WITH_CONTENT:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in _DROP_WITH_CONTENT:
            self.depth = max(self.depth - 1, 0)
        elif not self.depth:
            self.out.append(f"</{tag}>")

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
    return "".join("<p>{}</p>".format(b.replace("\n", "<br>\n")) for b in blocks if b)


def _link_attributes(attrs: dict, new: bool = False) -> dict | None:
    href = attrs.get((None, "href"), "")
    scheme = href.split(":", 1)[0].lower() if ":" in href else ""
    if scheme not in PROTOCOLS:
        return None  # keep the text, lose the link
    attrs[(None, "rel")] = LINK_REL
    attrs.pop((None, "target"), None)
    return attrs


_post_cleaner = bleach.Cleaner(
    tags=TAGS,
    attributes={"a": ["href"]},
    protocols=PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[
        partial(
            LinkifyFilter,
            callbacks=[_link_attributes],
            url_re=build_url_re(protocols=["http", "https"]),
            parse_email=True,
        )
    ],
)
_note_cleaner = bleach.Cleaner(
    tags=_WAGTAIL_TAGS,
    attributes={"a": ["href", "linktype", "id"]},
    protocols=PROTOCOLS,
    strip=True,
    strip_comments=True,
)


def rich_text_clean(markup: str, *, wagtail: bool = False) -> str:
    """The whitelisted HTML of ``markup``. ``wagtail`` keeps Wagtail's own
    rich-text format (internal links by id) for the meeting notes."""
    markup = _drop_dangerous_content(markup or "")
    if wagtail:
        return _note_cleaner.clean(markup).strip()
    return _post_cleaner.clean(_paragraphs(markup)).strip()


def is_blank(markup: str) -> bool:
    text = html.unescape(strip_tags(markup)).replace("\xa0", " ")
    return not text.strip()


def message_clean(raw: str) -> str:
    """A member's message as it will be stored, or InvalidMessage with the
    reason in words."""
    raw = raw or ""
    if len(raw) > MAX_LENGTH:
        raise InvalidMessage(
            _(
                "Your message is {length} characters long; the limit is "
                "{limit}. Shorten it or split it into two messages."
            ).format(length=f"{len(raw):,}".replace(",", "."), limit="20.000")
        )
    cleaned = rich_text_clean(raw)
    if is_blank(cleaned):
        raise InvalidMessage(
            _(
                "Your message is empty once formatting that is not allowed has "
                "been removed. Write your message as text."
            )
        )
    return cleaned
