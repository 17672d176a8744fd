"""Filing, assigning, the thread, closing and the draft case, with the
mails each step sends."""

import uuid

import pytest

from casebook.selectors import case_own_or_404
from experts.errors import ExpertsError, NotAllowed
from experts.models import HelpRequest, RequestStatus
from experts.services import (
    experts_assign,
    message_post,
    profile_update_own,
    request_close,
    request_create,
    request_to_case_draft,
)
from tests.accounts.factories import AdviserFactory

from .factories import STORY, help_request

pytestmark = pytest.mark.django_db


def test_request_is_anonymised_before_it_is_stored(open_request):
    assert open_request.original_text == STORY
    text = open_request.anonymised_text
    for personal in ("Jan de Vries", "06-12345678", "@rellenkoning"):
        assert personal not in text
    assert "TikTok" in text and "Lindenwaard" in text
    assert list(open_request.expertise.names()) == ["online monitoring"]
    assert open_request.status == RequestStatus.NEW


def test_markup_is_stripped_to_plain_text(requester):
    created = help_request(
        requester, description="<script>alert(1)</script><b>Rellen</b> <i>op</i> komst"
    )
    assert "<" not in created.original_text
    assert "Rellen op komst" in created.original_text


def test_advisers_are_mailed_at_once(
    requester, editor, plain_adviser, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        help_request(requester)
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert set(mail.to) == {editor.email, plain_adviser.email}
    assert "Lindenwaard" in mail.subject and "Acuut" in mail.subject
    assert "Jan de Vries" not in mail.body
    assert "/experts/hulpvragen/" in mail.body


def test_the_same_form_posted_twice_files_one_request(requester, mailoutbox):
    token = uuid.uuid4()
    first = help_request(requester, form_token=token)
    again, created = request_create(
        requester=requester,
        form_token=token,
        municipality="Lindenwaard",
        region="utrecht",
        urgency="acute",
        description=STORY,
    )
    assert again == first and not created
    assert HelpRequest.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("description", "   <p> </p>", "Beschrijf wat er speelt."),
        ("municipality", "", "Vul de gemeente in."),
        ("region", "mars", "Kies een regio uit de lijst."),
        ("urgency", "morgen", "Kies hoe dringend de hulpvraag is."),
        ("description", "x" * 10_001, "10.001 tekens"),
    ],
)
def test_bad_input_is_refused_in_dutch(requester, field, value, message):
    with pytest.raises(ExpertsError, match=message):
        help_request(requester, **{field: value})
    assert not HelpRequest.objects.exists()


def test_members_cannot_invent_areas_of_expertise(requester):
    with pytest.raises(ExpertsError, match="Kies de expertisegebieden uit de lijst."):
        request_create(
            requester=requester,
            form_token=uuid.uuid4(),
            municipality="Lindenwaard",
            region="utrecht",
            urgency="soon",
            description=STORY,
            expertise=["toveren"],
        )
    assert not HelpRequest.objects.exists()


def test_unapproved_accounts_cannot_file(unapproved):
    with pytest.raises(NotAllowed):
        help_request(unapproved)


def test_assigning_mails_the_expert_and_the_requester(
    open_request, expert, editor, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        experts_assign(help_request=open_request, experts=[expert], adviser=editor)
    open_request.refresh_from_db()
    assert open_request.status == RequestStatus.ASSIGNED
    assert {tuple(m.to) for m in mailoutbox} == {
        (expert.user.email,),
        (open_request.requester.email,),
    }
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        experts_assign(help_request=open_request, experts=[expert], adviser=editor)
    assert mailoutbox == []
    assert open_request.assignments.count() == 1


def test_only_advisers_with_a_second_factor_assign(open_request, expert, plain_adviser):
    with pytest.raises(NotAllowed):
        experts_assign(
            help_request=open_request, experts=[expert], adviser=plain_adviser
        )


def test_messages_mail_the_other_participants_never_the_author(
    open_request,
    expert,
    other_expert,
    editor,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    AdviserFactory()  # not involved: hears nothing once an adviser is
    experts_assign(help_request=open_request, experts=[expert], adviser=editor)
    with django_capture_on_commit_callbacks(execute=True):
        message_post(help_request=open_request, author=expert.user, body="Ik bel u zo.")
    open_request.refresh_from_db()
    assert open_request.status == RequestStatus.IN_PROGRESS
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [open_request.requester.email, editor.email]
    )
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        message_post(
            help_request=open_request, author=open_request.requester, body="Dank"
        )
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [expert.user.email, editor.email]
    )
    assert all("Dank" not in m.body for m in mailoutbox)


def test_before_an_adviser_is_involved_every_adviser_hears(
    open_request, editor, plain_adviser, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message_post(
            help_request=open_request, author=open_request.requester, body="En?"
        )
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [editor.email, plain_adviser.email]
    )


def test_a_message_sent_twice_is_stored_once(open_request):
    author = open_request.requester
    first = message_post(help_request=open_request, author=author, body="Hallo")
    again = message_post(help_request=open_request, author=author, body="Hallo")
    assert first == again and open_request.messages.count() == 1


def test_empty_message_is_refused(open_request):
    with pytest.raises(ExpertsError, match="Schrijf een bericht."):
        message_post(help_request=open_request, author=open_request.requester, body="")


def test_closing_erases_the_original(open_request):
    closed = request_close(help_request=open_request, user=open_request.requester)
    assert closed.status == RequestStatus.CLOSED
    assert closed.original_text == "" and closed.erased_at is not None
    assert closed.anonymised_text
    with pytest.raises(ExpertsError, match="gesloten"):
        message_post(help_request=closed, author=closed.requester, body="Nog iets")


def test_others_cannot_close(open_request, expert):
    with pytest.raises(NotAllowed):
        request_close(help_request=open_request, user=expert.user)


def test_draft_case_is_made_once_with_the_anonymised_text(open_request):
    requester = open_request.requester
    with pytest.raises(ExpertsError, match="Sluit de hulpvraag"):
        request_to_case_draft(help_request=open_request, user=requester)
    request_close(help_request=open_request, user=requester)
    first = request_to_case_draft(help_request=open_request, user=requester)
    second = request_to_case_draft(help_request=open_request, user=requester)
    assert first == second
    case = case_own_or_404(pk=first, user=requester)
    assert case.is_draft and case.submitter == requester
    assert "Jan de Vries" not in case.what_happened
    assert "TikTok" in case.what_happened
    assert case.region == "Lindenwaard"
    open_request.refresh_from_db()
    assert open_request.case_draft_id == first


def test_only_the_requester_makes_a_case(open_request, editor):
    request_close(help_request=open_request, user=editor)
    with pytest.raises(NotAllowed):
        request_to_case_draft(help_request=open_request, user=editor)


def test_expert_keeps_their_own_profile(expert, requester):
    updated = profile_update_own(
        profile=expert,
        user=expert.user,
        availability="limited",
        description="<b>Alleen</b> 's avonds",
        phone="030-1234567",
        show_email=False,
        show_phone=True,
    )
    assert updated.availability == "limited"
    assert updated.description == "Alleen 's avonds"
    assert updated.show_phone and not updated.show_email
    with pytest.raises(NotAllowed):
        profile_update_own(
            profile=expert,
            user=requester,
            availability="available",
            description="",
            phone="",
            show_email=True,
            show_phone=False,
        )
