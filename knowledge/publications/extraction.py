"""The text of a PDF, page by page, with pypdf. Pure: bytes in, texts out.

Advisers upload whatever they have: a damaged download, a PDF locked with a
password, a Word file renamed to .pdf. None of that may stop the
publication: such a file gives a logged warning and no text, and the
publication is found by its title and summary only.
"""

import io
import logging
import unicodedata

from pypdf import PdfReader

logger = logging.getLogger(__name__)

# Enough for any report; a file beyond it is read up to here. The index
# holds the text, so a runaway file must not fill it.
MAX_PAGES = 400
MAX_PAGE_CHARS = 20_000

# pypdf reports every oddity of a damaged file at WARNING, many times per
# page: this module says once what happened to the file instead.
logging.getLogger("pypdf").setLevel(logging.ERROR)


class UnreadableFile(Exception):
    """The file is no PDF, is damaged, or is locked with a password."""


def _clean(text: str) -> str:
    """Whitespace collapsed and control characters gone (PostgreSQL refuses
    NUL in text; a PDF's text layer holds all sorts)."""
    text = "".join(
        " " if unicodedata.category(char).startswith("C") else char for char in text
    )
    return " ".join(text.split())[:MAX_PAGE_CHARS]


def _reader(data: bytes) -> PdfReader:
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise UnreadableFile("no PDF")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableFile("locked with a password")
        reader.pages[0]  # noqa: B018 - reading the page tree finds most damage
    except UnreadableFile:
        raise
    except Exception as exc:  # pypdf raises many kinds on a damaged file
        raise UnreadableFile(f"damaged ({type(exc).__name__}: {exc})") from exc
    return reader


def pdf_pages(data: bytes, *, name: str = "") -> list[str]:
    """The text of each page of the PDF ``data``, in order (a page without
    text gives ""). Raises UnreadableFile when there is no PDF to read."""
    reader = _reader(data)
    texts = []
    for number, page in enumerate(reader.pages, start=1):
        if number > MAX_PAGES:
            logger.warning("Publication file %s: read up to page %d", name, MAX_PAGES)
            break
        try:
            texts.append(_clean(page.extract_text() or ""))
        except Exception as exc:  # one damaged page leaves the others readable
            logger.warning(
                "Publication file %s: page %d unreadable (%s)", name, number, exc
            )
            texts.append("")
    return texts
