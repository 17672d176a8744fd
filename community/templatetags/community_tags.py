from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from community.sanitise import plain_text_html

register = template.Library()


@register.filter
def member_name(user) -> str:
    """How a member is named in the discussions; an erased account leaves
    its messages readable under 'former member'."""
    if user is None:
        return _("former member")
    name = user.get_full_name() or _("member")
    return f"{name} ({user.organisation})" if user.organisation else name


@register.filter
def book_text(text: str) -> SafeString:
    """A policy book's plain-text snapshot as paragraphs and lists."""
    return mark_safe(plain_text_html(text))  # noqa: S308 - escaped, then bleached


@register.filter
def book_quote(quote: dict) -> SafeString:
    """A quote's paragraphs with its source on the last line. A line of its
    own for each of hundreds of quotes would add pages to the PDF for
    nothing; only a quote that ends in a list gets one."""
    body = "".join(plain_text_html(p) for p in quote.get("paragraphs", []))
    source = format_html(
        '<span class="book-quote__source">— {}</span>', quote["source"]
    )
    if body.endswith("</p>"):
        return mark_safe(f"{body[: -len('</p>')]} {source}</p>")  # noqa: S308
    return mark_safe(f"{body}<p>{source}</p>")  # noqa: S308 - both parts safe
