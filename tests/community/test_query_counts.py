"""The community's pages cost the same number of queries however many
threads, posts, replies and tags there are."""

import pytest
from django.urls import reverse

from community.models import Post
from tests.queries import page_queries
from tests.second_factor import login_with_second_factor

from .factories import MeetingNoteFactory, PostFactory, ThemeFactory, ThreadFactory

pytestmark = pytest.mark.django_db


def _fill(theme, thread, n: int, authors) -> None:
    for i in range(n):
        ThemeFactory()
        other = ThreadFactory(theme=theme, tags=[f"label-{i}", "wijk"])
        PostFactory(thread=other, author=authors[i % len(authors)])
        top = PostFactory(
            thread=thread, author=authors[i % len(authors)], tags=[f"t{i}"]
        )
        PostFactory(thread=thread, parent=top, author=authors[(i + 1) % len(authors)])
        MeetingNoteFactory(theme=theme)
    Post.objects.filter(thread=thread).order_by("pk").filter(
        pk__in=Post.objects.filter(thread=thread).values("pk")[:2]
    ).update(hidden=True, marked_as="conclusion")


@pytest.mark.parametrize("viewer", ["member", "adviser"])
def test_pages_cost_a_fixed_number_of_queries(
    client, theme, thread, member, other_member, adviser, viewer
):
    authors = [member, other_member, adviser]
    login_with_second_factor(client, {"member": member, "adviser": adviser}[viewer])
    urls = {
        "home": reverse("community:home"),
        "theme": reverse("community:theme", args=[theme.slug]),
        "tag": reverse("community:theme", args=[theme.slug]) + "?tag=wijk",
        "thread": reverse("community:thread", args=[thread.pk]),
        "new": reverse("community:thread_create", args=[theme.slug]),
    }
    _fill(theme, thread, 2, authors)
    small = {name: page_queries(client, url) for name, url in urls.items()}
    _fill(theme, thread, 12, authors)
    large = {name: page_queries(client, url) for name, url in urls.items()}
    assert small == large


def test_thread_page_query_budget(
    client, theme, thread, member, other_member, django_assert_num_queries
):
    _fill(theme, thread, 5, [member, other_member])
    client.force_login(member)
    url = reverse("community:thread", args=[thread.pk])
    client.get(url)
    # session, user, groups; thread, its tags, page count, posts, their tags,
    # replies, their tags, follow state. The site and the menu come from
    # memory (portal.core.shared_memo), the management link from the groups.
    with django_assert_num_queries(11):
        client.get(url)
