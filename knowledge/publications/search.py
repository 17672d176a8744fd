"""What a search result quotes from a publication: a word found only in its
files is shown in its sentence, with the page of the file it is on."""

from django.utils.translation import gettext as _

from portal.search.summaries import Excerpt, page_texts
from portal.search.text import first_matching, highlight


def publication_excerpt(page, terms: list[str]) -> Excerpt | None:
    """The passage of the first file page with a term, and where it is;
    None when the title or summary has a term (they are quoted as on any
    page) or no file has one. Reads ``page.texts`` (prefetched with the
    documents by the search, see PublicationPage.search_prefetch)."""
    if first_matching([page.title, *page_texts(page)], terms) is not None:
        return None
    for text in page.texts.all():
        number = first_matching(text.pages, terms)
        if number is not None:
            where = _("page {number} of “{file}”").format(
                number=number + 1, file=text.document.title
            )
            return Excerpt(highlight([text.pages[number]], terms), where=where)
    return None
