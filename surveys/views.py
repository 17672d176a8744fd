"""The survey page: who answers (surveys.access), then the form, the
thank-you page, or why there is no form (closed, answered already)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from portal.accounts.decorators import members_only_response
from portal.core.ratelimit import attempt_allowed

from .access import Refusal, Respondent, respondent_for
from .errors import SurveyError
from .models import SurveyPage
from .selectors import SESSION_KEY, survey_answered
from .services import guard_choice_record, response_create

#: Answers one internet address may send to surveys for anyone in an hour:
#: a visitor without an account is remembered by their session only, which
#: they can throw away; this keeps them from filling a survey by the dozen.
ANONYMOUS_LIMIT = 10
ANONYMOUS_WINDOW = 3600
FORM, CLOSED, ANSWERED = "form", "closed", "answered"


def survey_serve(request: HttpRequest, *, survey: SurveyPage) -> HttpResponse:
    if getattr(request, "is_preview", False):
        response = _page(request, survey, state=FORM, form=survey.get_form())
    else:
        response = _answer_or_refuse(request, survey)
    # Who may answer and whether they did differs per person: neither the
    # page cache nor nginx may keep any state of this page.
    add_never_cache_headers(response)
    return response


def _answer_or_refuse(request: HttpRequest, survey: SurveyPage) -> HttpResponse:
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    respondent = respondent_for(request, survey)
    if respondent == Refusal.LOGIN:
        return redirect_to_login(request.get_full_path())
    if respondent == Refusal.MEMBERS_ONLY:
        return members_only_response(request, survey.title, survey)
    if respondent == Refusal.NOT_FOUND:
        return TemplateResponse(
            request, "surveys/link_invalid.html", {"survey": survey}, status=404
        )
    if survey.is_closed():
        return _page(request, survey, state=CLOSED)
    if survey_answered(survey=survey, respondent=respondent, session=request.session):
        return _page(request, survey, state=ANSWERED)
    if request.method == "POST":
        return _submit(request, survey, respondent)
    return _page(request, survey, state=FORM, form=survey.get_form(page=survey))


def _page(
    request: HttpRequest, survey: SurveyPage, *, state: str, form=None, status=200
) -> TemplateResponse:
    context = survey.get_context(request)
    context.update({"state": state, "form": form})
    return TemplateResponse(
        request, survey.get_template(request), context, status=status
    )


def _submit(
    request: HttpRequest, survey: SurveyPage, respondent: Respondent
) -> HttpResponse:
    if not respondent.key and not attempt_allowed(
        request, scope="surveys:answer", limit=ANONYMOUS_LIMIT, window=ANONYMOUS_WINDOW
    ):
        messages.error(
            request,
            _(
                "Too many answers from your internet address. "
                "Please try again in an hour."
            ),
        )
        form = survey.get_form(page=survey)
        return _page(request, survey, state=FORM, form=form, status=429)
    form = survey.get_form(request.POST, page=survey)
    if not form.is_valid():
        # Stopped by the personal-data guard only: a question, not an error.
        status = 200 if form.guard_result else 400
        return _page(request, survey, state=FORM, form=form, status=status)
    try:
        submission = response_create(
            survey=survey, respondent=respondent, data=form.cleaned_data
        )
    except SurveyError as exc:  # closed or answered in another tab meanwhile
        return _page(request, survey, state=exc.state)
    if form.guard_used is not None:
        choice, result = form.guard_used
        guard_choice_record(
            survey=survey, user=request.user, choice=choice, result=result
        )
    if not respondent.key:
        answered = request.session.get(SESSION_KEY, [])
        request.session[SESSION_KEY] = [*answered, survey.pk]
    return survey.render_landing_page(request, submission)
