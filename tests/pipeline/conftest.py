import importlib.util
import os
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SRC = HERE.parents[1] / "src"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


make_articles = _load("accord_test_make_articles", HERE / "fixtures" / "make_articles.py")


@pytest.fixture
def articles_jsonl(tmp_path):
    """A writer: articles_jsonl(n, extra=[...]) -> path of a JSONL file of n test articles."""

    def write(n: int, extra=None, name="articles.jsonl", start=0):
        return make_articles.write_jsonl(tmp_path / name, n, start=start, extra=extra)

    return write


def accord_cmd(*args: str) -> list[str]:
    """Command line running ``accord ARGS`` with this checkout's sources."""
    return [sys.executable, "-c", "from accord.cli import main; main()", *args]


def accord_env(**extra) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.update(extra)
    return env


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes more than a few seconds (still part of make test)")
