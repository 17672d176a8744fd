import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from tests.accounts.factories import AdviserFactory, MemberFactory

from .factories import PostFactory, ThemeFactory, ThreadFactory


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Ondermijning en burgerinitiatieven", slug="ondermijning")


@pytest.fixture
def thread(theme, member):
    """A thread started by ``member`` with its opening post."""
    thread = ThreadFactory(theme=theme, author=member, title="Signalen uit de wijk")
    PostFactory(thread=thread, author=member, body="<p>Openingsvraag</p>")
    thread.follows.create(user=member)
    return thread


@pytest.fixture
def other_member(db):
    return MemberFactory(first_name="Hakan", last_name="Yildiz")


@pytest.fixture
def adviser(db):
    """An adviser with an authenticator app: log in with
    ``login_with_second_factor`` to use the adviser's powers."""
    adviser = AdviserFactory(first_name="Joeri", last_name="Vig")
    TOTP.activate(adviser, generate_totp_secret())
    return adviser


@pytest.fixture
def pdf_engine():
    """WeasyPrint with Pango. Skipped locally when the system lacks Pango;
    CI (LEERKRING_REQUIRE_PDF) fails instead, saying what to install."""
    import os

    try:
        import weasyprint  # noqa: F401
    except OSError as exc:
        message = (
            "WeasyPrint needs Pango: apt-get install libpango-1.0-0 "
            f"libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core ({exc})"
        )
        if os.environ.get("LEERKRING_REQUIRE_PDF"):
            pytest.fail(message)
        pytest.skip(message)
