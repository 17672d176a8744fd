from django.urls import path

from . import views

app_name = "community"

urlpatterns = [
    path("", views.home, name="home"),
    path("recent/", views.recent, name="recent"),
    path("thema/<slug:slug>/", views.theme, name="theme"),
    path("thema/<slug:slug>/nieuw/", views.thread_create, name="thread_create"),
    path("discussie/<int:pk>/", views.thread, name="thread"),
    path("discussie/<int:pk>/reageren/", views.post_create, name="post_create"),
    path("discussie/<int:pk>/volgen/", views.thread_follow, name="thread_follow"),
    path("discussie/<int:pk>/sluiten/", views.thread_lock, name="thread_lock"),
    path("bericht/<int:pk>/bewerken/", views.post_edit, name="post_edit"),
    path("bericht/<int:pk>/markeren/", views.post_mark, name="post_mark"),
    path("bericht/<int:pk>/verbergen/", views.post_hide, name="post_hide"),
    path("bericht/<int:pk>/tonen/", views.post_unhide, name="post_unhide"),
    path(
        "bijeenkomst/<int:pk>/onderwerpen/",
        views.topic_wishes,
        name="topic_wishes",
    ),
    path(
        "bijeenkomst/<int:pk>/onderwerpen/<int:wish_pk>/stem/",
        views.topic_wish_vote,
        name="topic_wish_vote",
    ),
    path(
        "bijeenkomst/<int:pk>/onderwerpen/kiezen/",
        views.topic_wishes_choose,
        name="topic_wishes_choose",
    ),
    path(
        "niet-meer-volgen/<str:token>/",
        views.unfollow_by_link,
        name="unfollow_by_link",
    ),
]
