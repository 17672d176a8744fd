import datetime as dt

import factory
import wagtail_factories

from knowledge.models import (
    Adviser,
    DossierPage,
    MeetingReportPage,
    NewsIndexPage,
    NewsPage,
    ThemePage,
)


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
