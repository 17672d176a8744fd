"""Reads of the discussions: for the community's own pages, and for the
policy book (the functions under "Policy book"), which reads nothing else.

Periods are half-open, ``start <= moment < end``, as aware datetimes.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    Expression,
    ExpressionWrapper,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from events.selectors import community_meetings
from portal.accounts.access import members_area_visible_to, page_visible_to

from .models import (
    CommunityTag,
    Follow,
    MeetingNote,
    Post,
    Theme,
    Thread,
    ThreadRead,
    TopicWish,
    TopicWishVote,
)
from .moderation import starter_may_mark

THREADS_PER_PAGE = 20
POSTS_PER_PAGE = 30
NOTES_ON_THEME_PAGE = 10


def _get_or_404(queryset: QuerySet, **lookup):
    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


# Community pages -----------------------------------------------------------


def themes_overview() -> QuerySet[Theme]:
    """Every theme with its number of threads and its latest activity."""
    return Theme.objects.annotate(
        thread_count=Count("threads", distinct=True),
        last_activity_at=Max("threads__last_activity_at"),
    ).order_by("order", "name")


def theme_or_404(*, slug: str) -> Theme:
    return _get_or_404(Theme.objects.all(), slug=slug)


def tag_or_none(*, slug: str) -> CommunityTag | None:
    return CommunityTag.objects.filter(slug=slug).first() if slug else None


def threads_visible_to(user) -> QuerySet[Thread]:
    """The threads ``user`` may see. The discussions are members-only as a
    whole and every theme is open to every member, so this is all threads
    or none; lists and search start here so a rule per theme lands once."""
    if not members_area_visible_to(user):
        return Thread.objects.none()
    return Thread.objects.all()


def _count(posts: QuerySet[Post]) -> Coalesce:
    """The number of ``posts`` as a subquery: lists annotated this way need
    no GROUP BY, which keeps them alike on SQLite and PostgreSQL."""
    counted = posts.order_by().values("thread").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted), 0)


def reading_state(*, reader, thread_ref: str = "pk") -> dict[str, Expression]:
    """Annotations for a queryset whose ``thread_ref`` is a thread:
    ``read_at`` (None: ``reader`` never opened it) and ``unread``, the
    visible messages by others after that. The one notion of read, for
    every list that marks unread threads."""
    # By pk: a visitor's list is empty, but is still built (pk None).
    read_at = ThreadRead.objects.filter(thread=OuterRef(thread_ref), user_id=reader.pk)
    unread = Post.objects.filter(
        thread=OuterRef(thread_ref), hidden=False, created_at__gt=OuterRef("read_at")
    ).exclude(author_id=reader.pk)
    return {
        "read_at": Subquery(read_at.values("read_at")[:1]),
        "unread": _count(unread),
    }


def threads_listed(threads: QuerySet[Thread], *, reader) -> QuerySet[Thread]:
    """``threads`` with what a list of threads shows: ``post_count``,
    ``reply_count``, ``conclusions`` and ``solutions`` (whether a visible
    message is marked so), and the reading state of ``reader``. Hidden
    messages never count."""
    visible = Post.objects.filter(thread=OuterRef("pk"), hidden=False)
    opening = Post.objects.filter(thread=OuterRef(OuterRef("pk"))).order_by(
        "created_at", "pk"
    )
    return threads.annotate(
        post_count=_count(visible),
        reply_count=_count(visible.exclude(pk=Subquery(opening.values("pk")[:1]))),
        conclusions=Exists(visible.filter(marked_as=Post.Mark.CONCLUSION)),
        solutions=Exists(visible.filter(marked_as=Post.Mark.SOLUTION)),
        **reading_state(reader=reader),
    )


def theme_threads(
    *, theme: Theme, reader, tag: CommunityTag | None = None
) -> QuerySet[Thread]:
    """The theme's threads, latest activity first, with what the list shows."""
    threads = threads_listed(
        threads_visible_to(reader).filter(theme=theme), reader=reader
    )
    threads = (
        threads.select_related("author", "event")
        .prefetch_related("tags")
        .order_by("-last_activity_at", "-pk")
    )
    if tag is not None:
        threads = threads.filter(tagged_items__tag=tag)
    return threads


def recent_threads(*, reader) -> QuerySet[Thread]:
    """Every thread ``reader`` may see, across the themes, latest activity
    first, each with its theme and ``latest_posts`` (a one-item list: the
    latest visible message, for who wrote last)."""
    latest = (
        Post.objects.filter(hidden=False)
        .select_related("author")
        .order_by("-created_at", "-pk")
    )
    return (
        threads_listed(threads_visible_to(reader), reader=reader)
        .select_related("theme")
        .prefetch_related(
            Prefetch("posts", queryset=latest[:1], to_attr="latest_posts")
        )
        .order_by("-last_activity_at", "-pk")
    )


def theme_tags(*, theme: Theme) -> QuerySet[CommunityTag]:
    """The tags used on the theme's threads, to filter on."""
    return (
        CommunityTag.objects.filter(thread_items__content_object__theme=theme)
        .distinct()
        .order_by("name")
    )


def theme_meeting_notes(*, theme: Theme) -> QuerySet[MeetingNote]:
    return theme.meeting_notes.select_related("event").order_by("-meeting_date", "pk")[
        :NOTES_ON_THEME_PAGE
    ]


def page_of(items: QuerySet, *, number, per_page: int) -> PaginatorPage:
    """The requested page; a hand-edited number gives the nearest page."""
    return Paginator(items, per_page).get_page(number)


def thread_or_404(*, pk: int) -> Thread:
    return _get_or_404(
        Thread.objects.select_related("theme", "event", "author").prefetch_related(
            "tags"
        ),
        pk=pk,
    )


def thread_followed(*, thread: Thread, user) -> bool:
    return Follow.objects.filter(thread=thread, user=user).exists()


def post_or_404(*, pk: int) -> Post:
    return _get_or_404(Post.objects.select_related("thread", "author"), pk=pk)


def _posts(thread: Thread) -> QuerySet[Post]:
    return thread.posts.select_related(
        "author", "marked_by", "hidden_by"
    ).prefetch_related("tags")


def thread_posts(
    *, thread: Thread, page_number, viewer, adviser: bool
) -> PaginatorPage:
    """A page of the thread's top-level messages, each with ``.reply_list``
    and ``.can_edit`` for ``viewer``. For anyone but an adviser, a hidden
    message's text is blanked here, so no template can show it."""
    page = page_of(
        _posts(thread).filter(parent=None).order_by("created_at", "pk"),
        number=page_number,
        per_page=POSTS_PER_PAGE,
    )
    top = list(page.object_list)
    replies = (
        _posts(thread)
        .filter(parent__in=[p.pk for p in top])
        .order_by("created_at", "pk")
    )
    by_parent: dict[int, list[Post]] = {p.pk: [] for p in top}
    for reply in replies:
        by_parent[reply.parent_id].append(reply)
    now = timezone.now()
    for post in top + [r for rs in by_parent.values() for r in rs]:
        if post.hidden and not adviser:
            post.body = ""
        post.can_edit = (
            post.author_id == viewer.pk
            and not post.hidden
            and not thread.locked
            and now <= post.editable_until()
        )
        post.starter_may_mark = starter_may_mark(post=post, thread=thread, user=viewer)
    for post in top:
        post.reply_list = by_parent[post.pk]
    page.object_list = top
    return page


def post_location(*, post: Post) -> str:
    """The query string and anchor that show ``post`` on its thread page:
    its top-level message decides the page."""
    top = post.parent if post.parent_id else post
    before = Post.objects.filter(
        thread_id=post.thread_id, parent=None, created_at__lt=top.created_at
    ).count()
    return _location(post_pk=post.pk, top_level_before=before)


def _location(*, post_pk: int, top_level_before: int) -> str:
    page = top_level_before // POSTS_PER_PAGE + 1
    query = f"?pagina={page}" if page > 1 else ""
    return f"{query}#bericht-{post_pk}"


# Search --------------------------------------------------------------------


def posts_matching(*, user, patterns: list[str]) -> QuerySet[Post]:
    """The visible messages in threads ``user`` may see that match every
    pattern (a regular expression per search term), newest first. A pattern
    matches the message's text, or for the thread's first visible message
    (its opening one, unless that is hidden) also the thread's title, so a
    title finds its thread once.

    Each has its thread, theme and author, and ``location`` (the query
    string and anchor of ``post_location``), without a query per message.
    """
    earlier = Post.objects.filter(thread=OuterRef("thread"), hidden=False).filter(
        Q(created_at__lt=OuterRef("created_at"))
        | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk"))
    )
    posts = Post.objects.filter(
        hidden=False, thread__in=threads_visible_to(user)
    ).alias(first=~Exists(earlier))
    for pattern in patterns:
        posts = posts.filter(
            Q(body__iregex=pattern) | Q(thread__title__iregex=pattern, first=True)
        )
    top_level_before = Post.objects.filter(
        thread=OuterRef("thread"), parent=None, created_at__lt=OuterRef("top_created")
    )
    return (
        posts.alias(top_created=Coalesce("parent__created_at", "created_at"))
        .annotate(top_level_before=_count(top_level_before))
        .select_related("thread__theme", "author")
        .order_by("-created_at", "-pk")
    )


def post_url(post: Post) -> str:
    """The address of ``post`` on its thread page, for a message from
    ``posts_matching``."""
    url = reverse("community:thread", kwargs={"pk": post.thread_id})
    return url + _location(post_pk=post.pk, top_level_before=post.top_level_before)


# Policy book ---------------------------------------------------------------


def _in_book() -> Q:
    """Only approved, visible messages may appear in the policy book."""
    return Q(approved=True, hidden=False)


def posts_for_period(
    *, start: dt.datetime, end: dt.datetime, theme: Theme | None = None
) -> QuerySet[Post]:
    """Approved messages written in the period, oldest first, with thread,
    theme and author (for the organisation; never print names)."""
    posts = Post.objects.filter(
        _in_book(), created_at__gte=start, created_at__lt=end
    ).select_related("thread__theme", "thread__event", "author")
    if theme is not None:
        posts = posts.filter(thread__theme=theme)
    return posts.order_by("created_at", "pk")


def threads_for_theme_in_period(
    *, theme: Theme, start: dt.datetime, end: dt.datetime
) -> QuerySet[Thread]:
    """Threads of ``theme`` with approved messages in the period, each with
    ``opening_posts`` (a one-item list: the question raised, if approved)
    and ``period_posts`` (its approved messages in the period)."""
    in_period = Q(posts__created_at__gte=start, posts__created_at__lt=end)
    approved = Q(posts__approved=True, posts__hidden=False)
    opening = Post.objects.filter(_in_book(), parent=None).order_by("created_at", "pk")
    return (
        Thread.objects.filter(theme=theme)
        .annotate(period_posts=Count("posts", filter=in_period & approved))
        .filter(period_posts__gt=0)
        .select_related("event")
        .prefetch_related(Prefetch("posts", queryset=opening, to_attr="opening_posts"))
        .order_by("created_at", "pk")
    )


def marked_posts_for_theme(
    *, theme: Theme, start: dt.datetime, end: dt.datetime, marked_as: str
) -> QuerySet[Post]:
    """Approved messages of ``theme`` written in the period and marked as
    ``marked_as`` (``Post.Mark.CONCLUSION`` or ``Post.Mark.SOLUTION``)."""
    return posts_for_period(start=start, end=end, theme=theme).filter(
        marked_as=marked_as
    )


def conclusions_for_theme(
    *, theme: Theme, start: dt.datetime, end: dt.datetime
) -> QuerySet[Post]:
    return marked_posts_for_theme(
        theme=theme, start=start, end=end, marked_as=Post.Mark.CONCLUSION
    )


def solutions_for_theme(
    *, theme: Theme, start: dt.datetime, end: dt.datetime
) -> QuerySet[Post]:
    return marked_posts_for_theme(
        theme=theme, start=start, end=end, marked_as=Post.Mark.SOLUTION
    )


def meeting_notes_for_period(
    *, start: dt.datetime, end: dt.datetime, theme: Theme | None = None
) -> QuerySet[MeetingNote]:
    """Notes of meetings held in the period (by the meeting's date in the
    site's time zone), oldest first."""
    notes = MeetingNote.objects.filter(
        meeting_date__gte=timezone.localdate(start),
        meeting_date__lt=timezone.localdate(end),
    ).select_related("event", "theme")
    if theme is not None:
        notes = notes.filter(theme=theme)
    return notes.order_by("meeting_date", "pk")


@dataclass(frozen=True)
class ThemeActivity:
    theme: Theme
    threads: int
    posts: int
    meetings: int
    participants: int


def activity_per_theme(*, start: dt.datetime, end: dt.datetime) -> list[ThemeActivity]:
    """Per theme (all themes, in their order): threads with approved messages
    in the period, those messages, meetings with notes in the period, and
    distinct members who wrote. Three aggregate queries plus the themes,
    whatever the number of posts."""
    posts = (
        Post.objects.filter(_in_book(), created_at__gte=start, created_at__lt=end)
        .values("thread__theme")
        .annotate(
            posts=Count("pk"),
            threads=Count("thread", distinct=True),
            participants=Count("author", distinct=True),
        )
    )
    by_theme = {row["thread__theme"]: row for row in posts}
    meetings = {
        row["theme"]: row["meetings"]
        for row in meeting_notes_for_period(start=start, end=end)
        .order_by()
        .values("theme")
        .annotate(meetings=Count("meeting_date", distinct=True))
    }
    result = []
    for theme in Theme.objects.order_by("order", "name"):
        row = by_theme.get(theme.pk, {})
        result.append(
            ThemeActivity(
                theme=theme,
                threads=row.get("threads", 0),
                posts=row.get("posts", 0),
                meetings=meetings.get(theme.pk, 0),
                participants=row.get("participants", 0),
            )
        )
    return result


# --- Topic wishes of a meeting ------------------------------------------------


def wish_meeting_or_404(*, pk: int, user):
    """The community-of-practice meeting ``pk``, if ``user`` may see it: any
    other event, or one behind a restriction they do not pass, is not found."""
    event = community_meetings().filter(pk=pk).first()
    if event is None or not page_visible_to(user, event):
        raise Http404
    return event


def previous_meeting(*, event):
    """The community-of-practice meeting before ``event``, once it is over:
    its proposals that were not picked are offered again on ``event``."""
    return (
        community_meetings()
        .filter(starts_at__lt=event.starts_at, ends_at__lt=timezone.now())
        .exclude(pk=event.pk)
        .order_by("-starts_at", "-pk")
        .first()
    )


def _offered_on(event) -> Q:
    offered = Q(event=event) | Q(picked_for=event)
    earlier = previous_meeting(event=event)
    if earlier is not None:
        offered |= Q(event=earlier, picked_for__isnull=True)
    return offered


def meeting_wishes(*, event, viewer) -> QuerySet[TopicWish]:
    """The proposals offered on ``event`` (its own, and those of the
    previous meeting that were not picked, marked ``carried``), with the
    votes cast for this meeting and whether ``viewer`` cast one; most votes
    first. Two queries however many there are."""
    votes = TopicWishVote.objects.filter(wish=OuterRef("pk"), event=event)
    return (
        TopicWish.objects.filter(_offered_on(event))
        .select_related("author")
        .annotate(
            vote_count=Count("votes", filter=Q(votes__event=event)),
            voted=Exists(votes.filter(user=viewer)),
            carried=ExpressionWrapper(~Q(event=event), output_field=BooleanField()),
        )
        .order_by("-vote_count", "created_at", "pk")
    )


def wish_on_meeting_or_404(*, event, pk: int) -> TopicWish:
    wish = TopicWish.objects.filter(_offered_on(event), pk=pk).first()
    if wish is None:
        raise Http404
    return wish


def meeting_agenda(*, event) -> QuerySet[TopicWish]:
    """The proposals the adviser put on ``event``'s agenda, in order."""
    return (
        TopicWish.objects.filter(picked_for=event)
        .select_related("thread")
        .order_by("agenda_order", "pk")
    )
