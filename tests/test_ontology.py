"""Tests for hasila.annotation.ontology: loading, validation and lookups of the category ontology."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from hasila.annotation.ontology import Ontology, find_numbers, key
from hasila.errors import UserError
from hasila.fileio import project_root


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return Ontology.load()


def _tiny(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "version": 1,
        "fallback": "people",
        "neutral_nouns": ["عنصر"],
        "categories": {
            "child": {"singular": ["طفل"], "plural": ["أطفال"], "groups": ["الأطفال"]},
            "people": {"singular": ["شخص"], "plural": ["أشخاص"]},
        },
    }
    data.update(extra)
    return data


def test_ids_and_fallback(onto: Ontology) -> None:
    assert onto.ids[0] == "child"
    assert set(onto.ids) >= {"people", "civilian", "child", "woman", "man", "combatant", "regime",
                             "fighter", "jihadist", "isis", "sdf", "foreign_forces", "rescue",
                             "medic", "journalist", "other"}
    assert onto.fallback == "people"


NOUNS = [
    ("مدني", "civilian"),
    ("مدنياً", "civilian"),
    ("مدنيا", "civilian"),
    ("المدنيين", "civilian"),
    ("والمدنيين", "civilian"),
    ("طفل", "child"),
    ("أطفال", "child"),
    ("الاطفال", "child"),
    ("للأطفال", "child"),
    ("طفلاً", "child"),
    ("طفلين", "child"),
    ("مواطنة", "woman"),
    ("مواطنه", "woman"),  # ha for ta marbuta
    ("مواطنات", "woman"),
    ("امرأة", "woman"),
    ("نساء", "woman"),
    ("رجال", "man"),
    ("مقاتل", "fighter"),
    ("مقاتلاً", "fighter"),
    ("مسلحا", "combatant"),
    ("شخص", "people"),
    ("شخصًا", "people"),
    ("قتيلاً", "people"),
    ("قتلى", "people"),
    ("جندي", "regime"),
    ("صحفي", "journalist"),
    ("ناشط إعلامي", "journalist"),
    ("طبيب", "medic"),
    ("الجهاديين", "jihadist"),
    ("الدفاع المدني", "rescue"),
    ("جنود روس", "foreign_forces"),
    ("مقاتلا مواليا", "regime"),
    ("قتيلاً من الطرفين", "combatant"),
    ("ضابطان", "regime"),  # a dual derived from a listed singular
    ("رجلان", "man"),
    ("مسعفتان", "rescue"),
    ("تلميذا", "civilian"),
    ("متظاهرين", "people"),
    ("تكفيريا", "jihadist"),
    ("عنصر", None),  # neutral
    ("عناصر", None),
    ("عنصراً", None),
    ("سيارة", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "cid"), NOUNS)
def test_category_of_noun(onto: Ontology, text: str, cid: str | None) -> None:
    assert onto.category_of_noun(text) == cid


GROUPS = [
    ("المسلحين الموالين لها", "regime"),
    ("قوات النظام والمسلحين الموالين لها", "regime"),
    ("قوات النظام", "regime"),
    ("لقوات النظام", "regime"),
    ("طائرات النظام الحربية", "regime"),
    ("الجهاديين", "jihadist"),
    ('من "الجهاديين"', "jihadist"),
    ("هيئة تحرير الشام", "jihadist"),
    ("الدفاع المدني", "rescue"),
    ("منظومة الإسعاف", "rescue"),
    ("فرق الإنقاذ", "rescue"),
    ("من الطرفين", "combatant"),
    ("الطرفين", "combatant"),
    ("تنظيم الدولة الإسلامية", "isis"),
    ("داعش", "isis"),
    ("قوات سوريا الديمقراطية", "sdf"),
    ("الفصائل المقاتلة والإسلامية", "fighter"),
    ("الفصائل", "fighter"),
    ("الطائرات الروسية", "foreign_forces"),
    ("القوات التركية", "foreign_forces"),
    ("من المسعفين", "rescue"),  # no group: the head noun
    ("الجيش", "regime"),
    ("الجيش والشرطة", "regime"),
    ("الجيش الحر", "fighter"),
    ("مدينة إدلب", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "cid"), GROUPS)
def test_category_of_group(onto: Ontology, text: str, cid: str | None) -> None:
    assert onto.category_of_group(text) == cid


@pytest.mark.parametrize(
    ("text", "neutral"),
    [("عنصر", True), ("عناصر", True), ("عنصرا", True), ("والعناصر", True), ("أفراد", True), ("فردا", True),
     ("مدني", False), ("عنصر من قوات النظام", False)],
)
def test_is_neutral_noun(onto: Ontology, text: str, neutral: bool) -> None:
    assert onto.is_neutral_noun(text) is neutral


def test_forms_derive_article_and_clitics(onto: Ontology) -> None:
    forms = onto.forms("child")
    assert "طفل" in forms["singular"]
    assert "الطفل" in forms["definite"] and "الأطفال" in forms["definite"]
    assert "وطفل" in forms["clitic"] and "للأطفال" in forms["clitic"]
    assert not any(f.startswith("ال") and f.endswith("اً") for f in forms["definite"])
    for form in forms["definite"] + forms["clitic"]:
        assert onto.category_of_noun(form) == "child", form
    with pytest.raises(KeyError):
        onto.forms("nope")


def test_round_trip(onto: Ontology, tmp_path: Path) -> None:
    data = onto.to_dict()
    again = Ontology.from_dict(json.loads(json.dumps(data, ensure_ascii=False)))
    assert again == onto
    assert again.to_dict() == data
    path = tmp_path / "cats.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert Ontology.load(path) == onto


def test_dual_keys_rule(onto: Ontology) -> None:
    duals = onto.dual_keys
    for word in ("طفلين", "طفلان", "شخصين", "عنصرين", "مواطنتين", "امرأتان", "مدنيان", "مقاتلان",
                 "جنديين", "قتيلين"):
        assert key(word) in duals, word
    for word in ("مدنيين", "مقاتلين", "مسلحين", "مصابين", "صحفيين", "عسكريين", "مواطنين"):
        assert key(word) not in duals, word  # also plurals
    assert key("طالبان") not in duals  # a group's name (the Taliban), though طالب + ان


def test_find_numbers_uses_ontology_duals(onto: Ontology) -> None:
    text = "قتل طفلين ومدنيين"
    assert [m.text for m in find_numbers(text)] == ["طفلين"]
    assert [m.text for m in find_numbers(text, duals=onto.dual_keys)] == ["طفلين"]


def test_tiny_ontology_loads() -> None:
    onto = Ontology.from_dict(_tiny())
    assert onto.ids == ("child", "people")
    assert onto.category_of_noun("الطفل") == "child"
    assert onto.category_of_group("من الأطفال") == "child"
    assert onto.is_neutral_noun("عنصر")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"colour": "red"}, "unknown key(s) colour"),
        ({"fallback": "nobody"}, "fallback 'nobody'"),
        ({"categories": {"child": {"singular": ["طفل"], "plurals": ["أطفال"]},
                         "people": {}}}, "unknown key(s) plurals"),
        ({"categories": {"child": {"singular": ["طفل"]}, "people": {"singular": ["طفل"]}}},
         "'طفل' in child and people"),
        ({"categories": {"child": {"singular": ["فتاة"]}, "people": {"singular_f": ["فتاه"]}}},
         "in child and people"),
        ({"categories": {"child": {"groups": ["الأطفال"]}, "people": {"plural": ["أطفال"]}}},
         "'الاطفال' in child and people"),
        ({"neutral_nouns": ["شخص"]}, "in neutral_nouns and people"),
        ({"categories": {}}, "non-empty mapping"),
        ({"categories": {"bad id": {}, "people": {}}}, "bad id"),
        ({"categories": {"child": {"singular": "طفل"}, "people": {}}}, "expected a list"),
        ({"categories": {"child": {"singular": [""]}, "people": {}}}, "empty cue word"),
    ],
)
def test_validation_errors(change: dict[str, Any], message: str) -> None:
    with pytest.raises(UserError, match=re.escape(message)):
        Ontology.from_dict(_tiny(**change), source="cats.yaml")


def test_load_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="not found"):
        Ontology.load(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("categories: [unclosed\n", encoding="utf-8")
    with pytest.raises(UserError, match=re.escape("bad.yaml")):
        Ontology.load(bad)


# ---------------------------------------------------------------- how categories relate (issue 13)

def test_relations_come_from_the_config(onto: Ontology) -> None:
    assert onto.armed == {"combatant", "fighter", "jihadist", "isis", "sdf", "regime", "foreign_forces"}
    assert onto.compatible("child", "civilian") and onto.compatible("child", "woman")
    assert not onto.compatible("regime", "civilian") and not onto.compatible("civilian", "child")
    assert onto.compatible("people", "child") and onto.compatible("child", "other")
    assert onto.disjoint("child", "woman") and onto.disjoint("regime", "fighter")
    assert not onto.disjoint("woman", "isis") and not onto.disjoint("isis", "woman")  # either way
    assert not onto.disjoint("people", "regime") and not onto.disjoint("child", "child")


def test_a_new_category_states_its_relations(onto: Ontology, caplog) -> None:
    data = onto.to_dict()
    data["categories"]["guard"] = {"plural": ["حراس"], "armed": True, "overlaps": ["man"]}
    data["categories"]["man"]["parts"].append("guard")
    grown = Ontology.from_dict(data)
    assert "guard" in grown.armed and grown.compatible("guard", "man") and not grown.disjoint("guard", "man")
    data["categories"]["guard"]["parts"] = ["warden"]  # a renamed or missing id: said, and dropped
    assert Ontology.from_dict(data).parts("guard") == {"guard"}
    assert "unknown id(s), ignored: warden" in caplog.text


def test_an_ontology_saved_without_relations_takes_the_project_ones(onto: Ontology, caplog) -> None:
    data = onto.to_dict()
    del data["any_part"], data["broad"]
    for body in data["categories"].values():
        for k in ("armed", "parts", "overlaps"):
            del body[k]
    old = Ontology.from_dict(data, source="models/x/categories.yaml")
    assert old.armed == onto.armed and old.any_part == onto.any_part
    assert all(old.parts(c) == onto.parts(c) for c in onto.ids)
    assert "no category relations" in caplog.text


def test_actor_names_are_groups_of_their_category(onto: Ontology) -> None:
    """configs/actors.yaml is the one list of actor names: the ontology reads them as groups."""
    actors = yaml.safe_load((project_root() / "configs/actors.yaml").read_text(encoding="utf-8"))["actors"]
    cats = yaml.safe_load((project_root() / "configs/categories.yaml").read_text(encoding="utf-8"))["categories"]
    listed = {key(g) for body in cats.values() for g in body.get("groups") or []}
    for actor in actors:
        for name in actor["names"]:
            for form in name.split("|"):
                assert key(form) not in listed, f"{form} is listed in both files"
                assert onto.category_of_group(form) == actor["category"], form
    assert onto.category_in_syria("عناصر حزب الله العراقي") == "regime"


def test_groups_from_merges_and_names_a_clash(tmp_path: Path) -> None:
    actors = tmp_path / "actors.yaml"
    actors.write_text("actors:\n  - {id: a, category: fighter, names: [جيش الفتح, 'الثوار|ثوار الشام']}\n",
                      encoding="utf-8")
    cats = tmp_path / "categories.yaml"
    cats.write_text(f"groups_from: {actors}\nany_part: [people]\nfallback: people\ncategories:\n"
                    "  people: {singular: [شخص]}\n  fighter: {groups: [الفصائل], armed: true}\n", encoding="utf-8")
    onto = Ontology.load(cats)
    assert [onto.category_of_group(x) for x in ("جيش الفتح", "ثوار الشام", "الفصائل")] == ["fighter"] * 3
    assert "groups_from" not in onto.to_dict()  # a saved ontology carries the merged groups
    assert Ontology.from_dict(onto.to_dict()).category_of_group("جيش الفتح") == "fighter"
    actors.write_text("actors:\n  - {id: a, category: people, names: [الفصائل]}\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"الفصائل.*people.*fighter"):
        Ontology.load(cats)
    cats.write_text(cats.read_text(encoding="utf-8").replace(str(actors), "missing.yaml"), encoding="utf-8")
    with pytest.raises(UserError, match=r"groups_from: missing\.yaml"):
        Ontology.load(cats)


def test_is_group_phrase(onto: Ontology) -> None:
    assert onto.is_group_phrase("الجيش والشرطة") and onto.is_group_phrase("قوات النظام")
    assert not onto.is_group_phrase("الجيش والفصائل") and not onto.is_group_phrase("")
