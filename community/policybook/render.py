"""The book's context for the web page and the PDF, and the PDF itself."""

import base64
import logging
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from willow.image import UnrecognisedImageFormatError

from .charts import Bar, bar_chart_svg
from .errors import PolicyBookError
from .models import DEFAULT_PUBLISHER, PublicationSettings

logger = logging.getLogger(__name__)

PRINT_CSS = Path(__file__).with_name("print.css")

# A logo the size of the cover's top: a photo-sized upload would otherwise
# go into every PDF whole.
LOGO_FILTER = "max-600x200|format-png"

# WeasyPrint logs every page it lays out at INFO: hundreds of lines per book
# in the task log.
logging.getLogger("weasyprint").setLevel(logging.WARNING)


def _measures() -> list[tuple[str, str]]:
    return [
        ("threads", _("Discussions per theme")),
        ("posts", _("Messages per theme")),
        ("meetings", _("Meetings per theme")),
        ("participants", _("Participants per theme")),
    ]


def activity_charts(*, activity: list[dict], prefix: str) -> list[dict]:
    """One chart per measure, each with its own ids on the page."""
    charts = []
    for key, title in _measures():
        bars = [Bar(label=row["theme"], value=row[key]) for row in activity]
        desc = "; ".join(f"{bar.label}: {bar.value}" for bar in bars)
        charts.append(
            {
                "title": title,
                "svg": bar_chart_svg(
                    chart_id=f"{prefix}-{key}", title=title, desc=desc, bars=bars
                ),
            }
        )
    return charts


def book_context(*, page) -> dict:
    chapters = list(page.chapters.all())
    for number, chapter in enumerate(chapters, start=1):
        chapter.number = number
        chapter.anchor = f"thema-{chapter.theme_slug or number}"
    return {
        "chapters": chapters,
        "activity": page.activity,
        "charts": activity_charts(activity=page.activity, prefix="activiteit"),
        "has_discussions": any(row["posts"] for row in page.activity),
    }


def _logo_data_uri(image) -> str:
    """The logo as a data: address, the one kind the PDF's fetcher allows.
    A logo that cannot be read leaves the cover without one: the book is
    still made, and the log says why."""
    if image is None:
        return ""
    try:
        if image.is_svg():
            with image.open_file() as file:
                data, mime = file.read(), "image/svg+xml"
        else:
            rendition = image.get_rendition(LOGO_FILTER)
            with rendition.file.open("rb") as file:
                data, mime = file.read(), "image/png"
    # SourceImageIOError (file gone) is an OSError too.
    except (OSError, UnrecognisedImageFormatError) as exc:
        logger.warning("Policy book logo %s left out: %s", image.pk, exc)
        return ""
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def publication_context() -> dict:
    """The publisher's name, logo and colophon text from the advisers'
    publication details."""
    details = PublicationSettings.load()
    publisher = details.publisher.strip() or DEFAULT_PUBLISHER
    return {
        "publisher": publisher,
        "logo": _logo_data_uri(details.logo),
        "logo_alt": _("Logo of {publisher}").format(publisher=publisher),
        "colophon": details.colophon.strip(),
    }


def policy_book_pdf_render(*, page, period) -> bytes:
    """The PDF of ``page`` (saved or not). Same page, same bytes: the
    document's dates are the end of the half year, never the build time."""
    try:
        from weasyprint import CSS, HTML
        from weasyprint.urls import URLFetcher
    except OSError as exc:  # Pango missing: WeasyPrint fails on import
        raise PolicyBookError(
            _(
                "The PDF cannot be made: the server lacks the Pango library "
                "WeasyPrint needs ({error})."
            ).format(error=exc)
        ) from exc

    # Everything the PDF needs is in the HTML: nothing is fetched, so no text
    # in a post could make the server request an address.
    fetcher = URLFetcher(allowed_protocols={"data"})

    context = book_context(page=page)
    context.update(
        {
            "page": page,
            "period": period,
            "created": period.last_day,
            "publication": publication_context(),
        }
    )
    markup = render_to_string("community/policybook/pdf.html", context)
    document = HTML(string=markup, url_fetcher=fetcher, base_url="/")
    # PDF/UA-1 tags the document (headings, lists, tables, figures with the
    # charts' titles as alternative text) and shows its title: Dutch
    # government publications must be accessible.
    return document.write_pdf(
        stylesheets=[CSS(filename=str(PRINT_CSS))], pdf_variant="pdf/ua-1"
    )
