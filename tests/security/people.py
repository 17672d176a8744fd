"""Accounts whose own details are payloads, and test clients for them."""

from django.test import Client

from tests.accounts.factories import MemberFactory
from tests.second_factor import login_with_second_factor

from .payloads import chunks


def logged_in(user) -> Client:
    client = Client()
    login_with_second_factor(client, user)
    return client


def hostile_member(**extra):
    """A member whose name, organisation and function are payloads: they
    show wherever the member's messages, cases and requests are shown."""
    names = chunks(150)
    return MemberFactory(
        first_name=names[0],
        last_name=names[1],
        organisation=chunks(200)[2],
        job_title=chunks(200)[3],
        **extra,
    )
