import pytest

from pipeline_helpers import make_articles


@pytest.fixture
def articles_jsonl(tmp_path):
    """A writer: articles_jsonl(n, extra=[...]) -> path of a JSONL file of n test articles."""

    def write(n: int, extra=None, name="articles.jsonl", start=0):
        return make_articles.write_jsonl(tmp_path / name, n, start=start, extra=extra)

    return write


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes more than a few seconds (still part of make test)")
