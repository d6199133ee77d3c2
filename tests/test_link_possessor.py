"""Members counted with a pronoun of their party take its side (:mod:`hasila.link.possessor`)."""

from __future__ import annotations

import pytest
from link_parts import ontology

from hasila.link import link
from hasila.link.possessor import party_kind
from hasila.rules.tagger import RulesTagger


def _cats(text: str) -> list[str]:
    return [r.category for r in link(text, RulesTagger.load().label(text).spans, ontology()).records]


@pytest.mark.parametrize(("text", "want"), [
    ("وقال الجيش التركي مساء الخميس إن 3 من جنوده قتلوا في ريف حلب.", ["foreign_forces"]),
    ("وقال الجيش التركي إن مسلحين قتلوا اثنين من جنوده في ريف الرقة.", ["foreign_forces"]),
    ("وأقرت هيئة تحرير الشام بمقتل 7 من عناصرها في ريف إدلب.", ["jihadist"]),
    ("وقتل 12 من قوات النظام في هجمات التنظيم، مقابل 30 من عناصره.", ["regime", "isis"]),
    ("وقتلت قوات سوريا الديمقراطية 9 من عناصر التنظيم، فيما خسرت 4 من مقاتليها.", ["isis", "sdf"]),
])
def test_members_with_a_pronoun_are_its_partys(text: str, want: list[str]) -> None:
    assert _cats(text) == want


def test_the_party_a_verb_of_saying_introduces_is_the_one_that_lost_them() -> None:
    """The accusing party, not the nearer accused one, lost the members (``اتهم … التحالف``)."""
    text = "اتهم الحشد الشعبي التحالف الدولي بشن غارة على موقع تابع له قرب الميادين، ما أدى لمقتل 9 من عناصره."
    assert _cats(text) == ["fighter"]


def test_a_speaker_of_an_earlier_clause_is_not_the_party() -> None:
    """The last verb of saying introduces another party: the nearest agreeing one lost them."""
    text = ("وأعلنت الفصائل تقدمها في سهل الغاب، وأعلن جيش العزة سيطرته على قريتين بعد اشتباكات مع قوات "
            "النظام أسفرت عن مقتل 20 من عناصرها.")
    assert _cats(text) == ["regime"]


def test_members_with_their_families_are_no_partys_toll() -> None:
    assert _cats("ووافق فيلق الرحمن على إجلاء سبعة آلاف من مقاتليه وعائلاتهم.") == ["people"]


@pytest.mark.parametrize(("text", "want"), [
    ("ودفع الجيش التركي خلال الشهر بأكثر من 7 آلاف جندي إلى ريف إدلب.", ["foreign_forces"]),
    ("ونشرت الولايات المتحدة نحو ألفي جندي في شرق سوريا.", ["foreign_forces"]),
    ("وأرسلت روسيا 500 عسكري إضافي إلى قاعدة حميميم.", ["foreign_forces"]),
    ("ونشر الجيش السوري 3 آلاف جندي في ريف إدلب.", ["regime"]),  # the state's own army in Syria
    ("وقصف الجيش التركي مواقع في ريف حلب ما أدى لمقتل 5 جنود.", ["regime"]),  # killed by it: not its own
])
def test_soldiers_a_foreign_state_sends_are_its_own(text: str, want: list[str]) -> None:
    assert _cats(text) == want


def test_abroad_a_states_soldiers_stay_other() -> None:
    """The party is read first; the guide's rule for soldiers abroad still applies after it."""
    assert _cats("قال الجيش الباكستاني إن 4 من جنوده أصيبوا في هجوم قرب بيشاور.") == ["other"]


def test_a_pronoun_that_agrees_with_no_party_changes_nothing() -> None:
    """``جنوده`` (his) after a feminine party only: no party agrees, the soldier noun keeps its kind;
    people nouns with a pronoun (their children) are not members."""
    assert _cats("وقالت قوات سوريا الديمقراطية إن 3 من جنوده قتلوا.") == ["regime"]
    assert _cats("وقال الجيش التركي إن 3 من أطفالهم قتلوا في القصف.") == ["child"]


@pytest.mark.parametrize(("phrase", "kind"), [
    ("الجيش التركي", "masculine"), ("تنظيم داعش", "masculine"), ("قوات النظام", "feminine"),
    ("هيئة تحرير الشام", "feminine"), ("الفصائل المقاتلة", "feminine"), ("أنقرة", "feminine"),
    ("الحوثيين", "people"), ("مسلحي الحوثي", "people"), ("والأكراد", "people"),
])
def test_the_pronoun_a_party_takes(phrase: str, kind: str) -> None:
    assert party_kind(phrase) == kind


@pytest.mark.parametrize(("text", "want"), [
    ("وصدت القوات هجوما لمسلحي الحوثيين على الجبل وقتلت 14 منهم.", ["fighter"]),
    ("وداهمت الشرطة وكرا لخلية من الجهاديين واعتقلت 6 منهم.", ["jihadist"]),
    ("واستهدف القصف تجمعا للصحفيين أمام المستشفى فأصيب ثلاثة منهم.", ["journalist"]),
    ("وطوقت القوات المنطقة واعتقلت العشرات منهم.", ["people"]),  # no one named before them
    ("وأطلقت قوات الأمن النار وأصابت 9 منهم.", ["people"]),  # the shooters are not the wounded
    ("وقصفت الطائرات رتلا تابعا للمتمردين وقتلت 12 عنصرا منهم.", ["fighter"]),  # a member noun too
])
def test_a_count_of_them_takes_the_people_named_before(text: str, want: list[str]) -> None:
    """``وقتلت 14 منهم`` with no noun and no total: the nearest people noun or group before it,
    when it names a side the state's forces fight or a kind of civilian."""
    assert _cats(text) == want


def test_others_after_a_state_s_own_soldiers_are_its_soldiers() -> None:
    """``أعلنت أنقرة مقتل 8 من جنودها وإصابة 13 آخرين``: the others told right after the state's
    own soldiers are its soldiers too (foreign forces in Syria), not the Syrian army."""
    assert _cats("وأعلن الجيش الروسي مقتل 4 من جنوده وإصابة 9 آخرين في ريف حماة.") == ["foreign_forces"] * 2
