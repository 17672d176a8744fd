"""Topic lists (seed 001: "geïnteresseerden worden op de hoogte gehouden"):
a member follows a kind of meeting and is mailed once when a new one opens
for registration, with a one-click link to stop."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core import signing
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry, PageViewRestriction

from events.errors import TopicError
from events.links import TOPIC_SALT, topic_unsubscribe_link
from events.models import EventAnnouncement, TopicFollow
from events.topics import (
    announcements_send_due,
    event_announce,
    topic_follow,
    topic_follow_delete,
    topic_unfollow,
)
from portal.accounts.roles import ADVISERS_GROUP
from portal.accounts.services import account_delete, account_export
from tests.accounts.factories import AdviserFactory, MemberFactory, UserFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run ``action`` and the mail queued when its transaction commits."""

    def _run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return _run


def _draft(index, **fields):
    """An event saved as a draft: publishing it is the adviser's act."""
    fields.setdefault("kind", "leerkring")
    event = EventPageFactory(parent=index, live=False, **fields)
    return event


def _publish(event, run):
    run(lambda: event.save_revision().publish())
    event.refresh_from_db()
    return event


def _follower(kind="leerkring", **user_fields):
    member = MemberFactory(**user_fields)
    topic_follow(user=member, kind=kind)
    return member


# --- following ---------------------------------------------------------------


def test_a_member_follows_a_kind_once(member):
    first = topic_follow(user=member, kind="roadshow")
    again = topic_follow(user=member, kind="roadshow")
    assert first.pk == again.pk
    assert TopicFollow.objects.filter(user=member).count() == 1


def test_following_again_changes_only_the_region_setting(member):
    member.home_region = "utrecht"
    member.save()
    topic_follow(user=member, kind="roadshow")
    follow = topic_follow(user=member, kind="roadshow", home_region_only=True)
    assert follow.home_region_only is True
    assert TopicFollow.objects.filter(user=member).count() == 1


def test_the_home_region_limit_needs_a_home_region(member):
    with pytest.raises(TopicError, match="Kies eerst uw regio"):
        topic_follow(user=member, kind="roadshow", home_region_only=True)
    assert not TopicFollow.objects.exists()


@pytest.mark.parametrize("kind", ["", "bestaat-niet", "ROADSHOW"])
def test_an_unknown_kind_is_refused_in_dutch(member, kind):
    with pytest.raises(TopicError, match="Er is geen soort bijeenkomst"):
        topic_follow(user=member, kind=kind)


def test_only_members_follow(unapproved):
    with pytest.raises(TopicError, match="Alleen leden"):
        topic_follow(user=unapproved, kind="roadshow")


def test_unfollow_says_whether_there_was_a_follow(member):
    topic_follow(user=member, kind="roadshow")
    assert topic_unfollow(user=member, kind="roadshow") is True
    assert topic_unfollow(user=member, kind="roadshow") is False
    assert not TopicFollow.objects.exists()


def test_follows_are_audited_without_names(member):
    follow = topic_follow(user=member, kind="roadshow")
    topic_unfollow(user=member, kind="roadshow")
    entries = ModelLogEntry.objects.filter(action__startswith="leerkring.topic.")
    assert sorted(entries.values_list("action", flat=True)) == [
        "leerkring.topic.follow",
        "leerkring.topic.unfollow",
    ]
    for entry in entries:
        assert entry.label == f"Gevolgde soort bijeenkomst #{follow.pk}"
        assert member.email not in str(entry.data)


# --- the announcement ---------------------------------------------------------


def test_publishing_an_open_meeting_mails_each_follower_once(index, run, mailoutbox):
    first, second = _follower(), _follower()
    _follower(kind="roadshow")  # another kind: not told
    event = _publish(_draft(index, title="Leerkring dwangsom"), run)
    assert sorted(m.to[0] for m in mailoutbox) == sorted([first.email, second.email])
    mail = mailoutbox[0]
    assert mail.subject.endswith("Nieuwe bijeenkomst: Leerkring dwangsom")
    assert "nieuwe leerkringen" in mail.body
    assert "http://testserver" + event.url in mail.body or event.url in mail.body
    assert "/agenda/niet-meer-volgen/" in mail.body
    assert "u hoeft daarvoor niet in te loggen" in mail.body
    assert " je " not in mail.body and " jouw " not in mail.body
    assert mail.extra_headers["List-Unsubscribe"].startswith("<http")
    announcement = EventAnnouncement.objects.get(event=event)
    assert announcement.recipients == 2
    entry = PageLogEntry.objects.get(action="leerkring.event.announce")
    assert entry.data == {"recipients": 2}


def test_republishing_or_editing_never_mails_again(index, run, mailoutbox):
    _follower()
    event = _publish(_draft(index), run)
    assert len(mailoutbox) == 1
    event.intro = "Een nieuwe inleiding."
    _publish(event, run)
    run(lambda: event.unpublish())
    _publish(event, run)
    assert run(event_announce, event=event) is None
    assert run(announcements_send_due) == 0
    assert len(mailoutbox) == 1


def test_a_save_the_date_is_announced_when_registration_opens(index, run, mailoutbox):
    _follower()
    opens = timezone.now() + dt.timedelta(days=2)
    event = _publish(_draft(index, registration_opens_at=opens), run)
    assert mailoutbox == []
    assert not EventAnnouncement.objects.filter(event=event).exists()
    assert run(announcements_send_due) == 0
    later = opens + dt.timedelta(minutes=5)
    assert run(announcements_send_due, now=later) == 0  # the state uses the clock
    EventPageFactory._meta.model.objects.filter(pk=event.pk).update(
        registration_opens_at=timezone.now() - dt.timedelta(minutes=1)
    )
    assert run(announcements_send_due) == 1
    assert run(announcements_send_due) == 0
    assert len(mailoutbox) == 1


def test_the_hourly_command_announces_what_opened(index, run, mailoutbox):
    _follower()
    event = _publish(
        _draft(index, registration_opens_at=timezone.now() + dt.timedelta(days=1)),
        run,
    )
    type(event).objects.filter(pk=event.pk).update(
        registration_opens_at=timezone.now() - dt.timedelta(hours=1)
    )
    run(call_command, "send_event_reminders")
    assert len(mailoutbox) == 1


@pytest.mark.parametrize(
    "fields",
    [
        {"cancelled": True},
        {"registration_closed": True},
    ],
)
def test_a_meeting_not_open_is_not_announced(index, run, mailoutbox, fields):
    _follower()
    event = _publish(_draft(index, **fields), run)
    assert mailoutbox == []
    assert not EventAnnouncement.objects.filter(event=event).exists()


def test_a_past_meeting_is_not_announced(index, run, mailoutbox):
    _follower()
    start = timezone.now() - dt.timedelta(days=2)
    _publish(_draft(index, starts_at=start, ends_at=start + dt.timedelta(hours=1)), run)
    assert mailoutbox == []


def test_opening_registration_later_by_a_publish_announces(index, run, mailoutbox):
    _follower()
    event = _publish(_draft(index, registration_closed=True), run)
    assert mailoutbox == []
    event.registration_closed = False
    _publish(event, run)
    assert len(mailoutbox) == 1


def test_no_followers_still_records_the_announcement(index, run, mailoutbox):
    event = _publish(_draft(index), run)
    assert EventAnnouncement.objects.get(event=event).recipients == 0
    _follower()  # follows afterwards: this meeting is no news to them
    assert run(announcements_send_due) == 0
    assert mailoutbox == []


def _restrict(event, groups):
    restriction = PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=groups))


def test_a_members_only_meeting_reaches_only_followers_who_may_see_it(
    index, run, mailoutbox
):
    member = _follower()
    adviser = AdviserFactory()
    topic_follow(user=adviser, kind="leerkring")
    # Followed while a member; the account was since set back to pending.
    lapsed = _follower()
    lapsed.groups.clear()
    lapsed.approval_status = "pending"
    lapsed.save()
    event = _draft(index)
    _restrict(event, [ADVISERS_GROUP])
    _publish(event, run)
    assert [m.to[0] for m in mailoutbox] == [adviser.email]
    assert member.email not in {m.to[0] for m in mailoutbox}


def test_a_login_restricted_meeting_reaches_members(index, run, mailoutbox):
    member = _follower()
    event = _draft(index)
    PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.LOGIN
    )
    _publish(event, run)
    assert [m.to[0] for m in mailoutbox] == [member.email]


def test_a_password_meeting_is_mailed_to_nobody(index, run, mailoutbox):
    _follower()
    event = _draft(index)
    PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    _publish(event, run)
    assert mailoutbox == []
    assert EventAnnouncement.objects.get(event=event).recipients == 0


def test_inactive_and_unapproved_followers_are_not_mailed(index, run, mailoutbox):
    inactive = _follower()
    inactive.is_active = False
    inactive.save()
    pending = UserFactory(approval_status="pending")
    TopicFollow.objects.create(user=pending, kind="leerkring")
    _publish(_draft(index), run)
    assert mailoutbox == []


def test_a_follow_limited_to_the_home_region(index, run, mailoutbox):
    near = MemberFactory(home_region="utrecht")
    topic_follow(user=near, kind="roadshow", home_region_only=True)
    far = MemberFactory(home_region="limburg")
    topic_follow(user=far, kind="roadshow", home_region_only=True)
    everywhere = MemberFactory(home_region="limburg")
    topic_follow(user=everywhere, kind="roadshow")
    _publish(_draft(index, kind="roadshow", region="utrecht"), run)
    assert sorted(m.to[0] for m in mailoutbox) == sorted([near.email, everywhere.email])


@pytest.mark.parametrize("region", ["", "landelijk"])
def test_online_and_nationwide_meetings_reach_limited_follows(
    index, run, mailoutbox, region
):
    limited = MemberFactory(home_region="limburg")
    topic_follow(user=limited, kind="roadshow", home_region_only=True)
    _publish(_draft(index, kind="roadshow", region=region), run)
    assert [m.to[0] for m in mailoutbox] == [limited.email]


def test_a_limit_without_a_home_region_any_more_means_everywhere(
    index, run, mailoutbox
):
    member = MemberFactory(home_region="utrecht")
    topic_follow(user=member, kind="roadshow", home_region_only=True)
    member.home_region = ""
    member.save()
    _publish(_draft(index, kind="roadshow", region="zeeland"), run)
    assert [m.to[0] for m in mailoutbox] == [member.email]


def test_a_second_announce_at_the_same_time_sends_nothing(index, run, mailoutbox):
    _follower()
    event = _draft(index)
    EventAnnouncement.objects.create(event=event)  # the other one got there first
    _publish(event, run)
    assert mailoutbox == []


# --- the unsubscribe link -----------------------------------------------------


def _unsubscribe_url(member, kind="leerkring") -> str:
    return topic_unsubscribe_link(TopicFollow.objects.get(user=member, kind=kind))


def test_the_link_asks_first_and_the_post_stops(client, member):
    topic_follow(user=member, kind="leerkring")
    url = _unsubscribe_url(member)
    page = client.get(url)
    assert page.status_code == 200
    assert "Wilt u geen e-mail meer ontvangen over nieuwe leerkringen?" in (
        page.content.decode()
    )
    assert TopicFollow.objects.filter(user=member).exists()
    done = client.post(url)
    assert done.status_code == 200
    assert "U ontvangt geen e-mail meer" in done.content.decode()
    assert not TopicFollow.objects.filter(user=member).exists()
    assert ModelLogEntry.objects.filter(
        action="leerkring.topic.unfollow_by_link"
    ).exists()
    # Used again: nothing left to stop, the same friendly answer.
    assert client.post(url).status_code == 200
    assert "no-cache" in done["Cache-Control"] or "no-store" in done["Cache-Control"]


def test_the_link_works_for_one_kind_only(client, member):
    topic_follow(user=member, kind="leerkring")
    topic_follow(user=member, kind="roadshow")
    client.post(_unsubscribe_url(member, "roadshow"))
    assert list(TopicFollow.objects.values_list("kind", flat=True)) == ["leerkring"]


@pytest.mark.parametrize(
    "token",
    [
        "niet-ondertekend",
        signing.dumps({"u": 1, "k": "leerkring"}, salt="een-ander-doel"),
        signing.dumps(["u", 1], salt=TOPIC_SALT),
        signing.dumps({"u": 1}, salt=TOPIC_SALT),
    ],
)
def test_a_tampered_link_gets_a_dutch_message_and_changes_nothing(
    client, member, token
):
    topic_follow(user=member, kind="leerkring")
    for method in (client.get, client.post):
        response = method(f"/agenda/niet-meer-volgen/{token}/")
        assert response.status_code == 400
        assert "Deze link is onvolledig of verlopen" in response.content.decode()
    assert TopicFollow.objects.filter(user=member).exists()


def test_a_changed_character_in_the_token_is_refused(client, member):
    topic_follow(user=member, kind="leerkring")
    url = _unsubscribe_url(member)
    token = url.rstrip("/").rsplit("/", 1)[1]
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    response = client.post(f"/agenda/niet-meer-volgen/{forged}/")
    assert response.status_code == 400
    assert TopicFollow.objects.filter(user=member).exists()


def test_an_expired_link_is_refused(client, member):
    from freezegun import freeze_time

    topic_follow(user=member, kind="leerkring")
    with freeze_time(timezone.now() - dt.timedelta(days=400)):
        url = _unsubscribe_url(member)
    assert client.post(url).status_code == 400
    assert TopicFollow.objects.filter(user=member).exists()


def test_delete_by_link_of_a_follow_already_gone(member):
    follow = topic_follow(user=member, kind="leerkring")
    TopicFollow.objects.all().delete()
    topic_follow_delete(follow=follow)  # nothing to do, no error


# --- the views -----------------------------------------------------------------


def test_following_from_the_agenda_and_back(client, member, index):
    client.force_login(member)
    response = client.post(
        "/agenda/volgen/", {"kind": "roadshow", "next": index.url + "?soort=roadshow"}
    )
    assert response.status_code == 302
    assert response["Location"] == index.url + "?soort=roadshow"
    assert TopicFollow.objects.filter(user=member, kind="roadshow").exists()
    page = client.get(response["Location"]).content.decode()
    assert "Wij mailen u zodra de inschrijving voor nieuwe roadshows opengaat." in page
    assert "U volgt nieuwe roadshows" in page


def test_unfollowing_with_one_post(client, member):
    topic_follow(user=member, kind="roadshow")
    client.force_login(member)
    response = client.post("/agenda/volgen/", {"kind": "roadshow", "follow": "0"})
    assert response["Location"] == "/mijn-account/"
    assert not TopicFollow.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "bestaat-niet"}, "Er is geen soort bijeenkomst met die naam."),
        ({}, "Kies een soort bijeenkomst."),
        (
            {"kind": "roadshow", "home_region_only": "1"},
            "Kies eerst uw regio bij uw gegevens",
        ),
    ],
)
def test_wrong_input_gets_a_dutch_message(client, member, data, message):
    client.force_login(member)
    response = client.post("/agenda/volgen/", data, follow=True)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not TopicFollow.objects.exists()


def test_a_foreign_next_is_ignored(client, member):
    client.force_login(member)
    response = client.post(
        "/agenda/volgen/", {"kind": "roadshow", "next": "https://elders.example/"}
    )
    assert response["Location"] == "/mijn-account/"


def test_only_a_post_follows_and_only_members(client, unapproved):
    assert client.post("/agenda/volgen/", {"kind": "roadshow"}).status_code == 302
    client.force_login(unapproved)
    assert client.post("/agenda/volgen/", {"kind": "roadshow"}).status_code == 403
    assert not TopicFollow.objects.exists()


def test_the_event_page_offers_to_keep_the_member_informed(client, member, index):
    event = EventPageFactory(parent=index, kind="leerkring")
    client.force_login(member)
    page = client.get(event.url).content.decode()
    assert "Houd mij op de hoogte van nieuwe leerkringen" in page
    topic_follow(user=member, kind="leerkring")
    page = client.get(event.url).content.decode()
    assert "Geen e-mail meer over nieuwe leerkringen" in page


def test_visitors_see_no_follow_buttons(client, index):
    event = EventPageFactory(parent=index)
    assert "Houd mij op de hoogte" not in client.get(event.url).content.decode()
    assert "Houd mij op de hoogte" not in client.get(index.url).content.decode()


def test_the_overview_lists_follows_with_a_button_to_stop(client, member):
    member.home_region = "utrecht"
    member.save()
    topic_follow(user=member, kind="roadshow", home_region_only=True)
    client.force_login(member)
    page = client.get("/mijn-account/").content.decode()
    assert "Soorten bijeenkomsten die ik volg" in page
    assert "Nieuwe roadshows" in page
    assert "in Utrecht, landelijk en online" in page
    assert "Geen e-mail meer over nieuwe roadshows" in page


def test_the_overview_leaves_the_section_out_without_follows(client, member):
    client.force_login(member)
    assert (
        "Soorten bijeenkomsten die ik volg"
        not in client.get("/mijn-account/").content.decode()
    )


# --- privacy ------------------------------------------------------------------


def test_the_export_holds_the_follows(member):
    topic_follow(user=member, kind="roadshow")
    data = account_export(user=member)
    [entry] = data["followed_kinds_of_meeting"]
    assert entry["kind"] == "roadshow" and entry["home_region_only"] is False


def test_deleting_the_account_removes_the_follows(member):
    topic_follow(user=member, kind="roadshow")
    account_delete(user=member)
    assert not TopicFollow.objects.exists()


def _recipient_queries(index, followers: int) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from events.selectors import topic_recipients

    event = EventPageFactory(parent=index, kind="roadshow")
    # Members only: each follower's groups decide.
    PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.LOGIN
    )
    for _ in range(followers):
        TopicFollow.objects.create(user=MemberFactory(), kind="roadshow")
    with CaptureQueriesContext(connection) as captured:
        assert len(topic_recipients(event=event)) == followers
    TopicFollow.objects.all().delete()
    PageViewRestriction.objects.filter(page=event).delete()
    return len(captured)


def test_judging_the_followers_costs_the_same_for_3_and_30(index):
    """Who may see the meeting is judged for all followers at once: their
    groups in one query, not one per member."""
    assert _recipient_queries(index, 3) == _recipient_queries(index, 30)
