"""Advisers' view of the surveys and their results, in the Wagtail admin
(so only after the second factor)."""

from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from .models import SurveyPage
from .results import results_summarise
from .selectors import survey_responses, surveys_for_management
from .services import results_export

PERMISSION = "surveys.view_results"


def _advisers_only(view):
    return permission_required(PERMISSION, raise_exception=True)(view)


def _survey_or_404(pk: int) -> SurveyPage:
    survey = SurveyPage.objects.filter(pk=pk).select_related("event").first()
    if survey is None:
        raise Http404
    return survey


@_advisers_only
def index(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request, "surveys/admin/index.html", {"surveys": surveys_for_management()}
    )


@_advisers_only
def results(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey_or_404(pk)
    answers = survey_responses(survey=survey).values_list("form_data", flat=True)
    answers = list(answers)
    return TemplateResponse(
        request,
        "surveys/admin/results.html",
        {
            "survey": survey,
            "responses": len(answers),
            "questions": results_summarise(
                fields=list(survey.get_form_fields()), answers=answers
            ),
        },
    )


@_advisers_only
def export(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey_or_404(pk)
    response = HttpResponse(
        results_export(survey=survey, by=request.user),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="vragenlijst-{survey.slug}.csv"'
    )
    response["Cache-Control"] = "no-store"
    return response
