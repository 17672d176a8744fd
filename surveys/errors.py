class SurveyError(Exception):
    """Answers that cannot be taken; the message is translated and safe to
    show, and ``state`` names the survey page's state to show instead of
    the form ("closed", "answered")."""

    def __init__(self, message: str, *, state: str):
        super().__init__(message)
        self.state = state
