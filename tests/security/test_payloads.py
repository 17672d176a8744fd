"""The payloads and the probe themselves: each payload runs when a page puts
it somewhere unescaped, and the probe sees it. Without this, a payload with
a typo would make every other test in this package pass for nothing."""

import html
import re
from urllib.parse import unquote

import pytest

from .browser import probe
from .payloads import SHORT_PAYLOADS, XSS_PAYLOADS, chunks

pytestmark = pytest.mark.browser

# Places a careless template puts text: the body, attribute values in both
# quotes, a link, a textarea and the title.
CONTEXTS = (
    "<html><head><title>{p}</title></head><body>"
    "<div>{p}</div>"
    "<input value=\"{p}\"><input value='{p}'>"
    '<a href="{p}">xss-link</a>'
    "<textarea>{p}</textarea>"
    "</body></html>"
)
# Dangerous only behind a sanitiser that gets something wrong: content of
# <style> kept as markup, data: URLs (Chromium blocks them at the top level;
# the probe reports the link itself) and template code, reported by text.
ONLY_BEHIND_A_FLAWED_SANITISER = {
    p
    for p in XSS_PAYLOADS + SHORT_PAYLOADS
    if p.startswith("<style>") or "data:" in p or "7777*7" in p
}


def _decoded(payload: str) -> list[str]:
    """The payload as a double decoding or a markdown renderer would pass it."""
    markdown = re.sub(r"\[(.*?)\]\((.*)\)", r'<a href="\2">\1</a>', payload)
    return [payload, html.unescape(payload), unquote(payload), markdown]


def test_every_payload_runs_when_put_in_a_page_unescaped(browser):
    context = browser.new_context()
    page = context.new_page()
    silent = []
    for payload in XSS_PAYLOADS + SHORT_PAYLOADS:
        if payload in ONLY_BEHIND_A_FLAWED_SANITISER:
            continue
        page.evaluate("window.__xss = 0")
        page.set_content(
            "".join(CONTEXTS.format(p=variant) for variant in _decoded(payload))
        )
        if not probe(page).ran:
            silent.append(payload)
    context.close()
    assert not silent


def test_the_probe_reports_links_frames_and_template_output(browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_content(
        '<a href="data:text/html,x">xss-link</a><iframe srcdoc="x"></iframe>'
        "<p>54439</p>"
    )
    finding = probe(page)
    context.close()
    assert finding.bad_links and finding.frames and finding.template
    assert not finding.clean


def test_chunks_fit_and_keep_every_short_payload():
    texts = chunks(120)
    assert all(len(text) <= 120 for text in texts)
    short = [p for p in XSS_PAYLOADS if len(p) <= 120]
    assert all(any(p in text for text in texts) for p in short)
