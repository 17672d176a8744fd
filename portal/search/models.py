"""Word groups the site search treats as one word, kept by the advisers."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

_SEPARATORS = re.compile(r"[,;\n]+")


def group_words(text: str) -> list[str]:
    """The words of a group as typed: one per line or separated by commas,
    lower case, without repeats."""
    found: dict[str, None] = {}
    for word in _SEPARATORS.split(text):
        if word := " ".join(word.split()).lower():
            found.setdefault(word, None)
    return list(found)


class SynonymGroup(models.Model):
    """Words with one meaning for a search: a search for any of them finds
    pages with any of them ('onrust' finds a page about 'rellen')."""

    shown_to_visitors = True  # cached search results follow the groups

    words = models.TextField(
        _("words"),
        help_text=_(
            "Two or more words that mean the same in a search, one per line "
            "or separated by commas. A search for any of them also finds pages "
            "with the others; singular and plural need not both be listed."
        ),
    )

    panels = [FieldPanel("words")]

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")
        ordering = ["pk"]

    def __str__(self) -> str:
        return ", ".join(self.word_list)

    @property
    def word_list(self) -> list[str]:
        return group_words(self.words)

    def clean(self) -> None:
        if len(self.word_list) < 2:
            raise ValidationError(
                {"words": _("Give at least two words, one per line.")}
            )
