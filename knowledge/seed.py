"""Demo content for the web dossier and the news (see ``manage.py load_demo``)."""

import datetime as dt

from django.contrib.auth.models import Group
from django.utils.text import slugify
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText

from portal.accounts.roles import ADVISERS_GROUP, MEMBERS_GROUP
from portal.core.demo import Report, child_ensure

from . import seed_content as content
from .models import (
    AccessibilityStatementPage,
    Adviser,
    DossierPage,
    InformationPage,
    MeetingReportPage,
    NewsIndexPage,
    NewsPage,
    ThemePage,
)
from .publications.seed import publications_build


def _stream(body: list[tuple[str, object]]) -> list[tuple[str, object]]:
    return [
        (kind, RichText(value) if kind == "paragraph" else value)
        for kind, value in body
    ]


def _theme(*, dossier: Page, spec: tuple, report: Report) -> ThemePage:
    slug, title, intro, body = spec
    return child_ensure(
        parent=dossier,
        model=ThemePage,
        slug=slug,
        fields={"title": title, "intro": intro, "body": _stream(body)},
        report=report,
    )


def _restrict_to_members(page: Page) -> None:
    restriction, _created = PageViewRestriction.objects.get_or_create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(
        Group.objects.filter(name__in=[MEMBERS_GROUP, ADVISERS_GROUP])
    )


def _meeting_report(*, dossier: Page, report: Report) -> None:
    spec = content.MEETING_REPORT
    if (
        Page.objects.child_of(dossier)
        .filter(slug=spec["slug"])
        .not_type(MeetingReportPage)
        .exists()
    ):
        # A database filled by an older demo holds the report as a theme
        # page; an adviser may have edited it, so it stays as it is.
        report(False)
        return
    adviser = Adviser.objects.filter(name=spec["adviser"]).first()
    child_ensure(
        parent=dossier,
        model=MeetingReportPage,
        slug=spec["slug"],
        fields={
            "title": spec["title"],
            "meeting_date": spec["meeting_date"],
            "location": spec["location"],
            "intro": spec["intro"],
            "rounds": [
                ("round", {"theme": t, "question": q, "findings": RichText(f)})
                for t, q, f in spec["rounds"]
            ],
            "conclusion": spec["conclusion"],
            "body": [("paragraph", RichText(spec["further"]))]
            + ([("adviser", {"adviser": adviser})] if adviser else []),
        },
        report=report,
    )


def dossier_build(*, home: Page, report: Report) -> DossierPage:
    dossier = child_ensure(
        parent=home,
        model=DossierPage,
        slug=content.DOSSIER["slug"],
        fields={
            "title": content.DOSSIER["title"],
            "intro": content.DOSSIER["intro"],
            "show_in_menus": True,
        },
        report=report,
    )
    for spec in content.THEMES:
        _theme(dossier=dossier, spec=spec, report=report)
    _meeting_report(dossier=dossier, report=report)
    _restrict_to_members(
        _theme(dossier=dossier, spec=content.MEMBERS_PAGE, report=report)
    )
    return dossier


def news_build(*, home: Page, report: Report) -> NewsIndexPage:
    index = child_ensure(
        parent=home,
        model=NewsIndexPage,
        slug=content.NEWS_INDEX["slug"],
        fields={
            "title": content.NEWS_INDEX["title"],
            "intro": content.NEWS_INDEX["intro"],
            "show_in_menus": True,
        },
        report=report,
    )
    for category, date, title, teaser, tags in content.NEWS:
        child_ensure(
            parent=index,
            model=NewsPage,
            slug=slugify(title)[:80].strip("-"),
            fields={
                "title": title,
                "category": category,
                "date": date,
                "teaser": teaser,
                "body": [("paragraph", RichText(f"<p>{teaser}</p>"))],
            },
            report=report,
            prepare=lambda page, tags=tags: page.tags.set(tags),
        )
    return index


def advisers_build() -> None:
    for name, role, email, topics in content.ADVISERS:
        Adviser.objects.get_or_create(
            name=name, defaults={"role": role, "email": email, "topics": topics}
        )


def statements_build(*, home: Page, report: Report) -> None:
    for slug, title, intro, body in content.STATEMENTS:
        child_ensure(
            parent=home,
            model=InformationPage,
            slug=slug,
            fields={
                "title": title,
                "intro": intro,
                "body": _stream(body),
                "show_in_footer": True,
                "last_reviewed": dt.date(2026, 11, 1),
            },
            report=report,
        )


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def accessibility_statement_build(*, home: Page, report: Report) -> None:
    spec = dict(content.ACCESSIBILITY_STATEMENT)
    slug = spec.pop("slug")
    if (
        Page.objects.child_of(home)
        .filter(slug=slug)
        .not_type(AccessibilityStatementPage)
        .exists()
    ):
        # A site loaded before the statement had its own page type keeps the
        # page its advisers may have edited.
        report(False)
        return
    issues = [
        ("issue", {**issue, "planned": issue["planned"] and _date(issue["planned"])})
        for issue in spec.pop("issues")
    ]
    child_ensure(
        parent=home,
        model=AccessibilityStatementPage,
        slug=slug,
        fields={
            **spec,
            "statement_date": _date(spec["statement_date"]),
            "evaluated_on": _date(spec["evaluated_on"]),
            "issues": issues,
            "show_in_footer": True,
            "last_reviewed": dt.date(2026, 12, 1),
        },
        report=report,
    )


def demo_build(*, home: Page, report: Report, **kwargs) -> None:
    """Receiver of ``demo_content_requested``."""
    advisers_build()
    dossier_build(home=home, report=report)
    news_build(home=home, report=report)
    publications_build(home=home, report=report)
    accessibility_statement_build(home=home, report=report)
    statements_build(home=home, report=report)
