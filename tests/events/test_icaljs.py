"""Thunderbird's parser (ical.js) reads every calendar the platform makes,
with event times resolved in the VTIMEZONE we send."""

import datetime as dt
import json
import os
import shutil
import subprocess
import zoneinfo
from pathlib import Path

import pytest
from django.core import mail

from events.services import registration_create
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db
CHECKER = Path(__file__).parent / "icaljs"
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


@pytest.fixture(scope="module")
def icaljs():
    node = shutil.which("node")
    if node is None or not (CHECKER / "node_modules" / "ical.js").exists():
        if os.environ.get("LEERKRING_REQUIRE_BROWSER"):
            pytest.fail(
                "ical.js is not installed (npm ci --prefix tests/events/icaljs)"
            )
        pytest.skip(
            "node and ical.js not installed (npm ci --prefix tests/events/icaljs)"
        )

    def parse(payload: bytes | str) -> dict:
        if isinstance(payload, str):  # Django hands text attachments back as str
            payload = payload.encode()
        result = subprocess.run(  # noqa: S603
            [node, str(CHECKER / "check.mjs")],
            input=payload,
            capture_output=True,
            check=False,
            timeout=30,
        )
        assert result.returncode == 0, result.stderr.decode()
        return json.loads(result.stdout)

    return parse


@pytest.fixture
def events(home_page):
    index = EventIndexPageFactory(parent=home_page)
    year = dt.date.today().year + 1
    summer = dt.datetime(year, 7, 2, 13, 30, tzinfo=AMSTERDAM)
    winter = dt.datetime(year, 1, 14, 9, 0, tzinfo=AMSTERDAM)
    return [
        EventPageFactory(
            parent=index, starts_at=start, ends_at=start + dt.timedelta(hours=1)
        )
        for start in (summer, winter)
    ]


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def test_feed_and_downloads_parse_with_correct_times(client, icaljs, events):
    feed = icaljs(client.get("/agenda/bijeenkomsten.ics").content)
    assert feed["method"] == "PUBLISH"
    starts = {e["uid"]: e for e in feed["events"]}
    for event in events:
        parsed = starts[f"event-{event.pk}@testserver"]
        assert parsed["zone"] == "Europe/Amsterdam"
        assert parsed["start_utc"] == _utc(event.starts_at)
        single = icaljs(client.get(f"/agenda/bijeenkomst-{event.pk}.ics").content)
        assert single["events"][0]["start_utc"] == _utc(event.starts_at)


def test_invitation_and_cancellation_parse(
    icaljs, events, django_capture_on_commit_callbacks, member
):
    event = events[0]
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(
            event=event,
            user=member,
            name="Lid",
            organisation="o",
            job_title="j",
            email=member.email,
        )
    invitation = icaljs(mail.outbox[-1].attachments[0][1])
    assert invitation["method"] == "REQUEST"
    event.cancelled = True
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    cancellation = icaljs(mail.outbox[-1].attachments[0][1])
    assert cancellation["method"] == "CANCEL"
    assert cancellation["events"][0]["sequence"] == 1


def test_every_mailed_invitation_parses(
    icaljs, home_page, member, mailoutbox, django_capture_on_commit_callbacks
):
    from tests.events.test_invitations import event_with_one_place, invitations_mailed

    event = event_with_one_place(home_page)
    mails = invitations_mailed(
        event=event,
        member=member,
        mailoutbox=mailoutbox,
        run=django_capture_on_commit_callbacks,
    )
    assert len(mails) == 6
    for message in mails.values():
        parsed = icaljs(message.attachments[0][1])
        assert parsed["method"] in ("REQUEST", "CANCEL")
        assert parsed["events"][0]["uid"] == f"event-{event.pk}@testserver"
        assert parsed["events"][0]["zone"] == "Europe/Amsterdam"
