from allauth.account.signals import email_confirmed
from django.dispatch import receiver

from .services import account_request_verified


@receiver(email_confirmed, dispatch_uid="accounts.request_verified")
def _request_verified(sender, request, email_address, **kwargs) -> None:
    account_request_verified(user=email_address.user)
