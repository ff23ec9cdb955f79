"""Generalisation check of the event coder on data it was not tuned on.

usage: PYTHONPATH=src .venv/bin/python bench/generalisation.py [--limit 1000] [--only case,aida,split,own,suspects]
         [--examples 3] [--json OUT.json]

Sections (each skips with a message when its file under ``../shared/eval`` is absent):
  case      CASE-2021 ACLED sub-event types mapped to CAMEO PentaClass; accuracy, macro-F1, confusion
  aida      RAMS / WikiEvents (AIDA/KAIROS) types mapped to PentaClass; recall of the class per
            trigger sentence, and events per sentence where the type maps to no political event
  split     dev sets (PLOVER GSR, ConfliBERT PentaClass) split on even/odd id; share of PentaClass
            sentences whose main trigger lemma occurs in no other dev sentence
  own       40 sentences written for this check (in generalisation_cases.py) with their gold class
  suspects  lexicon entries whose condition words/phrases co-occur with their head in exactly one
            dev sentence and (almost) never in the news corpus: candidates for sentence-keyed rules
The metric is the dev one: main event = highest ``confidence``; no event = wrong.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ACCORD_SHARED", REPO / ".." / "shared"))
EVAL = SHARED / "eval"
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generalisation_cases import ACLED_MAP, AIDA_MAP, NO_EVENT, OWN_CASES  # noqa: E402

CLASSES = (0, 1, 2, 3, 4)
NAMES = {0: "statement", 1: "verb-coop", 2: "mat-coop", 3: "verb-confl", 4: "mat-confl", None: "none"}


# ---------------------------------------------------------------- mapping and metrics
def acled_class(subtype: str):
    """PentaClass of an ACLED sub-event type; NO_EVENT when no political event is expected; None = dropped."""
    return ACLED_MAP.get(subtype.strip().upper(), (None, ""))[0]


def aida_class(etype: str):
    """PentaClass of an AIDA/KAIROS type by longest matching prefix (case-insensitive); None = dropped."""
    t = etype.lower()
    best = None
    for prefix, (cls, _why) in AIDA_MAP.items():
        if t.startswith(prefix) and (best is None or len(prefix) > len(best[0])):
            best = (prefix, cls)
    return best[1] if best else None


def pentaclass_of(event: dict | None):
    from accord.events.codebook import PENTACLASS

    return PENTACLASS.get(str(event.get("cameo") or "")[:2]) if event else None


def main_event(events: list[dict]) -> dict | None:
    return max(events, key=lambda e: e.get("confidence", 0)) if events else None


def score(pairs: list[tuple]) -> dict:
    """pairs of (gold class, predicted class or None) -> accuracy, macro-F1 over 5 classes, confusion."""
    conf = Counter(pairs)
    n = len(pairs)
    f1s = []
    for c in CLASSES:
        tp = conf[(c, c)]
        fp = sum(v for (g, p), v in conf.items() if p == c and g != c)
        fn = sum(v for (g, p), v in conf.items() if g == c and p != c)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    acc = sum(v for (g, p), v in conf.items() if g == p) / n if n else 0.0
    gold_n = Counter(g for g, _p in pairs)
    present = [c for c in CLASSES if gold_n[c]]
    recall = {NAMES[c]: round(conf[(c, c)] / gold_n[c], 3) for c in present}
    return {"n": n, "accuracy": round(acc, 3), "macro_f1": round(sum(f1s) / 5, 3),
            "macro_f1_present": round(sum(f1s[c] for c in present) / len(present), 3) if present else 0.0,
            "majority_baseline": round(max(gold_n.values()) / n, 3) if n else 0.0,
            "f1": {NAMES[c]: round(f, 3) for c, f in zip(CLASSES, f1s)}, "recall": recall,
            "no_event": sum(v for (g, p), v in conf.items() if p is None), "confusion": conf}


def confusion_table(conf: Counter) -> str:
    cols = list(CLASSES) + [None]
    lines = ["gold\\pred   " + " ".join(f"{NAMES[c][:10]:>10}" for c in cols)]
    for g in CLASSES:
        if any(conf[(g, p)] for p in cols):
            lines.append(f"{NAMES[g]:<11} " + " ".join(f"{conf[(g, p)]:>10}" for p in cols))
    return "\n".join(lines)


def id_parity(rid: str, index: int) -> int:
    """0 for even, 1 for odd: the trailing integer of the id, else the row index."""
    m = re.search(r"(\d+)\D*$", str(rid))
    return int(m.group(1)) % 2 if m else index % 2


def detok(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m|’s)\b", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


# ---------------------------------------------------------------- coding
def code_rows(rows: list[dict]) -> dict:
    """id -> list of event dicts (through accord.events.api.code_texts)."""
    from accord.events.api import code_texts

    out = {}
    for rid, events, err in code_texts({"id": r["id"], "text": r["text"], "date": r.get("date")} for r in rows):
        out[str(rid)] = [e.to_dict() for e in events]
    return out


def describe(ev: dict | None) -> str:
    if not ev:
        return "NO EVENT"
    s = (ev.get("source") or {}).get("code")
    t = (ev.get("target") or {}).get("code")
    trig = (ev.get("evidence") or {}).get("trigger")
    return f"{ev.get('cameo')} ({NAMES[pentaclass_of(ev)]}) '{trig}' {s}->{t} conf={ev.get('confidence')}"


def failures(rows, pred, gold_key, k):
    """Worst (gold, predicted) cells with k examples each."""
    bad = defaultdict(list)
    for r in rows:
        ev = main_event(pred.get(str(r["id"]), []))
        p = pentaclass_of(ev)
        if p != r[gold_key]:
            bad[(r[gold_key], p)].append((r["text"][:220], describe(ev)))
    out = []
    for (g, p), exs in sorted(bad.items(), key=lambda kv: -len(kv[1]))[:4]:
        out.append(f"  gold {NAMES[g]} -> pred {NAMES[p]}: {len(exs)}")
        out.extend(f"    - {t!r}\n      => {d}" for t, d in exs[:k])
    return "\n".join(out)


def report(title: str, rows, pred, gold_key, k) -> dict:
    s = score([(r[gold_key], pentaclass_of(main_event(pred.get(str(r["id"]), [])))) for r in rows])
    print(f"\n== {title}: n={s['n']} accuracy={s['accuracy']} macro-F1={s['macro_f1']} "
          f"(over gold classes present: {s['macro_f1_present']}) no-event={s['no_event']} "
          f"majority-class baseline={s['majority_baseline']}")
    print("   per-class F1:", s["f1"])
    print("   per-class recall:", s["recall"])
    print(confusion_table(s["confusion"]))
    print("worst failure cells:\n" + failures(rows, pred, gold_key, k))
    return {k2: v for k2, v in s.items() if k2 != "confusion"}


# ---------------------------------------------------------------- sections
def section_case(limit, k) -> dict:
    path = EVAL / "case2021_finegrained.tsv"
    if not path.exists():
        print(f"skip case: {path} not found")
        return {}
    with open(path, encoding="utf-8") as fh:
        raw = list(csv.DictReader(fh, delimiter="\t"))[:limit]
    rows = [{"id": r["id"], "text": r["EventSnippet"], "sub": r["SubType"], "gold": acled_class(r["SubType"])} for r in raw]
    coded = [r for r in rows if r["gold"] is not None]
    pred = code_rows(coded)
    mapped = [r for r in coded if r["gold"] != NO_EVENT]
    res = report("CASE-2021 ACLED -> PentaClass", mapped, pred, "gold", k)
    per_type = defaultdict(lambda: [0, 0])
    for r in mapped:
        per_type[r["sub"]][0] += 1
        per_type[r["sub"]][1] += pentaclass_of(main_event(pred[str(r["id"])])) == r["gold"]
    print("   accuracy per sub-type:", {t: f"{c}/{n}" for t, (n, c) in sorted(per_type.items())})
    none = [r for r in coded if r["gold"] == NO_EVENT]
    if none:
        evs = [len(pred[str(r["id"])]) for r in none]
        res["no_class_events_per_snippet"] = round(sum(evs) / len(evs), 2)
        res["no_class_share_with_event"] = round(sum(e > 0 for e in evs) / len(evs), 3)
        print(f"   disasters (no political event expected): n={len(none)} events/snippet={res['no_class_events_per_snippet']} "
              f"share with >=1 event={res['no_class_share_with_event']}")
    print(f"   (dropped as unmappable: {len(rows) - len(coded)} snippets)")
    return res


def _sentence_rows(docs) -> tuple[list, list]:
    """(mapped rows {id, text, gold, type}, no-class rows) from (sentence text, type) pairs; one row per
    (sentence, class) so a sentence with two gold events of one class counts once."""
    mapped, none, seen = [], [], set()
    for i, (text, etype, trigger) in enumerate(docs):
        cls = aida_class(etype)
        if cls is None or (text, cls) in seen:
            continue
        seen.add((text, cls))
        row = {"id": f"s{i}", "text": text, "gold": cls, "type": etype, "trigger": trigger}
        (none if cls == NO_EVENT else mapped).append(row)
    return mapped, none


def load_rams(limit):
    path = EVAL / "rams_dev.jsonl"
    if not path.exists():
        return []
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in list(fh)[:limit]:
            d = json.loads(line)
            start, end, labels = d["evt_triggers"][0]
            pos = 0
            for sent in d["sentences"]:
                if pos <= start < pos + len(sent):
                    out.append((detok(sent), labels[0][0], " ".join(sent[start - pos:end - pos + 1])))
                    break
                pos += len(sent)
    return out


def load_wikievents(limit):
    path = EVAL / "wikievents_dev.jsonl"
    if not path.exists():
        return []
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            for m in d["event_mentions"]:
                sent = d["sentences"][m["trigger"]["sent_idx"]][1]
                out.append((sent, m["event_type"], m["trigger"]["text"]))
    return out[:limit]


def section_aida(limit, k) -> dict:
    res = {}
    for name, loader in (("RAMS", load_rams), ("WikiEvents", load_wikievents)):
        mapped, none = _sentence_rows(loader(limit))
        if not mapped:
            print(f"skip {name}: file not found or nothing mapped")
            continue
        pred = code_rows(mapped + none)
        hits = [any(pentaclass_of(e) == r["gold"] for e in pred[r["id"]]) for r in mapped]
        by_cls = defaultdict(lambda: [0, 0])
        for r, h in zip(mapped, hits):
            by_cls[NAMES[r["gold"]]][0] += 1
            by_cls[NAMES[r["gold"]]][1] += h
        out = {"n_mapped": len(mapped), "class_recall_any_event": round(sum(hits) / len(hits), 3),
               "recall_by_class": {c: f"{h}/{n}" for c, (n, h) in by_cls.items()}}
        print(f"\n== {name} (AIDA/KAIROS types -> PentaClass, trigger sentence)")
        print("   recall of gold class among the sentence's events:", out["class_recall_any_event"], out["recall_by_class"])
        out["at_gold_trigger"] = trigger_aligned(mapped, pred)
        out["main_event"] = report(f"{name} main-event class", mapped, pred, "gold", k)
        if none:
            evs = [len(pred[r["id"]]) for r in none]
            out["no_class_n"] = len(none)
            out["no_class_events_per_sentence"] = round(sum(evs) / len(evs), 2)
            out["no_class_share_with_event"] = round(sum(e > 0 for e in evs) / len(evs), 3)
            print(f"   no-class sentences (disaster, illness, hiring, purchase ...): n={len(none)} "
                  f"events/sentence={out['no_class_events_per_sentence']} share with >=1 event={out['no_class_share_with_event']}")
            ex = [(r["type"], r["text"][:160], describe(main_event(pred[r["id"]]))) for r in none if pred[r["id"]]][:k]
            for t, s, d in ex:
                print(f"    - [{t}] {s!r}\n      => {d}")
        res[name] = out
    return res


def same_trigger(gold: str, predicted: str) -> bool:
    """Whether a predicted trigger is the gold one (same last word, or one word inside the other)."""
    g, p = gold.lower().split(), predicted.lower().split()
    return bool(g and p) and (g[-1] == p[-1] or g[-1] in p or p[-1] in g)


def trigger_aligned(rows, pred) -> dict:
    """Coverage: share of rows where the coder made an event at the gold trigger word; and the share of
    those whose class is the gold class (lexicon accuracy, independent of main-event choice)."""
    found = right = 0
    for r in rows:
        evs = [e for e in pred[r["id"]] if same_trigger(r["trigger"], (e.get("evidence") or {}).get("trigger") or "")]
        found += bool(evs)
        right += any(pentaclass_of(e) == r["gold"] for e in evs)
    out = {"trigger_found": round(found / len(rows), 3) if rows else 0.0,
           "class_right_at_trigger": round(right / found, 3) if found else None}
    print(f"   event at the gold trigger word: {out['trigger_found']}; right class among those: {out['class_right_at_trigger']}")
    return out


def section_split(limit, k) -> dict:
    from accord.evaluate import read_jsonl, score_plover

    res = {}
    ppath, cpath = EVAL / "plover_gsr_dev.jsonl", EVAL / "conflibert_pentaclass_dev.jsonl"
    if ppath.exists():
        rows = read_jsonl(ppath)[:limit]
        pred = code_rows(rows)
        for half in (0, 1):
            sub = [r for i, r in enumerate(rows) if id_parity(r["id"], i) == half]
            res[f"plover_{'even' if half == 0 else 'odd'}"] = score_plover(sub, pred)
        res["plover_all"] = score_plover(rows, pred)
        print("\n== PLOVER dev split-half:", json.dumps({kk: v for kk, v in res.items() if kk.startswith("plover")}))
    if cpath.exists():
        rows = read_jsonl(cpath)[:limit]
        pred = code_rows(rows)
        for half in (0, 1):
            sub = [r for i, r in enumerate(rows) if id_parity(r["id"], i) == half]
            s = score([(r["pentaclass"], pentaclass_of(main_event(pred[str(r["id"])]))) for r in sub])
            res[f"penta_{'even' if half == 0 else 'odd'}"] = {x: s[x] for x in ("n", "accuracy", "macro_f1")}
        print("== PentaClass dev split-half:", json.dumps({kk: v for kk, v in res.items() if kk.startswith("penta")}))
        res["penta_all"] = report("PentaClass dev (for per-class comparison)", rows, pred, "pentaclass", k)
        from accord.evaluate import score_pentaclass  # cross-check of this script's metric

        res["penta_all_accord_eval"] = score_pentaclass(rows, pred)
        print("   same rows scored by accord.evaluate:", res["penta_all_accord_eval"])
        res["singleton_triggers"] = singleton_triggers(rows, pred)
    return res


def singleton_triggers(rows, pred) -> dict:
    """Share of sentences whose main event's trigger lemma occurs (as a lemma) in no other dev sentence."""
    from accord.nlp import build_nlp

    nlp = build_nlp()
    keep = [p for p in nlp.pipe_names if p in ("tok2vec", "tagger", "attribute_ruler", "lemmatizer")]
    disable = [p for p in nlp.pipe_names if p not in keep]
    lemma_sents = defaultdict(set)
    with nlp.select_pipes(disable=disable):
        for r, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=64)):
            for t in doc:
                lemma_sents[t.lemma_.lower()].add(r["id"])
                lemma_sents[t.lower_].add(r["id"])
    single, correct_single, correct_other, with_event = [], 0, 0, 0
    for r in rows:
        ev = main_event(pred[str(r["id"])])
        if not ev:
            continue
        with_event += 1
        trig = ((ev.get("evidence") or {}).get("trigger") or "").lower().split()
        head = trig[-1] if trig else ""
        ok = pentaclass_of(ev) == r["pentaclass"]
        docs = set.union(*(lemma_sents.get(w, set()) for w in [head, nlp(head)[0].lemma_.lower() if head else ""]))
        if len(docs) <= 1:
            single.append((r["id"], head, r["text"][:120], ok))
            correct_single += ok
        else:
            correct_other += ok
    n1 = len(single)
    out = {"sentences_with_event": with_event, "singleton_trigger": n1,
           "share": round(n1 / with_event, 3) if with_event else 0.0,
           "acc_on_singleton": round(correct_single / n1, 3) if n1 else None,
           "acc_on_rest": round(correct_other / (with_event - n1), 3) if with_event > n1 else None,
           "examples": [f"{i} '{h}': {t}" for i, h, t, _ in single[:12]]}
    print(f"   singleton trigger lemmas: {n1}/{with_event} = {out['share']}; accuracy on them {out['acc_on_singleton']}"
          f" vs {out['acc_on_rest']} on the rest")
    for e in out["examples"]:
        print("    -", e)
    return out


def section_own(k) -> dict:
    rows = [{"id": f"own{i}", "text": t, "gold": g} for i, (t, g, _kind) in enumerate(OWN_CASES)]
    pred = code_rows(rows)
    res = report("own 40 sentences", rows, pred, "gold", k)
    by_kind = defaultdict(lambda: [0, 0])
    for (t, g, kind), r in zip(OWN_CASES, rows):
        by_kind[kind][0] += 1
        by_kind[kind][1] += pentaclass_of(main_event(pred[r["id"]])) == g
    res["by_construction"] = {kk: f"{c}/{n}" for kk, (n, c) in by_kind.items()}
    print("   by construction:", res["by_construction"])
    print("   all wrong ones:")
    for (t, g, kind), r in zip(OWN_CASES, rows):
        ev = main_event(pred[r["id"]])
        if pentaclass_of(ev) != g:
            print(f"    - [{kind}] {t!r} gold={NAMES[g]} => {describe(ev)}")
    return res


def _commit() -> str:
    import subprocess

    try:
        head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "src"], capture_output=True, text=True).stdout
        return head + (" +uncommitted src changes" if dirty.strip() else "")
    except OSError:
        return "unknown"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=1000, help="rows per set (default 1000)")
    ap.add_argument("--only", default="case,aida,split,own,suspects")
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--json", help="write all figures to this file")
    args = ap.parse_args(argv)
    if not EVAL.is_dir():
        print(f"skip: {EVAL} not found (set ACCORD_SHARED)")
        return 0
    which = set(args.only.split(","))
    out = {"commit": _commit()}
    print("coder at", out["commit"], "(figures move while the coder is being tuned)")
    if "own" in which:
        out["own"] = section_own(args.examples)
    if "case" in which:
        out["case"] = section_case(args.limit, args.examples)
    if "aida" in which:
        out["aida"] = section_aida(args.limit, args.examples)
    if "split" in which:
        out["split"] = section_split(args.limit, args.examples)
    if "suspects" in which:
        from generalisation_suspects import print_suspects

        out["suspects"] = print_suspects(EVAL, SHARED / "corpus" / "news.jsonl")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
