"""CI proves what it claims: a pass it cannot run fails instead of being
skipped quietly."""

import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from tests.system_tools import require

ROOT = Path(__file__).resolve().parents[2]
REQUIRE_POSTGRES = ROOT / ".ci" / "require-postgres"


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _check(url: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [str(REQUIRE_POSTGRES), url], capture_output=True, text=True, timeout=30
    )


def test_ci_fails_when_postgresql_does_not_answer():
    require(
        bool(shutil.which("psql")),
        what="psql",
        install="apt-get install postgresql-client",
        ci_variable="LEERKRING_REQUIRE_POSTGRES",
    )
    done = _check(f"postgres://postgres@127.0.0.1:{_closed_port()}/test")
    assert done.returncode == 1
    assert "does not answer" in done.stderr


def test_ci_runs_the_postgresql_pass_through_that_check():
    script = (ROOT / ".ci" / "run").read_text()
    assert ".ci/require-postgres" in script
    assert "skipped the second pass" not in script
    check, run = script.index(".ci/require-postgres"), script.rindex("make test")
    assert check < run


@pytest.mark.parametrize(
    "variable",
    [
        "LEERKRING_REQUIRE_BROWSER",
        "LEERKRING_REQUIRE_PDF",
        "LEERKRING_REQUIRE_NGINX",
        "LEERKRING_REQUIRE_POSTGRES",
    ],
)
def test_ci_requires_the_system_tests(variable):
    assert f"export {variable}=1" in (ROOT / ".ci" / "run").read_text()


def test_a_missing_tool_fails_when_ci_requires_it(monkeypatch):
    monkeypatch.setitem(os.environ, "LEERKRING_TEST_REQUIRE", "1")
    with pytest.raises(pytest.fail.Exception, match="needs a tool"):
        require(False, what="a tool", install="x", ci_variable="LEERKRING_TEST_REQUIRE")


@pytest.mark.parametrize(
    "package", ["nginx", "libnginx-mod-http-cache-purge", "redis-server"]
)
def test_ci_installs_what_the_deployment_rehearsal_starts(package):
    """tests/deploy/test_rehearsal.py fails in CI without them
    (LEERKRING_REQUIRE_NGINX): CI must install them first."""
    assert f"missing+=({package})" in (ROOT / ".ci" / "run").read_text()
