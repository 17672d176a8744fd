"""``manage.py load_demo`` builds the casebook once: the overview and two
published, already anonymised cases."""

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from casebook.models import CaseIndexPage, CasePage

pytestmark = pytest.mark.django_db


def test_load_demo_is_idempotent(client, home_page):
    call_command("load_demo")
    call_command("load_demo")
    index = CaseIndexPage.objects.get()
    assert index.title == "Casuïstiek" and index.live and index.show_in_menus
    cases = CasePage.objects.child_of(index).live()
    assert cases.count() == 2
    public = cases.get(slug="tiktok-oproep-tot-rellen-na-voetbalwedstrijd")
    assert public.phase.slug == "mobilisatie"
    assert {p.slug for p in public.platforms.all()} == {
        "tiktok",
        "snapchat",
        "whatsapp",
    }
    members = cases.get(slug="pedojagers-telegramgroep-in-een-woonwijk")
    assert PageViewRestriction.objects.filter(page=members).count() == 1
    body = client.get(index.url).content.decode()
    assert public.title in body and members.title not in body
    assert "[HANDLE-1]" in client.get(public.url).content.decode()
