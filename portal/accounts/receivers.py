from allauth.account.signals import email_confirmed
from django.db.models.signals import post_delete
from django.dispatch import receiver

from portal.core.audit import audit_labels_neutralise

from .models import User
from .services import account_audit_label, account_request_verified


@receiver(email_confirmed, dispatch_uid="accounts.request_verified")
def _request_verified(sender, request, email_address, **kwargs) -> None:
    account_request_verified(user=email_address.user)


@receiver(post_delete, sender=User, dispatch_uid="accounts.audit_labels")
def _audit_labels_neutralise(sender, instance: User, **kwargs) -> None:
    """Wagtail's own entries (its user admin) are labelled with the name;
    whichever way an account is deleted, its entries keep only the number."""
    audit_labels_neutralise(instance=instance, label=account_audit_label(instance))
