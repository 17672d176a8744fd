"""The interventions in the site search (``portal.search.sources``), for
everyone, as the tool is: found with the pages' stems and synonyms, each hit
linking to the intervention in the tool's result for its first phase."""

from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.search.backends import get_search_backend

from portal.search.selectors import matched_words, search_query
from portal.search.sources import SourceHit
from portal.search.text import highlight

from .forms import Selection
from .models import Intervention, Phase


def interventions_found(*, terms: list[str], user):
    """Every intervention matching all terms, best first; counted and sliced
    by the search backend like the pages."""
    return get_search_backend().search(
        search_query(terms), Intervention.objects.order_by()
    )


def intervention_url(intervention: Intervention) -> str:
    """The tool's result for the intervention's first phase, with every
    classification and actor, scrolled to the intervention (the same link
    the tool shares). Without a phase the tool shows it nowhere: its start."""
    tool = reverse("interventions:tool")
    phases = list(intervention.phases.all())
    if not phases:
        return tool
    selection = Selection(phase=phases[0], classification=None, actor=None)
    return f"{tool}?{selection.query_string()}#interventie-{intervention.slug}"


def intervention_hits(
    interventions: list[Intervention], *, terms: list[str]
) -> list[SourceHit]:
    """One query for the phases of all of them."""
    prefetch_related_objects(
        interventions,
        Prefetch("phases", queryset=Phase.objects.order_by("sort_order", "name")),
    )
    marked = matched_words(terms)
    return [
        SourceHit(
            title=intervention.title,
            url=intervention_url(intervention),
            type_label=_("Intervention"),
            excerpt=highlight(
                [
                    intervention.summary,
                    intervention.legal_basis,
                    intervention.conditions,
                    intervention.risks,
                ],
                marked,
            ),
            meta=intervention.get_kind_display(),
            members_only=False,
        )
        for intervention in interventions
    ]
