"""Detectors for what Deduce does not know, one module per kind: handles,
e-mail and web addresses (``online``); phone, checksummed, case and
identity numbers and plates (``numbers``); postcodes and addresses
(``addresses``); schools (``schools``); names by cue and by shape
(``names``); chat speakers, user names without @ and names in lower case
(``informal``).

Each detector is a function ``(text, context) -> Iterator[Candidate]``. They
may overlap each other and Deduce; the engine keeps the candidate with the
highest priority (then the longest).
"""

from __future__ import annotations

from .addresses import STREET_SUFFIX, detect_addresses, detect_postcodes
from .base import (
    CUE_NUMBER,
    DATE,
    HANDLE,
    PERSON,
    PHONE,
    PLACE,
    STRUCTURED,
    Candidate,
    Context,
    Detector,
)
from .informal import (
    detect_chat_speakers,
    detect_first_name_and_surname,
    detect_first_names_with_initial,
    detect_lowercase_names,
    detect_shaped_handles,
)
from .names import (
    can_only_be_a_name,
    detect_listed_first_names,
    detect_name_runs,
    detect_names,
    is_place_adjective,
)
from .numbers import (
    detect_bsns,
    detect_case_numbers,
    detect_ibans,
    detect_ips,
    detect_phones,
    detect_plates,
    is_service_number,
)
from .online import (
    TLDS,
    coordinated_handles,
    detect_emails,
    detect_handles,
    detect_urls,
)
from .schools import detect_schools

__all__ = [
    "CUE_NUMBER",
    "DATE",
    "DETECTORS",
    "HANDLE",
    "PERSON",
    "PHONE",
    "PLACE",
    "STREET_SUFFIX",
    "STRUCTURED",
    "TLDS",
    "Candidate",
    "Context",
    "Detector",
    "can_only_be_a_name",
    "detect_all",
    "is_place_adjective",
    "is_service_number",
]

DETECTORS: tuple[Detector, ...] = (
    detect_emails,
    detect_urls,
    detect_handles,
    detect_phones,
    detect_ibans,
    detect_bsns,
    detect_ips,
    detect_plates,
    detect_case_numbers,
    detect_postcodes,
    detect_addresses,
    detect_schools,
    detect_names,
    detect_listed_first_names,
    detect_name_runs,
    detect_chat_speakers,
    detect_shaped_handles,
    detect_first_names_with_initial,
    detect_first_name_and_surname,
    detect_lowercase_names,
)


def detect_all(text: str, context: Context) -> list[Candidate]:
    found = [
        candidate for detector in DETECTORS for candidate in detector(text, context)
    ]
    found.extend(coordinated_handles(text, found, context))
    return found
