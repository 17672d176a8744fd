"""Cases in each state, made through the services as members and advisers
make them; published pages made directly for the index tests."""

import pytest
import wagtail_factories

from casebook.models import CaseIndexPage, CasePage, CaseSubmission, Platform
from casebook.services import (
    CaseInput,
    case_anonymise,
    case_confirm,
    case_create,
)
from tests.interventions.factories import ClassificationFactory, PhaseFactory


@pytest.fixture(autouse=True)
def mail_at_once(monkeypatch):
    """Send the mails the services queue for after the commit right away:
    the test's own transaction never commits. Import it into a test module
    to use it there (it is autouse)."""
    monkeypatch.setattr(
        "portal.core.mail.transaction.on_commit", lambda callback, *a, **k: callback()
    )


#: A case with the kinds of personal data the browser test uses too.
STORY = (
    "Op zaterdag 12 april plaatste Jan de Vries (06-12345678) via @rellenkoning "
    "een TikTok-filmpje met een oproep tot rellen op het Marktplein in "
    "Lindenwaard.\n\nZijn buurvrouw Fatima el Amrani meldde het bij de wijkagent."
)
INTERVENTIONS = "De burgemeester sprak Jan de Vries aan; de noodverordening bleef uit."
LESSONS = "Betrek het jongerenwerk eerder. Fatima el Amrani hielp daarbij."
PERSONAL = ["Jan de Vries", "06-12345678", "@rellenkoning", "Fatima el Amrani"]


def case_input(**overrides) -> CaseInput:
    fields = {
        "title": "Oproep van Jan de Vries tot rellen",
        "region": "Lindenwaard",
        "period": "Voorjaar 2025",
        "what_happened": STORY,
        "interventions_tried": INTERVENTIONS,
        "lessons": LESSONS,
        "platforms": list(Platform.objects.filter(slug__in=["tiktok", "snapchat"])),
        "tags": ["voetbal", "jongeren"],
        "wants_learning_circle": True,
    }
    fields.update(overrides)
    return CaseInput(**fields)


def draft_case(submitter, **overrides) -> CaseSubmission:
    case, _created = case_create(
        submitter=submitter, form_token=None, data=case_input(**overrides)
    )
    return case


def anonymised_case(submitter, **overrides) -> CaseSubmission:
    case, _unmatched = case_anonymise(
        case=draft_case(submitter, **overrides), submitter=submitter
    )
    return case


def submitted_case(submitter, **overrides) -> CaseSubmission:
    case = anonymised_case(submitter, **overrides)
    return case_confirm(case=case, submitter=submitter, version=case.anonymised_source)


class CaseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CaseIndexPage

    title = "Casuïstiek"
    slug = "casuistiek"


class CasePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CasePage

    title = "Oproep tot rellen via TikTok"
    region = "Gemeente Lindenwaard"
    period = "Voorjaar 2025"
    what_happened = "<p>[HANDLE-1] riep op tot rellen.</p>"


def phase_and_classification():
    return (
        PhaseFactory(name="Mobilisatie", slug="mobilisatie"),
        ClassificationFactory(name="Strafbaar", slug="strafbaar"),
    )
