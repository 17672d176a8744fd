"""Build the anonymiser's lookup data at install time and report timings.

    python -m casebook.anonymisation.warm [--rebuild]

Writes ``var/anonymisation/deduce-<version>-v<format>/`` (see ``backend``):
a copy of Deduce's lookup lists without the ones we never use, Deduce's
structures built from it, and our word sets. Prints the build time (cold)
and the load time (warm), so a process that starts later only pays for the
load.
"""

import argparse
import sys
import time
from pathlib import Path

from casebook.anonymisation import backend
from casebook.anonymisation.engine import default_cache_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="build even if cached")
    parser.add_argument("--cache-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    cache_dir = args.cache_dir or default_cache_dir()
    target = backend.cache_folder(cache_dir)
    if args.rebuild or not target.exists():
        seconds = backend.build_resources(cache_dir)
        sys.stdout.write(f"built {target} in {seconds:.1f} s\n")
    started = time.perf_counter()
    backend.load_resources(cache_dir)
    sys.stdout.write(f"loaded in {time.perf_counter() - started:.2f} s\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
