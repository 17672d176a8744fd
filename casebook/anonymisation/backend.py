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

Deduce normally pickles every lookup structure into its own package folder
on first use. We build only the structures we use, once, into a cache file
under ``var/`` (``python -m casebook.anonymisation.warm`` at install), and
load that file at start-up.
"""

from __future__ import annotations

import copy
import gc
import json
import logging
import os
import pickle  # noqa: S403 - only our own cache file, written by build_resources
import tempfile
import threading
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import docdeid

logger = logging.getLogger(__name__)

#: Bump when the content of the cache file changes shape.
CACHE_FORMAT = 2

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

#: Lookup lists whose structures we build (all of Deduce's but institutions;
#: streets are read as a set, see ``_load_streets``).
_LOOKUP_LISTS = (
    "locations/lst_placename",
    "names/lst_first_name",
    "names/lst_initial",
    "names/lst_interfix",
    "names/lst_interfix_surname",
    "names/lst_prefix",
    "names/lst_surname",
    "whitelist/lst_common_word",
    "whitelist/lst_eponymous_disease",
    "whitelist/lst_medical_term",
    "whitelist/lst_stop_word",
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
    timings: dict[str, float] = field(default_factory=dict, compare=False)


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


def cache_file(cache_dir: Path) -> Path:
    deduce = _import_deduce()
    return cache_dir / f"deduce-{deduce.__version__}-v{CACHE_FORMAT}.pickle"


def _lookup_path() -> Path:
    deduce = _import_deduce()
    return Path(deduce.__file__).parent / "data" / "lookup"


def _config() -> dict:
    deduce = _import_deduce()
    base = Path(deduce.__file__).parent / "base_config.json"
    config = json.loads(base.read_text(encoding="utf-8"))
    config["annotators"] = {
        name: spec
        for name, spec in config["annotators"].items()
        if name in DEDUCE_ANNOTATORS
    }
    return config


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


def _build_structures() -> tuple[Any, dict[str, set[str]]]:
    """Deduce's own loaders, for the structures its annotators look up."""
    import docdeid as dd  # noqa: PLC0415

    _import_deduce()
    from deduce import lookup_struct_loader as loaders  # noqa: PLC0415
    from deduce.deduce import Deduce  # noqa: PLC0415
    from deduce.lookup_structs import load_raw_itemsets  # noqa: PLC0415

    lookup_path = _lookup_path()
    tokenizer = Deduce._initialize_tokenizer(lookup_path)
    raw = load_raw_itemsets(base_path=lookup_path, subdirs=list(_LOOKUP_LISTS))
    structures = dd.ds.DsCollection()
    for name in ("initial", "interfix_surname"):
        lookup = dd.ds.LookupSet()
        lookup.add_items_from_iterable(raw[name])
        structures[name] = lookup
    structures["prefix"] = loaders.load_prefix_lookup(raw)
    structures["interfix"] = loaders.load_interfix_lookup(raw)
    structures["whitelist"] = loaders.load_whitelist_lookup(raw)
    structures["first_name"] = loaders.load_first_name_lookup(raw, tokenizer)
    structures["surname"] = loaders.load_surname_lookup(raw, tokenizer)
    structures["placename"] = loaders.load_placename_lookup(raw, tokenizer)
    structures["eponymous_disease"] = loaders.load_eponymous_disease_lookup(
        raw, tokenizer
    )
    return structures, raw


def build_resources(cache_dir: Path) -> dict[str, Any]:
    """Build the lookup data from Deduce's lists and write the cache file.

    Written to a temporary file first and moved into place, so a process that
    starts meanwhile reads the old file or the new one, never half of one.
    """
    started = time.perf_counter()
    structures, raw = _build_structures()
    lower = lambda items: frozenset(item.lower() for item in items)  # noqa: E731
    payload = {
        "structures": structures,
        "streets": _load_streets(_lookup_path()),
        "placenames": lower(raw["placename"]),
        "first_names": lower(raw["first_name"]),
        "surnames": lower(raw["surname"]),
        "common_words": lower(raw["common_word"] | raw["stop_word"]),
        "stop_words": lower(raw["stop_word"]),
        "interfixes": lower(raw["interfix"]),
    }
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_file(cache_dir)
    handle, temporary = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
    with os.fdopen(handle, "wb") as file:
        pickle.dump(payload, file, protocol=pickle.HIGHEST_PROTOCOL)
    os.chmod(temporary, 0o644)  # the web server may run as another user
    os.replace(temporary, target)
    payload["build_seconds"] = time.perf_counter() - started
    logger.info("Anonymisation lookup data built in %.1f s", payload["build_seconds"])
    return payload


_PAYLOAD_KEYS = frozenset(
    {
        "structures",
        "streets",
        "placenames",
        "first_names",
        "surnames",
        "common_words",
        "stop_words",
        "interfixes",
    }
)


def _read_cache(path: Path) -> dict[str, Any] | None:
    try:
        with path.open("rb") as file:
            # Unpickling creates a few million small objects; the cyclic
            # garbage collector would walk them all again and again.
            gc.disable()
            try:
                payload = pickle.load(file)  # noqa: S301 - our own file, see above
            finally:
                gc.enable()
    except FileNotFoundError:
        return None
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError) as error:
        logger.warning(
            "Anonymisation cache %s unreadable (%s); rebuilding", path, error
        )
        return None
    if not isinstance(payload, dict) or not _PAYLOAD_KEYS <= payload.keys():
        logger.warning("Anonymisation cache %s incomplete; rebuilding", path)
        return None
    return payload


def _make_deduce(structures: Any) -> Any:
    """A ``Deduce`` on our structures and annotators.

    ``Deduce.__init__`` always loads its own full cache, so we set up the
    same attributes ourselves (deduce is pinned, see requirements.txt).
    """
    import docdeid as dd  # noqa: PLC0415

    _import_deduce()
    from deduce.deduce import Deduce, _DeduceProcessorLoader  # noqa: PLC0415

    engine = Deduce.__new__(Deduce)
    dd.DocDeid.__init__(engine)
    engine.config = Deduce._initialize_config(
        load_base_config=False, user_config=copy.deepcopy(_config())
    )
    engine.lookup_data_path = _lookup_path()
    engine.cache_path = None
    engine.tokenizers = {"default": Deduce._initialize_tokenizer(_lookup_path())}
    engine.lookup_structs = structures
    extras = {"tokenizer": engine.tokenizers["default"], "ds": structures}
    engine.processors = _DeduceProcessorLoader().load(
        config=engine.config, extras=extras
    )
    return engine


def load_resources(cache_dir: Path) -> Resources:
    """From the cache file, building it first when it is missing."""
    started = time.perf_counter()
    timings: dict[str, float] = {}
    payload = _read_cache(cache_file(cache_dir))
    if payload is None:
        payload = build_resources(cache_dir)
        timings["build"] = payload["build_seconds"]
    engine = _make_deduce(payload["structures"])
    timings["load"] = time.perf_counter() - started
    return Resources(
        deduce=engine,
        streets=payload["streets"],
        placenames=payload["placenames"],
        first_names=payload["first_names"],
        surnames=payload["surnames"],
        common_words=payload["common_words"],
        stop_words=payload["stop_words"],
        interfixes=payload["interfixes"],
        timings=timings,
    )


@dataclass(frozen=True)
class DeduceSpan:
    start: int
    end: int
    tag: str
    text: str


def deduce_spans(resources: Resources, text: str) -> list[DeduceSpan]:
    """Deduce's raw annotations: names (``persoon``), ``datum``,
    ``telefoonnummer`` and ``locatie`` (place names), possibly overlapping;
    the engine resolves overlaps itself."""
    doc: docdeid.Document = resources.deduce.deidentify(
        text, disabled={"post_processing"}
    )
    return [
        DeduceSpan(a.start_char, a.end_char, a.tag, a.text)
        for a in doc.annotations
        if a.text.strip()
    ]


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
