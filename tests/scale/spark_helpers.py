"""Loads the pipeline tests' article writer (a uniquely named module, importable from the tests)."""
import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parent.parent / "pipeline" / "fixtures" / "make_articles.py"
_spec = importlib.util.spec_from_file_location("accord_test_make_articles_scale", _PATH)
make_articles = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_articles)
