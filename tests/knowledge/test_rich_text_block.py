"""The body's rich-text blocks expand their links together, as Wagtail would
one by one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from knowledge.blocks import BodyBlock
from tests.knowledge.factories import DossierPageFactory, ThemePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def themes(home_page):
    dossier = DossierPageFactory(parent=home_page)
    return [ThemePageFactory(parent=dossier) for _ in range(6)]


def _body(sources: list[str]):
    return BodyBlock().to_python([{"type": "paragraph", "value": s} for s in sources])


def _link(page) -> str:
    return f'<p>Zie <a linktype="page" id="{page.pk}">{page.title}</a>.</p>'


def _wagtail(sources: list[str]) -> list[str]:
    return [str(RichText(source)) for source in sources]


def _render(body) -> tuple[list[str], int]:
    with CaptureQueriesContext(connection) as captured:
        html = [str(child.value) for child in body]
    return html, len(captured)


def test_links_to_other_pages_cost_the_same_for_two_blocks_or_six(themes):
    themes[0].url  # noqa: B018 - caches the site's root paths, as any request does
    few, few_queries = _render(_body([_link(p) for p in themes[:2]]))
    many, many_queries = _render(_body([_link(p) for p in themes]))

    assert many_queries == few_queries == 2  # the pages and their specific rows
    for page, html in zip(themes, many, strict=True):
        assert f'<a href="{page.url}">{page.title}</a>' in html
    assert few == many[:2]


def test_renders_what_wagtail_renders_for_each_text_on_its_own(themes):
    sources = [
        _link(themes[0]) + '<p><a linktype="page" id="999999">weg</a></p>',
        '<p><a href="https://example.org/?a=1&amp;b=2">extern</a></p>',
        "",
        '<p><a href="#top">anker</a> <a name="n">naam</a></p>' + _link(themes[1]),
    ]
    html, _ = _render(_body(sources))

    assert html == _wagtail(sources)


def test_an_unclosed_tag_does_not_swallow_the_next_block(themes):
    sources = ['<p><a linktype="page" id="1"', _link(themes[0])]
    html, _ = _render(_body(sources))

    assert html == _wagtail(sources)
    assert f'href="{themes[0].url}"' in html[1]


def test_a_text_changed_after_loading_renders_its_new_source(themes):
    body = _body([_link(themes[0]), _link(themes[1])])
    body[0].value.source = _link(themes[2])

    html, _ = _render(body)

    assert f'href="{themes[2].url}"' in html[0]
    assert f'href="{themes[1].url}"' in html[1]
