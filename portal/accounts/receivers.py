from allauth.account.signals import email_confirmed
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from django.db.models.signals import post_delete
from django.dispatch import receiver

from portal.core.audit import audit_labels_neutralise

from .models import User
from .second_factor import record_second_factor
from .services import account_audit_label, account_request_verified


@receiver(email_confirmed, dispatch_uid="accounts.request_verified")
def _request_verified(sender, request, email_address, **kwargs) -> None:
    account_request_verified(user=email_address.user)


@receiver(post_delete, sender=User, dispatch_uid="accounts.audit_labels")
def _audit_labels_neutralise(sender, instance: User, **kwargs) -> None:
    """Wagtail's own entries (its user admin) are labelled with the name;
    whichever way an account is deleted, its entries keep only the number."""
    audit_labels_neutralise(instance=instance, label=account_audit_label(instance))


@receiver(authenticator_added, dispatch_uid="accounts.second_factor_on_activation")
def _second_factor_on_activation(
    sender, request, user, authenticator: Authenticator, **kwargs
) -> None:
    """The adviser who has just set up the authenticator app entered one of
    its codes to do so: that session passed the second factor. Recovery codes
    are made without proving anything, so they do not count."""
    if request is not None and authenticator.type == Authenticator.Type.TOTP:
        record_second_factor(request, user, authenticator)
