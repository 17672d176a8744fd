"""Topic wishes: members propose topics for a community-of-practice meeting
and vote on them; the adviser turns some into agenda items and discussions
in one step; proposals not picked are offered again on the next meeting."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageViewRestriction

from community import wishes
from community.errors import CommunityError, NotAllowed
from community.models import Post, Thread, TopicWish, TopicWishVote
from community.receivers import _export
from community.selectors import meeting_agenda, meeting_wishes
from tests.accounts.factories import MemberFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.queries import page_queries
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db

NAMED = "Graag bespreken met Jan de Vries hoe de wijkagent signalen deelt."
ORDINARY = "Hoe houden we grip op burgerinitiatieven tegen ondermijning?"


@pytest.fixture
def events(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def meeting(events):
    return EventPageFactory(parent=events, kind="cop", title="CoP ondermijning")


def _wish(event, author, text=ORDINARY) -> TopicWish:
    return TopicWish.objects.create(event=event, author=author, body=f"<p>{text}</p>")


def _url(name: str, event, *args) -> str:
    return reverse(f"community:{name}", args=[event.pk, *args])


# --- services ---------------------------------------------------------------


def test_a_member_proposes_a_topic_and_it_is_logged_without_text(meeting, member):
    wish = wishes.wish_propose(event=meeting, author=member, body=ORDINARY)
    assert wish.body == f"<p>{ORDINARY}</p>"
    log = ModelLogEntry.objects.get(action="leerkring.topic_wish.propose")
    assert log.data == {"event": meeting.pk}
    assert "grip" not in log.label


@pytest.mark.parametrize("body", ["", "   ", "x" * 501])
def test_an_empty_or_too_long_topic_is_refused(meeting, member, body):
    with pytest.raises(CommunityError):
        wishes.wish_propose(event=meeting, author=member, body=body)
    assert not TopicWish.objects.exists()


def test_no_topics_after_the_start_or_on_other_kinds(events, member, unapproved):
    started = EventPageFactory(
        parent=events, kind="cop", starts_at=timezone.now() - dt.timedelta(hours=1)
    )
    other = EventPageFactory(parent=events, kind="leerkring")
    for event in (started, other):
        with pytest.raises(CommunityError):
            wishes.wish_propose(event=event, author=member, body=ORDINARY)
    live = EventPageFactory(parent=events, kind="cop")
    with pytest.raises(NotAllowed):
        wishes.wish_propose(event=live, author=unapproved, body=ORDINARY)
    assert not TopicWish.objects.exists()


def test_one_vote_each_again_takes_it_back_never_your_own(meeting, member):
    other = MemberFactory()
    wish = _wish(meeting, member)
    assert wishes.wish_vote_toggle(wish=wish, user=other, event=meeting) is True
    assert TopicWishVote.objects.count() == 1
    assert wishes.wish_vote_toggle(wish=wish, user=other, event=meeting) is False
    assert not TopicWishVote.objects.exists()
    with pytest.raises(NotAllowed):
        wishes.wish_vote_toggle(wish=wish, user=member, event=meeting)


def test_no_votes_for_a_topic_on_the_agenda(meeting, member, adviser, theme):
    wish = _wish(meeting, member)
    wishes.wishes_choose(event=meeting, adviser=adviser, wishes=[wish], theme=theme)
    wish.refresh_from_db()
    with pytest.raises(CommunityError):
        wishes.wish_vote_toggle(wish=wish, user=MemberFactory(), event=meeting)


def test_no_votes_once_the_meeting_started(meeting, member):
    wish = _wish(meeting, member)
    meeting.starts_at = timezone.now() - dt.timedelta(minutes=1)
    with pytest.raises(CommunityError):
        wishes.wish_vote_toggle(wish=wish, user=MemberFactory(), event=meeting)


def test_the_adviser_picks_topics_into_agenda_and_threads(
    meeting, member, adviser, theme
):
    first, second, third = (_wish(meeting, member, f"Onderwerp {i}") for i in range(3))
    threads = wishes.wishes_choose(
        event=meeting, adviser=adviser, wishes=[second, first], theme=theme
    )
    assert [t.title for t in threads] == ["Onderwerp 1", "Onderwerp 0"]
    assert all(t.event_id == meeting.pk and t.theme == theme for t in threads)
    assert [p.body for p in Post.objects.filter(thread__in=threads)] == [
        "<p>Onderwerp 1</p>",
        "<p>Onderwerp 0</p>",
    ]
    assert [(w.pk, w.agenda_order) for w in meeting_agenda(event=meeting)] == [
        (second.pk, 1),
        (first.pk, 2),
    ]
    third.refresh_from_db()
    assert third.picked_for is None
    assert (
        ModelLogEntry.objects.filter(action="leerkring.topic_wish.choose").count() == 2
    )
    # Later picks come after what is on the agenda; picked ones not twice.
    wishes.wishes_choose(event=meeting, adviser=adviser, wishes=[third], theme=theme)
    third.refresh_from_db()
    assert third.agenda_order == 3
    with pytest.raises(CommunityError):
        wishes.wishes_choose(
            event=meeting, adviser=adviser, wishes=[first], theme=theme
        )


def test_choosing_is_all_or_nothing_and_for_advisers(meeting, member, adviser, theme):
    first, second = _wish(meeting, member), _wish(meeting, member, "Tweede")
    wishes.wishes_choose(event=meeting, adviser=adviser, wishes=[first], theme=theme)
    threads = Thread.objects.count()
    with pytest.raises(CommunityError):
        wishes.wishes_choose(
            event=meeting, adviser=adviser, wishes=[second, first], theme=theme
        )
    second.refresh_from_db()
    assert second.picked_for is None and Thread.objects.count() == threads
    with pytest.raises(NotAllowed):
        wishes.wishes_choose(
            event=meeting, adviser=member, wishes=[second], theme=theme
        )
    with pytest.raises(CommunityError):
        wishes.wishes_choose(event=meeting, adviser=adviser, wishes=[], theme=theme)


def test_unpicked_proposals_are_carried_over_to_the_next_meeting(
    events, member, adviser, theme
):
    now = timezone.now()
    past = EventPageFactory(
        parent=events,
        kind="cop",
        starts_at=now - dt.timedelta(days=30),
        ends_at=now - dt.timedelta(days=30) + dt.timedelta(hours=1),
    )
    picked, left = _wish(past, member, "Gekozen"), _wish(past, member, "Over")
    wishes.wishes_choose(event=past, adviser=adviser, wishes=[picked], theme=theme)
    TopicWishVote.objects.create(wish=left, user=adviser, event=past)
    nxt = EventPageFactory(parent=events, kind="cop")
    offered = list(meeting_wishes(event=nxt, viewer=adviser))
    assert [(w.pk, w.carried, w.vote_count) for w in offered] == [(left.pk, True, 0)]
    # Voted on afresh, and picked for the next meeting without a copy.
    assert wishes.wish_vote_toggle(wish=left, user=adviser, event=nxt)
    wishes.wishes_choose(event=nxt, adviser=adviser, wishes=[left], theme=theme)
    assert TopicWish.objects.count() == 2
    assert [w.pk for w in meeting_agenda(event=nxt)] == [left.pk]


def test_export_and_deletion_cover_proposals_and_votes(meeting, member):
    other = MemberFactory()
    wish = _wish(meeting, member)
    wishes.wish_vote_toggle(wish=wish, user=other, event=meeting)
    _name, data = _export(sender=None, user=member)
    assert data["topics_proposed"][0]["topic"] == f"<p>{ORDINARY}</p>"
    _name, data = _export(sender=None, user=other)
    assert data["topic_votes"] == [{"meeting": meeting.title, "topic": wish.body}]
    wishes.member_wishes_depersonalise(user=member)
    wishes.member_wishes_depersonalise(user=other)
    wish.refresh_from_db()
    assert wish.author is None and not TopicWishVote.objects.exists()


# --- pages ------------------------------------------------------------------


def test_the_page_shows_proposals_and_the_form(client, meeting, member):
    _wish(meeting, MemberFactory())
    client.force_login(member)
    response = client.get(_url("topic_wishes", meeting))
    page = response.content.decode()
    assert response.status_code == 200
    assert ORDINARY in page and "Stem op dit onderwerp" in page


def test_the_meeting_page_links_to_its_topics(client, meeting):
    response = client.get(meeting.url)
    assert _url("topic_wishes", meeting) in response.content.decode()


def test_other_events_and_hidden_meetings_are_not_found(client, events, member):
    client.force_login(member)
    other = EventPageFactory(parent=events, kind="leerkring")
    hidden = EventPageFactory(parent=events, kind="cop")
    restriction = PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([])
    for event in (other, hidden):
        assert client.get(_url("topic_wishes", event)).status_code == 404
    assert (
        client.get(reverse("community:topic_wishes", args=[99999])).status_code == 404
    )


def test_proposing_through_the_guard(client, meeting, member):
    client.force_login(member)
    url = _url("topic_wishes", meeting)
    response = client.post(url, {"body": NAMED})
    assert (
        response.status_code == 200 and "Persoonsgegevens?" in response.content.decode()
    )
    assert not TopicWish.objects.exists()
    assert client.post(url, {"body": NAMED, "guard": "replace"}).status_code == 302
    wish = TopicWish.objects.get()
    assert "Jan de Vries" not in wish.body and "[PERSOON-1]" in wish.body
    log = ModelLogEntry.objects.get(action="leerkring.post_guard.replace")
    assert "Jan" not in str(log.data)


def test_a_bad_proposal_gets_a_message(client, meeting, member):
    client.force_login(member)
    url = _url("topic_wishes", meeting)
    response = client.post(url, {"body": "x" * 600})
    assert response.status_code == 400
    assert "maximaal 500 tekens" in response.content.decode()
    assert client.post(url, {"body": ""}).status_code == 400
    assert not TopicWish.objects.exists()


def test_voting_through_the_page(client, meeting, member):
    wish = _wish(meeting, MemberFactory())
    client.force_login(member)
    url = _url("topic_wish_vote", meeting, wish.pk)
    assert client.post(url).status_code == 302
    assert TopicWishVote.objects.filter(user=member).exists()
    client.post(url)
    assert not TopicWishVote.objects.exists()
    assert client.get(url).status_code == 405
    assert client.post(_url("topic_wish_vote", meeting, 99999)).status_code == 404


def test_voting_for_your_own_says_why(client, meeting, member):
    wish = _wish(meeting, member)
    client.force_login(member)
    response = client.post(_url("topic_wish_vote", meeting, wish.pk), follow=True)
    assert "niet op uw eigen voorstel" in response.content.decode()
    assert not TopicWishVote.objects.exists()


def test_choosing_needs_the_second_factor(client, meeting, member, adviser):
    client.force_login(member)
    assert client.get(_url("topic_wishes_choose", meeting)).status_code == 403
    client.force_login(adviser)
    response = client.get(_url("topic_wishes_choose", meeting))
    assert response.status_code == 302


def test_the_adviser_chooses_in_one_post(client, meeting, member, adviser, theme):
    first, second, third = (_wish(meeting, member, f"Onderwerp {i}") for i in range(3))
    TopicWishVote.objects.create(wish=third, user=adviser, event=meeting)
    login_with_second_factor(client, adviser)
    url = _url("topic_wishes_choose", meeting)
    assert client.get(url).status_code == 200
    data = {"wishes": [first.pk, third.pk], "theme": theme.pk}
    response = client.post(url, data)
    assert response.status_code == 302
    # The most votes first: that is the agenda's order.
    assert [w.pk for w in meeting_agenda(event=meeting)] == [third.pk, first.pk]
    assert Thread.objects.filter(event=meeting).count() == 2
    page = client.get(_url("topic_wishes", meeting)).content.decode()
    assert "Op de agenda" in page and "Naar de discussie" in page


@pytest.mark.parametrize(
    "data",
    [{}, {"wishes": ["abc"], "theme": "1"}, {"wishes": ["99999"], "theme": "x"}],
)
def test_a_bad_choice_changes_nothing(client, meeting, member, adviser, theme, data):
    _wish(meeting, member)
    login_with_second_factor(client, adviser)
    response = client.post(_url("topic_wishes_choose", meeting), data)
    assert response.status_code == 400
    assert not Thread.objects.exists()


# --- query budget -------------------------------------------------------------


@pytest.mark.parametrize("name", ["topic_wishes", "topic_wishes_choose"])
def test_the_proposals_list_costs_the_same_for_3_and_30(
    client, meeting, adviser, theme, name
):
    authors = [MemberFactory() for _ in range(3)]
    login_with_second_factor(client, adviser)
    url = _url(name, meeting)

    def fill(n: int) -> None:
        for i in range(n):
            wish = _wish(meeting, authors[i % 3], f"Onderwerp {i}")
            TopicWishVote.objects.create(
                wish=wish, user=authors[(i + 1) % 3], event=meeting
            )

    fill(3)
    first = TopicWish.objects.first()
    wishes.wishes_choose(event=meeting, adviser=adviser, wishes=[first], theme=theme)
    few = page_queries(client, url)
    fill(27)
    many = page_queries(client, url)
    print(f"{name}: 3 -> {few} queries, 30 -> {many} queries")
    assert many == few
