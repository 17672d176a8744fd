"""Every write to the casebook goes through these functions."""

from .erasure import case_originals_erase
from .messages import case_message_post
from .privacy import cases_delete_for_account, cases_export
from .review import (
    AnonymisedInput,
    case_edit_anonymised,
    case_index_ensure,
    case_publish,
    case_reject,
    case_schedule,
)
from .submission import (
    CaseInput,
    case_anonymise,
    case_confirm,
    case_create,
    case_update,
    case_withdraw,
)

__all__ = [
    "AnonymisedInput",
    "CaseInput",
    "case_anonymise",
    "case_confirm",
    "case_create",
    "case_edit_anonymised",
    "case_index_ensure",
    "case_message_post",
    "case_originals_erase",
    "case_publish",
    "case_reject",
    "case_schedule",
    "case_update",
    "case_withdraw",
    "cases_delete_for_account",
    "cases_export",
]
