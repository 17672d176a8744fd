"""Wagtail's password forms for a page and a document collection are limited
like the login: after a few wrong passwords a client gets the Dutch 429 page,
even for the right password; another client and another restriction are not
affected."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from portal.core.page_passwords import PER_CLIENT, PER_RESTRICTION
from tests.knowledge.factories import DossierPageFactory, ThemePageFactory

pytestmark = pytest.mark.django_db

PAGE_PASSWORD = "geheim"
LIMIT = PER_RESTRICTION[0]


@pytest.fixture
def dossier(home_page):
    return DossierPageFactory(parent=home_page)


def _restricted_page(dossier, title: str):
    page = ThemePageFactory(parent=dossier, title=title)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PAGE_PASSWORD
    )
    return reverse(
        "wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]
    )


def _restricted_collection(name: str):
    collection = Collection.get_first_root_node().add_child(name=name)
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PAGE_PASSWORD,
    )
    return reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])


@pytest.fixture(params=["page", "document"])
def form_urls(request, dossier) -> tuple[str, str]:
    """Two password forms of one kind, each for its own restriction."""
    if request.param == "page":
        return _restricted_page(dossier, "Eén"), _restricted_page(dossier, "Twee")
    return _restricted_collection("Eén"), _restricted_collection("Twee")


def _try(client: Client, url: str, password: str, ip: str = "192.0.2.1"):
    return client.post(url, {"password": password, "return_url": "/"}, REMOTE_ADDR=ip)


def test_wrong_passwords_past_the_limit_get_the_dutch_429_page(form_urls):
    url, _other = form_urls
    client = Client()
    for _attempt in range(LIMIT):
        assert _try(client, url, "fout").status_code == 200

    response = _try(client, url, "fout")
    assert response.status_code == 429
    assert "Te veel pogingen" in response.content.decode()
    # The right password too, while the limit holds.
    assert _try(client, url, PAGE_PASSWORD).status_code == 429


def test_the_limit_holds_one_client_and_one_restriction(form_urls):
    url, other = form_urls
    for _attempt in range(LIMIT + 1):
        _try(Client(), url, "fout")

    # Another client on the same form, this client on another form.
    assert _try(Client(), url, PAGE_PASSWORD, ip="198.51.100.7").status_code == 302
    assert _try(Client(), other, PAGE_PASSWORD).status_code == 302


def test_the_right_password_does_not_count(form_urls):
    url, _other = form_urls
    for _attempt in range(LIMIT + 3):
        assert _try(Client(), url, PAGE_PASSWORD).status_code == 302


def test_a_client_trying_every_form_is_limited_too(dossier):
    urls = [_restricted_page(dossier, f"Pagina {n}") for n in range(PER_CLIENT[0])]
    for url in urls:
        assert _try(Client(), url, "fout").status_code == 200

    response = _try(Client(), _restricted_page(dossier, "Nog een"), "fout")
    assert response.status_code == 429
