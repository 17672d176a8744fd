class CaseError(Exception):
    """A case that cannot be saved or changed like this; the message is
    translated and safe to show."""


class CaseStateError(CaseError):
    """A change of status the case's current status does not allow."""
