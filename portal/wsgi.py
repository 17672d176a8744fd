import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# Load the anonymiser's lookup data now, once per process, rather than in
# the first request that anonymises a case.
from casebook.anonymisation import warm  # noqa: E402

warm()
