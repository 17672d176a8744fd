"""Advisers tidy the discussion tags in the Wagtail admin: merge two tags,
or move part of a tag's discussions and messages to another tag."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from portal.accounts.selectors import user_is_adviser

from .errors import CommunityError
from .forms import TagMergeForm, TagSplitForm
from .models import CommunityTag, Post, Thread
from .moderation import tag_merge, tag_split


def _advisers_only(view):
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not user_is_adviser(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@_advisers_only
@require_http_methods(["GET", "POST"])
def index(request: HttpRequest) -> HttpResponse:
    form = TagMergeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        source, target = form.cleaned_data["source"], form.cleaned_data["target"]
        try:
            moved = tag_merge(source=source, target=target, by=request.user)
        except CommunityError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                ngettext(
                    "“{source}” has been merged into “{target}” ({n} item).",
                    "“{source}” has been merged into “{target}” ({n} items).",
                    moved,
                ).format(source=source.name, target=target.name, n=moved),
            )
            return redirect("community_tags:index")
    tags = CommunityTag.objects.annotate(
        threads=Count("thread_items", distinct=True),
        posts=Count("post_items", distinct=True),
    ).order_by("name")
    return TemplateResponse(
        request, "community/admin/tags.html", {"tags": tags, "form": form}
    )


@_advisers_only
@require_http_methods(["GET", "POST"])
def split(request: HttpRequest, pk: int) -> HttpResponse:
    source = CommunityTag.objects.filter(pk=pk).first()
    if source is None:
        raise Http404
    threads = list(Thread.objects.filter(tagged_items__tag=source).order_by("title"))
    posts = list(
        Post.objects.filter(tagged_items__tag=source)
        .select_related("thread")
        .order_by("thread__title", "pk")
    )
    form = TagSplitForm(request.POST or None, threads=threads, posts=posts)
    if request.method == "POST" and form.is_valid():
        try:
            target = tag_split(
                source=source,
                new_name=form.cleaned_data["new_name"],
                by=request.user,
                thread_ids=[int(i) for i in form.cleaned_data["threads"]],
                post_ids=[int(i) for i in form.cleaned_data["posts"]],
            )
        except CommunityError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("The chosen items now carry the tag “{name}”.").format(
                    name=target.name
                ),
            )
            return redirect("community_tags:index")
    return TemplateResponse(
        request,
        "community/admin/tag_split.html",
        {"tag": source, "form": form},
    )
