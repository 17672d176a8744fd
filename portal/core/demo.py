"""Helpers the apps use to build idempotent demo content."""

from collections.abc import Callable
from typing import Any, TypeVar

from wagtail.models import Page

Report = Callable[[bool], None]
P = TypeVar("P", bound=Page)


def child_ensure(
    *,
    parent: Page,
    model: type[P],
    slug: str,
    fields: dict[str, Any],
    report: Report,
    prepare: Callable[[P], None] | None = None,
) -> P:
    """Return the child of ``parent`` with ``slug``, creating and publishing it
    from ``fields`` if it does not exist yet.

    An existing page is left as it is: running the loader again adds nothing
    and does not overwrite what an adviser has edited since. ``prepare`` sets
    what needs the instance first, such as tags.
    """
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is not None:
        report(False)
        return page
    page = model(slug=slug, **fields)
    if prepare is not None:
        prepare(page)
    parent.add_child(instance=page)
    page.save_revision().publish()
    report(True)
    return page
