import wagtail_factories
from django.utils import translation

from surveys.evaluations import default_questions, survey_index
from surveys.models import Audience, SurveyField, SurveyPage


def survey(
    *,
    title: str = "Enquête soevereinen en autonomen",
    audience: str = Audience.ANYONE,
    event=None,
    questions: list[dict] | None = None,
    **fields,
) -> SurveyPage:
    """A published survey below the surveys' index (made when missing),
    with the default evaluation's questions unless ``questions`` are given."""
    with translation.override("nl"):
        index = survey_index()
        questions = questions or default_questions()
    page = SurveyPage(
        title=title,
        audience=audience,
        event=event,
        **fields,
    )
    page.form_fields = [SurveyField(**q) for q in questions]
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


class SurveyIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "surveys.SurveyIndexPage"

    title = "Vragenlijsten"
    slug = "vragenlijsten"


RATING = "Hoe beoordeelt u deze bijeenkomst in het algemeen?"
USEFUL = "Wat was voor u het nuttigst?"
BETTER = "Wat kan beter?"
RECOMMEND = "Zou u deze bijeenkomst aanraden aan een collega?"


def answers(rating: str = "4", useful: str = "", better: str = "", recommend="Ja"):
    """POST data for the default evaluation, by the questions' Dutch labels."""
    return {
        "hoe_beoordeelt_u_deze_bijeenkomst_in_het_algemeen": rating,
        "wat_was_voor_u_het_nuttigst": useful,
        "wat_kan_beter": better,
        "zou_u_deze_bijeenkomst_aanraden_aan_een_collega": recommend,
    }
