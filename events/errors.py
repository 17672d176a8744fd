class RegistrationError(Exception):
    """A registration that cannot be made or changed; the message is
    translated and safe to show."""
