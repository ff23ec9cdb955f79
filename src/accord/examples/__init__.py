"""The embedded example collection used by ``make run`` / ``accord demo``.

Every article in ``collection/`` was written for this project: the events are fictional but
plausible international-affairs news (they did not happen as told here). The set covers each
input form Accord reads and a few inputs it must refuse:

* ``01_state_visit.txt``            plain text, "Publisher, Month D, YYYY —" dateline, comment-form lines
* ``02_cairo_talks_wire.txt``       plain text, "PLACE, date (Agency) —" dateline
* ``03_cairo_talks_observer.html``  the same event told by a second outlet, in a page with navigation,
                                    a share bar, a footer and a WordPress-style comment form
* ``04_world_feed.xml``             RSS 2.0 feed whose entries carry the full article (sanctions, protest)
* ``05_briefs.jsonl``               JSONL: two articles and one malformed line
* ``06_noticia_es.txt``             a short Spanish article (refused: not English)
* ``07_empty.txt``                  an empty file (refused: empty)
"""
from __future__ import annotations

from pathlib import Path


def path() -> Path:
    """Folder holding the example collection (pass it to ``accord ingest``)."""
    return Path(__file__).resolve().parent / "collection"


__all__ = ["path"]
