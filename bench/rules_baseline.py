"""Measure the rules baseline and the linker alone on a gold export (default: ../shared dev gold).

    .venv/bin/python bench/rules_baseline.py [--gold PATH] [--errors N]

Prints three tables:

1. the rules tagger (weak-label): strict span P/R/F1 per label;
2. casualty records (the guide's rule: span overlap, value, category, parent)
   for (a) the rules tagger + linker, (b) the linker on gold spans (COUNT
   attributes and relations removed), (c) the linker on gold spans without
   its rules fallback, (d) the linker on gold spans without the COUNT spans
   (it must find the counts itself);
3. the count / non-count decision on every number of the gold reports.

Timings are printed too (they are not part of any test).

``--outlets`` instead scores the rules tagger's strict spans per label on the selection
sets: real train per outlet and per outlet family (international 2018, Saudi 2015), team
train and team dev (``--sets`` adds ``dev``/``test`` for a final measurement only), with the
false negatives and positives of each label in classes (``bench/actor_errors.py``) and their
most frequent words; ``--examples FILE`` writes them with their context (report text: keep
that file outside the repository), ``--json FILE`` the figures only::

    PYTHONPATH=$PWD python bench/rules_baseline.py --outlets --json bench/results/rules_spans_outlets.json \
        --examples /tmp/rules_errors.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hasila.annotation.lsio import load_docs
from hasila.annotation.ontology import Ontology, find_numbers
from hasila.evaluation.scoring import match_records, record_scores, strict_span_scores
from hasila.fileio import shared_dir
from hasila.link import LinkConfig, LinkResult, link
from hasila.rules.tagger import RulesTagger
from hasila.schema import LABELS, CasualtyRecord, Doc, records_from_doc


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def _row(name: str, s: dict) -> str:
    return (f"{name:<34} {_pct(s['precision'])} {_pct(s['recall'])} {_pct(s['f1'])}"
            f"   {s['tp']:>4} {s['fp']:>4} {s['fn']:>4}")


HEADER = f"{'':<34} {'P':>5} {'R':>5} {'F1':>5}   {'tp':>4} {'fp':>4} {'fn':>4}"


def number_decisions(doc: Doc, records: list[CasualtyRecord]) -> tuple[int, int, int, int]:
    """(correct, total, count called non-count, non-count called count) over find_numbers."""
    gold = [s for s in doc.spans if s.label == "COUNT"]
    ok = total = missed = spurious = 0
    for m in find_numbers(doc.text):
        is_gold = any(s.start < m.end and m.start < s.end for s in gold)
        is_pred = any(r.start < m.end and m.start < r.end for r in records)
        total += 1
        ok += is_gold == is_pred
        missed += is_gold and not is_pred
        spurious += is_pred and not is_gold
    return ok, total, missed, spurious


def run(gold_path: Path, show_errors: int) -> int:
    docs = load_docs(gold_path)
    ontology = Ontology.load()
    tagger = RulesTagger.load(ontology=ontology)
    print(f"gold: {gold_path} ({len(docs)} reports, "
          f"{sum(len(d.spans_of('COUNT')) for d in docs)} COUNT spans)")
    print(f"gazetteer: {'loaded' if tagger.gazetteer is not None else 'absent (place patterns only)'}")

    t0 = time.perf_counter()
    rules_docs = [tagger.label(d.text, d.id) for d in docs]
    t_rules = time.perf_counter() - t0

    spans = strict_span_scores(docs, rules_docs, LABELS)
    print("\n1. rules labeller: strict spans (same start, end, label)")
    print(HEADER)
    for label in LABELS:
        print(_row(label, spans["per_label"][label]))
    print(_row("micro", spans["micro"]))

    def bare(d: Doc) -> list:
        return [replace(s, count=None) for s in d.spans]

    systems: dict[str, Callable[[Doc], LinkResult]] = {
        "rules labeller + linker": lambda d: link(d.text, rules_docs[docs.index(d)].spans, ontology),
        "linker on gold spans": lambda d: link(d.text, bare(d), ontology),
        "  ... rules fallback off": lambda d: link(d.text, bare(d), ontology, LinkConfig(rules_fallback=False)),
        "  ... without COUNT spans": lambda d: link(d.text, [s for s in bare(d) if s.label != "COUNT"], ontology),
    }
    print("\n2. casualty records (guide's rule: overlap + value + category + parent)")
    print(HEADER + "   value  categ status  qual  parent")
    results = {}
    for name, fn in systems.items():
        t0 = time.perf_counter()
        outs = [fn(d) for d in docs]
        elapsed = time.perf_counter() - t0
        matches = [match_records(records_from_doc(d), o.records, d.id) for d, o in zip(docs, outs, strict=True)]
        sc = record_scores(matches)
        results[name] = (outs, matches, elapsed)
        a = sc["attributes"]
        attrs = "  ".join(f"{_pct(a[k] or 0.0)}" for k in ("value", "category", "status", "qualifier", "part_of"))
        print(_row(name, sc["overall"]) + "   " + attrs)
    print("   (attribute accuracies are over span-aligned pairs)")

    print("\n3. numbers: count / non-count decision on every find_numbers match")
    print(f"{'':<34} {'acc':>5}  {'n':>5} {'missed':>6} {'spurious':>8}")
    for name, (outs, _, _) in results.items():
        tot = [number_decisions(d, o.records) for d, o in zip(docs, outs, strict=True)]
        ok, n, missed, spurious = (sum(x[i] for x in tot) for i in range(4))
        print(f"{name:<34} {_pct(ok / n if n else 0.0)}  {n:>5} {missed:>6} {spurious:>8}")

    print(f"\ntime: rules labeller {t_rules:.2f}s for {len(docs)} reports; "
          + "; ".join(f"{k.strip()} {v[2]:.2f}s" for k, v in results.items()))

    if show_errors:
        print(f"\nfirst {show_errors} record errors of the linker on gold spans:")
        _, matches, _ = results["linker on gold spans"]
        shown = 0
        for m in matches:
            for pair in {id(p): p for p in (*m.fp, *m.fn)}.values():
                ref = pair.gold or pair.pred
                assert ref is not None
                g = f"{pair.gold.value} {pair.gold.category}" if pair.gold else "-"
                p = f"{pair.pred.value} {pair.pred.category}" if pair.pred else "-"
                print(f"  {m.doc_id} {','.join(pair.errors)}: gold {g} | pred {p} | {ref.text}")
                shown += 1
                if shown >= show_errors:
                    return 0
    return 0


def outlet_table(sets: list[str], json_path: Path | None, examples_path: Path | None, top: int) -> int:
    """Strict span P/R/F1 per label of the rules tagger on each set and outlet group."""
    from collections import Counter

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from actor_errors import errors
    from linker_outlets import SETS, groups_of

    tagger = RulesTagger.load()
    rows: list[dict] = []
    wrong: dict[str, dict] = {}
    print(f"{'':<24} {'label':<9}" + HEADER[34:])
    for name in sets:
        docs = load_docs(SETS[name], source="annotations")
        preds = {d.id: tagger.label(d.text, d.id) for d in docs}
        for group, idx in groups_of(name, docs).items():
            gdocs = [docs[i] for i in idx]
            sc = strict_span_scores(gdocs, [preds[d.id] for d in gdocs], LABELS)
            row = {"group": group.strip(), "set": name, "docs": len(gdocs),
                   **{lab: sc["per_label"][lab] for lab in LABELS}, "micro": sc["micro"]}
            rows.append(row)
            for lab in (*LABELS, "micro"):
                print(_row(f"{group:<24} {lab:<9}", row[lab]))
        for lab in LABELS:
            res = errors(docs, [preds[d.id].spans for d in docs], lab)
            fn_words: Counter[str] = Counter(g.text for d in docs for g in d.spans if g.label == lab
                                             and (g.start, g.end, g.label) not in
                                             {(s.start, s.end, s.label) for s in preds[d.id].spans})
            wrong[f"{name} {lab}"] = {**res, "frequent_fn_spans": fn_words.most_common(top)}
            print(f"{name} {lab}: FP {res['false_positives']}  FN {res['false_negatives']}")
            if top:
                print("   frequent FP:", res["frequent_fp_spans"][:top])
                print("   frequent FN:", fn_words.most_common(top))
    if json_path is not None:
        json_path.write_text(json.dumps({"bench": "rules_baseline --outlets", "rows": rows,
                                         "errors": {k: {"false_positives": v["false_positives"],
                                                        "false_negatives": v["false_negatives"]}
                                                    for k, v in wrong.items()}},
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    if examples_path is not None:
        examples_path.write_text(json.dumps(wrong, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=None, help="Label Studio gold export")
    parser.add_argument("--errors", type=int, default=0, help="print this many record errors")
    parser.add_argument("--outlets", action="store_true", help="strict spans per label and outlet (see above)")
    parser.add_argument("--sets", nargs="+", default=["real_train", "team_train", "team_dev"],
                        help="--outlets: sets of bench/linker_outlets.py")
    parser.add_argument("--json", type=Path, default=None, help="--outlets: write the figures here")
    parser.add_argument("--examples", type=Path, default=None,
                        help="--outlets: write the wrong spans with context here (outside the repository)")
    parser.add_argument("--top", type=int, default=15, help="--outlets: frequent wrong spans shown per label")
    args = parser.parse_args()
    if args.outlets:
        return outlet_table(args.sets, args.json, args.examples, args.top)
    gold = args.gold
    if gold is None:
        shared = shared_dir()
        if shared is None:
            print("../shared is absent (set HASILA_SHARED or pass --gold): nothing to measure")
            return 0
        gold = shared / "real" / "dev_gold.json"
    return run(gold, args.errors)


if __name__ == "__main__":
    sys.exit(main())
