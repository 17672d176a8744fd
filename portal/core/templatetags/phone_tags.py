"""Phone numbers people can tap: ``{{ number|tel_uri }}`` in an ``href``."""

from django import template

register = template.Library()


@register.filter
def tel_uri(number: str) -> str:
    """``tel:`` with the number in international form (RFC 3966), so a
    phone dials it from abroad too: "06-12 34 56 78" -> "tel:+31612345678",
    "+32 2 123 45 67" -> "tel:+3221234567". Only digits and a leading "+"
    are kept; a Dutch number without one gets +31 for its leading 0, and
    the trunk "(0)" of "+31 (0)6 …" is dropped."""
    number = str(number or "").strip().replace("(0)", "")
    digits = "".join(ch for ch in number if ch.isdigit())
    if number.startswith("+"):
        return f"tel:+{digits}"
    if digits.startswith("00"):
        return f"tel:+{digits[2:]}"
    if digits.startswith("0"):
        return f"tel:+31{digits[1:]}"
    return f"tel:{digits}"
