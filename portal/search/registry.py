"""Which page types the site search covers, and what a result is called.

Each app registers its own searchable page types in ``AppConfig.ready()``:

    register_search_type(NewsPage, slug="nieuws", label=_("News"),
                         plural_label=_("News"))

so portal, at the bottom of the dependency arrow, never imports knowledge,
events or casebook. A slug may be registered for several models (they are then
one filter); a model belongs to one slug only. Only exact types count: a
subclass of a registered page type is searched only when registered itself.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.utils.functional import Promise


@dataclass
class SearchType:
    slug: str
    label: str | Promise
    plural_label: str | Promise
    models: list[type[Model]] = field(default_factory=list)

    def models_by_content_type(self) -> dict[int, type[Model]]:
        # ContentType's own cache answers after the first request.
        found = ContentType.objects.get_for_models(
            *self.models, for_concrete_models=False
        )
        return {content_type.pk: model for model, content_type in found.items()}


_types: dict[str, SearchType] = {}


def register_search_type(
    model: type[Model],
    *,
    slug: str,
    label: str | Promise,
    plural_label: str | Promise,
) -> None:
    """Add ``model`` to the site search, shown as ``label`` and filtered by
    ``?type=<slug>``. Registering the same model again is harmless (ready()
    may run more than once in tests)."""
    for existing in _types.values():
        if model in existing.models and existing.slug != slug:
            raise ValueError(
                f"{model.__name__} is already searchable as {existing.slug!r}"
            )
    search_type = _types.setdefault(
        slug, SearchType(slug=slug, label=label, plural_label=plural_label)
    )
    if model not in search_type.models:
        search_type.models.append(model)


def search_types() -> list[SearchType]:
    """Every registered type, in the order the apps registered them."""
    return list(_types.values())


def search_type(slug: str) -> SearchType | None:
    return _types.get(slug)
