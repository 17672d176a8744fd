"""No anonymiser cache keeps case texts or names after a call (#13).

A process-wide cache keyed on a text or a word would hold personal data in
a worker's memory after anonymising it, and would flatter a benchmark that
repeats its texts. Caches of the word lists and of compiled patterns are
fine; a cache of text may hold only the last one (the detectors ask for one
text in turn).
"""

import importlib
import pkgutil

import casebook.anonymisation as package

#: Keyed on a compiled pattern, not on text (the word lists take no argument).
NOT_OF_TEXT = {
    "casebook.anonymisation.match_starts.start_class",
}


def _caches():
    names = [package.__name__] + [
        module.name
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + ".")
    ]
    for name in names:
        module = importlib.import_module(name)
        for attribute, value in vars(module).items():
            if callable(getattr(value, "cache_info", None)) and (
                getattr(value, "__module__", None) == name
            ):
                yield f"{name}.{attribute}", value


def test_caches_of_text_hold_the_last_text_only():
    found = dict(_caches())
    assert "casebook.anonymisation.scanning.lowered_text" in found
    for name, function in found.items():
        if name in NOT_OF_TEXT or function.__wrapped__.__code__.co_argcount == 0:
            continue
        assert function.cache_parameters()["maxsize"] == 1, name
