"""What the words around a count say befell it (:class:`hasila.link.fate.FateWords`), on
made-up sentences."""

from __future__ import annotations

import pytest
from link_parts import ontology

from hasila.link import link


@pytest.mark.parametrize(("text", "statuses"), [
    # killed and wounded together in one figure: its noun joined to another status, or بين قتيل وجريح
    ("وخلف القصف عشرات القتلى والجرحى في البلدة.", ["other"]),
    ("وخلف القصف 40 قتيلا وجريحا في البلدة.", ["other"]),
    ("وسقط العشرات من عناصر الحرس بين قتيل وجريح في الغارة.", ["other"]),
    ("وأوقعت الغارة المئات من السكان بين شهيد وجريح.", ["other"]),
    ("وخلف القصف 40 قتيلا و70 جريحا في البلدة.", ["killed", "injured"]),  # each noun its own figure
    ("وانتهى الاشتباك بسقوط 6 قتلى وجرح عدد من المارة.", ["killed"]),  # the wounded a toll of their own
    ("ونقل إلى المشفى 9 قتلى و30 جريحا ضحايا الانفجار.", ["killed", "injured"]),  # no و before ضحايا
    # torture as the cause: the figure counts the dead, unless another fate is told between
    ("ووثقت المنظمة 12 شخصا تحت التعذيب في السجن.", ["killed"]),
    ("وقال التقرير إن 40 معتقلا بسبب التعذيب خلال الشهر.", ["killed"]),
    ("وقال التقرير إن 40 معتقلا تعرضوا للتعذيب خلال الشهر.", ["detained"]),
    ("واعتقلت الدورية 50 شخصا توفي ثلاثة منهم تحت التعذيب.", ["detained", "killed"]),
    # suicide attackers with a blast in their clause died; people said held after their noun
    ("وقالت الشرطة إن ثلاثة انتحاريين فجروا أحزمتهم قرب الحاجز.", ["killed"]),
    ("وأعلن الفصيل إطلاق سراح 16 شخصا كانوا محتجزين لديه.", ["detained"]),
    # مابين written as one word opens a killed-and-wounded pair like بين; beheading kills
    ("وسقط العشرات من عناصر الميليشيا مابين قتيل وجريح في القصف.", ["other"]),
    ("وأقدم عناصر التنظيم على نحر 3 رهائن في الساحة العامة.", ["killed"]),
    # a plural verb agreeing with the count before is that count's: the next count is neither
    # killed-and-wounded in one nor killed by it; a verb right before a count still governs it
    ("وذكرت الشرطة أن 9 مسلحين من العصابة قتلوا وجرح ثلاثة منهم خلال المداهمة.", ["killed", "injured"]),
    ("وقال المرصد إن 40 مدنيا قد قتلوا أمس في الحي الذي يحاصر فيه نحو 200 ألف نسمة.", ["killed", "other"]),
    ("وقالت المصادر إن المقاتلين قتلوا 5 من عناصر الميليشيا وجرحوا أكثر من 30 في الاشتباك.", ["killed", "injured"]),

    # a first verb with a person of its own before it (a bare singular noun) is not the count's
    ("وأفادت مصادر محلية بأن رجلا قتل وأصيب 8 مدنيين بنيران القناصة.", ["injured"]),
    ("وذكر البيان أن مسلحا قتل واعتقل 12 شخصا في عملية للشرطة.", ["detained"]),
    ("وقالت الشرطة إن القصف قتل وجرح 20 شخصا في السوق.", ["other"]),  # no subject: one mixed figure
    # the toll of the wounded is no killed-and-wounded pair; found bodies are the dead
    ("وبلغت حصيلة القتلى في الحي 120 شخصا، كما وصلت حصيلة الجرحى إلى 860 أشخاص.", ["killed", "injured"]),
    ("وعثر الرعاة على جثتين قرب مجرى النهر.", ["killed"]),
    # a verb right before a count, one word of where or when between, governs it, not the count before
    ("وكان الهجوم قد نفذه مسلحان وقتلا خلاله 19 سائحا أجنبيا.", ["other", "killed"]),
    ("وهاجم 3 مسلحين القرية وقتلوا فيها 12 مدنيا.", ["other", "killed"]),
    # one man's death told with his possessive: with a figure after مع they died with him; the
    # figure after the second verb (or the others of it) is not one killed-and-wounded toll
    ("ولقي القائد مصرعه مع 4 من مرافقيه في الكمين.", ["killed"]),
    ("وأفاد مسعفون بأن شابا لقي حتفه وأصيب العشرات بالرصاص.", ["injured"]),
    ("وذكر المصدر أن 12 عنصرا من الميليشيا قتلوا وجرح آخرون في المواجهات.", ["killed"]),
    ("ولقي الطيار مصرعه بعد إقلاع الطائرة التي كان على متنها 40 شخصا.", ["other"]),
    # a dual of the wounded counts itself, and is no second status of the noun before it
    ("وأعلن البيان حصيلة من ستة قتلى وجريحين بين الجنود.", ["killed", "injured"]),
    ("ونقل الجريحين إلى مستشفى المدينة.", ["injured"]),
])
def test_the_words_around_a_count_tell_its_fate(text: str, statuses: list[str]) -> None:
    assert [r.status for r in link(text, [], ontology()).records] == statuses


def test_slaughtered_people_are_killed() -> None:
    records = link("وبث التنظيم تسجيلا يظهر عناصره يذبحون ثلاثة رهائن، بعد أن ذبحوا 4 أشخاص قبلهم.", [], ontology()).records
    assert [r.status for r in records if r.value == 4] == ["killed"]


@pytest.mark.parametrize(("text", "statuses"), [
    ("وذكرت المصادر أن 9 جنود و14 مسلحا، قتلوا وأصيب 22 في الاشتباكات.", ["killed", "killed", "injured"]),
    ("وفي البلدة، قتل وأصيب 30 شخصا في الغارة.", ["other"]),  # as before: one toll of both
])
def test_a_plural_verb_after_a_comma_has_its_subject_before_it(text: str, statuses: list[str]) -> None:
    """``9 جنود و14 مسلحا، قتلوا وأصيب 22``: قتلوا agrees with the people told before the comma, so
    the 22 are the wounded, not a toll of dead and wounded (they were ``other``)."""
    assert [r.status for r in link(text, [], ontology()).records] == statuses
