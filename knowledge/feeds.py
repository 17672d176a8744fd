"""RSS and Atom feeds of the news, from Django's syndication framework."""

import datetime as dt

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import NewsPage
from .selectors import news_latest

FEED_SIZE = 30


class NewsFeed(Feed):
    def __call__(self, request: HttpRequest, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self) -> str:
        return _("Leerkring news")

    def link(self) -> str:
        return "/"

    def description(self) -> str:
        return _("News about online-incited disturbances of public order.")

    def items(self):
        return news_latest(limit=FEED_SIZE)

    def item_title(self, item: NewsPage) -> str:
        return item.title

    def item_description(self, item: NewsPage) -> str:
        return item.teaser

    def item_link(self, item: NewsPage) -> str:
        return item.get_url(request=self.request)

    def item_pubdate(self, item: NewsPage) -> dt.datetime:
        """The article's own date, not the moment its page was published:
        pages loaded or moved in at once would all read as new (#15).
        Atom's "updated" falls back to it too. At noon: a reader that turns
        it into UTC still shows the same day."""
        return timezone.make_aware(dt.datetime.combine(item.date, dt.time(12)))

    def item_categories(self, item: NewsPage) -> list[str]:
        # tags.all() uses the prefetched tags; tags.names() would query per item.
        return [item.get_category_display(), *(t.name for t in item.tags.all())]


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.description()
