"""Django's FetchFromCacheMiddleware, with the ``X-Cache: HIT`` that
bench/load.py counts hits by (bench/django_cache_settings.py)."""

from django.middleware.cache import FetchFromCacheMiddleware


class FetchFromCacheMarkingHits(FetchFromCacheMiddleware):
    def process_request(self, request):
        response = super().process_request(request)
        if response is not None:
            response["X-Cache"] = "HIT"
        return response
