"""Production: secure defaults; everything else still comes from the
environment (DJANGO_SECRET_KEY has no default)."""

from .base import *  # noqa: F403
from .base import env, tasks_setting

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
# A worker (`manage.py db_worker`) sends the mail and builds the policy book,
# so a slow mail server never holds up a request on any web server.
TASKS = tasks_setting(env("LEERKRING_TASKS_BACKEND", default="database"))
# e.g. leerkring.W004 where MEDIA_ROOT is one disk that all servers share.
SILENCED_SYSTEM_CHECKS = env.list("DJANGO_SILENCED_SYSTEM_CHECKS", default=[])
# Behind nginx every request comes from nginx's address; nginx appends the
# visitor's to X-Forwarded-For (deploy/nginx/). The rate limits count per
# visitor, so allauth takes the entry this many proxies from the end.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=1)
