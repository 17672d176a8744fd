"""The news part of the digest. News is knowledge's own, so the newsletter
reads it through knowledge's selectors; other apps answer a signal instead
(see signals.py)."""

import datetime as dt

from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from knowledge.selectors import news_published_between

from .sections import SECTION_LIMIT, DigestItem, DigestSection


def news_section(*, since: dt.datetime, until: dt.datetime) -> DigestSection | None:
    news = news_published_between(since=since, until=until)
    total = news.count()
    if not total:
        return None
    return DigestSection(
        key="news",
        heading=_("News"),
        order=10,
        items=tuple(
            DigestItem(
                title=item.title,
                url=item.get_url(),
                summary=Truncator(item.teaser).words(40),
                meta=f"{date_format(item.date, 'j F Y')}, "
                f"{item.get_category_display()}",
            )
            for item in news[:SECTION_LIMIT]
        ),
        total=total,
    )
