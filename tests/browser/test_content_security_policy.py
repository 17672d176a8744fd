"""Every kind of page works under the strict Content-Security-Policy in
Chromium: nothing the site itself sends is blocked (no inline style or script,
no other origin), and what an attacker would inject is."""

import pytest
from django.core.management import call_command
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from community.models import Thread
from knowledge.models import DossierPage, ThemePage
from tests.conftest import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Runs before the page's own content, so nothing slips by unrecorded.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(
        `${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}`
    );
});
"""
VIDEO_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"

PUBLIC = [
    "/",
    "/online-aangejaagde-ordeverstoringen/",
    "/online-aangejaagde-ordeverstoringen/leerkring-online-openbare-orde/",
    "/online-aangejaagde-ordeverstoringen/verslag-deskundigenbijeenkomst-oaov/",
    "/nieuws/",
    "/nieuws/geslaagde-roadshow-online-aangejaagde-ordeverstoringen/",
    "/bijeenkomsten/",
    "/bijeenkomsten/cop-ondermijning-en-burgerinitiatieven/",
    "/zoeken/?q=roadshow",
    "/interventietool/",
    "/interventietool/?fase=mobilisatie&classificatie=onrechtmatig&actor=gemeente",
    "/nieuwsbrief/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/bestaat-niet/",
]
MEMBERS = [
    "/mijn-account/",
    "/community/",
    "/casuistiek/indienen/",
    "/casuistiek/mijn-casussen/",
    "/experts/",
    "/experts/hulpvragen/nieuw/",
    "/accounts/2fa/",
]


def _page_with_recorder(new_page):
    page = new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return page, console


def _violations(page, console) -> list[str]:
    return page.evaluate("window.cspViolations") + console


def _theme_with_video(home_page) -> ThemePage:
    # The player as YouTube's oEmbed answer gives it, stored: no network.
    Embed.objects.create(
        url=VIDEO_URL,
        hash=get_embed_hash(VIDEO_URL),
        type="video",
        html='<iframe width="200" height="113" title="Video" '
        'src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed"></iframe>',
    )
    dossier = home_page.add_child(instance=DossierPage(title="Webdossier video"))
    return dossier.add_child(
        instance=ThemePage(
            title="Met video",
            body=[("video", {"video": VIDEO_URL, "title": "Uitleg", "transcript": ""})],
        )
    )


def test_site_runs_under_the_policy_without_violations(
    live_server, new_page, home_page, member
):
    call_command("load_demo", verbosity=0)
    video_page = _theme_with_video(home_page)
    thread = Thread.objects.order_by("pk").first()
    page, console = _page_with_recorder(new_page)
    for path in [*PUBLIC, video_page.url]:
        page.goto(live_server.url + path)
        assert _violations(page, console) == [], path
    assert page.goto(live_server.url + video_page.url).ok
    assert page.locator(".video iframe").count() == 1

    # A form with its errors (the account request, sent empty).
    page.goto(live_server.url + "/accounts/signup/")
    page.get_by_role("button", name="Account aanvragen").click()
    page.wait_for_selector(".field__errors")
    assert _violations(page, console) == []

    # The login form, then the members' pages of each app.
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("E-mail").fill(member.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/mijn-account/")
    for path in [*MEMBERS, f"/community/discussie/{thread.pk}/"]:
        response = page.goto(live_server.url + path)
        assert response.ok, path
        assert _violations(page, console) == [], path

    # What an attacker could slip into a page is blocked and reported.
    page.evaluate(
        """document.querySelector("main").insertAdjacentHTML("beforeend",
        '<p style="color: red">x</p><img src="https://elders.example/x.png">')"""
    )
    page.wait_for_function("window.cspViolations.length >= 2")
    blocked = page.evaluate("window.cspViolations")
    assert any(v.startswith("style-src-attr inline") for v in blocked), blocked
    assert any(v.startswith("img-src https://elders.example/") for v in blocked)
