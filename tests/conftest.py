import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core import mail
from django.core.cache import cache
from wagtail.models import Site

from portal.core.page_cache import local_copies_clear
from portal.core.shared_memo import shared_memo_clear
from portal.home.models import HomePage
from tests.accounts.factories import AdviserFactory, MemberFactory, UserFactory
from tests.nplusone import suite_context as zeal_suite_context
from tests.voice import visible_text, voice_faults

PASSWORD = "een-goed-wachtwoord-42"


@pytest.fixture(autouse=True)
def _zeal():
    # Every test, its fixtures included, raises on an N+1 query (ZEAL_RAISE).
    with zeal_suite_context():
        yield


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate-limit counters live in the cache; one test must not throttle another.
    # What a process keeps per page-cache generation (the site, the menu) is
    # forgotten too: the next test has another database.
    cache.clear()
    local_copies_clear()
    shared_memo_clear()
    yield
    cache.clear()
    local_copies_clear()
    shared_memo_clear()


@pytest.fixture(autouse=True)
def _mails_speak_formally():
    """Every mail any test sends speaks formal Dutch: allauth's mails and
    the platform's own, in the words they reach a member with."""
    yield
    for message in getattr(mail, "outbox", []):
        texts = [message.subject, message.body]
        texts += [visible_text(c) for c, kind in getattr(message, "alternatives", [])]
        faults = [fault for text in texts for fault in voice_faults(str(text))]
        assert faults == [], f"mail {message.subject!r} speaks informally: {faults}"


@pytest.fixture
def home_page(db) -> HomePage:
    """The site root made by the migration."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def member(db):
    return MemberFactory()


@pytest.fixture
def unapproved(db):
    return UserFactory(approval_status="pending")


@pytest.fixture
def editor(db):
    """An adviser with two-factor authentication set up."""
    adviser = AdviserFactory()
    secret = generate_totp_secret()
    TOTP.activate(adviser, secret)
    adviser.totp_secret = secret
    return adviser


def totp_code(secret: str) -> str:
    """The authenticator app's current code for ``secret``."""
    counters = list(yield_hotp_counters_from_time())
    current = counters[len(counters) // 2]
    return format_hotp_value(hotp_value(secret, current))
