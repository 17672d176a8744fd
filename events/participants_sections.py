"""Sections other apps add to an event's participants page (the advisers'
*Deelnemers*), such as the response rate of its evaluation. Each app
registers its section in its AppConfig.ready(), so events needs to know
none of them (they depend on events, not the other way round).

A section's ``context`` runs a fixed number of queries for one event.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .models import EventPage

#: What a section shows for one event; None when there is nothing to show.
SectionContext = Callable[[EventPage], Mapping[str, Any] | None]


@dataclass(frozen=True)
class ParticipantsSection:
    key: str
    template: str
    context: SectionContext
    order: int


@dataclass(frozen=True)
class FilledSection:
    template: str
    context: Mapping[str, Any]


_sections: dict[str, ParticipantsSection] = {}


def register_participants_section(
    *, key: str, template: str, context: SectionContext, order: int
) -> None:
    """Registering the same ``key`` again replaces it (autoreload)."""
    _sections[key] = ParticipantsSection(
        key=key, template=template, context=context, order=order
    )


def participants_sections(event: EventPage) -> list[FilledSection]:
    """The sections with something to show for ``event``, in order."""
    filled = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        context = section.context(event)
        if context is not None:
            filled.append(FilledSection(template=section.template, context=context))
    return filled
