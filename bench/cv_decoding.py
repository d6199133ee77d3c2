"""Select the confidence decoding (``model.decoding``: per-label bias and span threshold) by
grouped cross-validation over the real train reports, then measure it.

Each fold model (``cv-*``, trained without one outlet family) tags the reports of the outlets
it never saw (its ``real`` source's ``hold_out`` minus the outlets it selected its checkpoint
on); the logits are computed once and decoded under every setting. Thresholds and biases are
chosen by coordinate ascent on the pooled held-out strict entity F1 (exact span match), never
on real dev. The chosen settings are then scored (seqeval entity P/R/F1 per label and
casualty-record F1 with the linker) on the pooled folds, and, with ``--measure``, on a
measuring set (real dev) for the given models:

    PYTHONPATH=$PWD python bench/cv_decoding.py /work/wt/model/models/cv-skynews \\
        /work/wt/model/models/cv-france24 /work/wt/model/models/cv-saudi \\
        --measure /work/wt/model/models/default /work/wt/model/models/best-cpu \\
        --out bench/results/cv_decoding.json

``--every-fold`` keeps a bias or threshold only where it lowers no fold's F1 (pooled F1 alone
let the Saudi fold, half the reports, pick a PLACE bias that hurt the two other folds).
``--chosen FILE`` scores the settings an earlier run selected (its ``--out``) without selecting again.
``--base CONFIG --options NAME ...`` starts from a config's ``model.decoding`` with those options off
and switches on each exact constraint in turn (kept where the pooled F1 rises and no fold loses), then ascends the biases
and thresholds again with no fold worse::

    PYTHONPATH=$PWD python bench/cv_decoding.py /work/wt/model/models/cv-{skynews,france24,saudi} \\
        --base configs/default.yaml --options count_edges count_veto whole_place_names place_phrases category_numbers \\
        --out bench/results/cv_decoding_exact.json
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from hasila.model.decoding import DecodingConfig, confident
from hasila.schema import LABELS, Doc, Span

THRESHOLDS = [0.0] + [round(0.4 + 0.05 * i, 2) for i in range(12)]  # 0 (off), 0.40 … 0.95
BIASES = [round(-2.0 + 0.5 * i, 1) for i in range(9)]  # -2 … +2


def held_out(model_dir: Path) -> list[str]:
    """The outlets a fold model never trained or selected on."""
    import yaml

    cfg = yaml.safe_load((model_dir / "resolved_config.yaml").read_text(encoding="utf-8"))
    selected = {o for d in cfg["data"]["dev"] for o in d.get("outlets") or []}
    out: list[str] = []
    for src in cfg["data"]["train"]:
        if str(src.get("path", "")).endswith("real/train_gold.json"):
            out += [o for o in src.get("hold_out") or [] if o not in selected]
    return out


def load_folds(paths: Sequence[str], train_gold: str, verbose: bool = False) -> list[Fold]:
    """Each fold model with the real train reports of the outlets it never saw."""
    from hasila.annotation.lsio import load_docs
    from hasila.data.dataset import outlet

    train = load_docs(train_gold, source="annotations")
    folds = []
    for path in map(Path, paths):
        outlets = held_out(path)
        docs = [d for d in train if outlet(d) in outlets]
        if verbose:
            print(f"{path.name}: {len(docs)} held-out reports ({', '.join(outlets)})")
        folds.append(Fold(path, docs))
    return folds


class Fold:
    """A model, the held-out reports it tags and their logits (computed once)."""

    def __init__(self, model_dir: Path, docs: list[Doc]) -> None:
        from hasila.model.infer import Tagger

        self.name = model_dir.name
        self.docs = docs
        self.tagger = Tagger.load(model_dir)
        self.texts = [d.text for d in docs]
        self.windows, self.logits = self.tagger.window_logits(self.texts)

    def spans(self, cfg: DecodingConfig) -> list[list[Span]]:
        self.tagger.decoding = cfg
        return self.tagger.decode(self.texts, self.windows, self.logits)


def exact_prf(docs: Sequence[Doc], preds: Sequence[Sequence[Span]], labels: Sequence[str] = LABELS
              ) -> dict[str, tuple[float, float, float]]:
    """Exact-span P/R/F1 per label and ``micro`` (the sweep's fast objective)."""
    tp: dict[str, int] = dict.fromkeys(labels, 0)
    ng: dict[str, int] = dict.fromkeys(labels, 0)
    np_: dict[str, int] = dict.fromkeys(labels, 0)
    for doc, pred in zip(docs, preds, strict=True):
        gold = {(s.start, s.end, s.label) for s in doc.spans if s.label in labels}
        got = {(s.start, s.end, s.label) for s in pred if s.label in labels}
        for _, _, lab in gold:
            ng[lab] += 1
        for key in got:
            np_[key[2]] += 1
            tp[key[2]] += key in gold
    out = {}
    for lab in [*labels, "micro"]:
        t = sum(tp.values()) if lab == "micro" else tp[lab]
        g = sum(ng.values()) if lab == "micro" else ng[lab]
        p = sum(np_.values()) if lab == "micro" else np_[lab]
        prec, rec = (t / p if p else 0.0), (t / g if g else 0.0)
        out[lab] = (prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return out


def pooled(folds: Sequence[Fold], cfg: DecodingConfig) -> tuple[list[Doc], list[list[Span]]]:
    docs: list[Doc] = []
    preds: list[list[Span]] = []
    for fold in folds:
        docs += fold.docs
        preds += fold.spans(cfg)
    return docs, preds


def per_fold(folds: Sequence[Fold], preds: Sequence[Sequence[Span]]) -> dict[str, dict[str, list[float]]]:
    """Exact-span P/R/F1 (micro and ACTOR) of each fold, from the pooled predictions."""
    out: dict[str, dict[str, list[float]]] = {}
    i = 0
    for f in folds:
        prf = exact_prf(f.docs, preds[i:i + len(f.docs)])
        out[f.name] = {k: [round(100 * x, 2) for x in prf[k]] for k in ("micro", "ACTOR")}
        i += len(f.docs)
    return out


def _copy(cfg: DecodingConfig) -> DecodingConfig:
    return replace(cfg, bias=dict(cfg.bias), min_score=dict(cfg.min_score))


def ascend(folds: Sequence[Fold], start: DecodingConfig, field: str, grid: Sequence[float],
           rounds: int = 2, every_fold: bool = False) -> DecodingConfig:
    """Coordinate ascent of one table (``bias`` or ``min_score``) on the pooled micro F1.

    ``every_fold``: a change is kept only when it also lowers no fold's own F1 (a setting that
    helps one outlet family and hurts the others is not kept)."""
    best = _copy(start)
    base: list[list[list[Span]]] | None = None
    if field == "min_score":  # thresholds only drop spans: decode once, filter many times
        base = [f.spans(replace(best, min_score={})) for f in folds]

    def scores(cfg: DecodingConfig) -> tuple[float, list[float]]:
        preds = [[confident(p, cfg.min_score) for p in b] for b in base] if base is not None \
            else [f.spans(cfg) for f in folds]
        per_fold = [exact_prf(f.docs, p)["micro"][2] for f, p in zip(folds, preds, strict=True)]
        pooled_f1 = exact_prf([d for f in folds for d in f.docs], [x for p in preds for x in p])["micro"][2]
        return pooled_f1, per_fold

    best_f1, best_folds = scores(best)
    print(f"  start: pooled exact F1 {100 * best_f1:.2f}")
    for _ in range(rounds):
        changed = False
        for label in LABELS:
            for value in grid:
                trial = _copy(best)
                table = getattr(trial, field)
                if value == 0.0:
                    table.pop(label, None)
                else:
                    table[label] = value
                score, per_fold = scores(trial)
                if every_fold and any(a < b - 1e-9 for a, b in zip(per_fold, best_folds, strict=True)):
                    continue
                if score > best_f1 + 1e-9:
                    best, best_f1, best_folds, changed = trial, score, per_fold, True
            print(f"  {field} {label}: {getattr(best, field).get(label, 0.0)} -> pooled exact F1 "
                  f"{100 * best_f1:.2f} (folds {', '.join(f'{100 * x:.1f}' for x in best_folds)})")
        if not changed:
            break
    return best


def row(name: str, docs: list[Doc], outputs: list[Any], seconds: float = 0.0) -> dict[str, Any]:
    """Seqeval entity P/R/F1 (micro, per label) and record P/R/F1, as bench/real_dev.py rows."""
    from real_dev import row_of

    from hasila.evaluation.evaluate import score_system

    return row_of(name, score_system(docs, outputs), seconds)


def linked(docs: Sequence[Doc], preds: Sequence[Sequence[Span]], ontology: Any) -> list[Any]:
    """The post-processor on each report's spans (``ontology``: one, or one per report: the
    ontology of the model that tagged it, as ``hasila evaluate`` links)."""
    from hasila.evaluation.evaluate import SystemOutput, _nc
    from hasila.link import link, load_link_config

    cfg = load_link_config()
    outs = []
    per_doc = ontology if isinstance(ontology, list) else [ontology] * len(docs)
    for doc, spans, onto in zip(docs, preds, per_doc, strict=True):
        res = link(doc.text, list(spans), onto, cfg)
        outs.append(SystemOutput(list(spans), res.records, [_nc(n) for n in res.non_counts]))
    return outs


def fold_scores(folds: Sequence[Fold], cfg: DecodingConfig) -> tuple[float, list[float]]:
    """Pooled exact micro F1 and each fold's own, under ``cfg``."""
    preds = [f.spans(cfg) for f in folds]
    per = [exact_prf(f.docs, p)["micro"][2] for f, p in zip(folds, preds, strict=True)]
    return exact_prf([d for f in folds for d in f.docs], [x for p in preds for x in p])["micro"][2], per


def switch_on(folds: Sequence[Fold], base: DecodingConfig, options: Sequence[str]
              ) -> dict[str, DecodingConfig]:
    """Each boolean option of ``options`` switched on in turn, on top of the ones kept: kept
    only when the pooled F1 rises and no fold's F1 falls. Then the biases and thresholds are
    ascended again (no fold worse) on top. Returns every step, ``base`` first."""
    base = replace(_copy(base), **dict.fromkeys(options, False))  # each option starts off
    found = {"base": base}
    best = _copy(base)
    best_f1, best_folds = fold_scores(folds, best)
    print(f"base: pooled exact F1 {100 * best_f1:.2f} (folds {', '.join(f'{100 * x:.1f}' for x in best_folds)})")
    for name in options:
        trial = replace(_copy(best), **{name: True})
        f1, per = fold_scores(folds, trial)
        worse = any(a < b - 1e-9 for a, b in zip(per, best_folds, strict=True))
        kept = f1 > best_f1 + 1e-9 and not worse
        print(f"+ {name}: pooled exact F1 {100 * f1:.2f} (folds {', '.join(f'{100 * x:.1f}' for x in per)})"
              f" -> {'kept' if kept else 'not kept'}")
        found[f"+{name}"] = trial
        if kept:
            best, best_f1, best_folds = trial, f1, per
    found["kept options"] = best
    print("kept options + bias, no fold worse:")
    bias = ascend(folds, best, "bias", BIASES, every_fold=True)
    print("kept options + bias + min_score, no fold worse:")
    found["kept options, bias and min_score re-ascended"] = ascend(folds, bias, "min_score", THRESHOLDS,
                                                                  every_fold=True)
    return found


def select(folds: Sequence[Fold], every_fold: bool = False) -> dict[str, DecodingConfig]:
    """The candidate settings: the exact ACTOR constraints, the thresholds and the biases each
    alone, then biases and thresholds on top of the exact constraints (each selected on the
    pooled held-out folds). ``every_fold``: only the last chain, keeping a change only where
    no fold loses."""
    if every_fold:
        print("exact ACTOR constraints + bias, no fold worse:")
        bias = ascend(folds, DecodingConfig(), "bias", BIASES, every_fold=True)
        print("exact ACTOR constraints + bias + min_score, no fold worse:")
        return {"plain": DecodingConfig(actor_phrases=False, no_monitors=False, place_names=False),
                "actor_phrases+no_monitors": DecodingConfig(), "every fold: actor+bias": bias,
                "every fold: actor+bias+min_score": ascend(folds, bias, "min_score", THRESHOLDS, every_fold=True)}
    plain = DecodingConfig(actor_phrases=False, no_monitors=False, place_names=False)
    exact = DecodingConfig()
    found = {"plain": plain, "actor_phrases": DecodingConfig(no_monitors=False),
             "actor_phrases+no_monitors": exact}
    print("min_score alone:")
    found["min_score"] = ascend(folds, plain, "min_score", THRESHOLDS)
    print("bias alone:")
    found["bias"] = ascend(folds, plain, "bias", BIASES)
    print("exact ACTOR constraints + bias:")
    found["actor+bias"] = ascend(folds, exact, "bias", BIASES)
    print("exact ACTOR constraints + bias + min_score:")
    found["actor+bias+min_score"] = ascend(folds, found["actor+bias"], "min_score", THRESHOLDS)
    return found


def base_decoding(path: str, overrides: Sequence[str] = ()) -> DecodingConfig:
    """``model.decoding`` of a training config (none given: the defaults), with ``key=value``
    overrides (``count_veto=true``)."""
    from hasila.config import apply_overrides, from_dict, read_yaml

    data = dict((read_yaml(path).get("model") or {}).get("decoding") or {}) if path else {}
    data = {k: dict(v) if isinstance(v, dict) else v for k, v in data.items()}
    return from_dict(DecodingConfig, apply_overrides(data, list(overrides)))


def main() -> None:
    from hasila.annotation.lsio import load_docs

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folds", nargs="+", help="fold model folders (cv-*)")
    ap.add_argument("--train-gold", default="../shared/real/train_gold.json")
    ap.add_argument("--measure", nargs="*", default=[], help="models to score with the chosen settings")
    ap.add_argument("--gold", default="../shared/real/dev_gold.json", help="the measuring set")
    ap.add_argument("--chosen", default="", help="a previous --out file: score its settings, no new selection")
    ap.add_argument("--every-fold", action="store_true",
                    help="keep a change only when no held-out fold loses F1 (the last chain only)")
    ap.add_argument("--base", default="", help="a config whose model.decoding starts --options")
    ap.add_argument("--options", nargs="*", default=[],
                    help="boolean DecodingConfig options to switch on in turn from --base's decoding "
                         "(kept only where the pooled F1 rises and no fold loses), then bias and "
                         "min_score ascended again")
    ap.add_argument("--out", default="")
    args = ap.parse_args()

    folds = load_folds(args.folds, args.train_gold, verbose=True)
    if args.chosen:
        from hasila.config import from_dict
        from hasila.fileio import read_json

        chosen = {k: from_dict(DecodingConfig, v) for k, v in read_json(args.chosen)["chosen"].items()}
    elif args.options:
        chosen = switch_on(folds, base_decoding(args.base), args.options)
    else:
        chosen = select(folds, args.every_fold)
    ontology = [f.tagger.ontology for f in folds for _ in f.docs]
    cv_rows = []
    for name, cfg in chosen.items():
        docs, preds = pooled(folds, cfg)
        cv_rows.append({**row(f"cv pooled, {name}", docs, linked(docs, preds, ontology)),
                        "folds": per_fold(folds, preds), "decoding": asdict(cfg)})
        print(json.dumps(cv_rows[-1], ensure_ascii=False))
    dev_rows = []
    if args.measure:
        gold = load_docs(args.gold, source="annotations")
        for path in map(Path, args.measure):
            fold = Fold(path, gold)
            for name, cfg in chosen.items():
                t = time.monotonic()
                spans = fold.spans(cfg)
                dev_rows.append({**row(f"{path.name}, {name}", gold, linked(gold, spans, fold.tagger.ontology),
                                       time.monotonic() - t), "decoding": asdict(cfg)})
                print(json.dumps(dev_rows[-1], ensure_ascii=False))
    if args.out:
        from hasila.fileio import write_json

        write_json(args.out, {"folds": {f.name: len(f.docs) for f in folds},
                              "chosen": {k: asdict(v) for k, v in chosen.items()}, "cv": cv_rows,
                              "measure_gold": args.gold if args.measure else None, "measure": dev_rows})


if __name__ == "__main__":
    main()
