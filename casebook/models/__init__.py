"""The casebook's data: submissions (private, never pages) and the published,
anonymised case pages."""

from .pages import CaseIndexPage, CasePage, CasePageTag
from .submission import (
    CaseMessage,
    CaseStatus,
    CaseSubmission,
    CaseSubmissionTag,
    ErasureLog,
    ErasureReason,
    Platform,
)

__all__ = [
    "CaseIndexPage",
    "CaseMessage",
    "CasePage",
    "CasePageTag",
    "CaseStatus",
    "CaseSubmission",
    "CaseSubmissionTag",
    "ErasureLog",
    "ErasureReason",
    "Platform",
]
