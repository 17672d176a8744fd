from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("gegevens/", views.export, name="export"),
    path("profiel/", views.profile, name="profile"),
    path("verwijderen/", views.delete, name="delete"),
]
