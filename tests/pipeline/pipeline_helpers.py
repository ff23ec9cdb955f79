"""Helpers shared by the pipeline tests (a uniquely named module, importable from the tests)."""
import importlib.util
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parents[1] / "src"


def load_make_articles():
    spec = importlib.util.spec_from_file_location("accord_test_make_articles", HERE / "fixtures" / "make_articles.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


make_articles = load_make_articles()


def accord_cmd(*args: str) -> list[str]:
    """Command line running ``accord ARGS`` with this checkout's sources."""
    return [sys.executable, "-c", "from accord.cli import main; main()", *args]


def accord_env(**extra) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.update(extra)
    return env
