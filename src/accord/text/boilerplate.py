"""Remove page furniture (comment forms, share bars, cookie notices) from extracted text.

The patterns live in ``data/boilerplate.yaml``; see that file for the two rule kinds.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern, re.Pattern, float]:
    data = yaml.safe_load(resources.files(__package__).joinpath("data/boilerplate.yaml").read_text("utf-8"))

    def union(patterns: list[str]) -> re.Pattern:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)

    return union(data["drop"]), union(data["cut_after"]), float(data.get("cut_zone", 0.5))


def _norm(line: str) -> str:
    return " ".join(line.split()).strip(" \t|•·»>-–—")


def is_boilerplate(line: str) -> bool:
    """True when the whole line is a furniture line (e.g. "Leave a Reply")."""
    drop, _, _ = _rules()
    s = _norm(line)
    return bool(s) and drop.fullmatch(s) is not None


def strip_boilerplate(text: str) -> str:
    """Drop furniture lines and any trailing comment section; keep paragraph breaks."""
    drop, cut, zone = _rules()
    lines = text.splitlines()
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    if nonblank:
        first_cut_pos = int(len(nonblank) * (1.0 - zone))
        for pos, i in enumerate(nonblank):
            if pos >= max(first_cut_pos, 1) and cut.fullmatch(_norm(lines[i])):
                lines = lines[:i]
                break
    kept = [line.rstrip() for line in lines if not (line.strip() and drop.fullmatch(_norm(line)))]
    return tidy("\n".join(kept))


_MANY_BLANKS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def tidy(text: str) -> str:
    """Normalise line ends, trim line-end spaces, keep at most one blank line between paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _MANY_BLANKS.sub("\n\n", text).strip()
