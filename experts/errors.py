class ExpertsError(Exception):
    """A refusal with a message for people (already translated)."""


class NotAllowed(ExpertsError):
    pass


class SlotTaken(ExpertsError):
    """The slot was booked, removed or passed before this booking."""
