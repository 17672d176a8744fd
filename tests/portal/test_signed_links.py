"""One reader of signed links in mails, for every kind of link."""

import pytest
from django.core import signing
from freezegun import freeze_time

from portal.core.signed_links import signed_link_data


def test_a_genuine_link_gives_its_payload():
    token = signing.dumps({"u": 1, "k": "roadshow"}, salt="s")
    data = signed_link_data(token, salt="s", max_age=None, keys={"u", "k"})
    assert data == {"u": 1, "k": "roadshow"}


@pytest.mark.parametrize(
    "token",
    [
        "",
        "niet-ondertekend",
        signing.dumps({"u": 1, "k": "x"}, salt="andere"),  # another kind of link
        signing.dumps({"u": 1}, salt="s"),  # a key missing
        signing.dumps([1, 2], salt="s"),  # not a mapping
        signing.dumps({"u": 1, "k": "x"}, salt="s")[:-2] + "xx",  # tampered
    ],
)
def test_anything_else_is_none(token):
    assert signed_link_data(token, salt="s", max_age=None, keys={"u", "k"}) is None


def test_an_expired_link_is_none():
    with freeze_time("2026-01-01"):
        token = signing.dumps({"u": 1, "k": "x"}, salt="s")
    with freeze_time("2026-03-01"):
        assert signed_link_data(token, salt="s", max_age=3600, keys={"u"}) is None
        assert signed_link_data(token, salt="s", max_age=None, keys={"u"})
