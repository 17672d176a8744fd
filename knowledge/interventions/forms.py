"""The tool's three questions as a GET form; its field names are the query
parameters of a shareable result (``?fase=…&classificatie=…&actor=…``)."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Actor, Classification, Phase

ANY = "alle"
PHASE, CLASSIFICATION, ACTOR = "fase", "classificatie", "actor"
FIELD_NAMES = (PHASE, CLASSIFICATION, ACTOR)


@dataclass(frozen=True)
class Selection:
    """A valid answer to the three questions; ``None`` stands for "any"."""

    phase: Phase
    classification: Classification | None
    actor: Actor | None

    def query_string(self) -> str:
        """Always all three parameters, "any" spelled out, so the link says
        exactly what was chosen."""
        return urlencode(
            {
                PHASE: self.phase.slug,
                CLASSIFICATION: self.classification.slug
                if self.classification
                else ANY,
                ACTOR: self.actor.slug if self.actor else ANY,
            }
        )


def _slug_field(*, options, allow_any: bool, required: str, invalid: str):
    choices = [(option.slug, option.name) for option in options]
    if allow_any:
        choices.append((ANY, ANY))
    return forms.ChoiceField(
        choices=choices,
        required=not allow_any,
        error_messages={"required": required, "invalid_choice": invalid},
    )


class InterventionToolForm(forms.Form):
    """Validates the answers against the lists the advisers keep. Unknown
    slugs (an old or hand-edited link) become field errors, not a 404."""

    def __init__(self, data=None, *, phases, classifications, actors) -> None:
        super().__init__(data)
        self._options = {
            PHASE: {p.slug: p for p in phases},
            CLASSIFICATION: {c.slug: c for c in classifications},
            ACTOR: {a.slug: a for a in actors},
        }
        self.fields[PHASE] = _slug_field(
            options=phases,
            allow_any=False,
            required=_("Choose the phase the disturbance is in."),
            invalid=_("This phase does not exist (any more). Choose one below."),
        )
        self.fields[CLASSIFICATION] = _slug_field(
            options=classifications,
            allow_any=True,
            required="",
            invalid=_(
                "This classification does not exist (any more). Choose one below."
            ),
        )
        self.fields[ACTOR] = _slug_field(
            options=actors,
            allow_any=True,
            required="",
            invalid=_("This actor does not exist (any more). Choose one below."),
        )

    def selection(self) -> Selection:
        """The chosen objects; only after ``is_valid()``. A missing or empty
        classification or actor means "any"."""
        data = self.cleaned_data
        return Selection(
            phase=self._options[PHASE][data[PHASE]],
            classification=self._options[CLASSIFICATION].get(data[CLASSIFICATION]),
            actor=self._options[ACTOR].get(data[ACTOR]),
        )
