"""Uploads on S3-compatible storage when a bucket is configured (a stand-in
S3 from moto), so that no app server keeps a file another one needs."""

import io
import runpy
from pathlib import Path

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from moto import mock_aws
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import Rendition
from wagtail.models import Collection, CollectionViewRestriction

from community.policybook.services import _pdf_store
from portal.core.checks import shared_state_check

BASE = Path(__file__).resolve().parents[2] / "portal" / "settings" / "base.py"
BUCKET = "leerkring-media"


def _base_settings(monkeypatch, **variables: str) -> dict:
    """portal/settings/base.py evaluated with ``variables`` in the environment."""
    for name in ("LEERKRING_S3_BUCKET", "AWS_STORAGE_BUCKET_NAME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(BASE))


def test_without_a_bucket_uploads_stay_on_disk(monkeypatch):
    config = _base_settings(monkeypatch)
    assert config["STORAGES"]["default"]["BACKEND"].endswith("FileSystemStorage")
    assert "renditions" not in config["STORAGES"]
    assert "WAGTAILIMAGES_RENDITION_STORAGE" not in config


def test_bucket_settings(monkeypatch):
    config = _base_settings(
        monkeypatch,
        LEERKRING_S3_BUCKET=BUCKET,
        AWS_S3_ENDPOINT_URL="https://s3.provider.example",
    )
    default = config["STORAGES"]["default"]["OPTIONS"]
    public = config["STORAGES"]["renditions"]["OPTIONS"]
    assert default["default_acl"] == "private"
    assert default["querystring_auth"] is True
    assert default["file_overwrite"] is False
    assert public["querystring_auth"] is False
    assert config["WAGTAILIMAGES_RENDITION_STORAGE"] == "renditions"
    assert config["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"
    img_src = config["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]
    assert "https://s3.provider.example" in img_src


@pytest.fixture
def bucket(monkeypatch, settings):
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    with mock_aws():
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket=BUCKET)
        config = _base_settings(monkeypatch, LEERKRING_S3_BUCKET=BUCKET)
        settings.STORAGES = config["STORAGES"]
        # The rendition field took its storage when the model was loaded.
        field = Rendition._meta.get_field("file")
        monkeypatch.setattr(field, "storage", storages["renditions"])
        yield s3


def _keys(s3) -> set[str]:
    return {o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def _png() -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (40, 30), "red").save(out, "PNG")
    return out.getvalue()


@pytest.mark.django_db
def test_images_and_renditions_go_to_the_bucket(bucket, settings):
    image = get_image_model().objects.create(
        title="Kaart", file=SimpleUploadedFile("kaart.png", _png())
    )
    rendition = image.get_rendition("fill-20x20")

    assert f"original_images/{Path(image.file.name).name}" in _keys(bucket)
    assert f"public/{rendition.file.name}" in _keys(bucket)
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.png"))
    # Renditions sit in public pages: a lasting URL. Originals: signed.
    assert "Signature" not in rendition.url
    assert "Signature" in image.file.url


@pytest.mark.django_db
def test_documents_are_served_through_the_privacy_check(bucket, client, settings):
    Document = get_document_model()
    root = Collection.get_first_root_node()
    private = root.add_child(name="Alleen leden")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    open_doc = Document.objects.create(
        title="Handreiking", file=ContentFile(b"open", name="handreiking.txt")
    )
    closed_doc = Document.objects.create(
        title="Intern",
        file=ContentFile(b"geheim", name="intern.txt"),
        collection=private,
    )
    assert {"documents/handreiking.txt", "documents/intern.txt"} <= _keys(bucket)
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.txt"))

    response = client.get(open_doc.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"open"

    # Anonymous: to the login page, not to a (signed) bucket address.
    response = client.get(closed_doc.url)
    assert response.status_code == 302
    assert "amazonaws" not in response["Location"]
    assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_policy_book_pdf_goes_to_the_bucket(bucket, settings):
    pdf = b"%PDF-1.7 beleidsboek"
    document = _pdf_store(
        pdf=pdf, document=None, title="Beleidsboek", filename="beleidsboek.pdf"
    )
    key = document.file.name
    assert key in _keys(bucket)
    assert bucket.get_object(Bucket=BUCKET, Key=key)["Body"].read() == pdf
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.pdf"))


def test_deploy_check_names_what_one_server_keeps_to_itself(settings):
    # The test profile: local memory, immediate tasks, local disk; SQLite.
    sqlite = {**settings.DATABASES["default"], "ENGINE": "django.db.backends.sqlite3"}
    settings.DATABASES = {"default": sqlite}
    ids = {m.id for m in shared_state_check()}
    assert ids == {
        "leerkring.W001",
        "leerkring.W002",
        "leerkring.W003",
        "leerkring.W004",
    }

    settings.DATABASES = {
        "default": {
            **settings.DATABASES["default"],
            "ENGINE": "django.db.backends.postgresql",
        }
    }
    settings.CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache"}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage"},
    }
    assert shared_state_check() == []
