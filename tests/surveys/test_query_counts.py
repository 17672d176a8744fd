"""A survey page, the surveys' index and the results page cost the same
number of queries with 3 and with 30 questions, surveys or answers."""

import pytest
from django.urls import reverse

from surveys.models import Audience, SurveyResponse
from tests.queries import page_queries
from tests.second_factor import login_with_second_factor

from .factories import answers, survey

pytestmark = pytest.mark.django_db

# Raise a budget only with a reason in the commit message. Most of each is
# the site's frame (site, the page's route and aliases, restrictions,
# session, user, groups and permissions, the navigation); the survey page
# adds whether this person answered and the questions, the index the
# surveys and the restrictions they pass, the results the survey, its
# questions and its answers.
SURVEY_PAGE_BUDGET = 17
INDEX_BUDGET = 15
RESULTS_BUDGET = 25


def _questions(n: int) -> list[dict]:
    kinds = ["radio", "multiline", "checkboxes", "singleline", "dropdown"]
    return [
        {
            "label": f"Vraag {i}",
            "field_type": kinds[i % len(kinds)],
            "choices": "Ja\nNee\nWeet niet",
            "required": False,
        }
        for i in range(n)
    ]


@pytest.mark.parametrize("role", ["visitor", "member"])
def test_a_survey_page_costs_the_same_with_3_and_30_questions(
    client, home_page, member, role
):
    if role == "member":
        client.force_login(member)
    few = survey(title="Drie vragen", questions=_questions(3))
    many = survey(title="Dertig vragen", questions=_questions(30))
    counts = (page_queries(client, few.url), page_queries(client, many.url))
    assert counts[0] == counts[1] <= SURVEY_PAGE_BUDGET, counts


def test_a_participants_survey_from_the_link_costs_the_same(client, home_page):
    from surveys.links import invitation_link
    from tests.accounts.factories import MemberFactory
    from tests.events.factories import (
        EventIndexPageFactory,
        EventPageFactory,
        register_member,
    )

    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page))
    registration = register_member(event, MemberFactory())
    links = [
        invitation_link(
            survey(
                title=f"Evaluatie {n}",
                audience=Audience.PARTICIPANTS,
                event=event,
                questions=_questions(n),
            ),
            registration,
        )
        for n in (3, 30)
    ]
    counts = [page_queries(client, link) for link in links]
    assert counts[0] == counts[1] <= SURVEY_PAGE_BUDGET, counts


def test_the_index_costs_the_same_with_3_and_30_surveys(client, home_page, member):
    client.force_login(member)
    first = survey(title="Enquête 0", audience=Audience.MEMBERS)
    for n in range(1, 3):
        survey(title=f"Enquête {n}")
    index_url = first.get_parent().url
    small = page_queries(client, index_url)
    for n in range(3, 30):
        survey(title=f"Enquête {n}", audience=Audience.MEMBERS)
    assert page_queries(client, index_url) == small <= INDEX_BUDGET, small


def _answered(page, n: int, start: int = 0) -> None:
    SurveyResponse.objects.bulk_create(
        SurveyResponse(
            page=page,
            respondent=f"x:{i}",
            form_data=answers(rating=str(1 + i % 5), better=f"Opmerking {i}"),
        )
        for i in range(start, start + n)
    )


def test_the_results_cost_the_same_with_3_and_30_answers(client, home_page, editor):
    login_with_second_factor(client, editor)
    evaluation = survey(title="Evaluatie")
    url = reverse("survey_results:results", args=[evaluation.pk])
    _answered(evaluation, 3)
    small = page_queries(client, url)
    _answered(evaluation, 27, start=3)
    large = page_queries(client, url)
    assert small == large <= RESULTS_BUDGET, (small, large)
    assert "Opmerking 29" in client.get(url).content.decode()


def test_the_results_cost_the_same_with_3_and_30_questions(client, home_page, editor):
    login_with_second_factor(client, editor)
    few = survey(title="Drie", questions=_questions(3))
    many = survey(title="Dertig", questions=_questions(30))
    counts = [
        page_queries(client, reverse("survey_results:results", args=[page.pk]))
        for page in (few, many)
    ]
    assert counts[0] == counts[1] <= RESULTS_BUDGET, counts
