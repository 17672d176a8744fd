"""Every sentence of the README's "Who sees what" list is proved by a test.

A test proves a sentence by carrying it, word for word, in
``@pytest.mark.readme_claim("…")``. This file fails when a sentence of that
list has no such test, and when a test claims a sentence the README no longer
says, so the README and the tests cannot drift apart.
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECTION = "## Who sees what"


def readme_claims() -> list[str]:
    """The bullets of the README's "Who sees what" section, unwrapped."""
    text = (ROOT / "README.md").read_text()
    start = text.index(SECTION) + len(SECTION)
    end = text.find("\n## ", start)
    section = text[start : end if end != -1 else None]
    bullets = re.findall(r"^- (.*?)(?=^- |^\S|\Z)", section, re.M | re.S)
    return [" ".join(bullet.split()) for bullet in bullets]


def claimed_sentences() -> dict[str, list[str]]:
    """Sentence -> the tests that carry it in ``pytest.mark.readme_claim``."""
    claims: dict[str, list[str]] = {}
    for path in (ROOT / "tests").rglob("test_*.py"):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef):
                continue
            for decorator in node.decorator_list:
                sentence = _claim(decorator)
                if sentence is not None:
                    where = f"{path.relative_to(ROOT)}::{node.name}"
                    claims.setdefault(sentence, []).append(where)
    return claims


def _claim(decorator: ast.expr) -> str | None:
    if not (isinstance(decorator, ast.Call) and decorator.args):
        return None
    if ast.unparse(decorator.func) != "pytest.mark.readme_claim":
        return None
    return " ".join(ast.literal_eval(decorator.args[0]).split())


def test_the_readme_lists_who_sees_what():
    assert len(readme_claims()) >= 5


def test_every_sentence_of_the_list_has_a_test():
    claimed = claimed_sentences()
    unproved = [s for s in readme_claims() if s not in claimed]
    assert unproved == []


def test_every_claimed_sentence_is_in_the_readme():
    in_readme = set(readme_claims())
    stale = {s: w for s, w in claimed_sentences().items() if s not in in_readme}
    assert stale == {}
