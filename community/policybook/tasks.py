"""The build runs as a task, so a long book never holds up a request."""

from django.utils import translation
from django_tasks import task

from .models import PolicyBookBuild, PolicyBookPage


@task()
def policy_book_build_task(build_id: int) -> None:
    from .services import build_run

    build = PolicyBookBuild.objects.filter(pk=build_id).first()
    if build is None:
        return
    with translation.override("nl"):
        build_run(build=build)


@task()
def policy_book_pdf_task(page_id: int) -> None:
    """Make the PDF again from the published page, after the adviser has
    edited the introduction or the order of the themes."""
    from .services import policy_book_pdf_refresh

    page = PolicyBookPage.objects.filter(pk=page_id).first()
    if page is None:
        return
    with translation.override("nl"):
        policy_book_pdf_refresh(page=page)
