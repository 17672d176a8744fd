import datetime as dt

import factory
import wagtail_factories
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Collection, PageViewRestriction

from knowledge.models import (
    Adviser,
    DossierPage,
    MeetingReportPage,
    NewsIndexPage,
    NewsPage,
    PublicationFile,
    PublicationIndexPage,
    PublicationPage,
    ThemePage,
)
from portal.accounts.roles import ADVISERS_GROUP, MEMBERS_GROUP
from tests.knowledge.pdfs import pdf_with_pages


class AdviserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Adviser

    name = factory.Sequence(lambda n: f"Adviseur {n}")
    role = "CCV-adviseur online aangejaagde ordeverstoringen"
    email = factory.Sequence(lambda n: f"adviseur{n}@ccv.example")
    phone = "030 751 67 00"


class DossierPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = DossierPage

    title = "Online aangejaagde ordeverstoringen"
    slug = "webdossier"


class ThemePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ThemePage

    title = factory.Sequence(lambda n: f"Thema {n}")
    intro = "Hoe ziet u op tijd dat een online oproep tot een verstoring leidt?"


class MeetingReportPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MeetingReportPage

    title = "Verslag deskundigenbijeenkomst"
    meeting_date = dt.date(2025, 3, 20)
    location = "Utrecht"
    intro = "Deskundigen spraken aan drie tafels."


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Nieuws"
    slug = "nieuws"


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Bericht {n}")
    category = "policy"
    date = dt.date(2024, 6, 18)
    teaser = "Over online aangejaagde ordeverstoringen."


class PublicationIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PublicationIndexPage

    title = "Publicaties"
    slug = "publicaties"


def document_of(title: str, data: bytes, *, filename: str, collection=None):
    """A Wagtail document holding ``data``, in ``collection`` (the root)."""
    document = get_document_model()(
        title=title, collection=collection or Collection.get_first_root_node()
    )
    document.file.save(filename, ContentFile(data), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def pdf_document(title: str, pages: list[str], *, collection=None):
    """A Wagtail document holding a PDF with one page per text."""
    return document_of(
        title, pdf_with_pages(pages), filename="publicatie.pdf", collection=collection
    )


def restrict_to_members(page):
    """Wagtail's privacy setting "the groups Members and Advisers"."""
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(
        Group.objects.filter(name__in=[MEMBERS_GROUP, ADVISERS_GROUP])
    )
    return page


def publication(
    index,
    title: str = "Fenomeenkaart online aangejaagde ordeverstoringen",
    *,
    documents=(),
    kind: str = "fenomeenkaart",
    date=dt.date(2024, 5, 23),
    publisher: str = "Bureau RVS",
    theme=None,
    summary: str = "Een overzicht van de vormen van online aangejaagde onrust.",
    tags=(),
    members_only: bool = False,
    live: bool = True,
    slug: str = "",
) -> PublicationPage:
    """A publication below ``index`` with ``documents`` as its files;
    restricted before it is published, as an adviser would, and published
    (which has its files read) unless ``live`` is False."""
    page = PublicationPage(
        title=title,
        slug=slug or slugify(title)[:50],
        kind=kind,
        date=date,
        publisher=publisher,
        theme=theme,
        summary=summary,
        live=False,
    )
    for document in documents:
        page.files.add(PublicationFile(document=document))
    page.tags.set(list(tags))
    index.add_child(instance=page)
    if members_only:
        restrict_to_members(page)
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page
