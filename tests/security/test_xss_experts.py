"""Payloads through the expert network: an expert's own profile, a help
request, its message thread and the directory's search; rendered in
Chromium for the requester, the expert, the adviser (also in the Wagtail
admin) and other members."""

import uuid

import pytest

from experts.models import ExpertiseTag, HelpRequest
from tests.experts.factories import ExpertProfileFactory

from .browser import assert_clean, submit, visit
from .payloads import ALL_PAYLOADS, SHORT_PAYLOADS, chunks, long_texts
from .people import hostile_member, logged_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _expert():
    profile = ExpertProfileFactory(user=hostile_member())
    client = logged_in(profile.user)
    response = client.post(
        "/experts/mijn-expertprofiel/",
        {
            "availability": "available",
            "description": "xss " + chunks(990)[0],
            "phone": ("06 " + SHORT_PAYLOADS[3])[:30],
            "show_phone": "on",
            "show_email": "on",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    return profile, client


def _request(client) -> HelpRequest:
    ExpertiseTag.objects.create(name="online monitoring", slug="online-monitoring")
    response = client.post(
        "/experts/hulpvragen/nieuw/",
        {
            "urgency": "acute",
            "callback_phone": "06-12345678",
            "municipality": "xss " + chunks(190)[0],
            "region": "utrecht",
            "description": long_texts()[0],
            "expertise": ["online-monitoring"],
            "form_token": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    return HelpRequest.objects.get()


def test_expert_pages_run_no_member_script(live_server, hostile_page, editor):
    profile, expert = _expert()
    requester = logged_in(hostile_member())
    help_request = _request(requester)
    adviser = logged_in(editor)
    url = f"/experts/hulpvragen/{help_request.pk}/"
    response = adviser.post(url + "toewijzen/", {"experts": [profile.pk]})
    assert response.status_code == 302, response.context["form"].errors
    for client, text in ((requester, ALL_PAYLOADS), (expert, long_texts()[1])):
        assert client.post(url + "bericht/", {"body": text}).status_code == 302
    adviser.post(url + "bericht/", {"body": long_texts()[2]})

    base = live_server.url
    pages = {
        "requester": hostile_page(client=requester),
        "expert": hostile_page(client=expert),
        "adviser": hostile_page(client=adviser),
    }
    findings = [visit(page, base + url, expect_text="xss") for page in pages.values()]
    findings += [
        visit(pages["requester"], f"{base}/experts/", expect_text="xss"),
        visit(pages["requester"], f"{base}/experts/?q={chunks(100)[0]}"),
        visit(pages["expert"], f"{base}/experts/mijn-expertprofiel/"),
        visit(pages["expert"], f"{base}/experts/hulpvragen/", expect_text="xss"),
        visit(pages["adviser"], f"{base}/experts/hulpvragen/", expect_text="xss"),
        visit(pages["adviser"], f"{base}{url}toewijzen/"),
        visit(pages["adviser"], f"{base}/admin/snippets/experts/expertprofile/"),
    ]
    # Refused text comes back in the form: here too long, so kept as typed.
    page = pages["requester"]
    page.goto(base + url)
    page.get_by_role("textbox", name="Bericht").fill(ALL_PAYLOADS * 6)
    findings.append(submit(page, page.get_by_role("button", name="Bericht versturen")))
    assert_clean(findings)
