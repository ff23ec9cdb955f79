"""``accord_morph``: the model's own attribute ruler and lemmatizer, memoised per token context.

The English model maps every tagged token to a coarse POS, morphology and lemma with an attribute
ruler (a ``Matcher`` over ~180 patterns) and then a rule lemmatizer. Together they cost about a
third as much as the whole parse, yet they are deterministic functions of a tiny window. Every
pattern looks at one token (lower form, tag, dependency label, white space) or at two adjacent
tokens ("there is", "gon na"), and the lemmatizer reads only the token's text, POS and morphology.

So this component works out the result once per distinct key and copies it into every later
token with that key. The patterns, their order and the lemmatizer are the model's own: nothing is
re-implemented from the model's data except the test of whether a pattern matches. On a miss the
ruler's own attribute sets are applied with spaCy's own setter, in the ruler's own order (a later
pattern overrides an earlier one), and then the model's lemmatizer runs on the token.
``tests/nlp/test_morph.py`` checks the output against the original components token for token.

The key of a token is (ORTH, TAG, DEP, IS_SPACE, previous, next):
- DEP is kept only when some pattern constrains DEP and its other constraints match this token;
  otherwise it cannot change the outcome and is left out;
- a neighbour is kept (lower, tag, dep) only when it matches its side of a two-token pattern;
  otherwise it is left out.
Patterns longer than two tokens are not handled: the component then runs the real components.
"""
from __future__ import annotations

import re

from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

_ATTRS = [ORTH, LOWER, TAG, DEP, IS_SPACE]
#: Memo size at which it starts afresh (~100k distinct token contexts is ~2,000 news articles;
#: about 30 MB).
MAX_ENTRIES = 100_000


class MorphComponent:
    """Wraps the model's ``attribute_ruler`` and ``lemmatizer`` (see :func:`install`)."""

    def __init__(self, nlp, name: str):
        self.name = name
        self.ruler = self.lemmatizer = self.rules = None
        self._cache: dict = {}

    def use(self, ruler, lemmatizer) -> None:
        self.ruler, self.lemmatizer = ruler, lemmatizer
        self.rules = _Rules.from_ruler(ruler)
        self._cache.clear()

    def __call__(self, doc: Doc) -> Doc:
        if self.ruler is None:
            raise RuntimeError("accord_morph has no attribute ruler; build the pipeline with install()")
        if self.rules is None:  # a pattern this component cannot memoise
            return self.lemmatizer(self.ruler(doc))
        n = len(doc)
        if not n:
            return doc
        strings = doc.vocab.strings
        arr = doc.to_array(_ATTRS).tolist()
        views = [(strings[lo], strings[tg] if tg else "", strings[dp] if dp else "", bool(sp))
                 for _, lo, tg, dp, sp in arr]
        rules, cache = self.rules, self._cache
        ctx = [rules.context(v) for v in views]
        for i, row in enumerate(arr):
            view = views[i]
            prev = views[i - 1] if i and ctx[i - 1][0] else None
            nxt = views[i + 1] if i + 1 < n and ctx[i + 1][1] else None
            key = (row[0], row[2], row[3] if ctx[i][2] else -1, row[4], prev, nxt)
            tok = doc[i]
            got = cache.get(key)
            if got is None:
                if len(cache) >= MAX_ENTRIES:  # bounded memory on any input size
                    cache.clear()
                cache[key] = self._compute(tok, view, prev, nxt)
                continue
            tag, pos, morph, lemma, dep = got
            if tag is not None:
                tok.tag = tag
            if dep is not None:
                tok.dep = dep
            tok.pos = pos
            tok.set_morph(morph)
            tok.lemma = lemma
        return doc

    def _compute(self, tok, view, prev, nxt):
        """Apply the matching patterns and the lemmatizer to ``tok``; return what changed."""
        tag0, dep0 = tok.tag, tok.dep
        for aid in self.rules.matching(view, prev, nxt):
            set_token_attrs(tok, self.ruler.attrs[aid])
        lem = self.lemmatizer
        if lem.overwrite or tok.lemma == 0:
            tok.lemma_ = lem.lemmatize(tok)[0]
        return (tok.tag if tok.tag != tag0 else None, tok.pos, tok.morph.key, tok.lemma,
                tok.dep if tok.dep != dep0 else None)


class _Rules:
    """The ruler's patterns as predicates over token views ``(lower, tag, dep, is_space)``."""

    def __init__(self, singles, pairs):
        self.singles = singles  # [(attr_id, spec)]
        self.pairs = pairs      # [(attr_id, spec0, spec1, index)]
        self._dep_specs = [{k: v for k, v in s.items() if k != "DEP"} for s in
                           [s for _, s in singles if "DEP" in s] + [s for _, a, b, _i in pairs for s in (a, b) if "DEP" in s]]
        self._memo: dict = {}
        self._words: dict = {}
        self._groups = ([a for _, a, _b, _i in pairs], [b for _, _a, b, _i in pairs], self._dep_specs)
        # index the single-token patterns by the exact TAG or LOWER they require
        self._by_tag: dict = {}
        self._by_lower: dict = {}
        self._general: list = []
        for aid, spec in singles:
            if isinstance(spec.get("TAG"), str) or isinstance(spec.get("TAG"), dict) and "IN" in spec["TAG"]:
                tags = [spec["TAG"]] if isinstance(spec["TAG"], str) else spec["TAG"]["IN"]
                for tag in tags:
                    self._by_tag.setdefault(tag, []).append((aid, spec))
            elif isinstance(spec.get("LOWER"), str) or isinstance(spec.get("LOWER"), dict) and "IN" in spec["LOWER"]:
                lows = [spec["LOWER"]] if isinstance(spec["LOWER"], str) else spec["LOWER"]["IN"]
                for low in lows:
                    self._by_lower.setdefault(low, []).append((aid, spec))
            else:
                self._general.append((aid, spec))

    @classmethod
    def from_ruler(cls, ruler):
        singles, pairs = [], []
        for aid, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                specs = [_compile(tok) for tok in pattern]
                if any(s is None for s in specs) or len(specs) > 2:
                    return None
                if len(specs) == 1:
                    singles.append((aid, specs[0]))
                else:
                    pairs.append((aid, specs[0], specs[1], entry["index"] % 2))
        return cls(singles, pairs)

    def context(self, view) -> tuple[bool, bool, bool]:
        """(can be the first of a two-token pattern, can be the second, does its DEP matter: some
        DEP-constrained pattern matches it apart from its DEP), remembered per view."""
        got = self._memo.get(view)
        if got is None:
            if len(self._memo) >= MAX_ENTRIES:
                self._memo.clear()
            left, right, deps = self._by_word(view[0])
            got = self._memo[view] = (any(_ok(a, view) for a in left), any(_ok(b, view) for b in right),
                                      any(_ok(d, view) for d in deps))
        return got

    def _by_word(self, lower: str):
        """The pair sides and DEP-stripped specs whose LOWER test (if any) passes ``lower``."""
        got = self._words.get(lower)
        if got is None:
            if len(self._words) >= MAX_ENTRIES:
                self._words.clear()
            got = self._words[lower] = tuple(
                [s for s in group if "LOWER" not in s or _ok_lower(s["LOWER"], lower)]
                for group in self._groups)
        return got

    def matching(self, view, prev, nxt) -> list[int]:
        """Attribute-set ids whose pattern sets this token, in the ruler's order."""
        low, tag = view[0], view[1]
        ids = {aid for group in (self._by_tag.get(tag, ()), self._by_lower.get(low, ()), self._general)
               for aid, spec in group if _ok(spec, view)}
        for aid, a, b, index in self.pairs:
            if index == 0 and nxt is not None and _ok(a, view) and _ok(b, nxt):
                ids.add(aid)
            elif index == 1 and prev is not None and _ok(a, prev) and _ok(b, view):
                ids.add(aid)
        return sorted(ids)


_FIELDS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}


def _compile(tok: dict):
    """A token spec as {field: test}, or None when it uses anything else (then: no memoising)."""
    out = {}
    for attr, value in tok.items():
        if attr not in _FIELDS:
            return None
        if isinstance(value, dict):
            if set(value) - {"IN", "NOT_IN", "REGEX"}:
                return None
            test = {}
            if "IN" in value:
                test["IN"] = frozenset(value["IN"])
            if "NOT_IN" in value:
                test["NOT_IN"] = frozenset(value["NOT_IN"])
            if "REGEX" in value:
                test["REGEX"] = re.compile(value["REGEX"])
            out[attr] = test
        else:
            out[attr] = value
    return out


def _ok_lower(test, lower: str) -> bool:
    return _ok({"LOWER": test}, (lower, None, None, None))


def _ok(spec: dict, view) -> bool:
    for attr, test in spec.items():
        got = view[_FIELDS[attr]]
        if isinstance(test, dict):
            if "IN" in test and got not in test["IN"]:
                return False
            if "NOT_IN" in test and got in test["NOT_IN"]:
                return False
            if "REGEX" in test and not test["REGEX"].search(str(got)):
                return False
        elif got != test:
            return False
    return True


@Language.factory("accord_morph")
def make_morph(nlp, name: str):
    return MorphComponent(nlp, name)


def install(nlp) -> bool:
    """Replace the model's ``attribute_ruler`` + ``lemmatizer`` by ``accord_morph`` wrapping them.
    Returns False (pipeline unchanged) unless the model has both, one right after the other."""
    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return False
    at = names.index("attribute_ruler")
    if names.index("lemmatizer") != at + 1:
        return False
    before = names[at - 1] if at else None
    _, ruler = nlp.remove_pipe("attribute_ruler")
    _, lemmatizer = nlp.remove_pipe("lemmatizer")
    if before:
        nlp.add_pipe("accord_morph", after=before)
    else:
        nlp.add_pipe("accord_morph", first=True)
    nlp.get_pipe("accord_morph").use(ruler, lemmatizer)
    return True
