"""match_starts.finditer gives exactly the matches of Pattern.finditer."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casebook.anonymisation import backend, engine, match_starts

PATTERNS = [
    r"(?<!\d)(\(?(0031|\+31|0)(6|20))\)? ?-? ?((\d{2,4}[ -]?)+\d{2,4})",
    r"(?<!\d)(([1-9]|0[1-9]|[12][0-9]|3[01])(?P<sep>[-/\. ])"
    r"([1-9]|1[012])(?P=sep)\d{2})",
    r"(?i)(?<!\d)(\d{1,2}[ -]{,2}(januari|jan|mrt)[ -]((19|20|'|`)?\d{2}))(?!\d)",
    r"(?:ab|c)*d",
    r"(?:(?:a)?b?)c",
    r"\bfoo\w*",
    r"(?i)Ab+",
    r"x(?=y)|y",
    r"[a-c]\d",
]
#: Patterns that can start anywhere or match nothing: no shortcut.
ANYWHERE = [r"a?", r".x", r"[^a]b", r"x|", r"(?i:a)b", r"\w*"]
TEXT = st.text(alphabet="abcdxyABfo0123456789 -/+()'`janmrtJANK\u212a\n", max_size=60)


@pytest.mark.parametrize("pattern", PATTERNS)
def test_the_pattern_gets_a_class_of_start_characters(pattern):
    assert match_starts.start_class(re.compile(pattern)) is not None


@pytest.mark.parametrize("pattern", ANYWHERE)
def test_a_pattern_that_can_start_anywhere_gets_no_shortcut(pattern):
    assert match_starts.start_class(re.compile(pattern)) is None


@settings(max_examples=300, deadline=None)
@given(text=TEXT, pattern=st.sampled_from(PATTERNS + ANYWHERE))
def test_the_matches_are_those_of_finditer(text, pattern):
    compiled = re.compile(pattern)
    expected = [(m.span(), m.groups()) for m in compiled.finditer(text)]
    found = [(m.span(), m.groups()) for m in match_starts.finditer(compiled, text)]
    assert found == expected


def test_deduces_date_and_phone_patterns_are_all_shortened():
    """If a Deduce upgrade made one of them start anywhere, the engine would
    still be right, but slow: this says so."""
    resources = engine.warm()
    patterns = [
        step.pattern
        for step in resources.pipeline.steps
        if hasattr(step, "pattern") and isinstance(step.pattern, re.Pattern)
    ]
    assert len(patterns) == 5
    assert all(match_starts.start_class(p) is not None for p in patterns)
    assert isinstance(resources, backend.Resources)
