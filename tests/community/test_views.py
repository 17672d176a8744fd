"""The community's pages: who may open what, and what they see."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from community.models import ModerationAction, Post, Thread
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.second_factor import login_with_second_factor

from .factories import MeetingNoteFactory, PostFactory, ThreadFactory

pytestmark = pytest.mark.django_db


def _urls(thread, theme) -> dict[str, tuple[str, str]]:
    post = thread.posts.get()
    return {
        "home": ("get", reverse("community:home")),
        "theme": ("get", reverse("community:theme", args=[theme.slug])),
        "new": ("get", reverse("community:thread_create", args=[theme.slug])),
        "thread": ("get", reverse("community:thread", args=[thread.pk])),
        "reply": ("post", reverse("community:post_create", args=[thread.pk])),
        "follow": ("post", reverse("community:thread_follow", args=[thread.pk])),
        "edit": ("get", reverse("community:post_edit", args=[post.pk])),
        "lock": ("post", reverse("community:thread_lock", args=[thread.pk])),
        "mark": ("post", reverse("community:post_mark", args=[post.pk])),
        "hide": ("post", reverse("community:post_hide", args=[post.pk])),
        "unhide": ("post", reverse("community:post_unhide", args=[post.pk])),
    }


def test_anonymous_visitors_are_sent_to_log_in(client, thread, theme):
    for name, (method, url) in _urls(thread, theme).items():
        response = getattr(client, method)(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith("/accounts/login/?next="), name


def test_unapproved_accounts_get_the_members_only_explanation(
    client, thread, theme, unapproved
):
    client.force_login(unapproved)
    for name, (method, url) in _urls(thread, theme).items():
        response = getattr(client, method)(url)
        assert response.status_code == 403, name
        body = response.content.decode()
        assert "Alleen voor leden" in body, name
        assert "Openingsvraag" not in body
        assert "no-cache" in response["Cache-Control"]


def test_members_read_and_take_part_but_do_not_moderate(client, thread, theme, member):
    client.force_login(member)
    urls = _urls(thread, theme)
    for name in ("home", "theme", "new", "thread", "edit"):
        assert client.get(urls[name][1]).status_code == 200, name
    assert client.post(urls["follow"][1], {"follow": "1"}).status_code == 302
    for name in ("lock", "hide", "unhide"):
        response = client.post(
            urls[name][1], {"marked_as": "conclusion", "reason": "x"}
        )
        assert response.status_code == 403, name
    # Marking is open to members for the answer that helped in their own
    # thread; a conclusion is refused with the reason, on the thread.
    response = client.post(urls["mark"][1], {"marked_as": "conclusion"})
    assert response.status_code == 302
    assert not ModerationAction.objects.exists()


def test_advisers_moderate(client, thread, theme, adviser):
    login_with_second_factor(client, adviser)
    urls = _urls(thread, theme)
    for name in ("home", "theme", "new", "thread"):
        assert client.get(urls[name][1]).status_code == 200, name
    assert client.post(urls["mark"][1], {"marked_as": "conclusion"}).status_code == 302
    assert client.post(urls["hide"][1], {"reason": "Privacy"}).status_code == 302
    assert client.post(urls["unhide"][1]).status_code == 302
    assert client.post(urls["lock"][1], {"locked": "1"}).status_code == 302
    thread.refresh_from_db()
    assert thread.locked
    assert thread.posts.get().marked_as == Post.Mark.CONCLUSION
    assert ModerationAction.objects.count() == 4


def test_another_members_message_cannot_be_edited(client, thread, other_member):
    client.force_login(other_member)
    post = thread.posts.get()
    url = reverse("community:post_edit", args=[post.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"body": "Overgenomen"}).status_code == 403


@pytest.mark.parametrize(
    ("name", "method", "kwargs"),
    [
        ("community:theme", "get", {"slug": "bestaat-niet"}),
        ("community:thread_create", "get", {"slug": "bestaat-niet"}),
        ("community:thread", "get", {"pk": 999999}),
        ("community:post_create", "post", {"pk": 999999}),
        ("community:thread_follow", "post", {"pk": 999999}),
        ("community:post_edit", "get", {"pk": 999999}),
        ("community:thread_lock", "post", {"pk": 999999}),
        ("community:post_mark", "post", {"pk": 999999}),
        ("community:post_hide", "post", {"pk": 999999}),
        ("community:post_unhide", "post", {"pk": 999999}),
    ],
)
def test_wrong_ids_are_not_found(client, adviser, name, method, kwargs):
    login_with_second_factor(client, adviser)
    response = getattr(client, method)(reverse(name, kwargs=kwargs), {"reason": "x"})
    assert response.status_code == 404


def test_member_starts_a_thread_with_an_event_and_tags(
    client, theme, member, home_page
):
    cop = EventPageFactory(
        parent=EventIndexPageFactory(parent=home_page), kind="cop", title="CoP sep"
    )
    client.force_login(member)
    url = reverse("community:thread_create", args=[theme.slug])
    form_page = client.get(url + f"?bijeenkomst={cop.pk}").content.decode()
    assert "CoP sep" in form_page and 'name="token"' in form_page
    response = client.post(
        url,
        {
            "title": "Wie kent de melder?",
            "event": cop.pk,
            "body": "Vraag aan allen",
            "tags": "Ondermijning, wijk",
        },
        follow=True,
    )
    thread = Thread.objects.get()
    assert response.redirect_chain[-1][0] == f"/community/discussie/{thread.pk}/"
    assert "Uw discussie is gestart" in response.content.decode()
    assert thread.event == cop and set(thread.tags.names()) == {"ondermijning", "wijk"}


def test_new_thread_form_errors_are_dutch_and_tied_to_fields(client, theme, member):
    client.force_login(member)
    response = client.post(
        reverse("community:thread_create", args=[theme.slug]),
        {
            "title": "",
            "body": "<script>alert(1)</script>",
            "tags": ",".join(f"t{i}" for i in range(9)),
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "leeg" in body  # empty once cleaned
    assert "Gebruik maximaal 8 trefwoorden" in body
    assert 'aria-invalid="true"' in body
    assert not Thread.objects.exists()


def test_reply_through_the_page(client, thread, other_member):
    client.force_login(other_member)
    top = thread.posts.get()
    page = client.get(
        reverse("community:thread", args=[thread.pk]) + f"?reageer={top.pk}"
    ).content.decode()
    assert "Reageren op" in page
    response = client.post(
        reverse("community:post_create", args=[thread.pk]),
        {"body": "Bij ons ook", "parent": top.pk, "token": "", "tags": ""},
    )
    reply = thread.posts.get(parent=top)
    assert response["Location"].endswith(f"#bericht-{reply.pk}")


def test_reply_errors_show_on_the_thread_page(client, thread, other_member):
    client.force_login(other_member)
    url = reverse("community:post_create", args=[thread.pk])
    too_long = client.post(url, {"body": "a" * 20_001})
    assert too_long.status_code == 400
    assert "20.001" in too_long.content.decode()
    gone = client.post(url, {"body": "x", "parent": 999999})
    assert gone.status_code == 400
    assert "bestaat niet meer" in gone.content.decode()
    assert thread.posts.count() == 1


def test_locked_thread_has_no_reply_form_and_refuses_posts(
    client, thread, other_member
):
    Thread.objects.filter(pk=thread.pk).update(locked=True)
    client.force_login(other_member)
    page = client.get(reverse("community:thread", args=[thread.pk])).content.decode()
    assert "gesloten" in page and "Bericht plaatsen" not in page
    response = client.post(
        reverse("community:post_create", args=[thread.pk]), {"body": "x"}, follow=True
    )
    assert "gesloten" in response.content.decode()
    assert thread.posts.count() == 1


def test_edit_link_only_within_the_window(client, thread, member, settings):
    settings.COMMUNITY_EDIT_WINDOW_MINUTES = 30
    post = thread.posts.get()
    client.force_login(member)
    url = reverse("community:thread", args=[thread.pk])
    edit_url = reverse("community:post_edit", args=[post.pk])
    assert edit_url in client.get(url).content.decode()
    response = client.post(edit_url, {"body": "Verbeterd"})
    assert response.status_code == 302
    with freeze_time(timezone.now() + dt.timedelta(minutes=31)):
        assert edit_url not in client.get(url).content.decode()
        late = client.get(edit_url, follow=True).content.decode()
        assert "tot 30 minuten na het plaatsen" in late
        refused = client.post(edit_url, {"body": "Te laat"}, follow=True)
        assert "tot 30 minuten na het plaatsen" in refused.content.decode()
    post.refresh_from_db()
    assert post.body == "<p>Verbeterd</p>"


def test_hidden_message_text_is_gone_for_members_but_shown_to_advisers(
    client, thread, other_member, adviser
):
    PostFactory(thread=thread, author=other_member, body="<p>Adres van bewoner</p>")
    secret = thread.posts.get(author=other_member)
    Post.objects.filter(pk=secret.pk).update(
        hidden=True, approved=False, hidden_reason="Privacy", hidden_by=adviser
    )
    url = reverse("community:thread", args=[thread.pk])
    client.force_login(other_member)
    page = client.get(url).content.decode()
    assert "Adres van bewoner" not in page
    assert "verborgen door moderator: Privacy" in page
    login_with_second_factor(client, adviser)
    page = client.get(url).content.decode()
    assert "Adres van bewoner" in page
    assert "verborgen door moderator: Privacy" in page
    assert "Opnieuw tonen" in page


def test_marked_messages_are_shown_as_such(client, thread, member, adviser):
    Post.objects.filter(thread=thread).update(marked_as="solution", marked_by=adviser)
    client.force_login(member)
    page = client.get(reverse("community:thread", args=[thread.pk])).content.decode()
    assert "Voorgestelde oplossing" in page and "Joeri Vig" in page


def test_theme_page_filters_by_tag_and_shows_meeting_notes(client, theme, member):
    ThreadFactory(theme=theme, title="Over TikTok", tags=["tiktok"])
    ThreadFactory(theme=theme, title="Over Telegram", tags=["telegram"])
    MeetingNoteFactory(theme=theme, agenda_item="Campagne Breda")
    client.force_login(member)
    url = reverse("community:theme", args=[theme.slug])
    page = client.get(url + "?tag=tiktok").content.decode()
    assert "Over TikTok" in page and "Over Telegram" not in page
    assert "Campagne Breda" in page and "Eén afzender" in page
    odd = client.get(url + "?tag=bestaat-niet&pagina=abc")
    assert odd.status_code == 200
    assert "Er is geen trefwoord met die naam" in odd.content.decode()
    assert "Over Telegram" in odd.content.decode()


def test_theme_page_lists_latest_activity_first(client, theme, member):
    old = ThreadFactory(theme=theme, title="Oude draad")
    new = ThreadFactory(theme=theme, title="Nieuwe draad")
    Thread.objects.filter(pk=old.pk).update(
        last_activity_at=timezone.now() - dt.timedelta(days=3)
    )
    client.force_login(member)
    page = client.get(reverse("community:theme", args=[theme.slug])).content.decode()
    assert page.index(new.title) < page.index(old.title)


def test_home_lists_themes_with_counts(client, theme, thread, member):
    client.force_login(member)
    page = client.get(reverse("community:home")).content.decode()
    assert theme.name in page and "1 discussie" in page


def test_follow_and_unfollow_buttons(client, thread, other_member):
    client.force_login(other_member)
    url = reverse("community:thread_follow", args=[thread.pk])
    client.post(url, {"follow": "1"})
    assert thread.follows.filter(user=other_member).exists()
    client.post(url, {"follow": "0"})
    assert not thread.follows.filter(user=other_member).exists()


def test_methods_other_than_post_are_refused_for_actions(client, thread, adviser):
    login_with_second_factor(client, adviser)
    post = thread.posts.get()
    for url in (
        reverse("community:post_create", args=[thread.pk]),
        reverse("community:post_mark", args=[post.pk]),
        reverse("community:thread_lock", args=[thread.pk]),
    ):
        assert client.get(url).status_code == 405


def test_a_reply_on_the_second_page_leads_back_there(client, thread, other_member):
    from community.selectors import POSTS_PER_PAGE

    start = timezone.now()
    for i in range(POSTS_PER_PAGE):
        PostFactory(thread=thread, created_at=start + dt.timedelta(minutes=i + 1))
    last = thread.posts.filter(parent=None).order_by("created_at").last()
    client.force_login(other_member)
    url = reverse("community:thread", args=[thread.pk])
    page_two = client.get(url + "?pagina=2").content.decode()
    assert f"pagina=2&amp;reageer={last.pk}" in page_two
    response = client.post(
        reverse("community:post_create", args=[thread.pk]) + "?pagina=2",
        {"body": "Antwoord", "parent": last.pk},
    )
    reply = thread.posts.get(parent=last)
    assert response["Location"] == f"{url}?pagina=2#bericht-{reply.pk}"
    assert "Antwoord" in client.get(url + "?pagina=2").content.decode()


def test_members_find_the_community_in_the_main_menu(client, member, unapproved):
    client.force_login(member)
    home = client.get(reverse("community:home")).content.decode()
    assert 'href="/community/" aria-current="page">Community of practice</a>' in home
    client.force_login(unapproved)
    assert 'href="/community/"' not in client.get("/").content.decode()
