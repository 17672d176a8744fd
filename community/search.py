"""The discussions in the site search (``portal.search.sources``): for
approved members only, hidden messages never, each hit linking to the
message on its thread page."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from portal.core.sanitise import html_as_text
from portal.search.sources import SourceHit, word_start
from portal.search.text import highlight

from . import selectors
from .models import Post
from .templatetags.community_tags import member_name


def posts_found(*, terms: list[str], user) -> QuerySet[Post]:
    return selectors.posts_matching(
        user=user, patterns=[word_start(term) for term in terms]
    )


def post_hits(posts: list[Post], *, terms: list[str]) -> list[SourceHit]:
    """No queries: ``posts_matching`` brought thread, theme, author and
    place along."""
    return [
        SourceHit(
            title=post.thread.title,
            url=selectors.post_url(post),
            type_label=_("Discussion"),
            excerpt=highlight([html_as_text(post.body)], terms),
            meta=f"{post.thread.theme.name} · {member_name(post.author)}",
            date=post.created_at,
        )
        for post in posts
    ]
