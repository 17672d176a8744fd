class ExpertsError(Exception):
    """A refusal with a message for people (already translated)."""


class NotAllowed(ExpertsError):
    pass
