"""What the policy book reads: only approved messages in the period, and
activity per theme from aggregate queries."""

import datetime as dt

import pytest
from django.utils import timezone

from community.models import Post
from community.selectors import (
    activity_per_theme,
    conclusions_for_theme,
    meeting_notes_for_period,
    posts_for_period,
    solutions_for_theme,
    threads_for_theme_in_period,
)

from .factories import MeetingNoteFactory, PostFactory, ThemeFactory, ThreadFactory

pytestmark = pytest.mark.django_db

START = timezone.make_aware(dt.datetime(2026, 1, 1))
END = timezone.make_aware(dt.datetime(2026, 7, 1))
INSIDE = timezone.make_aware(dt.datetime(2026, 3, 15, 14))
BEFORE = timezone.make_aware(dt.datetime(2025, 12, 31, 23, 59))


@pytest.fixture
def book_data(theme, member, other_member):
    other_theme = ThemeFactory(name="Complexe demonstraties", slug="demonstraties")
    thread = ThreadFactory(theme=theme, title="Vraag over signalen")
    opening = PostFactory(thread=thread, author=member, created_at=INSIDE)
    conclusion = PostFactory(
        thread=thread, author=other_member, created_at=INSIDE, marked_as="conclusion"
    )
    solution = PostFactory(
        thread=thread, author=member, created_at=INSIDE, marked_as="solution"
    )
    PostFactory(  # hidden: never in the book, even though marked
        thread=thread,
        author=member,
        created_at=INSIDE,
        marked_as="conclusion",
        hidden=True,
        approved=False,
    )
    PostFactory(thread=thread, author=member, created_at=BEFORE, marked_as="conclusion")
    PostFactory(thread__theme=other_theme, author=member, created_at=INSIDE)
    MeetingNoteFactory(theme=theme, meeting_date=dt.date(2026, 2, 10))
    MeetingNoteFactory(theme=theme, meeting_date=dt.date(2026, 2, 10))
    MeetingNoteFactory(theme=theme, meeting_date=dt.date(2026, 5, 12))
    MeetingNoteFactory(theme=theme, meeting_date=dt.date(2026, 7, 1))
    return {
        "thread": thread,
        "opening": opening,
        "conclusion": conclusion,
        "solution": solution,
        "other_theme": other_theme,
    }


def test_posts_for_period_only_approved_and_inside(book_data, theme):
    posts = list(posts_for_period(start=START, end=END))
    assert len(posts) == 4
    assert all(p.approved and not p.hidden for p in posts)
    assert len(posts_for_period(start=START, end=END, theme=theme)) == 3


def test_conclusions_and_solutions(book_data, theme):
    assert list(conclusions_for_theme(theme=theme, start=START, end=END)) == [
        book_data["conclusion"]
    ]
    assert list(solutions_for_theme(theme=theme, start=START, end=END)) == [
        book_data["solution"]
    ]


def test_threads_with_their_question(book_data, theme):
    threads = list(threads_for_theme_in_period(theme=theme, start=START, end=END))
    assert threads == [book_data["thread"]]
    assert threads[0].period_posts == 3
    # The opening post of the thread is the question raised (the earliest).
    assert threads[0].opening_posts[0].created_at == BEFORE


def test_meeting_notes_for_period(book_data, theme):
    notes = list(meeting_notes_for_period(start=START, end=END, theme=theme))
    assert [n.meeting_date for n in notes] == [
        dt.date(2026, 2, 10),
        dt.date(2026, 2, 10),
        dt.date(2026, 5, 12),
    ]


def test_activity_per_theme(book_data, theme, django_assert_num_queries):
    with django_assert_num_queries(3):
        activity = {a.theme.slug: a for a in activity_per_theme(start=START, end=END)}
    main = activity[theme.slug]
    assert (main.threads, main.posts, main.meetings, main.participants) == (1, 3, 2, 2)
    other = activity["demonstraties"]
    assert (other.threads, other.posts, other.meetings, other.participants) == (
        1,
        1,
        0,
        1,
    )


def test_an_empty_period_gives_zeros(book_data):
    far = timezone.make_aware(dt.datetime(2030, 1, 1))
    activity = activity_per_theme(start=far, end=far + dt.timedelta(days=180))
    assert activity and all(a.posts == a.threads == a.meetings == 0 for a in activity)
    assert not posts_for_period(start=far, end=far).exists()


def test_approval_follows_hiding(book_data, adviser):
    from community.moderation import post_hide, post_unhide

    post = book_data["conclusion"]
    post_hide(post=post, by=adviser, reason="Namen")
    assert post not in posts_for_period(start=START, end=END)
    post_unhide(post=post, by=adviser)
    assert Post.objects.get(pk=post.pk) in posts_for_period(start=START, end=END)


def test_policy_book_selectors_stay_fast_at_5000_posts(member, other_member):
    import time

    from community.models import Theme, Thread

    themes = Theme.objects.bulk_create(
        [Theme(name=f"Thema {i}", slug=f"thema-{i}", order=i) for i in range(12)]
    )
    threads = Thread.objects.bulk_create(
        [
            Thread(theme=themes[i % 12], title=f"Draad {i}", author=member)
            for i in range(300)
        ]
    )
    authors = [member, other_member]
    Post.objects.bulk_create(
        [
            Post(
                thread=threads[i % 300],
                author=authors[i % 2],
                body="<p>Ervaring</p>",
                created_at=INSIDE,
                marked_as="conclusion" if i % 50 == 0 else "none",
            )
            for i in range(5000)
        ]
    )
    started = time.perf_counter()
    activity = activity_per_theme(start=START, end=END)
    conclusions = sum(
        len(conclusions_for_theme(theme=t, start=START, end=END)) for t in themes
    )
    threads_seen = sum(
        len(threads_for_theme_in_period(theme=t, start=START, end=END)) for t in themes
    )
    elapsed = time.perf_counter() - started
    assert sum(a.posts for a in activity) == 5000
    assert conclusions == 100 and threads_seen == 300
    assert elapsed < 3, elapsed
