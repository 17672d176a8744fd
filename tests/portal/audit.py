"""Helpers for the tests of the audit log (portal.core.audit)."""

from django.db.models import Model
from wagtail.models import ModelLogEntry, PageLogEntry


def entries(action: str, model=ModelLogEntry) -> list:
    return list(
        model.objects.filter(action=action).select_related("content_type", "user")
    )


def the_entry(action: str, *, on: Model, by=None, model=ModelLogEntry):
    """The one entry of ``action``; it concerns ``on`` and was made by
    ``by`` (None: the platform)."""
    found = entries(action, model)
    assert len(found) == 1, [e.action for e in found]
    entry = found[0]
    if model is PageLogEntry:
        assert entry.page_id == on.pk
    else:
        assert entry.object_id == str(on.pk)
        assert entry.content_type.model_class() is type(on)
    assert entry.user_id == (by.pk if by is not None else None)
    return entry


def assert_says_nothing_of(entry, *personal: str) -> None:
    """Neither the label nor the data of ``entry`` holds any of ``personal``."""
    text = f"{entry.label} {entry.data}".lower()
    for item in personal:
        assert item and item.lower() not in text, item


def audit_actions() -> list[str]:
    return sorted(
        {*ModelLogEntry.objects.values_list("action", flat=True)}
        | {*PageLogEntry.objects.values_list("action", flat=True)}
    )


def ours(actions: list[str]) -> list[str]:
    return [a for a in actions if a.startswith("leerkring.")]
