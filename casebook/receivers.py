"""The casebook's part in a member's privacy rights (portal.accounts.signals)."""

from django.dispatch import receiver

from portal.accounts.signals import account_deleting, personal_data_requested

from .services import cases_delete_for_account, cases_export


@receiver(personal_data_requested, dispatch_uid="casebook.export")
def _export(sender, user, **kwargs):
    return ("cases", cases_export(user=user))


@receiver(account_deleting, dispatch_uid="casebook.delete")
def _erase(sender, user, **kwargs):
    cases_delete_for_account(user=user)
