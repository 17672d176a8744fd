"""A publication's PDF made by the platform itself (WeasyPrint), for the
demo library: one page of the PDF per page of text, so the page numbers
the search shows are the ones a reader sees."""

import datetime as dt
import logging
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation

# WeasyPrint logs every page it lays out at INFO.
logging.getLogger("weasyprint").setLevel(logging.WARNING)
PRINT_CSS = Path(__file__).with_name("print.css")


class PdfEngineMissing(Exception):
    """WeasyPrint cannot load: the server lacks Pango."""


def publication_pdf_render(
    *,
    title: str,
    kind: str,
    publisher: str,
    date: dt.date,
    pages: list[tuple[str, list[str]]],
) -> bytes:
    """The PDF of ``pages`` (a heading and paragraphs each). The same input
    gives the same bytes: its dates are the publication's, not today."""
    try:
        from weasyprint import CSS, HTML
        from weasyprint.urls import URLFetcher
    except OSError as exc:  # Pango missing: WeasyPrint fails on import
        raise PdfEngineMissing(str(exc)) from exc
    with translation.override("nl"):
        markup = render_to_string(
            "knowledge/publications/file_pdf.html",
            {
                "title": title,
                "kind": kind,
                "publisher": publisher,
                "date": date,
                "pages": pages,
            },
        )
    # Nothing is fetched: the text is all in the markup.
    fetcher = URLFetcher(allowed_protocols={"data"})
    document = HTML(string=markup, url_fetcher=fetcher, base_url="/")
    return document.write_pdf(
        stylesheets=[CSS(filename=str(PRINT_CSS))], pdf_variant="pdf/ua-1"
    )
