"""Reactions of the knowledge app to Wagtail's page events."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from .models import AccessibilityStatementPage, InformationPage
from .selectors import footer_links_forget


@receiver(page_published, sender=InformationPage, dispatch_uid="knowledge.footer1")
@receiver(page_unpublished, sender=InformationPage, dispatch_uid="knowledge.footer2")
@receiver(page_slug_changed, sender=InformationPage, dispatch_uid="knowledge.footer3")
@receiver(post_delete, sender=InformationPage, dispatch_uid="knowledge.footer4")
@receiver(
    page_published, sender=AccessibilityStatementPage, dispatch_uid="knowledge.footer6"
)
@receiver(
    page_unpublished,
    sender=AccessibilityStatementPage,
    dispatch_uid="knowledge.footer7",
)
@receiver(
    page_slug_changed,
    sender=AccessibilityStatementPage,
    dispatch_uid="knowledge.footer8",
)
@receiver(
    post_delete, sender=AccessibilityStatementPage, dispatch_uid="knowledge.footer9"
)
@receiver(post_page_move, dispatch_uid="knowledge.footer5")
def _footer_changed(sender, **kwargs):
    footer_links_forget()
