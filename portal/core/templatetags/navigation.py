from django import template
from wagtail.models import Site

from portal.accounts.access import pages_public
from portal.core.shared_memo import shared_memo

register = template.Library()


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context: template.Context) -> dict:
    """The site root and its pages marked 'show in menus', for the header.

    An item is current when the page being shown is that page or lies below it.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"items": []}
    current_path = getattr(context.get("page"), "path", "")
    items = [
        {"title": title, "url": url, "current": _current(current_path, path, title)}
        for title, url, path in shared_memo(
            ("main_navigation", site.pk), lambda: _menu(site)
        )
    ]
    # Members also see the members-only sections (the community of practice).
    return {
        "items": items,
        "request": request,
        "is_member": context.get("is_member", False),
    }


def _menu(site: Site) -> list[tuple[str | None, str, str]]:
    """(title, url, path) of the home page (no title) and of the pages below
    it marked 'show in menus' that everyone may see: the header is the same
    for every visitor and member, so it is built once per generation."""
    root = site.root_page
    menu = [(None, root.url, root.path)]
    for child in pages_public(root.get_children().live()).in_menu():
        menu.append((child.title, child.url, child.path))
    return menu


def _current(current_path: str, path: str, title: str | None) -> bool:
    """The home page is current only on itself; a section also below it."""
    if title is None:
        return current_path == path
    return current_path.startswith(path)
