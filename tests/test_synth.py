"""The synthetic report generator: determinism, valid gold by construction,
number agreement and values, distractors, and the ``hasila synth`` command."""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from hasila.annotation import ontology
from hasila.annotation.lsio import category_ids, read_export, validate_doc
from hasila.cli import main as cli_main
from hasila.errors import UserError
from hasila.schema import QUALIFIERS, STATUSES, Doc
from hasila.synth.builder import is_feminine
from hasila.synth.generator import (
    DEFAULT_FAMILY_WEIGHTS,
    SynthConfig,
    generate,
    load_actors,
    load_synth_config,
    pattern_names,
    write_docs,
)
from hasila.synth.lexicon import NOUNS, noun_form, number_words, words_supported
from hasila.synth.patterns import PATTERNS
from hasila.text.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def cfg() -> SynthConfig:
    return load_synth_config()


@pytest.fixture(scope="module")
def docs(cfg: SynthConfig) -> list[Doc]:
    return generate(2000, 20240501, cfg)


def as_tuple(doc: Doc) -> tuple:
    return doc.id, doc.text, tuple(doc.spans), tuple(doc.relations), json.dumps(doc.meta, ensure_ascii=False)


# --------------------------------------------------------------------------- determinism


def test_same_seed_same_reports(cfg: SynthConfig) -> None:
    a = generate(40, 7, cfg)
    b = generate(40, 7, cfg)
    assert [as_tuple(d) for d in a] == [as_tuple(d) for d in b]
    # report i depends only on (seed, i): a shorter run is a prefix
    assert [as_tuple(d) for d in generate(15, 7, cfg)] == [as_tuple(d) for d in a[:15]]
    other = generate(40, 8, cfg)
    assert [d.text for d in other] != [d.text for d in a]


def test_global_random_state_does_not_matter(cfg: SynthConfig) -> None:
    random.seed(1)
    a = generate(5, 3, cfg)
    random.seed(2)
    b = generate(5, 3, cfg)
    assert [as_tuple(d) for d in a] == [as_tuple(d) for d in b]


# --------------------------------------------------------------------------- validity


def test_every_doc_is_valid_scheme_v1(docs: list[Doc]) -> None:
    cats = category_ids()
    for doc in docs:
        assert validate_doc(doc) == [], (doc.id, validate_doc(doc)[:3])
        for s in doc.spans:
            assert s.text == doc.text[s.start : s.end]
            if s.label == "COUNT":
                assert s.count is not None
                assert s.count.category_id in cats
                assert s.count.status in STATUSES and s.count.qualifier in QUALIFIERS
                assert s.count.value >= 1


def test_clitics_stay_outside_spans(docs: list[Doc]) -> None:
    glued = 0
    for doc in docs[:500]:
        for s in doc.spans:
            prev = doc.text[s.start - 1] if s.start else " "
            assert s.text[0] not in " ،,.", s
            if prev in "وبل" and (s.start < 2 or not doc.text[s.start - 2].isalpha()):
                glued += 1
    assert glued > 100  # و218, بريف..., للنظام → لنظام: the clitic is before the span


def test_every_count_category_and_relation_is_consistent(docs: list[Doc]) -> None:
    for doc in docs:
        by_id = doc.span_by_id()
        cats = Counter(r.from_id for r in doc.relations if r.type == "category")
        for s in doc.spans:
            if s.label == "CATEGORY":
                assert any(r.to_id == s.id for r in doc.relations if r.type == "category"), (doc.id, s)
        assert all(n == 1 for n in cats.values())
        for r in doc.relations:
            if r.type == "part_of":
                assert by_id[r.from_id].start != by_id[r.to_id].start


def test_parts_never_exceed_their_totals(docs: list[Doc]) -> None:
    nested = depth3 = 0
    for doc in docs:
        by_id = doc.span_by_id()
        children: dict[str, list[str]] = defaultdict(list)
        parent_of: dict[str, str] = {}
        for r in doc.relations:
            if r.type == "part_of":
                children[r.to_id].append(r.from_id)
                parent_of[r.from_id] = r.to_id
        for parent, kids in children.items():
            p = by_id[parent].count
            nested += 1
            by_status: dict[str, int] = defaultdict(int)
            for k in kids:
                c = by_id[k].count
                assert c.value <= p.value, (doc.id, by_id[k].text, by_id[parent].text)
                by_status[c.status] += c.value
            # parts of one status are disjoint groups (children, women, ...): their sum fits
            for status, total in by_status.items():
                assert total <= p.value, (doc.id, status, total, by_id[parent].text)
        for start in parent_of:
            depth, node = 0, start
            while node in parent_of:
                node, depth = parent_of[node], depth + 1
            depth3 += depth >= 3
    assert nested > 1000
    assert depth3 > 0  # breakdowns nest up to three levels below a total


# --------------------------------------------------------------------------- patterns and coverage


def test_pattern_count_and_use(docs: list[Doc]) -> None:
    assert len(PATTERNS) >= 50
    used = Counter(p for d in docs for p in d.meta["patterns"])
    assert len(used) >= 50, sorted(set(PATTERNS) - set(used))
    families = {fam for fam, _ in PATTERNS.values()}
    assert families - {"title"} == set(DEFAULT_FAMILY_WEIGHTS)
    assert set(pattern_names("title")) <= set(used)


def test_surface_variety(docs: list[Doc]) -> None:
    kinds: Counter[str] = Counter()
    qualifiers: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    for doc in docs:
        for s in doc.spans:
            if s.label != "COUNT":
                continue
            qualifiers[s.count.qualifier] += 1
            statuses[s.count.status] += 1
            if s.text.isascii() and s.text.replace(",", "").isdigit():
                kinds["ascii"] += 1
            elif all("٠" <= ch <= "٩" or ch == "٬" for ch in s.text):
                kinds["indic"] += 1
            elif s.text in ("عشرات", "العشرات", "مئات", "المئات", "آلاف", "الآلاف", "عشرات الآلاف"):
                kinds["vague"] += 1
            elif s.text.endswith(("ين", "تين")) and s.count.value == 2 and " " not in s.text:
                kinds["dual_or_two"] += 1
            else:
                kinds["words"] += 1
    assert all(kinds[k] > 20 for k in ("ascii", "indic", "vague", "dual_or_two", "words")), kinds
    assert set(qualifiers) == set(QUALIFIERS), qualifiers
    assert set(statuses) == set(STATUSES), statuses
    labels = Counter(s.label for d in docs for s in d.spans)
    assert all(labels[x] > 1000 for x in ("COUNT", "CATEGORY", "ACTOR", "PLACE"))
    rels = Counter(r.type for d in docs for r in d.relations)
    assert all(rels[x] > 500 for x in ("category", "part_of", "affiliation", "perpetrator", "location"))


def test_count_values_match_the_number_parser(docs: list[Doc]) -> None:
    checked = 0
    for doc in docs[:800]:
        for s in doc.spans:
            if s.label != "COUNT":
                continue
            if s.text == "أحد":  # أحدهم / أحد الضباط: 1 by the guide, not a stand-alone number
                assert s.count.value == 1
                continue
            assert ontology.parse_number(s.text) == s.count.value, (doc.id, s.text, s.count.value)
            checked += 1
    assert checked > 5000


def test_year_like_counts_are_counts(docs: list[Doc]) -> None:
    years = [s for d in docs for s in d.spans
             if s.label == "COUNT" and s.text.isdigit() and 1990 <= int(s.text) <= 2025]
    assert all(s.count.value == int(s.text) for s in years)
    # cumulative tolls such as "و2019 مقاتل قضوا ..." (not years)
    assert sum(s.count.status == "killed" and s.count.value % 100 != 0 for s in years) > 20


def test_distractor_numbers_are_present_and_not_counts(docs: list[Doc]) -> None:
    kinds: Counter[str] = Counter()
    for doc in docs:
        counts = [(s.start, s.end) for s in doc.spans if s.label == "COUNT"]
        for start, end, kind in doc.meta["distractors"]:
            kinds[kind] += 1
            surface = doc.text[start:end]
            assert surface.strip() == surface and surface
            assert all(e <= start or s >= end for s, e in counts), (doc.id, surface, kind)
            assert not any(sp.start < end and start < sp.end for sp in doc.spans), (doc.id, surface)
            if kind != "date" or "/" not in surface:
                assert ontology.parse_number(surface) is not None, (doc.id, surface, kind)
    for kind in ("date", "year", "age", "strikes", "shells", "barrels", "duration", "percent", "time",
                 "distance", "ordinal", "other"):
        assert kinds[kind] > 5, kinds


def test_actor_and_place_spans_come_from_the_lists(docs: list[Doc]) -> None:
    phrases = {form for a in load_actors() for p in a.phrases() for form in p.split("|")}
    gaz = Gazetteer.load()
    found = total = 0
    for doc in docs[:400]:
        marked = {(s, e) for s, e, _ in gaz.find_all(doc.text)}
        for s in doc.spans:
            if s.label == "ACTOR":
                assert s.text in phrases or "ا" + s.text in phrases, s.text  # لل: ل + (ا)لنظام
            elif s.label == "PLACE":
                assert gaz.lookup(s.text) is not None, s.text
                total += 1
                found += (s.start, s.end) in marked
    assert found / total > 0.99  # the gazetteer matcher marks the same PLACE spans


# --------------------------------------------------------------------------- the word table


def test_number_words_agree_with_the_parser() -> None:
    rng = random.Random(0)
    for value in [*range(3, 100), 100, 200, 300, 500, 900, 105, 115, 150, 240, 999, 1000, 2000, 3000, 10000]:
        assert words_supported(value)
        for fem in (False, True):
            for case in ("nom", "acc", "gen"):
                words = number_words(value, fem, case, rng)
                assert ontology.parse_number(words) == value, (value, fem, case, words)
    assert not words_supported(1) and not words_supported(1500) and not words_supported(102)


def test_number_noun_agreement() -> None:
    rng = random.Random(0)
    child, woman = NOUNS["child"], NOUNS["citizen_f"]
    assert number_words(3, False, "nom", rng) == "ثلاثة"  # ثلاثة أطفال
    assert number_words(3, True, "nom", rng) == "ثلاث"  # ثلاث مواطنات
    assert number_words(12, False, "nom", rng) == "اثنا عشر"
    assert number_words(12, False, "gen", rng) == "اثني عشر"
    assert number_words(13, True, "gen", rng) == "ثلاث عشرة"
    assert number_words(25, False, "nom", rng) == "خمسة وعشرون"
    assert number_words(25, True, "gen", rng) == "خمس وعشرين"
    assert noun_form(child, 5, "strict", rng) == "أطفال"
    assert noun_form(woman, 7, "sohr", rng) == "مواطنات"
    assert noun_form(child, 25, "strict", rng, tanween=1.0) == "طفلاً"
    assert noun_form(child, 25, "strict", rng, tanween=0.0) == "طفلا"
    assert noun_form(child, 300, "strict", rng) == "طفل"
    assert noun_form(child, 305, "strict", rng) == "أطفال"
    assert noun_form(child, 305, "sohr", rng) == "طفل"  # the monitor's 305 طفل
    assert noun_form(woman, 218, "sohr", rng) == "مواطنة"


def test_verb_agreement_with_actor_phrases() -> None:
    assert is_feminine("طائرات النظام الحربية")
    assert is_feminine("القوات التركية")
    assert not is_feminine("الطيران الروسي")
    assert not is_feminine("الجيش التركي")
    assert not is_feminine("مسلحون مجهولون|مسلحين مجهولين")


# --------------------------------------------------------------------------- config and output


def test_config_errors(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="unknown pattern families"):
        load_synth_config(None, ["family_weights.nonsense=1.0"])
    with pytest.raises(UserError, match="probability"):
        load_synth_config(None, ["style.p_words=2"])
    with pytest.raises(UserError, match="unknown key"):
        load_synth_config(None, ["p_tittle=0.5"])
    with pytest.raises(UserError, match="min_paragraphs"):
        load_synth_config(None, ["min_paragraphs=5", "max_paragraphs=2"])


def test_style_override_changes_output() -> None:
    words = load_synth_config(None, ["style.p_words=1.0", "style.p_vague=0.0"])
    counts = [s for d in generate(50, 1, words) for s in d.spans if s.label == "COUNT"]
    spelled = sum(not any(ch.isdigit() for ch in s.text) for s in counts)
    assert spelled / len(counts) > 0.6


def test_actors_file_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "actors.yaml"
    bad.write_text("actors:\n  - id: x\n    category: nonsense\n    names: [قوات]\n", encoding="utf-8")
    with pytest.raises(UserError, match="unknown category 'nonsense'"):
        load_actors(bad)
    bad.write_text("actors:\n  - id: x\n    category: regime\n    names: [' قوات']\n", encoding="utf-8")
    with pytest.raises(UserError, match="bad phrase"):
        load_actors(bad)


def test_write_docs_json_and_jsonl_round_trip(tmp_path: Path, cfg: SynthConfig) -> None:
    docs = generate(12, 5, cfg)
    assert write_docs(tmp_path / "out.json", docs) == 12
    read = read_export(tmp_path / "out.json")
    assert read.errors == [] and len(read.docs) == 12
    assert write_docs(tmp_path / "out.jsonl", iter(docs)) == 12
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 12
    read2 = read_export([json.loads(line) for line in lines])
    assert read2.errors == []
    for a, b in zip(docs, read2.docs, strict=True):
        assert (a.text, a.spans, a.relations) == (b.text, b.spans, b.relations)


def test_cli_synth_writes_a_readable_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "synth.json"
    assert cli_main(["synth", "--n", "25", "--seed", "3", "--output", str(out), "--no-progress"]) == 0
    assert "wrote 25" in capsys.readouterr().out
    read = read_export(out)
    assert read.errors == []
    assert len(read.docs) == 25
    assert read.docs[0].meta["source"] == "synth"
    assert cli_main(["synth", "--n", "-1", "--output", str(out)]) == 2
