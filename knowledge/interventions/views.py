"""The intervention tool: a public page that works without JavaScript. The
form is a plain GET, so every result has its own URL to share or print."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from .forms import (
    ACTOR,
    ANY,
    CLASSIFICATION,
    FIELD_NAMES,
    PHASE,
    InterventionToolForm,
    Selection,
)
from .selectors import (
    InterventionGroups,
    actors_all,
    classifications_all,
    interventions_grouped,
    phases_all,
)


def _question(form, name: str, *, legend: str, options, any_label: str = "") -> dict:
    """One fieldset of radio buttons. Unbound, "any" is preselected for the
    optional questions; bound, exactly what the URL said is checked, so an
    unknown value leaves the group unchecked next to its error."""
    if form.is_bound:
        current = form.data.get(name) or (ANY if any_label else "")
    else:
        current = ANY if any_label else ""
    choices = [
        {
            "value": option.slug,
            "label": option.name,
            "description": option.description,
            "checked": option.slug == current,
        }
        for option in options
    ]
    if any_label:
        choices.append(
            {
                "value": ANY,
                "label": any_label,
                "description": "",
                "checked": current == ANY,
            }
        )
    return {
        "name": name,
        "legend": legend,
        "choices": choices,
        "errors": form.errors.get(name, []),
    }


def _questions(form, *, phases, classifications, actors) -> list[dict]:
    return [
        _question(
            form,
            PHASE,
            legend=_("1. In which phase is the disturbance?"),
            options=phases,
        ),
        _question(
            form,
            CLASSIFICATION,
            legend=_("2. How does the online content classify?"),
            options=classifications,
            any_label=_("Not sure: show every classification"),
        ),
        _question(
            form,
            ACTOR,
            legend=_("3. Who acts?"),
            options=actors,
            any_label=_("Not sure: show every actor"),
        ),
    ]


def _guidance_urls(request: HttpRequest, groups: InterventionGroups) -> None:
    """Absolute links to live guidance pages, so a printed result still says
    where to read on. Wagtail caches the site's root paths on the request, so
    this costs one query whatever the number of interventions."""
    for intervention in [*groups.legal, *groups.non_legal]:
        page = intervention.guidance_page
        intervention.guidance_url = (
            request.build_absolute_uri(page.get_url(request=request))
            if page is not None and page.live
            else ""
        )


def _result(request: HttpRequest, selection: Selection) -> dict:
    groups = interventions_grouped(
        phase=selection.phase,
        classification=selection.classification,
        actor=selection.actor,
    )
    _guidance_urls(request, groups)
    path = reverse("interventions:tool") + "?" + selection.query_string()
    return {
        "selection": selection,
        "groups": groups,
        "share_url": request.build_absolute_uri(path),
    }


def tool(request: HttpRequest) -> HttpResponse:
    """The form, and below it the result once the three questions are
    answered. Bad values in the URL give messages next to the form."""
    phases = list(phases_all())
    classifications = list(classifications_all())
    actors = list(actors_all())
    # Bound only when one of the tool's own parameters is there; other query
    # parameters (campaign tags, for instance) leave the form fresh.
    bound = any(name in request.GET for name in FIELD_NAMES)
    form = InterventionToolForm(
        request.GET if bound else None,
        phases=phases,
        classifications=classifications,
        actors=actors,
    )
    context = {
        "form": form,
        "questions": _questions(
            form, phases=phases, classifications=classifications, actors=actors
        ),
        "has_phases": bool(phases),
    }
    if bound and form.is_valid():
        context.update(_result(request, form.selection()))
    return render(request, "interventions/tool.html", context)
