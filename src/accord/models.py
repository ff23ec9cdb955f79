"""Records passed between stages. Plain frozen dataclasses; ``to_dict`` gives the JSON shapes
used by the CLI contracts (``accord article``, ``accord code``, ``accord actors resolve``).

Flow:  RawDocument -> Article -> (spaCy Doc) -> Actor mentions -> Event / Fact -> store.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Mapping


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class RawDocument:
    """One item read from the outside world, before any interpretation.

    ``kind`` is "html", "text" or "unknown" (sniffed later). ``meta`` carries what the container
    said about the item (JSONL fields, feed entry title/date/link, WARC target URI): keys among
    ``id, title, date, source, url``.
    """

    content: bytes
    origin: str  # where it came from: a path, URL, or "file.jsonl:12"
    kind: str = "unknown"
    url: str | None = None
    fetched_at: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    encoding: str | None = None  # declared charset, if any

    @property
    def sha256(self) -> str:
        return sha256_hex(self.content)


@dataclass(frozen=True)
class Article:
    """A cleaned news article. ``date`` is the publication date as YYYY-MM-DD (or None)."""

    text: str
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    language: str | None = None
    origin: str | None = None
    external_id: str | None = None  # id supplied by the input (JSONL "id", feed guid)
    content_hash: str = ""  # sha256 of the normalised body text

    def __post_init__(self):
        if not self.content_hash:
            object.__setattr__(self, "content_hash", sha256_hex(" ".join(self.text.split()).lower()))

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "publisher": self.publisher,
            "date": self.date,
            "url": self.url,
            "language": self.language,
            "text": self.text,
        }


@dataclass(frozen=True)
class Actor:
    """A resolved actor. ``code`` is CAMEO-style: country ISO3 + sector ("CHNGOV"), or "IGO..." codes."""

    code: str | None = None
    country: str | None = None  # ISO3, None for IGOs and unknown
    sector: str | None = None  # CAMEO agent code: GOV, MIL, LEG, JUD, COP, REB, OPP, CVL, BUS, MED, ...
    name: str | None = None  # canonical name when known ("Xi Jinping", "People's Republic of China")
    text: str | None = None  # surface text in the sentence
    kind: str | None = None  # "state", "person", "igo", "group", "sector"
    start: int | None = None  # char offset of ``text`` in the article, when known
    end: int | None = None

    def to_dict(self) -> dict:
        return {"code": self.code, "country": self.country, "sector": self.sector, "name": self.name, "text": self.text}

    @property
    def key(self) -> str | None:
        """Country-level key: ISO3, or the IGO code."""
        if self.country:
            return self.country
        return self.code


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None

    def to_dict(self) -> dict:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str | None = None  # "agreement", "USD", "people", "killed", ...
    currency: str | None = None  # ISO 4217 when money
    text: str | None = None

    def to_dict(self) -> dict:
        d = {"value": int(self.value) if float(self.value).is_integer() else self.value, "unit": self.unit}
        if self.currency:
            d["currency"] = self.currency
        if self.text:
            d["text"] = self.text
        return d


@dataclass(frozen=True)
class Evidence:
    text: str  # the sentence
    start: int  # char offsets of the sentence in the article text (or input row text)
    end: int
    trigger: str | None = None  # the event word(s)
    trigger_start: int | None = None
    trigger_end: int | None = None

    def to_dict(self) -> dict:
        d = {"text": self.text, "start": self.start, "end": self.end}
        if self.trigger is not None:
            d.update(trigger=self.trigger, trigger_start=self.trigger_start, trigger_end=self.trigger_end)
        return d


@dataclass(frozen=True)
class Event:
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover_event: str | None
    plover_mode: str | None
    date: str | None
    date_precision: str | None  # "day" | "month" | "year"
    location: Place | None
    quantities: tuple[Quantity, ...]
    negated: bool
    modality: str  # "asserted" | "intended" | "hypothetical" | "reported" | "future"
    confidence: float
    evidence: Evidence
    date_from_article: bool = True  # True when the date fell back to the article date

    def to_dict(self) -> dict:
        return {
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": {"event": self.plover_event, "mode": self.plover_mode},
            "date": self.date,
            "date_precision": self.date_precision,
            "location": self.location.to_dict() if self.location else None,
            "quantities": [q.to_dict() for q in self.quantities],
            "negated": self.negated,
            "modality": self.modality,
            "confidence": round(float(self.confidence), 3),
            "evidence": self.evidence.to_dict(),
        }


@dataclass(frozen=True)
class Fact:
    """A dated relation between actors that is a state of affairs, not a one-off event.

    ``relation``: "member_of", "applied_to_join", "trade", "agreement_in_force", "partner", ...
    """

    relation: str
    subject: Actor
    object: Actor | None
    date: str | None
    date_precision: str | None
    evidence: Evidence
    quantity: Quantity | None = None
    detail: str | None = None  # e.g. "permanent member", "oil exports"

    def to_dict(self) -> dict:
        return {
            "relation": self.relation,
            "subject": self.subject.to_dict(),
            "object": self.object.to_dict() if self.object else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "quantity": self.quantity.to_dict() if self.quantity else None,
            "detail": self.detail,
            "evidence": self.evidence.to_dict(),
        }


@dataclass(frozen=True)
class Rejection:
    origin: str
    reason: str  # short code: "empty", "binary", "not-english", "oversize", "malformed-json", ...
    detail: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class RunReport:
    articles: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    events: int = 0
    facts: int = 0
    rejections: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def reject(self, reason: str) -> None:
        self.rejections[reason] = self.rejections.get(reason, 0) + 1
