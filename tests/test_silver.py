"""Rules silver: casualty-report selection and rules labelling (cached)."""

from __future__ import annotations

import json

from hasila.data.dataset import SourceConfig, load_source
from hasila.data.silver import reports_casualties, rules_silver, select_reports

KILLED = "قتل 12 مدنيا في قصف على مدينة إدلب"
OTHER = "افتتح معرض الكتاب في 2018 بحضور الوزير"


def test_selection_needs_a_casualty_word_near_a_digit():
    assert reports_casualties(KILLED)
    assert not reports_casualties(OTHER)
    assert not reports_casualties("قتل مدني" + " كلمة" * 30 + " في 2018")  # too far apart


def test_select_reports_caps_and_drops_reprints_and_long_texts():
    texts = [OTHER, KILLED, KILLED, "أصيب 3 أشخاص", "مقتل 5 " + "و" * 100]
    assert list(select_reports(texts)) == [KILLED, "أصيب 3 أشخاص", "مقتل 5 " + "و" * 100]
    assert list(select_reports(texts, max_docs=1)) == [KILLED]
    assert list(select_reports(texts, max_chars=50)) == [KILLED, "أصيب 3 أشخاص"]


def test_rules_silver_labels_counts_and_caches(tmp_path):
    docs = rules_silver([KILLED], "s", tmp_path)
    labels = {(s.label, s.text) for s in docs[0].spans}
    assert ("COUNT", "12") in labels and ("PLACE", "إدلب") in labels
    cached = list(tmp_path.glob("rules-*.json"))
    assert len(cached) == 1 and json.loads(cached[0].read_text())[0]
    assert rules_silver([KILLED], "s", tmp_path)[0].spans == docs[0].spans


def test_rules_source_reads_a_corpus_and_skips_a_missing_shared_one(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": str(i), "text": t}) for i, t in
                                enumerate([KILLED, OTHER])), encoding="utf-8")
    src = load_source(SourceConfig("r", kind="rules", corpus=[str(corpus)]), tmp_path / "cache")
    assert len(src.docs) == 1 and src.docs[0].text == KILLED
    gone = load_source(SourceConfig("r", kind="rules", corpus=["../shared/nowhere/x.jsonl"]), tmp_path)
    assert gone.docs == [] and "skipped" in gone.skipped


def test_rules_silver_can_widen_actors_to_the_guides_noun_phrase(tmp_path):
    text = "قتل 12 مدنيا في هجوم تنظيم «داعش» الإرهابي على إدلب"
    short = {(s.label, s.text) for s in rules_silver([text], "s", tmp_path)[0].spans if s.label == "ACTOR"}
    wide = {(s.label, s.text) for s in rules_silver([text], "s", tmp_path, actor_phrases=True)[0].spans
            if s.label == "ACTOR"}
    assert wide == {("ACTOR", "تنظيم «داعش» الإرهابي")}
    assert short == wide  # the rules themselves now take the noun phrase (hasila.rules.tagger)
