"""Recent activity across the themes, and the one notion of "read" behind
every unread marker: the recent list, the theme's list and the overview."""

import datetime as dt
import itertools

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from community import selectors
from community.models import Follow, Post, ThreadRead
from community.services import post_create, thread_create, thread_read
from portal.accounts.services import account_delete, account_export
from tests.accounts.factories import MemberFactory, UserFactory
from tests.queries import page_queries
from tests.second_factor import login_with_second_factor

from .factories import PostFactory, ThemeFactory, ThreadFactory

pytestmark = pytest.mark.django_db

RECENT = "/community/recent/"


def _thread(theme, author, title, *, at=None, body="Openingsvraag"):
    """A thread as a member starts it, optionally back in time."""
    thread = thread_create(theme=theme, author=author, title=title, body=body)
    if at is not None:
        thread.posts.update(created_at=at)
        type(thread).objects.filter(pk=thread.pk).update(
            created_at=at, last_activity_at=at
        )
        thread.refresh_from_db()
    return thread


_replies = itertools.count()


def _reply(thread, author):
    # Each its own text: the same text twice within seconds is one message.
    body = f"Reactie {next(_replies)}"
    return post_create(thread=thread, author=author, body=body)


def _recent(reader):
    return {t.title: t for t in selectors.recent_threads(reader=reader)}


# --- the list ------------------------------------------------------------------


def test_threads_of_every_theme_latest_activity_first(member, other_member):
    long_ago = timezone.now() - dt.timedelta(days=3)
    old = _thread(ThemeFactory(), other_member, "Oud", at=long_ago)
    _thread(ThemeFactory(), other_member, "Nieuw")
    assert [t.title for t in selectors.recent_threads(reader=member)] == [
        "Nieuw",
        "Oud",
    ]
    _reply(old, other_member)
    assert [t.title for t in selectors.recent_threads(reader=member)][0] == "Oud"


def test_reply_count_and_latest_poster_leave_hidden_messages_out(
    theme, member, other_member
):
    thread = _thread(theme, member, "Signalen")
    _reply(thread, other_member)
    hidden = _reply(thread, MemberFactory(first_name="Verborgen"))
    Post.objects.filter(pk=hidden.pk).update(hidden=True)
    listed = _recent(member)["Signalen"]
    assert listed.reply_count == 1 and listed.post_count == 2
    assert listed.latest_posts[0].author == other_member


def test_a_hidden_opening_message_is_no_reply(theme, member, other_member):
    thread = _thread(theme, member, "Signalen")
    thread.posts.update(hidden=True)
    _reply(thread, other_member)
    assert _recent(member)["Signalen"].reply_count == 1


def test_solution_and_conclusion_count_only_when_visible(theme, member):
    solved = _thread(theme, member, "Opgelost")
    solved.posts.update(marked_as=Post.Mark.SOLUTION)
    concluded = _thread(theme, member, "Conclusie")
    concluded.posts.update(marked_as=Post.Mark.CONCLUSION)
    withdrawn = _thread(theme, member, "Ingetrokken")
    withdrawn.posts.update(marked_as=Post.Mark.CONCLUSION, hidden=True)
    listed = _recent(member)
    assert listed["Opgelost"].solutions and not listed["Opgelost"].conclusions
    assert listed["Conclusie"].conclusions
    assert not listed["Ingetrokken"].conclusions


def test_nobody_but_a_member_sees_a_thread(theme, member):
    _thread(theme, member, "Signalen")
    assert not selectors.recent_threads(reader=UserFactory(approval_status="pending"))
    assert not selectors.recent_threads(reader=AnonymousUser())


# --- read and unread --------------------------------------------------------------


def test_never_opened_is_new_then_replies_by_others_are_counted(
    theme, member, other_member
):
    thread = _thread(theme, other_member, "Signalen")
    assert _recent(member)["Signalen"].read_at is None
    thread_read(thread=thread, user=member)
    assert _recent(member)["Signalen"].read_at is not None
    assert _recent(member)["Signalen"].unread == 0
    _reply(thread, other_member)
    _reply(thread, other_member)
    _reply(thread, member)  # one's own is never unread
    hidden = _reply(thread, other_member)
    Post.objects.filter(pk=hidden.pk).update(hidden=True)
    assert _recent(member)["Signalen"].unread == 2
    thread.refresh_from_db()
    thread_read(thread=thread, user=member)
    assert _recent(member)["Signalen"].unread == 0


def test_reading_writes_only_when_there_is_something_new(
    theme, member, other_member, django_assert_num_queries
):
    thread = _thread(theme, other_member, "Signalen")
    thread_read(thread=thread, user=member)
    with django_assert_num_queries(1):  # the state, no write
        assert thread_read(thread=thread, user=member) is False
    _reply(thread, other_member)
    with CaptureQueriesContext(connection) as queries:
        thread_read(thread=thread, user=member)
    assert any(q["sql"].startswith("UPDATE") for q in queries.captured_queries)
    assert ThreadRead.objects.get(user=member).read_at == thread.posts.last().created_at


def test_the_mark_is_the_latest_message_not_the_clock(theme, member, other_member):
    """A message saved while the member read (an earlier time than the
    moment they read) still counts as unread afterwards."""
    thread = _thread(theme, other_member, "Signalen")
    opening = thread.posts.get()
    thread_read(thread=thread, user=member)
    assert ThreadRead.objects.get(user=member).read_at == opening.created_at
    # Saved with the time its request began, committed after the read.
    PostFactory(
        thread=thread,
        author=other_member,
        created_at=opening.created_at + dt.timedelta(microseconds=1),
    )
    assert _recent(member)["Signalen"].unread == 1


def test_the_mark_never_moves_back(theme, member, other_member):
    thread = _thread(theme, other_member, "Signalen")
    _reply(thread, other_member)
    thread_read(thread=thread, user=member)
    latest = ThreadRead.objects.get(user=member).read_at
    ThreadRead.objects.filter(user=member).update(
        read_at=latest + dt.timedelta(hours=1)
    )
    thread_read(thread=thread, user=member)
    assert ThreadRead.objects.get(user=member).read_at > latest


def test_a_second_tab_that_loses_the_race_only_moves_the_mark_forward(
    theme, member, other_member
):
    from community.services import _read_mark_create

    thread = _thread(theme, other_member, "Signalen")
    earlier = timezone.now() - dt.timedelta(hours=1)
    ThreadRead.objects.create(thread=thread, user=member, read_at=earlier)
    _read_mark_create(thread=thread, user=member, seen=timezone.now())
    assert ThreadRead.objects.get(user=member).read_at > earlier
    _read_mark_create(thread=thread, user=member, seen=earlier)
    assert ThreadRead.objects.get(user=member).read_at > earlier


def test_opening_the_page_marks_it_read_and_a_refused_reply_does_not(
    client, theme, member, other_member
):
    thread = _thread(theme, other_member, "Signalen")
    client.force_login(member)
    url = reverse("community:thread", args=[thread.pk])
    response = client.post(url + "reageren/", {"body": ""})
    assert response.status_code == 400
    assert not ThreadRead.objects.filter(user=member).exists()
    client.get(url)
    assert ThreadRead.objects.filter(user=member, thread=thread).exists()


def test_one_notion_of_read_in_the_recent_list_the_theme_and_the_overview(
    client, theme, member, other_member
):
    thread = _thread(theme, other_member, "Oproepen op Telegram")
    Follow.objects.create(thread=thread, user=member)
    client.force_login(member)
    pages = [RECENT, reverse("community:theme", args=[theme.slug]), "/mijn-account/"]
    for url in pages:
        assert ">nieuw</strong>" in client.get(url).content.decode(), url
    client.get(reverse("community:thread", args=[thread.pk]))
    _reply(thread, other_member)
    for url in pages:
        body = client.get(url).content.decode()
        assert "1 nieuwe reactie" in body and ">nieuw<" not in body, url
    client.get(reverse("community:thread", args=[thread.pk]))
    for url in pages:
        assert "nieuwe reactie" not in client.get(url).content.decode(), url


# --- the page -----------------------------------------------------------------------


def test_recent_page_shows_theme_markers_replies_and_latest_poster(
    client, theme, member, other_member
):
    thread = _thread(theme, member, "Signalen uit de wijk")
    _reply(thread, other_member).__class__.objects.filter(thread=thread).update(
        marked_as=Post.Mark.SOLUTION
    )
    client.force_login(member)
    body = client.get(RECENT).content.decode()
    assert "Recente activiteit" in body
    assert f'href="/community/discussie/{thread.pk}/"' in body
    assert f'href="/community/thema/{theme.slug}/"' in body
    assert "1 reactie" in body
    assert "laatste bericht van Hakan Yildiz" in body
    assert "Beantwoord" in body


def test_recent_page_is_paginated_and_survives_odd_page_numbers(client, theme, member):
    for i in range(selectors.THREADS_PER_PAGE + 1):
        ThreadFactory(theme=theme, title=f"Draad {i:02}")
    client.force_login(member)
    assert "Pagina 1 van 2" in client.get(RECENT).content.decode()
    for odd in ["2", "999", "x", "-1", "1.5"]:
        assert client.get(RECENT, {"pagina": odd}).status_code == 200


def test_recent_page_is_linked_from_the_community_and_the_overview(
    client, thread, member
):
    client.force_login(member)
    assert f'href="{RECENT}"' in client.get("/community/").content.decode()
    overview = client.get("/mijn-account/").content.decode()
    assert overview.count(f'href="{RECENT}"') == 2  # section and own links


def test_recent_page_for_visitors_and_unapproved_accounts(client, thread):
    assert client.get(RECENT).status_code == 302
    client.force_login(UserFactory(approval_status="pending"))
    response = client.get(RECENT)
    assert response.status_code == 403
    assert "Signalen" not in response.content.decode()


# --- privacy ---------------------------------------------------------------------


def test_export_lists_how_far_the_member_read(theme, member, other_member):
    thread = _thread(theme, other_member, "Signalen")
    thread_read(thread=thread, user=member)
    read = account_export(user=member)["community"]["read"]
    assert read == [
        {"discussion": "Signalen", "read_up_to": thread.posts.get().created_at}
    ]


def test_deleting_the_account_erases_the_read_marks(theme, member, other_member):
    thread = _thread(theme, other_member, "Signalen")
    thread_read(thread=thread, user=member)
    thread_read(thread=thread, user=other_member)
    account_delete(user=member)
    assert list(ThreadRead.objects.values_list("user", flat=True)) == [other_member.pk]


# --- queries ----------------------------------------------------------------------


def _fill(theme, n: int, member, other_member) -> None:
    """``n`` threads: read, unread, never opened, marked, with hidden posts."""
    for i in range(n):
        thread = ThreadFactory(theme=ThemeFactory() if i % 2 else theme)
        PostFactory(thread=thread, author=other_member)
        if i % 3 == 0:
            thread_read(thread=thread, user=member)
        PostFactory(thread=thread, author=other_member, marked_as="solution")
        PostFactory(thread=thread, author=member, hidden=True)
        Follow.objects.get_or_create(thread=thread, user=member)


@pytest.mark.parametrize("viewer", ["member", "adviser"])
def test_lists_cost_the_same_for_3_and_30_threads(
    client, theme, member, other_member, adviser, viewer, django_assert_num_queries
):
    login_with_second_factor(client, {"member": member, "adviser": adviser}[viewer])
    reader = {"member": member, "adviser": adviser}[viewer]
    urls = [RECENT, reverse("community:theme", args=[theme.slug]), "/mijn-account/"]
    _fill(theme, 3, reader, other_member)
    few = {url: page_queries(client, url) for url in urls}
    _fill(theme, 27, reader, other_member)
    for url in urls:
        client.get(url)  # new threads start a generation: the menu is read again
        with django_assert_num_queries(few[url]):
            client.get(url)


def test_recent_page_query_budget(
    client, theme, member, other_member, django_assert_num_queries
):
    _fill(theme, 30, member, other_member)
    client.force_login(member)
    client.get(RECENT)
    # session, user, groups; count, threads (with counts and read state as
    # subqueries), their latest messages with authors. The site and the menu
    # come from memory, the management link from the groups.
    with django_assert_num_queries(6):
        client.get(RECENT)
