"""Create the two roles with their permissions, so no one sets them by hand."""

from django.db import migrations

MEMBERS = "Members"
ADVISERS = "Advisers"

ADVISER_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("accounts", "review_account_requests"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
]
ADVISER_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
ADVISER_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]


# Meta and model permissions are normally made after migrate finishes; these are made
# here so the groups can reference them on a fresh database.
META_PERMISSIONS = [
    ("accounts", "user", "review_account_requests", "Can review account requests"),
    ("wagtailimages", "image", "choose_image", "Can choose image"),
    ("wagtaildocs", "document", "choose_document", "Can choose document"),
    ("wagtailredirects", "redirect", "add_redirect", "Can add redirect"),
    ("wagtailredirects", "redirect", "change_redirect", "Can change redirect"),
    ("wagtailredirects", "redirect", "delete_redirect", "Can delete redirect"),
]


def _ensure_permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for app_label, model, codename, name in META_PERMISSIONS:
        content_type, _created = ContentType.objects.get_or_create(
            app_label=app_label, model=model
        )
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )


def create_roles(apps, schema_editor):
    _ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )

    def permission(app_label, codename):
        return Permission.objects.get(
            content_type__app_label=app_label, codename=codename
        )

    Group.objects.get_or_create(name=MEMBERS)
    advisers, _created = Group.objects.get_or_create(name=ADVISERS)
    advisers.permissions.add(
        *(permission(app, code) for app, code in ADVISER_MODEL_PERMISSIONS)
    )
    root_collection = Collection.objects.filter(depth=1).first()
    for app, code in ADVISER_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=advisers, collection=root_collection, permission=permission(app, code)
        )
    root_page = Page.objects.filter(depth=1).first()
    for code in ADVISER_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=advisers, page=root_page, permission=permission("wagtailcore", code)
        )


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[MEMBERS, ADVISERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
