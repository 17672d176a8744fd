class AccountError(Exception):
    """A domain error whose message is translated and safe to show."""
