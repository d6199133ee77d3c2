"""A model + rules combination, per label, selected by grouped cross-validation over the real
train reports, then measured (issue 12: allowed only if better than both parts).

Per label, one of: ``model``, ``rules``, ``union`` (the rules' spans plus the model's that
overlap none of them), ``inter`` (the rules' spans that overlap a model span of the label),
``rules+model>=T`` (the rules' spans plus the model's scored at least T that overlap none).
Each label's policy is the one with the best pooled exact-span F1 of that label over the
held-out folds (``cv-*`` models on the outlets they never saw); spans of different labels that
then overlap keep the first (the longer). Scored with seqeval and the linker on the pooled
folds and, with ``--measure``, on real dev (measuring only):

    PYTHONPATH=$PWD python bench/cv_combine.py /work/wt/model/models/cv-skynews \\
        /work/wt/model/models/cv-france24 /work/wt/model/models/cv-saudi \\
        --measure /work/wt/model/models/default /work/wt/model/models/best-cpu \\
        --out bench/results/cv_combine.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from hasila.schema import LABELS, Span

sys.path.insert(0, str(Path(__file__).parent))
from cv_decoding import Fold, exact_prf, held_out, linked, row

POLICIES = ["model", "rules", "union", "inter", "rules+model>=0.9", "rules+model>=0.95"]


def _overlaps(s: Span, others: Sequence[Span]) -> bool:
    return any(o.start < s.end and s.start < o.end for o in others)


def combine_label(policy: str, model: list[Span], rules: list[Span]) -> list[Span]:
    """The spans of one label under ``policy`` (see the module doc)."""
    if policy == "model":
        return model
    if policy == "rules":
        return rules
    if policy == "union":
        return rules + [s for s in model if not _overlaps(s, rules)]
    if policy == "inter":
        return [s for s in rules if _overlaps(s, model)]
    if policy.startswith("rules+model>="):
        t = float(policy.split(">=")[1])
        return rules + [s for s in model if (s.score or 0.0) >= t and not _overlaps(s, rules)]
    raise ValueError(policy)


def combine(model: list[Span], rules: list[Span], policy: dict[str, str]) -> list[Span]:
    """Every label combined under its policy; overlaps across labels keep the first, longer one."""
    from hasila.rules.phrases import drop_overlaps as _drop_overlaps

    out: list[Span] = []
    for label in LABELS:
        out += combine_label(policy.get(label, "model"), [s for s in model if s.label == label],
                             [s for s in rules if s.label == label])
    return _drop_overlaps(out)


def main() -> None:
    from hasila.annotation.lsio import load_docs
    from hasila.annotation.ontology import Ontology
    from hasila.data.dataset import outlet
    from hasila.model.infer import read_decoding
    from hasila.rules.tagger import RulesTagger

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folds", nargs="+")
    ap.add_argument("--train-gold", default="../shared/real/train_gold.json")
    ap.add_argument("--decoding", nargs="*", default=[], help="model.decoding overrides for every model")
    ap.add_argument("--measure", nargs="*", default=[])
    ap.add_argument("--gold", default="../shared/real/dev_gold.json")
    ap.add_argument("--out", default="")
    args = ap.parse_args()

    rules = RulesTagger.load()
    train = load_docs(args.train_gold, source="annotations")
    docs, model_spans, ontologies = [], [], []
    for path in map(Path, args.folds):
        outlets = held_out(path)
        fold = Fold(path, [d for d in train if outlet(d) in outlets])
        docs += fold.docs
        model_spans += fold.spans(read_decoding(path, args.decoding))
        ontologies += [fold.tagger.ontology] * len(fold.docs)
    rule_spans = [rules.label(d.text).spans for d in docs]
    policy: dict[str, str] = {}
    table: dict[str, dict[str, float]] = {}
    for label in LABELS:
        table[label] = {}
        for p in POLICIES:
            preds = [combine_label(p, [s for s in m if s.label == label], [s for s in r if s.label == label])
                     for m, r in zip(model_spans, rule_spans, strict=True)]
            table[label][p] = round(100 * exact_prf(docs, preds, [label])[label][2], 2)
        policy[label] = max(POLICIES, key=lambda p, lab=label: (table[lab][p], -POLICIES.index(p)))
        print(label, table[label], "->", policy[label])
    ontology = Ontology.load()  # the rules' (the models link with their own, as hasila evaluate does)
    systems = {"model": lambda m, r: m, "rules": lambda m, r: r,
               "combined": lambda m, r: combine(m, r, policy)}
    cv_rows = []
    for name, fn in systems.items():
        preds = [fn(m, r) for m, r in zip(model_spans, rule_spans, strict=True)]
        cv_rows.append(row(f"cv pooled, {name}", docs,
                           linked(docs, preds, ontology if name == "rules" else ontologies)))
        print(json.dumps(cv_rows[-1], ensure_ascii=False))
    dev_rows = []
    if args.measure:
        gold = load_docs(args.gold, source="annotations")
        gold_rules = [rules.label(d.text).spans for d in gold]
        for path in map(Path, args.measure):
            fold = Fold(path, gold)
            spans = fold.spans(read_decoding(path, args.decoding))
            for name in ("model", "combined"):
                preds = [systems[name](m, r) for m, r in zip(spans, gold_rules, strict=True)]
                dev_rows.append(row(f"{path.name}, {name}", gold, linked(gold, preds, fold.tagger.ontology)))
                print(json.dumps(dev_rows[-1], ensure_ascii=False))
        dev_rows.append(row("rules", gold, linked(gold, gold_rules, ontology)))
        print(json.dumps(dev_rows[-1], ensure_ascii=False))
    if args.out:
        from hasila.fileio import write_json

        write_json(args.out, {"decoding": args.decoding, "policies_cv_f1": table, "policy": policy,
                              "cv": cv_rows, "measure_gold": args.gold if args.measure else None,
                              "measure": dev_rows})


if __name__ == "__main__":
    main()
