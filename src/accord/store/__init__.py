"""Storage: SQLite repository (``Store``), event clustering (``cluster``), exports (``exports``).

See ``store.py`` for the write API and ``docs/CONTRACTS.md`` for how the pipeline uses it.
"""
from .store import Store

__all__ = ["Store"]
