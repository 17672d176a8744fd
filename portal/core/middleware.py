import copy
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from .shared_memo import MISSING, memo_get, memo_put


class SiteLanguageMiddleware:
    """Dutch unless the visitor chose another language with the switcher.

    Django's LocaleMiddleware would follow the browser's Accept-Language, so an
    officer with an English browser would get a half-translated site; this
    platform is Dutch first, English only on request (the language cookie).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


class SiteLookupMiddleware:
    """The Wagtail site a request is for, without a query per request.

    Wagtail finds it with a query the first time a request asks and keeps
    it on the request. This keeps the site Wagtail found per host name and
    port for the page-cache generation (a change to a site starts a new
    one), and puts a copy on later requests, where Wagtail looks first. A
    request that never asks (a feed, a file) costs nothing.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = ("site", request._get_raw_host(), request.get_port())
        generation, site = memo_get(key)
        if site is not MISSING:
            request._wagtail_site = copy.copy(site)
        response = self.get_response(request)
        if site is MISSING and "_wagtail_site" in request.__dict__:
            memo_put(key, generation, copy.copy(request._wagtail_site))
        return response
