import pytest

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
    return AdviserFactory(first_name="Joeri", last_name="Vig")
