"""A member posts, an adviser marks the conclusion, builds the policy book
from the admin and opens its web edition, in a real browser."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from community.models import Post
from community.policybook.periods import half_year_of
from tests.accounts.factories import MemberFactory
from tests.browser.helpers import log_in
from tests.community.conftest import pdf_engine  # noqa: F401 - fixture
from tests.community.factories import PostFactory, ThemeFactory, ThreadFactory
from tests.conftest import totp_code

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("pdf_engine"),
]


def test_adviser_builds_the_policy_book_and_opens_it(
    live_server, new_page, axe, member, editor
):
    member.organisation = "Politie Eenheid Oost-Nederland"
    member.save()
    theme = ThemeFactory(name="Online opruiing", slug="online-opruiing")
    starter = MemberFactory(first_name="Marloes", last_name="Verbeek")
    thread = ThreadFactory(
        theme=theme, author=starter, title="Hoe signaleren we oproepen op tijd?"
    )
    PostFactory(
        thread=thread,
        author=starter,
        body="<p>Hoe zien jullie oproepen op sociale media op tijd?</p>",
    )
    url = f"/community/discussie/{thread.pk}/"

    person = new_page()
    log_in(person, live_server.url, member.email, url)
    person.get_by_label("Bericht", exact=True).fill(
        "Een vast meldpunt bij de politie werkt het best."
    )
    person.get_by_role("button", name="Bericht plaatsen").click()
    expect(person.get_by_text("Uw bericht is geplaatst.")).to_be_visible()
    mine = Post.objects.get(author=member)

    adviser = new_page()
    log_in(adviser, live_server.url, editor.email, url)
    adviser.get_by_label("Code", exact=True).fill(totp_code(editor.totp_secret))
    adviser.get_by_role("button", name="Inloggen").click()
    adviser.locator(f"#bericht-{mine.pk}").get_by_role(
        "button", name="Markeer als conclusie"
    ).click()
    expect(adviser.get_by_text("De markering is opgeslagen.")).to_be_visible()

    # The adviser builds the book of this half year from the admin.
    adviser.goto(live_server.url + "/admin/")
    expect(adviser.get_by_role("heading", name="Voor adviseurs")).to_be_visible()
    adviser.get_by_role("link", name="Beleidsboek maken").first.click()
    adviser.get_by_label("Halfjaar").fill(half_year_of(timezone.now()).code)
    adviser.get_by_role("button", name="Boek maken").click()
    expect(adviser.locator("progress")).to_have_attribute("value", "100")
    expect(adviser.get_by_text("Het boek is als concept opgeslagen.")).to_be_visible()

    adviser.get_by_role("link", name="Webeditie bekijken").click()
    expect(adviser.get_by_role("heading", level=1)).to_contain_text("Beleidsboek")
    expect(adviser.get_by_role("navigation", name="Inhoud")).to_be_visible()
    adviser.get_by_role("link", name="Online opruiing").click()
    chapter = adviser.locator("#thema-online-opruiing")
    expect(
        chapter.get_by_text("Een vast meldpunt bij de politie werkt")
    ).to_be_visible()
    expect(chapter.get_by_text("— politie")).to_be_visible()
    expect(chapter.get_by_text("Hoe signaleren we oproepen op tijd?")).to_be_visible()
    body = adviser.locator("main").inner_text()
    assert "Verbeek" not in body and member.last_name not in body
    axe(adviser)
