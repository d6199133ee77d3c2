"""The fold models' span errors on the outlets they never saw, by label and kind.

Each fold model (``cv-*``) tags its held-out real train reports under one decoding (the
``model.decoding`` of a config, default ``configs/default.yaml``); every predicted span that
is not an exact gold span, and every gold span no prediction matches, is put in one kind:

* ``spurious``: overlaps no gold span;
* ``boundary``: overlaps a gold span of its label with other edges, split by where the edge
  goes wrong: ``cuts_word`` (an edge inside a word), ``clitic`` (the edges differ by a clitic
  glued to the word: ``و``/``ب`` inside the span or a letter of the word left out),
  ``longer``, ``shorter`` and ``shifted``;
* ``wrong_label``: the edges of a gold span of another label; ``label_and_boundary``: overlaps
  only gold spans of other labels;
* ``missed``: a gold span no prediction overlaps.

For COUNT, the numbers of the spurious and wrong spans are read as the post-processor does
(:func:`hasila.link.numbers.certain_non_count`): which of them the number rules call surely not
a count, and why. The counts go to ``--out`` (no report text); ``--examples FILE`` writes the
spans with their contexts to a file of your choice (outside the repository: the reports are
shared data)::

    PYTHONPATH=$PWD python bench/decoding_errors.py /work/wt/model/models/cv-skynews \\
        /work/wt/model/models/cv-france24 /work/wt/model/models/cv-saudi \\
        --out bench/results/decoding_errors.json --examples /tmp/decoding_errors.txt
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hasila.link.text import CLITICS, key
from hasila.schema import LABELS, Doc, Span

_WORD_CHAR = re.compile(r"[^\W_]")


def _inside_word(text: str, pos: int) -> bool:
    """True when ``pos`` lies between two word characters (an edge there cuts a word)."""
    return 0 < pos < len(text) and bool(_WORD_CHAR.match(text[pos - 1]) and _WORD_CHAR.match(text[pos]))


def _clitic_cut(text: str, pos: int) -> bool:
    """True when the letters of the word before ``pos`` are a clitic (``و[حلب]``)."""
    m = re.search(r"[^\W\d_]+$", text[:pos])
    return bool(m) and key(m.group(0)) in CLITICS


def boundary_kind(text: str, pred: Span, gold: Span) -> str:
    """How the edges of ``pred`` miss those of ``gold`` (same label, overlapping)."""
    if (_inside_word(text, pred.start) and not _clitic_cut(text, pred.start)) or _inside_word(text, pred.end):
        return "cuts_word"
    if pred.end == gold.end and pred.start != gold.start:
        a, b = sorted((pred.start, gold.start))
        if " " not in text[a:b] and key(text[a:b]) in CLITICS:
            return "clitic"
    if pred.start <= gold.start and gold.end <= pred.end:
        return "longer"
    if gold.start <= pred.start and pred.end <= gold.end:
        return "shorter"
    return "shifted"


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def count_reason(text: str, span: Span, ontology: Any) -> str:
    """The number rules' verdict on the number(s) of a COUNT span: a certain non-count reason,
    ``count``, ``no_number`` or ``several``."""
    from hasila.annotation.ontology import find_numbers
    from hasila.link.numbers import certain_non_count
    from hasila.link.text import TokenView

    duals = getattr(ontology, "dual_keys", None)
    numbers = find_numbers(text, duals) if duals is not None else find_numbers(text)
    inside = [n for n in numbers if n.start < span.end and span.start < n.end]
    if not inside:
        return "no_number"
    if len(inside) > 1:
        return "several"
    n = inside[0]
    return certain_non_count(TokenView(text), n.start, n.end, n.value, n.kind, ontology) or "count"


def classify(docs: Sequence[Doc], preds: Sequence[Sequence[Span]], ontology: Sequence[Any],
             examples: list[str] | None = None) -> dict[str, Any]:
    """Counts of each error kind per label (see the module doc)."""
    kinds: dict[str, Counter[str]] = {lab: Counter() for lab in LABELS}
    count_fp: Counter[str] = Counter()
    for doc, pred, onto in zip(docs, preds, ontology, strict=True):
        text = doc.text
        gold = [s for s in doc.spans if s.label in LABELS]
        exact = {(s.start, s.end, s.label) for s in gold}
        for p in pred:
            if p.label not in LABELS:
                continue
            if (p.start, p.end, p.label) in exact:
                kinds[p.label]["tp"] += 1
                continue
            same = [g for g in gold if g.label == p.label and _overlaps(g, p)]
            other = [g for g in gold if g.label != p.label and _overlaps(g, p)]
            if same:
                kind = "boundary:" + boundary_kind(text, p, same[0])
            elif any((g.start, g.end) == (p.start, p.end) for g in other):
                kind = "wrong_label"
            elif other:
                kind = "label_and_boundary"
            else:
                kind = "spurious"
            kinds[p.label][kind] += 1
            if p.label == "COUNT" and kind in ("spurious", "wrong_label", "label_and_boundary"):
                reason = count_reason(text, p, onto)
                count_fp[f"{kind}:{reason}"] += 1
            if examples is not None:
                ctx = text[max(0, p.start - 40):p.start] + "[" + p.text + "]" + text[p.end:p.end + 40]
                gold_txt = " | ".join(f"{g.label}:{g.text}" for g in same + other)
                examples.append(f"{p.label}\t{kind}\t{ctx.replace(chr(10), ' ')}\tgold: {gold_txt}")
        for g in gold:
            if (g.start, g.end, g.label) not in {(p.start, p.end, p.label) for p in pred} \
                    and not any(_overlaps(g, p) for p in pred):
                kinds[g.label]["missed"] += 1
                if examples is not None:
                    ctx = text[max(0, g.start - 40):g.start] + "[" + g.text + "]" + text[g.end:g.end + 40]
                    examples.append(f"{g.label}\tmissed\t{ctx.replace(chr(10), ' ')}")
    return {"by_label": {lab: dict(sorted(c.items())) for lab, c in kinds.items()},
            "count_false_positives": dict(sorted(count_fp.items()))}


def main() -> None:
    from cv_decoding import Fold, base_decoding, held_out, pooled

    from hasila.annotation.lsio import load_docs
    from hasila.data.dataset import outlet
    from hasila.fileio import write_json

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folds", nargs="+", help="fold model folders (cv-*)")
    ap.add_argument("--train-gold", default="../shared/real/train_gold.json")
    ap.add_argument("--config", default="configs/default.yaml", help="its model.decoding is used")
    ap.add_argument("--set", dest="overrides", nargs="*", default=[],
                    help="key=value overrides of the decoding (min_score.ACTOR=0.6)")
    ap.add_argument("--out", default="")
    ap.add_argument("--examples", default="", help="write each error with its context here")
    args = ap.parse_args()

    cfg = base_decoding(args.config, args.overrides)
    train = load_docs(args.train_gold, source="annotations")
    folds = []
    for path in map(Path, args.folds):
        outlets = held_out(path)
        folds.append(Fold(path, [d for d in train if outlet(d) in outlets]))
    docs, preds = pooled(folds, cfg)
    examples: list[str] | None = [] if args.examples else None
    result = classify(docs, preds, [f.tagger.ontology for f in folds for _ in f.docs], examples)
    result = {"folds": {f.name: len(f.docs) for f in folds}, "config": args.config,
              "overrides": args.overrides, **result}
    for lab, c in result["by_label"].items():
        print(lab, c)
    print("COUNT false positives:", result["count_false_positives"])
    if args.out:
        write_json(args.out, result)
    if examples is not None:
        Path(args.examples).write_text("\n".join(examples) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
