"""The synonym groups in the admin (under Settings), and the cache of them
emptied whenever an adviser changes one."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SynonymGroup
from .synonyms import synonyms_forget


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    add_to_settings_menu = True
    list_display = ["__str__"]


register_snippet(SynonymGroupViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
@hooks.register("after_delete_snippet")
def _forget_synonyms(request, instances):
    items = instances if isinstance(instances, list | tuple) else [instances]
    if any(isinstance(item, SynonymGroup) for item in items):
        synonyms_forget()
