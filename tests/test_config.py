"""Settings: file < environment < overrides, with types checked and clear errors."""
from __future__ import annotations

import pytest

from accord.config import load_settings
from accord.errors import AccordError


def test_layers_and_coercion(tmp_path, monkeypatch):
    cfg = tmp_path / "c.yaml"
    cfg.write_text("workers: 2\nbatch_size: '16'\ntimeout: 5\nactor_files: extra.tsv\n")
    monkeypatch.setenv("ACCORD_BATCH_SIZE", "32")
    s = load_settings(str(cfg))
    assert (s.workers, s.batch_size, s.timeout, s.actor_files) == (2, 32, 5.0, ("extra.tsv",))
    assert load_settings(str(cfg), workers=3).workers == 3


@pytest.mark.parametrize("body, name", [("workers: four\n", "workers"), ("timeout: [1]\n", "timeout"),
                                        ("actor_files: {a: 1}\n", "actor_files"), ("bogus: 1\n", "bogus")])
def test_bad_values_are_clear_errors(tmp_path, body, name):
    cfg = tmp_path / "c.yaml"
    cfg.write_text(body)
    with pytest.raises(AccordError, match=name):
        load_settings(str(cfg))


def test_missing_or_malformed_file(tmp_path):
    with pytest.raises(AccordError, match="not found"):
        load_settings(str(tmp_path / "nope.yaml"))
    bad = tmp_path / "bad.yaml"
    bad.write_text("workers: [1,\n")
    with pytest.raises(AccordError, match="bad.yaml"):
        load_settings(str(bad))


def test_cli_quiets_extraction_library_logs():
    """Pages trafilatura cannot read become rejections with a reason; its own log lines are muted."""
    import logging

    from click.testing import CliRunner

    from accord.cli import NOISY_LOGGERS, main_group

    assert CliRunner().invoke(main_group, ["--version"]).exit_code == 0
    res = CliRunner().invoke(main_group, ["article", "--help"])
    assert res.exit_code == 0
    assert all(logging.getLogger(n).level == logging.CRITICAL for n in NOISY_LOGGERS)


def test_cli_import_stays_light():
    """`accord --help` must be instant: importing the CLI loads no spaCy, FastAPI or Spark."""
    import subprocess
    import sys

    code = "import sys, accord.cli; print(','.join(m for m in ('spacy', 'fastapi', 'pyspark', 'trafilatura') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""
