"""Tags as members type them: comma-separated, compared in lower case so
'Ondermijning' and 'ondermijning' are one tag."""

from django.utils.translation import gettext as _
from taggit.utils import parse_tags

from .errors import CommunityError

MAX_TAGS = 8
MAX_TAG_LENGTH = 50


def tag_name_normalise(name: str) -> str:
    return " ".join(name.split()).lower()


def tags_parse(text: str) -> list[str]:
    """The tag names in ``text``, or CommunityError saying what is wrong."""
    names = []
    for name in parse_tags(text or ""):
        name = tag_name_normalise(name)
        if name and name not in names:
            names.append(name)
    if len(names) > MAX_TAGS:
        raise CommunityError(_("Use at most {limit} tags.").format(limit=MAX_TAGS))
    too_long = [n for n in names if len(n) > MAX_TAG_LENGTH]
    if too_long:
        raise CommunityError(
            _("A tag can be at most {limit} characters long.").format(
                limit=MAX_TAG_LENGTH
            )
        )
    return names
