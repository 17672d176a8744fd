"""The member who started a discussion marks the answer that helped; a
conclusion stays the advisers'. Thread lists show which are answered."""

import pytest
from django.urls import reverse

from community.errors import NotAllowed
from community.models import Post
from community.moderation import post_mark

from .factories import PostFactory, ThreadFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def answer(thread, other_member):
    return PostFactory(
        thread=thread, author=other_member, body="<p>Bel de wijkagent.</p>"
    )


def test_the_starter_marks_the_answer_that_helped_and_takes_it_back(
    client, thread, member, answer
):
    client.force_login(member)
    page = client.get(reverse("community:thread", args=[thread.pk])).content.decode()
    assert page.count("Dit beantwoordde mijn vraag") == 1  # not on their own post
    url = reverse("community:post_mark", args=[answer.pk])
    client.post(url, {"marked_as": "solution"})
    answer.refresh_from_db()
    assert (answer.marked_as, answer.marked_by) == (Post.Mark.SOLUTION, member)
    page = client.get(reverse("community:thread", args=[thread.pk])).content.decode()
    assert "Toch geen antwoord op mijn vraag" in page
    client.post(url, {"marked_as": "none"})
    answer.refresh_from_db()
    assert answer.marked_as == Post.Mark.NONE


@pytest.mark.parametrize(
    "case", ["conclusion", "own post", "other thread", "not the starter", "over one"]
)
def test_what_the_starter_may_not_do(
    case, thread, member, other_member, answer, adviser
):
    by, post, marked_as = member, answer, Post.Mark.SOLUTION
    if case == "conclusion":
        marked_as = Post.Mark.CONCLUSION
    elif case == "own post":
        post = thread.posts.get(author=member)
    elif case == "other thread":
        post = PostFactory(thread=ThreadFactory(), author=other_member)
    elif case == "not the starter":
        by = other_member
        post = PostFactory(thread=thread, author=member)
    elif case == "over one":
        post_mark(post=answer, by=adviser, marked_as=Post.Mark.CONCLUSION)
        marked_as = Post.Mark.NONE
    before = Post.objects.get(pk=post.pk).marked_as
    with pytest.raises(NotAllowed, match="Alleen wie de discussie begon"):
        post_mark(post=post, by=by, marked_as=marked_as)
    assert Post.objects.get(pk=post.pk).marked_as == before


def test_a_refused_marking_through_the_page_says_why(client, thread, other_member):
    opening = thread.posts.get()
    client.force_login(other_member)
    response = client.post(
        reverse("community:post_mark", args=[opening.pk]),
        {"marked_as": "solution"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Alleen wie de discussie begon" in response.content.decode()
    opening.refresh_from_db()
    assert opening.marked_as == Post.Mark.NONE


def test_thread_lists_show_answered_and_concluded(client, theme, member, adviser):
    answered = ThreadFactory(theme=theme, title="Beantwoorde vraag")
    PostFactory(thread=answered, marked_as=Post.Mark.SOLUTION)
    concluded = ThreadFactory(theme=theme, title="Afgeronde vraag")
    PostFactory(thread=concluded, marked_as=Post.Mark.CONCLUSION)
    hidden = ThreadFactory(theme=theme, title="Verborgen antwoord")
    PostFactory(thread=hidden, marked_as=Post.Mark.SOLUTION, hidden=True)
    open_question = ThreadFactory(theme=theme, title="Open vraag")
    PostFactory(thread=open_question)
    client.force_login(member)
    page = client.get(reverse("community:theme", args=[theme.slug])).content.decode()

    def marker(title: str) -> str:
        start = page.index(title)
        return page[start : page.index("</h3>", start)]

    assert "Beantwoord" in marker("Beantwoorde vraag")
    assert "Conclusie" in marker("Afgeronde vraag")
    assert "Beantwoord" not in marker("Verborgen antwoord")
    assert "Beantwoord" not in marker("Open vraag")
