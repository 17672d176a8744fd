"""Signals through which other apps take part in a member's privacy rights,
without the accounts app knowing them.

personal_data_requested(sender=User, user)
    Receivers return a ``(section, data)`` pair: a short key such as
    ``"registrations"`` and JSON-serialisable data about ``user``.

account_deleting(sender=User, user)
    Sent inside the deletion transaction, before the user row goes. Receivers
    erase or anonymise what their app holds about ``user``, keeping only what
    the law requires (aggregate counts, published anonymised text).
"""

from django.dispatch import Signal

personal_data_requested = Signal()
account_deleting = Signal()
