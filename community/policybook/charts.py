"""Bar charts drawn as SVG on the server: no external service, no script.
Each chart names itself with <title> and <desc> for screen readers; pages
show the same numbers in a table beside it."""

from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
LABEL_WIDTH = 230
VALUE_WIDTH = 50
ROW_HEIGHT = 26
BAR_HEIGHT = 16
LABEL_CHARS = 32
BAR_COLOUR = "#154273"  # Rijkshuisstijl dark blue: contrast 10:1 on white
TEXT_COLOUR = "#1b1b1b"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


def _short(label: str) -> str:
    # The table beside the chart has the full name.
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def bar_chart_svg(
    *, chart_id: str, title: str, desc: str, bars: list[Bar]
) -> SafeString:
    """A horizontal bar chart; every text is escaped, so the result is safe."""
    height = max(len(bars), 1) * ROW_HEIGHT + 8
    top = max((bar.value for bar in bars), default=0) or 1
    room = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bar-chart" role="img" '
        f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]
    for row, bar in enumerate(bars):
        y = 4 + row * ROW_HEIGHT
        width = round(room * bar.value / top)
        text_y = y + BAR_HEIGHT - 3
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{text_y}" text-anchor="end" '
            f'font-size="13" fill="{TEXT_COLOUR}">{escape(_short(bar.label))}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width}" '
            f'height="{BAR_HEIGHT}" fill="{BAR_COLOUR}"/>'
            f'<text x="{LABEL_WIDTH + width + 6}" y="{text_y}" font-size="13" '
            f'fill="{TEXT_COLOUR}">{bar.value}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
