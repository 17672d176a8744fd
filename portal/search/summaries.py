"""The plain texts of a page that a search result may quote: its summary
first, then the text of its body."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.safestring import SafeString
from wagtail.blocks import StreamValue
from wagtail.models import Page
from wagtail.rich_text import RichText

from portal.core.sanitise import html_as_text

from .text import highlight

# A page type may define ``search_summary`` (an attribute or a method) when its
# summary lives elsewhere; otherwise the first of these that has text.
SUMMARY_FIELDS = ("search_summary", "intro", "teaser", "search_description")
MAX_BODY_TEXTS = 20


def _plain(value: object) -> str:
    if isinstance(value, RichText):
        value = value.source
    if not isinstance(value, str):
        return ""
    # Rich text is HTML: the excerpt escapes again, so decode entities here.
    return html_as_text(value).strip()


def _raw_texts(raw: object) -> Iterable[str]:
    """Texts in a StreamField's stored JSON. The raw form, because turning it
    into block values would query every chosen page, document and snippet:
    a query per result."""
    if isinstance(raw, dict):
        if "type" in raw and "value" in raw:  # a block: skip its type and id
            yield from _raw_texts(raw["value"])
        else:
            for child in raw.values():
                yield from _raw_texts(child)
    elif isinstance(raw, list | tuple):
        for child in raw:
            yield from _raw_texts(child)
    elif text := _plain(raw):
        yield text


def _body_texts(body: object) -> Iterable[str]:
    if isinstance(body, StreamValue):
        yield from _raw_texts(list(body.raw_data))
    elif text := _plain(body):
        yield text


def page_texts(page: Page) -> list[str]:
    """The summary, then up to MAX_BODY_TEXTS texts from ``page.body``."""
    texts = []
    for name in SUMMARY_FIELDS:
        value = getattr(page, name, "")
        if callable(value):
            value = value()
        if text := _plain(value):
            texts.append(text)
            break
    for text in _body_texts(getattr(page, "body", None)):
        texts.append(text)
        if len(texts) > MAX_BODY_TEXTS:
            break
    return texts


@dataclass(frozen=True)
class Excerpt:
    """What a search result quotes, and where in the page it comes from
    when that is not the page itself ("pagina 3 van Fenomeenkaart")."""

    text: SafeString
    where: str = ""


def page_excerpt(page: Page, terms: list[str]) -> Excerpt:
    """The excerpt of ``page`` for ``terms``. A page type may quote from
    elsewhere (a publication from its files) with a method
    ``search_excerpt(terms)`` that returns an Excerpt, or None to quote the
    page as any other."""
    custom = getattr(page, "search_excerpt", None)
    if callable(custom) and (found := custom(terms)) is not None:
        return found
    return Excerpt(highlight(page_texts(page), terms))
