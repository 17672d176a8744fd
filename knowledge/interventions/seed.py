"""Demo data of the intervention tool (see ``manage.py load_demo``)."""

from django.db import models
from wagtail.models import Page

from portal.core.demo import Report

from . import seed_content as content
from .models import Actor, Classification, Intervention, Phase


def _choices_ensure(model: type[models.Model], specs: list[tuple]) -> dict:
    """Create what is missing, by slug; what exists is left as an adviser
    may have edited it."""
    by_slug = {}
    for order, (slug, name, description) in enumerate(specs):
        obj, _created = model.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "sort_order": order},
        )
        by_slug[slug] = obj
    return by_slug


def _guidance(*, home: Page, slug: str) -> Page | None:
    if not slug:
        return None
    return Page.objects.descendant_of(home).filter(slug=slug).first()


def _intervention_ensure(spec: dict, *, home: Page, choices: dict) -> None:
    if Intervention.objects.filter(slug=spec["slug"]).exists():
        return
    intervention = Intervention.objects.create(
        slug=spec["slug"],
        title=spec["title"],
        kind=spec["kind"],
        summary=spec["summary"],
        legal_basis=spec["legal_basis"],
        conditions=spec["conditions"],
        risks=spec["risks"],
        guidance_page=_guidance(home=home, slug=spec["guidance"]),
    )
    intervention.phases.set([choices["phases"][s] for s in spec["phases"]])
    intervention.classifications.set(
        [choices["classifications"][s] for s in spec["classifications"]]
    )
    intervention.actors.set([choices["actors"][s] for s in spec["actors"]])


def demo_build(*, home: Page, report: Report, **kwargs) -> None:
    """Receiver of ``demo_content_requested``. It links to the web dossier's
    theme pages, so it must run after knowledge's receiver: this app comes
    after ``knowledge`` in INSTALLED_APPS, and receivers run in that order.
    It makes no pages, so it reports none."""
    choices = {
        "phases": _choices_ensure(Phase, content.PHASES),
        "classifications": _choices_ensure(Classification, content.CLASSIFICATIONS),
        "actors": _choices_ensure(Actor, content.ACTORS),
    }
    for spec in content.INTERVENTIONS:
        _intervention_ensure(spec, home=home, choices=choices)
