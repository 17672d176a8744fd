"""Reads of the expert network: the directory, who may see which request,
and which experts fit a request."""

from dataclasses import dataclass, field

from allauth.mfa.utils import is_mfa_enabled
from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.http import Http404
from django.utils.translation import gettext as _

from portal.accounts.access import members_area_visible_to
from portal.accounts.selectors import user_is_adviser, user_is_member
from portal.core.regions import Region

from .models import (
    Availability,
    ExpertiseTag,
    ExpertProfile,
    ExpertProfileTag,
    HelpRequest,
    RequestMessage,
    RequestStatus,
)

EXPERTS_PER_PAGE = 12
REQUESTS_PER_PAGE = 20
SUGGESTIONS = 10


def user_handles_requests(user) -> bool:
    """An adviser with the second factor: in a request, ``user_is_adviser``
    asks that the session passed it; outside one (whom a message goes to),
    the adviser must at least have an authenticator app to open the request
    with."""
    return user_is_adviser(user) and is_mfa_enabled(user)


def profile_of(user) -> ExpertProfile | None:
    if not user.is_authenticated:
        return None
    return ExpertProfile.objects.filter(user=user).first()


# --- the directory ----------------------------------------------------------------


@dataclass
class DirectoryFilters:
    query: str = ""
    tag: ExpertiseTag | None = None
    region: str = ""
    availability: str = ""
    notices: list[str] = field(default_factory=list)

    @property
    def query_prefix(self) -> str:
        from urllib.parse import urlencode

        params = {
            "q": self.query,
            "expertise": self.tag.slug if self.tag else "",
            "regio": self.region,
            "beschikbaarheid": self.availability,
        }
        return urlencode({k: v for k, v in params.items() if v})


def directory_filters(params) -> DirectoryFilters:
    """The filters of the directory from the query string; a value that
    does not exist is dropped with a message saying so."""
    filters = DirectoryFilters(query=" ".join(params.get("q", "").split())[:100])
    slug = params.get("expertise", "")
    if slug:
        filters.tag = ExpertiseTag.objects.filter(slug=slug).first()
        if filters.tag is None:
            filters.notices.append(
                _("There is no area of expertise with that name; showing all experts.")
            )
    region = params.get("regio", "")
    if region in Region.values:
        filters.region = region
    elif region:
        filters.notices.append(_("There is no such region; showing all regions."))
    availability = params.get("beschikbaarheid", "")
    if availability in Availability.values:
        filters.availability = availability
    elif availability:
        filters.notices.append(
            _("That is not a known availability; showing every availability.")
        )
    return filters


def _with_tags(queryset: QuerySet[ExpertProfile]) -> QuerySet[ExpertProfile]:
    return queryset.select_related("user").prefetch_related("expertise")


def experts_search(*, filters: DirectoryFilters) -> QuerySet[ExpertProfile]:
    experts = ExpertProfile.objects.filter(user__is_active=True)
    if filters.tag is not None:
        experts = experts.filter(tagged_items__tag=filters.tag)
    if filters.region:
        experts = experts.filter(region=filters.region)
    if filters.availability:
        experts = experts.filter(availability=filters.availability)
    for word in filters.query.split():
        experts = experts.filter(
            Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(organisation__icontains=word)
            | Q(description__icontains=word)
        )
    return _with_tags(experts.distinct())


def experts_matching(*, user, patterns: list[str]) -> QuerySet[ExpertProfile]:
    """The experts of the directory whose name, organisation, description
    or an area of expertise matches every pattern (a regular expression per
    search term), by name; nobody for anyone the directory refuses."""
    if not members_area_visible_to(user):
        return ExpertProfile.objects.none()
    experts = ExpertProfile.objects.filter(user__is_active=True)
    for pattern in patterns:
        tagged = ExpertProfileTag.objects.filter(
            content_object=OuterRef("pk"), tag__name__iregex=pattern
        )
        experts = experts.filter(
            Q(user__first_name__iregex=pattern)
            | Q(user__last_name__iregex=pattern)
            | Q(organisation__iregex=pattern)
            | Q(description__iregex=pattern)
            | Q(Exists(tagged))
        )
    return _with_tags(experts).order_by("user__last_name", "user__first_name", "pk")


def expertise_tags_in_use() -> QuerySet[ExpertiseTag]:
    return ExpertiseTag.objects.filter(profile_items__isnull=False).distinct()


def page_of(queryset, *, number, per_page: int) -> Page:
    return Paginator(queryset, per_page).get_page(number)


# --- requests ---------------------------------------------------------------------


def _visible(user) -> Q | None:
    if user_handles_requests(user):
        return Q()
    if not user_is_member(user):
        return None
    return Q(requester=user) | Q(assignments__expert__user=user)


def request_visible_or_404(*, pk: int, user) -> HelpRequest:
    """A request ``user`` may see: their own, one they are assigned to, or
    any as an adviser. Anything else is not found, whoever asks."""
    visible = _visible(user)
    if visible is None:
        raise Http404
    found = (
        HelpRequest.objects.filter(visible, pk=pk)
        .select_related("requester")
        .prefetch_related(
            "expertise",
            Prefetch(
                "assignments__expert",
                queryset=ExpertProfile.objects.select_related("user"),
            ),
            Prefetch(
                "messages", queryset=RequestMessage.objects.select_related("author")
            ),
        )
        .distinct()
        .first()
    )
    if found is None:
        raise Http404
    return found


def requests_open() -> QuerySet[HelpRequest]:
    """Open requests, acute before soon before advice, oldest first: the
    advisers' list and their dashboard panel."""
    return HelpRequest.objects.exclude(status=RequestStatus.CLOSED).order_by(
        Case(
            When(urgency="acute", then=Value(0)),
            When(urgency="soon", then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        ),
        "created_at",
        "pk",
    )


def requests_for(*, user) -> dict[str, QuerySet[HelpRequest]]:
    """The lists on the "requests for help" page: the member's own, those
    they are assigned to as an expert, and for advisers the open ones."""
    base = HelpRequest.objects.prefetch_related("expertise")
    lists = {
        "own": base.filter(requester=user),
        "assigned": base.filter(assignments__expert__user=user).distinct(),
    }
    if user_handles_requests(user):
        lists["open"] = requests_open().prefetch_related("expertise")
    return lists


def experts_suggested(
    *, help_request: HelpRequest, limit: int = SUGGESTIONS
) -> list[ExpertProfile]:
    """Experts who fit ``help_request``, best first: most areas of
    expertise in common, then available before limited, then from the same
    region. Unavailable experts, those already assigned and the requester
    are left out; with expertise asked for, at least one must match."""
    wanted = list(help_request.expertise.values_list("pk", flat=True))
    experts = (
        ExpertProfile.objects.filter(user__is_active=True)
        .exclude(availability=Availability.UNAVAILABLE)
        .exclude(user_id=help_request.requester_id)
        .exclude(assignments__request=help_request)
        .annotate(
            overlap=Count(
                "tagged_items", filter=Q(tagged_items__tag_id__in=wanted), distinct=True
            ),
            availability_rank=Case(
                When(availability=Availability.AVAILABLE, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
            same_region=Case(
                When(region=help_request.region, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
        )
    )
    if wanted:
        experts = experts.filter(overlap__gt=0)
    experts = experts.order_by(
        "-overlap", "availability_rank", "same_region", "user__last_name", "pk"
    )
    return list(_with_tags(experts)[:limit])


def experts_assignable(*, help_request: HelpRequest) -> QuerySet[ExpertProfile]:
    """Every expert an adviser may still add, whatever the match."""
    return _with_tags(
        ExpertProfile.objects.filter(user__is_active=True)
        .exclude(user_id=help_request.requester_id)
        .exclude(assignments__request=help_request)
    )
