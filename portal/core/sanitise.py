"""What every app's sanitiser of members' text does before bleach: drop the
elements whose content is code or styling (not just their tags), and turn
plain text typed in a textarea into paragraphs.

bleach does the actual whitelisting in each app and always runs last, so
these steps only make the result tidier, never safer.
"""

import html
import re
from collections.abc import Mapping
from html.parser import HTMLParser

from django.utils.html import strip_tags

# Whose content is dropped as well as the tag: their text is code, styling
# or markup, never part of what a member wrote.
DROP_WITH_CONTENT = frozenset(
    {
        "script", "style", "svg", "math", "iframe", "object", "embed", "template",
        "noscript", "textarea", "select", "title", "head", "xmp", "noembed",
    }
)  # fmt: skip


class _ContentDropper(HTMLParser):
    """Re-emits the markup without the dangerous elements and their content;
    attributes are kept (escaped) or dropped, tags renamed on the way."""

    def __init__(self, *, keep_attributes: bool, renamed: Mapping[str, str]) -> None:
        super().__init__(convert_charrefs=True)
        self.keep_attributes = keep_attributes
        self.renamed = renamed
        self.out: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in DROP_WITH_CONTENT:
            self.depth += 1
        elif not self.depth:
            rendered = ""
            if self.keep_attributes:
                rendered = "".join(
                    f' {name}="{html.escape(value or "", quote=True)}"'
                    for name, value in attrs
                )
            self.out.append(f"<{self.renamed.get(tag, tag)}{rendered}>")

    def handle_startendtag(self, tag, attrs):
        if tag not in DROP_WITH_CONTENT and not self.depth:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in DROP_WITH_CONTENT:
            self.depth = max(self.depth - 1, 0)
        elif not self.depth:
            self.out.append(f"</{self.renamed.get(tag, tag)}>")

    def handle_data(self, data):
        if not self.depth:
            self.out.append(html.escape(data, quote=False))


def drop_dangerous_content(
    markup: str,
    *,
    keep_attributes: bool = False,
    renamed: Mapping[str, str] | None = None,
) -> str:
    """``markup`` without scripts, styles, SVG and the like, content and all,
    and without NUL characters."""
    parser = _ContentDropper(keep_attributes=keep_attributes, renamed=renamed or {})
    parser.feed((markup or "").replace("\x00", ""))
    parser.close()
    return "".join(parser.out)


def paragraphs(markup: str, *, block_tag: re.Pattern, line_break: str = "<br>") -> str:
    """Plain text typed in a textarea: blank lines start paragraphs, single
    line breaks stay line breaks. Markup that already has blocks (matching
    ``block_tag``) is left as it is."""
    if block_tag.search(markup):
        return markup
    blocks = [b.strip() for b in re.split(r"\n\s*\n", markup.replace("\r\n", "\n"))]
    return "".join("<p>{}</p>".format(b.replace("\n", line_break)) for b in blocks if b)


def html_as_text(markup: str) -> str:
    """The words of stored HTML as a reader sees them: tags dropped,
    entities decoded, non-breaking spaces as spaces."""
    return html.unescape(strip_tags(markup or "")).replace("\xa0", " ")
