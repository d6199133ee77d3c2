"""Score model folders (and the rules) on a gold file: strict entity F1 per label and record F1,
with the exact decoding constraints on and off (the ablation of hasila.model.decoding; the last
variant adds the ACTOR noun-phrase, monitor and place-name constraints; the per-label biases and thresholds
are bench/cv_decoding.py's), then as ``hasila predict`` tags (every constraint the folder's
``model.decoding`` switches on).

    PYTHONPATH=$PWD python bench/real_dev.py models/default [more model folders] \
        --gold ../shared/real/dev_gold.json --rules --out bench/results/real_dev.json

Measuring only: nothing here selects a model or a setting.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def row_of(name: str, m: dict, seconds: float) -> dict:
    """One result row from :func:`hasila.evaluation.evaluate.score_system`'s figures (also bench/cv_decoding.py's)."""
    seq = m["entities"]["seqeval"]
    rec = m["records"]["overall"]
    return {"system": name, "entity_f1": round(100 * seq["micro"]["f1"], 1),
            "entity_p": round(100 * seq["micro"]["precision"], 1),
            "entity_r": round(100 * seq["micro"]["recall"], 1),
            "per_label": {k: {x: round(100 * v[x], 1) for x in ("precision", "recall", "f1")}
                          for k, v in seq["per_label"].items()},
            "record_f1": round(100 * rec["f1"], 1), "record_p": round(100 * rec["precision"], 1),
            "record_r": round(100 * rec["recall"], 1), "origins": m["records"].get("origins"),
            "seconds": round(seconds, 1)}


def main() -> None:
    from hasila.annotation.lsio import load_docs
    from hasila.annotation.ontology import Ontology
    from hasila.evaluation.evaluate import model_system, rules_system, score_system

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("models", nargs="*")
    ap.add_argument("--gold", default="../shared/real/dev_gold.json")
    ap.add_argument("--rules", action="store_true")
    ap.add_argument("--outlets", nargs="*", default=[], help="only the reports of these outlets")
    ap.add_argument("--out", default="")
    args = ap.parse_args()
    from hasila.data.dataset import outlet

    docs = load_docs(args.gold, source="annotations")
    docs = [d for d in docs if not args.outlets or outlet(d) in args.outlets]
    rows = []
    from hasila.model import decoding

    variants = {
        "": None,
        " +snap+count": lambda text, spans: decoding.counts_with_numbers(
            text, decoding.snap_to_words(text, spans)),
        " +snap+count+merge": decoding.constrain,
        " +snap+count+merge+actors": lambda text, spans: decoding.constrain(text, spans, actors=True,
                                                                           monitors=True, places=True),
        " (the folder's model.decoding)": "saved",
    }
    for model in args.models:
        run, tagger = model_system(Path(model))
        original = tagger.tag
        for suffix, fn in variants.items():
            tagger.constrain = fn == "saved"  # as `hasila predict` tags: every constraint the folder sets
            if fn == "saved":
                fn = None

            def tag(texts, batch_size=16, fn=fn, original=original):
                out = original(texts, batch_size=batch_size)
                return out if fn is None else [fn(t, s) for t, s in zip(texts, out, strict=True)]
            tagger.tag = tag
            t = time.monotonic()
            m = score_system(docs, run(docs))
            rows.append(row_of(f"{model}{suffix}", m, time.monotonic() - t))
            print(json.dumps(rows[-1], ensure_ascii=False))
    if args.rules:
        t = time.monotonic()
        m = score_system(docs, rules_system(Ontology.load())(docs))
        rows.append(row_of("rules", m, time.monotonic() - t))
        print(json.dumps(rows[-1], ensure_ascii=False))
    if args.out:
        Path(args.out).write_text(json.dumps({"gold": args.gold, "rows": rows}, ensure_ascii=False, indent=1),
                                  encoding="utf-8")


if __name__ == "__main__":
    main()
