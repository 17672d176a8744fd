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

import bleach
from django.utils.html import strip_tags

from portal.core.sanitise import drop_dangerous_content, paragraphs

#: Characters a member may type in one free-text field. Long enough for a
#: thorough case (about eight pages), short enough that a paste of a whole
#: chat log is refused with a message rather than stored. The anonymiser reads
#: every field of a case on each preview, and its time grows with the text:
#: three fields of 49,000 characters held a worker for 7.5 s.
MAX_LENGTH = 20_000
#: An adviser's edit of the anonymised text. Replacements such as
#: "[PERSOON-1]" make it longer than what the member typed, and the
#: anonymiser never reads it, so it gets more room.
MAX_REVIEWED_LENGTH = 50_000

TAGS = frozenset({"p", "br", "strong", "em", "ul", "ol", "li"})
# Block-level tags: where one line of text ends and the next begins.
BLOCK_TAGS = frozenset({"p", "br", "ul", "ol", "li"})
# The old spellings of bold and italic, kept as their current ones.
_RENAMED = {"b": "strong", "i": "em"}

_BLOCK_TAG = re.compile(r"<\s*(p|ul|ol)\b", re.IGNORECASE)

_cleaner = bleach.Cleaner(tags=TAGS, attributes={}, strip=True, strip_comments=True)


def _drop_dangerous_content(markup: str) -> str:
    return drop_dangerous_content(markup, renamed=_RENAMED)


def html_clean(raw: str) -> str:
    """The whitelisted HTML of what a member typed (HTML or plain text)."""
    markup = _drop_dangerous_content(raw)
    return _cleaner.clean(paragraphs(markup, block_tag=_BLOCK_TAG)).strip()


def html_text(markup: str) -> str:
    """The plain text of stored HTML, paragraphs on lines of their own."""
    spaced = re.sub(r"<(?:br|/p|/li)>", "\n", markup or "")
    return html.unescape(strip_tags(spaced)).replace("\xa0", " ").strip()


def is_blank(markup: str) -> bool:
    return not html_text(markup).strip()


def plain_clean(raw: str) -> str:
    """A one-line field: no markup at all, whitespace folded."""
    markup = _drop_dangerous_content(raw)
    spaced = re.sub(r"</?(?:br|p|li|ul|ol|div)\b[^>]*>", " ", markup)
    return " ".join(html.unescape(re.sub(r"<[^>]*>", "", spaced)).split())
