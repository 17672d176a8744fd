class NewsletterError(Exception):
    """A newsletter action that cannot go ahead; the message is translated and
    meant for the person who asked for it."""
