"""The rules tagger: actors, places, counts and the weak-label command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hasila.annotation.lsio import read_export, validate_doc
from hasila.annotation.ontology import Ontology
from hasila.cli import main
from hasila.errors import UserError
from hasila.link import LinkConfig
from hasila.rules.tagger import (
    ActorLexicon,
    RulesConfig,
    RulesTagger,
    find_actors,
    find_places,
    rules_label,
    rules_label_file,
)
from hasila.schema import records_from_doc
from hasila.text.gazetteer import Gazetteer, Place


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


@pytest.fixture(scope="module")
def actors() -> ActorLexicon:
    return ActorLexicon.from_phrases([("قوات النظام", "regime"), ("قوات النظام السوري", "regime"),
                                      ("المسلحين الموالين لها", "regime"), ("هيئة تحرير الشام", "jihadist")])


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer([Place("إدلب", "governorate"), Place("سراقب", "town", "إدلب"),
                      Place("حلب", "governorate"), Place("جوبر", "neighbourhood", "دمشق"),
                      Place("الريف الشمالي", "region"), Place("الريف الغربي", "region")])


def _texts(spans) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.text for s in spans]


def test_actor_lexicon_from_config() -> None:
    lex = ActorLexicon.load()
    surfaces = {p for p, _ in lex.phrases.values()}
    assert "قوات النظام" in surfaces and len(surfaces) > 30


def test_actor_lexicon_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "actors.yaml"
    bad.write_text("actors: {a: 1}\n", encoding="utf-8")
    with pytest.raises(UserError, match="must be a list"):
        ActorLexicon.load(bad)


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل عنصران بقصف لقوات النظام السوري.", ["قوات النظام السوري"]),
    ("اشتباكات بين قوات النظام والمسلحين الموالين لها وهيئة تحرير الشام", ["قوات النظام", "المسلحين الموالين لها",
                                                                        "هيئة تحرير الشام"]),
    ("قتل مدنيان في غارة لطائرات النظام الحربية.", ["طائرات النظام الحربية"]),
    ('قتل عنصران من تنظيم "الدولة الإسلامية" أمس.', ['تنظيم "الدولة الإسلامية"']),
    ("أطلق مسلحون مجهولون النار على المارة.", ["مسلحون مجهولون"]),
    ("قصفت إسرائيل مواقع عسكرية.", ["إسرائيل"]),
    ("وصل الوفد إلى إسرائيل أمس.", []),
    ("قصفت قوات التحالف الدولي بقيادة واشنطن البلدة.", ["قوات التحالف الدولي بقيادة واشنطن"]),
])
def test_find_actors(text: str, expected: list[str], actors: ActorLexicon) -> None:
    spans = find_actors(text, actors)
    assert _texts(spans) == expected
    assert all(text[s.start:s.end] == s.text for s in spans)


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل مدني في مدينة حلب.", ["حلب"]),
    ("قصف على بلدة سراقب بريف إدلب الجنوبي.", ["سراقب", "ريف إدلب الجنوبي"]),
    ("سقطت قذائف على حي جوبر ومخيم اليرموك.", ["حي جوبر", "مخيم اليرموك"]),
    ("قتل طفل في قرية تل الشيح.", ["تل الشيح"]),
    ("اشتباكات في ريفي إدلب وحلب.", ["ريفي إدلب وحلب"]),
    ("تقدمت القوات نحو سهل سراقب ومطار الحمدانية.", ["سهل سراقب", "مطار الحمدانية"]),  # landmark in the span
    ("احتدمت المعارك على جبهة حلب وجبهة الرمال.", ["جبهة حلب"]),  # جبهة only before a known place
    ("وصلت التعزيزات إلى محور سراقب.", ["سراقب"]),  # محور stays out (the team gold)
    ("قصفت الطائرات الريف الشمالي الشرقي لإدلب.", ["الريف الشمالي الشرقي لإدلب"]),
    ("قصفت الطائرات الريف الغربي لمحافظة حلب.", ["الريف الغربي لمحافظة حلب"]),
])
def test_find_places(text: str, expected: list[str], gazetteer: Gazetteer) -> None:
    spans = find_places(text, gazetteer)
    assert _texts(spans) == expected
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_meetings_and_papers_named_after_places_are_no_places() -> None:
    gaz = Gazetteer([Place("بروكسل", "city", None, "Brussels", (), "بلجيكا", abroad=True),
                     Place("الشرق الأوسط", "region", abroad=True), Place("حلب", "governorate", "حلب")])
    assert _texts(find_places("وعد مؤتمر بروكسل بمساعدات لأهالي حلب", gaz)) == ["حلب"]
    assert _texts(find_places("وصل الوفد إلى بروكسل", gaz)) == ["بروكسل"]
    assert _texts(find_places("وقال مسؤول لـ«الشرق الأوسط» إن", gaz)) == []
    assert _texts(find_places("تشهد دول الشرق الأوسط توترا", gaz)) == ["الشرق الأوسط"]


def test_a_game_named_like_a_quarter_is_no_place() -> None:
    gaz = Gazetteer([Place("حي القدم", "neighbourhood", "دمشق", aliases=("القدم",))])
    text = "وسقطت القذيفة قرب ملعب لكرة القدم في حي القدم، وأغلق نادي كرة القدم أبوابه."
    assert _texts(find_places(text, gaz)) == ["حي القدم"]
    # فكرة (an idea) is no ball
    assert _texts(find_places("وتراجعت فكرة القدم عن المشروع.", gaz)) == ["القدم"]


def test_a_news_desk_named_after_a_place_is_no_place() -> None:
    gaz = Gazetteer([Place("سوريا", "country"), Place("حلب", "governorate", "حلب")])
    assert _texts(find_places("وقال «مكتب أخبار سوريا» إن القصف طال حلب", gaz)) == ["حلب"]
    assert _texts(find_places("وقالت شبكة اخبار سوريا إن", gaz)) == []
    assert _texts(find_places("وتتكرر أخبار سوريا اليومية في", gaz)) == ["سوريا"]  # no desk: a place


def test_a_country_after_an_accusative_noun_is_its_people_s_adjective() -> None:
    tagger = RulesTagger.load()
    spans = tagger.label("قتل 25 جنديا سوريا في الهجوم، وعاد إلى سوريا 30 شخصا").spans
    assert [(s.label, s.text) for s in spans if s.label in ("PLACE", "CATEGORY")] == \
        [("CATEGORY", "جنديا سوريا"), ("PLACE", "سوريا"), ("CATEGORY", "شخصا")]


def test_a_country_shaped_adjective_after_a_noun_is_no_place() -> None:
    tagger = RulesTagger.load()
    text = "أفادت وسائل إعلام سورية بأن الحملة طالت سبع مدن تركية، وفي سورية، وعلى الحدود بين سورية والعراق"
    spans = tagger.label(text).spans
    assert [s.text for s in spans if s.label == "PLACE"] == ["سورية", "سورية", "العراق"]


def test_places_without_gazetteer() -> None:
    assert _texts(find_places("قتل مدني في مدينة كفرنبل.", None)) == ["كفرنبل"]


def test_rules_label_sentence(gazetteer: Gazetteer, actors: ActorLexicon, ontology: Ontology) -> None:
    text = ("قتل 16 عنصراً على الأقل من قوات النظام في اشتباكات مع هيئة تحرير الشام بريف إدلب، "
            "كما قتل 9 مدنيين بينهم 4 أطفال جراء قصف قوات النظام على بلدة سراقب في 30 نوفمبر.")
    doc = rules_label(text, gazetteer, actors, ontology, doc_id="s1")
    assert validate_doc(doc) == []
    for s in doc.spans:
        assert text[s.start:s.end] == s.text and s.text == s.text.strip()
    assert len({s.id for s in doc.spans}) == len(doc.spans)
    recs = records_from_doc(doc)
    assert [(r.text, r.value, r.category, r.qualifier) for r in recs] == [
        ("16", 16, "regime", "at_least"), ("9", 9, "civilian", "exact"), ("4", 4, "child", "exact")]
    assert recs[2].part_of == recs[1].id
    assert recs[0].affiliation == "قوات النظام" and recs[0].category_text == "عنصراً"
    assert recs[1].perpetrator == "قوات النظام" and recs[1].location == "سراقب"
    assert "30" not in [r.text for r in recs]


def test_partitive_group_is_a_category_not_an_actor(actors: ActorLexicon, ontology: Ontology) -> None:
    doc = rules_label("قتل 1778 من قوات النظام والمسلحين الموالين لها.", None, actors, ontology)
    labels = [(s.label, s.text) for s in doc.spans]
    assert ("COUNT", "1778") in labels
    assert [t for lab, t in labels if lab == "CATEGORY"] == ["قوات النظام والمسلحين الموالين لها"]
    assert records_from_doc(doc)[0].category == "regime"
    # a member noun between من and the group: the partitive group after من is all of it (the guide)
    for text, category, cid in [("قتل 14 من عناصر قوات النظام في الكمين.", "عناصر قوات النظام", "regime"),
                                ("قتل 6 من مقاتلي الفصائل في الكمين.", "مقاتلي الفصائل", "fighter"),
                                ("قتل 6 من مسلحي داعش في الكمين.", "مسلحي داعش", "isis")]:
        doc = rules_label(text, None, actors, ontology)
        assert [s.text for s in doc.spans if s.label == "CATEGORY"] == [category], text
        assert not [s for s in doc.spans if s.label == "ACTOR"], text
        assert records_from_doc(doc)[0].category == cid, text


@pytest.mark.parametrize(("text", "expected"), [
    ("وهاجم مقاتلو المعارضة نقطة عسكرية صباح اليوم.", ["مقاتلو المعارضة"]),
    ("وتقدمت عناصر هيئة تحرير الشام المتشددة نحو التلة.", ["عناصر هيئة تحرير الشام المتشددة"]),
    ("وطارد الجهاديين المحليين في الوادي.", ["الجهاديين المحليين"]),  # a bare category noun takes its adjective
    ("ودعا الجهاديين للتواري عن الأنظار.", ["الجهاديين"]),  # لل + a verbal noun is no adjective
    ("وقدم الدعم لـقوات النظام في التلة.", ["قوات النظام"]),  # the clitic's tatweel stays out
    ("وانسحبت عناصر تابعة لـقوات النظام من التلة.", ["عناصر تابعة لـقوات النظام"]),  # the group it backs
    ("وقصفت مروحيات تابعة للنظام البلدة.", ["مروحيات تابعة للنظام"]),
    ("وهاجمت القوات الموالية للحكومة البلدة.", ["القوات الموالية للحكومة"]),
    ("وانضمت جماعات أخرى مرتبطة بهيئة تحرير الشام.", ["جماعات أخرى مرتبطة بهيئة تحرير الشام"]),
    ("وانضمت فصائل مقربة من هيئة تحرير الشام.", ["فصائل مقربة من هيئة تحرير الشام"]),
    # a state of the group (indefinite after definite) and counted things are no backed group
    ("وتقدمت القوات السورية مدعومة من المروحيات الروسية نحو التلال.", ["القوات السورية", "المروحيات الروسية"]),
    ("وأصيبت سبع طائرات تابعة لقوات النظام.", ["قوات النظام"]),
    ("وقال إن هؤلاء الجهاديين انسحبوا.", ["هؤلاء الجهاديين"]),  # a demonstrative before a group
    ("وقصف طيران الائتلاف الدولي المدينة.", ["طيران الائتلاف الدولي"]),
    ("وقال حلفاء واشنطن إن القصف توقف.", ["حلفاء واشنطن"]),
    ("وتقدمت القوات التركية والموالية لها نحو البلدة.", ["القوات التركية والموالية لها"]),
    ("وقال إن المتطرفين الفرنسيين عادوا.", ["المتطرفين الفرنسيين"]),
    ("وتقدمت وحدات قوات النظام نحو التلة.", ["وحدات قوات النظام"]),  # a group noun before the name
    ("وسلم السلاح للفرقة 47 في المنطقة.", ["لفرقة 47"]),  # a unit's number, after ل + ال
    ("وهاجمت مجموعات من هيئة تحرير الشام الحاجز.", ["مجموعات من هيئة تحرير الشام"]),
    ("قتل 5 عناصر من هيئة تحرير الشام.", ["هيئة تحرير الشام"]),  # counted: عناصر is the CATEGORY
    ("وهاجمت هيئة تحرير الشام المتطرفة القرية.", ["هيئة تحرير الشام المتطرفة"]),  # an adjective, not the noun after
    ("واشتبكت معهم قوات النظام الأخرى.", ["قوات النظام الأخرى"]),
    ("ونفذت خلايا هيئة تحرير الشام الهجوم.", ["خلايا هيئة تحرير الشام"]),  # a head noun before the name
    ("وشاركت فصائل أخرى في الهجوم على التلة.", ["فصائل أخرى"]),  # indefinite adjectives of kind and size
    ("وقصفت قوات التحالف التي تقودها الولايات المتحدة القرية.", ["قوات التحالف التي تقودها الولايات المتحدة"]),
    ("وقاتلت هيئة تحرير الشام المعروفة باسم النصرة سابقا في البلدة.",
     ["هيئة تحرير الشام المعروفة باسم النصرة"]),  # another name of the same party
    ("وانسحبت فصائل رئيسية أخرى من الاتفاق.", ["فصائل رئيسية أخرى"]),
    ("وتقدمت فصائل مختلفة نحو البلدة.", ["فصائل مختلفة"]),
    ("وطوقت القوة الأمنية الحي بعد الاشتباك.", ["القوة الأمنية"]),  # a security force, in the singular
])
def test_actor_spans_take_the_noun_phrase(text: str, expected: list[str], actors: ActorLexicon,
                                          ontology: Ontology) -> None:
    doc = rules_label(text, None, actors, ontology)
    assert [s.text for s in doc.spans if s.label == "ACTOR"] == expected


def test_rules_labeller_on_seed(shared: Path) -> None:
    fixture = json.loads((Path(__file__).parent / "fixtures" / "seed_gold.json").read_text(encoding="utf-8"))
    text = (shared / "seed" / "report.txt").read_text(encoding="utf-8")
    doc = RulesTagger.load().label(text, "seed")
    gold_counts = [s for s in fixture["spans"] if s["label"] == "COUNT"]
    recs = records_from_doc(doc)
    assert [(r.start, r.end) for r in recs] == [(s["start"], s["end"]) for s in gold_counts]
    assert [r.category for r in recs] == [s["category_id"] for s in gold_counts]
    assert validate_doc(doc) == []


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_rules_label_file(tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "in.jsonl", [
        {"id": "a", "text": "قتل 5 مدنيين بقصف قوات النظام.", "source": "x"},
        {"id": "b", "text": "نفذت الطائرات 25 غارة."},
    ])
    out = tmp_path / "out.json"
    assert rules_label_file(src, out, RulesConfig(model_version="rules-test")) == 2
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert [t["predictions"][0]["model_version"] for t in tasks] == ["rules-test", "rules-test"]
    res = read_export(out, source="predictions")
    assert not res.errors
    assert [d.id for d in res.docs] == ["a", "b"]
    assert [r.value for r in records_from_doc(res.docs[0])] == [5]
    assert records_from_doc(res.docs[1]) == []
    assert res.docs[0].meta.get("source") == "x"


def test_rules_label_file_bad_line(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "قتل 5 مدنيين."}\nnot json\n', encoding="utf-8")
    with pytest.raises(UserError, match="line 2"):
        rules_label_file(src, tmp_path / "out.json")
    assert not (tmp_path / "out.json").exists()


def test_rules_label_file_missing_text(tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "in.jsonl", [{"id": "a"}])
    with pytest.raises(UserError, match="line 1: no 'text'"):
        rules_label_file(src, tmp_path / "out.json")


def test_cli_weak_label(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "قتل 5 مدنيين بينهم طفلان."}])
    out = tmp_path / "out.json"
    code = main(["weak-label", "--input", str(src), "--output", str(out),
                 "--set", "model_version=rules-cli", "--set", "link.rules_fallback=true"])
    assert code == 0 and out.exists()
    assert "1 reports" in capsys.readouterr().out
    doc = read_export(out, source="predictions").docs[0]
    assert [(r.value, r.category) for r in records_from_doc(doc)] == [(5, "civilian"), (2, "child")]


def test_cli_weak_label_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["weak-label", "--input", str(tmp_path / "none.jsonl"), "--output", str(tmp_path / "o.json")]) == 2
    assert "not found" in capsys.readouterr().err
    src = _jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "قتل 5 مدنيين."}])
    assert main(["weak-label", "--input", str(src), "--output", str(tmp_path / "o.json"),
                 "--set", "link.nonsense=1"]) == 2


def test_config_types() -> None:
    cfg = RulesConfig()
    assert isinstance(cfg.link, LinkConfig) and cfg.link.rules_fallback


@pytest.mark.parametrize(("text", "label"), [
    ("وقدمت ألمانيا دعما عسكريا لتركيا في حربها.", "ACTOR"),  # to Turkey: the state
    ("وقتل جنديان بتركيا أمس.", "PLACE"),  # in Turkey: the place
    ("وفر آلاف إلى تركيا.", "PLACE"),
])
def test_a_state_after_la_is_a_party_after_bi_a_place(text: str, label: str) -> None:
    doc = RulesTagger.load().label(text)
    assert [s.label for s in doc.spans if s.text == "تركيا"] == [label]


@pytest.mark.parametrize(("text", "name", "label"), [
    ("ونفت دمشق أي صلة لها بالهجوم.", "دمشق", "ACTOR"),  # the government, speaking
    ("وهو الاتهام الذي نفته دمشق مرارا.", "دمشق", "ACTOR"),
    ("ووعدت فرنسا بمساعدات جديدة للنازحين.", "فرنسا", "ACTOR"),
    ("وقتل ثلاثة مدنيين في قصف قرب دمشق.", "دمشق", "PLACE"),  # the city
    ("ويعيش آلاف اللاجئين في فرنسا منذ سنوات.", "فرنسا", "PLACE"),
    ("وقالت حلب إن", "حلب", "PLACE"),  # a town, not a state: no party
    # a state dealt with after مع is a party, unless a border word comes before مع
    ("وأعلن الفصيل استعداده لمفاوضات مباشرة مع روسيا في جنيف.", "روسيا", "ACTOR"),
    ("واستأنفت الحكومة علاقاتها الدبلوماسية مع دمشق قبل أشهر.", "دمشق", "ACTOR"),
    ("وتقع البلدة على الحدود مع تركيا.", "تركيا", "PLACE"),
    ("ونزح الآلاف إلى القرى الحدودية مع الأردن.", "الأردن", "PLACE"),
    ("وتقدم الجيش، مدعوما من روسيا، نحو البلدة.", "روسيا", "ACTOR"),  # the backer
    ("وتشكلت الجبهة بدعم مباشر من تركيا في الشمال.", "تركيا", "ACTOR"),
    ("وعاد مئات اللاجئين من تركيا إلى البلدة.", "تركيا", "PLACE"),
    ("ونزح الآلاف قرب المعبر الحدودي المغلق مع الأردن.", "الأردن", "PLACE"),  # a border word further back
    ("شهدت تركيا أمس هجوما داميا.", "تركيا", "PLACE"),  # what befell it: where it happened
    # a state known only as a party (no place of the gazetteer) keeps its label after مع / مدعوم من
    ("وتخوض الجماعة مفاوضات صعبة مع واشنطن منذ أشهر.", "واشنطن", "ACTOR"),
    ("وقال إن المجلس الجديد مدعوم من واشنطن منذ تأسيسه.", "واشنطن", "ACTOR"),
    ("ووصل الوزير أمس من واشنطن إلى عمان.", "واشنطن", "PLACE"),  # where he came from
    ("وفي واشنطن، قال متحدث إن المحادثات مستمرة.", "واشنطن", "PLACE"),
    # more verbs a state is the subject of
    ("وطردت تونس السفير بعد أشهر من الأزمة.", "تونس", "ACTOR"),
    ("وتوصلت فرنسا إلى تسوية مع الفصيل.", "فرنسا", "ACTOR"),
    ("وقتل المدنيون في غارات شنتها دمشق على البلدة.", "دمشق", "ACTOR"),
])
def test_a_state_named_right_after_its_verb_acts(text: str, name: str, label: str | None) -> None:
    doc = RulesTagger.load().label(text)
    assert [s.label for s in doc.spans if s.text == name] == ([label] if label else [])


@pytest.mark.parametrize("respell", [
    lambda t: t.replace(" ", "\u00a0"),  # no-break spaces
    lambda t: t.replace("قوات", "قُوّاتُ").replace("الحكومية", "الحكوميّة"),  # diacritics
    lambda t: t.replace("الحكومية", "الحكوميه").replace("إسلامية", "إسلاميه"),  # ه for a final ة
])
def test_the_labels_do_not_depend_on_how_an_outlet_spells(respell, gazetteer: Gazetteer, ontology: Ontology) -> None:  # type: ignore[no-untyped-def]
    text = "قتل 16 عنصراً من قوات النظام السوري الحكومية في اشتباكات مع فصائل إسلامية مقاتلة بريف إدلب الجنوبي."
    actors = ActorLexicon.from_phrases([("قوات النظام", "regime")])
    plain, other = (rules_label(t, gazetteer, actors, ontology) for t in (text, respell(text)))
    words = [(s.label, s.text.split()) for s in plain.spans]
    assert ("ACTOR", ["قوات", "النظام", "السوري", "الحكومية"]) in words
    assert ("ACTOR", ["فصائل", "إسلامية", "مقاتلة"]) in words
    assert [(s.label, len(s.text.split())) for s in other.spans] == [(s.label, len(s.text.split())) for s in plain.spans]
    assert [(r.value, r.category, r.affiliation is not None) for r in records_from_doc(other)] == \
        [(r.value, r.category, r.affiliation is not None) for r in records_from_doc(plain)] == [(16, "regime", True)]


def test_the_rules_draw_places_and_glued_heads_as_the_model_s_decoding_does() -> None:
    tagger = RulesTagger.load()
    text = "وبعد بدء هجوم لقوات الحكومة على الغوطة، تعطل أنبوب في شرق تركيا وعادت الطائرة إلى قاعدة ديار بكر."
    spans = [(s.label, s.text) for s in tagger.label(text).spans if s.label in ("ACTOR", "PLACE")]
    assert ("ACTOR", "قوات الحكومة") in spans  # the head after its clitic ل
    assert ("PLACE", "تركيا") in spans  # after a direction: the place, not the state
    assert ("PLACE", "قاعدة ديار بكر") in spans  # the place's head noun


@pytest.mark.parametrize(("text", "label", "span"), [
    ("وقتل أربعة في حلب، وضحية واحدة في حمص.", "CATEGORY", "ضحية"),  # the glued و stays outside
    ("وقتل 9 أشخاص بينهم سيدتان و3 أخريات، وفتيان اثنان.", "CATEGORY", "فتيان"),
    ("وبلغ عدد القتلى 1200 سوريًا خلال الشهر.", "CATEGORY", "سوريًا"),  # nunation: Syrians, no place
])
def test_clitics_and_nunation_in_the_rules_spans(text: str, label: str, span: str) -> None:
    doc = RulesTagger.load().label(text)
    assert span in [s.text for s in doc.spans if s.label == label]
    assert not [s for s in doc.spans if s.label == "PLACE" and "\u064b" in s.text]


@pytest.mark.parametrize(("text", "actor"), [
    ("وبدأت تلك القوات التقدم نحو البلدة بعد القصف.", "تلك القوات"),
    ("وقالت المصادر إن هذه الفصائل رفضت الاتفاق.", "هذه الفصائل"),
    ("وانسحبت هذه الوحدات من القرية ليلا.", "هذه الوحدات"),
])
def test_a_group_pointed_back_to_by_a_demonstrative_is_an_actor(text: str, actor: str) -> None:
    doc = RulesTagger.load().label(text)
    assert [(s.label, s.text) for s in doc.spans if s.label == "ACTOR"] == [("ACTOR", actor)]


def test_a_single_group_pointed_back_to_is_no_actor() -> None:
    doc = RulesTagger.load().label("وتنشط هذه المجموعة في ريف المدينة منذ عامين.")
    assert [s for s in doc.spans if s.label == "ACTOR"] == []


@pytest.mark.parametrize(("text", "actor"), [
    ("واندلعت اشتباكات بين الفصائل ومسلحين محليين في البلدة.", "مسلحين محليين"),
    ("وتسيطر على الحي مجموعات مسلحة معارضة منذ عامين.", "مجموعات مسلحة معارضة"),
    ("وتقاتل قوات النظام ومقاتلون موالون لها على جبهة الساحل.", "مقاتلون موالون لها"),
    ("وتحاصر البلدة ميليشيات طائفية منذ الشتاء.", "ميليشيات طائفية"),
    ("وتنشط في المنطقة التنظيمات الجهادية منذ سنوات.", "التنظيمات الجهادية"),
    ("وحذر التقرير من أن المجموعة المتطرفة تعيد تنظيم صفوفها.", "المجموعة المتطرفة"),
    ("وتدعم دول غربية بعض الفصائل بالسلاح.", "دول غربية"),
    ("وسيطر مقاتلون معارضون على التلة بعد معارك.", "مقاتلون معارضون"),
    ("وأعلن الفصيل المعارض انسحابه من الجبهة.", "الفصيل المعارض"),
    # names of parties as reports spell them
    ("وتقدمت قوات سوريا الديموقراطية في ريف المدينة الشرقي.", "قوات سوريا الديموقراطية"),
    ("وتبنى بي كيه كيه الهجوم على المخفر.", "بي كيه كيه"),
])
def test_a_party_named_or_described_by_a_group_noun_is_an_actor(text: str, actor: str) -> None:
    doc = RulesTagger.load().label(text)
    assert actor in [s.text for s in doc.spans if s.label == "ACTOR"]


def test_a_counted_group_noun_with_a_describing_word_stays_the_count_s_noun() -> None:
    doc = RulesTagger.load().label("وقتل 12 مقاتلين محليين في الاشتباكات.")
    assert [(s.label, s.text) for s in doc.spans] == [("COUNT", "12"), ("CATEGORY", "مقاتلين محليين")]


@pytest.mark.parametrize("actor", ["قوات الرئيس بشار الأسد", "حكومة الرئيس السوري", "نظام الرئيس الأسد"])
def test_the_president_s_forces_and_government_are_one_actor(actor: str) -> None:
    doc = RulesTagger.load().label(f"وقال المتحدث إن {actor} صعدت هجماتها على الريف.")
    assert [(s.label, s.text) for s in doc.spans if s.label == "ACTOR"] == [("ACTOR", actor)]


def test_an_actor_phrase_a_number_counts_is_the_count_s_noun() -> None:
    doc = RulesTagger.load().label("وتصاعد التوتر بعد مقتل عشرات الجنود الأتراك في غارة على إدلب.")
    assert ("CATEGORY", "الجنود الأتراك") in [(s.label, s.text) for s in doc.spans]
    assert [s.count.category_id for s in doc.spans if s.label == "COUNT" and s.count] == ["foreign_forces"]


def test_the_t4_base_is_named_as_reports_name_it() -> None:
    doc = RulesTagger.load().label("وتعرضت قاعدة التيفور العسكرية لغارات جديدة فجر اليوم.")
    assert [(s.label, s.text) for s in doc.spans if s.label == "PLACE"] == [("PLACE", "قاعدة التيفور العسكرية")]


@pytest.mark.parametrize(("text", "actor"), [
    ("وأعلن المسؤول انسحاب المقاتلين من التلة بعد يومين من الحصار.", "المقاتلين"),
    ("وتقدم المقاتلون الأكراد نحو الجسر تحت غطاء جوي.", "المقاتلون الأكراد"),
    ("ويخشى المسؤولون عودة المقاتلين الأجانب إلى بلدانهم.", "المقاتلين الأجانب"),
])
def test_the_fighters_as_a_party_are_an_actor(text: str, actor: str) -> None:
    doc = RulesTagger.load().label(text)
    assert [(s.label, s.text) for s in doc.spans if s.label == "ACTOR"] == [("ACTOR", actor)]


@pytest.mark.parametrize("text", [
    "وغادر آلاف المقاتلين والمدنيين الحي في قافلة طويلة.",
    "واحتجزت الدورية ثمانية من المقاتلين عند الحاجز.",
    "وشارك «مئات» المقاتلين في الهجوم على التلة.",
])
def test_fighters_a_number_counts_are_no_actor(text: str) -> None:
    doc = RulesTagger.load().label(text)
    assert [s for s in doc.spans if s.label == "ACTOR"] == []


@pytest.mark.parametrize(("text", "actors", "places"), [
    ("وأرسلت بريطانيا وكندا وفرنسا سفنا إلى المتوسط.", ["بريطانيا", "كندا", "فرنسا"], []),
    ("ووقعت كل من تركيا وروسيا مذكرة تفاهم جديدة.", ["تركيا", "روسيا"], []),
    ("وعاد الوزير من جولة في تركيا وروسيا دامت أسبوعا.", [], ["تركيا", "روسيا"]),
])
def test_states_joined_by_and_play_one_role(text: str, actors: list[str], places: list[str]) -> None:
    doc = RulesTagger.load().label(text)
    assert [s.text for s in doc.spans if s.label == "ACTOR"] == actors
    assert [s.text for s in doc.spans if s.label == "PLACE"] == places


@pytest.mark.parametrize(("text", "actor"), [
    ("وانتشر الجيش والشرطة في شوارع المدينة بعد التفجير.", "الجيش والشرطة"),
    ("وشنت وحدات الشرطة والجيش الأردنيين حملة دهم واسعة.", "وحدات الشرطة والجيش الأردنيين"),
])
def test_the_army_and_the_police_joined_by_and_are_one_actor(text: str, actor: str) -> None:
    doc = RulesTagger.load().label(text)
    assert [s.text for s in doc.spans if s.label == "ACTOR"] == [actor]


@pytest.mark.parametrize(("text", "actor"), [
    ("وتصدى الجيش الحر وفصائل متحالفة معه للهجوم على التلة.", "فصائل متحالفة معه"),
    ("وانسحبت الفرقة 17 مشاة من مواقعها شرق المدينة.", "الفرقة 17 مشاة"),
])
def test_allies_with_their_pronoun_and_a_unit_s_arm_belong_to_the_actor(text: str, actor: str) -> None:
    doc = RulesTagger.load().label(text)
    assert actor in [s.text for s in doc.spans if s.label == "ACTOR"]


@pytest.mark.parametrize(("text", "actor"), [
    ("وشنت أربع مقاتلات اف-16 من سلاح الجو الأردني غارات على مواقع قرب الحدود.", "مقاتلات اف-16 من سلاح الجو الأردني"),
    ("وحلقت طائرات إف-35 أمريكية فوق الحدود صباحا.", "طائرات إف-35 أمريكية"),
    ("وأغارت مقاتلات روسية من طراز سو-34 على الجسر.", "مقاتلات روسية من طراز سو-34"),
])
def test_warplanes_named_with_their_model_are_one_actor(text: str, actor: str) -> None:
    doc = RulesTagger.load().label(text)
    assert [s.text for s in doc.spans if s.label == "ACTOR"] == [actor]


def test_an_air_base_is_no_al_qaeda() -> None:
    doc = RulesTagger.load().label("وأقلعت الطائرات من القاعدة الجوية قرب الحدود.")
    assert not [s for s in doc.spans if s.label == "ACTOR" and "القاعدة" in s.text]


@pytest.mark.parametrize(("text", "noun"), [
    ("وأفرجت السلطات عن 40 سجينا من سجن المدينة.", "سجينا"),
    ("وجرى تبادل 12 أسيرا بين الطرفين.", "أسيرا"),
    ("وكانت الحافلة تقل 25 راكبا عند انفجار العبوة.", "راكبا"),
])
def test_prisoners_and_passengers_are_the_count_s_noun(text: str, noun: str) -> None:
    doc = RulesTagger.load().label(text)
    assert ("CATEGORY", noun) in [(s.label, s.text) for s in doc.spans]


def test_the_new_actor_phrases_hold_with_diacritics_and_no_break_spaces() -> None:
    tagger = RulesTagger.load()
    planes = tagger.label("وقامت مُقاتِلاتٌ اف-16 مِن سِلاحِ الجوِّ الأردني بقصف المواقع.")
    assert [s.text for s in planes.spans if s.label == "ACTOR"] == ["مُقاتِلاتٌ اف-16 مِن سِلاحِ الجوِّ الأردني"]
    states = tagger.label("وأرسلت الولايات المتحدة\u00a0وبريطانيا سفنا إلى المتوسط.")
    assert [s.text for s in states.spans if s.label == "ACTOR"] == ["الولايات المتحدة", "بريطانيا"]
    forces = tagger.label("وانتشر الجيشُ وَالشرطةُ في شوارع المدينة بعد التفجير.")
    assert [s.text for s in forces.spans if s.label == "ACTOR"] == ["الجيشُ وَالشرطةُ"]


@pytest.mark.parametrize(("text", "actor"), [
    # a programme's adjective after a state is not the party's
    ("وتعهدت الدول بوقف برنامج إيران النووي بأي ثمن.", "إيران"),
    ("وناقش الوزراء برنامج طهران الصاروخي في الاجتماع.", "طهران"),
    # a name in quotes ends at its closing quote; a head before the quotes takes the adjective after
    ("واتهم البيان «حزب الله» اللبناني بقصف البلدة.", "حزب الله"),
    ('ودعا الوزير إلى إخراج "وحدات حماية الشعب" الكردية نحو شرق النهر.', "وحدات حماية الشعب"),
    ("واتهم البيان حزب الله اللبناني بقصف البلدة.", "حزب الله اللبناني"),
    ("واتهم البيان تنظيم «داعش» الإرهابي بقصف البلدة.", "تنظيم «داعش» الإرهابي"),
])
def test_an_actor_ends_where_its_name_does(text: str, actor: str) -> None:
    spans = RulesTagger.load().label(text).spans
    assert [s.text for s in spans if s.label == "ACTOR"] == [actor]


def test_a_pocket_is_no_part_of_the_place_it_names() -> None:
    spans = RulesTagger.load().label("وتواصلت المعارك في جيب هجين قرب الحدود.").spans
    assert [s.text for s in spans if s.label == "PLACE"] == ["هجين"]


def test_a_party_allied_with_or_inside_another_is_one_actor_phrase() -> None:
    """``المتحالفون مع واشنطن``, ``المنضوية في جيش الفتح``: the party named after the participle
    belongs to the phrase, as after ``المدعومة من``."""
    tagger = RulesTagger.load()
    for text, want in [("وانسحب المقاتلون الأكراد المتحالفون مع واشنطن من القرية.",
                        ["المقاتلون الأكراد المتحالفون مع واشنطن"]),
                       ("هاجمت الفصائل المنضوية في جيش الفتح مواقع قوات النظام.",
                        ["الفصائل المنضوية في جيش الفتح", "قوات النظام"])]:
        assert [s.text for s in tagger.label(text).spans if s.label == "ACTOR"] == want


def test_a_party_named_again_by_its_head_noun_is_an_actor(actors: ActorLexicon) -> None:
    """``هيئة تحرير الشام`` … ``انسحبت الهيئة``: the party again, its article's clitic outside;
    not before the name (another body) nor as a description right after it."""
    text = ("واجتمعت الهيئة العليا للمفاوضات أمس. وهاجمت هيئة تحرير الشام القرية، وقالت هيئة تحرير الشام، "
            "الهيئة الأقوى في المنطقة، إن عناصرها تقدموا، ثم انسحبت الهيئة منها وعادت بعدها ولالهيئة فيها مقر.")
    found = [s.text for s in find_actors(text, actors)]
    assert found == ["هيئة تحرير الشام", "هيئة تحرير الشام", "الهيئة", "الهيئة"]
    assert text[find_actors(text, actors)[-1].start - 2:find_actors(text, actors)[-1].start] == "ول"


def test_militias_bound_to_a_party_named_before_are_an_actor(actors: ActorLexicon) -> None:
    """``والميليشيات التابعة له``, ``المتحالفة معها``, ``القوات الموالية لها``: a party of its own
    after the one they serve, each its own span."""
    text = ("وقالت قوات النظام إن الميليشيات التابعة له تقدمت، ثم انسحبت القوات الموالية لها "
            "والمليشيات المتحالفة معها من التلة.")
    found = [s.text for s in find_actors(text, actors)]
    assert found == ["قوات النظام", "الميليشيات التابعة له", "القوات الموالية لها", "المليشيات المتحالفة معها"]


def test_iran_s_militias_however_spelled_are_loyal_militias() -> None:
    """``ميليشيات إيران``, ``مليشيات إيرانية``: the actors the lexicon gives the government's side."""
    tagger = RulesTagger.load()
    text = "وقتل 12 عنصرا من ميليشيات إيران في القصف، واستهدفت الطائرات مواقع مليشيات إيرانية قرب المطار."
    doc = tagger.label(text)
    assert [s.text for s in doc.spans if s.label == "ACTOR"] == ["ميليشيات إيران", "مليشيات إيرانية"]
    assert [r.category for r in records_from_doc(doc)] == ["regime"]


@pytest.mark.parametrize("party", ["قوات الحوثي", "قوات الحوثي وصالح", "قوات المخلوع صالح", "ميليشيات صالح"])
def test_the_houthis_and_saleh_s_forces_are_fighters(party: str) -> None:
    """The Houthis' and the former president's forces, however named, are one armed party (``fighter``)."""
    tagger = RulesTagger.load()
    doc = tagger.label(f"وأصيب 12 عنصرا من {party} في المواجهات قرب المدينة.")
    assert [s.text for s in doc.spans if s.label == "ACTOR"] == [party]
    assert [r.category for r in records_from_doc(doc)] == ["fighter"]
