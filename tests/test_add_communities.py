"""scripts/add_communities.py: which OCHA communities the tagger's gazetteer takes."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from hasila.rules.tagger import RulesTagger
from hasila.text.arabic import fold

_SPEC = importlib.util.spec_from_file_location(
    "add_communities", Path(__file__).resolve().parents[1] / "scripts" / "add_communities.py")
assert _SPEC is not None and _SPEC.loader is not None
add_communities = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(add_communities)


def _row(level: str, name: str, gov: str = "SY07") -> dict[str, str]:
    return {"level": level, "pcode": gov if level == "1" else f"C-{name}", "name_en": "x", "name_ar": name,
            "parent_pcode": "", "adm1_pcode": gov}


def test_only_new_names_of_two_words_or_more_after_a_village_word_are_added() -> None:
    rows = [_row("1", "إدلب", "SY07"), _row("4", "تل البرج"), _row("4", "الكوم"), _row("4", "سوق الخضار"),
            _row("4", "عين التينة"), _row("4", "كفر نبودة"), _row("4", "أم القرى"), _row("2", "تل النهر"),
            _row("4", "بيت ياشوط_عين قيطة")]
    lines = add_communities.communities(rows, known={fold("كفر نبودة")})
    assert [line.split("\t")[:3] for line in lines] == [["تل البرج", "village", "إدلب"],
                                                        ["عين التينة", "village", "إدلب"]]


def test_the_shipped_gazetteer_names_villages_of_that_shape() -> None:
    spans = RulesTagger.load().label("ودارت اشتباكات عنيفة في محيط تل حمكي وعين الكروم.").spans
    assert [s.text for s in spans if s.label == "PLACE"] == ["تل حمكي", "عين الكروم"]
