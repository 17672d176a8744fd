"""Payloads through every text field of a case: the member's form, the
corrections in the preview, the question thread, and the adviser's edit of
the anonymised text; rendered in Chromium for the member, the adviser in
the Wagtail admin, and the public once published."""

import uuid

import pytest

from casebook.forms import label_choices
from casebook.models import CasePage, CaseSubmission
from tests.casebook.factories import CaseIndexPageFactory, phase_and_classification

from .browser import assert_clean, visit
from .payloads import ALL_PAYLOADS, SHORT_PAYLOADS, chunks, long_texts
from .people import hostile_member, logged_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _case_fields(number: int = 0) -> dict:
    texts = long_texts()
    return {
        "form_token": str(uuid.uuid4()),
        # Text around the payloads: a title that is nothing but markup is
        # refused as empty once cleaned.
        "title": "xss " + chunks(190)[number],
        "region": "xss " + chunks(190)[number + 1],
        "period": "xss " + chunks(90)[number],
        "what_happened": texts[0],
        "interventions_tried": texts[1],
        "lessons": texts[2],
        "tags": ", ".join(p.replace(",", " ") for p in SHORT_PAYLOADS),
        "action": "preview",
    }


def _submit(client, number: int = 0) -> CaseSubmission:
    """Write the case, mark a missed item that is not in it, confirm."""
    response = client.post("/casuistiek/indienen/", _case_fields(number))
    assert response.status_code == 302, response.context["form"].errors
    case = CaseSubmission.objects.order_by("-pk").first()
    preview = f"/casuistiek/mijn-casussen/{case.pk}/voorbeeld/"
    response = client.post(
        preview, {"text": chunks(200)[4], "label": label_choices()[0][0]}
    )
    assert response.status_code == 302
    return case


def _confirm(client, case: CaseSubmission) -> None:
    case.refresh_from_db()
    client.post(
        f"/casuistiek/mijn-casussen/{case.pk}/voorbeeld/",
        {"action": "confirm", "version": case.anonymised_source},
    )
    case.refresh_from_db()
    assert case.in_review


def _review(adviser, case: CaseSubmission) -> None:
    """The adviser asks a question, writes payloads into the anonymised
    text and publishes it to the public."""
    base = f"/admin/casuistiek/{case.pk}/"
    adviser.post(base + "bericht/", {"body": chunks(5000)[0]})
    fields = _case_fields(2)
    fields.pop("form_token"), fields.pop("action")
    response = adviser.post(base + "bewerken/", fields)
    assert response.status_code == 302, response.context["form"].errors
    adviser.post(base + "publiceren/", {"confirmed": "1"})


def test_case_pages_run_no_submitted_script(live_server, hostile_page, editor):
    phase_and_classification()
    index = CaseIndexPageFactory(
        parent=CasePage.get_first_root_node().get_children()[0]
    )
    author = hostile_member()
    member = logged_in(author)
    adviser = logged_in(editor)
    published = _submit(member)
    member_page = hostile_page(client=member)  # shows the correction's message
    base = live_server.url
    findings = [
        visit(
            member_page, f"{base}/casuistiek/mijn-casussen/{published.pk}/voorbeeld/"
        ),
        visit(member_page, f"{base}/casuistiek/mijn-casussen/{published.pk}/bewerken/"),
    ]
    _confirm(member, published)
    member.post(
        f"/casuistiek/mijn-casussen/{published.pk}/bericht/", {"body": ALL_PAYLOADS}
    )
    rejected = _submit(member, number=1)
    _confirm(member, rejected)
    adviser.post(
        f"/admin/casuistiek/{rejected.pk}/afwijzen/",
        {"reason": ALL_PAYLOADS, "confirmed": "1"},
    )
    adviser_page = hostile_page(client=adviser)
    for case in (published, rejected):
        findings.append(
            visit(
                adviser_page, f"{base}/admin/casuistiek/{case.pk}/", expect_text="xss"
            )
        )
    findings += [
        visit(adviser_page, f"{base}/admin/casuistiek/"),
        visit(adviser_page, f"{base}/admin/casuistiek/{published.pk}/origineel/"),
        visit(adviser_page, f"{base}/admin/casuistiek/{published.pk}/bewerken/"),
    ]
    _review(adviser, published)
    page = CasePage.objects.get()
    tag = page.tags.exclude(slug="").first()
    visitor = hostile_page()
    findings += [
        visit(adviser_page, f"{base}/admin/casuistiek/{published.pk}/"),
        visit(member_page, f"{base}/casuistiek/mijn-casussen/", expect_text="xss"),
        *(
            visit(member_page, f"{base}/casuistiek/mijn-casussen/{c.pk}/")
            for c in (published, rejected)
        ),
        visit(visitor, base + page.url, expect_text="xss"),
        visit(visitor, base + index.url, expect_text="xss"),
        visit(visitor, f"{base}{index.url}?tag={tag.slug}"),
    ]
    assert_clean(findings)
