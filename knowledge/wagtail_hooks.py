from wagtail.snippets.models import register_snippet

from .models import Adviser
from .publications import hooks as _publication_hooks  # noqa: F401

register_snippet(Adviser)
