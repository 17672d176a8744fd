from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def member_name(user) -> str:
    """How a member is named in the discussions; an erased account leaves
    its messages readable under 'former member'."""
    if user is None:
        return _("former member")
    name = user.get_full_name() or _("member")
    return f"{name} ({user.organisation})" if user.organisation else name
