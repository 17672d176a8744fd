class CommunityError(Exception):
    """A discussion action that cannot be done; the message is translated
    and safe to show."""


class InvalidMessage(CommunityError):
    """The text of a message is empty, too long or otherwise unusable."""


class NotAllowed(CommunityError):
    """The person may not do this (not a member, not the author, not an
    adviser)."""
