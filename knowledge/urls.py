from django.urls import path

from .feeds import NewsAtomFeed, NewsFeed

app_name = "knowledge"

urlpatterns = [
    path("nieuws/rss.xml", NewsFeed(), name="news_rss"),
    path("nieuws/atom.xml", NewsAtomFeed(), name="news_atom"),
]
