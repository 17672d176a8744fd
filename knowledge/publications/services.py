"""Reading the text of a publication's files into the search index."""

import logging

from django.db import transaction
from wagtail.search import index

from portal.accounts.access import document_restrictions

from .extraction import UnreadableFile, pdf_pages
from .models import PublicationPage, PublicationText

logger = logging.getLogger(__name__)


def _fingerprint(document) -> str:
    """Which content of the file was read: Wagtail's hash of an uploaded
    file, else its stored name and size (a replaced file gets a new name)."""
    return document.file_hash or f"{document.file.name}:{document.file_size or ''}"


def _read(document) -> tuple[str, list[str]]:
    """The status and page texts of ``document``; never raises."""
    Status = PublicationText.Status
    if document_restrictions(document):
        # A collection restriction is a rule of its own, apart from the
        # publication's: its text stays out of the search rather than
        # being shown to whoever may see the page.
        logger.info("Publication file %s not read: restricted", document.pk)
        return Status.RESTRICTED, []
    try:
        with document.open_file() as file:
            data = file.read()
        pages = pdf_pages(data, name=str(document.pk))
    except (UnreadableFile, OSError) as exc:
        logger.warning("Publication file %s has no text: %s", document.pk, exc)
        return Status.UNREADABLE, []
    if not any(pages):
        logger.warning("Publication file %s has no text layer", document.pk)
        return Status.NO_TEXT, pages
    return Status.READ, pages


@transaction.atomic
def publication_texts_extract(*, page: PublicationPage) -> list[PublicationText]:
    """Read the text of every file ``page`` has now (a file read before, and
    unchanged, is not read again), forget the text of files it no longer
    has, and index the page again with it."""
    files = list(page.files.select_related("document", "document__collection"))
    known = {text.document_id: text for text in page.texts.all()}
    texts = []
    for order, row in enumerate(files):
        document = row.document
        text = known.pop(document.pk, None) or PublicationText(
            page=page, document=document
        )
        fingerprint = _fingerprint(document)
        if text.pk is None or text.fingerprint != fingerprint:
            text.status, text.pages = _read(document)
            text.fingerprint = fingerprint
        text.sort_order = order
        text.full_clean(validate_unique=False)
        text.save()
        texts.append(text)
    PublicationText.objects.filter(pk__in=[t.pk for t in known.values()]).delete()
    page = PublicationPage.objects.prefetch_related("texts").get(pk=page.pk)
    index.insert_or_update_object(page)
    return texts
