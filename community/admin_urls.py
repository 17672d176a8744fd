from django.urls import path

from . import admin_views

app_name = "community_tags"

urlpatterns = [
    path("", admin_views.index, name="index"),
    path("<int:pk>/splitsen/", admin_views.split, name="split"),
]
