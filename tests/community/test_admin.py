"""Advisers keep themes and meeting notes in the Wagtail admin and tidy
the discussion tags there."""

import pytest
from django.urls import reverse

from community.models import CommunityTag, MeetingNote, ModerationAction
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.second_factor import login_with_second_factor

from .factories import PostFactory, ThreadFactory

pytestmark = pytest.mark.django_db


def test_advisers_have_the_snippet_permissions(editor):
    for perm in (
        "community.add_theme",
        "community.change_meetingnote",
        "community.view_moderationaction",
    ):
        assert editor.has_perm(perm)


def test_adviser_enters_a_meeting_note_in_the_admin(client, editor, theme, home_page):
    cop = EventPageFactory(parent=EventIndexPageFactory(parent=home_page), kind="cop")
    login_with_second_factor(client, editor)
    url = reverse("wagtailsnippets_community_meetingnote:add")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "event": cop.pk,
            "meeting_date": "",
            "theme": theme.pk,
            "agenda_item": "Ervaringen delen",
            "said": '{"blocks":[{"key":"a","type":"unstyled","text":"Gezegd",'
            '"depth":0,"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    note = MeetingNote.objects.get()
    assert note.meeting_date == cop.starts_at.astimezone().date()
    assert "Gezegd" in note.said


def test_members_do_not_reach_the_tag_admin(client, member):
    client.force_login(member)
    assert client.get(reverse("community_tags:index")).status_code in (302, 403)


def test_merge_and_split_from_the_admin(client, editor, theme):
    ThreadFactory(theme=theme, tags=["tiktok"])
    second = ThreadFactory(theme=theme, tags=["tik-tok"])
    post = PostFactory(thread=second, tags=["tik-tok"])
    login_with_second_factor(client, editor)
    index = client.get(reverse("community_tags:index"))
    assert "tik-tok" in index.content.decode()
    source = CommunityTag.objects.get(name="tik-tok")
    target = CommunityTag.objects.get(name="tiktok")
    response = client.post(
        reverse("community_tags:index"), {"source": source.pk, "target": target.pk}
    )
    assert response.status_code == 302
    assert set(second.tags.names()) == {"tiktok"}
    assert set(post.tags.names()) == {"tiktok"}

    split_url = reverse("community_tags:split", args=[target.pk])
    assert client.get(split_url).status_code == 200
    response = client.post(split_url, {"new_name": "tiktok-live", "posts": [post.pk]})
    assert response.status_code == 302
    assert set(post.tags.names()) == {"tiktok-live"}
    assert set(second.tags.names()) == {"tiktok"}
    assert ModerationAction.objects.count() == 2


def test_tag_admin_refuses_nonsense(client, editor):
    login_with_second_factor(client, editor)
    tag = CommunityTag.objects.create(name="wijk")
    response = client.post(
        reverse("community_tags:index"), {"source": tag.pk, "target": tag.pk}
    )
    assert response.status_code == 200
    assert CommunityTag.objects.filter(pk=tag.pk).exists()
    assert client.get(reverse("community_tags:split", args=[999999])).status_code == (
        404
    )
    response = client.post(
        reverse("community_tags:split", args=[tag.pk]), {"new_name": "buurt"}
    )
    assert response.status_code == 200
    assert ModerationAction.objects.count() == 0
