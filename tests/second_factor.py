"""Logging a test client in as a person who passed the second factor.

``Client.force_login`` makes a session that passed no authentication step at
all; an adviser's powers need a session in which allauth recorded the second
factor, as its TOTP form does after a correct code.
"""

import time

from allauth.account.internal.flows.login import (
    _AUTHENTICATION_METHODS_USER_SESSION_KEY,
    AUTHENTICATION_METHODS_SESSION_KEY,
)
from allauth.account.internal.userkit import user_id_to_str
from allauth.mfa.models import Authenticator
from django.test import Client


def login_with_second_factor(client: Client, user) -> Client:
    """Log ``client`` in as ``user`` with a password and the authenticator
    app, the way a real adviser's login ends."""
    client.force_login(user)
    authenticator = Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).first()
    now = time.time()
    records = [{"method": "password", "at": now}]
    if authenticator is not None:
        records.append(
            {"method": "mfa", "at": now, "id": authenticator.pk, "type": "totp"}
        )
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = user_id_to_str(user)
    session.save()
    return client


def login_with_password_only(client: Client, user) -> Client:
    """Log ``client`` in as ``user`` with the password alone: no second factor
    in this session, whether or not the account has an authenticator app."""
    client.force_login(user)
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": time.time()}
    ]
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = user_id_to_str(user)
    session.save()
    return client
