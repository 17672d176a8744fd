"""Tests that need a program of the system: skipped on a developer's machine
without it, failed in CI, where `.ci/run` installs it and sets the variable
that says so. A skip in CI would let a pass claim what it never ran."""

import os

import pytest


def require(available: bool, *, what: str, install: str, ci_variable: str) -> None:
    """Skip the calling test when ``available`` is false, or fail it when
    ``ci_variable`` is set, naming what to install."""
    if available:
        return
    message = f"needs {what} ({install})"
    if os.environ.get(ci_variable):
        pytest.fail(message)
    pytest.skip(message)
