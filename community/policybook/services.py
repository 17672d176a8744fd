"""Building the policy book: collect, save the web edition as a draft
revision, render and store the PDF. Building a half year again updates the
same page and document, and gives the same content and the same PDF bytes.
A published book's public PDF is never touched by a build: the new PDF
waits with the draft revision until it is published."""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, Site

from .content import book_content
from .errors import PolicyBookError
from .models import (
    PolicyBookBuild,
    PolicyBookChapter,
    PolicyBookIndexPage,
    PolicyBookPage,
)
from .periods import HalfYear, half_year_parse
from .render import policy_book_pdf_render

logger = logging.getLogger(__name__)


def build_start(*, period: str, by=None) -> PolicyBookBuild:
    """Record a build of ``period`` (PolicyBookError when it is not a half
    year) and hand it to the task queue."""
    from .tasks import policy_book_build_task

    half_year = half_year_parse(period)
    build = PolicyBookBuild.objects.create(period=half_year.code, requested_by=by)
    # Not on commit: the build row is saved already, and the task reports
    # its own failures on it.
    policy_book_build_task.enqueue(build.pk)
    build.refresh_from_db()
    return build


def _progress(build: PolicyBookBuild, *, step: str, percent: int, **fields) -> None:
    # Saved at once (outside any transaction) so the admin page sees it.
    PolicyBookBuild.objects.filter(pk=build.pk).update(
        step=step, percent=percent, **fields
    )


def build_run(*, build: PolicyBookBuild) -> PolicyBookPage | None:
    """Run ``build``; failures are recorded on it, never raised."""
    Status = PolicyBookBuild.Status
    try:
        period = half_year_parse(build.period)
        _progress(
            build, step=_("Reading the discussions"), percent=5, status=Status.RUNNING
        )
        page = policy_book_build(
            period=period,
            progress=lambda step, percent: _progress(build, step=step, percent=percent),
        )
    except PolicyBookError as exc:
        _progress(
            build,
            step="",
            percent=0,
            status=Status.FAILED,
            error=str(exc),
            finished_at=timezone.now(),
        )
        return None
    except Exception:
        logger.exception("Policy book %s failed", build.period)
        _progress(
            build,
            step="",
            percent=0,
            status=Status.FAILED,
            error=_(
                "The book could not be built. Try again, or ask the "
                "technical administrator to look at the server log."
            ),
            finished_at=timezone.now(),
        )
        return None
    _progress(
        build,
        step=_("Ready"),
        percent=100,
        status=Status.DONE,
        page_id=page.pk,
        finished_at=timezone.now(),
    )
    return page


def policy_book_build(*, period: HalfYear, progress=None) -> PolicyBookPage:
    """Build (or build again) the book of ``period`` as a draft revision."""
    progress = progress or (lambda step, percent: None)
    content = book_content(
        period=period,
        progress=lambda done: progress(_("Reading the discussions"), 5 + done // 2),
    )
    progress(_("Saving the web edition"), 60)
    with transaction.atomic():
        page, draft = _page_and_draft(period)
        draft.title = page.title
        draft.activity = content.activity
        draft.chapters = _chapters(draft, content.chapters)
        progress(_("Making the PDF"), 70)
        _pdf_for_draft(
            page, draft, pdf=policy_book_pdf_render(page=draft, period=period)
        )
        progress(_("Saving the web edition"), 90)
        _draft_save(page, draft)
    return page


def _index() -> PolicyBookIndexPage:
    index = PolicyBookIndexPage.objects.first()
    if index is not None:
        return index
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    root = site.root_page if site else Page.get_first_root_node()
    index = PolicyBookIndexPage(title=_("Policy books"), slug="beleidsboeken")
    root.add_child(instance=index)
    index.save_revision().publish()
    return index


def _page_and_draft(period: HalfYear) -> tuple[PolicyBookPage, PolicyBookPage]:
    """The half year's page (made when new) and its latest revision, which
    has the adviser's introduction and order of themes."""
    page = PolicyBookPage.objects.select_for_update().filter(period=period.code).first()
    if page is None:
        title = _("Policy book {period}").format(period=period.label())
        page = PolicyBookPage(
            title=title,
            slug=f"beleidsboek-{period.code.lower()}",
            period=period.code,
            live=False,
            intro="<p>{}</p>".format(
                _(
                    "What the community of practice discussed in the {period}: "
                    "per theme the questions raised, the conclusions and the "
                    "proposed solutions."
                ).format(period=period.label())
            ),
        )
        _index().add_child(instance=page)
        return page, page
    return page, page.get_latest_revision_as_object()


def _chapters(draft: PolicyBookPage, chapters) -> list[PolicyBookChapter]:
    """New chapters in the adviser's order; new themes after, in theirs."""
    before = {c.theme_slug: (i, c.title) for i, c in enumerate(draft.chapters.all())}
    made = [
        PolicyBookChapter(
            theme_slug=theme.slug,
            title=before.get(theme.slug, (0, theme.name))[1],
            content=content,
        )
        for theme, content in chapters
    ]
    made.sort(key=lambda c: before.get(c.theme_slug, (len(before), ""))[0])
    for order, chapter in enumerate(made):
        chapter.sort_order = order
    return made


def _pdf_store(*, pdf: bytes, document, title: str, filename: str):
    """The same Document each time; its file replaced only when it changed."""
    Document = get_document_model()
    digest = hashlib.sha1(pdf, usedforsecurity=False).hexdigest()
    if document is not None and document.file_hash == digest:
        return document
    if document is None:
        document = Document(title=title, collection=Collection.get_first_root_node())
    elif document.file:
        document.file.delete(save=False)
    document.title = title
    document.file.save(filename, ContentFile(pdf), save=False)
    document.file_size = len(pdf)
    document.file_hash = digest
    document.save()
    return document


def _pdf_title(page: PolicyBookPage) -> str:
    return _("{title} (PDF)").format(title=page.title)


def _pdf_filename(page: PolicyBookPage) -> str:
    return f"beleidsboek-{page.period}.pdf"


def _pdf_for_draft(page: PolicyBookPage, draft: PolicyBookPage, *, pdf: bytes) -> None:
    """Store the new PDF with ``draft``. A book never published keeps one
    document, as unpublished as its page. A published book's document is
    the public PDF: the new one waits in ``draft_pdf`` until the draft is
    published, and nothing waits when it would be the same bytes."""
    if not page.live:
        draft.pdf = _pdf_store(
            pdf=pdf,
            document=draft.pdf,
            title=_pdf_title(page),
            filename=_pdf_filename(page),
        )
        draft.draft_pdf = None
        return
    draft.pdf = page.pdf
    digest = hashlib.sha1(pdf, usedforsecurity=False).hexdigest()
    waiting = draft.draft_pdf if draft.draft_pdf_id != page.pdf_id else None
    if page.pdf is not None and page.pdf.file_hash == digest:
        _document_delete(waiting)
        draft.draft_pdf = None
        return
    draft.draft_pdf = _pdf_store(
        pdf=pdf, document=waiting, title=_pdf_title(page), filename=_pdf_filename(page)
    )


def _document_delete(document) -> None:
    if document is not None:
        document.file.delete(save=False)
        document.delete()


def _serialised(page: PolicyBookPage) -> dict:
    data = page.serializable_data()
    keep = ("title", "intro", "activity", "pdf", "draft_pdf")
    chapters = [
        {k: c[k] for k in ("theme_slug", "title", "content", "sort_order")}
        for c in data.get("chapters", [])
    ]
    return {**{k: data.get(k) for k in keep}, "chapters": chapters}


def _draft_save(page: PolicyBookPage, draft: PolicyBookPage) -> None:
    """A new revision only when something changed: building twice leaves
    one revision, so the adviser's history stays readable."""
    latest = page.get_latest_revision()
    if latest is not None and _serialised(latest.as_object()) == _serialised(draft):
        return
    if not page.live:
        # A page that was never published shows its draft content everywhere.
        draft.save()
    draft.save_revision()
    if page.live:
        # The public PDF stays; the row records the waiting one so that
        # serving it stays an adviser's matter (hooks).
        PolicyBookPage.objects.filter(pk=page.pk).update(draft_pdf=draft.draft_pdf)
    else:
        PolicyBookPage.objects.filter(pk=page.pk).update(
            pdf=draft.pdf, draft_pdf=draft.draft_pdf
        )


def policy_book_pdf_publish(*, page: PolicyBookPage) -> None:
    """``page`` has just been published: the PDF that waited with its
    revision becomes the public one. Its bytes go into the public document
    (same address), and the waiting document is removed."""
    page = PolicyBookPage.objects.select_related("pdf", "draft_pdf").get(pk=page.pk)
    waiting = page.draft_pdf
    if waiting is None:
        return
    with transaction.atomic():
        if page.pdf is None or page.pdf_id == waiting.pk:
            public = waiting
        else:
            with waiting.file.open("rb") as source:
                pdf = source.read()
            public = _pdf_store(
                pdf=pdf,
                document=page.pdf,
                title=_pdf_title(page),
                filename=_pdf_filename(page),
            )
            _document_delete(waiting)
        PolicyBookPage.objects.filter(pk=page.pk).update(pdf=public, draft_pdf=None)


def policy_book_pdf_refresh(*, page: PolicyBookPage) -> None:
    """The PDF of the live page, stored in the page's own document."""
    period = half_year_parse(page.period)
    with transaction.atomic():
        document = _pdf_store(
            pdf=policy_book_pdf_render(page=page, period=period),
            document=page.pdf,
            title=_pdf_title(page),
            filename=_pdf_filename(page),
        )
        PolicyBookPage.objects.filter(pk=page.pk).update(pdf=document)
