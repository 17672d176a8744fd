"""The demo's surveys: the enquête of seed 004 for members and the past
roadshow's evaluation with answers, made once."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from surveys.models import Audience, SurveyPage, SurveyResponse
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db


def _load() -> None:
    call_command("load_demo", stdout=StringIO())


def test_the_demo_has_the_enquete_and_an_evaluation_with_answers(
    client, home_page, editor
):
    _load()
    enquete = SurveyPage.objects.get(slug__startswith="enquete-soevereinen")
    assert enquete.live and enquete.audience == Audience.MEMBERS
    assert "Hogeschool Inholland" in enquete.intro
    assert enquete.form_fields.count() == 5 and not enquete.is_closed()
    evaluation = SurveyPage.objects.get(event__slug="roadshow-oaov-de-bilt")
    assert SurveyResponse.objects.filter(page=evaluation).count() == 10
    login_with_second_factor(client, editor)
    page = client.get(reverse("survey_results:results", args=[evaluation.pk]))
    assert page.content.decode().count('class="bar-chart"') == 2
    _load()
    assert SurveyPage.objects.count() == 2
    assert SurveyResponse.objects.count() == 10
