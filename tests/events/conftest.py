"""Shared fixtures for the event coder tests: one loaded pipeline per session."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from accord.nlp import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def code(nlp):
    from accord.events.api import code_text

    def _code(text, date="2024-05-10"):
        return code_text(text, date=date, nlp=nlp)

    return _code

