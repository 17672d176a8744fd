"""The preview's warning about combinations that can still point to one
person: its two rules on their own examples, its silence on ordinary case
text, and the warning on the preview page."""

from pathlib import Path

import pytest
from django.urls import reverse

from casebook.anonymisation import anonymise
from casebook.anonymisation.combinations import Combination, combination_warnings
from casebook.anonymisation.evaluation import load_corpus
from casebook.models import CaseSubmission

from .factories import anonymised_case, draft_case, mail_at_once  # noqa: F401

CORPUS = Path(__file__).parent / "corpus"


def kinds(text: str) -> list[Combination]:
    return [warning.kind for warning in combination_warnings(text)]


@pytest.mark.parametrize(
    "text",
    [
        "De 13-jarige [PERSOON-1] kwam elke woensdag in buurthuis De Schakel in "
        "Zutphen.",
        "Een meisje van 14 trainde bij voetbalclub SV Oosterweel in Horst aan de Maas.",
        "[PERSOON-2] (15) hing rond bij snackbar 't Hoekje. Dat was in Deventer.",
        "Een dertienjarige uit Epe zat vaak in jeugdhonk De Boei.",
    ],
)
def test_an_exact_age_with_a_named_venue_and_a_place(text):
    assert kinds(text) == [Combination.AGE_VENUE_PLACE]


@pytest.mark.parametrize(
    "text",
    [
        # No named venue: the age and the place alone point to many.
        "De 13-jarige [PERSOON-1] uit Zutphen kwam vaak in een buurthuis.",
        # The venue's name was replaced: it points to nobody any more.
        "[PERSOON-1] (15) was in buurthuis [LOCATIE-1] in Zutphen.",
        "[PERSOON-1] (15) was in buurthuis De [PERSOON-2] in Zutphen.",
        # No exact age.
        "Jongeren kwamen in buurthuis De Schakel in Zutphen samen.",
        # No place.
        "De 13-jarige [PERSOON-1] kwam in buurthuis De Schakel.",
        # A sentence of years is no age.
        "Hij kreeg een gebiedsverbod van 2 jaar voor buurthuis De Schakel in Epe.",
    ],
)
def test_one_or_two_of_the_three_are_not_enough(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Volgens de enige wijkagent van Epe was het rustig.",
        "De dorpsagent kende de jongens allemaal.",
        "De beheerder van jongerencentrum De Boei belde de politie.",
        "Het enige jongerenwerker-team? Nee: de enigste jongerenwerker in het dorp "
        "wist ervan.",
    ],
)
def test_a_role_only_one_person_holds(text):
    assert kinds(text) == [Combination.UNIQUE_ROLE]


@pytest.mark.parametrize(
    "text",
    [
        "De burgemeester van Utrecht vaardigde een noodbevel uit.",
        "De wijkagent sprak de jongeren aan.",
        "Jongerenwerkers uit drie wijken werkten samen.",
    ],
)
def test_an_ordinary_role_is_not_a_warning(text):
    assert kinds(text) == []


def test_the_warning_says_why_and_names_the_words():
    (warning,) = combination_warnings(
        "De 13-jarige [PERSOON-1] kwam in buurthuis De Schakel in Zutphen."
    )
    assert warning.parts == ("13-jarige", "buurthuis De Schakel", "Zutphen")
    assert "“buurthuis De Schakel”" in warning.message
    assert "één persoon" in warning.message


def test_at_most_one_warning_of_a_kind_per_case():
    text = (
        "De 13-jarige kwam in buurthuis De Schakel in Zutphen; de 14-jarige in "
        "jeugdhonk De Boei in Epe. De enige wijkagent en de dorpsagent wisten ervan."
    )
    assert sorted(kinds(text)) == sorted(
        [Combination.AGE_VENUE_PLACE, Combination.UNIQUE_ROLE]
    )


@pytest.mark.parametrize(
    "name",
    ["cases.jsonl", "holdout.jsonl", "blind1.jsonl", "blind2.jsonl", "blind3.jsonl"],
)
def test_quiet_on_the_corpus(name):
    """Not noisy: at most one warning per anonymised case, and none on the
    texts without personal data."""
    cases = load_corpus(CORPUS / name)
    counts = [len(combination_warnings(anonymise(c.text).text)) for c in cases]
    assert max(counts) <= 1
    clean = [n for case, n in zip(cases, counts, strict=True) if not case.pii]
    assert sum(clean) == 0


@pytest.mark.django_db
def test_the_preview_shows_the_warning(client, member):
    case = anonymised_case(member)
    # What the engine leaves of a text is its own business: the warning reads
    # whatever anonymised text the preview shows.
    CaseSubmission.objects.filter(pk=case.pk).update(
        anonymised_what_happened="De 13-jarige jongen kwam elke woensdag in "
        "buurthuis De Schakel in Zutphen."
    )
    client.force_login(member)
    body = client.get(reverse("casebook:preview", kwargs={"pk": case.pk})).text
    section = body.split('aria-labelledby="combinations"')[1].split("</section>")[0]
    assert "buurthuis De Schakel" in section
    assert "Zutphen" in section


@pytest.mark.django_db
def test_no_warning_section_without_a_combination(client, member):
    case = draft_case(member)
    client.force_login(member)
    body = client.get(reverse("casebook:preview", kwargs={"pk": case.pk})).text
    assert 'aria-labelledby="combinations"' not in body
