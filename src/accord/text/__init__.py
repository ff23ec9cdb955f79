"""Raw documents -> clean articles (title, publisher, date, url, language, body, hash).

    to_article(raw, settings) -> Article        # raises Rejected(reason, origin, detail)
    article_from_text(text, meta=None) -> Article
"""
from __future__ import annotations

from .article import article_from_text, to_article

__all__ = ["to_article", "article_from_text"]
