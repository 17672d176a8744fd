"""The one access decision: may this user see this page, document or search hit?

Every place that shows restricted content asks here (the page and document
serve hooks, site search, feeds, .ics, listings, the policy book), so the
rule lives once:

- An account that is not approved (e-mail unverified, pending, rejected)
  counts as anonymous for every Wagtail restriction: "logged-in users"
  means approved accounts. Wagtail's own ``accept_request`` lets any
  logged-in account through, which is why we do not ask it.
- A "groups" restriction is passed by a member of one of its groups (every
  approved account counts as in Members); the Advisers group counts only
  while ``user_is_adviser`` holds (a session that passed the second
  factor), and so does a superuser's pass.
- A shared password is passed only by entering it in this session, whoever
  one is; lists and feeds have no session, so they never show such pages.

A refusal tells the caller what to answer: anonymous visitors are sent to
log in, a logged-in account is told the content is for members (never a
login loop), and a password asks for the password.
"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from wagtail.models import (
    BaseViewRestriction,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)

from portal.core.shared_memo import MemoStore, shared_memo

from .models import User
from .roles import ADVISERS_GROUP, MEMBERS_GROUP
from .selectors import (
    _group_names,
    group_names_load,
    user_is_adviser,
    user_is_member,
)

AnyUser = User | AnonymousUser


class Refusal(StrEnum):
    LOGIN = "login"  # anonymous, or counted as such: log in first
    MEMBERS_ONLY = "members_only"  # logged in, and refused: explain, 403
    PASSWORD = "password"  # noqa: S105 - the shared password was not entered


@dataclass(frozen=True)
class Refused:
    kind: Refusal
    restriction: BaseViewRestriction  # the one to show the password form for


@dataclass(frozen=True)
class Section:
    """A restricted part of the page tree (a page and everything below it),
    judged for one user."""

    path: str
    depth: int
    hidden: bool  # this user may not see it
    members_only: bool  # a login or groups restriction (not a password)

    def covers(self, page: Page) -> bool:
        return page.path.startswith(self.path) and page.depth >= self.depth

    def q(self) -> Q:
        return Q(path__startswith=self.path, depth__gte=self.depth)


def _passed_groups(user: AnyUser) -> frozenset[str]:
    """The groups an approved ``user`` may pass a groups restriction with.
    Advisers and superusers are members too (``user_is_member``); without
    the second factor they are members only."""
    names = _group_names(user) | {MEMBERS_GROUP}
    if not user_is_adviser(user):
        names = names - {ADVISERS_GROUP}
    return names


def audience_key(user: AnyUser) -> tuple:
    """Accounts with the same key are shown the same pages in lists (no
    session passwords count there) and the same adviser tools: what a
    rendered fragment shared between accounts must vary on."""
    if not user_is_member(user):
        return ("visitor",)
    superuser_adviser = user.is_superuser and user_is_adviser(user)
    return ("member", tuple(sorted(_passed_groups(user))), superuser_adviser)


def _passes(
    user: AnyUser,
    *,
    kind: str,
    restriction_id: int,
    group_names: Collection[str],
    passwords: Collection[int],
) -> bool:
    if kind == BaseViewRestriction.PASSWORD:
        return restriction_id in passwords
    if kind not in (BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS):
        return True  # "none": Wagtail's public choice
    if not user_is_member(user):
        return False  # not approved: as anonymous
    if kind == BaseViewRestriction.LOGIN:
        return True
    if user.is_superuser and user_is_adviser(user):
        return True
    return bool(_passed_groups(user) & set(group_names))


def _names_of_groups(restriction: BaseViewRestriction) -> list[str]:
    if restriction.restriction_type != BaseViewRestriction.GROUPS:
        return []
    return [group.name for group in restriction.groups.all()]


def _refusal(
    user: AnyUser,
    restrictions: Iterable[BaseViewRestriction],
    passwords: Collection[int],
) -> Refused | None:
    """Login and groups refusals come before a password: entering the
    password would not help."""
    refused = [
        r
        for r in restrictions
        if not _passes(
            user,
            kind=r.restriction_type,
            restriction_id=r.pk,
            group_names=_names_of_groups(r),
            passwords=passwords,
        )
    ]
    if not refused:
        return None
    for restriction in refused:
        if restriction.restriction_type != BaseViewRestriction.PASSWORD:
            kind = Refusal.MEMBERS_ONLY if user.is_authenticated else Refusal.LOGIN
            return Refused(kind, restriction)
    return Refused(Refusal.PASSWORD, refused[0])


def _session_passwords(
    request: HttpRequest | None, restrictions: list[BaseViewRestriction]
) -> list[int]:
    # The session is read only for a password restriction, so a visitor's
    # request for a public page never loads (or creates) one.
    password = [r for r in restrictions if r.restriction_type == r.PASSWORD]
    if request is None or not password:
        return []
    key = password[0].passed_view_restrictions_session_key
    return list(request.session.get(key, []))


def members_area_visible_to(user: AnyUser) -> bool:
    """May ``user`` see the members' own areas outside the page tree (the
    discussions, the expert directory), in lists and search included? Only
    approved accounts: an account that is not approved counts as a visitor
    here too, and neither may know what is there, not even how much."""
    return user_is_member(user)


# Restrictions and pages both start a new page-cache generation when they
# change, so what restricts a page is kept per generation: two queries on
# every page a member opens, saved.
_restrictions_of_pages = MemoStore("page restrictions", max_entries=4096)


def page_restrictions(page: Page) -> list[PageViewRestriction]:
    """The restrictions on ``page`` and its ancestors, with their groups: two
    queries, once per page-cache generation in each process."""

    def read() -> tuple[PageViewRestriction, ...]:
        return tuple(page.get_view_restrictions().prefetch_related("groups"))

    if page.pk is None:  # not saved yet: nothing to keep it under
        return list(read())
    return list(_restrictions_of_pages.remember(page.pk, read))


def page_refusal(
    request: HttpRequest,
    page: Page,
    *,
    restrictions: list[PageViewRestriction] | None = None,
) -> Refused | None:
    """Why ``request.user`` may not see ``page`` in this session, or None."""
    if restrictions is None:
        restrictions = page_restrictions(page)
    passwords = _session_passwords(request, restrictions)
    return _refusal(request.user, restrictions, passwords)


def pages_refusal(
    request: HttpRequest, pages: Iterable[Page]
) -> tuple[Page, Refused] | None:
    """For what follows several pages, such as a file of publications: None
    when ``request.user`` may see one of ``pages`` in this session, else
    the first page with why it is refused. Two queries per page asked."""
    first = None
    for page in pages:
        refused = page_refusal(request, page)
        if refused is None:
            return None
        first = first or (page, refused)
    return first


def page_visible_to(user: AnyUser, page: Page) -> bool:
    """May ``user`` see ``page``, outside a session (a list, a feed, a book)?
    Password pages are never visible here."""
    return _refusal(user, page_restrictions(page), passwords=()) is None


def page_visible_to_each(page: Page, users: Iterable[AnyUser]) -> list[AnyUser]:
    """The ``users`` who may see ``page`` outside a session (a mail about
    it): the restrictions are read once, however many users."""
    restrictions = page_restrictions(page)
    users = list(users)
    group_names_load(users)
    return [user for user in users if _refusal(user, restrictions, ()) is None]


def document_restrictions(document) -> list[CollectionViewRestriction]:
    """The restrictions on ``document``'s collection and its ancestors, with
    their groups: two queries."""
    return list(document.collection.get_view_restrictions().prefetch_related("groups"))


def document_refusal(request: HttpRequest, document) -> Refused | None:
    """Why ``request.user`` may not download ``document`` in this session."""
    restrictions = document_restrictions(document)
    passwords = _session_passwords(request, restrictions)
    return _refusal(request.user, restrictions, passwords)


def document_visible_to(user: AnyUser, document) -> bool:
    """May ``user`` download ``document``, outside a session?"""
    return _refusal(user, document_restrictions(document), passwords=()) is None


def _restriction_rows() -> dict[int, tuple[str, str, int, tuple[str, ...]]]:
    rows = PageViewRestriction.objects.values_list(
        "pk", "restriction_type", "page__path", "page__depth", "groups__name"
    ).order_by("pk")
    found: dict[int, tuple[str, str, int, list[str]]] = {}
    for pk, kind, path, depth, group in rows:
        entry = found.setdefault(pk, (kind, path, depth, []))
        if group is not None:
            entry[3].append(group)
    return {
        pk: (kind, path, depth, tuple(groups))
        for pk, (kind, path, depth, groups) in found.items()
    }


def restricted_sections(user: AnyUser) -> list[Section]:
    """Every page view restriction, judged for ``user``: one query per
    page-cache generation in each process (restrictions start a new one),
    and one for the user's groups, cached on the user."""
    found = shared_memo("page restriction rows", _restriction_rows)
    return [
        Section(
            path=path,
            depth=depth,
            hidden=not _passes(
                user, kind=kind, restriction_id=pk, group_names=groups, passwords=()
            ),
            members_only=kind != PageViewRestriction.PASSWORD,
        )
        for pk, (kind, path, depth, groups) in found.items()
    ]


def pages_visible_to(
    user: AnyUser, queryset: QuerySet, *, sections: list[Section] | None = None
) -> QuerySet:
    """``queryset`` without the pages ``user`` may not see. One query for
    the restrictions, none per page; pass ``sections`` when the caller
    already has them (to label members-only hits, for instance)."""
    if sections is None:
        sections = restricted_sections(user)
    hidden = Q()
    for section in sections:
        if section.hidden:
            hidden |= section.q()
    return queryset.exclude(hidden) if hidden else queryset


def pages_public(queryset: QuerySet) -> QuerySet:
    """What everyone may see: feeds, the policy book, anything shared."""
    return pages_visible_to(AnonymousUser(), queryset)
