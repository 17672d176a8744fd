"""What the deployment rehearsal (deploy/rehearsal.py) finds in its fresh
database. Run inside Django, by ``manage.py shell`` right after migrate:

"""

import datetime as dt
import json
import sys
import time

from allauth.account.internal.flows.login import (
    _AUTHENTICATION_METHODS_USER_SESSION_KEY,
    AUTHENTICATION_METHODS_SESSION_KEY,
)
from allauth.account.internal.userkit import user_id_to_str
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from wagtail.models import Collection, Page, Site

from deploy.rehearsal import PASSWORD
from events.models import EventIndexPage, EventPage
from knowledge.models import NewsIndexPage, NewsPage
from portal.accounts.models import User


def scenario_build(*, nginx_port: int, members: int, seats: int) -> None:
    """Run by ``manage.py shell`` in the fresh database: the site at nginx's
    address, a member who logs in, an adviser with a second factor, a news
    item with a draft waiting, an event with ``seats`` places and
    ``members`` members with a session each. Prints what the tests need, as
    JSON."""
    site = Site.objects.get(is_default_site=True)
    # The address visitors use, so that Wagtail's purge names the host nginx
    # keyed its copies under.
    site.hostname, site.port = "127.0.0.1", nginx_port
    site.save()
    home = site.root_page.specific
    adviser = _user("adviseur@rehearsal.example", "Advisers", second_factor=True)
    member = _user("lid@rehearsal.example", "Members", password=PASSWORD)
    rush = _rush_members(members)
    sys.stdout.write(
        json.dumps(
            {
                "member": {"email": member.email, "name": member.get_full_name()},
                "adviser_session": _session(adviser, second_factor=True),
                "news": _news_with_draft(home, adviser),
                "event": _event(home, "Leerkring onder druk", seats),
                "guest_event": _event(home, "Leerkring met gasten", 10),
                "collection": Collection.get_first_root_node().pk,
                "rush": [
                    {"email": user.email, "session": _session(user)} for user in rush
                ],
            }
        )
        + "\n"
    )


def _user(
    email: str, group: str, *, password: str = "", second_factor: bool = False
) -> User:
    user = User(
        email=email,
        first_name="Oefen",
        last_name={"Advisers": "Adviseur", "Members": "Lid"}[group],
        organisation="Gemeente Oefenstad",
        job_title="OOV-adviseur",
        approval_status=User.ApprovalStatus.APPROVED,
    )
    user.set_password(password or None)
    user.save()
    user.groups.add(Group.objects.get(name=group))
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if second_factor:
        TOTP.activate(user, generate_totp_secret())
    return user


def _rush_members(count: int) -> list[User]:
    """Members made in bulk: each logs in through a session of its own
    (``_session``), which costs no password hashing."""
    users = User.objects.bulk_create(
        User(
            email=f"lid{number}@rehearsal.example",
            first_name="Lid",
            last_name=str(number),
            organisation="Gemeente Oefenstad",
            job_title="OOV-adviseur",
            approval_status=User.ApprovalStatus.APPROVED,
            password=make_password(None),
        )
        for number in range(count)
    )
    members = Group.objects.get(name="Members")
    User.groups.through.objects.bulk_create(
        User.groups.through(user_id=user.pk, group_id=members.pk) for user in users
    )
    return users


def _session(user: User, *, second_factor: bool = False) -> str:
    """A session as the login form leaves it (with the authenticator app's
    step, for an adviser); its key, the ``sessionid`` cookie."""
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    records = [{"method": "password", "at": time.time()}]
    if second_factor:
        totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
        records.append(
            {"method": "mfa", "at": time.time(), "id": totp.pk, "type": "totp"}
        )
    store[AUTHENTICATION_METHODS_SESSION_KEY] = records
    store[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = user_id_to_str(user)
    store.create()
    return store.session_key


def _news_with_draft(home: Page, adviser: User) -> dict:
    index = home.add_child(instance=NewsIndexPage(title="Nieuws"))
    news = index.add_child(
        instance=NewsPage(
            title="Oefening: de eerste versie",
            category="policy",
            date=dt.date(2026, 12, 1),
            teaser="Een bericht dat een adviseur straks bijwerkt.",
        )
    )
    news.title = "Oefening: de bijgewerkte versie"
    news.save_revision(user=adviser)
    return {
        "id": news.pk,
        "path": news.get_url_parts()[2],
        "old": "Oefening: de eerste versie",
        "new": news.title,
    }


def _event(home: Page, title: str, seats: int) -> dict:
    index = EventIndexPage.objects.first() or home.add_child(
        instance=EventIndexPage(title="Bijeenkomsten")
    )
    starts = timezone.now().replace(microsecond=0) + dt.timedelta(days=14)
    event = index.add_child(
        instance=EventPage(
            title=title,
            kind="leerkring",
            format="online",
            location="Microsoft Teams",
            intro="Een bijeenkomst van de generale repetitie.",
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=1),
            capacity=seats,
        )
    )
    return {"id": event.pk, "path": event.get_url_parts()[2]}
