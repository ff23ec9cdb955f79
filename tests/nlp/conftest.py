"""The default Accord pipeline, shared by the tests of this folder (skipped without the model)."""
from __future__ import annotations

import pytest

from accord.config import Settings
from accord.errors import AccordError


@pytest.fixture(scope="session")
def nlp():
    pytest.importorskip("spacy")
    from accord.nlp import build_nlp

    try:
        return build_nlp(Settings())
    except AccordError as exc:
        pytest.skip(str(exc))
