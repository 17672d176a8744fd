"""Publishing a publication, or replacing one of its files, has its text
read again (connected in knowledge.apps)."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.signals import page_published

from .models import PublicationFile, PublicationPage
from .tasks import publication_texts_task


@receiver(page_published, sender=PublicationPage, dispatch_uid="knowledge.pub_text")
def _read_after_publish(sender, instance, **kwargs) -> None:
    # Not on commit: the task backend stores the task in the same
    # transaction (the immediate backend of development and the tests runs
    # it here, with the published rows in view).
    publication_texts_task.enqueue(instance.pk)


@receiver(post_save, sender=get_document_model(), dispatch_uid="knowledge.pub_file")
def _read_after_replace(sender, instance, created, **kwargs) -> None:
    if created:
        return  # a new file belongs to no publication yet
    pages = PublicationFile.objects.filter(
        document=instance, page__live=True
    ).values_list("page_id", flat=True)
    for page_id in sorted(set(pages)):
        publication_texts_task.enqueue(page_id)
