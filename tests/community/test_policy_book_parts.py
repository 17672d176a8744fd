"""The policy book's small parts: half years, kinds of organisation and the
SVG bar chart."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from community.policybook.charts import Bar, bar_chart_svg
from community.policybook.content import plain_text
from community.policybook.errors import PolicyBookError
from community.policybook.organisations import organisation_type
from community.policybook.periods import half_year_parse


def test_half_years_cover_the_year_in_amsterdam_time():
    first, second = half_year_parse("2026-H1"), half_year_parse(" 2026-h2 ")
    assert first.start.isoformat() == "2026-01-01T00:00:00+01:00"
    assert first.end.isoformat() == "2026-07-01T00:00:00+02:00"
    assert first.last_day == dt.date(2026, 6, 30)
    assert second.code == "2026-H2"
    assert second.end.isoformat() == "2027-01-01T00:00:00+01:00"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-H3", "“2026-H3” is geen halfjaar"),
        ("26-H1", "“26-H1” is geen halfjaar"),
        ("2026H1", "bijvoorbeeld 2026-H1"),
        ("", "Vul een halfjaar in, bijvoorbeeld 2026-H1."),
        ("1899-H1", "Kies een jaar tussen 2000 en 2100."),
        ("2026-H1; DROP TABLE", "is geen halfjaar"),
    ],
)
def test_a_period_written_wrong_gets_a_dutch_message(text, message):
    with pytest.raises(PolicyBookError) as info:
        half_year_parse(text)
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("organisation", "kind"),
    [
        ("Gemeente Zwolle", "gemeente"),
        ("gemeente 's-Hertogenbosch, afdeling OOV", "gemeente"),
        ("Politie Eenheid Oost-Nederland", "politie"),
        ("Openbaar Ministerie, parket Amsterdam", "om"),
        ("OM", "om"),
        ("Stichting Jongerenwerk Utrecht", "jongerenwerk"),
        ("Veiligheidsregio Twente", "veiligheidsregio"),
        ("Zorg- en Veiligheidshuis IJsselland", "veiligheidsregio"),
        ("Ministerie van Justitie en Veiligheid", "rijk"),
        ("ROC Midden Nederland (mbo)", "onderwijs"),
        ("Bakkerij De Zoete Inval", "anders"),
        ("", "anders"),
        (None, "anders"),
    ],
)
def test_organisation_type_from_free_text(organisation, kind):
    assert organisation_type(organisation)[0] == kind


def test_organisation_labels_are_dutch():
    assert organisation_type("Politie")[1] == "politie"
    assert organisation_type("Onbekend")[1] == "andere organisatie"


def test_bar_chart_is_valid_svg_with_title_desc_and_escaped_labels():
    svg = bar_chart_svg(
        chart_id="c",
        title="Berichten <per> thema",
        desc="Online: 3",
        bars=[Bar(label="<script>alert(1)</script>", value=3), Bar("Rustig", 0)],
    )
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img"
    assert root.find(f"{ns}title").text == "Berichten <per> thema"
    assert root.find(f"{ns}desc").text == "Online: 3"
    assert "<script>" not in svg
    widths = [int(r.get("width")) for r in root.iter(f"{ns}rect")]
    assert widths[0] > 0 and widths[1] == 0


def test_bar_chart_without_bars_is_still_an_image():
    svg = bar_chart_svg(chart_id="e", title="Leeg", desc="", bars=[])
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    assert root.tag.endswith("svg")


def test_plain_text_drops_hostile_markup_and_cuts_long_text():
    hostile = (
        '<p>Goed<script>alert("x")</script> idee</p><img src=x onerror=alert(1)>'
        '<a href="javascript:alert(1)">klik</a><style>p{}</style>'
    )
    assert plain_text(hostile, limit=100) == "Goed idee\n\nklik"
    long = "<p>" + "woord " * 20_000 + "</p>"
    text = plain_text(long, limit=1500)
    assert len(text) <= 1502 and text.endswith(" …")
