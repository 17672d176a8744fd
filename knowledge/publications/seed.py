"""The demo library (see ``manage.py load_demo``): the publications of
seed_content, each with a PDF the platform prints itself, linked from their
news items. Publishing them has their text read (receivers.py), so the
site search finds words inside the PDFs on a fresh ``make run``."""

import logging

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from portal.core.demo import Report, child_ensure

from . import seed_content as content
from .models import (
    NewsPublicationLink,
    PublicationFile,
    PublicationIndexPage,
    PublicationKind,
    PublicationPage,
)
from .render import PdfEngineMissing, publication_pdf_render

logger = logging.getLogger(__name__)


def _document(*, spec: dict, file: dict):
    """The PDF of ``file`` as a Wagtail document, or None without Pango."""
    try:
        data = publication_pdf_render(
            title=spec["title"],
            kind=str(PublicationKind(spec["kind"]).label),
            publisher=spec["publisher"],
            date=spec["date"],
            pages=file["pages"],
        )
    except PdfEngineMissing as exc:
        logger.warning("Demo publication %s without its PDF: %s", spec["slug"], exc)
        return None
    document = get_document_model()(
        title=file["title"], collection=Collection.get_first_root_node()
    )
    document.file.save(file["filename"], ContentFile(data), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def _attach_files(page: PublicationPage, spec: dict) -> None:
    for file in spec["files"]:
        document = _document(spec=spec, file=file)
        if document is not None:
            page.files.add(PublicationFile(document=document))
    page.tags.set(spec["tags"])


def _link_news(page: PublicationPage, titles: list[str]) -> None:
    """The news items about ``page`` point to it, in a published revision
    (the editor starts from the latest one)."""
    from ..models import NewsPage

    for news in NewsPage.objects.filter(title__in=titles):
        news.publication_links.add(NewsPublicationLink(publication=page))
        news.save_revision().publish()


def _restrict_to_members(page: Page) -> None:
    from ..seed import _restrict_to_members as restrict

    restrict(page)


def publications_build(*, home: Page, report: Report) -> PublicationIndexPage:
    from ..models import ThemePage

    library = child_ensure(
        parent=home,
        model=PublicationIndexPage,
        slug=content.LIBRARY["slug"],
        fields={
            "title": content.LIBRARY["title"],
            "intro": content.LIBRARY["intro"],
            "show_in_menus": True,
        },
        report=report,
    )
    themes = {page.slug: page for page in ThemePage.objects.all()}
    for spec in content.PUBLICATIONS:
        existed = (
            PublicationPage.objects.child_of(library).filter(slug=spec["slug"]).exists()
        )
        if spec["members_only"] and not existed:
            # Restricted before it is published: its text is never public.
            page = PublicationPage(
                slug=spec["slug"], **_fields(spec, themes), live=False
            )
            _attach_files(page, spec)
            library.add_child(instance=page)
            _restrict_to_members(page)
            page.save_revision().publish()
            report(True)
        else:
            page = child_ensure(
                parent=library,
                model=PublicationPage,
                slug=spec["slug"],
                fields=_fields(spec, themes),
                report=report,
                prepare=lambda page, spec=spec: _attach_files(page, spec),
            )
        if not existed:
            _link_news(page, spec["news"])
    return library


def _fields(spec: dict, themes: dict) -> dict:
    return {
        "title": spec["title"],
        "kind": spec["kind"],
        "date": spec["date"],
        "publisher": spec["publisher"],
        "theme": themes.get(spec["theme"]),
        "summary": spec["summary"],
    }
