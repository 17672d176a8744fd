"""The platform's voice, as a check: formal Dutch ("u"), no English UI words.

Used by the voice tests over pages, mail templates and catalogues, and by the
check on every mail the suite sends (tests/conftest.py).
"""

import re
from html.parser import HTMLParser

# "je", "jouw", "jij" and their kin as words, in any case.
INFORMAL = re.compile(r"\b(je|jouw|jij|jou|jezelf|jullie|alsjeblieft)\b", re.IGNORECASE)

# English words that only ever appear on a Dutch page as untranslated UI.
# Capitalised, as buttons, labels and headings write them; Dutch has none
# of them as a word of its own.
ENGLISH = re.compile(
    # Whole words: "Back" in "Back-up-proef" is part of a Dutch word.
    r"(?<![\w-])(Search|Submit|Save|Cancel|Delete|Edit|Back|Next|Previous|"
    r"Log out|Sign in|Sign up|Sign out|Password|Remember me|Forgot|Bold|"
    r"Italic|Editor Guide|Settings|Required|Optional|Close|Loading|Remove|"
    r"Send|Choose|Register|Confirm|Your|Please|Thank you|"
    r"Hello|Welcome|Page not found|Approval|approval)(?![\w-])"
)

# Quotations the platform shows as they were written: chat lines in demo
# cases, names of apps and movements. Each entry is an exact fragment.
ALLOWED = (
    "Google Authenticator",
    "Microsoft Authenticator",
)


def _without_allowed(text: str) -> str:
    for fragment in ALLOWED:
        text = text.replace(fragment, " ")
    return text


def voice_faults(text: str) -> list[str]:
    """Each informal or English word in ``text``, with a little context."""
    text = _without_allowed(text)
    faults = []
    for pattern in (INFORMAL, ENGLISH):
        for match in pattern.finditer(text):
            start, end = max(0, match.start() - 40), match.end() + 40
            faults.append(" ".join(text[start:end].split()))
    return faults


class _VisibleText(HTMLParser):
    """What a reader sees or hears: text outside scripts, styles and
    quotations, and the attributes screen readers and forms read out."""

    SKIPPED = {"script", "style", "blockquote", "q", "code", "pre", "svg"}
    READ_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self._skipping += 1
        attributes = dict(attrs)
        for name in self.READ_ATTRIBUTES:
            if attributes.get(name):
                self.parts.append(attributes[name])
        if tag == "input" and attributes.get("type") in {"submit", "button"}:
            self.parts.append(attributes.get("value") or "")

    def handle_endtag(self, tag):
        if tag in self.SKIPPED and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return "\n".join(parser.parts)
