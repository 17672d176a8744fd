"""The conversation on a case between the submitter and the advisers."""

from django.db import transaction
from django.utils.translation import gettext as _

from ..errors import CaseError
from ..models import CaseMessage, CaseSubmission
from ..selectors import user_reviews_cases
from . import notify
from .audit import case_audit

MAX_MESSAGE_LENGTH = 5_000


@transaction.atomic
def case_message_post(*, case: CaseSubmission, author, body: str) -> CaseMessage:
    """A question of an adviser or an answer of the submitter; the other side
    gets a mail with a link (the text itself stays on the platform)."""
    body = (body or "").replace("\x00", "").strip()
    if not body:
        raise CaseError(_("Write a message."))
    if len(body) > MAX_MESSAGE_LENGTH:
        raise CaseError(_("Keep your message under {n} characters.").format(n="5.000"))
    case = CaseSubmission.objects.select_for_update().get(pk=case.pk)
    if not case.in_review:
        raise CaseError(_("Messages are possible only while the case is in review."))
    if author.pk == case.submitter_id:
        from_adviser = False
    elif user_reviews_cases(author):
        from_adviser = True
    else:
        raise CaseError(_("Only the submitter and the advisers can write here."))
    message = CaseMessage.objects.create(
        case=case, author=author, from_adviser=from_adviser, body=body
    )
    if from_adviser:
        # That a question was asked; its text stays in the thread.
        case_audit(case, "question", by=author, message_id=message.pk)
        notify.to_submitter(case=case, template="message_to_submitter")
    else:
        notify.to_advisers(case=case, template="message_to_advisers")
    return message
