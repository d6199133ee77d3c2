"""The gazetteer: the shipped place list, lookup, and PLACE spans in raw text."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from hasila.errors import UserError
from hasila.text.gazetteer import KINDS, Gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def spans(gaz: Gazetteer, text: str) -> list[str]:
    out = []
    for start, end, place in gaz.find_all(text):
        assert text[start:end] == text[start:end].strip(), "a span must not start or end on a space"
        out.append(text[start:end])
        assert place.kind in KINDS
    return out


def test_shipped_file_covers_the_kinds(gaz: Gazetteer) -> None:
    kinds = Counter(p.kind for p in gaz.places)
    assert kinds["governorate"] == 14
    assert {p.name for p in gaz.governorates()} >= {"إدلب", "حلب", "ريف دمشق", "دير الزور", "الحسكة", "القنيطرة"}
    assert 1500 <= kinds["town"] + kinds["village"] <= 2000  # OCHA communities of a village word included
    for kind in ("city", "camp", "neighbourhood", "region", "front", "site", "country", "district"):
        assert kinds[kind] > 0, kind
    names = set(gaz.names())
    for name in ("مخيم الركبان", "مخيم الهول", "مخيم اليرموك", "حي جوبر", "حي الوعر", "البادية",
                 "الغوطة الشرقية", "جبل الزاوية", "سهل الغاب", "منطقة خفض التصعيد", "تركيا", "لبنان",
                 "العراق", "سراقب", "خان شيخون"):
        assert name in names, name
    assert "اليرموك" in names  # an alias


def test_every_place_has_a_governorate_or_is_national(gaz: Gazetteer) -> None:
    govs = {p.name for p in gaz.governorates()}
    for p in gaz.places:
        if p.kind in ("town", "village", "city", "neighbourhood") and p.governorate:
            assert p.governorate in govs, p


def test_lookup_tolerates_spelling_and_clitics(gaz: Gazetteer) -> None:
    assert gaz.lookup("إدلب").kind == "governorate"
    assert gaz.lookup("ادلب").name == "إدلب"
    assert gaz.lookup("حماه").name == "حماة"
    assert gaz.lookup("بحلب").name == "حلب"
    assert gaz.lookup("مخيم الركبان").kind == "camp"
    assert gaz.lookup("الركبان").name == "مخيم الركبان"
    assert gaz.lookup("كفر نبل").name == "كفرنبل"
    assert gaz.lookup("كوباني").name == "عين العرب"  # the Kurdish name, an alias
    assert gaz.lookup("لغوطة الشرقية").name == "الغوطة الشرقية"  # the span of للغوطة الشرقية
    rural = gaz.lookup("ريف إدلب الجنوبي")
    assert rural is not None and rural.kind == "region" and rural.governorate == "إدلب"
    assert gaz.lookup("شيء ما") is None
    assert gaz.lookup("") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("قصف على بلدة سراقب بريف إدلب الجنوبي الشرقي", ["سراقب", "ريف إدلب الجنوبي الشرقي"]),
    ("في القصف الجوي الروسي على ريفي إدلب وحماة", ["ريفي إدلب وحماة"]),
    ("على ريفي إدلب الجنوبي والجنوبي الشرقي", ["ريفي إدلب الجنوبي والجنوبي الشرقي"]),
    ("وأحياء بمدينة حلب وريفها الجنوبي", ["حلب"]),
    ("في محافظة دير الزور وريف دير الزور الشرقي", ["دير الزور", "ريف دير الزور الشرقي"]),
    ("في حي جوبر وحيي القدم والتضامن", ["حي جوبر", "القدم", "التضامن"]),
    ("قرب مخيم اليرموك جنوب العاصمة دمشق", ["مخيم اليرموك", "دمشق"]),
    ("ضمن منطقة خفض التصعيد", ["منطقة خفض التصعيد"]),
    ("مواقع لهم بالبادية السورية وبادية الميادين", ["البادية السورية", "بادية الميادين"]),
    ("فروا إلى تركيا ولبنان", ["تركيا", "لبنان"]),
    ("الأجزاء الثلاثة للغوطة الشرقية", ["لغوطة الشرقية"]),  # ل + ال: the first ل is the clitic
    ("مقاتلون من قوات سوريا الديمقراطية", []),
    ("قضوا بِحَلَبَ وفي ريفِ إدلبَ الجنوبيِّ", ["حَلَبَ", "ريفِ إدلبَ الجنوبيِّ"]),
])
def test_find_all_marks_places_as_the_guide_does(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert spans(gaz, text) == expected


def test_find_all_offsets_point_into_the_raw_text(gaz: Gazetteer) -> None:
    text = "استشهد مدني في بلدة كفرنبل، وطفلان بريف حماة الشمالي."
    found = gaz.find_all(text)
    assert [(text[s:e], p.name) for s, e, p in found] == [("كفرنبل", "كفرنبل"),
                                                          ("ريف حماة الشمالي", "ريف حماة الشمالي")]
    start, _, _ = found[1]
    assert text[start - 1] == "ب"  # the clitic stays outside


def test_names_are_unique_and_include_aliases(gaz: Gazetteer) -> None:
    names = gaz.names()
    assert len(names) == len(set(names))
    assert "ادلب" not in names  # spelling variants come from folding, not from the list


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "places.tsv"
    path.write_text("# comment\nname_ar\tkind\tgovernorate\tname_en\taliases\n" + body, encoding="utf-8")
    return path


def test_places_abroad_come_from_world_tsv(gaz: Gazetteer, tmp_path: Path) -> None:
    mosul = gaz.lookup("الموصل")
    assert mosul is not None and mosul.abroad and mosul.country == "العراق" and mosul.governorate is None
    assert not gaz.lookup("حلب").abroad
    assert {"العراق", "اليمن", "لبنان", "ليبيا", "مصر", "أفغانستان"} <= {p.name for p in gaz.of_kind("country")}
    syrian_only = Gazetteer.load(Path(gaz_dir(), "places.tsv"))
    assert syrian_only.lookup("الموصل") is None and len(syrian_only.places) < len(gaz.places)
    # a name in both files is the Syrian place
    syria = write(tmp_path, "الناصرة\tvillage\tحمص\t\t\n")
    world = tmp_path / "world.tsv"
    world.write_text("name_ar\tkind\tgovernorate\tname_en\taliases\nالناصرة\tcity\tإسرائيل\tNazareth\t\n",
                     encoding="utf-8")
    both = Gazetteer.load(syria, world)
    assert len(both.places) == 2 and not both.lookup("الناصرة").abroad


def gaz_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "data" / "gazetteer"


@pytest.mark.parametrize(("text", "expected"), [
    ("قصفت الطائرات مواقع في سورية أمس", ["سورية"]),
    ("عاد اللاجئون إلى سورية وتركيا", ["سورية", "تركيا"]),
    ("قاتل عناصر من جنسيات غير سورية", []),  # the adjective: non-Syrian nationalities
    ("شنت طائرات روسية وسورية غارات", []),
    ("دعمت فصائل سورية الهجوم", []),
])
def test_syria_spelled_with_ta_marbuta_is_no_adjective(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert spans(gaz, text) == expected


def test_load_small_file_and_errors(tmp_path: Path) -> None:
    g = Gazetteer.load(write(tmp_path, "حلب\tgovernorate\tحلب\tAleppo\t\nعندان\ttown\tحلب\t\tعندانة\n"))
    assert [p.name for p in g.places] == ["حلب", "عندان"]
    assert g.lookup("عندانة").name == "عندان"
    with pytest.raises(UserError, match="line 4: unknown kind 'hamlet'"):
        Gazetteer.load(write(tmp_path, "حلب\tgovernorate\tحلب\tAleppo\t\nقرية\thamlet\tحلب\t\t\n"))
    with pytest.raises(UserError, match="line 3: expected 5 tab-separated columns"):
        Gazetteer.load(write(tmp_path, "حلب\tgovernorate\n"))
    with pytest.raises(UserError, match="not found"):
        Gazetteer.load(tmp_path / "missing.tsv")


def test_a_name_written_with_no_break_spaces_is_one_place(gaz: Gazetteer) -> None:
    nbsp = "\u00a0"
    assert spans(gaz, f"قتل مدني بريف{nbsp}حماة{nbsp}الشمالي وفي جسر{nbsp}الشغور") == \
        [f"ريف{nbsp}حماة{nbsp}الشمالي", f"جسر{nbsp}الشغور"]


def test_turkish_districts_of_the_pkk_conflict_are_places_abroad(gaz: Gazetteer) -> None:
    names = set(gaz.names())
    for name in ("شمدينلي", "يوكسك أوفا", "بينغول", "شيرناك", "أغري"):
        assert name in names, name
    assert "قيصرية" not in names and "العثمانية" not in names  # a caesarean, the Ottoman state
