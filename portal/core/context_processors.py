from django.http import HttpRequest

from portal.accounts.selectors import user_is_member, user_sees_management_link


def membership(request: HttpRequest) -> dict[str, bool]:
    """Whether the visitor may see members-only content, for the navigation,
    and whether the header offers the management environment."""
    user = request.user
    return {
        "is_member": user_is_member(user),
        "may_manage": user_sees_management_link(user),
    }
