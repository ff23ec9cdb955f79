"""Lexicon entries that look keyed to single dev sentences (helper of bench/generalisation.py).

For every condition word or phrase in ``events/data/verbs.yaml`` / ``nouns.yaml`` (object, mention,
child, subject, modifier words ...) and the head lemma of its entry, count the dev sentences (PLOVER
GSR + ConfliBERT PentaClass) and the news-corpus sentences where both occur. An entry whose pair
occurs in exactly one dev sentence and at most ``max_corpus`` corpus sentences is a suspect: it
probably exists for that sentence. Multi-word phrases of the actor data files that occur in a dev
sentence but nowhere in the corpus are listed too. Suspects are candidates to review by hand, not
verdicts: heads are matched by a crude prefix ("attack" matches "attacked").
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVENT_FILES = ["src/accord/events/data/verbs.yaml", "src/accord/events/data/nouns.yaml"]
ACTOR_FILES = ["src/accord/actors/data/grammar.yaml", "src/accord/actors/data/sectors.tsv",
               "src/accord/actors/data/peoples.tsv"]  # names of organisations/people are facts, not checked
_HEAD = re.compile(r"^  ([a-z][a-z_\- ]*?):")
_LIST = re.compile(r"\b(object|mention|child|subject|words|not_object|object_not)\s*:\s*\[([^\]]*)\]")
_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
_SENT = re.compile(r"(?<=[.!?])\s+")


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


class Index:
    """word -> ids of the sentences holding it, plus the sentence texts."""

    def __init__(self, sentences: list[tuple[str, str]]):
        self.text = dict(sentences)
        self.words: dict[str, set] = defaultdict(set)
        for sid, text in sentences:
            for w in tokens(text):
                self.words[w].add(sid)
        self._vocab = sorted(self.words)

    def with_head(self, head: str) -> set:
        """Sentences with a word starting like ``head`` (crude inflection: drop a final e / y)."""
        stem = head[:-1] if len(head) > 4 and head[-1] in "ey" else head
        out: set = set()
        import bisect

        i = bisect.bisect_left(self._vocab, stem)
        while i < len(self._vocab) and self._vocab[i].startswith(stem) and len(self._vocab[i]) <= len(stem) + 4:
            out |= self.words[self._vocab[i]]
            i += 1
        return out

    def with_phrase(self, phrase: str) -> set:
        ws = tokens(phrase)
        if not ws:
            return set()
        ids = set.intersection(*(self.words.get(w, set()) for w in ws))
        pat = re.compile(r"\b" + r"\W+".join(map(re.escape, ws)) + r"\b")
        return {i for i in ids if pat.search(self.text[i].lower())}


def condition_items(path: Path):
    """(line number, head, condition word/phrase) for every condition list item of a lexicon file."""
    head = None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = _HEAD.match(line)
        if m:
            head = m.group(1).strip()
        if line.lstrip().startswith("#") or head is None:
            continue
        for _key, items in _LIST.findall(line):
            for it in items.split(","):
                it = it.strip().strip("\"'")
                if it and it not in ("*", "-"):
                    yield n, head, it


def dev_sentences(eval_dir: Path) -> list[tuple[str, str]]:
    out = []
    for name in ("plover_gsr_dev.jsonl", "conflibert_pentaclass_dev.jsonl"):
        p = eval_dir / name
        if p.exists():
            with open(p, encoding="utf-8") as fh:
                out.extend((str(d["id"]), d["text"]) for d in map(json.loads, fh) if d.get("text"))
    return out


def corpus_sentences(path: Path, max_articles: int, stride: int = 3) -> list[tuple[str, str]]:
    """Sentences of every ``stride``-th article (the file is grouped by source), up to ``max_articles``."""
    out = []
    if not path.exists():
        return out
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i // stride >= max_articles:
                break
            if i % stride:
                continue
            text = json.loads(line).get("text") or ""
            out.extend((f"c{i}.{j}", s) for j, s in enumerate(_SENT.split(text)))
    return out


def heldout_sentences(eval_dir: Path) -> list[tuple[str, str]]:
    """Texts of the other (non-dev) event sets: CASE 2021 snippets, RAMS and WikiEvents sentences."""
    out = []
    case = eval_dir / "case2021_finegrained.tsv"
    if case.exists():
        for i, line in enumerate(case.read_text(encoding="utf-8").splitlines()[1:]):
            out.append((f"case{i}", line.split("\t")[1] if "\t" in line else line))
    for name, key in (("rams_dev.jsonl", "sentences"), ("wikievents_dev.jsonl", "sentences")):
        p = eval_dir / name
        if p.exists():
            with open(p, encoding="utf-8") as fh:
                for i, d in enumerate(map(json.loads, fh)):
                    for j, sent in enumerate(d[key]):
                        text = sent[1] if isinstance(sent, list) and len(sent) == 2 and isinstance(sent[1], str) else " ".join(sent)
                        out.append((f"{name[:4]}{i}.{j}", text))
    return out


def find_suspects(dev: Index, corpus: Index, heldout: Index | None = None, max_corpus: int = 1) -> list[dict]:
    found = []
    heldout = heldout or Index([])
    for rel in EVENT_FILES:
        for n, head, item in condition_items(REPO / rel):
            in_dev = dev.with_head(head) & dev.with_phrase(item)
            if len(in_dev) != 1:
                continue
            in_corpus = corpus.with_head(head) & corpus.with_phrase(item)
            if len(in_corpus) <= max_corpus and not heldout.with_head(head) & heldout.with_phrase(item):
                sid = next(iter(in_dev))
                found.append({"where": f"{rel}:{n}", "head": head, "item": item, "dev_id": sid,
                              "corpus_hits": len(in_corpus), "dev_text": dev.text[sid][:160]})
    for rel in ACTOR_FILES:
        p = REPO / rel
        if not p.exists():
            continue
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith("#"):
                continue
            for phrase in re.split(r"[|\t\[\],]", line):
                phrase = phrase.strip().strip("\"'")
                if len(tokens(phrase)) < 3:
                    continue
                in_dev = dev.with_phrase(phrase)
                if in_dev and not corpus.with_phrase(phrase):
                    sid = sorted(in_dev)[0]
                    found.append({"where": f"{rel}:{n}", "head": "", "item": phrase, "dev_id": sid,
                                  "corpus_hits": 0, "dev_text": dev.text[sid][:160], "dev_count": len(in_dev)})
    return found


def print_suspects(eval_dir: Path, corpus_path: Path, max_articles: int = 25000) -> list[dict]:
    dev = Index(dev_sentences(eval_dir))
    corpus = Index(corpus_sentences(corpus_path, max_articles, stride=1))
    heldout = Index(heldout_sentences(eval_dir))
    print(f"\n== suspects: lexicon condition items co-occurring with their head in exactly one dev sentence, "
          f"<=1 of {len(corpus.text)} news-corpus sentences and none of {len(heldout.text)} CASE/RAMS/WikiEvents texts")
    found = find_suspects(dev, corpus, heldout)
    for s in found:
        print(f"  {s['where']:<45} {s['head']!s:>12} + {s['item']!r:<22} dev={s['dev_id']} corpus={s['corpus_hits']}"
              f"\n      {s['dev_text']!r}")
    print(f"  {len(found)} suspects")
    return found
