"""Mijn Leerkring: the sections of a member's own overview. Each app that
keeps something for a member registers a section in its AppConfig.ready(),
so the accounts app needs to know none of them.

A section's ``items`` runs a fixed number of queries, however much the
member has: the overview's query budget test holds every section to that.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

from .models import User

#: What a section shows for one member; None when there is nothing to show.
Items = Callable[[User], Mapping[str, Any] | None]


@dataclass(frozen=True)
class OverviewSection:
    key: str
    title: str | Promise
    template: str
    items: Items
    order: int


@dataclass(frozen=True)
class FilledSection:
    section: OverviewSection
    context: Mapping[str, Any]


_sections: dict[str, OverviewSection] = {}


def register_overview_section(
    *, key: str, title: str | Promise, template: str, items: Items, order: int
) -> None:
    """Registering the same ``key`` again replaces it (autoreload)."""
    _sections[key] = OverviewSection(
        key=key, title=title, template=template, items=items, order=order
    )


def overview_sections(user: User) -> list[FilledSection]:
    """The sections with something to show for ``user``, in order."""
    filled = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        context = section.items(user)
        if context is not None:
            filled.append(FilledSection(section=section, context=context))
    return filled
