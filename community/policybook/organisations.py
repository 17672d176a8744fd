"""Quotes in the policy book are attributed by kind of organisation only,
derived from the free text members give as their organisation."""

import re

from django.utils.translation import gettext_lazy as _

# Checked in order: the first kind whose pattern matches wins, so the more
# specific ones (Openbaar Ministerie before "ministerie") come first.
KINDS: list[tuple[str, object, re.Pattern]] = [
    (
        "om",
        _("Public Prosecution Service"),
        re.compile(r"openbaar ministerie|\bom\b|parket|officier van justitie"),
    ),
    ("politie", _("police"), re.compile(r"politie|wijkagent|\bnationale politie")),
    (
        "jongerenwerk",
        _("youth work"),
        re.compile(r"jongerenwerk|jeugdwerk|welzijn|straathoek"),
    ),
    (
        "veiligheidsregio",
        _("safety region or safety house"),
        re.compile(r"veiligheidsregio|veiligheidshuis|\briec\b|zorg- en veiligheid"),
    ),
    ("onderwijs", _("education"), re.compile(r"school|onderwijs|\bmbo\b|college")),
    (
        "rijk",
        _("central government"),
        re.compile(r"ministerie|\bnctv\b|rijksoverheid|\bccv\b"),
    ),
    ("gemeente", _("municipality"), re.compile(r"gemeente|burgemeester|stadsdeel")),
]
OTHER = ("anders", _("other organisation"))


def organisation_type(organisation: str | None) -> tuple[str, str]:
    """``(key, label)`` of the kind of organisation, ``anders`` when unknown."""
    text = (organisation or "").lower()
    for key, label, pattern in KINDS:
        if pattern.search(text):
            return key, str(label)
    return OTHER[0], str(OTHER[1])
