"""Error types shared by every stage.

* ``AccordError``   – base class; the CLI turns it into a clean message and exit code.
* ``Rejected``      – this one item is refused (with a human-readable reason); the batch goes on.
* ``TransientError``– a temporary failure (network, lock); the caller may retry.
* ``DictionaryError`` – a malformed data file (actor dictionary, pattern file), with file and line.
"""
from __future__ import annotations


class AccordError(Exception):
    """Base class for all errors raised deliberately by Accord."""


class Rejected(AccordError):
    """An input item is refused; ``reason`` is a short machine-friendly code, ``detail`` says why."""

    def __init__(self, reason: str, item: str = "", detail: str = ""):
        self.reason = reason
        self.item = item
        self.detail = detail
        super().__init__(f"{item}: {reason}" + (f" ({detail})" if detail else ""))


class TransientError(AccordError):
    """A failure worth retrying (network timeout, database busy)."""


class DictionaryError(AccordError):
    """A data file (actors, patterns, codebook) is malformed."""

    def __init__(self, path: str, line: int | None, message: str):
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")
