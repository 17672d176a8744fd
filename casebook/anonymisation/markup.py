"""Anonymise the text of sanitised HTML, keeping its tags.

The case body arrives as HTML that bleach has already cleaned. The text of
all its nodes is anonymised as one text, so numbering is consistent across
paragraphs and a name split by inline markup ("<b>Jan</b> de Vries") is
still one name. Block elements end a line in that text, so words of two
paragraphs never run together into one name.

Offsets (of entities and of corrections) index :func:`html_text`, the plain
text of the HTML, not the HTML source. An attribute that contains personal
data (a ``mailto:`` link, a profile URL in ``href``, a ``title``) is
dropped: the link text is anonymised, its target cannot be shown.
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

from .engine import Entity, Span, anonymise

#: Elements after which the text starts a new line.
_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td "
    "tfoot th thead tr ul".split()
)
_CHECKED_ATTRIBUTES = frozenset({"href", "src", "title", "alt", "cite"})


@dataclass(frozen=True)
class AnonymisedHtml:
    #: The anonymised HTML: the same tags, replacements in the text.
    html: str
    #: The plain text of the original HTML, which the offsets index.
    text: str
    entities: tuple[Entity, ...]


@dataclass
class _Node:
    #: "text" for character data (unescaped), "markup" for a tag as output.
    kind: str
    value: str
    start: int = 0  # in the plain text, for text nodes
    end: int = 0
    attrs: tuple[tuple[str, str | None], ...] = ()
    tag: str = ""


class _Splitter(HTMLParser):
    """Splits HTML into tags and text nodes, and builds the plain text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.nodes: list[_Node] = []
        self.parts: list[str] = []
        self.length = 0

    def _newline(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")
            self.length += 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._newline()
        self.nodes.append(_Node("tag", "", attrs=tuple(attrs), tag=tag))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.nodes[-1].kind = "empty-tag"
        if tag in _BLOCKS:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        self.nodes.append(_Node("markup", f"</{tag}>"))
        if tag in _BLOCKS:
            self._newline()

    def handle_data(self, data: str) -> None:
        self.nodes.append(_Node("text", data, self.length, self.length + len(data)))
        self.parts.append(data)
        self.length += len(data)

    # Comments, doctypes and processing instructions are not content.
    def handle_comment(self, data: str) -> None:
        pass

    def handle_decl(self, decl: str) -> None:
        pass

    def handle_pi(self, data: str) -> None:
        pass

    def unknown_decl(self, data: str) -> None:
        pass


def _split(source: str) -> _Splitter:
    splitter = _Splitter()
    splitter.feed(source)
    splitter.close()
    return splitter


def html_text(source: str) -> str:
    """The plain text of ``source`` that :func:`anonymise_html` works on."""
    return "".join(_split(source).parts)


def _default_mark(entity: Entity) -> str:
    return html.escape(entity.replacement)


def anonymise_html(
    source: str,
    *,
    extra: Sequence[Span] = (),
    keep: Sequence[Span] = (),
    mark: Callable[[Entity], str] | None = None,
) -> AnonymisedHtml:
    """Anonymise the text nodes of ``source``.

    ``mark`` renders a replacement as HTML (for a preview that highlights
    each one, e.g. ``<mark data-label="…">``); by default the escaped
    replacement text. Its output is inserted as is.
    """
    splitter = _split(source)
    text = "".join(splitter.parts)
    result = anonymise(text, extra=extra, keep=keep)
    index = _EntityIndex(result.entities)
    render = mark or _default_mark
    output = [_render_node(node, index, render) for node in splitter.nodes]
    return AnonymisedHtml(html="".join(output), text=text, entities=result.entities)


class _EntityIndex:
    """The entities inside a text node in logarithmic time (a long case body
    has thousands of nodes and of entities)."""

    def __init__(self, entities: tuple[Entity, ...]) -> None:
        self.entities = entities
        # Entities do not overlap: their ends are in order as their starts are.
        self.starts = [entity.start for entity in entities]
        self.ends = [entity.end for entity in entities]

    def within(self, start: int, end: int) -> tuple[Entity, ...]:
        low = bisect.bisect_right(self.ends, start)
        high = bisect.bisect_left(self.starts, end)
        return self.entities[low:high]


def _render_node(
    node: _Node, index: _EntityIndex, mark: Callable[[Entity], str]
) -> str:
    if node.kind == "markup":
        return node.value
    if node.kind in {"tag", "empty-tag"}:
        return _start_tag(node)
    pieces: list[str] = []
    position = node.start
    for entity in index.within(node.start, node.end):
        if entity.start > position:
            pieces.append(
                html.escape(_slice(node, position, entity.start), quote=False)
            )
        if entity.start >= node.start:
            pieces.append(mark(entity))  # the rest of a split entity is dropped
        position = min(entity.end, node.end)
    if position < node.end:
        pieces.append(html.escape(_slice(node, position, node.end), quote=False))
    return "".join(pieces)


def _slice(node: _Node, start: int, end: int) -> str:
    return node.value[start - node.start : end - node.start]


def _start_tag(node: _Node) -> str:
    attributes = []
    for name, value in node.attrs:
        if value is None:
            attributes.append(f" {name}")
            continue
        if name in _CHECKED_ATTRIBUTES and anonymise(value).entities:
            continue
        attributes.append(f' {name}="{html.escape(value, quote=True)}"')
    close = " /" if node.kind == "empty-tag" else ""
    return f"<{node.tag}{''.join(attributes)}{close}>"
