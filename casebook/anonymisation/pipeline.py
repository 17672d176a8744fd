"""Deduce's annotators, run on plain lists instead of docdeid's objects.

Running Deduce's pipeline (``Deduce.deidentify``) on a text cost more than
the rest of the engine together: docdeid makes an object per token and per
annotation, and tests every pattern position through several layers of
calls. ``Pipeline`` runs the same processors in the same order, read from
the configuration of a ``Deduce`` built by ``backend.new_deduce`` and on its
lookup structures, and gives the same annotations in a fraction of the time.

Each class below re-implements one of Deduce's or docdeid's annotator types
and names it; a type it does not know raises ``DeduceChanged``. The tests in
tests/casebook/test_anonymisation_backend.py hold the annotations equal to
Deduce's own (``backend.reference_spans``) on every corpus text and on
shuffled and re-cased variants, so a Deduce upgrade that changes what an
annotator does fails there.

One thing Deduce leaves to chance is fixed here: it keeps annotations in a
set, so the order in which its context annotator extends them follows
string hashes (it matters only when two extensions meet in one span); we
take them in the order they were found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import regex

from . import match_starts

#: Deduce's tokenizer: a word, a line break or tab, a run of four spaces or
#: more, or any other single character (``deduce.tokenizer``).
_TOKEN = regex.compile(r"\w+|[\n\r\t]| {4,}|[^ ]", flags=regex.I | regex.M)

#: An annotation: (start, end, tag) -> (first token, last token, priority);
#: tokens are indices into ``_Doc.words``, None where Deduce has no token.
_Annotations = dict[tuple[int, int, str], tuple[int | None, int | None, int]]
_Predicate = Callable[[str], bool]


class _Doc:
    """A text as Deduce's tokenizer splits it, with lists instead of token
    objects, and the look-ups its annotators repeat, done once."""

    __slots__ = ("_folded", "_in", "_positions", "text", "tokens", "words")

    def __init__(self, text: str, merge: dict) -> None:
        self.text = text
        # The matches themselves, not their spans: few tokens' places are
        # ever asked for (#13).
        tokens: list[Any] = list(_TOKEN.finditer(text))
        words = [token.group() for token in tokens]
        if not merge.keys().isdisjoint(words):
            tokens, words = _merge_tokens(text, tokens, words, merge)
        self.tokens = tokens
        self.words = words
        self._positions: dict[str, list[int]] | None = None
        self._folded: frozenset[str] | None = None
        self._in: dict[int, list[int]] = {}

    def start(self, index: int) -> int:
        """Where token ``index`` starts in the text."""
        return self.tokens[index].start()

    def end(self, index: int) -> int:
        return self.tokens[index].end()

    def positions(self) -> dict[str, list[int]]:
        """Each word's token indices, in text order."""
        if self._positions is None:
            positions: dict[str, list[int]] = {}
            for index, word in enumerate(self.words):
                positions.setdefault(word, []).append(index)
            self._positions = positions
        return self._positions

    def folded(self) -> frozenset[str]:
        """The words in lower case (``str.casefold``, as docdeid's
        ``LowercaseString``)."""
        if self._folded is None:
            self._folded = frozenset(word.casefold() for word in self.positions())
        return self._folded

    def tokens_in(self, lookup: Any) -> list[int]:
        """Indices of the tokens whose text (after the structure's matching
        pipeline) is one of ``lookup``'s items: docdeid's token_lookup.
        Several patterns start with the same lookup: looked up once (#13)."""
        found = self._in.get(id(lookup))
        if found is None:
            found = self._in[id(lookup)] = self._tokens_in(lookup)
        return found

    def _tokens_in(self, lookup: Any) -> list[int]:
        pipeline = lookup.matching_pipeline
        positions = self.positions()
        if not pipeline:
            # set.intersection(dict) walks the text's words, not the list.
            found = lookup.items().intersection(positions)
            return sorted(i for word in found for i in positions[word])
        items = lookup.items()
        return [
            i
            for word, indices in positions.items()
            if _apply(pipeline, word) in items
            for i in indices
        ]

    def next_index(self, index: int | None, step: int, skip: frozenset[str]):
        """The next token in direction ``step``, passing over ``skip``."""
        if index is None:
            return None
        words = self.words
        while True:
            index += step
            if not 0 <= index < len(words):
                return None
            if words[index] not in skip:
                return index


def _apply(pipeline: Iterable[Any], word: str) -> str:
    for processor in pipeline:
        word = processor.process(word)
    return word


def _merge_trie(tokenizer_terms: Iterable[str]) -> dict:
    """Deduce's tokenizer keeps prefixes and tussenvoegsels of several words
    ("van der", "mr.") as one token; a trie of their words, None marking an
    end."""
    trie: dict = {}
    for term in tokenizer_terms:
        node = trie
        for match in _TOKEN.finditer(term):
            node = node.setdefault(match.group(), {})
        node[None] = True
    return trie


class _Merged:
    """A token merged from several matches: their span, read as a match's."""

    __slots__ = ("_end", "_start")

    def __init__(self, start: int, end: int) -> None:
        self._start, self._end = start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _merge_tokens(
    text: str, tokens: list[Any], words: list[str], trie: dict
) -> tuple[list[Any], list[str]]:
    merged_tokens: list[Any] = []
    merged_words: list[str] = []
    index, count = 0, len(words)
    # Only a word that opens a term can start a merge; the tokens between
    # are copied in slices, not one by one (#13).
    for first in [i for i, word in enumerate(words) if word in trie]:
        if first < index:
            continue  # inside the term merged before
        merged_tokens += tokens[index:first]
        merged_words += words[index:first]
        node, length, ahead = trie, 0, first
        while ahead < count and words[ahead] in node:
            node = node[words[ahead]]
            ahead += 1
            if None in node:
                length = ahead - first
        if length <= 1:
            merged_tokens.append(tokens[first])
            merged_words.append(words[first])
            index = first + 1
            continue
        start, end = tokens[first].start(), tokens[first + length - 1].end()
        merged_tokens.append(_Merged(start, end))
        merged_words.append(text[start:end])
        index = first + length
    merged_tokens += tokens[index:]
    merged_words += words[index:]
    return merged_tokens, merged_words


def _predicate(position: dict, structures: Any) -> _Predicate:
    """One position of a Deduce token pattern (``deduce.annotator.
    _PatternPositionMatcher``) as a test on the token's text."""
    if len(position) != 1:
        raise DeduceChanged(f"pattern position {position} has more than one key")
    ((kind, value),) = position.items()
    if kind == "equal":
        return lambda word: word == value
    if kind == "re_match":
        pattern = re.compile(value)
        return lambda word: pattern.match(word) is not None
    if kind == "is_initials":
        return lambda word: (len(word) <= 4 and word.isupper()) == value
    if kind == "like_name":
        return lambda word: _like_name(word) == value
    if kind in {"lookup", "neg_lookup"}:
        contains = _contains(structures[value])
        return contains if kind == "lookup" else lambda word: not contains(word)
    if kind in {"and", "or"}:
        parts = [_predicate(part, structures) for part in value]
        return _all_of(parts) if kind == "and" else _any_of(parts)
    raise DeduceChanged(f"unknown pattern position {kind!r}")


def _like_name(word: str) -> bool:
    """Deduce's ``like_name``: three characters or more, title case, no
    digit. A word of letters only has no digit (no letter is a digit, in
    Unicode's categories): told without a generator for most words (#13)."""
    return (
        len(word) >= 3
        and word.istitle()
        and (word.isalpha() or not any(c.isdigit() for c in word))
    )


def _all_of(parts: list[_Predicate]) -> _Predicate:
    # A loop, not all() over a generator: called for most tokens (#13).
    def test(word: str) -> bool:
        for part in parts:
            if not part(word):
                return False
        return True

    return test


def _any_of(parts: list[_Predicate]) -> _Predicate:
    def test(word: str) -> bool:
        for part in parts:
            if part(word):
                return True
        return False

    return test


def _contains(structure: Any) -> _Predicate:
    pipeline = getattr(structure, "matching_pipeline", None)
    if hasattr(structure, "items"):
        items = structure.items()
        if pipeline is None:
            return items.__contains__
        # ``LookupSet.__contains__`` with its one processor, without the
        # three calls it takes to apply it (#13): the whitelist's.
        if len(pipeline) == 1 and _is_lowercase(pipeline[0]):
            return lambda word: word.casefold() in items
    return structure.__contains__


def _is_lowercase(processor: Any) -> bool:
    """docdeid's ``LowercaseString`` (``item.casefold()``), told by its
    name: docdeid is imported only with Deduce (see backend)."""
    kind = type(processor)
    return (kind.__module__, kind.__name__) == (
        "docdeid.str.processor",
        "LowercaseString",
    )


class DeduceChanged(RuntimeError):
    """Deduce's configuration holds something ``_Pipeline`` does not know."""


def _match(
    doc: _Doc,
    predicates: list[_Predicate],
    start: int | None,
    step: int,
    skip: frozenset[str],
) -> int | None:
    """Deduce's ``TokenPatternAnnotator._match_sequence``: match the
    predicates from token ``start`` on in direction ``step``; the index of
    the last token matched, or None."""
    current, last = start, None
    for predicate in predicates:
        if current is None or not predicate(doc.words[current]):
            return None
        last = current
        current = doc.next_index(current, step, skip)
    return last


class _TokenPattern:
    """``deduce.annotator.TokenPatternAnnotator``."""

    def __init__(self, args: dict, structures: Any) -> None:
        self.tag, self.priority = args["tag"], args.get("priority", 0)
        self.skip = frozenset(args.get("skip") or ())
        self.predicates = [_predicate(p, structures) for p in args["pattern"]]
        first = args["pattern"][0]
        self.start = structures[first["lookup"]] if "lookup" in first else None

    def annotate(self, doc: _Doc, annotations: _Annotations) -> None:
        if self.start is not None:
            candidates: Iterable[int] = doc.tokens_in(self.start)
        else:
            candidates = range(len(doc.words))
        predicates = self.predicates
        if self.start is not None:
            # The first position is the start lookup, which the candidates
            # have passed already: matched from the next token on.
            predicates = predicates[1:]
        for first in candidates:
            last = first
            if predicates:
                following = doc.next_index(first, 1, self.skip)
                last = _match(doc, predicates, following, 1, self.skip)
            if last is not None:
                key = (doc.start(first), doc.end(last), self.tag)
                annotations.setdefault(key, (first, last, self.priority))


class _TrieLookup:
    """``docdeid.process.MultiTokenLookupAnnotator`` on a lookup trie."""

    def __init__(self, args: dict, structures: Any) -> None:
        lookup = args.get("lookup_values")
        # Deduce's loader swaps the name for the trie in the config it keeps.
        self.trie = structures[lookup] if isinstance(lookup, str) else args["trie"]
        self.tag, self.priority = args["tag"], args.get("priority", 0)
        self.overlapping = args.get("overlapping", False)
        self.pipeline = self.trie.matching_pipeline or []
        self.start_words = frozenset(self.trie.children)

    def annotate(self, doc: _Doc, annotations: _Annotations) -> None:
        positions = doc.positions()
        if self.pipeline:
            found = [
                w for w in positions if _apply(self.pipeline, w) in self.start_words
            ]
        else:
            found = self.start_words.intersection(positions)
        next_free = 0
        words = doc.words
        for first in sorted(i for word in found for i in positions[word]):
            if first < next_free:
                continue
            if self.pipeline:
                length = self._longest_match(words, first)
            else:
                length = _longest_match(self.trie.children[words[first]], words, first)
            if not length:
                continue
            last = first + length - 1
            key = (doc.start(first), doc.end(last), self.tag)
            annotations.setdefault(key, (first, last, self.priority))
            if not self.overlapping:
                next_free = last + 1

    def _longest_match(self, words: list[str], first: int) -> int:
        """How many tokens from ``first`` on the trie matches, 0 for none:
        ``LookupTrie.longest_matching_prefix``."""
        prefix = self.trie.longest_matching_prefix(words, start_i=first)
        return len(prefix) if prefix else 0


def _longest_match(node: Any, words: list[str], first: int) -> int:
    """``LookupTrie.longest_matching_prefix`` without a matching pipeline,
    walked without its method calls: how many tokens from ``first`` on the
    trie matches, 0 for none, where ``node`` is the trie's child for the
    token ``first``. Most words end their walk there (#13)."""
    longest = 1 if node.is_terminal else 0
    index, count = first + 1, len(words)
    children = node.children
    while children and index < count and words[index] in children:
        node = children[words[index]]
        index += 1
        if node.is_terminal:
            longest = index - first
        children = node.children
    return longest


class _Context:
    """``deduce.annotator.ContextAnnotator``: extends annotations with the
    tokens to their left or right."""

    def __init__(self, args: dict, structures: Any) -> None:
        self.iterative = args.get("iterative", True)
        self.patterns = [
            (
                1 if pattern["direction"] == "right" else -1,
                frozenset(pattern["pre_tag"]),
                pattern["tag"],
                frozenset(pattern.get("skip") or ()),
                [_predicate(p, structures) for p in pattern["pattern"]],
            )
            for pattern in args["pattern"]
        ]
        for step, *_, predicates in self.patterns:
            if step < 0:
                predicates.reverse()  # matched from right to left

    def annotate(self, doc: _Doc, annotations: _Annotations) -> None:
        extended = self._extend(doc, dict(annotations))
        annotations.clear()
        annotations.update(extended)

    def _extend(self, doc: _Doc, annotations: _Annotations) -> _Annotations:
        original = dict(annotations)
        for pattern in self.patterns:
            self._apply(doc, annotations, *pattern)
        if not self.iterative:
            return annotations
        changed = {k: v for k, v in annotations.items() if k not in original}
        result = {k: v for k, v in annotations.items() if k in original}
        if changed:
            for key, value in self._extend(doc, changed).items():
                result.setdefault(key, value)
        return result

    @staticmethod
    def _apply(doc, annotations, step, pre_tags, tag_format, skip, predicates):
        # Run for every name found, and most meet no pattern: the token next
        # to it is found and tested here, without _match's calls (#13).
        words = doc.words
        count = len(words)
        first_test, rest = predicates[0], predicates[1:]
        for key in list(annotations):
            start, end, tag = key
            near = tag.rpartition("+")[2] if step > 0 else tag.partition("+")[0]
            if near not in pre_tags:
                continue
            first, last, priority = annotations[key]
            reached = last if step > 0 else first
            if reached is None:
                continue
            reached += step
            while 0 <= reached < count and words[reached] in skip:
                reached += step
            if not (0 <= reached < count and first_test(words[reached])):
                continue
            if rest:
                following = doc.next_index(reached, step, skip)
                reached = _match(doc, rest, following, step, skip)
                if reached is None:
                    continue
            if step > 0:
                new_key = (start, doc.end(reached), tag_format.format(tag=tag))
                new_value = (first, reached, priority)
            else:
                new_key = (doc.start(reached), end, tag_format.format(tag=tag))
                new_value = (reached, last, priority)
            del annotations[key]
            annotations.setdefault(new_key, new_value)


def _person_sort_key(doc: _Doc, key: tuple[int, int, str], priority: int) -> tuple:
    """docdeid's deterministic sort key for ``sort_by=("tag", "length")``
    with Deduce's callbacks: the tag's rank, the length descending, then the
    other fields by name (end_char, priority, start_char, text)."""
    start, end, tag = key
    rank = 0 if "pseudo" in tag else 1 if "patient" in tag else 2
    return (rank, start - end, end, priority, start, doc.text[start:end])


class _PersonConverter:
    """``deduce.annotation_processor.PersonAnnotationConverter``: resolve
    overlaps between the name annotations (pseudo names first, then longer
    first; an overlapped annotation keeps its free pieces), drop pseudo
    names, and tag the rest ``persoon`` (or ``patient``)."""

    def annotate(self, doc: _Doc, annotations: _Annotations) -> None:
        if not annotations:
            return
        ordered = sorted(
            annotations, key=lambda k: _person_sort_key(doc, k, annotations[k][2])
        )
        mask = bytearray(max(end for _, end, _ in ordered))
        kept: list[tuple[int, int, str]] = []
        for start, end, tag in ordered:
            if 1 not in mask[start:end]:
                kept.append((start, end, tag))
            else:
                kept.extend(
                    (piece_start, piece_end, tag)
                    for piece_start, piece_end in _free_runs(mask, start, end)
                )
            mask[start:end] = b"\x01" * (end - start)
        annotations.clear()
        for start, end, tag in kept:
            if "pseudo" not in tag and doc.text[start:end].strip():
                new_tag = "patient" if "patient" in tag else "persoon"
                annotations.setdefault((start, end, new_tag), (None, None, 0))


def _free_runs(mask: bytearray, start: int, end: int) -> Iterable[tuple[int, int]]:
    run_start = None
    for index in range(start, end):
        if mask[index] == 0 and run_start is None:
            run_start = index
        elif mask[index] and run_start is not None:
            yield run_start, index
            run_start = None
    if run_start is not None:
        yield run_start, end


class _RemoveTags:
    """``deduce.annotation_processor.RemoveAnnotations``."""

    def __init__(self, processor: Any) -> None:
        self.tags = frozenset(processor.tags)

    def annotate(self, doc: _Doc, annotations: _Annotations) -> None:
        for key in [k for k in annotations if k[2] in self.tags]:
            del annotations[key]


class _RenameTags:
    """``deduce.annotation_processor.CleanAnnotationTag``."""

    def __init__(self, processor: Any) -> None:
        self.tag_map = dict(processor.tag_map)

    def annotate(self, doc: _Doc, annotations: _Annotations) -> None:
        if not annotations:
            return
        renamed: _Annotations = {}
        for (start, end, tag), value in annotations.items():
            renamed.setdefault((start, end, self.tag_map.get(tag, tag)), value)
        annotations.clear()
        annotations.update(renamed)


class _Regexp:
    """``docdeid.process.RegexpAnnotator``."""

    def __init__(self, args: dict, structures: Any) -> None:
        pattern = args["regexp_pattern"]
        self.pattern = re.compile(pattern) if isinstance(pattern, str) else pattern
        self.group = args.get("capturing_group", 0)
        self.tag, self.priority = args["tag"], args.get("priority", 0)
        words = args.get("pre_match_words")
        self.pre_match_words = None if words is None else frozenset(words)

    def annotate(self, doc: _Doc, annotations: _Annotations) -> None:
        if self.pre_match_words is not None and self.pre_match_words.isdisjoint(
            doc.folded()
        ):
            return
        for match in match_starts.finditer(self.pattern, doc.text):
            start, end = match.span(self.group)
            annotations.setdefault((start, end, self.tag), (None, None, self.priority))


class _Phone:
    """``deduce.annotator.PhoneNumberAnnotator``."""

    def __init__(self, args: dict, structures: Any) -> None:
        self.pattern = re.compile(args["phone_regexp"])
        self.min_digits = args.get("min_digits", 9)
        self.max_digits = args.get("max_digits", 11)
        self.tag, self.priority = args["tag"], args.get("priority", 0)

    def annotate(self, doc: _Doc, annotations: _Annotations) -> None:
        for match in match_starts.finditer(self.pattern, doc.text):
            prefix = "0" + re.sub(r"\D", "", match.group(3))
            digits = len(prefix) + len(re.sub(r"\D", "", match.group(4)))
            if match.group(0).count("-") > 1:
                continue
            shift = -2 if prefix in {"0800", "0900", "0906", "0909"} else 0
            if not self.min_digits + shift <= digits <= self.max_digits + shift:
                continue
            parens = match.group(1)
            left = 1 if parens.startswith("(") and not parens.endswith(")") else 0
            key = (match.start() + left, match.end(), self.tag)
            annotations.setdefault(key, (None, None, self.priority))


_ANNOTATOR_TYPES: dict[str, type] = {
    "deduce.annotator.TokenPatternAnnotator": _TokenPattern,
    "docdeid.process.MultiTokenLookupAnnotator": _TrieLookup,
    "deduce.annotator.ContextAnnotator": _Context,
    "docdeid.process.RegexpAnnotator": _Regexp,
    "deduce.annotator.PhoneNumberAnnotator": _Phone,
}

#: Processors Deduce adds itself (not in its config), by class name.
_PROCESSOR_TYPES: dict[str, Callable[[Any], Any]] = {
    "PersonAnnotationConverter": lambda processor: _PersonConverter(),
    "RemoveAnnotations": _RemoveTags,
    "CleanAnnotationTag": _RenameTags,
}


class Pipeline:
    """Deduce's processors, in Deduce's order, on plain lists: what
    ``Deduce.deidentify`` annotates (``backend.reference_spans``)."""

    def __init__(self, engine: Any) -> None:
        structures = engine.lookup_structs
        self.merge = _merge_trie(
            [*structures["prefix"].items(), *structures["interfix"].items()]
        )
        annotators = engine.config["annotators"]
        self.steps: list[Any] = []
        for group_name in engine.processors.get_names(recursive=False):
            group = engine.processors[group_name]
            for name in group.get_names(recursive=False):
                self.steps.append(_step(name, group[name], annotators, structures))

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        doc = _Doc(text, self.merge)
        annotations: _Annotations = {}
        for step in self.steps:
            step.annotate(doc, annotations)
        return sorted(key for key in annotations if text[key[0] : key[1]].strip())


def _step(name: str, processor: Any, annotators: Any, structures: Any) -> Any:
    if name in annotators:
        spec = annotators[name]
        kind = _ANNOTATOR_TYPES.get(spec["annotator_type"])
        if kind is None:
            raise DeduceChanged(f"annotator type {spec['annotator_type']} of {name}")
        return kind(spec["args"], structures)
    kind = _PROCESSOR_TYPES.get(type(processor).__name__)
    if kind is None:
        raise DeduceChanged(f"processor {name} ({type(processor).__name__})")
    return kind(processor)
