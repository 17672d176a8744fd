from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from .models import User
from .roles import ADVISERS_GROUP, MEMBERS_GROUP


def _group_names(user: User) -> frozenset[str]:
    # Cached on the instance: the navigation, the page restriction hook and
    # the view may all ask within one request.
    cached = getattr(user, "_leerkring_groups", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._leerkring_groups = cached
    return cached


def user_is_member(user: User | AnonymousUser) -> bool:
    """An approved professional (or an adviser) may see members-only content."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return bool(_group_names(user) & {MEMBERS_GROUP, ADVISERS_GROUP})


def user_is_adviser(user: User | AnonymousUser) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or ADVISERS_GROUP in _group_names(user)


def account_requests_pending() -> QuerySet[User]:
    return User.objects.filter(approval_status=User.ApprovalStatus.PENDING).order_by(
        "requested_at", "pk"
    )


def account_requests_pending_count() -> int:
    return account_requests_pending().count()


def advisers_to_notify() -> QuerySet[User]:
    return User.objects.filter(is_active=True, groups__name=ADVISERS_GROUP).distinct()
