"""axe-core (WCAG 2.1 A and AA) on every page template of the site, in Chromium.

``PAGES`` maps each page-level template (one that draws a whole page: it
extends ``base.html`` or allauth's layout, or is a document of its own) to the
visits that render it, each as the role that sees it. ``EXCLUDED`` names the
templates that are no public page, with the reason.
``test_every_page_template_is_checked`` (no browser) fails on a new template
in neither.
"""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site as WagtailSite

from events.services import registration_create
from events.topics import topic_follow
from knowledge.models import AccessibilityStatementPage
from knowledge.seed import accessibility_statement_build
from surveys.models import SurveyResponse
from tests.access_fixtures import World
from tests.casebook.factories import CasePageFactory
from tests.conftest import PASSWORD, totp_code
from tests.events.factories import EventPageFactory
from tests.interventions.factories import InterventionFactory, situation
from tests.second_factor import login_with_second_factor
from tests.surveys.factories import survey as survey_page

ROLES = ("visitor", "unapproved", "member", "expert", "adviser")


@dataclass(frozen=True)
class Visit:
    """One page to check: its address (from the built site) as ``role``,
    the status it answers with, and a browser step before the check."""

    role: str
    path: Callable[["Site"], str]
    status: int = 200
    step: Callable[..., None] | None = None


def _url(name: str, **kwargs) -> Callable[["Site"], str]:
    return lambda site: reverse(name, kwargs=kwargs or None)


def _object_url(name: str, key: str, attr: str = "pk") -> Callable[["Site"], str]:
    return lambda site: reverse(name, kwargs={key: getattr(site.objects[attr], key)})


def _page(attr: str) -> Callable[["Site"], str]:
    return lambda site: site.objects[attr].url


def _accessibility_statement() -> str:
    """The demo's statement: the model's headings, a table of facts per
    known problem."""
    home = WagtailSite.objects.get(is_default_site=True).root_page
    accessibility_statement_build(home=home, report=lambda created: None)
    return AccessibilityStatementPage.objects.get().url


def _submit_empty_signup(page) -> None:
    page.get_by_role("button", name="Account aanvragen").click()
    page.wait_for_selector(".field__errors")


def _sign_up_for_newsletter(page) -> None:
    # The message after a redirect, as every form's success shows it.
    page.get_by_label("E-mailadres").fill("lezer@gemeente.example")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_selector(".messages, [role=status]")


def _submit_form_of(button: str):
    """Send the form of ``button`` as it is (empty): the page with errors."""

    def step(page) -> None:
        page.get_by_role("button", name=button).click()
        page.wait_for_selector(".error-summary")

    return step


def _submit_empty_wish(page) -> None:
    page.get_by_role("button", name="Dit onderwerp voorstellen").click()
    page.wait_for_selector(".field__errors")


def _fill_evaluation(page, better: str = "") -> None:
    page.get_by_label("4", exact=True).check()
    page.get_by_label("Ja", exact=True).check()
    if better:
        page.get_by_label("Wat kan beter?").fill(better)
    page.get_by_role("button", name="Mijn antwoorden versturen").click()


def _answer_evaluation(page) -> None:
    _fill_evaluation(page)
    page.wait_for_selector("text=Bedankt voor uw antwoorden")


def _answer_with_personal_data(page) -> None:
    _fill_evaluation(page, better="Bel Jan de Vries op 06-12345678.")
    page.wait_for_selector(".guard")


def _submit_empty_newsletter(page) -> None:
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_selector(".field__errors")


PAGES: dict[str, list[Visit]] = {
    # --- content pages (Wagtail) -------------------------------------------
    "templates/home/home_page.html": [Visit("visitor", lambda site: "/")],
    "templates/knowledge/dossier_page.html": [Visit("visitor", _page("dossier"))],
    "templates/knowledge/theme_page.html": [Visit("visitor", _page("theme_page"))],
    "templates/knowledge/meeting_report_page.html": [
        Visit("visitor", _page("meeting_report"))
    ],
    "templates/knowledge/information_page.html": [
        Visit("visitor", _page("information_page"))
    ],
    "templates/knowledge/accessibility_statement_page.html": [
        Visit("visitor", lambda site: _accessibility_statement())
    ],
    "templates/knowledge/news_index_page.html": [
        Visit("visitor", _page("news_index")),
        Visit("visitor", lambda site: site.objects["news_index"].url + "?jaar=1990"),
    ],
    "templates/knowledge/news_page.html": [Visit("visitor", _page("news_page"))],
    "templates/knowledge/publication_index_page.html": [
        Visit("visitor", _page("publication_index")),
        Visit(
            "visitor",
            lambda site: site.objects["publication_index"].url + "?soort=x&jaar=1990",
        ),
        Visit("member", _page("publication_index")),
    ],
    "templates/knowledge/publication_page.html": [
        Visit("visitor", _page("publication")),
        Visit("member", _page("publication_members")),
    ],
    "templates/events/event_index_page.html": [
        Visit("visitor", _page("event_index")),
        Visit("visitor", lambda site: site.objects["event_index"].url + "?regio=x"),
        Visit(
            "member", lambda site: site.objects["event_index"].url + "?regio=utrecht"
        ),
    ],
    "templates/events/event_page.html": [
        Visit("visitor", _page("event")),  # registration open
        Visit("visitor", _page("event_full")),  # full: the waiting list
        Visit("visitor", _page("event_closed")),
        Visit("member", _page("event")),  # registered
    ],
    "templates/casebook/case_index_page.html": [
        Visit("visitor", _page("case_index")),
        Visit("member", lambda site: site.objects["case_index"].url + "?regio=x"),
    ],
    "templates/casebook/case_page.html": [Visit("member", _page("case_page"))],
    "templates/community/policybook/policy_book_index_page.html": [
        Visit("visitor", _page("policy_book_index"))
    ],
    "templates/community/policybook/policy_book_page.html": [
        Visit("visitor", _page("policy_book"))
    ],
    # --- surveys: the form, with errors, with the guard's question, closed,
    # answered already; the thank-you page; a participants' survey without
    # a valid link ------------------------------------------------------------
    "templates/surveys/survey_index_page.html": [
        Visit("visitor", _page("survey_index")),
        Visit("member", _page("survey_index")),
    ],
    "templates/surveys/survey_page.html": [
        Visit("visitor", _page("survey")),
        Visit(
            "visitor",
            _page("survey"),
            step=_submit_form_of("Mijn antwoorden versturen"),
        ),
        Visit("visitor", _page("survey"), step=_answer_with_personal_data),
        Visit("visitor", _page("survey_closed")),
        Visit("member", _page("survey_members")),  # answered already
        Visit("member", _page("survey_participants")),  # registered: no link
    ],
    "templates/surveys/survey_page_landing.html": [
        Visit(
            "expert", lambda site: site.objects["survey_link"], step=_answer_evaluation
        )
    ],
    "templates/surveys/link_invalid.html": [
        Visit("visitor", _page("survey_participants"), 404)
    ],
    # --- tools, search, newsletter, links from mails -----------------------
    "templates/interventions/tool.html": [
        Visit("visitor", _url("interventions:tool")),
        Visit(
            "visitor",
            lambda site: (
                reverse("interventions:tool")
                + "?fase=mobilisatie&classificatie=onrechtmatig&actor=gemeente"
            ),
        ),
        Visit("visitor", lambda site: reverse("interventions:tool") + "?fase="),
    ],
    "templates/search/search.html": [
        Visit("visitor", lambda site: reverse("search") + "?q=leerkring"),
        Visit("visitor", lambda site: reverse("search") + "?q=zzzzonbekend"),
        Visit("visitor", _url("search")),
        # Members also find discussions and experts: first hits of each,
        # and the list of one source.
        Visit("member", lambda site: reverse("search") + "?q=monitoring"),
        Visit("member", lambda site: reverse("search") + "?q=wijk&type=discussies"),
    ],
    "templates/newsletter/signup.html": [
        Visit("visitor", _url("newsletter:signup")),
        Visit("visitor", _url("newsletter:signup"), step=_submit_empty_newsletter),
        Visit("visitor", _url("newsletter:signup"), step=_sign_up_for_newsletter),
    ],
    "templates/newsletter/confirm.html": [
        Visit("visitor", lambda site: site.objects["subscriber_confirm"])
    ],
    "templates/newsletter/unsubscribe.html": [
        Visit("visitor", lambda site: site.objects["subscriber_unsubscribe"])
    ],
    "templates/newsletter/link_invalid.html": [
        Visit("visitor", _url("newsletter:unsubscribe", token="x"), status=404)
    ],
    "templates/events/registration_action.html": [
        Visit("visitor", lambda site: site.objects["registration_cancel"])
    ],
    "templates/events/registration_link_invalid.html": [
        Visit("visitor", _url("events:registration_cancel", token="x"), status=404)
    ],
    "templates/events/topic_unsubscribe.html": [
        Visit("visitor", lambda site: site.objects["topic_unsubscribe"])
    ],
    "templates/events/topic_unsubscribe_invalid.html": [
        Visit("visitor", _url("events:topic_unsubscribe", token="x"), status=400)
    ],
    "templates/community/unfollow.html": [
        Visit("visitor", lambda site: site.objects["unfollow"])
    ],
    "templates/community/unfollow_invalid.html": [
        Visit("visitor", _url("community:unfollow_by_link", token="x"), status=400)
    ],
    # --- errors -------------------------------------------------------------
    "templates/404.html": [Visit("visitor", lambda site: "/bestaat-niet/", 404)],
    "templates/400.html": [Visit("visitor", lambda site: "/zoeken/?q=%00", 400)],
    "templates/403.html": [
        Visit("member", _object_url("community:thread_lock", "pk", "thread"), 403)
    ],
    # Rendered through the rate limit (429) or the template alone (500) in
    # the fixture, then shown at the site's address so the CSS loads.
    "templates/429.html": [Visit("visitor", lambda site: "html:429")],
    "templates/500.html": [Visit("visitor", lambda site: "html:500")],
    # --- accounts (allauth, in the site's layout) --------------------------
    "templates/account/login.html": [Visit("visitor", _url("account_login"))],
    "templates/account/signup.html": [
        Visit("visitor", _url("account_signup")),
        Visit("visitor", _url("account_signup"), status=200, step=_submit_empty_signup),
    ],
    "templates/account/verification_sent.html": [
        Visit("visitor", _url("account_email_verification_sent"))
    ],
    "templates/allauth/layouts/base.html": [
        Visit("visitor", _url("account_reset_password")),
        Visit("visitor", _url("account_reset_password_done")),
        Visit("member", _url("account_email")),
        Visit("member", _url("account_change_password")),
        Visit("member", _url("mfa_index")),
        # The adviser's second step of logging in: see _log_in_adviser.
        Visit("adviser", lambda site: "mfa:authenticate"),
    ],
    "templates/accounts/overview.html": [Visit("member", _url("accounts:overview"))],
    "templates/accounts/delete.html": [Visit("member", _url("accounts:delete"))],
    "templates/accounts/profile.html": [Visit("member", _url("accounts:profile"))],
    "templates/accounts/members_only.html": [
        Visit("unapproved", _url("community:home"), 403)
    ],
    # --- community ----------------------------------------------------------
    "templates/community/home.html": [Visit("member", _url("community:home"))],
    "templates/community/recent.html": [Visit("member", _url("community:recent"))],
    "templates/community/theme.html": [
        Visit("member", _object_url("community:theme", "slug", "theme"))
    ],
    "templates/community/thread.html": [
        Visit("member", _object_url("community:thread", "pk", "thread")),
        Visit("adviser", _object_url("community:thread", "pk", "thread")),
    ],
    "templates/community/topic_wishes.html": [
        Visit("member", _object_url("community:topic_wishes", "pk", "cop_meeting")),
        Visit("expert", _object_url("community:topic_wishes", "pk", "cop_meeting")),
        Visit(
            "member",
            _object_url("community:topic_wishes", "pk", "cop_meeting"),
            step=_submit_empty_wish,
        ),
    ],
    "templates/community/topic_wishes_choose.html": [
        Visit(
            "adviser",
            _object_url("community:topic_wishes_choose", "pk", "cop_meeting"),
        ),
    ],
    "templates/community/thread_form.html": [
        Visit("member", _object_url("community:thread_create", "slug", "theme"))
    ],
    "templates/community/post_edit.html": [
        Visit("member", _object_url("community:post_edit", "pk", "post"))
    ],
    # --- casebook -----------------------------------------------------------
    "templates/casebook/case_list.html": [Visit("member", _url("casebook:mine"))],
    "templates/casebook/case_form.html": [
        Visit("member", _url("casebook:new")),
        Visit("member", _object_url("casebook:edit", "pk", "case_draft")),
    ],
    "templates/casebook/case_preview.html": [
        Visit("member", _object_url("casebook:preview", "pk", "case_draft"))
    ],
    "templates/casebook/case_detail.html": [
        Visit("member", _object_url("casebook:detail", "pk", "case_submitted"))
    ],
    "templates/casebook/case_withdraw.html": [
        Visit("member", _object_url("casebook:withdraw", "pk", "case_submitted"))
    ],
    "templates/casebook/members_only.html": [
        Visit("unapproved", _url("casebook:new"), 403)
    ],
    "templates/casebook/not_found.html": [
        Visit("visitor", _object_url("casebook:detail", "pk", "case_submitted"), 404)
    ],
    # --- expert network -----------------------------------------------------
    "templates/experts/directory.html": [Visit("member", _url("experts:directory"))],
    "templates/experts/not_an_expert.html": [
        Visit("member", _url("experts:my_profile"))
    ],
    "templates/experts/my_profile.html": [Visit("expert", _url("experts:my_profile"))],
    "templates/experts/request_list.html": [Visit("member", _url("experts:requests"))],
    "templates/experts/request_form.html": [
        Visit("member", _url("experts:request_new"))
    ],
    "templates/experts/request_detail.html": [
        Visit("member", _object_url("experts:request", "pk", "help_request")),
        Visit("expert", _object_url("experts:request", "pk", "help_request")),
    ],
    "templates/experts/request_assign.html": [
        Visit("adviser", _object_url("experts:assign", "pk", "help_request"))
    ],
    "templates/experts/coffee.html": [
        Visit("member", _url("experts:coffee")),
        Visit(
            "member",
            _url("experts:coffee"),
            step=_submit_form_of("Deze tijd reserveren"),
        ),
    ],
    "templates/experts/coffee_host.html": [
        Visit("expert", _url("experts:coffee_host")),
        Visit(
            "expert",
            _url("experts:coffee_host"),
            step=_submit_form_of("Deze tijd toevoegen"),
        ),
    ],
    "templates/experts/coffee_confirm.html": [
        Visit("member", _object_url("experts:coffee_cancel", "pk", "coffee_booking")),
        Visit("expert", _object_url("experts:coffee_cancel", "pk", "coffee_booking")),
        Visit("expert", _object_url("experts:coffee_slot_remove", "pk", "coffee_slot")),
    ],
    "templates/experts/coffee_not_a_host.html": [
        Visit("member", _url("experts:coffee_host"), 403)
    ],
    "templates/experts/not_found.html": [
        Visit("visitor", _object_url("experts:request", "pk", "help_request"), 404)
    ],
}

EXCLUDED: dict[str, str] = {
    "templates/base.html": "the layout every page extends, checked through them",
    "templates/community/policybook/pdf.html": "printed to PDF, never served",
    "templates/knowledge/publications/file_pdf.html": "printed to PDF, never served",
}
# Wagtail admin screens: the admin's own layout, for advisers only.
ADMIN_LAYOUT = '{% extends "wagtailadmin/'

TEMPLATE_DIRS = [Path(settings.BASE_DIR) / "templates"] + [
    path
    for path in Path(settings.BASE_DIR).glob("*/templates")
    if not path.parent.name.startswith(".")
]
PAGE_LEVEL = re.compile(r"\{% extends |<!DOCTYPE|<html", re.IGNORECASE)


def _page_templates() -> set[str]:
    found = set()
    for folder in TEMPLATE_DIRS:
        for path in folder.rglob("*.html"):
            text = path.read_text(encoding="utf-8")
            if PAGE_LEVEL.search(text) and ADMIN_LAYOUT not in text:
                found.add(str(path.relative_to(settings.BASE_DIR)))
    return found


def test_every_page_template_is_checked():
    templates = _page_templates()
    assert len(templates) > 40, "the template folders were not found"
    missing = templates - set(PAGES) - set(EXCLUDED)
    assert not missing, f"page templates without an axe visit: {sorted(missing)}"
    stale = (set(PAGES) | set(EXCLUDED)) - templates
    assert not stale, f"no such page templates: {sorted(stale)}"


class Site:
    """Every object the visits need, built before the browser starts (the
    ORM must not run while Playwright holds the test thread's event loop)."""

    def __init__(self, world: World, adviser):
        self.world = world
        self.adviser = adviser
        w = world
        full = EventPageFactory(parent=w.event_index, slug="vol", capacity=1)
        for user in (w.accounts["other_member"], w.accounts["expert"]):
            registration_create(
                event=full,
                user=user,
                name=user.get_full_name(),
                organisation=user.organisation,
                job_title=user.job_title,
                email=user.email,
            )
        closed = EventPageFactory(
            parent=w.event_index, slug="gesloten", registration_closed=True
        )
        _interventions()
        _near_and_followed(w)
        self.objects = {
            name: getattr(w, name)
            for name in (
                "dossier theme_page meeting_report information_page news_index "
                "news_page event_index event case_index case_page "
                "policy_book_index policy_book theme thread post case_draft "
                "case_submitted help_request registration coffee_slot "
                "coffee_booking cop_meeting topic_wish publication_index "
                "publication publication_members survey survey_members "
                "survey_participants"
            ).split()
        }
        self.objects |= _surveys(w)
        self.objects |= {
            "event_full": full,
            "event_closed": closed,
            "registration_cancel": reverse(
                "events:registration_cancel",
                kwargs={"token": w.registration_token("cancel")},
            ),
            "subscriber_confirm": reverse(
                "newsletter:confirm", kwargs={"token": w.subscriber_token("confirm")}
            ),
            "subscriber_unsubscribe": reverse(
                "newsletter:unsubscribe",
                kwargs={"token": w.subscriber_token("unsubscribe")},
            ),
            "unfollow": reverse(
                "community:unfollow_by_link", kwargs={"token": w.unfollow_token()}
            ),
            "topic_unsubscribe": reverse(
                "events:topic_unsubscribe",
                kwargs={"token": w.topic_unsubscribe_token()},
            ),
        }
        self.html = {"429": _too_many_attempts(), "500": render_to_string("500.html")}
        self.sessions = {
            role: _session(w.accounts[role]) for role in ("unapproved", "member")
        }
        self.sessions["expert"] = _session(w.accounts["expert"])


def _surveys(w: World) -> dict:
    """The index, a closed survey, the member's answer to the members'
    survey, and the member's mailed link to the evaluation."""
    closed = survey_page(
        title="Gesloten enquête",
        slug="gesloten",
        closes_at=timezone.now() - dt.timedelta(days=1),
    )
    member = w.accounts["member"]
    SurveyResponse.objects.create(
        page=w.survey_members, respondent=f"user:{member.pk}", user=member, form_data={}
    )
    return {
        "survey_index": w.survey.get_parent(),
        "survey_closed": closed,
        "survey_link": w.survey_link(),
    }


def _near_and_followed(w: World) -> None:
    """The member lives in Utrecht and follows roadshows there: the overview
    shows "near you" and the followed kinds, the agenda the follow form."""
    member = w.accounts["member"]
    member.home_region = "utrecht"
    member.save()
    topic_follow(user=member, kind="roadshow", home_region_only=True)
    EventPageFactory(
        parent=w.event_index, slug="roadshow-utrecht", kind="roadshow", region="utrecht"
    )
    CasePageFactory(parent=w.case_index, slug="casus-utrecht", province="utrecht")


def _interventions() -> None:
    s = situation()
    InterventionFactory(
        title="Gebiedsverbod",
        phases=[s["mobilisatie"]],
        classifications=[s["onrechtmatig"]],
        actors=[s["gemeente"]],
    )


def _too_many_attempts() -> str:
    """allauth's answer once its limit on account requests is reached."""
    client = Client()
    for _attempt in range(12):
        response = client.post(reverse("account_signup"), {})
        if response.status_code == 429:
            cache.clear()
            return response.content.decode()
    raise AssertionError("the account request limit never answered 429")


def _session(user) -> str:
    client = Client()
    login_with_second_factor(client, user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture
def site(home_page, editor, settings) -> Site:
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "1/h/ip"}
    return Site(World(home_page), editor)


def _log_in_adviser(page, base: str, site: Site, axe) -> None:
    """Through the form, so the second-factor page is checked on the way."""
    page.goto(base + reverse("account_login"))
    page.get_by_label("E-mail").fill(site.adviser.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/2fa/**")
    axe(page)
    page.get_by_label("Code", exact=True).fill(totp_code(site.adviser.totp_secret))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(lambda url: "/2fa/" not in url)


def _check_as(role: str, page, base: str, site: Site, axe) -> None:
    if role in site.sessions:
        cookie = {"name": settings.SESSION_COOKIE_NAME, "url": base}
        page.context.add_cookies([cookie | {"value": site.sessions[role]}])
    for template, visits in PAGES.items():
        for visit in (visit for visit in visits if visit.role == role):
            path = visit.path(site)
            if path == "mfa:authenticate":
                _log_in_adviser(page, base, site, axe)
                continue
            if path.startswith("html:"):
                page.goto(base + "/bestaat-niet/")
                page.set_content(site.html[path.removeprefix("html:")])
            else:
                response = page.goto(base + path)
                assert response.status == visit.status, (
                    template,
                    path,
                    response.status,
                )
            if visit.step:
                visit.step(page)
            try:
                axe(page)
            except AssertionError as error:
                raise AssertionError(
                    f"{template} at {path} as {role}:\n{error}"
                ) from None


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_page_has_no_axe_violations(site, live_server, new_page, axe):
    # One browser context, so one log-in, per role; the database is built
    # once for all of them.
    for role in ROLES:
        _check_as(role, new_page(), live_server.url, site, axe)


PAGES_DEMO = [
    "/",
    "/online-aangejaagde-ordeverstoringen/",
    "/online-aangejaagde-ordeverstoringen/leerkring-online-openbare-orde/",
    "/online-aangejaagde-ordeverstoringen/verslag-deskundigenbijeenkomst-oaov/",
    "/toegankelijkheidsverklaring/",
    "/nieuws/",
    "/nieuws/?categorie=onbekend",
    "/nieuws/?tag=oaov&jaar=2024",
    "/nieuws/geslaagde-roadshow-online-aangejaagde-ordeverstoringen/",
    "/bijeenkomsten/",
    "/bijeenkomsten/?soort=roadshow&maand=2099-01",
    "/bijeenkomsten/cop-ondermijning-en-burgerinitiatieven/",
    "/zoeken/?q=roadshow",
    # The library, and a word found inside a publication's PDF
    "/publicaties/",
    "/publicaties/?soort=onderzoek&jaar=2024",
    "/publicaties/fenomeenkaart-online-aangejaagde-ordeverstoringen/",
    "/zoeken/?q=veldwerk",
    # "Did you mean", and the interventions of the tool among the results
    "/zoeken/?q=dwansgom",
    "/zoeken/?q=dwangsommen",
    "/zoeken/?q=noodbevel&type=interventie",
]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_demo_content_has_no_axe_violations(live_server, new_page, axe, home_page):
    """The demo's rich text, images and tags, as editors would write them."""
    call_command("load_demo", verbosity=0)
    page = new_page()
    for path in PAGES_DEMO:
        page.goto(live_server.url + path)
        axe(page)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_form_with_errors_has_no_axe_violations(live_server, new_page, axe, home_page):
    page = new_page()
    page.goto(live_server.url + "/accounts/signup/")
    page.get_by_role("button", name="Account aanvragen").click()
    page.wait_for_selector(".field__errors")
    axe(page)
    # The first error is announced with its field.
    described_by = page.get_by_label("Voornaam").get_attribute("aria-describedby")
    assert "id_first_name_error" in described_by


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_keyboard_user_reaches_the_content_first(live_server, new_page, home_page):
    page = new_page()
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
