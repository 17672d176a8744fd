"""The member's list and the advisers' queue cost the same number of
queries however many cases there are."""

import pytest
from django.urls import reverse

from casebook.services import case_message_post
from tests.queries import page_queries
from tests.second_factor import login_with_second_factor

from .factories import draft_case, mail_at_once, submitted_case  # noqa: F401

pytestmark = pytest.mark.django_db


def test_my_cases(client, member):
    client.force_login(member)
    draft_case(member)
    few = page_queries(client, reverse("casebook:mine"))
    for _n in range(5):
        draft_case(member)
    assert page_queries(client, reverse("casebook:mine")) == few


def test_the_advisers_queue_and_a_case_with_its_thread(client, member, editor):
    login_with_second_factor(client, editor)
    case = submitted_case(member)
    queue, review = (
        reverse("casebook_review:queue"),
        reverse("casebook_review:review", kwargs={"pk": case.pk}),
    )
    few = (page_queries(client, queue), page_queries(client, review))
    for _n in range(4):
        submitted_case(member)
        case_message_post(case=case, author=editor, body="Een vraag")
        case_message_post(case=case, author=member, body="Een antwoord")
    assert (page_queries(client, queue), page_queries(client, review)) == few
