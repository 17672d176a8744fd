from django.urls import path

from . import admin_views

app_name = "survey_results"

urlpatterns = [
    path("", admin_views.index, name="index"),
    path("<int:pk>/", admin_views.results, name="results"),
    path("<int:pk>/export.csv", admin_views.export, name="export"),
]
