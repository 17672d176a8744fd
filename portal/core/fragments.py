"""Parts of a page rendered once and shared by everyone who would be shown
the same: the meetings to come on the home page, the lists of the agenda,
the publications of a theme. A member's pages are never served from the
page cache, and these parts were most of their rendering.

A fragment is kept per page-cache generation (every change to what it
shows starts a new one), per address with its query string, language and
audience (``portal.accounts.access.audience_key``: what one account may see
in a list, another may not), and never longer than ``MAX_AGE`` seconds,
since which meetings are still to come changes with the clock alone.

A preview is always rendered afresh: a draft changes without a new
generation.

What belongs to one account (a CSRF token, a name, a registration) must
stay outside a fragment. A rendering with a CSRF token in it is not kept,
whatever the template says, so that a mistake costs speed, not a leak.
"""

from collections.abc import Callable, Hashable

from django.http import HttpRequest
from django.utils import translation

from portal.accounts.access import audience_key

from .shared_memo import MISSING, MemoStore

MAX_AGE = 60
fragments = MemoStore("rendered fragments", max_entries=1024, max_age=MAX_AGE)


def fragment_key(request: HttpRequest, name: str, vary: tuple) -> tuple:
    return (
        name,
        translation.get_language(),
        request.get_host(),
        request.get_full_path(),
        audience_key(request.user),
        vary,
    )


def _holds_a_token(html: str) -> bool:
    return "csrfmiddlewaretoken" in html


def fragment(
    request: HttpRequest,
    name: str,
    vary: tuple[Hashable, ...],
    render: Callable[[], str],
) -> str:
    """``render()``'s output, rendered once per generation and audience in
    this process (see above)."""
    if getattr(request, "is_preview", False):
        return render()
    key = fragment_key(request, name, vary)
    generation, html = fragments.get(key)
    if html is MISSING:
        html = render()
        if not _holds_a_token(html):
            fragments.put(key, generation, html)
    return html  # type: ignore[return-value]
