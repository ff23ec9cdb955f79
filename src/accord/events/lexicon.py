"""Event patterns: verb and noun lemmas -> CAMEO codes, read from ``events/data/verbs.yaml`` and
``nouns.yaml`` plus any ``settings.pattern_files`` (same format; later files extend/override).

:func:`get_lexicon` returns a cached, validated :class:`Lexicon`.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..datafiles import parse_yaml
from ..errors import DictionaryError
from .codebook import get_codebook

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent / "data"
_RULE_KEYS = {"code", "particle", "prep", "object", "light", "passive", "plover", "mode", "recip", "frame", "object_actor", "ignore", "mention", "child", "subject", "embeds"}
_NOUN_KEYS = {"code", "modifier", "verbs", "nominal", "recip", "plover", "mode", "frame"}
FRAMES = {"prepare", "order", "consider", "intent", "threat", "refuse", "demand", "appeal", "aspect", "report", "none"}


@dataclass(frozen=True)
class Rule:
    code: str | None = None
    particle: frozenset = frozenset()
    prep: frozenset = frozenset()
    object: tuple = ()
    light: object = False  # True: event in the object noun; "subject": in the subject noun
    passive: bool | None = None
    plover: str | None = None
    mode: str | None = None
    recip: bool = False
    frame: str | None = None
    object_actor: object = None  # True (any actor) or an actor kind ("person")
    ignore: bool = False  # conditions hold -> no event at all ("fight the epidemic")
    mention: frozenset = frozenset()  # a word of the verb's clause must be one of these
    subject: frozenset = frozenset()  # the grammatical subject's lemma must be one of these
    embeds: bool = False  # the verb must embed a clause (xcomp/ccomp)
    child: frozenset = frozenset()  # a direct dependent of the verb must be one of these ("found guilty")


@dataclass(frozen=True)
class NounEntry:
    code: str
    modifiers: tuple = ()  # ((frozenset(words), code), ...)
    verbs: dict = field(default_factory=dict)
    nominal: bool = True
    recip: bool = False
    plover: str | None = None
    mode: str | None = None
    frame: str | None = None  # "a demand that Israel withdraw", "a threat to cut aid"


@dataclass
class Lexicon:
    verbs: dict  # lemma -> list[Rule]
    nouns: dict  # lemma -> NounEntry
    reporting: frozenset
    aspect: frozenset
    adjectives: dict  # adjective lemma -> frame
    light: frozenset
    irregular: dict
    demonstrators: frozenset = frozenset()  # subject nouns whose verbal acts are part of a protest
    hazards: frozenset = frozenset()  # natural hazards and accidents
    harm_verbs: frozenset = frozenset()  # deaths and injuries that need an attacker or an attack
    blasts: frozenset = frozenset()  # explosions and fires: attacks only when someone sets them off
    assembly: frozenset = frozenset()  # verbs of demonstrators coming together ("protesters gathered")
    weapons: frozenset = frozenset()  # weapons and attackers: their presence makes a blast an attack

    def lemma_of(self, form: str) -> str | None:
        """The lexicon verb a word form inflects (a fallback when the tagger's lemma is wrong)."""
        forms = self.__dict__.get("_forms")
        if forms is None:
            forms = {}
            for lemma in list(self.verbs) + list(self.light) + list(self.reporting):
                for f in inflect(lemma) | set(self.irregular.get(lemma, ())):
                    forms.setdefault(f, lemma)
            self.__dict__["_forms"] = forms
        return forms.get(form.lower())

    def strong_lemmas(self) -> frozenset:
        """Triggers that code an event on their own: verbs with an unconditional rule, and nouns
        that stand as events by themselves. Everything else needs context (an object, an actor)."""
        out = {n for n, e in self.nouns.items() if e.nominal and " " not in n}
        for lemma, rules in self.verbs.items():
            if any(r.code and not (r.object or r.particle or r.prep or r.mention or r.child or r.subject
                                   or r.object_actor or r.embeds or r.passive or r.light) for r in rules):
                out.add(lemma)
        return frozenset(out)

    def surface_forms(self) -> frozenset:
        """Lower-case word forms of every trigger, for the cheap pre-parse scan."""
        out: set[str] = set()
        for lemma in list(self.verbs) + list(self.nouns) + list(self.reporting) + list(self.assembly):
            out.update(inflect(lemma))
            out.update(self.irregular.get(lemma, ()))
        out.update(self.adjectives)
        return frozenset(out)


def inflect(lemma: str) -> set[str]:
    """Regular English inflections of a verb or noun lemma (attack -> attacks, attacked, attacking)."""
    w = lemma.lower()
    forms = {w, w + "s", w + "es", w + "ed", w + "ing", w + "d"}
    if w.endswith("e"):
        forms |= {w[:-1] + "ing", w + "d"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) >= 3 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return forms


def _as_set(path, lemma, value) -> frozenset:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise DictionaryError(path, None, f"{lemma}: expected a list, got {value!r}")
    # YAML 1.1 reads bare on/off as booleans: they are particles here ("call on", "cut off")
    return frozenset(({True: "on", False: "off"}[v] if isinstance(v, bool) else str(v).lower()) for v in value)


def _check_code(path, where, code):
    if code is None:
        return None
    code = str(code)
    try:
        get_codebook().lookup(code)
    except KeyError:
        raise DictionaryError(path, None, f"{where}: unknown CAMEO code {code!r}") from None
    return code


def _rule(path, lemma, raw) -> Rule:
    if isinstance(raw, (str, int)):
        return Rule(code=_check_code(path, lemma, raw))
    if not isinstance(raw, dict):
        raise DictionaryError(path, None, f"{lemma}: a rule must be a code or a mapping, got {raw!r}")
    bad = set(raw) - _RULE_KEYS
    if bad:
        raise DictionaryError(path, None, f"{lemma}: unknown key(s) {sorted(bad)}")
    frame = raw.get("frame")
    if frame is not None and frame not in FRAMES:
        raise DictionaryError(path, None, f"{lemma}: unknown frame {frame!r}")
    return Rule(
        code=_check_code(path, lemma, raw.get("code")),
        particle=_as_set(path, lemma, raw.get("particle")),
        prep=_as_set(path, lemma, raw.get("prep")),
        object=tuple(sorted(_as_set(path, lemma, raw.get("object")))),
        light=raw.get("light") if raw.get("light") == "subject" else bool(raw.get("light", False)),
        passive=raw.get("passive"),
        plover=raw.get("plover"),
        mode=raw.get("mode"),
        recip=bool(raw.get("recip", False)),
        frame=frame,
        object_actor=raw.get("object_actor"),
        ignore=bool(raw.get("ignore", False)),
        mention=_as_set(path, lemma, raw.get("mention")),
        child=_as_set(path, lemma, raw.get("child")),
        subject=_as_set(path, lemma, raw.get("subject")),
        embeds=bool(raw.get("embeds", False)),
    )


def _noun(path, lemma, raw) -> NounEntry:
    if isinstance(raw, (str, int)):
        return NounEntry(code=_check_code(path, lemma, raw))
    if not isinstance(raw, dict) or "code" not in raw:
        raise DictionaryError(path, None, f"{lemma}: a noun entry needs a code")
    bad = set(raw) - _NOUN_KEYS
    if bad:
        raise DictionaryError(path, None, f"{lemma}: unknown key(s) {sorted(bad)}")
    mods = tuple((_as_set(path, lemma, m.get("words")), None if m.get("ignore") else _check_code(path, lemma, m.get("code")))
                 for m in raw.get("modifier") or [])
    verbs = {str(k).lower(): _check_code(path, lemma, v) for k, v in (raw.get("verbs") or {}).items()}
    frame = raw.get("frame")
    if frame is not None and frame not in FRAMES:
        raise DictionaryError(path, None, f"{lemma}: unknown frame {frame!r}")
    return NounEntry(_check_code(path, lemma, raw["code"]), mods, verbs, bool(raw.get("nominal", True)),
                     bool(raw.get("recip", False)), raw.get("plover"), raw.get("mode"), frame)


def _read(path: Path) -> dict:
    try:
        data = parse_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise DictionaryError(str(path), None, f"cannot read pattern file: {exc}") from exc
    if not isinstance(data, dict):
        raise DictionaryError(str(path), None, "expected a mapping at the top level")
    return data


def _merge(lex: dict, path: Path, data: dict) -> None:
    p = str(path)
    for lemma, raw in (data.get("verbs") or {}).items():
        rules = raw if isinstance(raw, list) else [raw]
        lex["verbs"][str(lemma).lower()] = [_rule(p, lemma, r) for r in rules]
    for lemma, raw in (data.get("nouns") or {}).items():
        lex["nouns"][str(lemma).lower()] = _noun(p, lemma, raw)
    for key in ("reporting", "light", "demonstrators", "hazards", "harm_verbs", "blasts", "weapons", "assembly"):
        lex[key] |= _as_set(p, key, data.get(key))
    lex["aspect"] |= _as_set(p, "frames.aspect", (data.get("frames") or {}).get("aspect"))
    for frame, words in (data.get("adjectives") or {}).items():
        for w in _as_set(p, "adjectives", words):
            lex["adjectives"][w] = frame
    for lemma, forms in (data.get("irregular") or {}).items():
        lex["irregular"][str(lemma).lower()] = tuple(_as_set(p, lemma, forms))


@lru_cache(maxsize=8)
def get_lexicon(pattern_files: tuple[str, ...] = ()) -> Lexicon:
    """The packaged patterns, extended by ``pattern_files`` (cached per tuple of files)."""
    lex = {"verbs": {}, "nouns": {}, "reporting": frozenset(), "light": frozenset(), "aspect": frozenset(),
           "adjectives": {}, "irregular": {}, "demonstrators": frozenset(),
           "hazards": frozenset(), "harm_verbs": frozenset(), "blasts": frozenset(),
           "weapons": frozenset(), "assembly": frozenset()}
    paths = [DATA / "verbs.yaml", DATA / "nouns.yaml"]
    for f in pattern_files:
        p = Path(f)
        paths.extend(sorted(p.glob("*.y*ml")) if p.is_dir() else [p])
    for path in paths:
        if not path.exists():
            raise DictionaryError(str(path), None, "pattern file not found")
        _merge(lex, path, _read(path))
    log.debug("lexicon: %d verbs, %d nouns", len(lex["verbs"]), len(lex["nouns"]))
    return Lexicon(**lex)
