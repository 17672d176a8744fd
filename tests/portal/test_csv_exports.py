"""Every CSV the platform writes defuses spreadsheet formulas: a member's case
title "=SUM(…)" came out of the site history's export as a formula.

The exports are found in the URL configuration, not listed by hand: a view of
Wagtail's SpreadsheetExportMixin with columns to export, or one of our own
downloads (an address ending in .csv, or a URL named "export"). Each one
found must have a scenario below that puts a hostile value where it exports
it, or a stated reason why it has none; a new export fails this test until it
gets one.
"""

import csv
import io

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import URLResolver, get_resolver, reverse
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.forms.views import SubmissionsListView
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Workflow

from events.models import Registration
from portal.core.spreadsheets import FORMULA_STARTS, cell_safe, csv_bytes
from tests.accounts.factories import AdviserFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.newsletter.factories import SubscriberFactory
from tests.second_factor import login_with_second_factor

HOSTILE = "=SUM(1+1)*cmd|' /C calc'!A0"
PREFIXED = [start + "1+1" for start in FORMULA_STARTS]


def _walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(n for n in (namespace, pattern.namespace) if n) or None
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        else:
            name = ":".join(n for n in (namespace, pattern.name) if n)
            yield prefix + str(pattern.pattern), name, pattern.callback


def _export_columns(callback) -> list[str]:
    view_class = getattr(callback, "view_class", None)
    initkwargs = getattr(callback, "view_initkwargs", {})
    return list(initkwargs.get("list_export", view_class.list_export))


def csv_exports() -> set[str]:
    """The URL names of every CSV export in the URL configuration."""
    found = set()
    for route, name, callback in _walk(get_resolver().url_patterns):
        view_class = getattr(callback, "view_class", None)
        if view_class and issubclass(view_class, SpreadsheetExportMixin):
            if _export_columns(callback):
                found.add(name)
        elif route.endswith(".csv") or name.endswith(":export"):
            found.add(name)
    return found


def mixin_views() -> set[type]:
    """Every view class of the mixin in the URLs; the form submissions' view
    is reached through a function that picks it, so it is named here."""
    return {
        SubmissionsListView,
        *(
            callback.view_class
            for _route, _name, callback in _walk(get_resolver().url_patterns)
            if issubclass(
                getattr(callback, "view_class", object), SpreadsheetExportMixin
            )
        ),
    }


def _rows(response) -> list[list[str]]:
    assert response.status_code == 200, response.status_code
    body = b"".join(response.streaming_content) if response.streaming else None
    text = (body if body is not None else response.content).decode("utf-8-sig")
    sample = text.splitlines()[0] if text else ""
    return list(csv.reader(io.StringIO(text), delimiter=";" if ";" in sample else ","))


def _assert_defused(rows: list[list[str]]) -> None:
    cells = [cell for row in rows for cell in row]
    assert f"'{HOSTILE}" in cells, cells
    assert not [c for c in cells if c[:1] in FORMULA_STARTS], cells


# Scenarios: each puts HOSTILE where its export writes it, and returns the
# address of the export.


def _hostile_page(home_page, user) -> Page:
    page = home_page.add_child(instance=Page(title=HOSTILE, slug="formule"))
    page.save_revision(user=user, log_action=True).publish(user=user)
    return page


def _site_history(home_page, user, export_name):
    _hostile_page(home_page, user)
    return reverse(export_name)


def _aging_pages(home_page, user, export_name):
    _hostile_page(home_page, user)
    return reverse(export_name)


def _locked_pages(home_page, user, export_name):
    page = _hostile_page(home_page, user)
    page.locked, page.locked_by = True, user
    page.save()
    return reverse(export_name)


def _workflow(home_page, user, export_name):
    page = _hostile_page(home_page, user)
    page.save_revision(user=user)
    workflow = Workflow.objects.filter(active=True).first()
    assert workflow is not None, "the default moderation workflow is missing"
    workflow.start(page, user)
    return reverse(export_name)


def _redirects(home_page, user, export_name):
    Redirect.objects.create(
        old_path="/oud", redirect_link=f"https://x.example/{HOSTILE}"
    )
    Redirect.objects.create(old_path="/ouder", redirect_link=HOSTILE)
    return reverse(export_name)


def _participants(home_page, user, export_name):
    index = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=index)
    Registration.objects.create(
        event=event,
        name=HOSTILE,
        organisation="Gemeente",
        job_title="OOV",
        email="a@gemeente.example",
        status=Registration.Status.CONFIRMED,
        answers=[{"question": "Vraag", "answer": HOSTILE}],
    )
    return reverse(export_name, args=[event.pk])


def _hostile_survey():
    from surveys.models import SurveyResponse
    from tests.surveys.factories import answers, survey

    page = survey(title=HOSTILE)
    SurveyResponse.objects.create(
        page=page, form_data=answers(useful=HOSTILE, better=HOSTILE)
    )
    return page


def _survey_results(home_page, user, export_name):
    return reverse(export_name, args=[_hostile_survey().pk])


def _form_submissions(home_page, user, export_name):
    return reverse(export_name, kwargs={"page_id": _hostile_survey().pk})


def _newsletter(home_page, user, export_name):
    SubscriberFactory(name=HOSTILE)
    return reverse(export_name)


SCENARIOS = {
    "wagtailadmin_reports:site_history": _site_history,
    "wagtailadmin_reports:site_history_results": _site_history,
    "wagtailadmin_reports:aging_pages": _aging_pages,
    "wagtailadmin_reports:aging_pages_results": _aging_pages,
    "wagtailadmin_reports:locked_pages": _locked_pages,
    "wagtailadmin_reports:locked_pages_results": _locked_pages,
    "wagtailadmin_reports:workflow": _workflow,
    "wagtailadmin_reports:workflow_results": _workflow,
    "wagtailadmin_reports:workflow_tasks": _workflow,
    "wagtailadmin_reports:workflow_tasks_results": _workflow,
    "wagtailredirects:index": _redirects,
    "wagtailredirects:index_results": _redirects,
    "event_participants:export": _participants,
    "newsletter_admin:export": _newsletter,
    "survey_results:export": _survey_results,
    # Wagtail's own list of a form page's submissions: the surveys' answers.
    "wagtailforms:list_submissions": _form_submissions,
    "wagtailforms:list_submissions_results": _form_submissions,
}
NOT_CSV = {
    # The holder's own data is a JSON download.
    "accounts:export": "JSON, not CSV",
}


# Found by no rule above: Wagtail reaches a form page's submissions through a
# function that picks the view (see mixin_views), so they are named here.
PICKED_VIEWS = {
    "wagtailforms:list_submissions",
    "wagtailforms:list_submissions_results",
}


def test_every_csv_export_has_a_scenario():
    found = csv_exports()
    assert "wagtailadmin_reports:site_history" in found  # the finder finds
    unlisted = found - set(SCENARIOS) - set(NOT_CSV)
    assert not unlisted, f"CSV exports without a scenario here: {sorted(unlisted)}"
    gone = set(SCENARIOS) - found - PICKED_VIEWS
    assert not gone, f"scenarios for exports that no longer exist: {sorted(gone)}"


@pytest.fixture
def superuser(db):
    user = AdviserFactory(is_superuser=True, is_staff=True)
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.mark.django_db
@pytest.mark.parametrize("export_name", sorted(SCENARIOS))
def test_a_hostile_value_comes_out_defused(client, home_page, superuser, export_name):
    url = SCENARIOS[export_name](home_page, superuser, export_name)
    login_with_second_factor(client, superuser)
    if export_name.startswith("wagtail"):
        url += "?export=csv"
    _assert_defused(_rows(client.get(url)))


@pytest.mark.parametrize("view_class", sorted(mixin_views(), key=str))
def test_every_wagtail_export_defuses_formulas(view_class):
    """Wagtail's listings and reports all prepare their values through the
    one wrapped method, also those whose export we cannot reach here."""
    view = view_class.__new__(view_class)  # the class's settings, no request
    for value in [HOSTILE, *PREFIXED]:
        prepared = view.preprocess_field_value("x", value, "csv")
        assert prepared == "'" + value
    assert view.preprocess_field_value("x", "Leerkring", "csv") == "Leerkring"
    assert view.preprocess_field_value("x", 3, "csv") == 3


@pytest.mark.parametrize("value", PREFIXED)
def test_cell_safe_defuses_every_formula_start(value):
    assert cell_safe(value) == "'" + value
    assert cell_safe(cell_safe(value)) == "'" + value


def test_cell_safe_leaves_ordinary_values():
    for value in ("Gemeente Ede", "2026-01-05 10:00", "", "'al veilig"):
        assert cell_safe(value) == value
    assert cell_safe(None) is None and cell_safe(12) == 12


def test_csv_bytes_defuses_every_cell():
    text = csv_bytes([["kop"], [HOSTILE, "\uff1d1+1", "gewoon"]]).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text), delimiter=";"))[1] == [
        f"'{HOSTILE}",
        "'\uff1d1+1",
        "gewoon",
    ]
