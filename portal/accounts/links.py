"""Links on a member's account page to what other apps keep for them (their
cases, their requests for help, ...). Apps register them in their
AppConfig.ready(), so the accounts app needs to know none of them."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class AccountLink:
    label: str | Promise
    url_name: str
    order: int

    @property
    def url(self) -> str:
        return reverse(self.url_name)


_links: dict[str, AccountLink] = {}


def register_account_link(*, label: str | Promise, url_name: str, order: int) -> None:
    """Registering the same ``url_name`` again replaces it (autoreload)."""
    _links[url_name] = AccountLink(label=label, url_name=url_name, order=order)


def account_links() -> list[AccountLink]:
    return sorted(_links.values(), key=lambda link: (link.order, link.url_name))
