"""The advisers' editor for a case's anonymised text: Draftail with the
formatting the sanitiser keeps, and nothing a request sends becomes an error."""

import json

import pytest
from django.urls import reverse
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from casebook.editor import EDITOR_FEATURES, CaseTextEditor
from casebook.sanitise import TAGS, html_clean
from tests.casebook.factories import submitted_case
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db

CONVERTER = ContentstateConverter(features=EDITOR_FEATURES)

STORED = (
    "<p>[PERSOON-1] riep op tot <strong>rellen</strong> in <em>[PLAATS-1]</em>.</p>"
    "<ul><li>eerste</li><li>tweede</li></ul><ol><li>stap</li></ol>"
)


def _as_posted(html: str) -> str:
    """What Draftail posts for ``html``: its document as JSON."""
    return CONVERTER.from_database_format(html)


def test_every_button_of_the_editor_survives_the_sanitiser():
    """Each feature's markup round-trips through Draftail and the sanitiser:
    no button formats text that saving then throws away."""
    saved = html_clean(CONVERTER.to_database_format(_as_posted(STORED)))
    assert saved == STORED
    assert {"strong", "em", "ul", "ol", "li", "p"} <= TAGS


def test_the_edit_page_shows_draftail_not_html(client, editor, member):
    login_with_second_factor(client, editor)
    case = submitted_case(member)
    body = client.get(reverse("casebook_review:edit", kwargs={"pk": case.pk}))
    html = body.content.decode()
    assert "&lt;p&gt;" not in html  # no raw tags in a bare text box
    assert "wagtailadmin/js/draftail.js" in html


def test_the_adviser_saves_through_the_editor(client, editor, member):
    login_with_second_factor(client, editor)
    case = submitted_case(member)
    url = reverse("casebook_review:edit", kwargs={"pk": case.pk})
    response = client.post(
        url,
        {
            "title": "Oproep tot rellen",
            "what_happened": _as_posted(STORED),
            "interventions_tried": _as_posted(""),
            "lessons": _as_posted("<p>Snel reageren.</p>"),
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.anonymised_what_happened == STORED
    assert case.anonymised_lessons == "<p>Snel reageren.</p>"


@pytest.mark.parametrize(
    "posted",
    [
        "<p>gewone html</p>",
        "{niet: json",
        json.dumps({"blocks": "geen lijst"}),
        json.dumps([1, 2, 3]),
        json.dumps({"blocks": [{"type": "onbekend"}], "entityMap": {}}),
    ],
)
def test_what_is_not_the_editors_json_is_taken_as_text(posted):
    value = CaseTextEditor().value_from_datadict(
        {"what_happened": posted}, {}, "what_happened"
    )
    assert isinstance(value, str)
