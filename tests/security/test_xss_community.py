"""Payloads through every text field of the community (discussions, messages,
tags, the reason for hiding, the advisers' meeting notes), rendered in
Chromium for the member and the adviser, and in the policy book's web
edition."""

import pytest
from django.test import Client
from django.utils import timezone

from community.models import Post, Thread
from community.policybook.periods import half_year_of
from community.policybook.services import policy_book_build
from tests.community.factories import MeetingNoteFactory, ThemeFactory

from .browser import assert_clean, submit, visit
from .payloads import (
    ALL_PAYLOADS,
    SHORT_PAYLOADS,
    XSS_PAYLOADS,
    chunks,
    long_texts,
)
from .people import hostile_member, logged_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _start_threads(client: Client, theme) -> list[Thread]:
    tags = ", ".join(p.replace(",", " ") for p in SHORT_PAYLOADS[:8])
    bodies = long_texts()
    for number, title in enumerate(chunks(200)):
        response = client.post(
            f"/community/thema/{theme.slug}/nieuw/",
            # "keep": past the personal-data guard, as written (its own
            # replacements are checked in tests/community/test_guard.py).
            {
                "title": title,
                "body": bodies[number % len(bodies)],
                "tags": tags,
                "guard": "keep",
            },
        )
        assert response.status_code == 302, response.context["form"].errors
    return list(Thread.objects.order_by("pk"))


def _moderate(editor, thread: Thread) -> Post:
    """The adviser marks the opening post as a conclusion (for the book) and
    hides a reply with a hostile reason."""
    adviser = logged_in(editor)
    opening = thread.posts.order_by("pk").first()
    adviser.post(
        f"/community/bericht/{opening.pk}/markeren/",
        {"marked_as": Post.Mark.CONCLUSION},
    )
    reply = thread.posts.order_by("pk").last()
    adviser.post(
        f"/community/bericht/{reply.pk}/verbergen/", {"reason": chunks(500)[0]}
    )
    return opening


def _meeting_note(theme) -> None:
    """As the Wagtail admin's form saves it: ``full_clean()`` first."""
    note = MeetingNoteFactory.build(
        theme=theme, agenda_item=chunks(200)[0], said=ALL_PAYLOADS,
        conclusions=long_texts()[1],
    )  # fmt: skip
    note.full_clean(exclude=["event"])
    note.save()


def test_community_pages_run_no_member_script(
    live_server, hostile_page, editor, monkeypatch
):
    theme = ThemeFactory(name="Online opruiing", slug="online-opruiing")
    author = hostile_member()
    client = logged_in(author)
    threads = _start_threads(client, theme)
    first = threads[0]
    # Each payload in a message of its own as well: nothing a sanitiser
    # drops along with an earlier payload can hide it.
    for number, payload in enumerate(XSS_PAYLOADS):
        response = client.post(
            f"/community/discussie/{first.pk}/reageren/",
            {
                "body": f"xss-link {number}: {payload}",
                "tags": SHORT_PAYLOADS[8],
                "guard": "keep",
            },
        )
        assert response.status_code == 302, response.context["form"].errors
    opening = _moderate(editor, first)
    assert Post.objects.filter(marked_as=Post.Mark.CONCLUSION).exists()
    assert Post.objects.filter(hidden=True).exists()
    _meeting_note(theme)
    tag = first.tags.first()

    member, adviser = hostile_page(author), hostile_page(editor)
    base = live_server.url
    findings = [
        visit(member, f"{base}/community/", expect_text="Online opruiing"),
        visit(member, f"{base}/community/thema/{theme.slug}/", expect_text="xss"),
        visit(member, f"{base}/community/thema/{theme.slug}/?tag={tag.slug}"),
        visit(member, f"{base}/community/bericht/{opening.pk}/bewerken/"),
        *(
            visit(member, f"{base}/community/discussie/{t.pk}/", expect_text="xss")
            for t in threads
        ),
        visit(member, f"{base}/community/discussie/{first.pk}/?pagina=2"),
        visit(adviser, f"{base}/community/discussie/{first.pk}/", expect_text="xss"),
        visit(adviser, f"{base}/community/discussie/{first.pk}/?pagina=2"),
        visit(adviser, f"{base}/admin/discussielabels/"),
        visit(adviser, f"{base}/admin/snippets/community/meetingnote/"),
        visit(adviser, f"{base}/admin/snippets/community/moderationaction/"),
    ]
    # A message refused as empty once cleaned comes back in the form.
    member.goto(f"{base}/community/discussie/{first.pk}/")
    member.get_by_label("Bericht", exact=True).fill(SHORT_PAYLOADS[0] + ALL_PAYLOADS)
    findings.append(
        submit(member, member.get_by_role("button", name="Bericht plaatsen"))
    )

    # The policy book's web edition, built without the PDF (WeasyPrint is
    # slow and is not what is tested here).
    monkeypatch.setattr(
        "community.policybook.services.policy_book_pdf_render",
        lambda **kwargs: b"%PDF-1.4\n%%EOF\n",
    )
    book = policy_book_build(period=half_year_of(timezone.now()))
    findings.append(
        visit(adviser, f"{base}/admin/pages/{book.pk}/view_draft/", expect_text="xss")
    )
    assert_clean(findings)
