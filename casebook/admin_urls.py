from django.urls import path

from . import admin_views

app_name = "casebook_review"

urlpatterns = [
    path("", admin_views.queue, name="queue"),
    path("<int:pk>/", admin_views.review, name="review"),
    path("<int:pk>/origineel/", admin_views.original, name="original"),
    path("<int:pk>/bewerken/", admin_views.edit, name="edit"),
    path("<int:pk>/bericht/", admin_views.message, name="message"),
    path("<int:pk>/publiceren/", admin_views.publish, name="publish"),
    path("<int:pk>/afwijzen/", admin_views.reject, name="reject"),
    path("<int:pk>/inplannen/", admin_views.schedule, name="schedule"),
]
