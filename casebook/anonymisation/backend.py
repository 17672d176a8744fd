"""Deduce, set up for case texts, and the lookup data it needs.

Deduce (Dutch de-identification, built on docdeid) is written for medical
records. Of its annotators we keep the ones that find names, dates, phone
numbers and place names; the rest would harm a case text:

- hospitals and healthcare institutions are not personal data here, and their
  lookup list is the biggest part of Deduce's cache;
- place names must stay (where it happened is the point of a case), so the
  place-name annotator only marks spans that the engine protects;
- ages ("een 16-jarige") and event dates are context, so ages are off and
  dates are only candidates that the engine classifies;
- its street list (BAG, 310,000 names with spelling variants) takes minutes to
  turn into a trie, so streets are kept as a plain set the address detector
  looks up itself; its BSN, e-mail, URL, postcode and generic-number
  annotators are replaced by the engine's own detectors.

Deduce is built through its public constructor, ``deduce.Deduce(...)``, on a
trimmed copy of its lookup lists (institutions and streets left empty) that
the warm step (``python -m casebook.anonymisation.warm``, run at install)
writes once under ``var/anonymisation/``; Deduce builds its lookup
structures from that copy and pickles them beside it (its ``cache_path``).
Our own word sets go into a pickle in the same folder.

The engine does not run Deduce's own pipeline on a text, which cost more
than the rest of the engine together, but ``pipeline.Pipeline``: the same
annotators, read from that ``Deduce``'s configuration and lookup
structures, on plain lists (see there).

Everything that knows Deduce's or docdeid's API is in the adapter section
below and in ``pipeline``; the engine only sees ``Resources`` and
``DeduceSpan``.
"""

from __future__ import annotations

import gc
import inspect
import logging
import os
import pickle  # noqa: S403 - only our own cache file, written by build_resources
import shutil
import tempfile
import threading
import time
import warnings
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from .pipeline import Pipeline

logger = logging.getLogger(__name__)

#: Bump when the content of the cache folder changes shape.
CACHE_FORMAT = 3

#: Deduce's annotators that we run (see the module docstring for the others).
DEDUCE_ANNOTATORS = frozenset(
    {
        "prefix_with_initial",
        "prefix_with_interfix",
        "prefix_with_name",
        "interfix_with_name",
        "initial_with_name",
        "initial_interfix",
        "first_name_lookup",
        "surname_lookup",
        "name_context",
        "eponymous_disease",
        "placename",
        "date_dmy_1",
        "date_dmy_2",
        "date_ymd_1",
        "date_ymd_2",
        "phone",
    }
)

#: Lookup lists left empty in our copy of Deduce's data: no annotator of
#: ours reads them (streets are read as a set, see ``_load_streets``).
_EMPTIED_LISTS = (
    "institutions/lst_healthcare_institution",
    "institutions/lst_hospital",
    "institutions/lst_hospital_abbr",
    "locations/lst_street",
)

#: Lookup lists the detectors read as plain sets of words.
_WORD_LISTS = (
    "locations/lst_placename",
    "names/lst_first_name",
    "names/lst_surname",
    "names/lst_interfix",
    "whitelist/lst_common_word",
    "whitelist/lst_stop_word",
)

_WORDS_FILE = "words.pickle"
_WORD_KEYS = frozenset(
    {
        "streets",
        "placenames",
        "first_names",
        "surnames",
        "common_words",
        "stop_words",
        "interfixes",
    }
)


@dataclass(frozen=True)
class Resources:
    """What the engine needs, built once per process."""

    deduce: Any  # deduce.Deduce; typed loosely so importing this is cheap
    #: Street names, lower case ("kerkstraat", "burgemeester de withstraat").
    streets: frozenset[str]
    #: Place names (municipalities, residences, provinces, regions), lower case.
    placenames: frozenset[str]
    #: Deduce's first names and surnames, lower case.
    first_names: frozenset[str]
    surnames: frozenset[str]
    #: The thousand most common Dutch words and the stop words, lower case:
    #: never a name on their own ("Storm", "Bloem" only next to another name).
    common_words: frozenset[str]
    #: Function words ("de", "op", "een").
    stop_words: frozenset[str]
    #: Tussenvoegsels ("van", "de", "van der", "'t").
    interfixes: frozenset[str]
    #: Deduce's annotators, run on plain lists (see ``Pipeline``).
    pipeline: Pipeline
    timings: dict[str, float] = field(default_factory=dict, compare=False)


class DeduceSpan(NamedTuple):
    """One of Deduce's annotations. A named tuple, not a frozen dataclass:
    made for every name, date and place of every text, at a third of the
    cost (#13)."""

    start: int
    end: int
    tag: str
    text: str


def deduce_spans(resources: Resources, text: str) -> list[DeduceSpan]:
    """Deduce's raw annotations: names (``persoon``), ``datum``,
    ``telefoonnummer`` and ``locatie`` (place names), possibly overlapping;
    the engine resolves overlaps itself."""
    return [
        DeduceSpan(start, end, tag, text[start:end])
        for start, end, tag in resources.pipeline.spans(text)
    ]


def cache_folder(cache_dir: Path) -> Path:
    """Where the lookup data of this Deduce release and cache format live."""
    return cache_dir / f"deduce-{deduce_version()}-v{CACHE_FORMAT}"


def build_resources(cache_dir: Path, *, replace: bool = True) -> float:
    """Write the lookup data (our copy of Deduce's lists, Deduce's pickled
    structures, our word sets) into ``cache_folder(cache_dir)``; returns the
    seconds it took.

    Built in a temporary folder first and moved into place, so a process
    that starts meanwhile reads the old folder or the new one, never half of
    one. Without ``replace``, a folder another process put in place
    meanwhile stays, and this build is dropped: workers starting together
    on a fresh install do not pull the folder from under each other.
    """
    started = time.perf_counter()
    cache_dir.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(dir=cache_dir, prefix=".building-"))
    try:
        source = packaged_lookup_path()
        write_trimmed_lookup(source, building)
        words = _word_sets(building, source)
        with (building / _WORDS_FILE).open("wb") as file:
            pickle.dump(words, file, protocol=pickle.HIGHEST_PROTOCOL)
        new_deduce(building, build=True)  # pickles its structures in building
        # The web server may run as another user; mkdtemp made it 0o700.
        os.chmod(building, 0o755)  # noqa: S103 - lookup lists, nothing secret
        _move_into_place(building, cache_folder(cache_dir), replace=replace)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    seconds = time.perf_counter() - started
    logger.info("Anonymisation lookup data built in %.1f s", seconds)
    return seconds


def _word_sets(lookup_path: Path, source: Path) -> dict[str, frozenset[str]]:
    raw = raw_itemsets(lookup_path, _WORD_LISTS)
    lower = lambda items: frozenset(item.lower() for item in items)  # noqa: E731
    return {
        "streets": _load_streets(source),
        "placenames": lower(raw["placename"]),
        "first_names": lower(raw["first_name"]),
        "surnames": lower(raw["surname"]),
        "common_words": lower(raw["common_word"] | raw["stop_word"]),
        "stop_words": lower(raw["stop_word"]),
        "interfixes": lower(raw["interfix"]),
    }


def _move_into_place(building: Path, target: Path, *, replace: bool) -> None:
    """Rename ``building`` to ``target``; an existing ``target`` is moved
    aside first and removed after (``replace``), or kept."""
    try:
        os.rename(building, target)
        return
    except OSError:
        if not target.exists():
            raise
    if not replace:
        return  # ``building`` is removed by the caller
    aside = target.with_name(f".old-{target.name}-{os.getpid()}")
    os.rename(target, aside)
    os.rename(building, target)
    shutil.rmtree(aside, ignore_errors=True)


def _read_words(path: Path) -> dict[str, frozenset[str]] | None:
    try:
        with path.open("rb") as file, _collector_paused():
            # Unpickling creates a few hundred thousand strings; the cyclic
            # garbage collector would walk them again and again meanwhile.
            words = pickle.load(file)  # noqa: S301 - our own file, see above
    except FileNotFoundError:
        return None
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError) as error:
        logger.warning(
            "Anonymisation cache %s unreadable (%s); rebuilding", path, error
        )
        return None
    if not isinstance(words, dict) or not _WORD_KEYS <= words.keys():
        logger.warning("Anonymisation cache %s incomplete; rebuilding", path)
        return None
    return words


def load_resources(cache_dir: Path) -> Resources:
    """From the cache folder, building it first when it is missing."""
    started = time.perf_counter()
    timings: dict[str, float] = {}
    folder = cache_folder(cache_dir)
    words = _read_words(folder / _WORDS_FILE)
    if words is None:
        # A folder that is there but unreadable is replaced; a missing one
        # may meanwhile be built by another process, which is then kept.
        timings["build"] = build_resources(cache_dir, replace=folder.exists())
        words = _read_words(folder / _WORDS_FILE)
        if words is None:
            raise RuntimeError(f"Anonymisation cache {folder} could not be built")
    engine = new_deduce(folder, build=False)
    pipeline = Pipeline(engine)
    timings["load"] = time.perf_counter() - started
    return Resources(deduce=engine, pipeline=pipeline, timings=timings, **words)


_lock = threading.Lock()
_resources: dict[Path, Resources] = {}


def get_resources(cache_dir: Path) -> Resources:
    """The process-wide resources, loaded on first use (thread-safe)."""
    resources = _resources.get(cache_dir)
    if resources is None:
        with _lock:
            resources = _resources.get(cache_dir)
            if resources is None:
                resources = load_resources(cache_dir)
                _resources[cache_dir] = resources
    return resources


@contextmanager
def _collector_paused():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# --- The adapter: everything that knows Deduce's and docdeid's API ---------
#
# Deduce 3.0.6 with docdeid 1.0.1 (requirements.txt pins both). Public API
# used: ``Deduce(load_base_config, config, lookup_data_path, cache_path,
# build_lookup_structs)``, ``Deduce.deidentify``, its ``processors`` (a
# docdeid ``DocProcessorGroup``: ``get_names``, ``[name]``,
# ``remove_processor``), ``config`` and ``lookup_structs`` (docdeid
# ``LookupSet``: ``items()``, ``matching_pipeline``, ``in``; ``LookupTrie``:
# ``children``, ``longest_matching_prefix``). Beyond that, and pinned by
# tests/casebook/test_anonymisation_backend.py: ``load_raw_itemsets`` (the
# lists with Deduce's own spelling variants, for our word sets), the layout
# of the lookup folder (``src/<group>/lst_<name>/items.txt``), and what the
# annotator types in the configuration do, which ``pipeline`` re-implements.

#: The Deduce release this section is written against.
DEDUCE_VERSION = "3.0.6"


def _import_deduce() -> Any:
    """Import deduce without its side effects on logging and warnings.

    ``deduce.deduce`` calls ``logging.basicConfig(stream=sys.stdout,
    level=DEBUG)`` at import, which would send every library's debug lines to
    standard output, where the ``anonymise`` command writes JSON lines; and
    ``deduce.annotator`` resets the warning filters of the whole process.
    """
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    filters = warnings.filters[:]
    import deduce  # noqa: PLC0415 - slow import, only when the engine is built
    import deduce.annotator  # noqa: F401, PLC0415 - loaded later by name otherwise

    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
    root.setLevel(level)
    warnings.filters[:] = filters
    return deduce


def deduce_version() -> str:
    return _import_deduce().__version__


def packaged_lookup_path() -> Path:
    """The lookup lists Deduce ships: its constructor's default
    ``lookup_data_path``."""
    parameters = inspect.signature(_import_deduce().Deduce).parameters
    return Path(parameters["lookup_data_path"].default)


def write_trimmed_lookup(source: Path, target: Path) -> None:
    """Copy Deduce's lookup lists from ``source`` to ``target``, with the
    lists in ``_EMPTIED_LISTS`` empty (Deduce needs every list it knows to be
    there)."""
    shutil.copytree(
        source / "src",
        target / "src",
        ignore=shutil.ignore_patterns("__pycache__", "*.py", "*.pyc"),
    )
    for name in _EMPTIED_LISTS:
        folder = target / "src" / name
        shutil.rmtree(folder)
        folder.mkdir()
        (folder / "items.txt").touch()


def raw_itemsets(lookup_path: Path, lists: Iterable[str]) -> dict[str, set[str]]:
    """Deduce's lists as sets of strings, with its exceptions removed and its
    spelling variants added, keyed by name ("placename", "first_name")."""
    _import_deduce()
    from deduce.lookup_structs import load_raw_itemsets  # noqa: PLC0415

    return load_raw_itemsets(base_path=lookup_path, subdirs=list(lists))


def _read_lines(path: Path) -> set[str]:
    if not path.exists():
        return set()
    with path.open(encoding="utf-8") as file:
        return {line.strip() for line in file if line.strip()}


def _load_streets(lookup_path: Path) -> frozenset[str]:
    folder = lookup_path / "src" / "locations" / "lst_street"
    names = _read_lines(folder / "items.txt") | _read_lines(folder / "streets_bag.txt")
    names -= _read_lines(folder / "exceptions.txt")
    return frozenset(" ".join(name.lower().split()) for name in names)


def new_deduce(lookup_path: Path, *, build: bool) -> Any:
    """A ``Deduce`` on the lookup lists in ``lookup_path`` (its structures
    cached there too), running only ``DEDUCE_ANNOTATORS`` and without its
    post-processing (overlaps, merging, redaction): the engine does those."""
    deduce = _import_deduce()
    with _collector_paused():
        engine = deduce.Deduce(
            load_base_config=True,
            lookup_data_path=lookup_path,
            cache_path=lookup_path,
            build_lookup_structs=build,
        )
    annotators = engine.config["annotators"]
    unknown = DEDUCE_ANNOTATORS - annotators.keys()
    if unknown:
        raise RuntimeError(f"Deduce has no annotators {sorted(unknown)}")
    processors = engine.processors
    processors.remove_processor("post_processing")
    for group_name in processors.get_names(recursive=False):
        group = processors[group_name]
        names = group.get_names(recursive=False)
        for name in names:
            if name in annotators and name not in DEDUCE_ANNOTATORS:
                group.remove_processor(name)
        if not DEDUCE_ANNOTATORS & set(names):
            processors.remove_processor(group_name)
    return engine


def reference_spans(engine: Any, text: str) -> set[tuple[int, int, str]]:
    """What Deduce's own pipeline finds in ``text``, as ``Pipeline.spans``
    gives it: for the tests that hold the two equal."""
    doc = engine.deidentify(text)
    return {
        (a.start_char, a.end_char, a.tag) for a in doc.annotations if a.text.strip()
    }
