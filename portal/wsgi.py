import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# Cached pages for anonymous visitors are answered before Django builds a
# request (portal.core.page_cache); imported once Django is set up.
from portal.core.page_cache import PageCacheWSGI  # noqa: E402

application = PageCacheWSGI(application)

# Load the anonymiser's lookup data now, once per process, rather than in
# the first request that anonymises a case.
from casebook.anonymisation import warm  # noqa: E402

warm()
