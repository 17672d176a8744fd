"""Bar charts drawn as SVG on the server: no external service, no script.
Each chart names itself with <title> and <desc> for screen readers; pages
show the same numbers in a table beside it.

Labels are measured, not counted: the label column is as wide as the
longest label needs (within bounds), and a label wider than that wraps over
more lines, so no label is ever cut off at the chart's edge."""

import unicodedata
from collections import Counter
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
VALUE_WIDTH = 50
FONT_SIZE = 13
LINE_HEIGHT = 16
BAR_HEIGHT = 16
ROW_GAP = 10
LABEL_GAP = 8
EDGE = 4
MIN_LABEL_WIDTH = 120
# The bars keep at least 640 - 4 - 300 - 8 - 50 = 278 units.
MAX_LABEL_WIDTH = 300
MAX_LINES = 3
BAR_COLOUR = "#154273"  # Rijkshuisstijl dark blue: contrast 10:1 on white
TEXT_COLOUR = "#1b1b1b"
# The PDF prints in DejaVu Sans; the web falls back to Verdana, whose
# letters are as wide. The margin covers any other sans-serif.
FONT_FAMILY = "'DejaVu Sans', Verdana, sans-serif"
SAFETY = 1.1
# Advance widths of DejaVu Sans for " " to "~", in thousandths of an em.
_ASCII_WIDTHS = (
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318,
    337, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838,
    838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557,
    863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390,
    337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278,
    579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592,
    525, 636, 337, 636, 838,
)  # fmt: skip
_WIDEST = 1000
ELLIPSIS = "…"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


def _char_width(char: str) -> int:
    # "è" is as wide as "e": measure the letter without its accent.
    base = unicodedata.normalize("NFD", char)[:1] or char
    code = ord(base)
    if 32 <= code <= 126:
        return _ASCII_WIDTHS[code - 32]
    return _WIDEST


def text_width(text: str, *, font_size: int = FONT_SIZE) -> float:
    """The width ``text`` takes in the chart, with a margin for other fonts."""
    return sum(_char_width(char) for char in text) * font_size / 1000 * SAFETY


def _cut(text: str, width: float) -> str:
    """``text`` with an ellipsis, short enough to fit ``width``."""
    while text and text_width(text + ELLIPSIS) > width:
        text = text[:-1]
    return text.rstrip() + ELLIPSIS


def wrap_label(label: str, width: float) -> list[str]:
    """``label`` over at most MAX_LINES lines of at most ``width`` each; only
    a label longer than that ends in an ellipsis (the table has it whole)."""
    lines: list[str] = []
    for word in label.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    lines = [line if text_width(line) <= width else _cut(line, width) for line in lines]
    if len(lines) > MAX_LINES:
        lines = [*lines[: MAX_LINES - 1], _cut(" ".join(lines[MAX_LINES - 1 :]), width)]
    return lines or [""]


def label_column_width(bars: list[Bar]) -> float:
    widest = max((text_width(bar.label) for bar in bars), default=0)
    return min(max(widest, MIN_LABEL_WIDTH), MAX_LABEL_WIDTH)


def distinct_labels(bars: list[Bar]) -> list[Bar]:
    """Bars that share a label get a number, so the chart tells them apart.
    Callers that know better (a meeting's date) make them distinct first."""
    counts = Counter(bar.label for bar in bars)
    seen: Counter = Counter()
    result = []
    for bar in bars:
        if counts[bar.label] > 1:
            seen[bar.label] += 1
            bar = Bar(label=f"{bar.label} ({seen[bar.label]})", value=bar.value)
        result.append(bar)
    return result


def _row(
    *, bar: Bar, lines: list[str], y: int, label_width: float, room: int, top: int
):
    """One bar and its label; returns the SVG and the row's height."""
    block = max(BAR_HEIGHT, len(lines) * LINE_HEIGHT)
    bar_y = y + (block - BAR_HEIGHT) // 2
    first_line_y = y + (block - len(lines) * LINE_HEIGHT) // 2 + LINE_HEIGHT - 3
    label_x = round(EDGE + label_width)
    bar_x = label_x + LABEL_GAP
    width = round(room * bar.value / top)
    tspans = "".join(
        f'<tspan x="{label_x}" y="{first_line_y + n * LINE_HEIGHT}">'
        f"{escape(line)}</tspan>"
        for n, line in enumerate(lines)
    )
    svg = (
        f'<text class="bar-label" text-anchor="end" font-size="{FONT_SIZE}" '
        f'fill="{TEXT_COLOUR}">{tspans}</text>'
        f'<rect x="{bar_x}" y="{bar_y}" width="{width}" '
        f'height="{BAR_HEIGHT}" fill="{BAR_COLOUR}"/>'
        f'<text class="bar-value" x="{bar_x + width + 6}" '
        f'y="{bar_y + BAR_HEIGHT - 3}" font-size="{FONT_SIZE}" '
        f'fill="{TEXT_COLOUR}">{bar.value}</text>'
    )
    return svg, block + ROW_GAP


def bar_chart_svg(
    *, chart_id: str, title: str, desc: str, bars: list[Bar]
) -> SafeString:
    """A horizontal bar chart; every text is escaped, so the result is safe."""
    bars = distinct_labels(bars)
    label_width = label_column_width(bars)
    room = WIDTH - round(EDGE + label_width) - LABEL_GAP - VALUE_WIDTH
    top = max((bar.value for bar in bars), default=0) or 1
    rows, y = [], EDGE
    for bar in bars:
        lines = wrap_label(bar.label, label_width)
        svg, height = _row(
            bar=bar, lines=lines, y=y, label_width=label_width, room=room, top=top
        )
        rows.append(svg)
        y += height
    height = max(y, ROW_GAP + BAR_HEIGHT) + EDGE
    opening = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bar-chart" role="img" '
        f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'font-family="{FONT_FAMILY}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>'
    )
    return mark_safe(opening + "".join(rows) + "</svg>")  # noqa: S308 - all escaped
