"""What the model's wrong ACTOR spans look like on the reports of outlets it never saw.

Each fold model (``cv-*``) tags its held-out reports of the real train set; every predicted
span of the label that is not a gold span is put in one class:

* ``edge``: it overlaps a gold span of the same label (``longer``, ``shorter`` or ``shifted``);
* ``label``: it overlaps only gold spans of another label (which one);
* ``spurious``: it overlaps no gold span (with the words nearest to it, to see the context);

and the missed gold spans likewise (``edge`` / ``label`` / ``missed``).

    PYTHONPATH=$PWD python bench/actor_errors.py /work/wt/model/models/cv-skynews \\
        /work/wt/model/models/cv-france24 /work/wt/model/models/cv-saudi --label ACTOR \\
        --out bench/results/actor_errors.json

``--decoding`` (no values: the exact ACTOR constraints; or ``min_score.ACTOR=0.55`` …) shows the
errors left after the decoding (``bench/results/actor_errors_decoded.json``).

``--out`` keeps the counts and the most frequent wrong spans; the examples with their
context are the real reports' text, which must not enter the repository: ``--examples FILE``
writes them to a file of your choice outside it.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from hasila.schema import Doc, Span


def classify(pred: Span, gold: list[Span]) -> str:
    """The class of a predicted span that is not a gold span (see the module doc)."""
    over = [g for g in gold if g.start < pred.end and pred.start < g.end]
    same = [g for g in over if g.label == pred.label]
    if same:
        g = same[0]
        if pred.start <= g.start and pred.end >= g.end:
            return "edge:longer"
        if pred.start >= g.start and pred.end <= g.end:
            return "edge:shorter"
        return "edge:shifted"
    if over:
        return "label:" + "+".join(sorted({g.label for g in over}))
    return "spurious"


def errors(docs: list[Doc], preds: list[list[Span]], label: str, context: int = 40) -> dict[str, Any]:
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    examples: list[dict[str, Any]] = []
    words: Counter[str] = Counter()
    for doc, pred in zip(docs, preds, strict=True):
        gold_keys = {(s.start, s.end, s.label) for s in doc.spans}
        pred_keys = {(s.start, s.end, s.label) for s in pred}
        for s in pred:
            if s.label != label or (s.start, s.end, s.label) in gold_keys:
                continue
            kind = classify(s, doc.spans)
            fp[kind] += 1
            words[s.text] += 1
            examples.append({"doc": doc.id, "class": kind, "span": s.text, "score": round(s.score or 0, 3),
                             "context": doc.text[max(0, s.start - context):s.end + context].replace("\n", " "),
                             "gold": [g.text for g in doc.spans if g.start < s.end and s.start < g.end]})
        for g in doc.spans:
            if g.label != label or (g.start, g.end, g.label) in pred_keys:
                continue
            kind = classify(g, pred)
            fn[{"spurious": "missed"}.get(kind, kind)] += 1
    return {"false_positives": dict(fp.most_common()), "false_negatives": dict(fn.most_common()),
            "frequent_fp_spans": words.most_common(40), "examples": examples}


def main() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from cv_decoding import Fold, held_out

    from hasila.annotation.lsio import load_docs
    from hasila.data.dataset import outlet
    from hasila.model.decoding import DecodingConfig
    from hasila.model.infer import read_decoding

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folds", nargs="+")
    ap.add_argument("--train-gold", default="../shared/real/train_gold.json")
    ap.add_argument("--label", default="ACTOR")
    ap.add_argument("--rules", action="store_true", help="also the rules' errors on the same reports")
    ap.add_argument("--decoding", nargs="*", default=None,
                    help="model.decoding key=value settings (default: plain decoding, no ACTOR constraints)")
    ap.add_argument("--out", default="", help="counts and frequent spans (no report text)")
    ap.add_argument("--examples", default="", help="the examples with their context (report text: "
                    "keep this file out of the repository)")
    args = ap.parse_args()
    train = load_docs(args.train_gold, source="annotations")
    docs: list[Doc] = []
    preds: list[list[Span]] = []
    for path in map(Path, args.folds):
        outlets = held_out(path)
        fold = Fold(path, [d for d in train if outlet(d) in outlets])
        docs += fold.docs
        preds += fold.spans(DecodingConfig(actor_phrases=False, no_monitors=False, place_names=False)
                            if args.decoding is None
                            else read_decoding(path, args.decoding))
    out = {"model": errors(docs, preds, args.label)}
    if args.rules:
        from hasila.rules.tagger import RulesTagger

        rules = RulesTagger.load()
        out["rules"] = errors(docs, [rules.label(d.text).spans for d in docs], args.label)
    for name, res in out.items():
        print(name, "FP", res["false_positives"], "FN", res["false_negatives"])
        print(" frequent FP spans:", res["frequent_fp_spans"][:25])
    from hasila.fileio import write_json

    if args.examples:
        write_json(args.examples, {name: res["examples"] for name, res in out.items()})
    if args.out:
        write_json(args.out, {"label": args.label, "reports": len(docs),
                              **{name: {k: v for k, v in res.items() if k != "examples"}
                                 for name, res in out.items()}})


if __name__ == "__main__":
    main()
