"""Steps the browser journeys share."""

from tests.conftest import PASSWORD


def log_in(
    page, base_url: str, email: str, next_url: str = "", *, password: str = PASSWORD
) -> None:
    """Through the login form, as a person does; ``next_url`` is where the
    site goes after it."""
    page.goto(f"{base_url}/accounts/login/" + (f"?next={next_url}" if next_url else ""))
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
