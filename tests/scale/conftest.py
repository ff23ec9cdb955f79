import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location(
    "accord_test_make_articles_scale", HERE.parent / "pipeline" / "fixtures" / "make_articles.py"
)
make_articles = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_articles)


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes more than a few seconds (still part of make test)")
