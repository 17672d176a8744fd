"""The audit log: what advisers (and the platform on its own) did to
accounts, cases, registrations, help requests and discussions.

It is Wagtail's own log, so advisers read it under Reports → Site history
(/admin/reports/site-history/), filtered by action, user, type and date,
with Wagtail's CSV and Excel export. An adviser sees the entries of every
type on which their group holds at least one permission (Wagtail's rule);
the data migrations of the apps give the Advisers group those permissions.

Rules for callers (the services):

- call it inside the service's ``transaction.atomic``, after the change, so
  that an action that fails leaves no entry;
- give a neutral ``label`` ("Account #12", "Case #3"): Wagtail stores it at
  logging time and shows it for good, also after the object is erased, so
  it must not hold a name or the text someone wrote;
- ``data`` holds small, non-personal facts only (old and new status,
  counts, ids), never free text.

Each app registers its actions, with a label for the filter and a message
for the list, in its ``wagtail_hooks`` (hook ``register_log_actions``).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import ngettext
from wagtail.log_actions import LogFormatter, log
from wagtail.models import ModelLogEntry

#: Action codes of this platform start with this, Wagtail's with "wagtail.".
PREFIX = "leerkring."

#: The object id of an entry about a whole list (an export) rather than one
#: row: no row has id 0, so the report finds no object and shows the label
#: without a link.
LIST_OBJECT_ID = "0"


def _acting(user: Any) -> Any:
    """The user an entry names: None for the platform or a visitor."""
    return user if user is not None and user.is_authenticated else None


def audit_log(
    *,
    instance: models.Model,
    action: str,
    user: Any = None,
    label: str,
    data: Mapping[str, Any] | None = None,
) -> Any:
    """Record ``action`` on ``instance`` by ``user`` (None: the platform, or
    the adviser of the admin request in progress). Returns the entry."""
    return log(
        instance=instance,
        action=action,
        user=_acting(user),
        title=str(label),
        data=dict(data or {}),
    )


def audit_log_list(
    *,
    model: type[models.Model],
    action: str,
    user: Any,
    label: str,
    data: Mapping[str, Any] | None = None,
) -> ModelLogEntry:
    """Record an action on a whole list of ``model`` (say, an export), which
    has no one object to hang the entry on."""
    return ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(model),
        object_id=LIST_OBJECT_ID,
        label=str(label),
        action=action,
        user=_acting(user),
        timestamp=timezone.now(),
        data=dict(data or {}),
    )


def audit_labels_neutralise(*, instance: models.Model, label: str) -> int:
    """Replace the label of every entry about ``instance`` (Wagtail's own
    entries store ``str(instance)``, a person's name for an account) by
    ``label``; called when the object is erased. Returns the count."""
    return ModelLogEntry.objects.for_instance(instance).update(label=str(label))


@dataclass(frozen=True)
class Counted:
    """A log message about a number of things: Dutch, like English, says
    "1 deelnemer" but "2 deelnemers". ``key`` names the number in the
    entry's data."""

    singular: str
    plural: str
    key: str

    def format(self, **data: Any) -> str:
        return ngettext(self.singular, self.plural, int(data[self.key])).format(**data)


def action_register(
    actions: Any, *, action: str, label: str, message: "str | Counted"
) -> None:
    """Register ``action`` with Wagtail's log (call from the hook
    ``register_log_actions``). ``label`` names it in the report's filter;
    ``message`` is shown in the list and may name keys of the entry's data,
    such as "{count}"; a message about a number is a ``Counted``."""

    class _Formatter(LogFormatter):
        def format_message(self, log_entry) -> str:
            data = log_entry.data or {}
            try:
                if isinstance(message, Counted):
                    return message.format(**data)
                return str(message).format(**data)
            except (KeyError, IndexError, ValueError, TypeError):
                # An entry written before the message named this key.
                return str(label)

    _Formatter.label = label
    actions.register_action(action)(_Formatter)
