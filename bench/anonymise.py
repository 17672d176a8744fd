"""Measure the anonymiser: quality on the marked corpus, load times, speed.

    .venv/bin/python bench/anonymise.py [--passes 10]

Prints recall (personal-data items removed), context kept, recall per
label, for tests/casebook/corpus/cases.jsonl and holdout.jsonl; the cold
build of the lookup data (into a temporary folder, the project's cache is
left alone); the warm load (a fresh Python process that imports the engine
and loads the cache, as a server worker does at start-up); and the
throughput after start-up, in words per second, over the corpus repeated
``--passes`` times, plus one text of 200,000 characters.
"""

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from casebook.anonymisation import backend, engine  # noqa: E402
from casebook.anonymisation.evaluation import load_corpus, score  # noqa: E402

CORPUS = ROOT / "tests" / "casebook" / "corpus"

WARM_PROCESS = """
import resource, time
started = time.perf_counter()
from casebook.anonymisation import engine
engine.warm()
print(time.perf_counter() - started)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def quality(name: str) -> None:
    cases = load_corpus(CORPUS / name)
    result = score(cases, [engine.anonymise(c.text) for c in cases])
    words = sum(len(c.text.split()) for c in cases)
    print(f"\n{name}: {len(cases)} cases, {words} words")
    print(
        f"  recall        {result.recall:7.2%}  "
        f"({result.pii_removed}/{result.pii_total} personal-data items removed)"
    )
    print(
        f"  context kept  {result.context_kept:7.2%}  "
        f"({result.keep_kept}/{result.keep_total} context items kept)"
    )
    for label in sorted(result.per_label):
        print(
            f"    {label:14} {result.label_recall(label):7.2%}  "
            f"({result.per_label_removed[label]}/{result.per_label[label]})"
        )
    for missed in result.missed:
        print("    missed:", missed)
    for lost in result.lost:
        print("    lost:  ", lost)


def cold_build() -> float:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        backend.build_resources(Path(folder))
        return time.perf_counter() - started


def warm_load() -> tuple[float, float]:
    """Seconds to import and load, and the process's peak memory in MiB."""
    engine.warm()  # make sure the project's cache exists
    output = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", WARM_PROCESS],
        capture_output=True,
        cwd=ROOT,
        check=True,
        text=True,
    )
    seconds, mebibytes = output.stdout.strip().splitlines()[-2:]
    return float(seconds), float(mebibytes)


def throughput(passes: int) -> None:
    cases = load_corpus(CORPUS / "cases.jsonl") + load_corpus(CORPUS / "holdout.jsonl")
    texts = [c.text for c in cases] * passes
    words = sum(len(t.split()) for t in texts)
    engine.warm()
    engine.anonymise(texts[0])
    started = time.perf_counter()
    for text in texts:
        engine.anonymise(text)
    elapsed = time.perf_counter() - started
    print(
        f"\nthroughput: {words / elapsed:,.0f} words/s "
        f"({len(texts)} texts, {words} words, {elapsed:.1f} s, "
        f"{elapsed / len(texts) * 1000:.0f} ms/text)"
    )
    big = (" ".join(t for t in texts[: len(cases)]) * 10)[:200_000]
    started = time.perf_counter()
    engine.anonymise(big)
    elapsed = time.perf_counter() - started
    print(f"one text of 200,000 characters ({len(big.split())} words): {elapsed:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--passes", type=int, default=10)
    args = parser.parse_args()
    for name in ("cases.jsonl", "holdout.jsonl"):
        quality(name)
    print(f"\ncold build of the lookup data: {cold_build():.1f} s")
    seconds, mebibytes = warm_load()
    print(
        f"warm load in a fresh process (imports + cache): {seconds:.2f} s, "
        f"peak memory {mebibytes:.0f} MiB"
    )
    throughput(args.passes)


if __name__ == "__main__":
    main()
