class RegistrationError(Exception):
    """A registration that cannot be made or changed; the message is
    translated and safe to show."""


class TopicError(Exception):
    """A follow of a kind of meeting that cannot be made; the message is
    translated and safe to show."""
