"""Security headers: the Content-Security-Policy (strict on the site, looser
only in the Wagtail admin), Permissions-Policy and the others."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.template import loader
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.finders import get_finders
from wagtail.embeds.models import Embed

from knowledge.models import DossierPage, ThemePage
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]

SITE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; "
    "frame-src https://www.youtube.com https://player.vimeo.com; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
ADMIN_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self'; "
    "frame-src 'self' https://www.youtube.com https://player.vimeo.com; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'self'"
)
PERMISSIONS = (
    "browsing-topics=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), hid=(), interest-cohort=(), magnetometer=(), "
    "microphone=(), midi=(), payment=(), serial=(), usb=()"
)


def _directives(policy: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/accounts/login/",
        "/accounts/signup/",
        "/nieuwsbrief/",
        "/zoeken/?q=roadshow",
        "/interventietool/",
        "/bestaat-niet/",
    ],
)
def test_public_pages_get_the_strict_policy(client, home_page, path):
    response = client.get(path)
    assert _directives(response["Content-Security-Policy"]) == _directives(SITE_POLICY)
    assert "unsafe" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Permissions-Policy"] == PERMISSIONS
    assert response["X-Frame-Options"] == "DENY"


def test_only_the_admin_allows_inline_code(client, editor):
    login_with_second_factor(client, editor)
    response = client.get("/admin/pages/")
    assert response.status_code == 200
    assert _directives(response["Content-Security-Policy"]) == _directives(ADMIN_POLICY)
    # The admin's login goes through allauth, outside /admin/: strict there.
    response = client.get("/accounts/login/")
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_page_preview_may_be_framed_by_the_admin(client, editor, home_page):
    theme = home_page.add_child(instance=ThemePage(title="Gebiedsverbod"))
    login_with_second_factor(client, editor)
    response = client.get(f"/admin/pages/{theme.pk}/edit/preview/")
    assert response.status_code == 200
    # The preview passes through the site's middleware as a public page
    # would; the admin's policy replaces the site's frame-ancestors 'none'.
    assert response.headers["Content-Security-Policy"].count("frame-ancestors") == 1
    assert _directives(response["Content-Security-Policy"])["frame-ancestors"] == (
        "'self'"
    )
    assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.parametrize(
    ("url", "player"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed",
        ),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
    ],
)
def test_video_players_come_from_origins_the_policy_allows(
    client, home_page, url, player
):
    # The oEmbed answer as the provider gives it, stored so no network is used.
    Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        type="video",
        html=f'<iframe width="200" height="113" src="{player}" title="Video"></iframe>',
    )
    dossier = home_page.add_child(instance=DossierPage(title="Webdossier"))
    theme = dossier.add_child(
        instance=ThemePage(
            title="Een video",
            body=[("video", {"video": url, "title": "Uitleg", "transcript": ""})],
        )
    )
    response = client.get(theme.url)
    source = re.search(r'<iframe[^>]* src="([^"]+)"', response.content.decode())[1]
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(source))
    frame_src = _directives(response["Content-Security-Policy"])["frame-src"]
    assert origin in frame_src.split()


def test_video_blocks_refuse_sites_the_policy_does_not_allow():
    def accepted(url: str) -> bool:
        return any(finder.accept(url) for finder in get_finders())

    assert accepted("https://youtu.be/dQw4w9WgXcQ")
    assert accepted("https://vimeo.com/76979871")
    assert not accepted("https://www.dailymotion.com/video/x8abcd")
    assert not accepted("https://www.tiktok.com/@gemeente/video/1234")


TEMPLATE_DIRS = [ROOT / "templates"] + [
    path for path in ROOT.glob("*/templates") if path.parent.name != ".venv"
]
INLINE = re.compile(
    r"""\sstyle\s*=|\son[a-z]+\s*=|<script|<style|javascript:""", re.IGNORECASE
)


def test_templates_hold_no_inline_styles_scripts_or_handlers():
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0).strip()}"
        for folder in TEMPLATE_DIRS
        for path in folder.rglob("*.html")
        if "/email/" not in str(path)
        for match in INLINE.finditer(path.read_text())
    ]
    assert offenders == []
    assert any(folder.name == "templates" for folder in TEMPLATE_DIRS)


def test_server_error_page_styles_come_from_a_file():
    html = loader.get_template("500.html").render()
    assert "style=" not in html
    assert 'href="/static/css/error.css"' in html
    assert (ROOT / "static/css/error.css").exists()
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"] == ["'self'"]
