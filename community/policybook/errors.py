class PolicyBookError(Exception):
    """Bad input for the policy book; the message is translated and meant
    for the adviser."""
