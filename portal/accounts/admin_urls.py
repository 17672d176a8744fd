from django.urls import path

from . import admin_views

app_name = "account_requests"

urlpatterns = [
    path("", admin_views.index, name="index"),
    path("<int:pk>/goedkeuren/", admin_views.approve, name="approve"),
    path("<int:pk>/afwijzen/", admin_views.reject, name="reject"),
]
