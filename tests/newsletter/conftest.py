import re

import pytest


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST and send the mails the request queued for after its commit."""

    def _post(url, data=None, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data or {}, **kwargs)

    return _post


def link_in(mail, action: str) -> str:
    """The path of the newsletter link for ``action`` in ``mail``."""
    word = {"confirm": "bevestigen", "unsubscribe": "afmelden"}[action]
    return re.search(rf"http://testserver(/nieuwsbrief/{word}/\S+/)", mail.body)[1]
