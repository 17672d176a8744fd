"""The demo set from load_demo, and the advisers' rights on the tool's data."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from knowledge.interventions.models import (
    Actor,
    Classification,
    Intervention,
    InterventionKind,
    Phase,
)
from portal.accounts.roles import ADVISERS_GROUP
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db

MODELS = ["phase", "classification", "actor", "intervention"]


def _load() -> None:
    call_command("load_demo", stdout=StringIO())


def _counts() -> tuple:
    return tuple(
        model.objects.count() for model in (Phase, Classification, Actor, Intervention)
    ) + (
        Intervention.phases.through.objects.count(),
        Intervention.classifications.through.objects.count(),
        Intervention.actors.through.objects.count(),
    )


def test_demo_set(client, home_page):
    _load()
    assert 4 <= Phase.objects.count() <= 6
    assert list(Phase.objects.values_list("slug", flat=True))[:2] == [
        "signaal",
        "mobilisatie",
    ]
    assert set(Classification.objects.values_list("slug", flat=True)) == {
        "strafbaar",
        "onrechtmatig",
        "ongewenst",
    }
    assert set(Actor.objects.values_list("slug", flat=True)) == {
        "gemeente",
        "politie",
        "om",
        "platform",
        "jongerenwerk",
    }
    assert 12 <= Intervention.objects.count() <= 15
    assert Intervention.objects.filter(kind=InterventionKind.LEGAL).count() >= 6
    assert Intervention.objects.filter(kind=InterventionKind.NON_LEGAL).count() >= 6
    for intervention in Intervention.objects.all():
        assert intervention.phases.exists(), intervention
        assert intervention.classifications.exists(), intervention
        assert intervention.actors.exists(), intervention
        assert intervention.conditions_list and intervention.risks_list, intervention
    # Guidance links to the web dossier's theme pages, made by knowledge's seed
    # before this one runs.
    noodverordening = Intervention.objects.get(slug="noodverordening")
    assert noodverordening.guidance_page.slug == "rol-van-de-burgemeester"
    assert Intervention.objects.filter(guidance_page__isnull=False).count() >= 10

    body = client.get(
        "/interventietool/?fase=mobilisatie&classificatie=onrechtmatig&actor=gemeente"
    ).content.decode()
    for title in ("Noodverordening", "Gebiedsverbod", "Last onder dwangsom"):
        assert title in body
    assert "Normstellend gesprek met de initiatiefnemer" in body
    assert "/online-aangejaagde-ordeverstoringen/rol-van-de-burgemeester/" in body


def test_every_phase_has_interventions(client, home_page):
    _load()
    for phase in Phase.objects.all():
        body = client.get(
            f"/interventietool/?fase={phase.slug}&classificatie=alle&actor=alle"
        ).content.decode()
        assert "Juridische interventies" in body, phase
        assert "Niet-juridische interventies" in body, phase


def test_running_twice_adds_nothing(home_page):
    _load()
    counts = _counts()
    _load()
    assert _counts() == counts


def test_an_adviser_edit_survives_a_second_run(home_page):
    _load()
    intervention = Intervention.objects.get(slug="gebiedsverbod")
    intervention.title = "Gebiedsverbod (bijgewerkt)"
    intervention.save()
    intervention.actors.set(Actor.objects.filter(slug="politie"))
    phase = Phase.objects.get(slug="nasleep")
    phase.name = "Nazorg"
    phase.save()
    _load()
    intervention.refresh_from_db()
    assert intervention.title == "Gebiedsverbod (bijgewerkt)"
    assert [a.slug for a in intervention.actors.all()] == ["politie"]
    assert Phase.objects.get(slug="nasleep").name == "Nazorg"


def test_advisers_may_add_change_and_delete_the_tool_data():
    advisers = Group.objects.get(name=ADVISERS_GROUP)
    granted = set(
        advisers.permissions.filter(
            content_type__app_label="interventions"
        ).values_list("codename", flat=True)
    )
    expected = {
        f"{action}_{m}" for action in ("add", "change", "delete") for m in MODELS
    }
    assert granted == expected
    # The migration's permissions are the ones Django itself uses.
    assert Permission.objects.filter(codename="add_intervention").count() == 1


@pytest.mark.parametrize("model", MODELS)
def test_adviser_reaches_the_snippets_in_the_admin(client, editor, model):
    assert editor.has_perm(f"interventions.add_{model}")
    login_with_second_factor(client, editor)
    assert client.get(f"/admin/snippets/interventions/{model}/").status_code == 200
    assert client.get(f"/admin/snippets/interventions/{model}/add/").status_code == 200


def test_admin_menu_groups_the_tool(client, editor):
    login_with_second_factor(client, editor)
    body = client.get("/admin/").content.decode()
    assert "Interventietool" in body


def test_adviser_adds_an_intervention_in_the_admin(client, editor, home_page):
    _load()
    login_with_second_factor(client, editor)
    phase = Phase.objects.get(slug="verstoring")
    response = client.post(
        "/admin/snippets/interventions/intervention/add/",
        {
            "title": "Cameratoezicht",
            "slug": "cameratoezicht",
            "kind": InterventionKind.LEGAL,
            "summary": "Tijdelijke camera's op de plek van de verstoring.",
            "legal_basis": "Artikel 151c Gemeentewet",
            "phases": [phase.pk],
            "classifications": [Classification.objects.get(slug="strafbaar").pk],
            "actors": [Actor.objects.get(slug="gemeente").pk],
            "conditions": "Aanwijzingsbesluit van de gemeenteraad",
            "risks": "Verplaatsing",
            "guidance_page": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Intervention.objects.get(slug="cameratoezicht").phases.get() == phase


def test_admin_form_requires_a_phase(client, editor, home_page):
    login_with_second_factor(client, editor)
    response = client.post(
        "/admin/snippets/interventions/intervention/add/",
        {
            "title": "Zonder fase",
            "slug": "zonder-fase",
            "kind": "legal",
            "summary": "x",
        },
    )
    assert response.status_code == 200
    assert not Intervention.objects.filter(slug="zonder-fase").exists()
