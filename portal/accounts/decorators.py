"""View decorators for the members-only parts of the apps."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.functional import Promise

from .selectors import user_is_member

View = Callable[..., HttpResponse]


def members_only_response(
    request: HttpRequest, subject: str | Promise, page=None
) -> TemplateResponse:
    """The 403 that tells a logged-in account why it cannot open ``subject``
    (the part of the site, or ``page``): it is for approved members."""
    context = {"subject": subject}
    if page is not None:
        context["page"] = page
    return TemplateResponse(request, "accounts/members_only.html", context, status=403)


def members_only(*, title: str | Promise) -> Callable[[View], View]:
    """Visitors are sent to log in; accounts that are not (yet) approved get
    the members-only explanation, titled ``title`` (the part of the site
    they tried to open). Every answer is marked never to be cached: members'
    pages must not sit in a shared cache."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if user_is_member(request.user):
                response = view(request, *args, **kwargs)
            else:
                response = members_only_response(request, title)
            add_never_cache_headers(response)
            return response

        return wrapped

    return decorator
