"""The Wagtail admin works with an e-mail-login user model."""

import pytest

from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/users/",
        "/admin/users/new/",
        "/admin/pages/",
        "/admin/groups/",
    ],
)
def test_admin_pages_render_for_a_superuser_with_two_factor(client, editor, path):
    editor.is_superuser = True
    editor.save()
    login_with_second_factor(client, editor)
    assert client.get(path).status_code == 200


def test_adviser_can_edit_pages_but_not_users(client, editor):
    login_with_second_factor(client, editor)
    assert client.get("/admin/pages/").status_code == 200
    assert client.get("/admin/users/").status_code in (302, 403)


def test_admin_speaks_dutch_to_advisers(client, editor):
    login_with_second_factor(client, editor)
    body = client.get("/admin/").content.decode()
    assert '<html lang="nl"' in body
    assert "Pagina's" in body
    body = client.get("/admin/accountaanvragen/").content.decode()
    assert "Accountaanvragen" in body


def test_the_default_workflow_is_dutch_and_reviewed_by_advisers(
    client, editor, home_page
):
    """Wagtail's default workflow was named after its group "Moderators",
    which no one here is in; the advisers review, in Dutch."""
    from wagtail.models import GroupApprovalTask, Workflow

    workflow = Workflow.objects.get(active=True)
    assert workflow.name == "Vier ogen: goedkeuring door een adviseur"
    task = GroupApprovalTask.objects.get()
    assert task.name == "Goedkeuring door een adviseur"
    assert [group.name for group in task.groups.all()] == ["Advisers"]
    login_with_second_factor(client, editor)
    body = client.get(f"/admin/pages/{home_page.pk}/edit/").content.decode()
    assert "Moderators approval" not in body
    assert "Stuur door naar Vier ogen: goedkeuring door een adviseur" in body
