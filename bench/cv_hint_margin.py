"""Select a rules-hint model's ``model.decoding.hint_margin`` by grouped cross-validation.

Each fold model (``bench/cv_train.py … --set model.rules_hint=true``) tags the real train
reports of the outlets it never saw; the logits are computed once and decoded under every
margin (0: the model's tags; 1: the rules' tags wherever the rules tag something). Each margin
is scored by exact-span entity F1 and casualty-record F1 (the linker), pooled and per fold,
beside the rules alone on the same reports and the same models on the text alone (no hints). The chosen margin is the best pooled entity F1 among
the margins where no fold scores below the model's own decoding (margin 0)::

    PYTHONPATH=$PWD python bench/cv_hint_margin.py models/cv-hint-skynews \\
        models/cv-hint-france24 models/cv-hint-saudi --out bench/results/cv_hint_margin.json

``--per-label`` then chooses ``hint_margins`` (one margin per label) by coordinate ascent from
the model's own decoding: each label's margin in turn, kept where the pooled exact-span entity
F1 rises and no fold's falls below margin 0's, two passes; the choice is scored like the rest.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from cv_decoding import Fold, exact_prf, linked, load_folds, row

MARGINS = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]
LABEL_MARGINS = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]


def _scores(folds: list[Fold], preds: list[list[Any]], ontology: Any) -> dict[str, Any]:
    """Pooled seqeval/record row plus each fold's exact-span entity F1 and record F1."""
    docs = [d for f in folds for d in f.docs]
    flat = [p for fold_preds in preds for p in fold_preds]
    out = row("pooled", docs, linked(docs, flat, ontology))
    out["folds"] = {}
    for f, p in zip(folds, preds, strict=True):
        fold_row = row(f.name, f.docs, linked(f.docs, p, ontology))
        out["folds"][f.name] = {"entity_exact_f1": round(100 * exact_prf(f.docs, p)["micro"][2], 2),
                                "entity_f1": fold_row["entity_f1"], "record_f1": fold_row["record_f1"]}
    out["entity_exact_f1"] = round(100 * exact_prf(docs, flat)["micro"][2], 2)
    return out


def main() -> None:
    from hasila.fileio import write_json
    from hasila.model.infer import read_decoding
    from hasila.rules.tagger import RulesTagger

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folds", nargs="+")
    ap.add_argument("--train-gold", default="../shared/real/train_gold.json")
    ap.add_argument("--out", default="")
    ap.add_argument("--per-label", action="store_true", help="also choose a margin per label (see above)")
    args = ap.parse_args()

    folds = load_folds(args.folds, args.train_gold)
    ontology = folds[0].tagger.ontology
    rules = RulesTagger.load()
    results: dict[str, Any] = {"rules": _scores(folds, [[rules.label(d.text).spans for d in f.docs]
                                                        for f in folds], ontology)}
    print("rules", json.dumps({k: results["rules"][k] for k in ("entity_exact_f1", "record_f1")}),
          json.dumps(results["rules"]["folds"]))
    for margin in MARGINS:
        preds = [f.spans(replace(read_decoding(Path(p)), hint_margin=margin))
                 for f, p in zip(folds, args.folds, strict=True)]
        results[str(margin)] = _scores(folds, preds, ontology)
        r = results[str(margin)]
        print(margin, json.dumps({k: r[k] for k in ("entity_exact_f1", "entity_f1", "record_f1")}),
              json.dumps(r["folds"]))
    for f in folds:  # the same models on the text alone, as transformers.pipeline runs them
        f.tagger.hint_rules = None
        f.windows, f.logits = f.tagger.window_logits(f.texts)
    results["text alone"] = _scores(folds, [f.spans(read_decoding(Path(p)))
                                            for f, p in zip(folds, args.folds, strict=True)], ontology)
    r = results["text alone"]
    print("text alone", json.dumps({k: r[k] for k in ("entity_exact_f1", "entity_f1", "record_f1")}),
          json.dumps(r["folds"]))
    base = results["0.0"]["folds"]
    fair = [m for m in MARGINS
            if all(results[str(m)]["folds"][n]["entity_exact_f1"] >= base[n]["entity_exact_f1"] for n in base)]
    chosen = max(fair, key=lambda m: (results[str(m)]["entity_exact_f1"], -m))
    print("chosen hint_margin", chosen)
    out: dict[str, Any] = {"chosen": chosen, "results": results}
    if args.per_label:
        for f in folds:  # the hints back
            f.tagger.hint_rules = rules
            f.windows, f.logits = f.tagger.window_logits(f.texts)
        margins = per_label(folds, args.folds)
        preds = [f.spans(replace(read_decoding(Path(p)), hint_margin=0.0, hint_margins=margins))
                 for f, p in zip(folds, args.folds, strict=True)]
        results["per label"] = _scores(folds, preds, ontology)
        r = results["per label"]
        print("per label", margins, json.dumps({k: r[k] for k in ("entity_exact_f1", "entity_f1", "record_f1")}),
              json.dumps(r["folds"]))
        out["chosen_per_label"] = margins
    if args.out:
        write_json(args.out, out)


def per_label(folds: list[Fold], paths: list[str]) -> dict[str, float]:
    """``hint_margins`` by coordinate ascent on pooled exact-span entity F1, no fold below margin 0."""
    from hasila.model.infer import read_decoding
    from hasila.schema import LABELS

    def score(margins: dict[str, float]) -> tuple[float, list[float]]:
        preds = [f.spans(replace(read_decoding(Path(p)), hint_margin=0.0, hint_margins=margins))
                 for f, p in zip(folds, paths, strict=True)]
        flat = [x for fp in preds for x in fp]
        docs = [d for f in folds for d in f.docs]
        return exact_prf(docs, flat)["micro"][2], [exact_prf(f.docs, fp)["micro"][2]
                                                   for f, fp in zip(folds, preds, strict=True)]

    best: dict[str, float] = {}
    best_f1, floor = score(best)
    for _ in range(2):
        for label in LABELS:
            for m in LABEL_MARGINS:
                trial = {**best, label: m}
                f1, per_fold = score(trial)
                if f1 > best_f1 + 1e-9 and all(a >= b - 1e-9 for a, b in zip(per_fold, floor, strict=True)):
                    best, best_f1 = trial, f1
            print(f"  {label}: {best} pooled exact F1 {100 * best_f1:.2f}")
    return {k: v for k, v in best.items() if v > 0}


if __name__ == "__main__":
    main()
