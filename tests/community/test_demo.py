from io import StringIO

import pytest
from django.core.management import call_command

from community.models import (
    Follow,
    MeetingNote,
    Post,
    Theme,
    Thread,
    TopicWish,
    TopicWishVote,
)
from events.models import EventPage

pytestmark = pytest.mark.django_db


def _counts():
    return tuple(m.objects.count() for m in (Theme, Thread, Post, MeetingNote, Follow))


def test_demo_discussions_are_tied_to_the_cop_meeting_and_idempotent(
    client, home_page, member
):
    call_command("load_demo", stdout=StringIO())
    assert Theme.objects.filter(name="Ondermijning en burgerinitiatieven").exists()
    thread = Thread.objects.get(
        title="Hoe betrekken we buurtbewoners bij het signaleren van ondermijning?"
    )
    assert thread.event.slug == "cop-ondermijning-en-burgerinitiatieven"
    assert Post.objects.filter(marked_as="conclusion").exists()
    assert Post.objects.filter(marked_as="solution").exists()
    assert Post.objects.filter(parent__isnull=False).exists()
    note = MeetingNote.objects.filter(event=thread.event).first()
    assert note.meeting_date.isoformat() == "2024-09-24"
    counts = _counts()
    call_command("load_demo", stdout=StringIO())
    assert _counts() == counts
    client.force_login(member)
    page = client.get(f"/community/discussie/{thread.pk}/").content.decode()
    assert "Conclusie" in page and "Marloes Verbeek" in page
    theme_page = client.get("/community/thema/ondermijning-en-burgerinitiatieven/")
    assert "Bewustwordingscampagne" in theme_page.content.decode()


def test_demo_authors_cannot_log_in(home_page):
    call_command("load_demo", stdout=StringIO())
    author = Thread.objects.first().author
    assert not author.has_usable_password()


def test_demo_topic_wishes_show_on_the_next_meeting(client, home_page, member):
    call_command("load_demo", stdout=StringIO())
    counts = (TopicWish.objects.count(), TopicWishVote.objects.count())
    assert counts == (4, 4)
    call_command("load_demo", stdout=StringIO())
    assert (TopicWish.objects.count(), TopicWishVote.objects.count()) == counts
    meeting = EventPage.objects.get(slug="cop-online-oproepen-en-jongeren")
    client.force_login(member)
    page = client.get(f"/community/bijeenkomst/{meeting.pk}/onderwerpen/")
    text = page.content.decode()
    assert "TikTok en Snapchat" in text and "2 stemmen" in text
    assert "Meegenomen van de vorige bijeenkomst" in text
