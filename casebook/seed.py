"""Demo casebook (see ``manage.py load_demo``): the overview and two
published cases, fictional and already anonymised."""

from wagtail.models import Page, PageViewRestriction

from knowledge.interventions.selectors import classifications_all, phases_all
from portal.core.demo import Report, child_ensure

from . import seed_content as content
from .models import CaseIndexPage, CasePage, Platform
from .services.review import page_restrict_to_members


def _prepare(spec: dict):
    def prepare(page: CasePage) -> None:
        page.platforms = list(Platform.objects.filter(slug__in=spec["platforms"]))
        page.tags.set(spec["tags"])

    return prepare


def _fields(spec: dict) -> dict:
    return {
        "title": spec["title"],
        "region": spec["region"],
        "province": spec["province"],
        "period": spec["period"],
        "phase": phases_all().filter(slug=spec["phase"]).first(),
        "classification": classifications_all()
        .filter(slug=spec["classification"])
        .first(),
        "what_happened": spec["what_happened"],
        "interventions_tried": spec["interventions_tried"],
        "lessons": spec["lessons"],
    }


def demo_build(*, home: Page, report: Report, **kwargs) -> None:
    """Receiver of ``demo_content_requested``."""
    index = child_ensure(
        parent=home,
        model=CaseIndexPage,
        slug=content.INDEX_SLUG,
        fields={
            "title": content.INDEX_TITLE,
            "intro": content.INDEX_INTRO,
            "show_in_menus": True,
        },
        report=report,
    )
    for spec in content.CASES:
        existed = CasePage.objects.child_of(index).filter(slug=spec["slug"]).exists()
        page = child_ensure(
            parent=index,
            model=CasePage,
            slug=spec["slug"],
            fields=_fields(spec),
            report=report,
            prepare=_prepare(spec),
        )
        if not page.province and not page.has_unpublished_changes:
            # Demo sites made before cases had a province get one.
            page.province = spec["province"]
            page.save_revision().publish()
        # Only on creation: an adviser may have opened the page up since.
        if not existed and spec["members_only"]:
            if not PageViewRestriction.objects.filter(page=page).exists():
                page_restrict_to_members(page=page)
