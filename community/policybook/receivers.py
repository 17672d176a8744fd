"""The policy book's receiver of Wagtail's ``page_published``; connected in
``community.apps``. A signal rather than the admin's ``after_publish_page``
hook, because a revision is also published by the scheduler and from code,
and the waiting PDF must go public with it every time."""

from django.dispatch import receiver
from wagtail.signals import page_published

from .models import PolicyBookPage


@receiver(page_published, sender=PolicyBookPage, dispatch_uid="policybook.pdf")
def _pdf_public_with_its_revision(sender, instance: PolicyBookPage, **kwargs) -> None:
    from .services import policy_book_pdf_publish

    policy_book_pdf_publish(page=instance)
