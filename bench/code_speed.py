"""Benchmark: ``accord code`` throughput vs a bare spaCy parse of the same sentences.

Takes a fixed slice of sentences from ``../shared/corpus/news.jsonl`` (first N sentences of the
first articles, default 2,000), then in the same run:
  * bare:   ``spacy.load(model).pipe(sentences)`` (tok2vec, tagger, parser, ner, ...; nothing else)
  * accord: ``accord.events.api.code_texts`` on rows ``{"id", "text"}`` (what ``accord code`` runs:
            selective parsing, actors, events, attributes)
and prints both rates and the ratio accord/bare (target >= 0.60).

usage: python bench/code_speed.py [--sentences N] [--corpus PATH]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DEFAULT_CORPUS = Path(os.environ.get("ACCORD_SHARED", ROOT / ".." / "shared")) / "corpus" / "news.jsonl"


def load_sentences(path: Path, n: int, nlp) -> list[str]:
    from accord.nlp.selective import split

    out: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            try:
                text = json.loads(line).get("text") or ""
            except json.JSONDecodeError:
                continue
            for a, b in split(nlp, text[:20000]):
                s = " ".join(text[a:b].split())
                if len(s) > 20:
                    out.append(s)
                    if len(out) >= n:
                        return out
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=2000)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=2, help="alternate the two runs N times, keep the best of each")
    args = ap.parse_args()
    if not args.corpus.is_file():
        print(f"skipped: corpus not found at {args.corpus}")
        return 0
    import spacy

    from accord.config import Settings
    from accord.events.api import code_texts
    from accord.nlp import build_nlp

    settings = Settings()
    bare = spacy.load(settings.spacy_model)
    sents = load_sentences(args.corpus, args.sentences, bare)
    words = sum(len(s.split()) for s in sents)
    nlp = build_nlp(settings)
    list(code_texts([{"id": 0, "text": "Warm-up: Kenyan troops attacked Somali militants in Mogadishu on 3 May 2021, killing 20."}], nlp))
    list(bare.pipe(["Warm-up sentence for the parser."]))

    t_bare = t_accord = float("inf")
    for _ in range(max(1, args.repeat)):  # alternate so machine noise hits both sides
        t0 = time.perf_counter()
        for _doc in bare.pipe(sents, batch_size=64):
            pass
        t_bare = min(t_bare, time.perf_counter() - t0)

        t0 = time.perf_counter()
        n_events = errors = 0
        for _rid, events, err in code_texts(({"id": i, "text": s} for i, s in enumerate(sents)), nlp):
            n_events += len(events)
            errors += err is not None
        t_accord = min(t_accord, time.perf_counter() - t0)

    rate_bare, rate_accord = len(sents) / t_bare, len(sents) / t_accord
    print(f"sentences: {len(sents)}  words: {words}  (from {args.corpus.name}; best of {args.repeat} runs each)")
    print(f"bare spaCy parse : {t_bare:7.2f} s  {rate_bare:8.1f} sentences/s  {words / t_bare:9.0f} words/s")
    print(f"accord code      : {t_accord:7.2f} s  {rate_accord:8.1f} sentences/s  {words / t_accord:9.0f} words/s"
          f"  ({n_events} events, {errors} row errors)")
    print(f"ratio accord/bare: {rate_accord / rate_bare:.2f}  (target >= 0.60)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
