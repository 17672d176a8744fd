"""The bar charts of the policy book and the advisers' dashboard: no label is
cut off at the chart's edge, and bars with the same label can be told apart."""

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from community.policybook import charts
from community.policybook.charts import Bar, bar_chart_svg, text_width, wrap_label
from community.policybook.dashboard import event_labels
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.second_factor import login_with_second_factor

NS = "{http://www.w3.org/2000/svg}"
LONG = "Roadshow barrièremodel en praktijkoefening complexe demonstraties"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _labels(svg: str) -> list[tuple[float, list[str]]]:
    """Each label's right edge and its lines."""
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    labels = []
    for text in root.iter(f"{NS}text"):
        if text.get("class") != "bar-label":
            continue
        tspans = list(text.iter(f"{NS}tspan"))
        labels.append((float(tspans[0].get("x")), [t.text or "" for t in tspans]))
    return labels


def _assert_fits(svg: str) -> None:
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    width = float(root.get("width"))
    for right, lines in _labels(svg):
        for line in lines:
            # Anchored at its end: the start must not leave the picture.
            assert right - text_width(line) >= 0, line
    for value in root.iter(f"{NS}text"):
        if value.get("class") == "bar-value":
            assert float(value.get("x")) + text_width(value.text) <= width


def test_a_long_theme_name_is_wrapped_whole_and_fits_its_column():
    svg = bar_chart_svg(
        chart_id="c",
        title="Berichten per thema",
        desc="",
        bars=[Bar(LONG, 12), Bar("Online opruiing", 30)],
    )
    _assert_fits(svg)
    (_right, lines), (_r, short) = _labels(svg)
    assert len(lines) == 2
    assert " ".join(lines) == LONG
    assert short == ["Online opruiing"]


def test_very_long_labels_and_long_words_still_fit():
    endless = " ".join(["Heel lang thema"] * 20)
    svg = bar_chart_svg(
        chart_id="c",
        title="T",
        desc="",
        bars=[Bar(endless, 1), Bar("W" * 80, 2000), Bar("Kort", 0)],
    )
    _assert_fits(svg)
    labels = _labels(svg)
    assert len(labels[0][1]) == charts.MAX_LINES
    assert labels[0][1][-1].endswith("…")
    assert labels[1][1][0].endswith("…")


def test_wrapping_keeps_every_line_within_the_width():
    for width in (60, 120, 300):
        for line in wrap_label(LONG, width):
            assert text_width(line) <= width


@pytest.mark.skipif(not DEJAVU.exists(), reason="fonts-dejavu-core missing")
def test_the_estimate_is_at_least_the_fonts_real_width():
    from fontTools.ttLib import TTFont

    font = TTFont(str(DEJAVU))
    cmap, metrics = font.getBestCmap(), font["hmtx"]
    scale = charts.FONT_SIZE / font["head"].unitsPerEm
    for text in (LONG, "Jaarwisseling (12 december 19:30)", "ÉÉN WEEK ÏJSSEL"):
        real = sum(metrics[cmap[ord(c)]][0] for c in text) * scale
        assert text_width(text) >= real


def test_bars_with_the_same_label_are_told_apart():
    svg = bar_chart_svg(
        chart_id="c",
        title="T",
        desc="",
        bars=[Bar("Jaarwisseling", 3), Bar("Jaarwisseling", 5), Bar("Anders", 1)],
    )
    labels = [" ".join(lines) for _right, lines in _labels(svg)]
    assert len(set(labels)) == 3
    assert labels[2] == "Anders"


def test_meetings_of_the_same_title_get_their_date_and_if_needed_their_time():
    base = timezone.make_aware(dt.datetime(2030, 5, 12, 10, 0))
    events = [
        SimpleNamespace(title=title, starts_at=base + dt.timedelta(hours=hours))
        for title, hours in [
            ("Leerkring jongeren", 0),
            ("Leerkring jongeren", 7 * 24),
            ("Intervisie", 0),
            ("Intervisie", 4),
            ("Eenmalig", 0),
        ]
    ]
    assert event_labels(events) == [
        "Leerkring jongeren (12 mei)",
        "Leerkring jongeren (19 mei)",
        "Intervisie (12 mei 10:00)",
        "Intervisie (12 mei 14:00)",
        "Eenmalig",
    ]


@pytest.mark.django_db
def test_dashboard_chart_names_each_meeting_distinctly(client, editor, home_page):
    index = EventIndexPageFactory(parent=home_page)
    for days in (10, 17):
        starts = timezone.now() + dt.timedelta(days=days)
        EventPageFactory(
            parent=index,
            title=LONG,
            slug=f"roadshow-{days}",
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=2),
        )
    login_with_second_factor(client, editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    start = html.index('<svg xmlns="http://www.w3.org/2000/svg" class="bar-chart"')
    svg = html[start : html.index("</svg>", start) + len("</svg>")]
    _assert_fits(svg)
    labels = [" ".join(lines) for _right, lines in _labels(svg)]
    assert len(labels) == 2 and len(set(labels)) == 2
    assert all(label.startswith("Roadshow barrièremodel") for label in labels)
