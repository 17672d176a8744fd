"""The member's pages of the casebook, below /casuistiek/ (the published
overview is the CaseIndexPage at the same address; see
models.pages.RESERVED_SLUGS)."""

from django.urls import path

from . import views

app_name = "casebook"

urlpatterns = [
    path("indienen/", views.case_new, name="new"),
    path("mijn-casussen/", views.case_list, name="mine"),
    path("mijn-casussen/<int:pk>/", views.case_detail, name="detail"),
    path("mijn-casussen/<int:pk>/bewerken/", views.case_edit, name="edit"),
    path("mijn-casussen/<int:pk>/voorbeeld/", views.case_preview, name="preview"),
    path("mijn-casussen/<int:pk>/bericht/", views.case_message, name="message"),
    path(
        "mijn-casussen/<int:pk>/intrekken/", views.case_withdraw_view, name="withdraw"
    ),
]
