"""Read-only queries over an Accord database, returning plain dicts and lists (JSON-ready).

Every function takes ``db`` first: a database path (opened read-only for the call), an open
``accord.store.Store``, or a ``sqlite3.Connection``. Signatures and row shapes are documented in
each module's docstring:

* ``events(db, filters=None, *, limit=100, offset=0, clustered=True, **filters)``,
  ``count_events(...)``, ``iter_events(..., flat=False)``, ``event_detail(db, id)`` -- ``query.events``
* ``article_detail(db, id)``, ``articles(db, text=...)``, ``facts(db, ...)``, ``top_actors(db, n)``, ``network(db, ...)`` -- ``query.records``
* ``dyad(db, a, b, date_from=None, date_to=None)`` -- ``query.dyad``

Filter names: ``FILTER_NAMES``. Invalid filter values raise ``accord.errors.AccordError``.
"""
from .dyad import dyad
from .events import FILTER_NAMES, FLAT_COLUMNS, count_events, event_detail, events, iter_events
from .records import article_detail, articles, facts, network, top_actors

__all__ = ["FILTER_NAMES", "FLAT_COLUMNS", "article_detail", "articles", "count_events", "dyad", "event_detail", "events",
           "facts", "iter_events", "network", "top_actors"]
