"""The linker on gold spans (or the rules end to end), per outlet: record F1 and attribute accuracies.

Run from the worktree root::

    PYTHONPATH=$PWD python bench/linker_outlets.py                 # real train per outlet + team train/dev
    PYTHONPATH=$PWD python bench/linker_outlets.py --sets dev test # real dev and team test (measuring only)
    PYTHONPATH=$PWD python bench/linker_outlets.py --rules         # the rules tagger + linker end to end
    PYTHONPATH=$PWD python bench/linker_outlets.py --json new.json --against old.json  # per-outlet deltas

``--against`` takes the ``--json`` rows of an earlier run (another commit, other rule
switches) and prints each row's change of record F1, of the error count and of the category,
status and part_of accuracy beside it,
so a rule can be judged outlet by outlet (support in several outlets, no outlet lowered).

Scores with :func:`hasila.evaluation.evaluate.record_scores` (the guide's rule); ``--errors N``
prints N errors per set, for error analysis on the training sets only.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from hasila.annotation.lsio import load_docs
from hasila.annotation.ontology import Ontology
from hasila.data.dataset import outlet
from hasila.evaluation.evaluate import linker_on_gold_spans, record_scores, rules_system
from hasila.fileio import project_root, shared_dir

ROOT = project_root()
SHARED = shared_dir() or ROOT.parent / "shared"
SETS = {
    "real_train": SHARED / "real/train_gold.json",
    "team_train": ROOT / "annotations/gold/train.json",
    "team_dev": ROOT / "annotations/gold/dev.json",
    "dev": SHARED / "real/dev_gold.json",
    "test": ROOT / "annotations/gold/test.json",
}
ATTRS = ("category", "status", "part_of", "qualifier")
#: Outlet families of the real train reports (the other outlets are Saudi press, 2015).
INTERNATIONAL_2018 = ("BBC", "france24", "skynews", "CNN")


def groups_of(name: str, docs: list) -> dict[str, list[int]]:
    """The report groups scored for one set (indices into ``docs``): the whole set, and for
    real train each outlet family and each outlet."""
    out = {name: list(range(len(docs)))}
    if name == "real_train":
        out["  international 2018"] = [i for i, d in enumerate(docs) if outlet(d) in INTERNATIONAL_2018]
        out["  saudi 2015"] = [i for i, d in enumerate(docs) if outlet(d) not in INTERNATIONAL_2018]
        for o in sorted({outlet(d) for d in docs}, key=str.lower):
            out[f"    {o}"] = [i for i, d in enumerate(docs) if outlet(d) == o]
    return out


def row(name: str, docs, outs) -> dict:
    scores, errors = record_scores(docs, outs)
    acc = scores["attribute_accuracy"]
    r = {"set": name, "docs": len(docs), "gold": scores["overall"]["gold"],
         "f1": 100 * scores["overall"]["f1"], "tp": scores["overall"]["tp"], "errors": len(errors)}
    r.update({a: 100 * (acc[a]["accuracy"] or 0) for a in ATTRS})
    return r | {"_errors": errors}


def fmt(r: dict, old: dict | None = None) -> str:
    line = (f"{r['set']:<24}{r['docs']:>5}{r['gold']:>6}{r['f1']:>7.1f}"
            + "".join(f"{r[a]:>10.1f}" for a in ATTRS))
    if old is not None:
        line += f"{r['f1'] - old['f1']:>+8.1f}{r['errors'] - old.get('errors', 0):>+6d}" \
            + "".join(f"{r[a] - old[a]:>+7.1f}" for a in ATTRS[:3])
    return line


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="+", default=["real_train", "team_train", "team_dev"], choices=SETS)
    ap.add_argument("--errors", type=int, default=0, help="print N errors per set")
    ap.add_argument("--json", help="write the rows to this file")
    ap.add_argument("--rules", action="store_true", help="score the rules tagger + linker instead")
    ap.add_argument("--against", help="the --json rows of an earlier run: print each row's change beside it")
    args = ap.parse_args()
    before = {r["set"]: r for r in json.loads(Path(args.against).read_text())} if args.against else {}
    run = rules_system(Ontology.load()) if args.rules else linker_on_gold_spans(Ontology.load())
    print(f"{'set':<24}{'docs':>5}{'gold':>6}{'F1':>7}" + "".join(f"{a:>10}" for a in ATTRS)
          + (f"{'dF1':>8}{'dErr':>6}{'dCat':>7}{'dStat':>7}{'dPart':>7}" if args.against else ""))
    rows = []
    for name in args.sets:
        docs = load_docs(SETS[name])
        outs = run(docs)
        r = row(name, docs, outs)
        rows.append(r)
        print(fmt(r, before.get(r["set"]) if args.against else None))
        for g, idx in list(groups_of(name, docs).items())[1:]:
            sub = row(g, [docs[i] for i in idx], [outs[i] for i in idx])
            rows.append(sub)
            print(fmt(sub, before.get(sub["set"]) if args.against else None))
        for e in r["_errors"][: args.errors]:
            print("   ", json.dumps({k: e[k] for k in e if k in ("doc", "kind", "detail", "sentence")},
                                    ensure_ascii=False))
    if args.json:
        Path(args.json).write_text(json.dumps([{k: v for k, v in r.items() if k != "_errors"} for r in rows],
                                              indent=1))


if __name__ == "__main__":
    main()
