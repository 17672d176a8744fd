"""Members write plain text in a textarea, as in an e-mail: a blank line
starts a paragraph, lines that start with "- " (or "1. ") make a list, web
addresses become links. Markup still works for those who type it (and for
messages written before), but only a small set of it survives, and nothing
that can run, load or restyle anything.

bleach does the actual whitelisting and always runs last, so the steps
before it only make the result tidier, never safer.
"""

import html
import re
from functools import partial

import bleach
from bleach.linkifier import LinkifyFilter, build_url_re
from django.utils.translation import gettext as _

from portal.core.sanitise import drop_dangerous_content, html_as_text, paragraphs

from .errors import InvalidMessage

MAX_LENGTH = 20_000
TAGS = frozenset({"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote"})
PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener"
# Draftail features for the advisers' meeting notes: the same formatting as
# posts, which Wagtail stores as <b> and <i> and internal links by id.
NOTE_FEATURES = ["bold", "italic", "ol", "ul", "blockquote", "link"]
_WAGTAIL_TAGS = TAGS | {"b", "i"}

_BLOCK_TAG = re.compile(r"<\s*(p|ul|ol|blockquote)\b", re.IGNORECASE)


def _drop_dangerous_content(markup: str) -> str:
    return drop_dangerous_content(markup, keep_attributes=True)


#: A list line: "- item", "* item", "• item"; or "1. item", "2) item".
_BULLET = re.compile(r"^\s*[-*•]\s+(?=\S)")
_NUMBER = re.compile(r"^\s*\d{1,3}[.)]\s+(?=\S)")


def _paragraphs(markup: str) -> str:
    """Plain text to paragraphs and lists; markup that has blocks of its
    own is left as it is."""
    if _BLOCK_TAG.search(markup):
        return markup
    blocks = re.split(r"\n\s*\n", markup.replace("\r\n", "\n"))
    return "".join(_block(block) for block in blocks if block.strip())


def _block(block: str) -> str:
    """One block of lines: runs of list lines become a list, the lines
    between them a paragraph with line breaks."""
    html_parts: list[str] = []
    run_kind, run = "", []
    for line in block.strip().split("\n"):
        kind = "ul" if _BULLET.match(line) else "ol" if _NUMBER.match(line) else "p"
        if kind != run_kind and run:
            html_parts.append(_run(run_kind, run))
            run = []
        run_kind = kind
        run.append(line)
    if run:
        html_parts.append(_run(run_kind, run))
    return "".join(html_parts)


def _run(kind: str, lines: list[str]) -> str:
    if kind == "p":
        return paragraphs("\n".join(lines), block_tag=_BLOCK_TAG, line_break="<br>\n")
    marker = _BULLET if kind == "ul" else _NUMBER
    items = "".join(f"<li>{marker.sub('', line).strip()}</li>" for line in lines)
    return f"<{kind}>{items}</{kind}>"


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


def plain_text_html(text: str) -> str:
    """The HTML of plain text, as a message typed in the textarea would get:
    paragraphs, "- " and "1. " lines as lists. Escaped first, so text that
    merely looks like markup ("<b>") shows as the text it is."""
    return rich_text_clean(html.escape(text or "", quote=False))


def is_blank(markup: str) -> bool:
    return not html_as_text(markup).strip()


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
