"""The services of the casebook, one by one: drafts, anonymisation with
corrections, confirmation, the status machine, erasure and the mails."""

import uuid

import pytest
from wagtail.models import PageViewRestriction

from casebook.errors import CaseError, CaseStateError
from casebook.models import (
    CaseMessage,
    CasePage,
    CaseStatus,
    CaseSubmission,
    ErasureLog,
)
from casebook.redaction import Corrections
from casebook.services import (
    case_anonymise,
    case_confirm,
    case_create,
    case_message_post,
    case_publish,
    case_reject,
    case_schedule,
    case_update,
    case_withdraw,
)
from casebook.services.states import ALLOWED, transition
from tests.accounts.factories import MemberFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory

from .factories import (
    PERSONAL,
    anonymised_case,
    case_input,
    draft_case,
    mail_at_once,  # noqa: F401 - autouse
    submitted_case,
)

pytestmark = pytest.mark.django_db
S = CaseStatus


# --- drafts -----------------------------------------------------------------


def test_a_draft_keeps_what_the_member_wrote_sanitised(member):
    case = draft_case(
        member,
        what_happened="<p onclick='x()'>Wat <b>er</b> gebeurde</p><script>x</script>",
    )
    assert case.status == S.DRAFT
    assert case.what_happened == "<p>Wat <strong>er</strong> gebeurde</p>"
    assert sorted(case.tags.names()) == ["jongeren", "voetbal"]
    assert {p.slug for p in case.platforms.all()} == {"tiktok", "snapchat"}


def test_the_same_form_token_makes_one_case(member):
    token = uuid.uuid4()
    first, created = case_create(submitter=member, form_token=token, data=case_input())
    again, created_again = case_create(
        submitter=member, form_token=token, data=case_input(title="Anders")
    )
    assert created and not created_again
    assert again.pk == first.pk
    assert CaseSubmission.objects.count() == 1
    assert again.title == "Oproep van Jan de Vries tot rellen"


def test_another_member_may_use_the_same_token(member):
    token = uuid.uuid4()
    case_create(submitter=member, form_token=token, data=case_input())
    case_create(submitter=MemberFactory(), form_token=token, data=case_input())
    assert CaseSubmission.objects.count() == 2


def test_a_title_is_required(member):
    with pytest.raises(CaseError, match="titel"):
        draft_case(member, title="<script>alert(1)</script>")
    assert not CaseSubmission.objects.exists()


def test_only_the_submitter_updates_a_draft(member):
    case = draft_case(member)
    with pytest.raises(CaseError):
        case_update(case=case, submitter=MemberFactory(), data=case_input(title="X"))
    case_update(case=case, submitter=member, data=case_input(title="Nieuwe titel"))
    case.refresh_from_db()
    assert case.title == "Nieuwe titel"


def test_a_submitted_case_can_no_longer_be_updated(member):
    case = submitted_case(member)
    with pytest.raises(CaseStateError, match="niet meer worden gewijzigd"):
        case_update(case=case, submitter=member, data=case_input(title="X"))


# --- anonymisation ------------------------------------------------------------


def test_anonymise_replaces_personal_data_in_every_field(member):
    case = anonymised_case(member)
    published = " ".join(
        getattr(case, f"anonymised_{n}")
        for n in (
            "title",
            "region",
            "period",
            "what_happened",
            "interventions_tried",
            "lessons",
        )
    )
    for item in PERSONAL:
        assert item not in published
    assert "Lindenwaard" in case.anonymised_region
    assert "TikTok" in case.anonymised_what_happened


def test_one_numbering_across_all_fields(member):
    case = anonymised_case(member)
    # Jan de Vries is in the title, the story and the interventions; Fatima
    # in the story and the lessons: each keeps one number everywhere.
    assert "[PERSOON-1]" in case.anonymised_title
    assert (
        "[PERSOON-1] (" in case.anonymised_what_happened
        or "[PERSOON-1]" in case.anonymised_what_happened
    )
    assert "[PERSOON-1] aan" in case.anonymised_interventions_tried
    assert "[PERSOON-2]" in case.anonymised_what_happened
    assert "[PERSOON-2] hielp" in case.anonymised_lessons
    replacements = {r["text"]: r["replacement"] for r in case.redactions}
    assert replacements["Jan de Vries"] == "[PERSOON-1]"
    assert replacements["Fatima el Amrani"] == "[PERSOON-2]"


def test_the_html_structure_survives_anonymisation(member):
    case = anonymised_case(
        member,
        what_happened=(
            "<p><strong>Jan de Vries</strong> riep op.</p>"
            "<ul><li>Bel 06-12345678</li></ul>"
        ),
    )
    assert case.anonymised_what_happened.startswith("<p><strong>[PERSOON-1]</strong>")
    assert "<ul><li>Bel [TELEFOON-1]</li></ul>" in case.anonymised_what_happened


def test_a_missed_item_is_marked_everywhere(member):
    case = anonymised_case(member)
    case, unmatched = case_anonymise(
        case=case,
        submitter=member,
        corrections=Corrections(extra=(("Marktplein", "ADRES"),)),
    )
    assert unmatched == []
    assert "Marktplein" not in case.anonymised_what_happened
    assert "[ADRES-1]" in case.anonymised_what_happened
    assert case.corrections == {
        "extra": [{"text": "Marktplein", "label": "ADRES"}],
        "keep": [],
    }


def test_a_false_replacement_is_undone(member):
    case = anonymised_case(
        member, lessons="Betrek Storm Ciara erbij, zei Fatima el Amrani."
    )
    found = {r["text"] for r in case.redactions}
    assert "Fatima el Amrani" in found
    case, _ = case_anonymise(
        case=case, submitter=member, corrections=Corrections(keep=("Fatima el Amrani",))
    )
    assert "Fatima el Amrani" in case.anonymised_lessons
    # Kept where the submitter said so, still one consistent result.
    assert "Fatima el Amrani" not in {r["text"] for r in case.redactions}


def test_a_marked_text_that_does_not_occur_is_reported_and_dropped(member):
    case = anonymised_case(member)
    case, unmatched = case_anonymise(
        case=case,
        submitter=member,
        corrections=Corrections(extra=(("Kees Kraanvogel", "PERSOON"),)),
    )
    assert unmatched == ["Kees Kraanvogel"]
    assert case.corrections["extra"] == []


def test_corrections_make_the_result_reproducible(member):
    corrections = Corrections(
        extra=(("Marktplein", "ADRES"),), keep=("Fatima el Amrani",)
    )
    case = anonymised_case(member)
    first, _ = case_anonymise(case=case, submitter=member, corrections=corrections)
    before = first.anonymised_what_happened
    again, _ = case_anonymise(case=first, submitter=member)  # the stored ones
    assert again.anonymised_what_happened == before
    assert again.anonymised_source == first.anonymised_source


def test_a_correction_with_an_unknown_label_is_refused(member):
    case = anonymised_case(member)
    with pytest.raises(CaseError):
        case_anonymise(
            case=case,
            submitter=member,
            corrections=Corrections(extra=(("Markt", "X"),)),
        )


def test_there_is_nothing_to_anonymise_without_a_story(member):
    case = draft_case(member, what_happened="   ")
    with pytest.raises(CaseError, match="wat er gebeurde"):
        case_anonymise(case=case, submitter=member)


# --- confirmation ---------------------------------------------------------------


def test_confirming_submits_and_tells_the_advisers(member, editor, mailoutbox):
    case = anonymised_case(member)
    case = case_confirm(case=case, submitter=member, version=case.anonymised_source)
    assert case.status == S.SUBMITTED
    assert case.submitted_at is not None
    to_advisers, to_submitter = mailoutbox
    assert to_advisers.to == [editor.email]
    assert f"/admin/casuistiek/{case.pk}/" in to_advisers.body
    assert to_submitter.to == [member.email]
    for message in mailoutbox:  # mails never carry the original
        for item in PERSONAL:
            assert item not in message.subject + message.body


def test_a_stale_preview_cannot_be_confirmed(member, mailoutbox):
    case = anonymised_case(member)
    version = case.anonymised_source
    case_update(
        case=case,
        submitter=member,
        data=case_input(lessons="Nieuw: bel Piet Paulusma."),
    )
    with pytest.raises(CaseError, match="gewijzigd"):
        case_confirm(case=case, submitter=member, version=version)
    case.refresh_from_db()
    assert case.status == S.DRAFT
    assert mailoutbox == []


def test_an_older_version_of_the_preview_cannot_be_confirmed(member):
    case = anonymised_case(member)
    with pytest.raises(CaseError, match="ouder voorbeeld"):
        case_confirm(case=case, submitter=member, version="0" * 64)


def test_confirming_twice_sends_one_set_of_mails(member, editor, mailoutbox):
    case = submitted_case(member)
    with pytest.raises(CaseStateError, match="al ingediend"):
        case_confirm(case=case, submitter=member, version=case.anonymised_source)
    assert len(mailoutbox) == 2


def test_only_the_submitter_confirms(member):
    case = anonymised_case(member)
    with pytest.raises(CaseError):
        case_confirm(
            case=case, submitter=MemberFactory(), version=case.anonymised_source
        )


# --- the status machine -----------------------------------------------------------


ALL = list(S)


@pytest.mark.parametrize("current", ALL)
@pytest.mark.parametrize("target", ALL)
def test_every_transition_is_allowed_or_refused_in_dutch(current, target):
    case = CaseSubmission(status=current)
    if target in ALLOWED.get(current, ()):
        transition(case, target)
        assert case.status == target
    else:
        with pytest.raises(CaseStateError) as refused:
            transition(case, target)
        assert case.status == current
        assert "casus" in str(refused.value).lower() or "status" in str(refused.value)


def test_closed_states_allow_nothing():
    for closed in (S.PUBLISHED, S.REJECTED, S.WITHDRAWN):
        assert closed not in ALLOWED


# --- withdrawal and erasure ----------------------------------------------------------


def _originals_gone(case: CaseSubmission) -> None:
    case.refresh_from_db()
    for name in (
        "title",
        "region",
        "period",
        "what_happened",
        "interventions_tried",
        "lessons",
    ):
        assert getattr(case, name) == ""
    assert case.redactions == [] and case.corrections == {}
    assert case.erased_at is not None
    dump = str(CaseSubmission.objects.filter(pk=case.pk).values().get())
    dump += str(list(CaseMessage.objects.filter(case=case).values("body")))
    for item in PERSONAL:
        assert item not in dump


def test_withdrawing_a_draft_erases_it_and_logs_that(member, mailoutbox):
    case = draft_case(member)
    case_withdraw(case=case, submitter=member)
    _originals_gone(case)
    log = ErasureLog.objects.get(case_id=case.pk)
    assert log.reason == "withdrawn" and log.erased_by == member
    assert log.erased_by_role == "submitter"
    assert "what_happened" in log.fields and "title" in log.fields
    assert mailoutbox == []  # no adviser ever saw it


def test_withdrawing_in_review_tells_the_advisers(member, editor, mailoutbox):
    case = submitted_case(member)
    case_message_post(case=case, author=editor, body="Was Jan de Vries minderjarig?")
    mailoutbox.clear()
    case_withdraw(case=case, submitter=member)
    _originals_gone(case)
    assert "messages" in ErasureLog.objects.get(case_id=case.pk).fields
    assert [m.to for m in mailoutbox] == [[editor.email]]


def test_a_withdrawn_case_cannot_be_withdrawn_again(member):
    case = draft_case(member)
    case_withdraw(case=case, submitter=member)
    with pytest.raises(CaseStateError, match="ingetrokken"):
        case_withdraw(case=case, submitter=member)
    assert ErasureLog.objects.filter(case_id=case.pk).count() == 1


def test_the_erasure_log_holds_no_content(member, editor):
    case = submitted_case(member)
    case_reject(case=case, adviser=editor, reason="Te herleidbaar.")
    log = ErasureLog.objects.get(case_id=case.pk)
    text = str(log.fields) + log.reason + log.erased_by_role
    for item in PERSONAL:
        assert item not in text


# --- messages -------------------------------------------------------------------------


def test_an_advisers_question_mails_the_submitter_with_a_link(
    member, editor, mailoutbox
):
    case = submitted_case(member)
    mailoutbox.clear()
    message = case_message_post(case=case, author=editor, body="Welke school was het?")
    assert message.from_adviser
    (sent,) = mailoutbox
    assert sent.to == [member.email]
    assert f"/casuistiek/mijn-casussen/{case.pk}/" in sent.body
    assert "Welke school" not in sent.body


def test_the_submitters_answer_mails_the_advisers(member, editor, mailoutbox):
    case = submitted_case(member)
    mailoutbox.clear()
    message = case_message_post(case=case, author=member, body="Het Da Vinci College.")
    assert not message.from_adviser
    assert [m.to for m in mailoutbox] == [[editor.email]]


def test_strangers_and_empty_or_long_messages_are_refused(member, editor):
    case = submitted_case(member)
    with pytest.raises(CaseError):
        case_message_post(case=case, author=MemberFactory(), body="Hallo")
    with pytest.raises(CaseError, match="bericht"):
        case_message_post(case=case, author=member, body="   ")
    with pytest.raises(CaseError):
        case_message_post(case=case, author=member, body="x" * 5001)
    assert not CaseMessage.objects.exists()


def test_no_messages_on_a_draft(member, editor):
    with pytest.raises(CaseError):
        case_message_post(case=draft_case(member), author=member, body="Hallo")


# --- decisions ---------------------------------------------------------------


def test_schedule_links_the_event_and_mails(member, editor, home_page, mailoutbox):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page))
    case = submitted_case(member)
    mailoutbox.clear()
    case = case_schedule(case=case, adviser=editor, event=event)
    assert case.status == S.SCHEDULED and case.learning_circle == event
    (sent,) = mailoutbox
    assert event.title in sent.body and sent.to == [member.email]
    # Still in review: the original is kept until the decision.
    case.refresh_from_db()
    assert case.what_happened


def test_a_draft_cannot_be_scheduled_published_or_rejected(member, editor, home_page):
    case = anonymised_case(member)
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page))
    for action in (
        lambda: case_schedule(case=case, adviser=editor, event=event),
        lambda: case_publish(case=case, adviser=editor),
        lambda: case_reject(case=case, adviser=editor, reason="Nee"),
    ):
        with pytest.raises(CaseStateError, match="nog niet ingediend"):
            action()
    assert not CasePage.objects.exists()


def test_reject_needs_a_reason_and_erases_the_original(member, editor, mailoutbox):
    case = submitted_case(member)
    with pytest.raises(CaseError, match="reden"):
        case_reject(case=case, adviser=editor, reason="  ")
    mailoutbox.clear()
    case_reject(case=case, adviser=editor, reason="Te weinig context.")
    case.refresh_from_db()
    assert case.status == S.REJECTED and case.decided_by == editor
    _originals_gone(case)
    assert ErasureLog.objects.get(case_id=case.pk).reason == "rejected"
    (sent,) = mailoutbox
    assert "Te weinig context." in sent.body


def test_publish_makes_a_members_only_page_of_the_anonymised_text(
    member, editor, home_page, mailoutbox
):
    case = submitted_case(member)
    mailoutbox.clear()
    page = case_publish(case=case, adviser=editor)
    page.refresh_from_db()
    assert page.live
    assert page.title == case.anonymised_title
    assert "[PERSOON-1]" in page.what_happened
    assert {p.slug for p in page.platforms.all()} == {"tiktok", "snapchat"}
    assert sorted(page.tags.names()) == ["jongeren", "voetbal"]
    restriction = PageViewRestriction.objects.get(page=page)
    assert sorted(restriction.groups.values_list("name", flat=True)) == [
        "Advisers",
        "Members",
    ]
    # The page and its revision hold the anonymised text only.
    stored = str(CasePage.objects.filter(pk=page.pk).values().get())
    stored += str(page.get_latest_revision().content)
    for item in PERSONAL:
        assert item not in stored
    _originals_gone(case)
    log = ErasureLog.objects.get(case_id=case.pk)
    assert log.reason == "published" and log.erased_by == editor
    (sent,) = mailoutbox
    assert page.url in sent.body


def test_publish_in_public_when_the_adviser_says_so(member, editor, home_page):
    page = case_publish(case=submitted_case(member), adviser=editor, members_only=False)
    assert not PageViewRestriction.objects.filter(page=page).exists()


def test_publishing_twice_makes_one_page(member, editor, home_page, mailoutbox):
    case = submitted_case(member)
    case_publish(case=case, adviser=editor)
    with pytest.raises(CaseStateError, match="al gepubliceerd"):
        case_publish(case=case, adviser=editor)
    assert CasePage.objects.count() == 1


def test_a_scheduled_case_can_be_published(member, editor, home_page):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page))
    case = submitted_case(member)
    case_schedule(case=case, adviser=editor, event=event)
    page = case_publish(case=case, adviser=editor)
    assert page.learning_circle_id == event.pk


def test_two_cases_with_the_same_title_get_their_own_address(member, editor, home_page):
    first = case_publish(case=submitted_case(member), adviser=editor)
    second = case_publish(case=submitted_case(member), adviser=editor)
    assert first.slug != second.slug
    assert first.get_parent().pk == second.get_parent().pk
