"""Settings shared by every profile; everything that differs per machine comes
from the environment (see .env.example)."""

from pathlib import Path

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from wagtail.embeds.oembed_providers import vimeo, youtube

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "portal.core",
    "portal.accounts",
    "portal.home",
    "portal.search",
    "knowledge",
    "knowledge.interventions",
    "knowledge.newsletter",
    "events",
    "casebook",
    "community",
    "experts",
    "surveys",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "portal.accounts.wagtail_users.WagtailUsersConfig",  # wagtail.users
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks_db",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First, so a cached page costs no session, user or database lookup.
    "portal.core.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.core.middleware.SiteLanguageMiddleware",
    # The site for the host name from memory, not a query per request.
    "portal.core.middleware.SiteLookupMiddleware",
    # Where a path leads, from memory: not a query per path segment.
    "portal.core.page_routes.PageRouteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.core.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # A NUL or another control character in the address or a form: 400 before
    # any view or query sees it; an id past 2^63 in the path: 404.
    "portal.core.input_guard.RefuseControlCharactersMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.accounts.middleware.SecondFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.core.context_processors.membership",
            ],
        },
    },
]

DATABASES = {
    "default": env.db(
        "DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'leerkring.sqlite3'}"
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves several requests at once (runserver's
    # threads, or gunicorn's workers): with the write-ahead log readers never
    # wait for a writer, and a transaction that writes takes the write lock
    # at its start instead of failing with "database is locked" when two
    # transactions both try to upgrade from reading to writing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command="PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL",
        transaction_mode="IMMEDIATE",
    )
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "leerkring",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole pages for anonymous visitors (portal.core.page_cache): seconds Django
# (and the nginx cache, through s-maxage) keeps them; 0 turns it off. On by
# default only with Redis: each worker's local-memory cache would miss the
# other workers' invalidations.
PAGE_CACHE_SECONDS = env.int(
    "LEERKRING_PAGE_CACHE_SECONDS", default=600 if REDIS_URL else 0
)
# How long a browser may reuse such a page without asking (max-age).
PAGE_CACHE_BROWSER_SECONDS = env.int("LEERKRING_PAGE_CACHE_BROWSER_SECONDS", default=60)
# Seconds each worker answers from its own copy of a page before asking the
# shared cache again: a change made through another worker shows that much
# later, and a hit costs no round trip to Redis. 0: always ask.
PAGE_CACHE_LOCAL_SECONDS = env.float("LEERKRING_PAGE_CACHE_LOCAL_SECONDS", default=1)
# Pages with a query string: a shorter life, and at most this many stored per
# that many seconds, so invented query strings cannot fill the cache.
PAGE_CACHE_QUERY_SECONDS = 60
PAGE_CACHE_QUERY_BUDGET = 1000

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:overview"

# django-allauth: e-mail is the login; a verified address is required before
# an account request reaches an adviser.
ACCOUNT_ADAPTER = "portal.accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_UNIQUE_EMAIL = True
# Sign-up and password reset answer alike whether or not an address has an
# account; the holder of a known address is told by mail instead.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Leerkring] "
ACCOUNT_FORMS = {
    "login": "portal.accounts.forms.AccountLoginForm",
    "signup": "portal.accounts.forms.AccountRequestForm",
}
ACCOUNT_RATE_LIMITS = {
    "login": "20/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "10/h/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Leerkring"
# One period (30 s) either side, as RFC 6238 advises for clock drift: a code
# typed as it changes is still taken (allauth's default of 0 refused it, in
# use as in the tests that sign in at a period's edge).
MFA_TOTP_TOLERANCE = 1

# Addresses from these domains are approved as soon as they are verified;
# everyone else waits for an adviser.
ACCOUNTS_AUTO_APPROVE_DOMAINS = env.list("ACCOUNTS_AUTO_APPROVE_DOMAINS", default=[])

# Security headers on every profile (production adds HSTS and secure cookies).
# The public site runs no JavaScript and one stylesheet, so nothing inline is
# allowed: an injected <script>, style attribute or event handler does not
# run. Video blocks embed the players of YouTube and Vimeo (the iframes their
# oEmbed answers hold), the only other origins a page may load; video blocks
# accept no other sites (WAGTAILEMBEDS_FINDERS). The Wagtail admin has its own
# policy below, applied by portal.core.security.
VIDEO_PLAYER_ORIGINS = ["https://www.youtube.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "frame-src": VIDEO_PLAYER_ORIGINS,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin writes inline <script> blocks (page explorer, reports,
# editor) and style attributes (StreamField, Draftail), so that only it may run
# inline code: Wagtail does not support a strict policy yet (wagtail#1288).
# It shows its page preview in a same-origin frame and previews images from
# blob: addresses. It is open to advisers only, who log in with two factors.
ADMIN_CSP_PREFIX = "/admin/"
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "frame-src": [SELF, *CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]],
        "frame-ancestors": [SELF],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
# The origin, never the path, leaves the site: paths hold signed tokens
# (registration and newsletter links), and the video players refuse to play
# without knowing the embedding site.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Browser features the site never uses, off for it and for embedded players.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    )
}

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Uploads go to S3-compatible object storage when a bucket is named, so that
# any number of app servers share them; otherwise to MEDIA_ROOT on this disk.
# Credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, read by
# django-storages itself (or the server's own role where the provider has one).
S3_BUCKET = env("LEERKRING_S3_BUCKET", default="") or env(
    "AWS_STORAGE_BUCKET_NAME", default=""
)
if S3_BUCKET:
    S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default="") or None
    S3_REGION = env("AWS_S3_REGION_NAME", default="") or None
    S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN", default="") or None
    # Providers without object ACLs (or buckets with them switched off) refuse
    # an ACL header: there a bucket policy makes public/ readable instead.
    S3_ACLS = env.bool("LEERKRING_S3_ACLS", default=True)
    _s3 = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": S3_ENDPOINT_URL,
        "region_name": S3_REGION,
        # Path-style URLs keep one origin for every bucket of a provider.
        "addressing_style": "path" if S3_ENDPOINT_URL else None,
        # Two uploads named alike must not overwrite each other.
        "file_overwrite": False,
    }
    # Originals, documents and the policy book: private objects, any URL to
    # them signed and short-lived. Pages never link them; documents go
    # through Wagtail's view, which checks privacy first.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "default_acl": "private" if S3_ACLS else None,
            "querystring_auth": True,
            "querystring_expire": env.int("AWS_QUERYSTRING_EXPIRE", default=300),
        },
    }
    # Image renditions appear in public pages, which the page cache keeps for
    # a while: they need plain, lasting URLs, as they had on disk.
    STORAGES["renditions"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "location": "public",
            "default_acl": "public-read" if S3_ACLS else None,
            "querystring_auth": False,
            "custom_domain": S3_CUSTOM_DOMAIN,
            "object_parameters": {"CacheControl": "public, max-age=86400"},
        },
    }
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
    if S3_CUSTOM_DOMAIN:
        S3_PUBLIC_ORIGINS = [f"https://{S3_CUSTOM_DOMAIN}"]
    elif S3_ENDPOINT_URL:
        S3_PUBLIC_ORIGINS = [S3_ENDPOINT_URL.rstrip("/")]
    else:
        S3_PUBLIC_ORIGINS = [f"https://{S3_BUCKET}.s3.amazonaws.com"]
        if S3_REGION:
            S3_PUBLIC_ORIGINS.append(
                f"https://{S3_BUCKET}.s3.{S3_REGION}.amazonaws.com"
            )
    for _policy in (CONTENT_SECURITY_POLICY, ADMIN_CONTENT_SECURITY_POLICY):
        _policy["DIRECTIVES"]["img-src"] = [
            *_policy["DIRECTIVES"]["img-src"],
            *S3_PUBLIC_ORIGINS,
        ]
# Documents always pass through Wagtail's view ('redirect' would hand out a
# signed URL that works for anyone until it expires; 'direct' would skip the
# privacy check): the check and the bytes are one response.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Leerkring <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

WAGTAIL_SITE_NAME = "Leerkring"
# The route link on a meeting on location; {address} is the encoded address.
ROUTE_PLANNER_URL = env(
    "ROUTE_PLANNER_URL",
    default="https://www.google.com/maps/dir/?api=1&destination={address}",
)
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAIL_I18N_ENABLED = False
# Avatars from the static files: Gravatar would learn who uses the admin (a
# hash of each adviser's address) and needs another origin in the policy.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Wagtail's database search (modelsearch) with Dutch stems on SQLite and
# PostgreSQL alike: portal/search/backend.py stems the index and the query with
# Snowball's Dutch stemmer. After changing it: manage.py update_index.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "portal.search.backend"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "csv", "txt"]
# Video blocks take YouTube and Vimeo addresses only, whose players are the
# frames the Content-Security-Policy allows (VIDEO_PLAYER_ORIGINS): another
# site's address is refused in the editor instead of becoming an empty frame.
WAGTAILEMBEDS_FINDERS = [
    {"class": "wagtail.embeds.finders.oembed", "providers": [youtube, vimeo]}
]

# Publishing or unpublishing a page sends PURGE for its URL (and its
# ancestors', which list it) to the nginx page cache in front of every app
# server (deploy/nginx/leerkring.conf). One URL per nginx, comma-separated,
# e.g. http://10.0.0.11,http://10.0.0.12. Unset: no purge is sent.
FRONTEND_CACHE_PURGE_URLS = env.list("FRONTEND_CACHE_PURGE_URLS", default=[])
WAGTAILFRONTENDCACHE = {
    f"nginx{number}": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": location,
    }
    for number, location in enumerate(FRONTEND_CACHE_PURGE_URLS, start=1)
}

# Participants' personal data is erased this many days after an event ends.
EVENTS_RETENTION_DAYS = env.int("EVENTS_RETENTION_DAYS", default=365)
# Survey answers (a meeting's evaluation included) are erased this many days
# after they were given.
SURVEYS_RETENTION_DAYS = env.int("SURVEYS_RETENTION_DAYS", default=365)
# An acute request for help that no adviser picked up within these working
# hours is mailed to all advisers again and shown as overdue.
EXPERTS_ESCALATE_AFTER_WORKING_HOURS = env.float(
    "EXPERTS_ESCALATE_AFTER_WORKING_HOURS", default=2
)
# Minutes during which members may still edit a message they posted.
COMMUNITY_EDIT_WINDOW_MINUTES = env.int("COMMUNITY_EDIT_WINDOW_MINUTES", default=30)

# Background work: mail, event reminders, the newsletter digest, the policy
# book. "immediate" runs a task inside the request that enqueues it, so
# `make run` needs no worker; "database" stores it for `manage.py db_worker`
# on any server (production's default, see production.py).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}


def tasks_setting(name: str) -> dict:
    if name not in TASK_BACKENDS:
        raise ImproperlyConfigured(
            f"LEERKRING_TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}"
        )
    return {"default": {"BACKEND": TASK_BACKENDS[name]}}


TASKS = tasks_setting(env("LEERKRING_TASKS_BACKEND", default="immediate"))

# DJANGO_LOG_FORMAT=json writes one JSON object a line (time, level, logger,
# message and any extra fields), for a log collector; plain text otherwise.
LOG_FORMAT = env("DJANGO_LOG_FORMAT", default="text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    # Wagtail keeps its own audit log of page actions; on the console they are
    # noise, as is one line per background task. Failures still come through.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
