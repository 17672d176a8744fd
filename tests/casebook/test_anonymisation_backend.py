"""The adapter between the engine and Deduce (``casebook.anonymisation.backend``).

These tests pin what the adapter relies on in Deduce 3.0.6 and docdeid
1.0.1, so that an upgrade fails here, loudly, rather than changing what the
anonymiser finds: the release, the constructor, the annotators we run and
what they are, the shape of an annotation, and above all that the engine's
own run of Deduce's annotators (``_Pipeline``) finds exactly what Deduce's
pipeline finds, on every corpus text and on shuffled and re-cased variants.
"""

import importlib.metadata
import inspect
import json
import pickle
import random
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from casebook.anonymisation import backend, engine, pipeline
from casebook.anonymisation.evaluation import load_corpus
from casebook.anonymisation.warm import main as warm_main

CORPUS = Path(__file__).parent / "corpus"
#: Not the newest blind set: its first run is the lead's to make.
CORPUS_FILES = (
    "cases.jsonl",
    "holdout.jsonl",
    "blind1.jsonl",
    "blind2.jsonl",
    "blind3.jsonl",
)

#: Deduce's processors as the adapter leaves them, in the order they run.
PROCESSORS = [
    (
        "names",
        [
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
            "person_annotation_converter",
        ],
    ),
    ("locations", ["placename", "remove_street_tags", "clean_street_tags"]),
    ("dates", ["date_dmy_1", "date_dmy_2", "date_ymd_1", "date_ymd_2"]),
    ("phone_numbers", ["phone"]),
]


@pytest.fixture(scope="module")
def resources():
    return engine.warm()


def corpus_texts() -> list[str]:
    return [case.text for name in CORPUS_FILES for case in load_corpus(CORPUS / name)]


def variants(texts: list[str], count: int) -> list[str]:
    """Texts Deduce has not been compared on: lines and words of the corpus
    shuffled together, whole texts in lower and upper case, other spacing."""
    rng = random.Random(13)
    lines = [line for text in texts for line in text.splitlines() if line.strip()]
    words = [word for text in texts for word in text.split()]
    made = []
    for _ in range(count):
        kind, text = rng.randrange(4), rng.choice(texts)
        if kind == 0:
            made.append("\n".join(rng.sample(lines, 4)))
        elif kind == 1:
            made.append(" ".join(rng.choice(words) for _ in range(60)))
        elif kind == 2:
            made.append(text.lower() if rng.random() < 0.5 else text.upper())
        else:
            made.append(
                text.replace(" ", rng.choice(["  ", " - ", ". ", "\t", "    "]))
            )
    return made


def test_deduce_and_docdeid_are_the_releases_the_adapter_knows():
    assert backend.deduce_version() == backend.DEDUCE_VERSION == "3.0.6"
    assert importlib.metadata.version("docdeid") == "1.0.1"


def test_deduce_is_built_through_its_public_constructor():
    deduce = backend._import_deduce()
    parameters = inspect.signature(deduce.Deduce).parameters
    assert list(parameters) == [
        "load_base_config",
        "config",
        "lookup_data_path",
        "cache_path",
        "build_lookup_structs",
    ]
    packaged = backend.packaged_lookup_path()
    assert (packaged / "src" / "names" / "lst_first_name" / "items.txt").is_file()


def test_only_our_annotators_run_in_deduces_order(resources):
    processors = resources.deduce.processors
    groups = [
        (name, processors[name].get_names(recursive=False))
        for name in processors.get_names(recursive=False)
    ]
    assert groups == PROCESSORS
    annotators = resources.deduce.config["annotators"]
    assert backend.DEDUCE_ANNOTATORS <= annotators.keys()
    for name in backend.DEDUCE_ANNOTATORS:
        assert annotators[name]["annotator_type"] in pipeline._ANNOTATOR_TYPES


def test_deduces_annotations_have_the_shape_we_read(resources):
    text = "Dhr. Jan de Vries (12-03-2024) woont in Utrecht, bel 06-12345678."
    doc = resources.deduce.deidentify(text)
    assert doc.deidentified_text is None  # no redaction: the engine replaces
    expected = [
        ("Dhr. Jan de Vries", "persoon"),
        ("Vries", "locatie"),  # a village too: the engine sorts that out
        ("12-03-2024", "datum"),
        ("Utrecht", "locatie"),
        ("06-12345678", "telefoonnummer"),
    ]
    assert {(a.text, a.tag) for a in doc.annotations} == set(expected)
    for annotation in doc.annotations:
        assert text[annotation.start_char : annotation.end_char] == annotation.text
    spans = backend.deduce_spans(resources, text)
    assert [(span.text, span.tag) for span in spans] == expected


def test_the_engines_run_of_deduce_finds_what_deduce_finds(resources):
    texts = corpus_texts()
    differ = []
    for text in texts + variants(texts, 400):
        ours = set(resources.pipeline.spans(text))
        theirs = backend.reference_spans(resources.deduce, text)
        if ours != theirs:
            differ.append((text[:80], sorted(ours ^ theirs)))
    assert not differ, differ[:3]


def test_the_trimmed_copy_keeps_every_list_and_empties_the_unused(tmp_path):
    backend.write_trimmed_lookup(backend.packaged_lookup_path(), tmp_path)
    from deduce.data.lookup.src import all_lists  # noqa: PLC0415

    for name in all_lists:
        assert (tmp_path / "src" / name).is_dir(), name
    for name in backend._EMPTIED_LISTS:
        assert backend.raw_itemsets(tmp_path, [name]) == {
            name.rsplit("lst_", 1)[1]: set()
        }
    raw = backend.raw_itemsets(tmp_path, ["locations/lst_placename"])
    assert {"Utrecht", "Den Haag"} <= raw["placename"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    cache_dir = tmp_path_factory.mktemp("anonymisation")
    out = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "casebook.anonymisation.warm", "--cache-dir", cache_dir],
        capture_output=True,
        cwd=settings.BASE_DIR,
        check=True,
        text=True,
    )
    return cache_dir, out


def test_warm_builds_the_folder_in_one_move_and_prints_only_its_report(built):
    cache_dir, out = built
    lines = out.stdout.splitlines()
    assert len(lines) == 2, out.stdout  # nothing of Deduce's logging
    assert lines[0].startswith("built ") and lines[1].startswith("loaded in ")
    assert out.stderr == ""
    folder = backend.cache_folder(cache_dir)
    assert [p.name for p in cache_dir.iterdir()] == [folder.name]
    assert (folder / "cache" / "lookup_structs.pickle").is_file()
    with (folder / backend._WORDS_FILE).open("rb") as file:
        words = pickle.load(file)  # noqa: S301 - written by this test
    assert "kerkstraat" in words["streets"] and "utrecht" in words["placenames"]


def test_loading_uses_the_cache_and_rebuilds_an_unreadable_one(built):
    cache_dir, _ = built
    loaded = backend.load_resources(cache_dir)
    assert "build" not in loaded.timings
    project = engine.warm()
    for name in ("streets", "placenames", "first_names", "surnames", "interfixes"):
        assert getattr(loaded, name) == getattr(project, name)
    (backend.cache_folder(cache_dir) / backend._WORDS_FILE).write_bytes(b"kapot")
    rebuilt = backend.load_resources(cache_dir)
    assert "build" in rebuilt.timings
    assert rebuilt.streets == project.streets


def test_a_build_keeps_a_folder_put_in_place_meanwhile_unless_replacing(built):
    cache_dir, _ = built
    marker = backend.cache_folder(cache_dir) / "marker"
    marker.touch()
    backend.build_resources(cache_dir, replace=False)
    assert marker.exists()
    backend.build_resources(cache_dir)
    assert not marker.exists()
    assert not [p for p in cache_dir.iterdir() if p.name.startswith(".")]


def test_warm_rebuilds_on_request(built, capsys):
    cache_dir, _ = built
    assert warm_main(["--cache-dir", str(cache_dir), "--rebuild"]) == 0
    assert capsys.readouterr().out.startswith("built ")
    assert not [p for p in cache_dir.iterdir() if p.name.startswith(".")]


LEAK_CHECK = """
import json, logging, sys, warnings
from pathlib import Path
root = logging.getLogger()
before = (list(root.handlers), root.level, warnings.filters[:])
from casebook.anonymisation import backend
backend.load_resources(Path(sys.argv[1]))
logging.getLogger("some.library").debug("a debug line")
after = (list(root.handlers), root.level, warnings.filters[:])
print(json.dumps({"same": before == after}))
"""


def test_deduces_import_side_effects_do_not_leak():
    """Deduce configures the root logger to print DEBUG to standard output
    and resets the warning filters when imported; neither may stay: the
    ``anonymise`` command writes JSON lines to standard output."""
    out = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", LEAK_CHECK, str(engine.default_cache_dir())],
        capture_output=True,
        cwd=settings.BASE_DIR,
        check=True,
        text=True,
    )
    assert json.loads(out.stdout) == {"same": True}
    assert out.stderr == ""
