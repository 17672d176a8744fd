"""Wagtail admin templates the site copies to translate a word Wagtail writes
in English: each copy may differ from Wagtail's own only by that word, so a
Wagtail upgrade that changes the original fails here until it is copied
again."""

from pathlib import Path

import pytest
import wagtail.admin
from django.conf import settings

WAGTAIL = Path(wagtail.admin.__file__).parent / "templates"
OURS = settings.BASE_DIR / "templates"

UNTRANSLATED = 'value="Search"'
TRANSLATED = 'value="{% translate "Search" %}"'


@pytest.mark.parametrize(
    "name", ["wagtailadmin/home.html", "wagtailadmin/shared/header.html"]
)
def test_the_copy_differs_only_by_the_translated_word(name):
    original = (WAGTAIL / name).read_text()
    assert UNTRANSLATED in original, "Wagtail translates it now: delete the copy"
    assert (OURS / name).read_text() == original.replace(UNTRANSLATED, TRANSLATED)
