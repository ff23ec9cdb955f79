"""The CAMEO codebook (codes, names, quad classes, Goldstein scores) with the PLOVER mapping.

The data lives in ``events/data/cameo.tsv`` (written by this project from the published CAMEO
and PLOVER code tables). ``get_codebook()`` returns a cached :class:`Codebook`.
"""
from __future__ import annotations

import csv
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import DictionaryError

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent / "data"

#: CAMEO root -> PentaClass (0 statement, 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict)
PENTACLASS = {
    **{r: 0 for r in ("01", "02")},
    **{r: 1 for r in ("03", "04", "05")},
    **{r: 2 for r in ("06", "07", "08")},
    **{r: 3 for r in ("09", "10", "11", "12", "13", "16")},
    **{r: 4 for r in ("14", "15", "17", "18", "19", "20")},
}


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    root: str
    level: int
    quad_class: int
    goldstein: float
    plover_event: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def pentaclass(self) -> int:
        return PENTACLASS[self.root]


class Codebook(dict):
    """Mapping CAMEO code -> :class:`CameoCode`, with a tolerant look-up."""

    def lookup(self, code: str) -> CameoCode:
        """The entry for ``code``, falling back to its parent codes ("0431" -> "043" -> "04")."""
        c = str(code).strip()
        while c:
            if c in self:
                return self[c]
            c = c[:-1]
        raise KeyError(code)


def _parse_row(path: Path, lineno: int, cols: list[str]) -> CameoCode:
    if len(cols) < 6:
        raise DictionaryError(str(path), lineno, f"expected at least 6 tab-separated columns, got {len(cols)}")
    cols = cols + [""] * (9 - len(cols))
    code, name, root, level, quad, gold, pe, pm, pc = (c.strip() for c in cols[:9])
    if not code.isdigit() or not root.isdigit() or not code.startswith(root):
        raise DictionaryError(str(path), lineno, f"bad CAMEO code/root {code!r}/{root!r}")
    try:
        return CameoCode(code, name, root, int(level), int(quad), float(gold), pe or None, pm or None, pc or None)
    except ValueError as exc:
        raise DictionaryError(str(path), lineno, str(exc)) from exc


def load_codebook(path: str | Path = DATA / "cameo.tsv") -> Codebook:
    path = Path(path)
    book = Codebook()
    with path.open(encoding="utf-8", newline="") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            entry = _parse_row(path, lineno, line.rstrip("\n").split("\t"))
            book[entry.code] = entry
    log.debug("loaded %d CAMEO codes from %s", len(book), path)
    return book


@lru_cache(maxsize=4)
def get_codebook(path: str | None = None) -> Codebook:
    """The packaged codebook (cached)."""
    return load_codebook(path) if path else load_codebook()
