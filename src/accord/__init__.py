"""Accord: turn news about international affairs into structured, sourced event data.

Library entry points (heavy imports happen on first use):

    >>> import accord
    >>> events = accord.code("Chinese President Xi Jinping received Ebrahim Raisi in Beijing.", date="2023-02-14")
"""
from __future__ import annotations

__version__ = "0.1.0"


def code(text: str, date: str | None = None):
    """Code one text (a sentence or an article) into a list of :class:`accord.models.Event`."""
    from .events.api import code_text

    return code_text(text, date=date)


__all__ = ["code", "__version__"]
