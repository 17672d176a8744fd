from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("agenda/bijeenkomsten.ics", views.feed, name="ical_feed"),
    path("agenda/bijeenkomst-<int:pk>.ics", views.event_ics, name="ical_event"),
    path("agenda/<slug:kind>.ics", views.feed, name="ical_feed_kind"),
    path(
        "inschrijving/bevestigen/<str:token>/",
        views.registration_confirm_view,
        name="registration_confirm",
    ),
    path(
        "inschrijving/annuleren/<str:token>/",
        views.registration_cancel_view,
        name="registration_cancel",
    ),
    path("agenda/volgen/", views.topic_follow_view, name="topic_follow"),
    path(
        "agenda/niet-meer-volgen/<str:token>/",
        views.topic_unsubscribe_view,
        name="topic_unsubscribe",
    ),
]
