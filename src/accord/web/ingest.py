"""``POST /api/ingest``: token-protected ingestion of articles sent as JSON.

Only mounted when the app is created with ``readonly=False`` and a token. Requests must carry
``Authorization: Bearer <token>`` (compared in constant time). Articles go through the ordinary
pipeline (``accord.pipeline.run_items``: clean, code, store, cluster); one ingestion runs at a
time (single writer). The body size is capped by the app's body-limit middleware.
"""
from __future__ import annotations

import hmac
import logging
import threading
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field, model_validator

from .params import reject_unknown_params

log = logging.getLogger(__name__)

MAX_ARTICLES = 100
_lock = threading.Lock()

router = APIRouter(prefix="/api", tags=["write"], dependencies=[Depends(reject_unknown_params)])


class ArticleIn(BaseModel):
    text: str | None = Field(None, max_length=1_000_000, description="Plain article text")
    html: str | None = Field(None, max_length=5_000_000, description="Article HTML (main text is extracted)")
    title: str | None = Field(None, max_length=1000)
    date: str | None = Field(None, max_length=40, description="Publication date")
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200, description="Publisher")
    id: str | None = Field(None, max_length=200, description="Your identifier for the article")

    @model_validator(mode="after")
    def _one_body(self):
        if bool(self.text) == bool(self.html):
            raise ValueError("give exactly one of text or html")
        return self


class IngestIn(BaseModel):
    articles: list[ArticleIn] = Field(..., min_length=1, max_length=MAX_ARTICLES)


def require_token(request: Request) -> None:
    expected = request.app.state.cfg.token
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if not expected or scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})


def _raw_documents(articles: list[ArticleIn]):
    from ..models import RawDocument

    for n, a in enumerate(articles, 1):
        meta = {k: v for k, v in (("id", a.id), ("title", a.title), ("date", a.date), ("source", a.source),
                                   ("url", a.url)) if v}
        body, kind = (a.text, "text") if a.text else (a.html, "html")
        yield RawDocument(content=body.encode("utf-8", "replace"), origin=f"api:{a.id or n}", kind=kind,
                          url=a.url, meta=meta)


@router.post("/ingest", summary="Ingest articles (requires the bearer token)", status_code=200)
def ingest(payload: IngestIn, request: Request, _auth: Annotated[None, Depends(require_token)]) -> dict:
    from .. import pipeline
    from ..config import load_settings

    settings = request.app.state.settings or load_settings(db=request.app.state.cfg.db_path)
    with _lock:
        report = pipeline.run_items(_raw_documents(payload.articles), settings, label=["api"], progress=False)
    log.info("api ingest: %d articles, %d events", report.articles, report.events)
    return {"received": len(payload.articles), "articles": report.articles, "duplicates": report.duplicates,
            "near_duplicates": report.near_duplicates, "events": report.events, "facts": report.facts,
            "rejections": dict(report.rejections)}
