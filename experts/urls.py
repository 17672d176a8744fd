"""The expert network's pages, below /experts/."""

from django.urls import path

from . import views
from .coffee import views as coffee

app_name = "experts"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("mijn-expertprofiel/", views.my_profile, name="my_profile"),
    path("hulpvragen/", views.request_list, name="requests"),
    path("hulpvragen/nieuw/", views.request_new, name="request_new"),
    path("digitale-kop-koffie/", coffee.coffee, name="coffee"),
    path("digitale-kop-koffie/mijn-tijden/", coffee.host, name="coffee_host"),
    path(
        "digitale-kop-koffie/mijn-tijden/<int:pk>/verwijderen/",
        coffee.slot_remove,
        name="coffee_slot_remove",
    ),
    path(
        "digitale-kop-koffie/afspraken/<int:pk>/annuleren/",
        coffee.booking_cancel,
        name="coffee_cancel",
    ),
    path("hulpvragen/<int:pk>/", views.request_detail, name="request"),
    path("hulpvragen/<int:pk>/bericht/", views.request_message, name="message"),
    path("hulpvragen/<int:pk>/sluiten/", views.request_close, name="close"),
    path("hulpvragen/<int:pk>/casus/", views.request_to_case, name="to_case"),
    path("hulpvragen/<int:pk>/toewijzen/", views.request_assign, name="assign"),
]
