"""Cost of the accord_actors component relative to tokenising, on corpus text.

usage: PYTHONPATH=src .venv/bin/python bench/actors_speed.py [N_ARTICLES]
Reads ../shared/corpus/news.jsonl (skips when absent). Prints tokens/s of the component and its
cost as a ratio of the tokenizer's time, both measured in this run (the parser, by comparison, runs
at a few thousand words per second).
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("ACCORD_SHARED", REPO / ".." / "shared")) / "corpus" / "news.jsonl"
sys.path.insert(0, str(REPO / "src"))


def main(argv: list[str]) -> int:
    if not CORPUS.exists():
        print(f"skip: {CORPUS} not found")
        return 0
    n = int(argv[0]) if argv else 300
    import spacy

    import accord.actors.component  # noqa: F401

    nlp = spacy.blank("en")
    comp = nlp.add_pipe("accord_actors")
    texts = []
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line).get("text", "")[:5000])
            if len(texts) >= n:
                break
    t0 = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    t_tok = time.perf_counter() - t0
    t0 = time.perf_counter()
    spans = sum(len(comp(d).spans["actors"]) for d in docs)
    t_act = time.perf_counter() - t0
    ntok = sum(len(d) for d in docs)
    print(json.dumps({"articles": len(docs), "tokens": ntok, "actor_spans": spans,
                      "actors_tokens_per_s": round(ntok / t_act), "ratio_actors_to_tokenizer": round(t_act / t_tok, 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
