"""The text of a publication's files is read in a task: a long report never
holds up the adviser's publish."""

from django.utils import translation
from django_tasks import task

from .models import PublicationPage


@task()
def publication_texts_task(page_id: int) -> None:
    from .services import publication_texts_extract

    page = PublicationPage.objects.filter(pk=page_id).first()
    if page is None:
        return
    with translation.override("nl"):
        publication_texts_extract(page=page)
