"""One line of text for a person's name, organisation or function.

These values end up in mail bodies and in exported lists. A line break or
another control character typed (or posted by hand) into one of them lets the
sender start a line of their own in someone else's mail ("Line\\r\\nBcc: ...").
They are taken out on input, so nothing downstream needs to think of it.
"""

import re
import unicodedata

from django import forms

# Characters that break or steer a line: the C0 and C1 controls (tab, CR,
# LF, NUL, ESC ...) and Unicode's own line and paragraph separators.
_BREAKS = {"Cc", "Zl", "Zp"}
_SPACES = re.compile(r"\s+")


def clean_single_line(value: str) -> str:
    """``value`` with every control character and line break turned into a
    space, runs of white space made one, and the ends stripped."""
    spaced = "".join(
        " " if unicodedata.category(char) in _BREAKS else char for char in value
    )
    return _SPACES.sub(" ", spaced).strip()


class SingleLineCharField(forms.CharField):
    """A CharField for a name, organisation or function: one clean line
    (see ``clean_single_line``), checked against ``max_length`` afterwards."""

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        # Nothing but breaks is nothing: empty, so "required" still holds.
        return clean_single_line(value) or self.empty_value
