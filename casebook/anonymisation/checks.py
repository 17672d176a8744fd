"""Checksums and shapes that tell an identifying number from any other number.

A case text is full of numbers that must stay (amounts, counts, times, years),
so a number is only taken for a BSN or an IBAN when its checksum holds.
"""

import re

_NON_ALNUM = re.compile(r"[^0-9A-Za-z]")


def digits_only(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def passes_elfproef(value: str) -> bool:
    """The 11-proef of the burgerservicenummer: nine digits d1..d9 with
    9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11 (and not all zeros)."""
    digits = digits_only(value)
    if len(digits) != 9 or not digits.isascii() or set(digits) == {"0"}:
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    total = sum(int(d) * w for d, w in zip(digits, weights, strict=True))
    return total % 11 == 0


# Lengths per country for the IBANs a Dutch case is likely to mention; other
# countries only need the generic bounds and the checksum.
_IBAN_LENGTHS = {
    "NL": 18,
    "BE": 16,
    "DE": 22,
    "FR": 27,
    "GB": 22,
    "ES": 24,
    "IT": 27,
    "PL": 28,
    "TR": 26,
    "LU": 20,
    "AT": 20,
    "CH": 21,
}


def iban_is_valid(value: str) -> bool:
    """ISO 13616: move the first four characters to the end, turn letters
    into numbers (A=10 … Z=35) and the result modulo 97 must be 1."""
    iban = _NON_ALNUM.sub("", value).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", iban):
        return False
    expected = _IBAN_LENGTHS.get(iban[:2])
    if expected is not None and len(iban) != expected:
        return False
    rearranged = iban[4:] + iban[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


# Dutch licence plates: the sidecodes of the RDW, letters as X and digits as
# 9. Sidecodes 1-6 have three pairs; 7-14 mix groups of one, two and three.
PLATE_SIDECODES = (
    "XX-99-99",
    "99-99-XX",
    "99-XX-99",
    "XX-99-XX",
    "XX-XX-99",
    "99-XX-XX",
    "99-XXX-9",
    "9-XXX-99",
    "XX-999-X",
    "X-999-XX",
    "XXX-99-X",
    "X-99-XXX",
    "9-XX-999",
    "999-XX-9",
)


def _sidecode_regex(sidecode: str) -> str:
    parts = []
    for group in sidecode.split("-"):
        kind = "[A-Z]" if group[0] == "X" else r"\d"
        parts.append(f"{kind}{{{len(group)}}}")
    return "-".join(parts)


PLATE_PATTERN = "|".join(f"(?:{_sidecode_regex(code)})" for code in PLATE_SIDECODES)
_PLATE_FULL = re.compile(rf"(?:{PLATE_PATTERN})")


def plate_sidecode(value: str) -> int | None:
    """The sidecode number (1-14) of a plate written with dashes, or None."""
    plate = value.strip().upper()
    if not _PLATE_FULL.fullmatch(plate):
        return None
    shape = re.sub(r"[A-Z]", "X", re.sub(r"\d", "9", plate))
    try:
        return PLATE_SIDECODES.index(shape) + 1
    except ValueError:
        return None


def plate_with_dashes(value: str) -> str | None:
    """Put the dashes back in a plate written without them ("12ABC3"), by
    the first sidecode whose group shapes fit; None when none fits."""
    bare = _NON_ALNUM.sub("", value).upper()
    if len(bare) != 6:
        return None
    for sidecode in PLATE_SIDECODES:
        groups, position = [], 0
        for group in sidecode.split("-"):
            groups.append(bare[position : position + len(group)])
            position += len(group)
        candidate = "-".join(groups)
        if plate_sidecode(candidate) is not None:
            return candidate
    return None
