from django.urls import path

from . import admin_views

app_name = "event_participants"

urlpatterns = [
    path("", admin_views.index, name="index"),
    path("<int:pk>/", admin_views.participants, name="participants"),
    path("<int:pk>/export.csv", admin_views.export, name="export"),
    path("<int:pk>/aanwezigheid/", admin_views.attendance, name="attendance"),
    path("<int:pk>/bericht/", admin_views.message, name="message"),
    path("<int:pk>/besluit/<int:registration_pk>/", admin_views.decide, name="decide"),
    path("<int:pk>/toevoegen/", admin_views.add, name="add"),
    path("<int:pk>/plaats/<int:registration_pk>/", admin_views.promote, name="promote"),
]
