"""Public pages cost the same number of queries however much content exists."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.rich_text import RichText

from events.models import EventIndexPage, EventPage
from knowledge.models import (
    DossierPage,
    InformationPage,
    MeetingReportPage,
    NewsIndexPage,
    NewsPage,
    ThemePage,
)
from tests.queries import page_queries

pytestmark = pytest.mark.django_db


def _add_content(home_page, n: int) -> dict:
    news = NewsIndexPage.objects.first() or home_page.add_child(
        instance=NewsIndexPage(title="Nieuws", slug="nieuws", show_in_menus=True)
    )
    events = EventIndexPage.objects.first() or home_page.add_child(
        instance=EventIndexPage(title="Bijeenkomsten", show_in_menus=True)
    )
    dossier = DossierPage.objects.first() or home_page.add_child(
        instance=DossierPage(title="Webdossier", show_in_menus=True)
    )
    start = timezone.now() + dt.timedelta(days=5)
    for i in range(n):
        news.add_child(
            instance=NewsPage(
                title=f"Bericht {i}",
                category="policy",
                date=dt.date(2024, 1, 1),
                teaser="Tekst",
            )
        )
        events.add_child(
            instance=EventPage(
                title=f"Leerkring {i}",
                kind="leerkring",
                format="online",
                starts_at=start,
                ends_at=start + dt.timedelta(hours=1),
                intro="Tekst",
            )
        )
        dossier.add_child(instance=ThemePage(title=f"Thema {i}", intro="Tekst"))
    return {"news": news.url, "events": events.url, "dossier": dossier.url}


@pytest.mark.parametrize("which", ["home", "news", "events", "dossier"])
def test_query_count_does_not_grow_with_content(client, home_page, which):
    urls = _add_content(home_page, 2)
    urls["home"] = "/"
    few = page_queries(client, urls[which])
    _add_content(home_page, 8)
    assert page_queries(client, urls[which]) == few


# --- Query budgets: every public page type, for a visitor and a member ------
#
# Each page is built with 3 items of what it lists, measured, given 9 more
# and measured again: both counts must equal the budget. A request is
# measured with the cache emptied first, so the budget is the uncached
# render (the anonymous page cache and the feed caches would make it 0 or
# less). Raise a budget only with a reason in the commit message.


def _event(parent, title: str, *, days: int = 5, **fields) -> EventPage:
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=days)
    return parent.add_child(
        instance=EventPage(
            title=title,
            kind="leerkring",
            format="online",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
            intro="Over de wijk.",
            **fields,
        )
    )


def _index(home_page, model, **fields):
    return model.objects.first() or home_page.add_child(
        instance=model(show_in_menus=True, **fields)
    )


def _news(home_page, n: int, start: int) -> NewsIndexPage:
    index = _index(home_page, NewsIndexPage, title="Nieuws", slug="nieuws")
    for i in range(start, start + n):
        page = NewsPage(
            title=f"Bericht over de wijk {i}",
            category="policy",
            date=dt.date(2024, 1, 1) + dt.timedelta(days=i),
            teaser="Over de wijk.",
        )
        page.tags.add(f"label-{i}", "wijk")
        index.add_child(instance=page)
    return index


def _events(home_page, n: int, start: int) -> EventIndexPage:
    index = _index(home_page, EventIndexPage, title="Bijeenkomsten")
    for i in range(start, start + n):
        _event(index, f"Leerkring over de wijk {i}", days=5 + i)
        _event(index, f"Terugblik {i}", days=-30 - i)
    return index


def _themes(home_page, n: int, start: int) -> DossierPage:
    dossier = _index(home_page, DossierPage, title="Webdossier")
    for i in range(start, start + n):
        dossier.add_child(instance=ThemePage(title=f"Thema wijk {i}", intro="Wijk"))
    return dossier


def _body(home_page, n: int) -> list:
    """``n`` of each block that reads the database: page links in text, calls
    to action, advisers."""
    from tests.knowledge.factories import AdviserFactory

    target = _themes(home_page, 1, 10_000).get_children().last()
    blocks = []
    for i in range(n):
        blocks += [
            (
                "paragraph",
                RichText(f'<p><a linktype="page" id="{target.pk}">{i}</a></p>'),
            ),
            (
                "call_to_action",
                {"title": f"Actie {i}", "page": target, "link_text": "Lees"},
            ),
            ("adviser", {"adviser": AdviserFactory()}),
        ]
    return blocks


def _page_with_body(home_page, model, n: int, start: int):
    page = model.objects.filter(slug="met-blokken").first()
    if page is None:
        parent = home_page if model is InformationPage else _themes(home_page, 0, 0)
        page = parent.add_child(instance=model(title="Met blokken", slug="met-blokken"))
    page.body = _body(home_page, start + n)
    page.save()
    return page


def _meeting_report(home_page, n: int, start: int) -> MeetingReportPage:
    page = MeetingReportPage.objects.first() or _themes(home_page, 0, 0).add_child(
        instance=MeetingReportPage(title="Verslag", intro="Tafels")
    )
    rounds = [
        ("round", {"theme": f"Tafel {i}", "question": "Wat?", "findings": "<p>Dit</p>"})
        for i in range(start + n)
    ]
    page.rounds = rounds
    page.body = _body(home_page, start + n)
    page.save()
    return page


def _news_page(home_page, n: int, start: int) -> NewsPage:
    index = _index(home_page, NewsIndexPage, title="Nieuws", slug="nieuws")
    page = NewsPage(
        title=f"Met {start + n} labels",
        category="policy",
        date=dt.date(2024, 1, 1),
        teaser="Tekst",
    )
    page.tags.add(*[f"label-{i}" for i in range(start + n)])
    return index.add_child(instance=page)


def _event_page(home_page, n: int, start: int) -> EventPage:
    from events.models import Registration
    from tests.knowledge.factories import AdviserFactory

    page = EventPage.objects.filter(slug="met-inschrijvingen").first()
    if page is None:
        index = _index(home_page, EventIndexPage, title="Bijeenkomsten")
        page = _event(
            index,
            "Met inschrijvingen",
            slug="met-inschrijvingen",
            capacity=1000,
            contact=AdviserFactory(),
        )
    for i in range(start, start + n):
        Registration.objects.create(
            event=page,
            name=f"Deelnemer {i}",
            organisation="Gemeente",
            job_title="Medewerker",
            email=f"d{i}@gemeente.example",
            status=Registration.Status.CONFIRMED,
        )
    page.agenda = [
        ("item", {"time": dt.time(10, i % 60), "title": f"Punt {i}"})
        for i in range(start + n)
    ]
    page.save()
    return page


def _cases(home_page, n: int, start: int):
    from casebook.models import CaseIndexPage
    from tests.casebook.test_index import publish_case

    index = _index(home_page, CaseIndexPage, title="Casuïstiek", slug="casuistiek")
    for i in range(start, start + n):
        publish_case(
            index,
            f"Casus {i}",
            platforms=["tiktok"],
            tags=[f"label-{i}", "wijk"],
            members_only=bool(i % 2),
        )
    return index


def _case_page(home_page, n: int, start: int):
    from casebook.models import Platform
    from tests.casebook.test_index import publish_case

    index = _cases(home_page, 0, 0)
    for i in range(start, start + n):
        Platform.objects.create(name=f"Platform {i}", slug=f"platform-{i}")
    return publish_case(
        index,
        f"Casus met {start + n} labels",
        platforms=list(Platform.objects.values_list("slug", flat=True)),
        tags=[f"label-{i}" for i in range(start + n)],
    )


def _books(home_page, n: int, start: int):
    from community.models import PolicyBookIndexPage, PolicyBookPage

    index = _index(home_page, PolicyBookIndexPage, title="Beleidsboeken")
    for i in range(start, start + n):
        index.add_child(
            instance=PolicyBookPage(title=f"Beleidsboek {i}", period=f"{2000 + i}-H1")
        )
    return index


def _book(home_page, n: int, start: int):
    from community.models import PolicyBookChapter

    book = _books(home_page, 1 if start == 0 else 0, 0).get_children().first()
    book = book.specific
    for i in range(start, start + n):
        PolicyBookChapter.objects.create(
            page=book, theme_slug=f"thema-{i}", title=f"Thema {i}", sort_order=i
        )
    book.activity = [
        {
            "theme": f"Thema {i}",
            "threads": 1,
            "posts": 2,
            "meetings": 0,
            "participants": 2,
        }
        for i in range(start + n)
    ]
    book.save()
    return book


def _interventions(home_page, n: int, start: int):
    from tests.interventions.factories import InterventionFactory, situation

    s = situation()
    for _i in range(n):
        InterventionFactory(
            phases=[s["mobilisatie"]],
            classifications=[s["onrechtmatig"], s["strafbaar"]],
            actors=[s["gemeente"], s["politie"]],
        )


def _publications(home_page, n: int, start: int):
    from knowledge.models import PublicationIndexPage
    from tests.knowledge.factories import pdf_document, publication

    index = _index(home_page, PublicationIndexPage, title="Publicaties")
    for i in range(start, start + n):
        publication(
            index,
            f"Publicatie over de wijk {i}",
            documents=[pdf_document(f"Bestand {i}", ["Over de wijk"])],
            publisher=f"Uitgever {i % 4}",
            tags=[f"label-{i}", "wijk"],
            members_only=bool(i % 2),
        )
    return index


def _publication(home_page, n: int, start: int):
    from tests.knowledge.factories import pdf_document, publication

    index = _publications(home_page, 0, 0)
    return publication(
        index,
        f"Met {start + n} bestanden",
        documents=[pdf_document(f"Bijlage {i}", ["x"]) for i in range(start + n)],
        tags=[f"label-{i}" for i in range(start + n)],
    )


def _all_lists(home_page, n: int, start: int) -> None:
    _news(home_page, n, start)
    _events(home_page, n, start)
    _themes(home_page, n, start)


def _theme_page(home_page, n: int, start: int) -> ThemePage:
    return _page_with_body(home_page, ThemePage, n, start)


def _information_page(home_page, n: int, start: int) -> InformationPage:
    return _page_with_body(home_page, InformationPage, n, start)


def _nothing(home_page, n: int, start: int) -> None:
    return None


TOOL = "/interventietool/"
TOOL_RESULT = TOOL + "?fase=mobilisatie&classificatie=onrechtmatig&actor=gemeente"

# name: (build(home_page, n, start) -> page or None, url, budget for a
# visitor, budget for a member)
BUDGETS = {
    "home": (_all_lists, "/", 11, 14),
    "dossier": (_themes, None, 13, 16),
    # A theme page and a news item list their publications: the page view
    # restrictions (who may see which) and the publications themselves.
    "theme": (_theme_page, None, 17, 20),
    "meeting_report": (_meeting_report, None, 16, 19),
    "information": (_information_page, None, 14, 17),
    "news_index": (_news, None, 14, 17),
    "news_index_filtered": (_news, "/nieuws/?tag=wijk&jaar=2024", 15, 18),
    "news": (_news_page, None, 14, 17),
    # A member's agenda and event page read the kinds of meeting they
    # follow (one query), for the follow buttons.
    "event_index": (_events, None, 13, 17),
    "event": (_event_page, None, 15, 20),
    # One page type among the results; tests/search/test_query_counts.py
    # measures a mix (a query per page type shown). A member's search also
    # counts the discussions and the experts (tests/search/
    # test_member_sources.py measures their hits). Every search reads the
    # synonym groups (cached, but not here) and counts the interventions. A
    # search that finds little builds the vocabulary of "Did you mean" (the
    # restrictions and one query per page type, publications among them;
    # cached for an hour or until the next publication, so rarely paid
    # outside this measurement).
    "search": (_news, "/zoeken/?q=bericht", 10, 15),
    "search_empty": (_nothing, "/zoeken/?q=zzzonbekend", 16, 21),
    "intervention_tool": (_interventions, TOOL, 7, 10),
    "intervention_result": (_interventions, TOOL_RESULT, 10, 13),
    "newsletter_signup": (_nothing, "/nieuwsbrief/", 4, 7),
    "case_index": (_cases, None, 17, 20),
    "case": (_case_page, None, 14, 17),
    "policy_book_index": (_books, None, 11, 14),
    # The filters offer what visible publications have: themes, publishers
    # and years, one query each.
    "publication_index": (_publications, None, 16, 19),
    "publication_index_filtered": (
        _publications,
        "/publicaties/?soort=fenomeenkaart&uitgever=Uitgever+1&jaar=2024",
        16,
        19,
    ),
    "publication": (_publication, None, 14, 17),
    "policy_book": (_book, None, 13, 16),
    "news_rss": (_news, "/nieuws/rss.xml", 5, 5),
    "news_atom": (_news, "/nieuws/atom.xml", 5, 5),
    "ics_feed": (_events, "/agenda/bijeenkomsten.ics", 3, 3),
    "ics_feed_kind": (_events, "/agenda/leerkring.ics", 3, 3),
    "ics_event": (_event_page, "event_ics", 3, 3),
    "not_found": (_nothing, "/bestaat-niet/", 6, 9),
}


def _measure(client, url: str) -> int:
    from django.core.cache import cache

    client.get(url)  # loads code paths and Django's in-process caches
    cache.clear()  # but the render itself is measured uncached
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code in (200, 404), (url, response.status_code)
    return len(captured)


@pytest.mark.parametrize("name", BUDGETS)
def test_query_budget(client, home_page, member, name):
    build, url, visitor_budget, member_budget = BUDGETS[name]
    counts = []
    for n, start in ((3, 0), (9, 3)):
        page = build(home_page, n, start)
        if url is None:
            address = page.url
        elif url == "event_ics":
            address = f"/agenda/bijeenkomst-{page.pk}.ics"
        else:
            address = url
        client.logout()
        visitor = _measure(client, address)
        client.force_login(member)
        counts.append((visitor, _measure(client, address)))
    assert counts == [(visitor_budget, member_budget)] * 2, (name, address)
