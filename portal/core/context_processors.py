from django.http import HttpRequest

from portal.accounts.selectors import user_is_member


def membership(request: HttpRequest) -> dict[str, bool]:
    """Whether the visitor may see members-only content, for the navigation."""
    return {"is_member": user_is_member(request.user)}
