"""Dataset building: sources → labelled windows, weights, cache hits, skipped sources."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from hasila.annotation.lsio import write_export
from hasila.annotation.markup import parse_markup
from hasila.data.dataset import (
    DataConfig,
    EvalSetConfig,
    SourceConfig,
    build_dataset,
    load_eval_set,
    load_source,
)
from hasila.errors import UserError
from hasila.model.modeling import train_tokenizer
from hasila.schema import Doc, Span, bio_tags

LABEL2ID = {t: i for i, t in enumerate(bio_tags())}

PLACES = ["حلب", "حمص", "ريف إدلب الجنوبي", "دير الزور", "درعا البلد", "مخيم اليرموك"]
ACTORS = ["قوات النظام", "الطائرات الروسية", "تنظيم الدولة الإسلامية", "الفصائل المقاتلة"]
SENTENCES = [
    "قتل [{n}|COUNT k=civilian] [مدنيين|CATEGORY] في قصف [{actor}|ACTOR] على [{place}|PLACE] اليوم.",
    "وثق المرصد مقتل [{n}|COUNT k=regime] [عنصرا|CATEGORY] من [{actor}|ACTOR] في اشتباكات ب[{place}|PLACE].",
    "وأصيب و[{n}|COUNT s=injured k=child] [أطفال|CATEGORY] في [{place}|PLACE] مساء أمس.",
    "وتستمر المعارك منذ أيام في محيط المدينة وسط تحليق للطيران.",
]


def make_docs(n: int, seed: int, prefix: str = "d") -> list[Doc]:
    """Small annotated reports written for the tests (two to five sentences each)."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        parts = [rng.choice(SENTENCES).format(n=rng.randint(2, 300), actor=rng.choice(ACTORS),
                                               place=rng.choice(PLACES))
                 for _ in range(rng.randint(2, 5))]
        doc = parse_markup(" ".join(parts), doc_id=f"{prefix}{i}")
        doc.meta["task_id"] = i + 1
        docs.append(doc)
    return docs


def write_gold(path: Path, docs: list[Doc]) -> Path:
    write_export(path, docs, kind="annotations")
    return path


@pytest.fixture(scope="module")
def tok():
    texts = [d.text for d in make_docs(30, 0)]
    return train_tokenizer(texts, vocab_size=200, min_frequency=1, model_max_length=64)


def test_build_mixes_weights_and_hits_the_cache(tmp_path, tok):
    gold = write_gold(tmp_path / "train.json", make_docs(8, 1))
    extra = write_gold(tmp_path / "extra.json", make_docs(6, 2, prefix="e"))
    cfg = DataConfig(train=[SourceConfig("gold", "gold", str(gold), weight=2.0),
                            SourceConfig("extra", "gold", str(extra), weight=0.5)])
    sources = [load_source(s) for s in cfg.train]
    assert [len(s.docs) for s in sources] == [8, 6]
    dev = make_docs(3, 3, prefix="v")
    built = build_dataset(sources, tok, LABEL2ID, 32, 8, seed=5, dev_docs=dev, cache_dir=tmp_path / "cache")
    assert not built.cache_hit
    info = built.info["sources"]
    assert info["gold"]["windows_after_weight"] == 2 * info["gold"]["windows"]
    assert info["extra"]["windows_after_weight"] == round(0.5 * info["extra"]["windows"])
    assert info["gold"]["windows"] > 8  # long docs were cut into several windows
    train = built.data["train"]
    assert len(train) == info["gold"]["windows_after_weight"] + info["extra"]["windows_after_weight"]
    row = train[0]
    assert len(row["input_ids"]) == len(row["labels"]) <= 32
    assert set(train["source"]) == {"gold", "extra"}
    assert len(built.data["dev"]) >= 3
    labelled = [lab for r in train["labels"] for lab in r if lab != -100]
    assert LABEL2ID["B-COUNT"] in labelled and LABEL2ID["I-PLACE"] in labelled

    again = build_dataset(sources, tok, LABEL2ID, 32, 8, seed=5, dev_docs=dev, cache_dir=tmp_path / "cache")
    assert again.cache_hit and again.key == built.key
    assert again.data["train"]["input_ids"] == train["input_ids"]

    changed = build_dataset(sources, tok, LABEL2ID, 32, 4, seed=5, dev_docs=dev, cache_dir=tmp_path / "cache")
    assert not changed.cache_hit and changed.key != built.key
    edited = [load_source(cfg.train[0])]
    edited[0].docs[0].spans.pop()
    other = build_dataset(edited, tok, LABEL2ID, 32, 8, seed=5, cache_dir=tmp_path / "cache")
    assert not other.cache_hit


def test_clitic_spans_are_labelled(tmp_path, tok):
    doc = parse_markup("وأصيب و[12|COUNT s=injured k=child] [أطفال|CATEGORY]", doc_id="x")
    src = load_source(SourceConfig("g", "gold", str(write_gold(tmp_path / "g.json", [doc]))))
    built = build_dataset([src], tok, LABEL2ID, 32, 8, cache_dir=tmp_path / "cache")
    assert built.info["sources"]["g"]["snapped"] == 0
    assert LABEL2ID["B-COUNT"] in built.data["train"][0]["labels"]


def test_missing_sources(tmp_path):
    shared = load_source(SourceConfig("real", "gold", "../shared/nowhere/train_gold.json"))
    assert shared.docs == [] and "optional" in shared.skipped
    optional = load_source(SourceConfig("x", "gold", str(tmp_path / "nope.json"), optional=True))
    assert optional.docs == []
    with pytest.raises(UserError, match="not found"):
        load_source(SourceConfig("x", "gold", str(tmp_path / "nope.json")))
    with pytest.raises(UserError, match="unknown kind"):
        load_source(SourceConfig("x", "bronze", str(tmp_path / "nope.json")))
    assert load_eval_set(EvalSetConfig("dev", "../shared/nowhere/dev.json")) is None
    with pytest.raises(UserError, match="no training data"):
        build_dataset([shared], train_tokenizer(["قتل"], 50, 1), LABEL2ID, 32, 8,
                      cache_dir=tmp_path / "cache")


def test_silver_predictions_filtered_by_score(tmp_path, tok):
    doc = parse_markup("قتل [5|COUNT k=civilian] [مدنيين|CATEGORY] في [حلب|PLACE]", doc_id="s")
    doc.spans = [s if s.label != "PLACE" else type(s)(s.start, s.end, s.label, s.text, s.id, 0.2)
                 for s in doc.spans]
    doc.spans = [type(s)(s.start, s.end, s.label, s.text, s.id, s.score if s.score else 0.9, s.count)
                 for s in doc.spans]
    path = tmp_path / "silver.json"
    write_export(path, [doc], kind="predictions", model_version="t")
    src = load_source(SourceConfig("silver", "silver", str(path), min_score=0.5))
    assert [s.label for s in src.docs[0].spans] == ["COUNT", "CATEGORY"]


def test_an_outlet_held_out_of_training_is_the_selection_set(tmp_path):
    from hasila.data.dataset import EvalSetConfig, load_eval_set, load_source

    docs = make_docs(4, 5)
    for doc, source in zip(docs, ["BBC BB-1", "skynews SK-2", "BBC BB-3", "france24 FR-4"], strict=True):
        doc.meta["source"] = source
    path = write_gold(tmp_path / "real.json", docs)
    train = load_source(SourceConfig("real", "gold", str(path), hold_out=["BBC"]))
    held = load_eval_set(EvalSetConfig("held", str(path), outlets=["BBC"]))
    assert [d.id for d in train.docs] == ["d1", "d3"]
    assert held is not None and [d.id for d in held] == ["d0", "d2"]


def _place_hints(texts: list[str]) -> list[list[Span]]:
    """A stand-in for the rules: every place name of the test sentences is a PLACE hint."""
    out = []
    for text in texts:
        spans = []
        for place in PLACES:
            start = text.find(place)
            while start >= 0:
                spans.append(Span(start, start + len(place), "PLACE", place))
                start = text.find(place, start + 1)
        out.append(spans)
    return out


def test_rules_hints_ride_as_token_types_and_some_windows_go_without(tmp_path, tok):
    gold = write_gold(tmp_path / "train.json", make_docs(12, 1))
    sources = [load_source(SourceConfig("gold", "gold", str(gold), weight=2.0))]
    plain = build_dataset(sources, tok, LABEL2ID, 32, 8, seed=5, cache_dir=tmp_path / "cache")
    assert "token_type_ids" not in plain.data["train"].column_names

    kept = build_dataset(sources, tok, LABEL2ID, 32, 8, seed=5, cache_dir=tmp_path / "cache",
                         hints=_place_hints, hint_key="a", hint_dropout=0.0)
    assert kept.key != plain.key
    train = kept.data["train"]
    assert train["input_ids"] == plain.data["train"]["input_ids"]  # the same windows, in the same order
    types = train["token_type_ids"]
    assert all(len(t) == len(i) for t, i in zip(types, train["input_ids"], strict=True))
    place_ids = {LABEL2ID["B-PLACE"], LABEL2ID["I-PLACE"]}
    assert {t for row in types for t in row} == {0} | place_ids
    # the hints are the rules' spans, not the gold labels: a gold PLACE is hinted, a COUNT is not
    for row_types, row_labels in zip(types, train["labels"], strict=True):
        for t, lab in zip(row_types, row_labels, strict=True):
            if lab in (LABEL2ID["B-COUNT"], LABEL2ID["I-COUNT"]):
                assert t == 0

    dropped = build_dataset(sources, tok, LABEL2ID, 32, 8, seed=5, cache_dir=tmp_path / "cache",
                            hints=_place_hints, hint_key="a", hint_dropout=0.5)
    assert dropped.key != kept.key
    blank = [row for row in dropped.data["train"]["token_type_ids"] if not any(row)]
    hinted = [row for row in types if any(row)]
    assert 0.3 * len(hinted) < len(blank) - (len(types) - len(hinted)) < 0.7 * len(hinted)
    other_rules = build_dataset(sources, tok, LABEL2ID, 32, 8, seed=5, cache_dir=tmp_path / "cache",
                                hints=_place_hints, hint_key="b", hint_dropout=0.0)
    assert other_rules.key != kept.key


def test_the_rules_silver_never_carries_hints(tmp_path, tok):
    from hasila.data.dataset import LoadedSource

    docs = make_docs(6, 4, prefix="s")
    silver = LoadedSource(SourceConfig("silver", "rules"), docs)
    gold = LoadedSource(SourceConfig("gold", "gold"), make_docs(6, 5))
    built = build_dataset([silver, gold], tok, LABEL2ID, 32, 8, seed=5, cache_dir=tmp_path / "cache",
                          hints=_place_hints, hint_key="a", hint_dropout=0.0)
    train = built.data["train"]
    by_source = {"silver": [], "gold": []}
    for source, types in zip(train["source"], train["token_type_ids"], strict=True):
        by_source[source].append(any(types))
    assert not any(by_source["silver"])  # its hints would be its own labels
    assert any(by_source["gold"])


NER_LINES = ("وأعلن O\nالدفاع B-ORG\nالمدني I-ORG\nفي O\nحلب B-LOC\nمقتل O\n12 O\nمدنيا O\n"
             "في O\nقصف O\nعلى O\nسراقب B-LOC\n. O\nوزار O\nالوزير O\nسامي B-PERS\nدمشق B-LOC\n. O\n")


def test_a_ner_corpus_teaches_places_and_leaves_out_what_it_does_not_annotate(tmp_path, tok):
    from hasila.data.ner import IGNORE_KEY
    from hasila.model.align import tokenize

    path = tmp_path / "ner.txt"
    path.write_text(NER_LINES, encoding="utf-8")
    src = load_source(SourceConfig("ner", "ner", str(path), min_tokens=5, max_tokens=50),
                      silver_cache=tmp_path / "silver")
    assert len(src.docs) == 2
    doc = src.docs[0]
    assert [(s.label, s.text) for s in doc.spans] == [("PLACE", "حلب"), ("PLACE", "سراقب")]
    ignored = [doc.text[a:b] for a, b in doc.meta[IGNORE_KEY]]
    # the corpus's organisation, and the rules' count (a label the corpus does not annotate)
    assert "الدفاع المدني" in ignored and "12" in ignored
    built = build_dataset([src], tok, LABEL2ID, 64, 8, label_all_subtokens=True,
                          cache_dir=tmp_path / "cache", hints=_place_hints, hint_key="a")
    row = next(r for r in built.data["train"] if r["doc_id"] == doc.id)
    tokens = tokenize(doc.text, tok)
    assert row["input_ids"][1:-1] == tokens.ids  # one window: [CLS] tokens [SEP]
    count, org = doc.text.index("12"), doc.text.index("الدفاع")
    masked = [label == -100 for (start, _), label in zip(tokens.offsets, row["labels"][1:-1], strict=True)
              if count <= start < count + 2 or org <= start < org + len("الدفاع المدني")]
    assert masked and all(masked)
    assert LABEL2ID["B-PLACE"] in row["labels"] and LABEL2ID["O"] in row["labels"]
    assert any(row["token_type_ids"])  # NER windows carry the rules' hints, like gold ones
    # the ignored ranges are part of the cache key
    bare = type(src)(src.config, [type(d)(d.id, d.text, d.spans) for d in src.docs])
    assert build_dataset([bare], tok, LABEL2ID, 64, 8, cache_dir=tmp_path / "cache").key != \
        build_dataset([src], tok, LABEL2ID, 64, 8, cache_dir=tmp_path / "cache").key


def test_a_missing_ner_corpus_is_skipped(tmp_path):
    shared = load_source(SourceConfig("ner", "ner", "../shared/nowhere/ANERCorp.txt"))
    assert shared.docs == [] and "optional" in shared.skipped
    with pytest.raises(UserError, match="not found"):
        load_source(SourceConfig("ner", "ner", str(tmp_path / "nope.txt")))
