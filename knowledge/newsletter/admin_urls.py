from django.urls import path

from . import admin_views

app_name = "newsletter_admin"

urlpatterns = [
    path("", admin_views.index, name="index"),
    path("abonnees.csv", admin_views.export, name="export"),
]
