"""The expert profiles in the site search (``portal.search.sources``): for
approved members only, as the directory; each hit links to the expert's
entry in the directory."""

from urllib.parse import urlencode

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.search.sources import SourceHit, word_start
from portal.search.text import highlight

from . import selectors
from .models import ExpertProfile


def experts_found(*, terms: list[str], user) -> QuerySet[ExpertProfile]:
    return selectors.experts_matching(
        user=user, patterns=[word_start(term) for term in terms]
    )


def directory_entry_url(expert: ExpertProfile) -> str:
    """The directory searched for the expert's name, at their card."""
    name = expert.user.get_full_name()
    query = f"?{urlencode({'q': name})}" if name else ""
    return f"{reverse('experts:directory')}{query}#expert-{expert.pk}"


def expert_hits(experts: list[ExpertProfile], *, terms: list[str]) -> list[SourceHit]:
    """No queries: the experts come with their account and their areas of
    expertise (``experts_matching``)."""
    return [
        SourceHit(
            title=expert.user.get_full_name() or expert.organisation,
            url=directory_entry_url(expert),
            type_label=_("Expert"),
            excerpt=highlight(
                [
                    expert.description,
                    ", ".join(tag.name for tag in expert.expertise.all()),
                ],
                terms,
            ),
            meta=f"{expert.organisation} · {expert.get_region_display()}",
        )
        for expert in experts
    ]
