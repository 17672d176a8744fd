"""The texts a result may quote come from the page itself, without queries."""

import pytest

from portal.search.summaries import page_texts

pytestmark = pytest.mark.django_db


def test_summary_first_then_body_texts(make_theme, dossier, django_assert_num_queries):
    theme = make_theme("Duiden", intro="Hoe u een oproep duidt.")
    theme.body = [
        ("heading", "Strafbaar of ongewenst"),
        ("paragraph", "<p>Een <b>oproep</b> tot rellen &amp; geweld.</p>"),
        (
            "call_to_action",
            {
                "title": "Bel de vliegende brigade",
                "text": "",
                "page": dossier,
                "url": "",
                "link_text": "Contact",
            },
        ),
    ]
    theme.save_revision().publish()
    theme = type(theme).objects.get(pk=theme.pk)
    # The chosen page in the call to action is not fetched.
    with django_assert_num_queries(0):
        texts = page_texts(theme)
    assert texts == [
        "Hoe u een oproep duidt.",
        "Strafbaar of ongewenst",
        "Een oproep tot rellen & geweld.",
        "Bel de vliegende brigade",
        "Contact",
    ]


def test_news_uses_its_teaser(make_news):
    news = make_news("Roadshow", teaser="De roadshow deed tien gemeenten aan.")
    assert page_texts(news)[0] == "De roadshow deed tien gemeenten aan."


def test_event_body_is_rich_text(make_event):
    event = make_event("Leerkring", intro="Een leerkring.")
    event.body = "<p>Over <i>pedojagers</i> &amp; meer.</p>"
    assert page_texts(event) == ["Een leerkring.", "Over pedojagers & meer."]


def test_search_description_when_there_is_no_intro(make_theme):
    theme = make_theme("Leeg")
    theme.search_description = "Voor zoekmachines."
    assert page_texts(theme) == ["Voor zoekmachines."]
