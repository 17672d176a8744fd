"""allauth messages the platform words differently.

allauth's Dutch addresses the reader with 'je'; this platform, like other
government sites, uses 'u'. Marking the msgids here puts them in our own
catalogue, which Django consults before allauth's.
"""

from django.utils.translation import gettext_noop

ALLAUTH_OVERRIDES = [
    gettext_noop("The email address and/or password you specified are not correct."),
    gettext_noop("Too many failed login attempts. Try again later."),
    gettext_noop("A user is already registered with this email address."),
    gettext_noop("Two-Factor Authentication"),
    gettext_noop(
        "Your account is protected by two-factor authentication. Please enter an "
        "authenticator code:"
    ),
    gettext_noop("Sign In"),
    gettext_noop("Confirm Email Address"),
    gettext_noop("Verify Your Email Address"),
]
