from __future__ import annotations

import pytest

from . import fixtures_db


@pytest.fixture(scope="session")
def web_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("webdb") / "accord.db"
    ids = fixtures_db.build(path)
    return path, ids


@pytest.fixture(scope="session")
def client(web_db):
    from fastapi.testclient import TestClient

    from accord.web import create_app

    app = create_app(str(web_db[0]), max_page_size=20)
    with TestClient(app) as c:
        yield c


def pytest_configure(config):
    # Starlette suggests "httpx2" for its TestClient; httpx is what this project ships.
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")
