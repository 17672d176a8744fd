"""Demo surveys (see ``manage.py load_demo``): the enquête among the
municipalities of Midden-Nederland, and the evaluation of the past roadshow
with answers, so the results page has charts on a fresh install."""

import datetime as dt

from django.utils import timezone
from wagtail.models import Page

from events.selectors import event_by_slug
from portal.core.demo import Report, child_ensure

from . import seed_content as content
from .evaluations import evaluation_create
from .models import Audience, SurveyField, SurveyIndexPage, SurveyPage, SurveyResponse
from .selectors import evaluation_of


def _questions(page: SurveyPage, questions: list[dict]) -> None:
    page.form_fields = [SurveyField(**q) for q in questions]


def _evaluation_with_answers() -> None:
    event = event_by_slug(slug=content.EVALUATED_EVENT)
    if event is None:
        return
    survey = evaluation_of(event_id=event.pk) or evaluation_create(event=event)
    if SurveyResponse.objects.filter(page=survey).exists():
        return
    names = [field.clean_name for field in survey.form_fields.all()]
    SurveyResponse.objects.bulk_create(
        SurveyResponse(
            page=survey,
            respondent=f"demo:{n}",
            form_data=dict(zip(names, answers, strict=True)),
        )
        for n, answers in enumerate(content.EVALUATION_ANSWERS, start=1)
    )


def demo_build(*, home: Page, report: Report, **kwargs) -> None:
    """Receiver of ``demo_content_requested``."""
    index = child_ensure(
        parent=home,
        model=SurveyIndexPage,
        slug=content.INDEX["slug"],
        fields={"title": content.INDEX["title"], "intro": content.INDEX["intro"]},
        report=report,
    )
    spec = content.ENQUETE
    child_ensure(
        parent=index,
        model=SurveyPage,
        slug=spec["slug"],
        fields={
            "title": spec["title"],
            "intro": spec["intro"],
            "thank_you_text": spec["thank_you_text"],
            "audience": Audience.MEMBERS,
            "closes_at": timezone.now() + dt.timedelta(days=spec["days_open"]),
        },
        report=report,
        prepare=lambda page: _questions(page, spec["questions"]),
    )
    _evaluation_with_answers()
