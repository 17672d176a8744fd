"""What goes into the book, read through ``community.selectors`` only.

Everything becomes plain text here: the book never shows a member's markup
(however it was cleaned) nor a member's name; quotes carry the kind of
organisation only. Queries per theme are fixed, whatever the number of posts.
"""

from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

from django.utils import formats
from wagtail.models import Page

from casebook.selectors import cases_published_tagged
from community import selectors
from community.models import Post, Theme
from community.sanitise import rich_text_clean
from portal.accounts.access import pages_public

from .organisations import organisation_type
from .periods import HalfYear

QUESTION_LIMIT = 800
QUOTE_LIMIT = 1500
NOTE_LIMIT = 2000


class _TextParser(HTMLParser):
    """Cleaned HTML as blocks of lines: a paragraph is a block, and a list is
    a block of "- " or "1. " lines, the form members type lists in, so that
    ``community.sanitise`` turns them back into lists when the book prints."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = []
        self.lines: list[str] = []
        self.words: list[str] = []
        self.marker = ""
        self.lists: list[list] = []  # [tag, items so far], innermost last

    def handle_starttag(self, tag, attrs) -> None:
        if tag in ("ul", "ol"):
            self._end_line() if self.lists else self._end_block()
            self.lists.append([tag, 0])
        elif tag == "li":
            self._end_line()
            kind = self.lists[-1] if self.lists else ["ul", 0]
            kind[1] += 1
            self.marker = "- " if kind[0] == "ul" else f"{kind[1]}. "
        elif tag in ("p", "blockquote") or (tag == "br" and not self.lists):
            self._end_block()

    def handle_endtag(self, tag) -> None:
        if tag == "li":
            self._end_line()
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
            self._end_line() if self.lists else self._end_block()
        elif tag in ("p", "blockquote"):
            self._end_block()

    def handle_data(self, data: str) -> None:
        self.words.append(data)

    def _end_line(self) -> None:
        text = " ".join("".join(self.words).split())
        if text:
            self.lines.append(self.marker + text)
        self.words, self.marker = [], ""

    def _end_block(self) -> None:
        self._end_line()
        if self.lines:
            self.blocks.append(self.lines)
        self.lines = []

    def text(self) -> str:
        self.close()
        self._end_block()
        return "\n\n".join("\n".join(lines) for lines in self.blocks)


def plain_text(markup: str, *, limit: int) -> str:
    """Readable text of stored HTML, cut at ``limit`` characters on a word.
    Cleaned once more first: what the book prints must not depend on every
    path that stored the HTML having cleaned it."""
    parser = _TextParser()
    parser.feed(rich_text_clean(markup or "", wagtail=True))
    text = parser.text()
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip() + " …"
    return text


def _date(value) -> str:
    return formats.date_format(value, "j F Y")


def paragraphs(text: str) -> list[str]:
    """The blocks of ``text``; a list keeps its lines."""
    return [
        "\n".join(" ".join(line.split()) for line in block.split("\n") if line.strip())
        for block in text.split("\n\n")
        if block.strip()
    ]


def _quote(post: Post) -> dict:
    """The source goes on the quote's last line: a line of its own for each
    of hundreds of quotes would add pages to the PDF for nothing."""
    organisation = post.author.organisation if post.author else ""
    return {
        "paragraphs": paragraphs(plain_text(post.body, limit=QUOTE_LIMIT)),
        "source": organisation_type(organisation)[1],
    }


def _questions(threads) -> list[dict]:
    questions = []
    for thread in threads:
        opening = thread.opening_posts[0] if thread.opening_posts else None
        text = plain_text(opening.body, limit=QUESTION_LIMIT) if opening else ""
        questions.append({"title": thread.title, "text": text})
    return questions


def _notes(notes) -> list[dict]:
    return [
        {
            "date": _date(note.meeting_date),
            "agenda_item": note.agenda_item,
            "said": plain_text(note.said, limit=NOTE_LIMIT),
            "conclusions": plain_text(note.conclusions, limit=NOTE_LIMIT),
        }
        for note in notes
    ]


def _events(period: HalfYear, threads, notes) -> list[dict]:
    """The meetings of the half year the theme's threads and notes belong to."""
    seen = {}
    for item in [*threads, *notes]:
        event = item.event
        if event is None or not period.start <= event.starts_at < period.end:
            continue
        seen[event.pk] = event
    # The book is public: a meeting only members may see is not named in it.
    public = set(
        pages_public(Page.objects.filter(pk__in=seen)).values_list("pk", flat=True)
    )
    events = sorted(
        (e for e in seen.values() if e.pk in public), key=lambda e: (e.starts_at, e.pk)
    )
    return [{"title": e.title, "date": _date(e.starts_at.date())} for e in events]


def theme_chapter(*, theme: Theme, period: HalfYear, activity) -> dict:
    span = {"start": period.start, "end": period.end}
    threads = list(selectors.threads_for_theme_in_period(theme=theme, **span))
    notes = list(selectors.meeting_notes_for_period(theme=theme, **span))
    conclusions = selectors.conclusions_for_theme(theme=theme, **span)
    solutions = selectors.solutions_for_theme(theme=theme, **span)
    return {
        "description": theme.description,
        "questions": _questions(threads),
        "conclusions": [_quote(p) for p in conclusions],
        "solutions": [_quote(p) for p in solutions],
        "notes": _notes(notes),
        "events": _events(period, threads, notes),
        "cases": [
            {"title": case.title, "region": case.region}
            for case in cases_published_tagged(tags=theme.case_tag_list, **span)
        ],
        "activity": {
            "threads": activity.threads,
            "posts": activity.posts,
            "meetings": activity.meetings,
            "participants": activity.participants,
        },
    }


@dataclass
class BookContent:
    chapters: list[tuple[Theme, dict]]
    activity: list[dict]


def book_content(
    *, period: HalfYear, progress: Callable[[int], None] | None = None
) -> BookContent:
    """A chapter for every theme with discussions or notes in the half year,
    and the activity of every theme."""
    rows = selectors.activity_per_theme(start=period.start, end=period.end)
    active = [row for row in rows if row.posts or row.meetings]
    chapters = []
    for done, row in enumerate(active, start=1):
        chapters.append(
            (row.theme, theme_chapter(theme=row.theme, period=period, activity=row))
        )
        if progress:
            progress(done * 100 // len(active))
    activity = [
        {
            "theme": row.theme.name,
            "slug": row.theme.slug,
            "threads": row.threads,
            "posts": row.posts,
            "meetings": row.meetings,
            "participants": row.participants,
        }
        for row in rows
    ]
    return BookContent(chapters=chapters, activity=activity)
