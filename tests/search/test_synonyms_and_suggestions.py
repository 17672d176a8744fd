"""The synonym groups advisers keep, the vocabulary of "Did you mean" and
what the index holds (stems for the search, the title as typed for the
admin's autocomplete)."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from knowledge.models import ThemePage
from portal.accounts.roles import ADVISERS_GROUP
from portal.search import suggestions
from portal.search.models import SynonymGroup, group_words
from portal.search.synonyms import synonym_groups, term_alternatives
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db

GROUPS = [
    ["rel", "rellen", "ongeregeldheden", "onrust"],
    ["noodbevel", "noodverordening"],
]


def test_group_words_one_per_line_or_by_commas():
    assert group_words(" Rel\nrellen, Onrust;\n\nrel \n openbare  orde") == [
        "rel",
        "rellen",
        "onrust",
        "openbare orde",
    ]


def test_a_group_needs_two_words():
    with pytest.raises(ValidationError):
        SynonymGroup(words="rel\nrel").full_clean()
    SynonymGroup(words="rel, onrust").full_clean()


@pytest.mark.parametrize(
    ("term", "alternatives"),
    [
        ("onrust", ["onrust", "rel", "rellen", "ongeregeldheden"]),
        ("relletje", ["relletje"]),  # another word, not a form of 'rel'
        ("noodverordeningen", ["noodverordeningen", "noodbevel", "noodverordening"]),
        ("de", ["de"]),  # a stop word is in no group
        ("gebiedsverbod", ["gebiedsverbod"]),
    ],
)
def test_a_term_matches_every_word_of_its_group_in_any_form(term, alternatives):
    assert term_alternatives(term, GROUPS) == alternatives


def test_the_migration_gives_the_two_groups_and_the_advisers_rights():
    words = [group.word_list for group in SynonymGroup.objects.all()]
    assert GROUPS[0] in words and GROUPS[1] in words
    codenames = set(
        Group.objects.get(name=ADVISERS_GROUP)
        .permissions.filter(content_type__app_label="portal_search")
        .values_list("codename", flat=True)
    )
    assert codenames == {
        "add_synonymgroup",
        "change_synonymgroup",
        "delete_synonymgroup",
        "view_synonymgroup",
    }


def test_groups_are_read_once_then_cached(django_assert_num_queries):
    with django_assert_num_queries(1):
        synonym_groups()
    with django_assert_num_queries(0):
        synonym_groups()


def test_an_adviser_adds_a_group_and_the_search_uses_it_at_once(
    client, editor, make_theme
):
    theme = make_theme("Vuurwerk", intro="Illegaal vuurwerk in de wijk.")
    assert theme.url not in client.get("/zoeken/", {"q": "knallers"}).content.decode()
    login_with_second_factor(client, editor)
    response = client.post(
        "/admin/snippets/portal_search/synonymgroup/add/",
        {"words": "vuurwerk\nknallers"},
    )
    assert response.status_code == 302, response.content.decode()[:1000]
    assert theme.url in client.get("/zoeken/", {"q": "knallers"}).content.decode()


def test_a_group_of_one_word_is_refused_in_the_admin(client, editor):
    login_with_second_factor(client, editor)
    response = client.post(
        "/admin/snippets/portal_search/synonymgroup/add/", {"words": "vuurwerk"}
    )
    assert response.status_code == 200
    assert "Geef ten minste twee woorden" in response.content.decode()


def test_a_member_cannot_reach_the_groups_in_the_admin(client, member):
    client.force_login(member)
    response = client.get("/admin/snippets/portal_search/synonymgroup/")
    assert response.status_code in (302, 403)


def test_vocabulary_is_public_pages_words_cached_until_a_publication(
    make_theme, dossier
):
    make_theme("Last onder dwangsom", intro="Wanneer een dwangsom helpt.")
    words = suggestions.vocabulary()
    assert {"dwangsom", "wanneer", "helpt", "last"} <= set(words)
    assert "onder" not in words and "een" not in words  # stop words
    with CaptureQueriesContext(connection) as captured:
        suggestions.vocabulary()
    assert len(captured) == 0
    make_theme("Cameratoezicht", intro="Camera's bij het station.")  # published
    assert "cameratoezicht" in suggestions.vocabulary()


def test_closest_word_in_python_and_in_the_database():
    known = ["dwangsom", "gebiedsverbod", "noodverordening"]
    assert suggestions._closest_python(["dwansgom", "xyzxyz"], known) == {
        "dwansgom": "dwangsom"
    }
    if connection.vendor == "postgresql":
        assert suggestions._closest_postgresql(["dwansgom", "xyzxyz"], known) == {
            "dwansgom": "dwangsom"
        }


def test_index_holds_stems_and_autocomplete_the_title_as_typed(make_theme):
    theme = make_theme("Rellen in Ede", intro="Twee demonstraties.")
    backend = get_search_backend()
    pages = ThemePage.objects.live()
    assert list(backend.search("rel", pages)) == [theme]
    assert list(backend.search("demonstratie", pages)) == [theme]
    assert list(backend.autocomplete("Rell", pages)) == [theme]
    assert list(backend.autocomplete("rel ede", pages)) == []
