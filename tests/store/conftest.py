import pytest

from accord.store import Store


@pytest.fixture
def store(tmp_path):
    s = Store(str(tmp_path / "accord.db"))
    yield s
    s.close()
