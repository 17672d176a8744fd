"""The community's pages: members only. Anonymous visitors are sent to log
in; logged-in accounts without approval get the members-only explanation,
as on members-only Wagtail pages."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from portal.accounts.decorators import members_only as members_only_for
from portal.accounts.selectors import user_is_adviser
from portal.core.params import parse_id

from . import moderation, selectors, services, wishes
from .errors import CommunityError
from .forms import (
    HideForm,
    MarkForm,
    PostEditForm,
    ReplyForm,
    ThreadForm,
    WishChooseForm,
    WishForm,
)
from .guard import guard_choice_record
from .links import follow_from_token
from .models import Post

members_only = members_only_for(title=gettext_lazy("Community of practice"))


def advisers_only(view):
    @members_only
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not user_is_adviser(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _thread_url(thread_id: int, post_id: int | None = None) -> str:
    url = reverse("community:thread", kwargs={"pk": thread_id})
    return f"{url}#bericht-{post_id}" if post_id else url


@members_only
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request, "community/home.html", {"themes": selectors.themes_overview()}
    )


@members_only
def recent(request: HttpRequest) -> HttpResponse:
    """Recent activity across the themes: the threads with the latest
    messages first, marked by what the member has not read."""
    threads = selectors.page_of(
        selectors.recent_threads(reader=request.user),
        number=request.GET.get("pagina"),
        per_page=selectors.THREADS_PER_PAGE,
    )
    return render(request, "community/recent.html", {"page_obj": threads})


@members_only
def theme(request: HttpRequest, slug: str) -> HttpResponse:
    theme = selectors.theme_or_404(slug=slug)
    label = request.GET.get("tag", "")
    tag = selectors.tag_or_none(slug=label)
    notices = []
    if label and tag is None:
        notices.append(_("There is no tag with that name; showing all discussions."))
    threads = selectors.page_of(
        selectors.theme_threads(theme=theme, tag=tag, reader=request.user),
        number=request.GET.get("pagina"),
        per_page=selectors.THREADS_PER_PAGE,
    )
    return render(
        request,
        "community/theme.html",
        {
            "theme": theme,
            "page_obj": threads,
            "tags": selectors.theme_tags(theme=theme),
            "active_tag": tag,
            "query_prefix": f"tag={tag.slug}" if tag else "",
            "notes": selectors.theme_meeting_notes(theme=theme),
            "notices": notices,
        },
    )


@members_only
@require_http_methods(["GET", "POST"])
def thread_create(request: HttpRequest, slug: str) -> HttpResponse:
    theme = selectors.theme_or_404(slug=slug)
    form = ThreadForm(request.POST or None, initial=_event_initial(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            thread = services.thread_create(
                theme=theme,
                author=request.user,
                title=data["title"],
                body=data["body"],
                event=data["event"],
                tags=data["tags"],
                submission_token=data["token"],
            )
        except CommunityError as exc:
            form.add_error(None, str(exc))
        else:
            _guard_record(request, form)
            messages.success(request, _("Your discussion has been started."))
            return redirect(_thread_url(thread.pk))
    return render(request, "community/thread_form.html", {"theme": theme, "form": form})


def _event_initial(request: HttpRequest) -> dict:
    event = request.GET.get("bijeenkomst", "")
    return {"event": event} if parse_id(event) is not None else {}


@members_only
def thread(request: HttpRequest, pk: int) -> HttpResponse:
    thread = selectors.thread_or_404(pk=pk)
    following = services.thread_read(thread=thread, user=request.user)
    return _thread_page(
        request, thread, ReplyForm(initial=_reply_initial(request)), following=following
    )


def _reply_initial(request: HttpRequest) -> dict:
    parent = request.GET.get("reageer", "")
    return {"parent": parent} if parse_id(parent) is not None else {}


def _thread_page(
    request: HttpRequest,
    thread,
    form: ReplyForm,
    *,
    following: bool | None = None,
    status: int = 200,
) -> HttpResponse:
    """The thread with ``form``. Only opening it marks it read (and tells
    ``following``): a refused reply changes nothing."""
    if following is None:
        following = selectors.thread_followed(thread=thread, user=request.user)
    adviser = user_is_adviser(request.user)
    posts = selectors.thread_posts(
        thread=thread,
        page_number=request.GET.get("pagina"),
        viewer=request.user,
        adviser=adviser,
    )
    parent_id = form["parent"].value()
    replying_to = next(
        (p for p in posts.object_list if str(p.pk) == str(parent_id)), None
    )
    return render(
        request,
        "community/thread.html",
        {
            "thread": thread,
            "page_obj": posts,
            "form": form,
            "replying_to": replying_to,
            "adviser": adviser,
            "following": following,
            "hide_form": HideForm(),
            "Mark": Post.Mark,
        },
        status=status,
    )


@members_only
@require_POST
def post_create(request: HttpRequest, pk: int) -> HttpResponse:
    thread = selectors.thread_or_404(pk=pk)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        # Stopped by the personal-data guard only: a question, not an error.
        status = 200 if form.guard_result else 400
        return _thread_page(request, thread, form, status=status)
    data = form.cleaned_data
    parent = None
    if data["parent"]:
        parent = thread.posts.filter(pk=data["parent"]).first()
        if parent is None:
            form.add_error(None, _("The message you reply to no longer exists."))
            return _thread_page(request, thread, form, status=400)
    try:
        post = services.post_create(
            thread=thread,
            author=request.user,
            body=data["body"],
            parent=parent,
            tags=data["tags"],
            submission_token=data["token"],
        )
    except CommunityError as exc:
        messages.error(request, str(exc))
        return redirect(_thread_url(thread.pk))
    _guard_record(request, form)
    messages.success(request, _("Your message has been posted."))
    url = reverse("community:thread", kwargs={"pk": thread.pk})
    return redirect(url + selectors.post_location(post=post))


@members_only
@require_http_methods(["GET", "POST"])
def post_edit(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.post_or_404(pk=pk)
    if post.author_id != request.user.pk or post.hidden:
        raise PermissionDenied
    if request.method == "GET" and timezone.now() > post.editable_until():
        messages.error(request, services.edit_window_passed_message())
        return redirect(_thread_url(post.thread_id, post.pk))
    if request.method == "POST":
        form = PostEditForm(request.POST)
    else:
        form = PostEditForm(
            initial={"body": post.body, "tags": ", ".join(post.tags.names())}
        )
    if request.method == "POST" and form.is_valid():
        try:
            services.post_edit(
                post=post,
                user=request.user,
                body=form.cleaned_data["body"],
                tags=form.cleaned_data["tags"],
            )
        except CommunityError as exc:
            messages.error(request, str(exc))
            return redirect(_thread_url(post.thread_id, post.pk))
        _guard_record(request, form)
        messages.success(request, _("Your message has been changed."))
        return redirect(_thread_url(post.thread_id, post.pk))
    return render(request, "community/post_edit.html", {"post": post, "form": form})


def _guard_record(request: HttpRequest, form) -> None:
    """The member's answer to the personal-data guard, without the text."""
    if form.guard_used is not None:
        choice, result = form.guard_used
        guard_choice_record(user=request.user, choice=choice, result=result)


@members_only
@require_POST
def thread_follow(request: HttpRequest, pk: int) -> HttpResponse:
    thread = selectors.thread_or_404(pk=pk)
    if request.POST.get("follow") == "0":
        services.thread_unfollow(thread=thread, user=request.user)
        messages.success(request, _("You no longer follow this discussion."))
    else:
        services.thread_follow(thread=thread, user=request.user)
        messages.success(
            request, _("You follow this discussion: new messages reach you by e-mail.")
        )
    return redirect(_thread_url(thread.pk))


@require_http_methods(["GET", "POST"])
def unfollow_by_link(request: HttpRequest, token: str) -> HttpResponse:
    """From the e-mail, without logging in. GET only asks, so that a mail
    program opening links in advance changes nothing."""
    follow, valid = follow_from_token(token)
    if not valid:
        return render(request, "community/unfollow_invalid.html", status=400)
    done = follow is None
    if request.method == "POST" and follow is not None:
        services.follow_delete(follow=follow)
        done = True
    response = render(
        request, "community/unfollow.html", {"follow": follow, "done": done}
    )
    add_never_cache_headers(response)
    return response


# Moderation ----------------------------------------------------------------


def _moderate(request: HttpRequest, action, *, thread_id: int, post_id=None):
    try:
        action()
    except CommunityError as exc:
        messages.error(request, str(exc))
    return redirect(_thread_url(thread_id, post_id))


@members_only
@require_POST
def post_mark(request: HttpRequest, pk: int) -> HttpResponse:
    """Advisers mark conclusions and solutions; the thread's starter the
    answer that helped (moderation.post_mark decides who may what)."""
    post = selectors.post_or_404(pk=pk)
    form = MarkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid marking."))
        return redirect(_thread_url(post.thread_id, post.pk))
    marked_as = form.cleaned_data["marked_as"]

    def action():
        moderation.post_mark(post=post, by=request.user, marked_as=marked_as)
        messages.success(request, _("The marking has been saved."))

    return _moderate(request, action, thread_id=post.thread_id, post_id=post.pk)


@advisers_only
@require_POST
def post_hide(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.post_or_404(pk=pk)
    reason = request.POST.get("reason", "")

    def action():
        moderation.post_hide(post=post, by=request.user, reason=reason)
        messages.success(request, _("The message has been hidden."))

    return _moderate(request, action, thread_id=post.thread_id, post_id=post.pk)


@advisers_only
@require_POST
def post_unhide(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.post_or_404(pk=pk)

    def action():
        moderation.post_unhide(post=post, by=request.user)
        messages.success(request, _("The message is visible again."))

    return _moderate(request, action, thread_id=post.thread_id, post_id=post.pk)


@advisers_only
@require_POST
def thread_lock(request: HttpRequest, pk: int) -> HttpResponse:
    thread = selectors.thread_or_404(pk=pk)
    locked = request.POST.get("locked") == "1"

    def action():
        moderation.thread_lock(thread=thread, by=request.user, locked=locked)
        if locked:
            messages.success(request, _("The discussion has been closed."))
        else:
            messages.success(request, _("The discussion has been reopened."))

    return _moderate(request, action, thread_id=thread.pk)


# Topic wishes of a meeting -------------------------------------------------


def _wishes_url(event_pk: int) -> str:
    return reverse("community:topic_wishes", kwargs={"pk": event_pk})


def _wishes_page(request: HttpRequest, event, form, *, status: int = 200):
    return render(
        request,
        "community/topic_wishes.html",
        {
            "event": event,
            "wishes": selectors.meeting_wishes(event=event, viewer=request.user),
            "agenda": selectors.meeting_agenda(event=event),
            "form": form,
            "open": event.starts_at > timezone.now(),
            "adviser": user_is_adviser(request.user),
        },
        status=status,
    )


@members_only
@require_http_methods(["GET", "POST"])
def topic_wishes(request: HttpRequest, pk: int) -> HttpResponse:
    """The proposals for a meeting, with the form to add one."""
    event = selectors.wish_meeting_or_404(pk=pk, user=request.user)
    form = WishForm(request.POST or None)
    if request.method == "GET":
        return _wishes_page(request, event, form)
    if not form.is_valid():
        # Stopped by the personal-data guard only: a question, not an error.
        return _wishes_page(
            request, event, form, status=200 if form.guard_result else 400
        )
    try:
        wishes.wish_propose(
            event=event, author=request.user, body=form.cleaned_data["body"]
        )
    except CommunityError as exc:
        messages.error(request, str(exc))
        return redirect(_wishes_url(event.pk))
    _guard_record(request, form)
    messages.success(request, _("Your topic has been added."))
    return redirect(_wishes_url(event.pk))


@members_only
@require_POST
def topic_wish_vote(request: HttpRequest, pk: int, wish_pk: int) -> HttpResponse:
    event = selectors.wish_meeting_or_404(pk=pk, user=request.user)
    wish = selectors.wish_on_meeting_or_404(event=event, pk=wish_pk)
    try:
        voted = wishes.wish_vote_toggle(wish=wish, user=request.user, event=event)
    except CommunityError as exc:
        messages.error(request, str(exc))
    else:
        if voted:
            messages.success(request, _("Your vote has been counted."))
        else:
            messages.success(request, _("Your vote has been taken back."))
    return redirect(f"{_wishes_url(event.pk)}#onderwerp-{wish.pk}")


@advisers_only
@require_http_methods(["GET", "POST"])
def topic_wishes_choose(request: HttpRequest, pk: int) -> HttpResponse:
    """The adviser turns proposals into agenda items and discussions."""
    event = selectors.wish_meeting_or_404(pk=pk, user=request.user)
    offered = list(selectors.meeting_wishes(event=event, viewer=request.user))
    form = WishChooseForm(request.POST or None, wishes=offered)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                threads = wishes.wishes_choose(
                    event=event,
                    adviser=request.user,
                    wishes=form.cleaned_data["wishes"],
                    theme=form.cleaned_data["theme"],
                )
            except CommunityError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request,
                    ngettext(
                        "{n} topic is on the agenda, with its discussion.",
                        "{n} topics are on the agenda, each with a discussion.",
                        len(threads),
                    ).format(n=len(threads)),
                )
                return redirect(_wishes_url(event.pk))
    return render(
        request,
        "community/topic_wishes_choose.html",
        {"event": event, "form": form, "wishes": offered},
        status=status,
    )
