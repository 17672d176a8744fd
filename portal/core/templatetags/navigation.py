from django import template
from wagtail.models import Site

from portal.accounts.access import pages_public

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
    root = site.root_page
    current_path = getattr(context.get("page"), "path", "")
    items = [{"title": None, "url": root.url, "current": current_path == root.path}]
    # What everyone may see: the header is the same for every visitor.
    for child in pages_public(root.get_children().live()).in_menu():
        items.append(
            {
                "title": child.title,
                "url": child.url,
                "current": current_path.startswith(child.path),
            }
        )
    # Members also see the members-only sections (the community of practice).
    return {
        "items": items,
        "request": request,
        "is_member": context.get("is_member", False),
    }
