from django.urls import path

from . import admin_views

app_name = "policy_book_admin"

urlpatterns = [
    path("", admin_views.build_form, name="form"),
    path("bouw/<int:pk>/", admin_views.build_status, name="build"),
]
