import pytest
from django.conf import settings
from django.test import Client

from tests.browser.conftest import browser  # noqa: F401 - fixture
from tests.second_factor import login_with_second_factor


@pytest.fixture
def hostile_page(browser, live_server):  # noqa: F811 - the imported fixture
    """``open(user=None, client=None)``: a Chromium page that ignores
    Content-Security-Policy, logged in as ``user``, or in the session of a
    test ``client`` (whose messages it then shows). Without the policy an
    inline script runs, so what the tests see is the escaping and sanitising
    alone."""
    contexts = []

    def _open(user=None, client=None):
        context = browser.new_context(
            locale="nl-NL", timezone_id="Europe/Amsterdam", bypass_csp=True
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        if user is not None:
            client = Client()
            login_with_second_factor(client, user)
        if client is not None:
            context.add_cookies(
                [
                    {
                        "name": settings.SESSION_COOKIE_NAME,
                        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                        "url": live_server.url,
                    }
                ]
            )
        return context.new_page()

    yield _open
    for context in contexts:
        context.close()
