"""The newsletter's part in a member's privacy rights (see
portal.accounts.signals). A subscription is not tied to an account: it
belongs to the account when it is for one of the account's verified
addresses; unverified ones could be anyone's."""

from allauth.account.models import EmailAddress
from django.dispatch import receiver

from portal.accounts.signals import account_deleting, personal_data_requested

from .selectors import subscriptions_of
from .services import subscribers_erase


def _verified_addresses(user) -> list[str]:
    return list(
        EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
    )


@receiver(personal_data_requested, dispatch_uid="newsletter.export")
def _export(sender, user, **kwargs):
    return (
        "newsletter",
        [
            {
                "email": s.email,
                "name": s.name,
                "status": s.status,
                "signed_up_at": s.created_at,
                "confirmed_at": s.confirmed_at,
            }
            for s in subscriptions_of(emails=_verified_addresses(user))
        ],
    )


@receiver(account_deleting, dispatch_uid="newsletter.delete")
def _erase(sender, user, **kwargs):
    subscribers_erase(emails=_verified_addresses(user))
