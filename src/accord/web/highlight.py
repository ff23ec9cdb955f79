"""Highlight character spans inside untrusted text, producing safe HTML.

Every piece of text goes through ``markupsafe.escape``; only the ``<mark>`` tags we build ourselves
(with a fixed set of class names and escaped ``title`` attributes) are emitted as markup. Spans are
given as character offsets; offsets that do not fit the text are located by their surface string,
and spans that cannot be placed (or cross another span) are dropped, never guessed.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from markupsafe import Markup, escape

log = logging.getLogger(__name__)

#: CSS classes we are willing to emit (anything else becomes "hl").
KINDS = ("sentence", "trigger", "source", "target", "actor", "fact")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    label: str = ""

    @property
    def css(self) -> str:
        return f"hl hl-{self.kind}" if self.kind in KINDS else "hl"


def locate(text: str, start: int | None, end: int | None, surface: str | None, base: int = 0) -> tuple[int, int] | None:
    """Local (start, end) of a span in ``text`` whose offsets are relative to ``base``.

    Trusts the offsets when they are in range and match ``surface`` (when given); otherwise falls
    back to the first case-sensitive, then case-insensitive, occurrence of ``surface``.
    """
    if start is not None and end is not None:
        s, e = int(start) - base, int(end) - base
        if 0 <= s < e <= len(text) and (not surface or text[s:e] == surface):
            return s, e
    if surface:
        i = text.find(surface)
        if i < 0:
            i = text.lower().find(surface.lower())
        if i >= 0:
            return i, i + len(surface)
    return None


def _nest(spans: list[Span], length: int) -> list[Span]:
    """Keep spans that are in range and properly nested (outer spans first)."""
    kept: list[Span] = []
    stack: list[Span] = []
    for sp in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not (0 <= sp.start < sp.end <= length):
            continue
        while stack and stack[-1].end <= sp.start:
            stack.pop()
        if stack and sp.end > stack[-1].end:  # crosses its enclosing span: drop it
            log.debug("dropping crossing span %s", sp)
            continue
        if any(k.start == sp.start and k.end == sp.end and k.kind == sp.kind for k in stack):
            continue  # exact duplicate
        kept.append(sp)
        stack.append(sp)
    return kept


def _open_tag(sp: Span) -> str:
    title = f' title="{escape(sp.label)}"' if sp.label else ""
    return f'<mark class="{sp.css}"{title}>'


def render(text: str, spans: list[Span]) -> Markup:
    """Escaped ``text`` with each span wrapped in ``<mark>``; crossing/out-of-range spans are dropped."""
    text = text or ""
    spans = _nest(spans, len(text))
    opens: dict[int, list[Span]] = {}
    closes: dict[int, int] = {}
    for sp in spans:
        opens.setdefault(sp.start, []).append(sp)
        closes[sp.end] = closes.get(sp.end, 0) + 1
    points = sorted(set(opens) | set(closes) | {0, len(text)})
    out: list[str] = []
    prev = 0
    for p in points:
        out.append(str(escape(text[prev:p])))
        out.append("</mark>" * closes.get(p, 0))
        out.extend(_open_tag(sp) for sp in opens.get(p, []))
        prev = p
    return Markup("".join(out))
