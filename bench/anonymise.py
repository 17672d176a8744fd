"""Measure the anonymiser: quality on the marked corpus, load times, speed.

    .venv/bin/python bench/anonymise.py [--passes 10] [--ratio-only]
    .venv/bin/python bench/anonymise.py --outputs FILE

Prints recall (personal-data items removed), context kept, clean text left
alone and recall per label, for the files in ``QUALITY_FILES``; the speed
ratio against Deduce's default pipeline (``deduce.Deduce()``, its lookup
structures cached in var/anonymisation/deduce-default/, built on the first
run: minutes), both run over the texts of ``SPEED_FILES`` in this one
process, back to back in each of five rounds, in CPU time; the median of
the rounds' ratios; the cold build of the lookup data
(into a temporary folder, the project's cache is left alone); the warm load
(a fresh Python process that imports the engine and loads the cache, as a
server worker does at start-up); and the throughput after start-up, in
words per second, over the corpus repeated ``--passes`` times, plus one
text of 200,000 characters.

``--outputs FILE`` anonymises every text of every corpus file (and one long
text) and writes the results to FILE, or, when FILE exists, compares them
with it and exits 1 on a difference: save before a change that must not
alter the output, compare after. Run both with the same PYTHONHASHSEED:
where two detectors give one span the same priority, which label wins
follows string hashes. The outputs of every file outside ``QUALITY_FILES``
(blind sets not released for looking at) are stored and compared as hashes
only, and never printed.
"""

import argparse
import gc
import hashlib
import json
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
#: Quality is printed for these; a blind set joins them after its first run
#: is recorded (that run is not this script's to make).
QUALITY_FILES = (
    "cases.jsonl",
    "holdout.jsonl",
    "blind1.jsonl",
    "blind2.jsonl",
    "blind3.jsonl",
)
#: Blind sets not run yet: only timed, their output never shown.
UNSEEN_FILES = ("blind4.jsonl",)
SPEED_FILES = QUALITY_FILES + UNSEEN_FILES
#: ``--outputs`` runs these, named one by one: a blind set still being
#: written must not be read before it is finished.
OUTPUT_FILES = SPEED_FILES + ("blind5.jsonl", "blind6.jsonl")
DEDUCE_CACHE = ROOT / "var" / "anonymisation" / "deduce-default"

# The peak from /proc (this process's own memory since exec): ru_maxrss
# also counts the process it was forked from.
WARM_PROCESS = """
import resource, time
started = time.perf_counter()
from casebook.anonymisation import engine
engine.warm()
print(time.perf_counter() - started)
try:
    status = open("/proc/self/status").read().split("VmHWM:")[1]
    print(int(status.split()[0]) / 1024)
except (OSError, IndexError):
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
    print(
        f"  clean text    {result.clean_left_alone:7.2%}  "
        f"({result.clean_kept}/{result.clean_total} words of texts without "
        "personal data left alone)"
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


#: Rounds of the speed ratio; each times both engines, back to back.
RATIO_ROUNDS = 5


def _words_per_second(function, texts: list[str]) -> float:
    """Words per second of this process's CPU time: what other processes
    on a shared machine do is not counted against either engine."""
    words = sum(len(t.split()) for t in texts)
    gc.collect()  # neither pays for the other's garbage
    started = time.process_time()
    for text in texts:
        function(text)
    return words / (time.process_time() - started)


def speed_ratio(passes: int) -> None:
    """Our engine against Deduce's default pipeline on the same texts, in
    turn in one process, so both see the same load on a shared machine."""
    import deduce  # noqa: PLC0415 - only this measurement needs it

    DEDUCE_CACHE.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    reference = deduce.Deduce(cache_path=DEDUCE_CACHE)
    loaded = time.perf_counter() - started
    print(f"\nDeduce's default pipeline loaded in {loaded:.1f} s")
    texts = [
        c.text
        for name in SPEED_FILES
        if (CORPUS / name).exists()
        for c in load_corpus(CORPUS / name)
    ] * passes
    engine.warm()
    engine.anonymise(texts[0])
    reference.deidentify(texts[0])
    ours, theirs = [], []
    for number in range(RATIO_ROUNDS):
        # Each round times both back to back, first one then the other in
        # turn, so a slow spell of the machine falls on both alike.
        pair = [(engine.anonymise, ours), (reference.deidentify, theirs)]
        for function, results in pair if number % 2 == 0 else reversed(pair):
            results.append(_words_per_second(function, texts))
    ratios = sorted(a / b for a, b in zip(ours, theirs, strict=True))
    middle = RATIO_ROUNDS // 2
    words = sum(len(t.split()) for t in texts)
    print(
        f"speed over {len(texts)} texts ({words:,} words), CPU time: "
        f"engine {sorted(ours)[middle]:,.0f} words/s, "
        f"Deduce {sorted(theirs)[middle]:,.0f} words/s, "
        f"ratio {ratios[middle]:.2f} (target 1.0; median of {RATIO_ROUNDS} rounds' "
        f"ratios, lowest {ratios[0]:.2f})"
    )
    rounds = ", ".join(f"{a:,.0f}/{b:,.0f}" for a, b in zip(ours, theirs, strict=True))
    print(f"  rounds (engine/Deduce words/s): {rounds}")


def outputs(path: Path) -> int:
    """Save every output to ``path``, or compare with the saved ones."""
    engine.warm()
    now: dict[str, str] = {}
    for file in sorted(CORPUS / name for name in OUTPUT_FILES):
        texts = [case.text for case in load_corpus(file)]
        if file.name == "cases.jsonl":
            texts.append((" ".join(texts) * 10)[:200_000])
        for number, text in enumerate(texts):
            result = engine.anonymise(text)
            value = json.dumps(
                [
                    result.text,
                    [(e.start, e.end, e.label.value) for e in result.entities],
                ]
            )
            if file.name not in QUALITY_FILES:
                value = hashlib.sha256(value.encode()).hexdigest()
            now[f"{file.name}:{number}"] = value
    if not path.exists():
        path.write_text(json.dumps(now), encoding="utf-8")
        print(f"{len(now)} outputs saved to {path}")
        return 0
    before = json.loads(path.read_text(encoding="utf-8"))
    differ = sorted(
        key for key in before.keys() | now.keys() if before.get(key) != now.get(key)
    )
    for key in differ:
        print(f"differs: {key}")
        if key.split(":")[0] in QUALITY_FILES:
            print(f"  before: {before.get(key, '')[:300]}")
            print(f"  now:    {now.get(key, '')[:300]}")
    print(f"{len(now) - len(differ)} of {len(now)} outputs identical")
    return 1 if differ else 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--passes", type=int, default=10)
    parser.add_argument("--ratio-only", action="store_true")
    parser.add_argument("--outputs", type=Path, metavar="FILE")
    args = parser.parse_args()
    if args.outputs:
        sys.exit(outputs(args.outputs))
    if args.ratio_only:
        speed_ratio(args.passes)
        return
    for name in QUALITY_FILES:
        quality(name)
    print(f"\ncold build of the lookup data: {cold_build():.1f} s")
    seconds, mebibytes = warm_load()
    print(
        f"warm load in a fresh process (imports + cache): {seconds:.2f} s, "
        f"peak memory {mebibytes:.0f} MiB"
    )
    speed_ratio(args.passes)
    throughput(args.passes)


if __name__ == "__main__":
    main()
