"""The group the counted people belong to (:class:`hasila.link.affiliation.AffiliationReader`)."""

from __future__ import annotations

import pytest
from link_parts import nouns_read


def test_the_group_after_a_neutral_noun_decides_the_category() -> None:
    _, (c,) = nouns_read("قتل 12 عنصرا من قوات النظام في الهجوم.")
    assert (c.hint, c.group_cat, c.generic) == ("regime", "regime", False)


def test_an_actor_span_after_the_noun_is_the_affiliation() -> None:
    _, (c,) = nouns_read("قتل [12|COUNT k=regime] عنصرا من [قوات النظام|ACTOR] في الهجوم.")
    assert c.affiliation is not None and c.affiliation.text == "قوات النظام"
    assert c.hint == "regime"


def test_a_partitive_member_noun_takes_the_group_after_it() -> None:
    _, (c,) = nouns_read("قتل 5 من عناصر قوات النظام في الكمين.")
    assert c.hint == "regime" and c.partitive


def test_residents_keep_the_noun_s_kind() -> None:
    _, (c,) = nouns_read("نزح 250 شخصا من السكان إلى القرى المجاورة.")
    assert c.group_cat is None and c.hint == "people"


def test_a_bare_neutral_noun_counts_the_group_named_with_it_earlier() -> None:
    _, (c,) = nouns_read("هاجمت عناصر من قوات النظام الحاجز وقتل 3 عناصر.")
    assert c.hint == "regime"


def test_a_construct_dual_takes_the_kind_of_its_complement() -> None:
    # a tagger's COUNT span on the dual, or the rules' own number finder: two policemen
    for text in ("أصيب [ضابطي|COUNT v=2 k=other] شرطة بانفجار لغم قرب المعبر.", "أصيب ضابطي شرطة بانفجار لغم قرب المعبر."):
        _, (c,) = nouns_read(text)
        assert (c.value, c.kind, c.hint, c.group_cat) == (2, "dual", "other", "other")


def test_a_construct_dual_named_with_its_complement_as_a_group_takes_its_kind() -> None:
    """``رجلي أمن``: no group in أمن alone, the group list holds the phrase with the dual."""
    for text in ("واستشهد [رجلي|COUNT v=2 k=other] أمن عند الحاجز.", "واستشهد رجلي أمن عند الحاجز."):
        _, (c,) = nouns_read(text)
        assert (c.value, c.hint, c.group_cat) == (2, "other", "other")


def test_a_construct_dual_with_a_plural_after_it_is_no_count() -> None:
    _, nodes = nouns_read("نقلت جثتي شقيقين إلى المشفى.")
    assert [c.span.text for c in nodes] != ["جثتي"]


def test_whom_the_loyal_are_loyal_to_decides_their_side() -> None:
    # loyal to the government or its allies: regime; to Turkey: the factions it backs
    for text, side in (("قتل 6 مقاتلين موالين للنظام في الهجوم.", "regime"),
                       ("قتل 6 مقاتلين موالين لإيران في الهجوم.", "regime"),
                       ("قتل 6 مقاتلين موالين لتركيا في الهجوم.", "fighter"),
                       ("قتل 6 مقاتلين موالين في الهجوم.", "regime")):
        _, (c,) = nouns_read(text)
        assert c.hint == side, text
    # supporters of a cause belong to no side
    _, (c,) = nouns_read("أسفر التفجير عن مقتل 30 شخصا من الموالين للقضية في المدينة.")
    assert c.hint in (None, "people") and c.group_cat is None
    _, (c,) = nouns_read("قتل 9 من الموالين لها في الهجوم.")
    assert c.hint == "regime"


def test_a_group_glued_to_its_lam_is_the_count_s_group() -> None:
    from hasila.annotation.ontology import Ontology
    from hasila.link import link
    from hasila.schema import Span

    text = "وقتل 117 من القوات الموالية للنظام، مقابل 74 لعناصر الفصائل المقاتلة. وقتلت الحركة عشرين عنصرا لقوات النظام."

    def span(words: str, label: str, glued: int = 0) -> Span:
        i = text.index(words) + glued
        return Span(i, i + len(words) - glued, label, text[i:i + len(words) - glued])

    spans = [span("117", "COUNT"), span("القوات الموالية للنظام", "ACTOR"), span("74", "COUNT"),
             span("لعناصر الفصائل المقاتلة", "ACTOR", glued=1), span("عشرين", "COUNT"), span("عنصرا", "CATEGORY"),
             span("لقوات النظام", "ACTOR", glued=1)]
    recs = link(text, spans, Ontology.load()).records
    assert [(r.category, r.affiliation) for r in recs] == [
        ("regime", "القوات الموالية للنظام"), ("fighter", "عناصر الفصائل المقاتلة"), ("regime", "قوات النظام")]


def test_an_unknown_unit_tied_to_a_known_group_takes_its_side() -> None:
    _, (c,) = nouns_read("قتل [3|COUNT k=regime] عناصر من [اللواء العاشر|ACTOR] التابع لـ[الفيلق الخامس|ACTOR] في الريف.")
    assert c.affiliation is not None and c.affiliation.text == "اللواء العاشر"
    assert c.hint == "regime"


def test_a_side_joined_after_a_partitive_marked_whole_mixes_with_it() -> None:
    from hasila.annotation.ontology import Ontology
    from hasila.link import link
    from hasila.rules.tagger import RulesTagger

    tagger = RulesTagger.load(ontology=Ontology.load())
    text = 'وغادرت القافلة وعلى متنها العشرات من مقاتلي "فيلق الرحمن" والمدنيين نحو الشمال.'
    doc = tagger.label(text)
    assert 'مقاتلي "فيلق الرحمن"' in [s.text for s in doc.spans if s.label == "CATEGORY"]
    assert [r.category for r in link(text, doc.spans, Ontology.load()).records] == ["people"]


def test_every_side_of_a_list_after_an_actor_counts() -> None:
    """The groups after an ACTOR span, past a gloss in brackets: jihadists and the Islamic
    State together are fighters of several sides."""
    _, (c,) = nouns_read("وقتل [70|COUNT k=combatant] من مقاتلي [جبهة النصرة|ACTOR] (فرع القاعدة) و[تنظيم داعش|ACTOR] في الغارات.")
    assert c.hint == "combatant"
    _, (c,) = nouns_read("وقتل [70|COUNT k=combatant] مسلحا من [جبهة النصرة|ACTOR] (فرع القاعدة) و[تنظيم داعش|ACTOR] في الغارات.")
    assert c.hint == "combatant"


def test_an_actor_span_holding_its_member_noun_is_the_affiliation() -> None:
    """``عنصر من [عناصر ميليشيا حزب الله]``: an ACTOR span that begins with the member noun after
    من is the count's group; the member noun says nothing of the side (``من [مقاتلي الجبهة]``
    is the front named before)."""
    _, (c,) = nouns_read("وقتل [700|COUNT k=regime] [عنصر|CATEGORY] من [عناصر ميليشيا حزب الله|ACTOR] في المعارك.")
    assert c.affiliation is not None and c.affiliation.text == "عناصر ميليشيا حزب الله"
    assert c.hint == "regime"
    _, (c,) = nouns_read("وهاجمت [جبهة النصرة|ACTOR] الحاجز، وأطلقت الفصائل [ستة|COUNT k=jihadist v=6] "
                           "[عناصر|CATEGORY] من [مقاتلي الجبهة|ACTOR] في الصفقة.")
    assert c.hint == "jihadist"


def test_the_side_that_lost_a_toll_is_its_side() -> None:
    """``فقد التنظيم 22 قتيلا``, ``خسرت قوات النظام 14 عنصرا``: the side named right after the
    verb of losing suffered the toll; ``فقد 5 أشخاص`` (nobody named) says they went missing."""
    from hasila.annotation.ontology import Ontology
    from hasila.link import link, load_link_config
    from hasila.rules.tagger import RulesTagger

    def recs(text: str) -> list[tuple[str, str]]:
        spans = RulesTagger.load().label(text).spans
        return [(r.category, r.status) for r in link(text, spans, Ontology.load(), load_link_config()).records]

    assert recs("وخلال يومين من المعارك فقد تنظيم داعش 19 قتيلا قرب المطار.") == [("isis", "killed")]
    assert recs("وفي الليلة نفسها خسرت قوات النظام 11 عنصرا على أطراف البلدة.") == [("regime", "killed")]
    assert recs("وفقد 6 صيادين في العاصفة قبالة الساحل.") == [("civilian", "missing")]


def test_those_who_hold_the_detained_are_not_their_group() -> None:
    """``معتقل لدى قوات النظام``: held by them; ``عناصر لدى قوات النظام`` serve with them."""
    _, (c,) = nouns_read("مقابل إخلاء سبيل [1500|COUNT k=people] معتقل لدى [قوات النظام|ACTOR].")
    assert c.affiliation is None and c.hint == "people"
    _, (d,) = nouns_read("وقتل [5|COUNT k=regime] عناصر لدى [قوات النظام|ACTOR] في القصف.")
    assert d.affiliation is not None and d.hint == "regime"


@pytest.mark.parametrize(("text", "want"), [
    ("وقتل 6 يعتقد أنهم من تنظيم القاعدة في غارة على طريق مأرب.", "jihadist"),
    ("واعتقلت الشرطة رجلين يشتبه بأنهما عضوان في تنظيم داعش داخل شقة.", "isis"),
    ("وأصابت القذيفة ثلاثة أشخاص يرجح أنهم عناصر في قوات النظام عند الحاجز.", "regime"),
])
def test_the_group_they_are_thought_to_belong_to_is_theirs(text: str, want: str) -> None:
    """``N يعتقد أنهم من الجماعة``: past the verb of belief, its ``أنهم`` and a member noun."""
    (r,) = _records(text)
    assert r.category == want


def test_a_belief_about_what_befell_them_names_no_group() -> None:
    (r,) = _records("وتبحث الفرق عن 40 مفقودا يرجح أنهم غرقوا قبالة الشاطئ.")
    assert (r.category, r.affiliation) == ("people", None)


def _records(text: str) -> list:
    from hasila.annotation.ontology import Ontology
    from hasila.link import link, load_link_config
    from hasila.rules.tagger import RulesTagger

    return link(text, RulesTagger.load().label(text).spans, Ontology.load(), load_link_config()).records


@pytest.mark.parametrize(("text", "want"), [
    ("وقتل 9 من عناصر المتمردين قرب الجسر.", "fighter"),
    ("وأعلن الجيش قتل 11 عنصرا من القاعدة في وادي حضرموت.", "jihadist"),
    ("واعتقلت القوات 8 من أعضاء تنظيم القاعدة قرب الحدود.", "jihadist"),
    ("وأغارت الطائرات على معسكر وقتلت 5 من مقاتلي الشباب.", "jihadist"),
    ("وأصيب 6 جنود في القاعدة خلال القصف.", "regime"),  # a base, not al-Qaeda
])
def test_members_named_before_their_group(text: str, want: str) -> None:
    """A member noun (``عناصر``, ``أعضاء``, ``مقاتلي``) before a group: the group decides;
    al-Qaeda and al-Shabaab by their short names only after members or a partitive ``من``."""
    (r,) = _records(text)
    assert r.category == want


@pytest.mark.parametrize(("text", "want"), [
    ("وقتل 12 مسلحا مواليا لتنظيم داعش في قصف على الجزيرة.", "isis"),
    ("وأسر الجيش 4 من المقاتلين الموالين لتنظيم القاعدة قرب الوادي.", "jihadist"),
    ("وقتل 6 من المسلحين الموالين للحوثيين في تعز.", "fighter"),
    ("وأصيب 3 من المسلحين الموالين لقوات سوريا الديمقراطية في الحسكة.", "sdf"),
    ("وقتل 8 مسلحين موالين لأنقرة في عفرين.", "fighter"),
    ("وقتل 5 من المسلحين الموالين للنظام في حماة.", "regime"),
    ("وقتل 5 من المقاتلين الموالين في حماة.", "regime"),  # loyal, to no one named: the government's
])
def test_those_loyal_to_a_named_group_are_its_side(text: str, want: str) -> None:
    """``الموالين لتنظيم داعش``: the group named after the loyal word, else who ``cues.LOYAL_TO``
    says (the government's, Turkey's factions)."""
    (r,) = _records(text)
    assert r.category == want


@pytest.mark.parametrize(("text", "want"), [
    ("وقتلت الغارات 40 من تنظيم (داعش) قرب البوكمال.", "isis"),
    ("وقتل 15 من عناصر (داعش) في الاشتباكات.", "isis"),
    ("وقتلت الطائرات 300 من تنظيم (داعش) وجبهة النصرة في شهر.", "combatant"),
])
def test_a_group_s_name_in_brackets_after_its_head(text: str, want: str) -> None:
    """``تنظيم (داعش)``: the bracketed name is read with its head, and the group joined after
    the closing bracket with it."""
    (r,) = _records(text)
    assert r.category == want


@pytest.mark.parametrize(("text", "want"), [
    ("وأعلنت الوزارة أن 70 مواطنا انضموا إلى تنظيم داعش منذ عامين.", "isis"),
    ("وقالت الشرطة إن 9 شبان التحقوا بجبهة النصرة قبل مقتلهم.", "jihadist"),
    ("وأصيب 11 مسلحا يقاتلون إلى جانب قوات النظام قرب تدمر.", "regime"),
    # a toll of those who joined (its verb before it, the figure after the clause)
    ("ويبلغ عدد البلجيكيين الذين التحقوا بالجماعات الجهادية في سوريا نحو 500 شخص.", "jihadist"),
    ("وتقدر الوزارة عدد الأجانب الذين يقاتلون تحت لواء تنظيم داعش بـ12 ألف شخص.", "isis"),
    # guards: a town's population, and civilians with loyal gunmen, are people
    ("وتقع البلدة التي يبلغ عدد سكانها 12 ألف نسمة قرب الحدود.", "people"),
    ("وغادر البلدة 900 من المدنيين والمسلحين الموالين للحكومة.", "people"),
])
def test_those_who_joined_or_fight_with_a_group_are_its_side(text: str, want: str) -> None:
    """``انضموا إلى``, ``التحقوا``, ``يقاتلون إلى جانب`` after the noun name the group, as ``ينتمون
    إلى``, whatever the noun (citizens who joined the Islamic State are its members)."""
    (r,) = _records(text)
    assert r.category == want


@pytest.mark.parametrize(("text", "want"), [
    ("وقتلت الطائرة 9 عناصر آخرين من قوات سوريا الديمقراطية قرب منبج.", "sdf"),
    ("وأسر المقاتلون 6 جنود آخرين من الجيش التركي في المعركة.", "foreign_forces"),
])
def test_others_between_the_noun_and_its_group(text: str, want: str) -> None:
    """``عناصر آخرين من …``: ``آخرين`` after the noun is stepped over to the group."""
    (r,) = _records(text)
    assert r.category == want


@pytest.mark.parametrize(("text", "want"), [
    ("وقتل 12 عنصرا من الميليشيات الانقلابية في كمين جنوب المدينة.", "fighter"),
    ("وأسرت القوات 7 عناصر من ميليشيات التمرد قرب الوادي.", "fighter"),
    ("وقتل 16 من ميليشيات صالح والحوثي في المعارك.", "fighter"),
    ("وأسر الجيش ثلاثة عناصر حوثية في الجبل.", "fighter"),
    ("وقتلت الغارة 8 عناصر داعشية في الصحراء.", "isis"),
    ("وعثر السكان على عشرات الجثث الحوثية في الوادي.", "fighter"),
    ("وأصيب أحد العناصر الإرهابية في الاشتباك الليلي قرب الوادي.", "fighter"),
])
def test_yemen_s_rebel_militias_by_the_names_outlets_give_them(text: str, want: str) -> None:
    """The coup's and the rebellion's militias, Saleh's militias and an adjective of the side
    after the member noun name fighters of that side, not people."""
    (r,) = _records(text)
    assert r.category == want


@pytest.mark.parametrize(("text", "want"), [
    ("وهاجمت ميليشيات الحوثي موقعا للجيش. وقتل في الهجوم المضاد 14 عنصرا من الميليشيا.", "fighter"),
    ("وقصفت الميليشيات الإيرانية البلدة، وقتل 6 من الميليشيات في الرد.", "regime"),
    ("وقتل 6 من الميليشيات في الرد على القصف.", "people"),  # no militia named before: no side
])
def test_the_militia_alone_is_the_militia_named_before(text: str, want: str) -> None:
    """``من الميليشيا`` with no name: the side of the militia the report named in full before,
    whichever of its spellings."""
    assert _records(text)[-1].category == want


@pytest.mark.parametrize(("text", "want"), [
    ("وقتل 4 من مرتزقة الاحتلال التركي بقصف على قرية قرب عفرين.", "fighter"),
    ("وأصيب 3 من عناصر السلطان مراد في الاشتباك.", "fighter"),
    ("وقتل 5 من مقاتلي غرفة عمليات وحرض المؤمنين في ريف اللاذقية.", "jihadist"),
    ("وقتل 9 من عناصر فاغنر في الصحراء.", "foreign_forces"),
    ("وقتل 11 جنديا من القوات الموالية لهادي في المعارك.", "other"),
    ("وأصيب 3 من عناصر الدرك في الكمين.", "other"),
    ("وقتل 5 عناصر من قوات الحرس الوطني قرب الحدود.", "other"),
    ("وقتلت القوات 6 عناصر من تنظيم بيت المقدس في سيناء.", "jihadist"),
    ("وقتل 4 عناصر تكفيرية في المداهمة.", "jihadist"),
    ("وقتل 8 عناصر إرهابية في المداهمة.", "fighter"),
    ("وقتل 5 من مسلحي العشائر في اشتباك مع قسد.", "fighter"),
    ("وقتل 3 من المسلحين المحليين في ريف درعا.", "fighter"),
    ("وأصيب 7 أشخاص من المسلحين المحليين الموالين خلال الاشتباك.", "regime"),  # loyal: the government's
    ("وقتل 9 من عناصر اللواء الثامن في درعا.", "regime"),
    ("وارتفع إلى 21 عدد قتلى الميليشيات التابعة لإيران في البادية.", "regime"),
    ("وقتل 5 من مرتزقة دولة الاحتلال التركي على محور القرية.", "fighter"),
    ("وأصيب 4 من عناصر قوى الأمن الداخلي عند الحاجز.", "sdf"),
    ("وقتل 6 من قوات حكومة الوفاق قرب طرابلس.", "other"),
    ("وقتل ثلاثة جنود في قوة الأمم المتحدة بانفجار لغم.", "foreign_forces"),
])
def test_more_parties_by_name(text: str, want: str) -> None:
    """Parties the lists lacked: Turkish-backed factions by the names Kurdish outlets and others
    use, a jihadist operations room, Wagner, the Yemeni president's forces, gendarmes and
    national guards (another state's), Sinai's jihadists, an adjective of the side after members."""
    (r,) = _records(text)
    assert r.category == want


@pytest.mark.parametrize(("text", "want"), [
    ("وأدى الهجوم إلى مقتل 6 عناصر من مقاتلي سوريا الديمقراطية قرب البلدة.", "sdf"),
    ("وقال المصدر إن «تسعة عناصر من (بوكو حرام) قتلوا» في الاشتباك.", "jihadist"),
    ("وأسفرت المداهمة عن مقتل 3 عناصر من مرتبات الأمن العام.", "other"),
    ("وأصيب 7 من مرتبات الدرك في الكمين.", "other"),
    ("ووصل إلى القاعدة 40 موظفا عسكريا أمريكيا للتدريب.", "foreign_forces"),
    ("وقتل 4 موظفين أمنيين في التفجير.", "regime"),
])
def test_a_side_named_short_bracketed_or_after_personnel(text: str, want: str) -> None:
    """The SDF without its first word after a member noun, a group's name in brackets after
    ``من``, ``مرتبات`` (personnel) before a force, and staff whose adjective is military."""
    (r,) = _records(text)
    assert r.category == want


def test_employees_are_civilians() -> None:
    """``موظف`` counts civilians, as workers do (``عمال``)."""
    (r,) = _records("وخطف مسلحون 12 موظفا من شركة النفط قرب الحقل.")
    assert (r.value, r.category, r.status) == (12, "civilian", "abducted")


@pytest.mark.parametrize(("text", "want"), [
    ("وأسفرت الضربة عن مقتل أحد قادة داعش في المنطقة الصحراوية.", "isis"),
    ("وأسفرت الضربة عن مقتل أحد قياديي جبهة النصرة قرب المعبر.", "jihadist"),
])
def test_one_of_a_group_s_leaders_is_of_the_group(text: str, want: str) -> None:
    """``أحد قادة داعش``: one of the group's leaders (a member noun between) counts the group."""
    (r,) = _records(text)
    assert r.category == want


def test_the_pkk_by_its_last_word() -> None:
    """``من عناصر الكردستاني``: the PKK named by its last word after a member noun (fighter)."""
    (r,) = _records("وقال البيان إن 9 من عناصر الكردستاني قتلوا في قصف على الجبل.")
    assert r.category == "fighter"


@pytest.mark.parametrize(("text", "want"), [
    ("وأسفر التفجير عن استشهاد 9 من منسوبي قوات الطوارئ في المسجد.", "other"),
    ("واستشهد 4 من قوات الطوارئ الخاصة في الهجوم على المقر.", "other"),
    ("وأصيب 6 من منسوبي الأمن العام في المداهمة.", "other"),
])
def test_personnel_and_emergency_forces_are_another_state_s(text: str, want: str) -> None:
    """``منسوبي`` (personnel) before a force, as ``منتسبي``; a state's emergency forces
    (``قوات الطوارئ``) are its security forces."""
    (r,) = _records(text)
    assert r.category == want


@pytest.mark.parametrize("text", [
    "وقتل 12 عنصرا من المجموعات المسلحة في ريف المدينة.",
    "وقتل أكثر من 40 فردا من العناصر الإرهابية خلال المداهمات.",
    "وأسفرت الاشتباكات عن مقتل 9 من الجماعات الإرهابية.",
])
def test_armed_and_terrorist_groups_by_their_generic_names_are_fighters(text: str) -> None:
    """``المجموعات المسلحة``, ``العناصر الإرهابية``: fighters, as ``الإرهابيين`` is."""
    (r,) = _records(text)
    assert r.category == "fighter"


@pytest.mark.parametrize(("text", "want"), [
    ("ونعت صفحات موالية 6 عناصر قتلوا بكمين في البادية.", "regime"),
    ("ونعت صفحات موالية لتركيا 4 عناصر قتلوا في ريف حلب.", "fighter"),
    ("ونعت صفحات محلية 6 عناصر قتلوا بكمين في البادية.", "people"),
])
def test_the_dead_mourned_by_loyalists_are_of_their_side(text: str, want: str) -> None:
    """``نعت صفحات موالية 6 عناصر``: members counted by no side, mourned by pages loyal to one,
    are of the side they are loyal to (alone, the government's)."""
    (r,) = _records(text)
    assert r.category == want


@pytest.mark.parametrize(("text", "want"), [
    ("وأعلن الجيش مقتل 35 قياديا وعنصرا في حركة الشباب بغارة جوية.", "jihadist"),
    ("وأعلن الجيش مقتل ستة قياديين في تنظيم داعش بغارة جوية.", "isis"),
    ("وأعلن الجيش مقتل ستة في تنظيم داعش بغارة جوية.", "isis"),
])
def test_leaders_counted_before_their_group_are_of_it(text: str, want: str) -> None:
    """``35 قياديا وعنصرا في حركة الشباب``: leaders (and members) with no people noun of their
    own, counted before the group after في / من, are of that group."""
    (r,) = _records(text)
    assert r.category == want
