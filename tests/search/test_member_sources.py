"""The site search finds discussions and expert profiles for approved
members only (portal.accounts.access.members_area_visible_to): visitors and
accounts that are not approved see neither them nor how many there are, and
a hidden message is found by nobody."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.models import Post
from community.selectors import POSTS_PER_PAGE
from tests.accounts.factories import AdviserFactory, MemberFactory, UserFactory
from tests.community.factories import PostFactory, ThemeFactory, ThreadFactory
from tests.experts.factories import ExpertProfileFactory
from tests.queries import page_queries
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db

URL = "/zoeken/"
HIDDEN = "Verborgen noodverordening met namen"


@pytest.fixture
def world(db):
    theme = ThemeFactory(name="Jaarwisseling")
    thread = ThreadFactory(theme=theme, title="Noodverordening bij de jaarwisseling")
    opening = PostFactory(thread=thread, body="<p>Hoe pakt u het aan?</p>")
    reply = PostFactory(
        thread=thread, parent=opening, body="<p>Wij kozen voor cameratoezicht.</p>"
    )
    PostFactory(thread=thread, body=f"<p>{HIDDEN}</p>", hidden=True)
    expert = ExpertProfileFactory(
        user=MemberFactory(first_name="Fatima", last_name="El Amrani"),
        organisation="Veiligheidsregio Noord",
        description="Adviseert burgemeesters over noodbevelen.",
        expertise=["noodverordening"],
    )
    gone = ExpertProfileFactory(
        user=MemberFactory(first_name="Vertrokken", is_active=False),
        description="Ook over de noodverordening.",
    )
    return {
        "thread": thread,
        "opening": opening,
        "reply": reply,
        "expert": expert,
        "gone": gone,
    }


def _adviser(with_second_factor: bool):
    adviser = AdviserFactory()
    if with_second_factor:
        TOTP.activate(adviser, generate_totp_secret())
    return adviser


ROLES = {
    "visitor": None,
    "unverified": lambda: UserFactory(approval_status="unverified"),
    "pending": lambda: UserFactory(approval_status="pending"),
    "rejected": lambda: UserFactory(approval_status="rejected"),
    "member": MemberFactory,
    "adviser without second factor": lambda: _adviser(False),
    "adviser": lambda: _adviser(True),
}
EVERYTHING = {"discussion", "expert"}
# Who finds what, searching for "noodverordening".
FINDS = {
    "visitor": set(),
    "unverified": set(),
    "pending": set(),
    "rejected": set(),
    "member": EVERYTHING,
    "adviser without second factor": EVERYTHING,
    "adviser": EVERYTHING,
}


def _as(client, role: str):
    make = ROLES[role]
    if make is not None:
        user = make()
        if role == "adviser":
            login_with_second_factor(client, user)
        else:
            client.force_login(user)
    return client


def _body(client, **params) -> str:
    response = client.get(URL, {"q": "noodverordening", **params})
    assert response.status_code == 200
    return response.content.decode()


def _found(body: str, world) -> set[str]:
    found = set()
    if f"/community/discussie/{world['thread'].pk}/" in body:
        found.add("discussion")
    if f"#expert-{world['expert'].pk}" in body:
        found.add("expert")
    return found


@pytest.mark.readme_claim(
    "Discussions and expert profiles turn up in the site search for approved "
    "members only: visitors and accounts that are not approved see neither "
    "them nor how many there are, and a hidden message is found by nobody."
)
@pytest.mark.parametrize("role", list(ROLES))
def test_who_finds_what(client, world, role):
    _as(client, role)
    for params in [{}, {"type": "discussies"}, {"type": "experts"}]:
        body = _body(client, **params)
        expected = FINDS[role]
        if params:
            kind = {"discussies": "discussion", "experts": "expert"}[params["type"]]
            expected = expected & {kind}
        assert _found(body, world) == expected, params
        # Hidden messages and inactive experts: nobody, ever.
        assert HIDDEN not in body and "Vertrokken" not in body
        if not FINDS[role]:
            # Not even that they exist, or how many there are.
            assert "Discussies (" not in body and "Experts (" not in body
            assert "Nothing found" not in body and "Niets gevonden" in body


def test_a_visitor_asking_for_discussions_hears_of_no_such_type(client, world):
    body = _body(client, type="discussies")
    assert "Die soort resultaat bestaat niet" in body
    assert body.replace("type=discussies", "type=onbekend").count(
        "Noodverordening"
    ) == _body(client, type="onbekend").count("Noodverordening")


def test_a_hit_links_to_the_message_in_its_thread(client, world, member):
    client.force_login(member)
    body = _body(client, q="cameratoezicht", type="discussies")
    thread, reply = world["thread"], world["reply"]
    assert f'href="/community/discussie/{thread.pk}/#bericht-{reply.pk}"' in body
    assert "<mark>cameratoezicht</mark>" in body
    assert "Jaarwisseling" in body  # the theme


def test_a_late_message_links_to_its_page_of_the_thread(client, world, member):
    thread = world["thread"]
    for _ in range(POSTS_PER_PAGE):
        PostFactory(thread=thread)
    late = PostFactory(thread=thread, body="<p>Achteraf geëvalueerd.</p>")
    client.force_login(member)
    body = _body(client, q="geëvalueerd")
    assert f"/community/discussie/{thread.pk}/?pagina=2#bericht-{late.pk}" in body


def test_a_title_finds_its_thread_once(client, world, member):
    for i in range(3):
        PostFactory(thread=world["thread"], body=f"<p>Reactie {i}</p>")
    client.force_login(member)
    body = _body(client, q="jaarwisseling", type="discussies")
    assert "1 resultaat voor" in body
    assert f"#bericht-{world['opening'].pk}" in body


def test_a_hidden_opening_message_passes_the_title_on(client, world, member):
    Post.objects.filter(pk=world["opening"].pk).update(hidden=True)
    client.force_login(member)
    body = _body(client, q="jaarwisseling", type="discussies")
    assert f"#bericht-{world['reply'].pk}" in body


def test_every_term_must_match_at_the_start_of_a_word(client, world, member):
    for body in ["In de buurtwijk bleef het rustig.", "In de wijk was het onrustig."]:
        PostFactory(thread=ThreadFactory(title="Oud en nieuw"), body=f"<p>{body}</p>")
    client.force_login(member)
    assert "1 resultaat voor" in _body(client, q="wijk", type="discussies")
    assert "1 resultaat voor" in _body(client, q="wijk onrustig", type="discussies")
    assert "Niets gevonden" in _body(client, q="wijk cameratoezicht")


def test_experts_are_found_by_name_organisation_tag_and_description(
    client, world, member
):
    client.force_login(member)
    expert = world["expert"]
    for query in ["Fatima", "amrani", "veiligheidsregio", "noodbevelen"]:
        body = _body(client, q=query, type="experts")
        assert f"#expert-{expert.pk}" in body, query
    assert "/experts/?q=Fatima+El+Amrani#expert-" in body


def test_the_directory_entry_is_where_the_link_goes(client, world, member):
    client.force_login(member)
    expert = world["expert"]
    page = client.get("/experts/", {"q": "Fatima El Amrani"}).content.decode()
    assert f'id="expert-{expert.pk}"' in page


def test_all_types_show_the_first_hits_of_each_and_a_link_to_the_rest(
    client, world, member
):
    for i in range(4):
        PostFactory(body=f"<p>Noodverordening nummer {i}.</p>")
    client.force_login(member)
    body = _body(client)
    assert "Discussies (5)" in body and "Experts (1)" in body
    assert "Alle 5 discussies tonen" in body
    assert "Alle soorten (6)" in body
    assert body.count("#bericht-") == 3


def test_source_results_are_paginated(client, world, member):
    for i in range(25):
        PostFactory(body=f"<p>Noodverordening {i}.</p>")
    client.force_login(member)
    assert "Pagina 1 van 3" in _body(client, type="discussies")
    assert "Pagina 3 van 3" in _body(client, type="discussies", pagina="3")
    body = _body(client, type="discussies", pagina="99")
    assert "Pagina 3 van 3" in body and "laatste" in body


@pytest.mark.parametrize(
    "query",
    ["noodverordening (.*", "[a-z]+ \\", "' OR 1=1 --", "x" * 500, "<b>nood</b>"],
)
def test_odd_input_is_an_ordinary_page(client, world, member, query):
    client.force_login(member)
    response = client.get(URL, {"q": query, "type": "discussies", "pagina": query})
    assert response.status_code == 200


# --- queries ---------------------------------------------------------------------


def _add(n: int) -> None:
    theme = ThemeFactory()
    for i in range(n):
        thread = ThreadFactory(theme=theme, title=f"Wijkaanpak {i}")
        top = PostFactory(thread=thread, body="<p>Over de wijk.</p>")
        PostFactory(thread=thread, parent=top, body="<p>Ook de wijk.</p>")
        ExpertProfileFactory(
            description="Kent de wijk.", expertise=[f"wijk-{i}", "jeugd"]
        )


@pytest.mark.parametrize(
    "url",
    [URL + "?q=wijk", URL + "?q=wijk&type=discussies", URL + "?q=wijk&type=experts"],
)
def test_same_queries_for_3_and_30_matches(
    client, member, url, django_assert_num_queries
):
    client.force_login(member)
    _add(3)
    few = page_queries(client, url)
    _add(27)
    assert "Experts (30)" in client.get(url).content.decode()
    with django_assert_num_queries(few):
        client.get(url)


def test_a_visitor_costs_no_query_for_the_sources(client, world):
    with CaptureQueriesContext(connection) as captured:
        client.get(URL, {"q": "noodverordening"})
    assert not any("community_post" in q["sql"] for q in captured.captured_queries)
    assert not any("experts_" in q["sql"] for q in captured.captured_queries)
