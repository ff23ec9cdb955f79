"""Matching event triggers (verbs, light verbs + event nouns, nominal events) against the lexicon,
and composing a frame verb with the event it embeds ("agreed to sign", "threatened to cut off").
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Lexicon, NounEntry, Rule

#: Frame + embedded event root -> composed CAMEO code (default under key "").
INTENT = {"045": "039", "061": "0311", "062": "0312", "063": "0313", "064": "0314", "071": "0331", "072": "0332",
          "073": "0333", "074": "0334", "03": "030", "04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "0841": "0353", "085": "0354",
          "086": "0355", "087": "0356", "0871": "0356", "0831": "0341", "09": "030", "": "030"}
THREAT = {"16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
          "17": "132", "172": "132", "1722": "1322", "1723": "1323", "1724": "1324", "173": "132", "174": "132",
          "175": "137", "191": "1381", "192": "1382", "18": "138", "19": "138", "20": "1385", "15": "138",
          "14": "133", "": "130"}
REFUSE = {"01": "011", "03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124", "081": "1241",
          "0841": "1243", "085": "1244", "086": "1245", "087": "1246", "0871": "1246", "": "120"}
DEMAND = {"04": "108", "05": "102", "06": "101", "07": "103", "08": "105", "0831": "1041", "0841": "1053",
          "085": "1054", "086": "1055", "087": "106", "0871": "107", "": "100"}
APPEAL = {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025", "0831": "0241", "0841": "0253",
          "085": "0254", "086": "0255", "087": "0256", "0871": "0256", "": "020"}
TABLES = {"prepare": INTENT, "order": DEMAND, "intent": INTENT, "threat": THREAT, "refuse": REFUSE, "demand": DEMAND, "appeal": APPEAL}
CONFLICT_ROOTS = frozenset({"10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"})
#: Adjective frames that make a comment about what they embed ("skeptical about ...").
COMMENT_FRAMES = {"doubt": "012", "hope": "013"}
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})


def compose(frame: str, inner: str) -> str:
    """The code of ``frame`` applied to an embedded event coded ``inner``."""
    root = inner[:2]
    if frame == "appeal" and root in CONFLICT_ROOTS:  # "called for sanctions against X"
        frame = "demand"
    if frame == "aspect":
        return inner
    if frame == "consider":
        return "014"
    if frame in COMMENT_FRAMES:
        return COMMENT_FRAMES[frame]
    if frame == "prepare":  # "prepared to resume shelling": force posture
        if root in ("18", "19", "20"):
            return "150"
        frame = "intent"
    if frame == "order":  # an order to coerce is the coercion ("ordered the paper to suspend publication")
        if root == "17":
            return inner
        frame = "demand"
    if frame == "intent" and root in CONFLICT_ROOTS:
        frame = "threat"
    if frame == "threat" and root not in CONFLICT_ROOTS:
        return "130"
    table = TABLES.get(frame)
    if table is None:
        return inner
    for k in (inner[:4], inner[:3], root):
        if k in table:
            return table[k]
    return table[""]


@dataclass
class Trigger:
    token: object
    code: str
    kind: str  # "verb" | "light" | "noun" | "adj"
    rule: Rule | None = None
    noun: NounEntry | None = None
    noun_token: object = None
    frame: str | None = None
    recip: bool = False
    plover: str | None = None
    mode: str | None = None
    inner: "Trigger | None" = None
    notes: list = field(default_factory=list)


def particles(tok) -> set:
    """Verb particles, including prepositions without an object ("called off", "backed down")."""
    return {c.lower_ for c in tok.children if c.dep_ == "prt" or (c.dep_ == "prep" and not any(True for _ in c.children))}


def preps(tok) -> set:
    """Prepositions of the verb, including "for" opening an infinitive clause ("pushed for X to ...")."""
    out = {c.lower_ for c in tok.children if c.dep_ in ("prep", "agent", "dative") and c.pos_ == "ADP"
           and not any(p.ent_type_ in ("DATE", "TIME") for p in c.children)}  # not "on Wednesday"
    for c in tok.children:
        if c.dep_ in ("advcl", "ccomp", "xcomp"):
            out |= {m.lower_ for m in c.children if m.dep_ == "mark" and m.lower_ in ("for", "on")}
    return out


def passive(tok) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


def objects(tok) -> list:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN"))]
    if not objs and tok.dep_ == "acl" and tok.tag_ == "VBN":
        objs = [tok.head]
    for c in tok.children:  # "resort to violence", "engage in talks"
        if not objs and c.dep_ == "prep" and c.lower_ in ("to", "in", "on", "for"):
            objs = [p for p in c.children if p.dep_ == "pobj"]
    out = []
    stack = list(objs)
    while stack:  # coordinated objects, at any depth ("artillery, mortar, and rocket fire")
        o = stack.pop(0)
        out.append(o)
        stack.extend(c for c in o.children if c.dep_ == "conj")
    return out


def _obj_matches(rule: Rule, objs, idx) -> bool:
    if rule.object:
        direct = tok_children(objs)
        if "*" in rule.object and direct:
            return True
        if "-" in rule.object:
            return not direct
        for o in objs:
            lemma = o.lemma_.lower()
            text = " ".join(t.lower_ for t in o.subtree if t.i <= o.i + 4)
            if lemma in rule.object or o.lower_ in rule.object or any(" " in w and w in text for w in rule.object):
                return True
            if any(c.lemma_.lower() in rule.object for c in o.children if c.dep_ in ("compound", "amod")):
                return True
            if any(p.lemma_.lower() in rule.object or any(" " in w and w in _phrase(p) for w in rule.object)
                   for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj"):  # "containers of toxic gas", "a cache of arms"
                return True
        return False
    if rule.object_actor:
        for o in objs:
            a = idx.at(o) if idx is not None else None
            if a is not None and (rule.object_actor is True or getattr(a, "kind", None) == rule.object_actor):
                return True
        return False
    return True


def _phrase(tok) -> str:
    return " ".join(t.lower_ for t in tok.subtree if tok.i - 3 <= t.i <= tok.i)


def tok_children(objs) -> list:
    """The objects themselves when they are direct objects of their head (for the "*" wildcard)."""
    return [o for o in objs if o.dep_ in ("dobj", "nsubjpass")]


def noun_code(tok, lex: Lexicon, verb_lemma: str | None = None) -> tuple[str, NounEntry] | None:
    entry = None
    for c in tok.children:  # multi-word keys: "war game", "hunger strike", "legal action"
        if c.dep_ in ("compound", "amod"):
            entry = lex.nouns.get(f"{c.lemma_.lower()} {tok.lemma_.lower()}")
            if entry is not None:
                break
    entry = entry or lex.nouns.get(tok.lemma_.lower()) or lex.nouns.get(tok.lower_)
    if entry is None:
        return None
    code = entry.code
    if verb_lemma and verb_lemma in entry.verbs:
        code = entry.verbs[verb_lemma]
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    mods |= {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    for words, mcode in entry.modifiers:
        if mods & words:
            if mcode is None:  # "a stock market rally"
                return None
            code = mcode
            break
    return code, entry


def _object_nouns(o) -> list:
    """The object noun, then nouns inside it ("a mediation effort", "a campaign of attacks")."""
    out = [o]
    out += [c for c in o.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
    for c in o.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "in"):
            out += [p for p in c.children if p.dep_ == "pobj"]
    return out


def _light(tok, rule: Rule | None, lex: Lexicon, lemma: str | None = None) -> Trigger | None:
    if rule is not None and rule.light == "subject":  # "protests erupted", "fighting broke out"
        heads = [c for c in tok.children if c.dep_ == "nsubj"]
    else:
        heads = objects(tok)
        if not any(noun_code(o, lex) for o in heads):  # "took part in marches"
            heads = heads + [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "to")
                             for p in c.children if p.dep_ == "pobj"]
    for o in [n for ob in heads for n in _object_nouns(ob)]:
        got = noun_code(o, lex, lemma or tok.lemma_.lower())
        if got:
            code, entry = got
            return Trigger(tok, code, "light", rule=rule, noun=entry, noun_token=o, recip=entry.recip,
                           plover=entry.plover, mode=entry.mode, frame=entry.frame)
    return None


def verb_trigger(tok, lex: Lexicon, idx=None) -> Trigger | None:
    """The event a verb token triggers, if any."""
    lemma = tok.lemma_.lower()
    if lemma not in lex.verbs and lemma not in lex.light:
        lemma = lex.lemma_of(tok.lower_) or lemma  # "staged" lemmatised as "stag"
    rules = lex.verbs.get(lemma)
    if rules:
        prt, prp, pas, objs = particles(tok), preps(tok), passive(tok), objects(tok)
        for rule in rules:
            if rule.particle and not (rule.particle & prt):
                continue
            if not rule.particle and prt and rule.code is None:
                continue
            if rule.prep and not (rule.prep & prp):
                continue
            if rule.passive is not None and rule.passive != pas:
                continue
            if rule.child and not any(c.lower_ in rule.child for c in tok.children):
                continue
            if rule.embeds and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
                continue
            if rule.subject and not any(c.dep_ in ("nsubj", "agent") and (c.lemma_.lower() in rule.subject or any(
                    p.lemma_.lower() in rule.subject for p in c.children if p.dep_ == "pobj")) for c in tok.children):
                continue
            if rule.mention and not _mentions(tok, rule.mention):
                continue
            if not _obj_matches(rule, objs, idx):
                continue
            if rule.ignore:
                return None
            if rule.light:
                t = _light(tok, rule, lex, lemma)
                if t is not None:
                    t.frame = t.frame or rule.frame
                    return t
                if rule.code is None:
                    continue
            if rule.code is None:
                continue
            return Trigger(tok, rule.code, "verb", rule=rule, frame=rule.frame, recip=rule.recip,
                           plover=rule.plover, mode=rule.mode)
        if lemma not in lex.light:
            return None
    if lemma in lex.light:
        return _light(tok, None, lex, lemma)
    return None


def _mentions(tok, words) -> bool:
    """A word of ``tok``'s clause (including the subject of an xcomp chain) is one of ``words``."""
    heads = [tok]
    while heads[-1].dep_ == "xcomp" and len(heads) < 4:
        heads.append(heads[-1].head)
    return any(w.lower_ in words or w.lemma_.lower() in words for h in heads for w in _own_clause(h))


def _own_clause(tok):
    """The words of ``tok``'s clause without coordinated verbs ("arrested and charged with X" is two acts)."""
    stack = [tok]
    while stack:
        t = stack.pop()
        yield t
        stack.extend(c for c in t.children if not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")))


def is_future(tok) -> bool:
    """``will``/``would``/``shall`` or "be going to" on the verb (or the copula of its adjective)."""
    for c in tok.children:
        if c.dep_ == "aux" and c.lower_ in FUTURE_AUX:
            return True
        if c.dep_ == "aux" and c.lower_ == "going":
            return True
    if tok.dep_ == "xcomp" and tok.head.lower_ == "going":
        return True
    return False


def has_must(tok) -> bool:
    """A deontic modal on the clause ("Libya must hand over", "should withdraw", "has to")."""
    for c in tok.children:
        if c.dep_ == "aux" and c.lower_ in ("must", "should", "ought"):
            return True
    if tok.dep_ == "xcomp" and tok.head.lemma_ == "have" and any(c.dep_ == "nsubj" for c in tok.head.children):
        return True
    return False
