from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import RedirectView
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as wagtaildocs_serve

from portal.core import health
from portal.core.page_passwords import password_attempts_limited
from portal.search import views as search_views

urlpatterns = [
    # The admin signs in through allauth, so advisers' second factor applies
    # there too; Wagtail's own login form would bypass it.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    # Wagtail's front-end login form (for private pages) would log advisers
    # in with only a password; everyone signs in through allauth.
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    # Wagtail's password forms for restricted pages and documents, limited
    # like the login (same addresses and names, found before Wagtail's own).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/"
        "<int:page_id>/",
        password_attempts_limited(
            wagtail_views.authenticate_with_password,
            restriction_kwarg="page_view_restriction_id",
        ),
        name="wagtailcore_authenticate_with_password",
    ),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        password_attempts_limited(
            wagtaildocs_serve.authenticate_with_password,
            restriction_kwarg="restriction_id",
        ),
        name="wagtaildocs_authenticate_with_password",
    ),
    path("health/live", health.live, name="health_live"),
    path("health/ready", health.ready, name="health_ready"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("mijn-account/", include("portal.accounts.urls")),
    # Without CSRF, so the language switch on every page needs no per-visitor
    # token and the page can be cached (portal.core.page_cache); another site
    # could at most switch a visitor's language.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("zoeken/", search_views.search, name="search"),
    path("interventietool/", include("knowledge.interventions.urls")),
    path("nieuwsbrief/", include("knowledge.newsletter.urls")),
    path("community/", include("community.urls")),
    path("casuistiek/", include("casebook.urls")),
    path("experts/", include("experts.urls")),
    path("", include("events.urls")),
    path("", include("knowledge.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))
