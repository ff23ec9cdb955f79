"""A fact pattern in the user's pattern files (setting ``pattern_files``, same YAML format as
``events/data/facts.yaml``) reaches relation facts through the pipeline (``accord_events``)."""
from __future__ import annotations

import pytest

from accord.config import Settings
from accord.events.api import code_article
from accord.models import Article
from accord.nlp import build_nlp

PATTERN = """\
relations:
  - relation: recognizes
    name: recognised (diplomatic recognition)
    predicate: {pos: VERB, lemmas: [recognise, recognize]}
    subject: [nsubj]
    object: [dobj]
"""
TEXT = "Kenya recognised India in 1963."


def _facts(pattern_files=()):
    nlp = build_nlp(Settings(pattern_files=tuple(pattern_files)))
    _, facts = code_article(Article(text=TEXT, date="2024-05-10"), nlp)
    return [(f.relation, f.subject.code, f.object.code if f.object else None, f.date) for f in facts]


@pytest.fixture(scope="module")
def pattern_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("patterns")
    (folder / "recognition.yaml").write_text(PATTERN, encoding="utf-8")
    return folder


def test_without_the_user_file_there_is_no_such_fact():
    assert [f for f in _facts() if f[0] == "recognizes"] == []


def test_user_fact_pattern_file_produces_the_fact(pattern_dir):
    assert ("recognizes", "KEN", "IND", "1963-01-01") in _facts([str(pattern_dir / "recognition.yaml")])


def test_user_pattern_folder_produces_the_fact(pattern_dir):
    assert ("recognizes", "KEN", "IND", "1963-01-01") in _facts([str(pattern_dir)])
