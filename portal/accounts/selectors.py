from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser, Group
from django.db.models import QuerySet

from portal.core.shared_memo import MemoStore

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


def group_names_load(users: Iterable[User]) -> None:
    """Fill the cache ``_group_names`` reads for many accounts in one query,
    so judging a list of members (the recipients of a mail) costs no query
    per member."""
    users = [user for user in users if getattr(user, "pk", None)]
    names: dict[int, set[str]] = {user.pk: set() for user in users}
    through = User.groups.through.objects.filter(user_id__in=names)
    for user_id, name in through.values_list("user_id", "group__name"):
        names[user_id].add(name)
    for user in users:
        user._leerkring_groups = frozenset(names[user.pk])


# Which groups open the management environment: asked for the header of
# every page a member sees. Group permissions change a few times a year and
# are no content, so each process asks again after a minute rather than on
# every page; the environment itself still checks every request.
_management_groups = MemoStore(
    "management groups", max_entries=1, max_age=60, per_generation=False
)


def _management_group_names() -> frozenset[str]:
    names = Group.objects.filter(
        permissions__codename="access_admin",
        permissions__content_type__app_label="wagtailadmin",
    ).values_list("name", flat=True)
    return frozenset(names)


def user_sees_management_link(user: User | AnonymousUser) -> bool:
    """Whether the header offers the management environment: a superuser,
    or a member of a group with access to it. Without the two permission
    queries Django's ``has_perm`` makes on every page; permissions given to
    one account directly (which the management environment cannot do) are
    not looked at, and the environment checks for itself."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    groups = _management_groups.remember("names", _management_group_names)
    return bool(_group_names(user) & groups)


def user_is_member(user: User | AnonymousUser) -> bool:
    """An approved professional (or an adviser) may see members-only content."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return bool(_group_names(user) & {MEMBERS_GROUP, ADVISERS_GROUP})


# Set by portal.accounts.middleware.SecondFactorMiddleware on the user of a
# request whose session did not pass the second factor.
_WITHOUT_SECOND_FACTOR = "_leerkring_without_second_factor"


def user_mark_without_second_factor(user: User) -> None:
    """In this request ``user`` has no adviser powers: the session did not
    pass the second factor (see portal.accounts.second_factor)."""
    setattr(user, _WITHOUT_SECOND_FACTOR, True)


def user_has_adviser_role(user: User | AnonymousUser) -> bool:
    """The account is an adviser (or a superuser), whether or not this
    session passed the second factor. Only the second-factor rule asks this;
    everything else asks ``user_is_adviser``."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or ADVISERS_GROUP in _group_names(user)


def user_is_adviser(user: User | AnonymousUser) -> bool:
    """The one predicate for adviser powers: an adviser (or superuser) whose
    session passed the second factor. Outside a request (commands, tasks)
    the role alone counts."""
    if getattr(user, _WITHOUT_SECOND_FACTOR, False):
        return False
    return user_has_adviser_role(user)


def account_requests_pending() -> QuerySet[User]:
    return User.objects.filter(approval_status=User.ApprovalStatus.PENDING).order_by(
        "requested_at", "pk"
    )


def account_requests_pending_count() -> int:
    return account_requests_pending().count()


def advisers_to_notify() -> QuerySet[User]:
    return User.objects.filter(is_active=True, groups__name=ADVISERS_GROUP).distinct()
