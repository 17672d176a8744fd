"""Demo discussions of the community of practice (see ``manage.py
load_demo``). Idempotent: themes, accounts, threads and notes that exist
are left as they are, so an adviser's edits survive a second run."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page

from events.selectors import community_meetings
from portal.accounts.roles import MEMBERS_GROUP
from portal.core.demo import Report

from . import seed_content as content
from .models import Follow, MeetingNote, Post, Theme, Thread, TopicWish, TopicWishVote
from .sanitise import rich_text_clean


def _themes() -> dict[str, Theme]:
    themes = {}
    for order, (slug, name, description) in enumerate(content.THEMES):
        themes[slug], _created = Theme.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "order": order,
                "case_tags": content.CASE_TAGS.get(slug, ""),
            },
        )
    return themes


def _members() -> list:
    User = get_user_model()
    group = Group.objects.filter(name=MEMBERS_GROUP).first()
    members = []
    for email, first, last, organisation, function in content.MEMBERS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(
                email=email,
                first_name=first,
                last_name=last,
                organisation=organisation,
                job_title=function,
                approval_status=User.ApprovalStatus.APPROVED,
            )
            user.set_unusable_password()
            user.save()
            if group is not None:
                user.groups.add(group)
        members.append(user)
    return members


def _start(spec) -> dt.datetime:
    if isinstance(spec, dt.datetime):
        return timezone.make_aware(spec)
    now = timezone.now().replace(second=0, microsecond=0)
    return now - dt.timedelta(days=spec)


def _thread(spec: dict, *, themes: dict, members: list, events: dict) -> None:
    theme = themes[spec["theme"]]
    if Thread.objects.filter(theme=theme, title=spec["title"]).exists():
        return
    start = _start(spec["start"])
    posts_spec = spec["posts"]
    thread = Thread.objects.create(
        theme=theme,
        event=events.get(spec["event"]),
        title=spec["title"],
        author=members[posts_spec[0]["author"]],
        created_at=start,
        last_activity_at=start + dt.timedelta(hours=posts_spec[-1]["hours"]),
    )
    thread.tags.set(spec["tags"])
    posts: list[Post] = []
    for post_spec in posts_spec:
        at = start + dt.timedelta(hours=post_spec["hours"])
        mark = post_spec.get("mark", Post.Mark.NONE)
        reply_to = post_spec.get("reply_to")
        posts.append(
            Post.objects.create(
                thread=thread,
                parent=posts[reply_to] if reply_to is not None else None,
                author=members[post_spec["author"]],
                body=rich_text_clean(post_spec["body"]),
                created_at=at,
                marked_as=mark,
                marked_at=at if mark != Post.Mark.NONE else None,
            )
        )
    for author in {p.author for p in posts}:
        Follow.objects.get_or_create(thread=thread, user=author)


def _notes(*, themes: dict, events: dict) -> None:
    for event_slug, theme_slug, item, said, conclusions in content.MEETING_NOTES:
        event = events.get(event_slug)
        if (
            event is None
            or MeetingNote.objects.filter(event=event, agenda_item=item).exists()
        ):
            continue
        note = MeetingNote(
            event=event,
            theme=themes[theme_slug],
            agenda_item=item,
            said=said,
            conclusions=conclusions,
        )
        note.full_clean()
        note.save()


def _wishes(*, members: list, events: dict) -> None:
    """Proposals with votes, so the topics page of the next meeting has
    something to show (and one carried over from the past meeting)."""
    for event_slug, author, text, voters in content.TOPIC_WISHES:
        event = events.get(event_slug)
        body = rich_text_clean(f"<p>{text}</p>")
        if event is None or TopicWish.objects.filter(event=event, body=body).exists():
            continue
        wish = TopicWish(event=event, author=members[author], body=body)
        wish.full_clean()
        wish.save()
        for voter in voters:
            TopicWishVote.objects.create(wish=wish, user=members[voter], event=event)


def demo_build(*, home: Page, report: Report, **kwargs) -> None:
    """Receiver of ``demo_content_requested``. It makes no pages, so it
    reports none. Threads are tied to the demo CoP meetings of events, when
    those exist."""
    themes = _themes()
    members = _members()
    events = {event.slug: event for event in community_meetings()}
    for spec in content.THREADS:
        _thread(spec, themes=themes, members=members, events=events)
    _notes(themes=themes, events=events)
    _wishes(members=members, events=events)
