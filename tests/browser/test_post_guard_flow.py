"""The personal-data guard in a real browser: a member writes a name in a
message, the guard stops it, the member replaces the name and posts; the
starter then marks that answer as the one that helped."""

import pytest
from playwright.sync_api import expect

from community.models import Post
from tests.accounts.factories import MemberFactory
from tests.browser.helpers import log_in
from tests.community.factories import PostFactory, ThemeFactory, ThreadFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_name_is_caught_replaced_and_the_answer_marked(
    live_server, new_page, axe, member
):
    theme = ThemeFactory(name="Online opruiing", slug="online-opruiing")
    starter = MemberFactory(first_name="Marloes", last_name="Verbeek")
    thread = ThreadFactory(theme=theme, author=starter, title="Oproepen op TikTok")
    PostFactory(thread=thread, author=starter, body="<p>Wie heeft ervaring?</p>")
    url = f"/community/discussie/{thread.pk}/"

    person = new_page()
    log_in(person, live_server.url, member.email, url)
    person.get_by_label("Bericht", exact=True).fill(
        "Wij spraken Jan de Vries aan op zijn oproep; daarna bleef het rustig."
    )
    person.get_by_role("button", name="Bericht plaatsen").click()
    guard = person.get_by_role("alert")
    expect(guard.get_by_text("“Jan de Vries” (naam van een persoon)")).to_be_visible()
    axe(person)
    assert not Post.objects.filter(author=member).exists()
    person.get_by_role("button", name="Vervangen en plaatsen").click()
    expect(person.get_by_text("Uw bericht is geplaatst.")).to_be_visible()
    expect(person.get_by_text("Wij spraken [PERSOON-1] aan")).to_be_visible()
    assert "Jan de Vries" not in Post.objects.get(author=member).body

    # The starter marks it as the answer that helped.
    owner = new_page()
    log_in(owner, live_server.url, starter.email, url)
    owner.get_by_role("button", name="Dit beantwoordde mijn vraag").click()
    expect(owner.get_by_text("De markering is opgeslagen.")).to_be_visible()
    axe(owner)
    assert Post.objects.get(author=member).marked_as == Post.Mark.SOLUTION
