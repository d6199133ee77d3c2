"""Label Studio export reading/writing, scheme validation, the labelling config, `hasila validate`."""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from hasila import schema
from hasila.annotation.lsio import (
    category_ids,
    doc_to_task,
    docs_to_export,
    load_docs,
    read_export,
    validate_doc,
    write_export,
)
from hasila.annotation.markup import parse_markup
from hasila.cli import main
from hasila.errors import UserError
from hasila.schema import CountAttrs, Doc, Relation, Span

FIXTURES = Path(__file__).parent / "fixtures" / "ls"
VALID = FIXTURES / "valid_task.json"
CONFIG = Path(__file__).parent.parent / "annotations" / "label_config.xml"


def valid_task() -> dict[str, Any]:
    return copy.deepcopy(json.loads(VALID.read_text(encoding="utf-8"))[0])


def results(task: dict[str, Any]) -> list[dict[str, Any]]:
    return task["annotations"][0]["result"]


def region(task: dict[str, Any], rid: str, from_name: str = "label") -> dict[str, Any]:
    return next(r for r in results(task) if r.get("id") == rid and r["from_name"] == from_name)


def region_keys(tasks: list[dict[str, Any]], source: str = "annotations") -> tuple[set, set]:
    """Comparable sets of region results and relation results of an export."""
    regions, relations = set(), set()
    for t in tasks:
        for r in t[source][0]["result"]:
            if r["type"] == "relation":
                relations.add((t["id"], r["from_id"], r["to_id"], tuple(r["labels"]), r.get("direction")))
                continue
            v = r["value"]
            payload = tuple(v.get("labels") or v.get("choices") or [v.get("number")])
            regions.add((t["id"], r["id"], r["from_name"], v["start"], v["end"], v["text"], payload))
    return regions, relations


# ------------------------------------------------------------------ reading a valid task


def test_valid_fixture_reads_into_a_doc() -> None:
    res = read_export(VALID)
    assert res.errors == [] and res.tasks == 1
    (doc,) = res.docs
    assert doc.id == "fx-001"
    assert doc.meta == {"task_id": 7, "doc_id": "fx-001", "source": "hand-written fixture"}
    assert [s.id for s in doc.spans] == ["c1", "k1", "c2", "k2", "a1", "p1", "p2", "c3"]
    for s in doc.spans:
        assert doc.text[s.start : s.end] == s.text
    by_id = doc.span_by_id()
    assert by_id["c1"].count == CountAttrs(12, "killed", "exact", "civilian")
    assert by_id["c3"].count == CountAttrs(5, "injured", "exact", "people")
    assert by_id["a1"].count is None and by_id["a1"].label == "ACTOR"
    assert Relation("c2", "c1", "part_of") in doc.relations
    assert len(doc.relations) == 7
    assert schema.records_from_doc(doc)[1].part_of == "c1"


def test_read_export_takes_a_list_too() -> None:
    assert read_export([valid_task()]).docs == read_export(VALID).docs


def test_doc_id_falls_back_to_task_id() -> None:
    t = valid_task()
    del t["data"]["doc_id"]
    (doc,) = read_export([t]).docs
    assert doc.id == "7" and doc.meta["doc_id"] == "7" and doc.meta["task_id"] == 7


def test_first_non_cancelled_annotation_is_used() -> None:
    t = valid_task()
    cancelled = {"id": 1, "was_cancelled": True, "result": []}
    second = {"id": 2, "result": []}
    t["annotations"] = [cancelled, t["annotations"][0], second]
    (doc,) = read_export([t]).docs
    assert len(doc.spans) == 8


def test_task_without_annotation_is_an_error() -> None:
    t = valid_task()
    t["annotations"] = [{"id": 1, "was_cancelled": True, "result": []}]
    res = read_export([t])
    assert res.docs == [] and "no non-cancelled annotation" in str(res.errors[0])


def test_predictions_source_reads_first_prediction_with_scores() -> None:
    t = valid_task()
    pred = copy.deepcopy(t["annotations"][0])
    for r in pred["result"]:
        if r.get("from_name") == "label":
            r["score"] = 0.5
    t["predictions"] = [pred, {"result": []}]
    del t["annotations"]
    (doc,) = read_export([t], source="predictions").docs
    assert {s.score for s in doc.spans} == {0.5}
    assert read_export([t]).errors  # no annotations in this task


def test_left_relation_is_read_reversed() -> None:
    t = valid_task()
    rel = next(r for r in results(t) if r["type"] == "relation" and r["labels"] == ["part_of"])
    rel["from_id"], rel["to_id"], rel["direction"] = "c1", "c2", "left"
    (doc,) = read_export([t]).docs
    assert Relation("c2", "c1", "part_of") in doc.relations


def test_not_a_list_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"data": {}}', encoding="utf-8")
    with pytest.raises(UserError, match="list of tasks"):
        read_export(path)


# ------------------------------------------------------------------ one test per malformed case


def mutate(fn: Callable[[dict[str, Any]], None]) -> list[str]:
    """Apply ``fn`` to the valid task and return the error messages (the task must be skipped)."""
    t = valid_task()
    fn(t)
    res = read_export([t])
    assert res.docs == [], "an invalid task must be skipped"
    assert res.errors, "an invalid task must be reported"
    assert all(e.task == 7 for e in res.errors)
    return [str(e) for e in res.errors]


def set_offsets(t: dict[str, Any], rid: str, start: int, end: int) -> None:
    for r in results(t):
        if r.get("id") == rid:
            r["value"]["start"], r["value"]["end"] = start, end
            r["value"]["text"] = t["data"]["text"][start:end]


def test_offsets_out_of_range() -> None:
    def f(t: dict[str, Any]) -> None:
        n = len(t["data"]["text"])
        for r in results(t):
            if r.get("id") == "p2":
                r["value"]["start"], r["value"]["end"] = n - 2, n + 3
    (msg,) = mutate(f)
    assert "region p2" in msg and "out of range" in msg


def test_text_mismatch() -> None:
    (msg,) = mutate(lambda t: region(t, "a1")["value"].update(text="قوات المعارضة"))
    assert "region a1" in msg and "!=" in msg


def test_span_starting_on_space() -> None:
    def f(t: dict[str, Any]) -> None:
        v = region(t, "a1")["value"]
        set_offsets(t, "a1", v["start"] - 1, v["end"])
    (msg,) = mutate(f)
    assert "region a1" in msg and "whitespace" in msg


def test_span_ending_on_space() -> None:
    def f(t: dict[str, Any]) -> None:
        v = region(t, "p1")["value"]
        set_offsets(t, "p1", v["start"], v["end"] + 1)
    (msg,) = mutate(f)
    assert "region p1" in msg and "whitespace" in msg


def test_overlapping_spans() -> None:
    def f(t: dict[str, Any]) -> None:
        v = region(t, "p2")["value"]  # "ريف حماة" -> also label "حماة" alone
        start = v["start"] + 4
        results(t).insert(0, {"id": "p9", "from_name": "label", "to_name": "text", "type": "labels",
                              "value": {"start": start, "end": v["end"], "text": t["data"]["text"][start:v["end"]],
                                        "labels": ["PLACE"]}})
    (msg,) = mutate(f)
    assert "overlaps" in msg and "p2" in msg and "p9" in msg


def test_unknown_label() -> None:
    (msg,) = mutate(lambda t: region(t, "a1")["value"].update(labels=["PERSON"]))
    assert "region a1" in msg and "unknown label 'PERSON'" in msg


def test_unknown_category_id() -> None:
    (msg,) = mutate(lambda t: region(t, "c1", "category_id")["value"].update(choices=["civilians"]))
    assert "region c1" in msg and "unknown category id 'civilians'" in msg


def test_unknown_status() -> None:
    (msg,) = mutate(lambda t: region(t, "c3", "status")["value"].update(choices=["wounded"]))
    assert "region c3" in msg and "unknown status 'wounded'" in msg


def test_unknown_qualifier() -> None:
    (msg,) = mutate(lambda t: region(t, "c2", "qualifier")["value"].update(choices=["roughly"]))
    assert "region c2" in msg and "unknown qualifier 'roughly'" in msg


def test_relation_to_unknown_region() -> None:
    def f(t: dict[str, Any]) -> None:
        results(t).append({"from_id": "c3", "to_id": "a7", "type": "relation", "direction": "right",
                           "labels": ["perpetrator"]})
    (msg,) = mutate(f)
    assert "c3->a7" in msg and "unknown region 'a7'" in msg


def test_relation_with_wrong_endpoint_type() -> None:
    def f(t: dict[str, Any]) -> None:
        results(t).append({"from_id": "c3", "to_id": "p2", "type": "relation", "direction": "right",
                           "labels": ["perpetrator"]})
    (msg,) = mutate(f)
    assert "c3->p2" in msg and "COUNT -> ACTOR, not COUNT -> PLACE" in msg


def test_relation_from_a_non_count() -> None:
    def f(t: dict[str, Any]) -> None:
        results(t).append({"from_id": "a1", "to_id": "p1", "type": "relation", "direction": "right",
                           "labels": ["location"]})
    (msg,) = mutate(f)
    assert "not ACTOR -> PLACE" in msg


def test_unknown_relation_label() -> None:
    def f(t: dict[str, Any]) -> None:
        results(t).append({"from_id": "c3", "to_id": "a1", "type": "relation", "direction": "right",
                           "labels": ["caused_by"]})
    (msg,) = mutate(f)
    assert "unknown relation label 'caused_by'" in msg


def test_part_of_cycle() -> None:
    def f(t: dict[str, Any]) -> None:
        results(t).append({"from_id": "c1", "to_id": "c3", "type": "relation", "direction": "right",
                           "labels": ["part_of"]})
        results(t).append({"from_id": "c3", "to_id": "c2", "type": "relation", "direction": "right",
                           "labels": ["part_of"]})
    (msg,) = mutate(f)
    assert "part_of cycle" in msg and all(c in msg for c in ("c1", "c2", "c3"))


def test_part_of_self_loop() -> None:
    def f(t: dict[str, Any]) -> None:
        results(t).append({"from_id": "c3", "to_id": "c3", "type": "relation", "direction": "right",
                           "labels": ["part_of"]})
    (msg,) = mutate(f)
    assert "part_of cycle: c3 -> c3" in msg


def test_two_part_of_parents() -> None:
    def f(t: dict[str, Any]) -> None:
        results(t).append({"from_id": "c2", "to_id": "c3", "type": "relation", "direction": "right",
                           "labels": ["part_of"]})
    (msg,) = mutate(f)
    assert "region c2" in msg and "at most one" in msg


@pytest.mark.parametrize("control", ["value", "status", "qualifier", "category_id"])
def test_count_missing_an_attribute(control: str) -> None:
    def f(t: dict[str, Any]) -> None:
        t["annotations"][0]["result"] = [r for r in results(t)
                                         if not (r.get("id") == "c2" and r["from_name"] == control)]
    (msg,) = mutate(f)
    assert "region c2" in msg and f"COUNT lacks {control}" in msg


def test_count_without_any_attribute() -> None:
    def f(t: dict[str, Any]) -> None:
        t["annotations"][0]["result"] = [r for r in results(t)
                                         if not (r.get("id") == "c2" and r["from_name"] != "label")]
    (msg,) = mutate(f)
    assert "region c2" in msg and "COUNT lacks its attributes" in msg


def test_count_without_attributes_is_fine_when_not_required() -> None:
    t = valid_task()
    t["annotations"][0]["result"] = [r for r in results(t)
                                     if not (r.get("id") == "c2" and r["from_name"] != "label")]
    (doc,) = read_export([t], require_count_attrs=False).docs
    assert doc.span_by_id()["c2"].count is None


def test_attributes_on_a_non_count() -> None:
    def f(t: dict[str, Any]) -> None:
        v = region(t, "a1")["value"]
        results(t).append({"id": "a1", "from_name": "status", "to_name": "text", "type": "choices",
                           "value": {"start": v["start"], "end": v["end"], "text": v["text"], "choices": ["killed"]}})
    (msg,) = mutate(f)
    assert "region a1" in msg and "only COUNT" in msg


@pytest.mark.parametrize("number", [2.5, "12", None, True])
def test_non_integer_value(number: Any) -> None:
    (msg,) = mutate(lambda t: region(t, "c1", "value")["value"].update(number=number))
    assert "region c1" in msg and "not a whole number" in msg


def test_integral_float_value_is_accepted() -> None:
    t = valid_task()
    region(t, "c1", "value")["value"]["number"] = 12.0
    (doc,) = read_export([t]).docs
    assert doc.span_by_id()["c1"].count.value == 12  # type: ignore[union-attr]


def test_negative_value() -> None:
    (msg,) = mutate(lambda t: region(t, "c1", "value")["value"].update(number=-3))
    assert "region c1" in msg and "negative" in msg


def test_two_choices_for_one_attribute() -> None:
    (msg,) = mutate(lambda t: region(t, "c1", "status")["value"].update(choices=["killed", "injured"]))
    assert "exactly one choice" in msg


def test_attribute_offsets_differ_from_region() -> None:
    (msg,) = mutate(lambda t: region(t, "c1", "value")["value"].update(start=5))
    assert "region c1" in msg and "differ" in msg


def test_unknown_control() -> None:
    def f(t: dict[str, Any]) -> None:
        region(t, "c1", "status")["from_name"] = "state"
    msgs = mutate(f)
    assert any("unknown control from_name 'state'" in m for m in msgs)


def test_several_problems_of_one_task_are_all_listed() -> None:
    def f(t: dict[str, Any]) -> None:
        region(t, "a1")["value"]["labels"] = ["PERSON"]
        region(t, "c3", "status")["value"]["choices"] = ["wounded"]
        region(t, "c1", "value")["value"]["number"] = -1
    msgs = mutate(f)
    assert len(msgs) == 3
    assert any("PERSON" in m for m in msgs) and any("wounded" in m for m in msgs)
    assert any("negative" in m for m in msgs)


def test_invalid_task_does_not_stop_the_others() -> None:
    good, bad = valid_task(), valid_task()
    bad["id"], bad["data"]["doc_id"] = 8, "fx-002"
    region(bad, "a1")["value"]["labels"] = ["PERSON"]
    res = read_export([good, bad])
    assert [d.id for d in res.docs] == ["fx-001"]
    assert res.invalid_tasks == [8]


def test_duplicate_doc_id() -> None:
    a, b = valid_task(), valid_task()
    b["id"] = 8
    res = read_export([a, b])
    assert len(res.docs) == 1 and "already used by task 7" in str(res.errors[0])


def test_load_docs_raises_listing_every_error(tmp_path: Path) -> None:
    t = valid_task()
    region(t, "a1")["value"]["labels"] = ["PERSON"]
    region(t, "c1", "value")["value"]["number"] = -1
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([t], ensure_ascii=False), encoding="utf-8")
    with pytest.raises(UserError) as exc:
        load_docs(path)
    assert "PERSON" in str(exc.value) and "negative" in str(exc.value) and str(path) in str(exc.value)
    assert len(load_docs(VALID)) == 1


# ------------------------------------------------------------------ validate_doc on Docs


def test_validate_doc_accepts_markup_docs() -> None:
    doc = parse_markup("قتل [4|COUNT#c1 k=civilian cat=k1] [مدنيين|CATEGORY#k1] في [حلب|PLACE#p1]")
    assert validate_doc(doc) == []


def test_validate_doc_flags_attrs_on_non_count_and_duplicate_ids() -> None:
    doc = Doc("d", "في حلب اليوم", spans=[
        Span(3, 6, "PLACE", "حلب", id="x", count=CountAttrs(1, "killed", "exact", "people")),
        Span(7, 12, "PLACE", "اليوم", id="x"),
    ])
    msgs = [str(e) for e in validate_doc(doc)]
    assert any("only COUNT" in m for m in msgs) and any("more than one span" in m for m in msgs)
    assert all(m.startswith("task d") for m in msgs)


def test_category_ids_match_the_ontology(root: Path) -> None:
    data = yaml.safe_load((root / "configs" / "categories.yaml").read_text(encoding="utf-8"))
    assert category_ids() == set(data["categories"])
    assert {"people", "civilian", "child", "isis", "other"} <= category_ids()


# ------------------------------------------------------------------ writing and round trips


def test_round_trip_is_lossless(tmp_path: Path) -> None:
    docs = read_export(VALID).docs
    path = tmp_path / "out.json"
    write_export(path, docs)
    assert read_export(path).docs == docs
    assert region_keys(json.loads(path.read_text(encoding="utf-8"))) == region_keys([valid_task()])


def test_round_trip_of_hand_built_docs_with_scores(tmp_path: Path) -> None:
    text = "أصيب 3 مدنيين في إدلب"
    docs = [Doc("x1", text, spans=[
        Span(5, 6, "COUNT", "3", id="c1", score=0.9, count=CountAttrs(3, "injured", "at_least", "civilian")),
        Span(7, 13, "CATEGORY", "مدنيين", id="k1", score=0.7),
        Span(17, 21, "PLACE", "إدلب", id="p1", score=0.5),
    ], relations=[Relation("c1", "k1", "category"), Relation("c1", "p1", "location")],
        meta={"task_id": 3, "doc_id": "x1", "date": "2019-11-20"})]
    path = tmp_path / "pred.json"
    write_export(path, docs, kind="predictions", model_version="m-1")
    tasks = json.loads(path.read_text(encoding="utf-8"))
    pred = tasks[0]["predictions"][0]
    assert pred["model_version"] == "m-1" and pred["score"] == pytest.approx(0.7)
    assert tasks[0]["data"] == {"text": text, "doc_id": "x1", "date": "2019-11-20"}
    assert read_export(path, source="predictions").docs == docs


def test_writer_mirrors_the_region_format() -> None:
    doc = read_export(VALID).docs[0]
    task = doc_to_task(doc)
    assert task == valid_task() | {"annotations": [{"id": 7, "result": results(valid_task())}]}
    types = [(r["type"], r.get("from_name")) for r in task["annotations"][0]["result"][:5]]
    assert types == [("labels", "label"), ("number", "value"), ("choices", "status"),
                     ("choices", "qualifier"), ("choices", "category_id")]
    assert all(r["direction"] == "right" for r in task["annotations"][0]["result"] if r["type"] == "relation")


def test_writer_gives_ids_and_task_ids_when_missing() -> None:
    doc = Doc("r9", "قتل 2 في حمص", spans=[
        Span(4, 5, "COUNT", "2", count=CountAttrs(2, "killed", "exact", "people")),
        Span(9, 12, "PLACE", "حمص", id="r1"),
    ])
    (task,) = docs_to_export([doc])
    assert task["id"] == 1 and task["data"]["doc_id"] == "r9"
    ids = [r["id"] for r in task["annotations"][0]["result"]]
    assert ids[0] != "r1" and ids[-1] == "r1" and len(set(ids)) == 2
    (back,) = read_export([task]).docs
    assert back.id == "r9" and back.meta == {"task_id": 1, "doc_id": "r9"}


# ------------------------------------------------------------------ real gold (../shared)


@pytest.fixture(scope="module")
def dev_tasks(dev_gold_path: Path) -> list[dict[str, Any]]:
    return json.loads(dev_gold_path.read_text(encoding="utf-8"))


def test_dev_gold_reads_without_errors(dev_tasks: list[dict[str, Any]]) -> None:
    res = read_export(dev_tasks)
    assert res.errors == []
    assert len(res.docs) == len(dev_tasks) == 29
    records = sum(len(schema.records_from_doc(d)) for d in res.docs)
    assert records == 209  # the figure ../shared/README.md gives


def test_train_gold_reads_without_errors(shared: Path) -> None:
    path = shared / "real" / "train_gold.json"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    res = read_export(path)
    assert res.errors == [] and len(res.docs) == res.tasks >= 100  # 132 in the current release


def test_dev_gold_read_write_read_is_identical(dev_tasks: list[dict[str, Any]], tmp_path: Path) -> None:
    docs = read_export(dev_tasks).docs
    path = tmp_path / "dev.json"
    write_export(path, docs)
    assert read_export(path).docs == docs


def test_dev_gold_write_keeps_every_region(dev_tasks: list[dict[str, Any]]) -> None:
    written = docs_to_export(read_export(dev_tasks).docs)
    regions, relations = region_keys(written)
    want_regions, want_relations = region_keys(dev_tasks)
    assert regions == want_regions
    assert relations == want_relations
    assert [t["data"] for t in written] == [t["data"] for t in dev_tasks]


# ------------------------------------------------------------------ the labelling config


def config_root() -> ET.Element:
    return ET.parse(CONFIG).getroot()


def test_label_config_parses_and_names_every_control() -> None:
    root = config_root()
    names = {el.get("name") for el in root.iter() if el.get("name")}
    controls = {v for k, v in vars(schema).items() if k.startswith("CONTROL_")}
    assert controls == {"text", "label", "value", "status", "qualifier", "category_id"}
    assert controls <= names
    (text,) = root.iter("Text")
    assert text.get("name") == "text" and text.get("value") == "$text"
    for el in root.iter():
        if el.tag in ("Labels", "Number", "Choices"):
            assert el.get("toName") == "text"


def test_label_config_is_right_to_left() -> None:
    root = config_root()
    parents = {child: parent for parent in root.iter() for child in parent}
    (text,) = root.iter("Text")
    assert "direction: rtl" in (parents[text].get("style") or "")


def test_label_config_labels_and_relations() -> None:
    root = config_root()
    (labels,) = root.iter("Labels")
    assert labels.get("name") == "label"
    assert tuple(lab.get("value") for lab in labels) == schema.LABELS
    colours = [lab.get("background") for lab in labels]
    assert all(colours) and len(set(colours)) == len(colours)
    assert tuple(r.get("value") for r in root.iter("Relation")) == schema.RELATIONS


def test_label_config_choices_match_schema_and_ontology() -> None:
    root = config_root()
    choices = {c.get("name"): [x.get("value") for x in c.iter("Choice")] for c in root.iter("Choices")}
    assert set(choices) == {"status", "qualifier", "category_id"}
    assert tuple(choices["status"]) == schema.STATUSES
    assert tuple(choices["qualifier"]) == schema.QUALIFIERS
    assert len(choices["category_id"]) == len(set(choices["category_id"]))
    assert set(choices["category_id"]) == category_ids()
    per_region = [el for el in root.iter() if el.tag in ("Number", "Choices")]
    assert len(per_region) == 4 and all(el.get("perRegion") == "true" for el in per_region)
    (number,) = root.iter("Number")
    assert number.get("name") == "value" and number.get("min") == "0"


def test_label_config_validates_with_label_studio_sdk() -> None:
    li_mod = pytest.importorskip("label_studio_sdk.label_interface")
    li = li_mod.LabelInterface(CONFIG.read_text(encoding="utf-8"))
    li.validate()
    ann = valid_task()["annotations"][0]
    assert li.validate_annotation(ann)
    bad = copy.deepcopy(ann)
    region({"annotations": [bad]}, "c1", "status")["value"]["choices"] = ["dead"]
    assert not li.validate_annotation(bad)


def test_dev_gold_annotations_fit_the_config(dev_tasks: list[dict[str, Any]]) -> None:
    li_mod = pytest.importorskip("label_studio_sdk.label_interface")
    li = li_mod.LabelInterface(CONFIG.read_text(encoding="utf-8"))
    assert all(li.validate_annotation(t["annotations"][0]) for t in dev_tasks)


# ------------------------------------------------------------------ hasila validate


def test_validate_command_on_a_valid_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(VALID)]) == 0
    out = capsys.readouterr().out
    assert "1 tasks, 1 valid, 0 invalid" in out
    assert "ACTOR 1, PLACE 2, COUNT 3, CATEGORY 2" in out
    assert "category 2, part_of 1, affiliation 0, perpetrator 2, location 2" in out


def test_validate_command_reports_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = valid_task()
    bad["id"], bad["data"]["doc_id"] = 8, "fx-002"
    region(bad, "c3", "qualifier")["value"]["choices"] = ["roughly"]
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps([valid_task(), bad], ensure_ascii=False), encoding="utf-8")
    assert main(["validate", str(VALID), str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}: 2 tasks, 1 valid, 1 invalid" in out
    assert "error: task 8, region c3: unknown qualifier 'roughly'" in out


def test_validate_command_predictions_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "pred.json"
    write_export(path, read_export(VALID).docs, kind="predictions", model_version="t")
    assert main(["validate", str(path)]) == 1
    assert main(["validate", "--predictions", str(path)]) == 0
    assert "1 valid" in capsys.readouterr().out


def test_validate_command_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "does-not-exist.json"]) == 2
    assert "file not found" in capsys.readouterr().err


def test_read_export_accepts_json_lines(tmp_path) -> None:
    """A ``.jsonl`` path holds one task per line (what ``hasila synth`` writes for large sets)."""
    import json

    from hasila.annotation.markup import parse_markup

    docs = [parse_markup("قتل [3|COUNT#c1 k=civilian] في [حلب|PLACE#p1]", doc_id=f"j{i}") for i in range(3)]
    tasks = docs_to_export(docs)
    path = tmp_path / "tasks.jsonl"
    path.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in tasks), encoding="utf-8")
    res = read_export(path)
    assert res.errors == [] and [d.id for d in res.docs] == ["j0", "j1", "j2"]
    assert res.docs[0].spans == docs[0].spans
