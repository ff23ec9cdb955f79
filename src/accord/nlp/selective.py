"""Selective parsing: split an article into sentences cheaply (tokenizer + rule sentencizer) and
send only candidate sentences through the statistical pipeline. The article is tokenized once;
sentences are tested on its tokens, and only candidates are tokenized again, on their own.

A sentence is a candidate when it holds a strong event word (one that codes an event by itself:
"attacked", "talks"), or a weak one (a light, conditional or reporting verb: "held", "said") together
with a candidate actor (a capitalised word). Everything else never reaches the parser.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_left
from functools import lru_cache

log = logging.getLogger(__name__)

#: Sentences longer than this many tokens are not parsed (not a real sentence; parser cost explodes).
MAX_SENT_TOKENS = 400
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")


def clean_text(text: str) -> str:
    """Replace control/format characters by spaces (one for one, so offsets are kept)."""
    return _CONTROL.sub(" ", text)


@lru_cache(maxsize=4)
def _vocab(pattern_files: tuple[str, ...]) -> tuple[frozenset, frozenset]:
    """(strong forms, weak forms): a strong form codes an event by itself ("attacked", "talks");
    a weak one (light verbs, conditional verbs, reporting verbs) needs a candidate actor too."""
    from ..events.lexicon import get_lexicon, inflect

    lex = get_lexicon(pattern_files)
    strong = set()
    for lemma in lex.strong_lemmas():
        strong |= inflect(lemma) | set(lex.irregular.get(lemma, ()))
    return frozenset(strong), lex.surface_forms() - strong


@lru_cache(maxsize=4)
def _hazard_forms(pattern_files: tuple[str, ...]) -> tuple[frozenset, frozenset]:
    """Word forms of natural hazards and accidents, and of weapons (see events.accidents)."""
    from ..events.lexicon import get_lexicon, inflect

    lex = get_lexicon(pattern_files)
    return (frozenset(f for lemma in lex.hazards for f in inflect(lemma)),
            frozenset(f for lemma in lex.weapons for f in inflect(lemma)))


@lru_cache(maxsize=2)
def _sentencizer():
    from spacy.pipeline import Sentencizer

    return Sentencizer()


class _Tokens:
    """A text's tokens as plain lists, read through ``Doc.to_array``: making a ``Token`` object per
    token cost more than the tokenizer itself."""

    __slots__ = ("words", "starts", "ends", "punct")

    def __init__(self, doc, text: str, exact_slices: bool):
        from spacy.attrs import IDX, IS_PUNCT, LENGTH

        if not len(doc):
            self.words, self.starts, self.ends, self.punct = [], [], [], []
            return
        self.starts, lengths, self.punct = doc.to_array([IDX, LENGTH, IS_PUNCT]).T.tolist()
        self.ends = [a + n for a, n in zip(self.starts, lengths)]
        if exact_slices:  # spaCy's tokenizer: each token is the text at its offset
            self.words = [text[a:b] for a, b in zip(self.starts, self.ends)]
        else:
            self.words = [t.text for t in doc]


def _sentence_ranges(words, punct):
    """Token ranges of the sentences: spaCy's rule ``Sentencizer`` (default punctuation) replayed
    on plain lists. A sentence starts at the first token that is neither punctuation nor a
    sentence-final character after a sentence-final character."""
    punct_chars = _sentencizer().punct_chars
    firsts = [0] if words else []
    seen_period = False
    for i, w in enumerate(words):
        final = w in punct_chars
        if seen_period and not punct[i] and not final:
            firsts.append(i)
            seen_period = False
        elif final:
            seen_period = True
    return list(zip(firsts, firsts[1:] + [len(words)]))


def split(nlp, text: str) -> list[tuple[int, int]]:
    """Char spans of the sentences of ``text`` (tokenizer + punctuation rules, no model)."""
    toks = _Tokens(nlp.make_doc(text), text, _tokenizer_facts(nlp) is not None)
    out = []
    for s, e in _sentence_ranges(toks.words, toks.punct):
        out.extend(_paragraph_pieces(text, toks.starts[s], toks.ends[e - 1]))
    return out


def _tokenizer_facts(nlp):
    """``_SpecialFacts`` of ``nlp``'s tokenizer, or None when it is not spaCy's own ``Tokenizer``
    (then every sentence is tokenized on its own, as it always was)."""
    from spacy.tokenizer import Tokenizer

    tok = nlp.tokenizer
    if type(tok) is not Tokenizer:
        return None
    rules = tok.rules
    facts = _special_facts(tok, (id(rules), len(rules), tok.prefix_search, tok.suffix_search,
                                 tok.infix_finditer, tok.token_match, tok.url_match, tok.faster_heuristics))
    return facts if facts.usable else None


class _SpecialFacts:
    """When a sentence's tokens are the slice of its article's tokens.

    spaCy's tokenizer splits the text at white space and tokenizes each run of non-space
    characters on its own (the same run always gives the same tokens). Then one pass over the
    whole doc re-applies special cases ("It's"): a PhraseMatcher on the token texts, its matches
    filtered longest first, a match's tokens blocking later matches whether or not it is
    applied. That pass also matches across white space: such a match changes nothing itself but
    can block a real one inside the sentence. So a sentence that starts and ends at white space
    has the slice's tokens unless a pattern can match across one of its edges (``crosses``).

    * pairs: adjacent token texts inside the matcher's patterns;
    * was_last / was_first: the pass may have put a special case's tokens where the matcher saw
      the pattern's, so a final token may stand for the pattern's last (first) token;
    * usable: False when a pattern spans white space (then no slice is trusted)."""

    __slots__ = ("pairs", "was_last", "was_first", "usable")

    def __init__(self, tokenizer):
        from spacy.attrs import ORTH, intify_attrs
        from spacy.tokenizer import Tokenizer
        from spacy.vocab import Vocab

        bare = Tokenizer(Vocab(), rules=None, prefix_search=tokenizer.prefix_search,
                         suffix_search=tokenizer.suffix_search, infix_finditer=tokenizer.infix_finditer,
                         token_match=tokenizer.token_match, url_match=tokenizer.url_match)
        self.pairs, self.was_last, self.was_first, self.usable = set(), {}, {}, True
        for string, substrings in tokenizer.rules.items():
            # the test of Tokenizer.add_special_case: is this string one of the matcher's patterns
            if not (not tokenizer.faster_heuristics or tokenizer.find_prefix(string) or tokenizer.find_infix(string)
                    or tokenizer.find_suffix(string) or " " in string):
                continue
            pattern = [t.text for t in bare(string)]  # Tokenizer._tokenize_affixes(string, False)
            orths = [intify_attrs(dict(x), _do_deprecated=True)[ORTH] for x in substrings]
            if len(pattern) > 1 and any(ch.isspace() for ch in string):
                self.usable = False
            self.pairs.update(zip(pattern, pattern[1:]))
            if pattern and orths:
                if pattern[-1] != orths[-1]:
                    self.was_last.setdefault(orths[-1], set()).add(pattern[-1])
                if pattern[0] != orths[0]:
                    self.was_first.setdefault(orths[0], set()).add(pattern[0])

    def crosses(self, before: str, after: str) -> bool:
        """Can a pattern match across the white space between these two (final) tokens?"""
        if before not in self.was_last and after not in self.was_first:
            return (before, after) in self.pairs
        lefts = {before} | self.was_last.get(before, set())
        rights = {after} | self.was_first.get(after, set())
        return any((x, y) in self.pairs for x in lefts for y in rights)


@lru_cache(maxsize=8)
def _special_facts(tokenizer, key) -> _SpecialFacts:
    """``key`` fingerprints the tokenizer's rules and settings (its setters rebuild the matcher)."""
    return _SpecialFacts(tokenizer)


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def _paragraph_pieces(text: str, a: int, b: int):
    """Split ``text[a:b]`` at blank lines (a headline or list item without final punctuation is a
    sentence of its own) and trim surrounding white space, so evidence never starts with newlines."""
    start = a
    for m in _BLANK_LINE.finditer(text, a, b):
        yield from _trimmed(text, start, m.start())
        start = m.end()
    yield from _trimmed(text, start, b)


def _trimmed(text: str, a: int, b: int):
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b:
        yield a, b


def is_candidate(tokens, pattern_files: tuple[str, ...] = ()) -> bool:
    """True when a token list (strings) may hold an event worth parsing."""
    if len(tokens) > MAX_SENT_TOKENS:
        return False
    strong, weak = _vocab(pattern_files)
    lower = [t.lower() for t in tokens]
    if any(w in strong for w in lower):
        return True
    return any(w in weak for w in lower) and _actor_candidate(tokens)


_FUNCTION_WORDS = frozenset("the a an in on at but and or it he she they we i you this that these those there "
                            "however meanwhile also so yet if when while after before as for of to by".split())


def _actor_candidate(tokens) -> bool:
    """A capitalised word that is not just the sentence's first function word (cheap; no model)."""
    for i, t in enumerate(tokens):
        if t[:1].isupper() and len(t) > 1 and (i > 0 or t.lower() not in _FUNCTION_WORDS):
            return True
    return False


def _hazard_words(words, hazards, weapons) -> bool:
    """A sentence about an accident with no weapon in it (not "the Storm Corps": lower case only).
    On token texts: a lexeme's ``lower_`` is ``str.lower`` of its text."""
    lower = [w.lower() for w in words]
    if any(w in weapons for w in lower):
        return False
    return any(low in hazards and (i == 0 or not w[:1].isupper()) for i, (w, low) in enumerate(zip(words, lower)))


def _pieces(nlp, text: str):
    """(start char, end char, token texts or None) of each sentence piece (see ``split``), and
    whether token texts are read from the text. The token texts are the article's own where
    tokenizing the piece alone gives exactly those (see ``_SpecialFacts``): a piece that starts
    and ends at white space (or the text's ends), with no special-case pattern across its edges.
    None means: tokenize the piece itself."""
    facts = _tokenizer_facts(nlp)
    toks = _Tokens(nlp.make_doc(text), text, facts is not None)
    words, starts, ends = toks.words, toks.starts, toks.ends
    n, last = len(text), len(words)
    out = []
    for s, e in _sentence_ranges(words, toks.punct):
        for a, b in _paragraph_pieces(text, starts[s], ends[e - 1]):
            piece = None
            if facts is not None and (a == 0 or text[a - 1].isspace()) and (b == n or text[b].isspace()):
                i = bisect_left(starts, a, s, e)
                j = bisect_left(starts, b, i, e)
                if (i < e and starts[i] == a and ends[j - 1] == b
                        and (i == 0 or not facts.crosses(words[i - 1], words[i]))
                        and (j == last or not facts.crosses(words[j - 1], words[j]))):
                    piece = words[i:j]
            out.append((a, b, piece))
    return out, facts is not None


def candidate_docs(nlp, text: str, *, date=None, base: int = 0, context=None, pattern_files=(), too_long=None):
    """Doc objects (tokenized only) for the candidate sentences of ``text``, each with
    ``user_data`` set: ``accord_date``, ``accord_offset`` (char offset in the article) and the
    shared ``accord_actor_context`` dict. Sentences over ``MAX_SENT_TOKENS`` tokens are skipped and
    their lengths appended to ``too_long`` when given.

    The article is tokenized once and sentences are tested on its tokens; only candidates get a
    Doc: ``nlp.make_doc`` of the sentence text (mostly tokenizer cache hits by then)."""
    context = {} if context is None else context
    out = []
    hazards, weapons = _hazard_forms(pattern_files)
    pieces, exact = _pieces(nlp, text)
    previous = False
    for a, b, words in pieces:
        doc = None
        if words is None:
            doc = nlp.make_doc(text[a:b])
            words = _Tokens(doc, doc.text, exact).words
            keep = is_candidate(words, pattern_files)
        else:
            keep = is_candidate(words, pattern_files)
            if keep:
                doc = nlp.make_doc(text[a:b])
                if len(doc) != len(words):  # not expected (see _SpecialFacts); its own tokens decide
                    log.warning("sentence at %d: %d tokens alone, %d in the article", base + a, len(doc), len(words))
                    words = _Tokens(doc, doc.text, exact).words
                    keep = is_candidate(words, pattern_files)
        prev, previous = previous, _hazard_words(words, hazards, weapons)  # "A boiler exploded. Four were hurt."
        if len(words) > MAX_SENT_TOKENS:
            if too_long is not None:
                too_long.append(len(words))
            log.info("sentence of %d tokens at %d not parsed (limit %d)", len(words), base + a, MAX_SENT_TOKENS)
            continue
        if not keep:
            continue
        doc.user_data["accord_prev_hazard"] = prev
        doc.user_data["accord_date"] = date
        doc.user_data["accord_offset"] = base + a
        doc.user_data["accord_actor_context"] = context
        out.append(doc)
    return out
