"""A member takes part in a discussion and an adviser marks the conclusion,
in a real browser."""

import pytest
from playwright.sync_api import expect

from community.models import Post
from tests.accounts.factories import MemberFactory
from tests.browser.helpers import log_in
from tests.community.factories import PostFactory, ThemeFactory, ThreadFactory
from tests.conftest import totp_code

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_member_posts_and_replies_adviser_marks_a_conclusion(
    live_server, new_page, axe, member, editor
):
    theme = ThemeFactory(name="Ondermijning en burgerinitiatieven", slug="ondermijning")
    starter = MemberFactory(first_name="Marloes", last_name="Verbeek")
    thread = ThreadFactory(
        theme=theme,
        author=starter,
        title="Hoe betrekken we buurtbewoners bij het signaleren?",
    )
    PostFactory(
        thread=thread,
        author=starter,
        body="<p>Hoe zorgen jullie dat signalen van bewoners binnenkomen?</p>",
    )
    url = f"/community/discussie/{thread.pk}/"

    # The member adds a message, then replies to the opening question.
    person = new_page()
    log_in(person, live_server.url, member.email, "/community/")
    axe(person)
    person.get_by_role("link", name="Ondermijning en burgerinitiatieven").click()
    expect(person.get_by_text("1 bericht")).to_be_visible()
    axe(person)
    person.get_by_role("link", name=thread.title).click()
    expect(person.get_by_role("heading", level=1)).to_have_text(thread.title)
    axe(person)
    person.get_by_label("Bericht", exact=True).fill(
        "Bij ons werkt een vaste wijkagent als aanspreekpunt het best."
    )
    person.get_by_role("button", name="Bericht plaatsen").click()
    expect(person.get_by_text("Uw bericht is geplaatst.")).to_be_visible()
    mine = Post.objects.get(author=member)
    person.get_by_role("link", name="Reageren op Marloes Verbeek").click()
    expect(
        person.get_by_role("heading", name="Reageren op Marloes Verbeek")
    ).to_be_visible()
    person.get_by_label("Bericht", exact=True).fill("En buurtpreventie-apps helpen.")
    person.get_by_role("button", name="Bericht plaatsen").click()
    expect(person.get_by_text("En buurtpreventie-apps helpen.")).to_be_visible()
    assert Post.objects.filter(author=member, parent__isnull=False).count() == 1

    # The adviser signs in with the second factor and marks the conclusion.
    adviser = new_page()
    log_in(adviser, live_server.url, editor.email, url)
    adviser.get_by_label("Code", exact=True).fill(totp_code(editor.totp_secret))
    adviser.get_by_role("button", name="Inloggen").click()
    article = adviser.locator(f"#bericht-{mine.pk}")
    article.get_by_role("button", name="Markeer als conclusie").click()
    expect(adviser.get_by_text("De markering is opgeslagen.")).to_be_visible()
    axe(adviser)

    # The member sees the message marked as a conclusion.
    person.goto(live_server.url + url)
    expect(
        person.locator(f"#bericht-{mine.pk}").get_by_text("Conclusie", exact=True)
    ).to_be_visible()
    axe(person)
    mine.refresh_from_db()
    assert mine.marked_as == Post.Mark.CONCLUSION and mine.marked_by == editor
