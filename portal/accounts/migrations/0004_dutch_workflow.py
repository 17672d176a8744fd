"""Wagtail's default workflow, in the site's words and with the advisers as
its reviewers: Wagtail names it after its own group "Moderators", which no one
here belongs to, and shows "Stuur door naar Moderators approval" in the
publish menu."""

from django.db import migrations

WAGTAIL_NAME = "Moderators approval"
WORKFLOW_NAME = "Vier ogen: goedkeuring door een adviseur"
TASK_NAME = "Goedkeuring door een adviseur"
ADVISERS = "Advisers"


def to_dutch(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Group = apps.get_model("auth", "Group")
    Workflow.objects.filter(name=WAGTAIL_NAME).update(name=WORKFLOW_NAME)
    advisers = Group.objects.filter(name=ADVISERS).first()
    for task in GroupApprovalTask.objects.filter(name=WAGTAIL_NAME):
        task.name = TASK_NAME
        task.save(update_fields=["name"])
        if advisers is not None:
            task.groups.set([advisers])


def to_wagtail(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Group = apps.get_model("auth", "Group")
    Workflow.objects.filter(name=WORKFLOW_NAME).update(name=WAGTAIL_NAME)
    moderators = Group.objects.filter(name="Moderators").first()
    for task in GroupApprovalTask.objects.filter(name=TASK_NAME):
        task.name = WAGTAIL_NAME
        task.save(update_fields=["name"])
        if moderators is not None:
            task.groups.set([moderators])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_home_region"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(to_dutch, to_wagtail)]
