from wagtail.snippets.models import register_snippet

from .models import Adviser

register_snippet(Adviser)
