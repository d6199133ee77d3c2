"""The counted noun of each count and the category it hints: ``12 مدنيا``, ``طفلا واحدا``.

:class:`NounReader` finds the noun a count counts (a CATEGORY span after or right
before it, a people noun when the rules are on, ``آخرين``), reads its category hint
(generic nouns such as ``شخص`` leave it open), and asks the
:class:`~hasila.link.affiliation.AffiliationReader` for the group after it; a count with
no noun may take the kind a toll word (``حصيلة``, ``عدد``) names around it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from hasila.link import cues
from hasila.link.context import LinkContext, Reader, mix, status_of_word
from hasila.link.groups import adjective_category, category_in, with_families
from hasila.link.numbers import (
    OntologyLike,
    described_person,
    group_after,
    noun_category,
    one_of_them_suffix,
    people_noun_at,
    possessed_people,
    their_number_before,
)
from hasila.link.text import TokenView, key, keys
from hasila.link.tree import CountNode
from hasila.schema import Span

if TYPE_CHECKING:
    from hasila.link.affiliation import AffiliationReader
    from hasila.link.groups import GroupReader

_SKIP_BEFORE_NOUN = frozenset({"ال", "الـ"}) | cues.OF_THEM  # 3 منهم أطفال: of them, children
#: ``أحدهما وهي امرأة``: the pronoun that says who the one counted is, before its noun.
_ONE_IS = keys("وهو وهي هو هي")
_SUBSET_KEYS = frozenset(w for p in (*cues.SUBSET_BEFORE, *cues.BREAKDOWN_BEFORE) for w in p) - cues.LIST_PREPOSITIONS
#: ``بأيدي``: by the hands of (those after it are the killers), no nisba adjective of the noun.
_BY_HANDS = keys("بأيدي بايدي وبأيدي")
#: ``أردني الجنسية``: the word after a nationality said of someone.
_NATIONALITY = key("الجنسية")
_GAP_CHARS = 12  # the longest gap read between a CATEGORY and the count word after it
#: Partitive member nouns whose category the group after them decides (عناصر، مسلحي، مقاتلي).
_CONSTRUCT_HEADS = frozenset({None, "people", "combatant", "fighter", "man"})
_NO_GENITIVE = frozenset(key(w) for w in ("الذين", "اللذين", "اللواتي", "التي", "الذي", "الشهر", "اليوم", "الأسبوع", "العام"))
_LARGE = frozenset(key(w) for w in ("كبير", "قليل", "محدود", "غير"))
_FORMER = frozenset(key(w) for w in ("السابقين", "السابقون"))
_COLLABORATORS = frozenset(key(w) for w in ("والمتعاونين", "والمتعاونون"))
_MEN = frozenset(key(w) for w in ("رجال", "الرجال"))
_OTHERS_WOMEN = frozenset(key(w) for w in ("أخريات", "آخرات"))


#: words that end a case phrase before its kind (``حالة في``) or adjective
_CASE_STOPS = keys("في من على بين إلى الى عن مع منذ خلال بعد قبل و أو")
#: ``من الطرفين``: both sides, part of the counted noun's phrase
_BOTH_SIDES = keys("الطرفين الجانبين الجهتين")
#: a symptom coordinated with a case's kind: ``حالة اختناق وضيق نفس``, ``وصعوبة تنفس``
_SYMPTOMS = keys("وضيق وصعوبة")


#: adverbs shaped like an accusative nisba (``يوميا``): never an adjective of the counted noun
_ADVERBS = keys("""يوميا شهريا سنويا أسبوعيا حاليا رسميا مبدئيا نهائيا جزئيا كليا فعليا ميدانيا محليا
                   إضافيا أساسيا تدريجيا جماعيا فوريا حوالي تقريبي مبدئي""")


#: People nouns that, after a counted noun, say something of it (``ثمانية أشخاص متهمين بـ``):
#: no part of the noun phrase.
_SAID_OF_THE_NOUN = keys("متهمين متهمون متهما")
#: Feminine forms of the wounded, said of ``إحداهما`` (not its noun).
_HURT = keys("مصابة مصابات")


def _agreeing_nisba(noun: str, word: str, singular: bool) -> bool:
    """Is ``word`` (folded) an indefinite relational adjective agreeing with the counted noun
    before it (folded; ``singular``: a singular noun): ``جنديا`` + ``حكوميا``, ``مقاتلين`` +
    ``سوريين``, ``مدني`` + ``علوي`` (not ``أشخاص`` + ``مجهولي``, the head of a construct)?"""
    if word.startswith("ال") or word in _ADVERBS or len(word) < 4:
        return False
    if noun.endswith("ا"):
        return word.endswith("يا")
    if noun.endswith(("ين", "ون")):
        return word.endswith(("يين", "يون"))
    return singular and word.endswith("ي")


def nation_of(text: str) -> str | None:
    """The first state a word of ``text`` names or qualifies (``cues.NATION_STEMS``), or None."""
    for word in key(text).split():
        for prefix in ("و", "ال", "لل", "ل"):
            if word.startswith(prefix) and len(word) > len(prefix) + 2:
                word = word[len(prefix):]
        if word.startswith(cues.NOT_NATION_STEMS):
            continue
        for stem, nation in cues.NATION_STEMS:
            if word.startswith(stem):
                return nation
    return None


_THEY = keys("هم هن")


def _kind_after_toll(v: TokenView, onto: OntologyLike, c: CountNode) -> int | None:
    """``تسعة من القتلى هم من المدنيين``: after a toll noun (the dead, the wounded), هم (من) and a
    people noun say who the counted are: the token of that noun, the count's own."""
    if not c.noun_text or status_of_word(key(c.noun_text.split()[0])) is None:
        return None
    k = v.next_word(c.tail)
    if k is None or v[k].key not in _THEY:
        return None
    k = v.next_word(k + 1)
    if k is not None and v[k].key == "من":
        k = v.next_word(k + 1)
    return k if people_noun_at(v, k, onto) else None


def _joined_by_and(view: TokenView, j: int, ontology: OntologyLike) -> bool:
    """``عدد القتلى 31 والجرحى بـ 86``: a noun carrying the conjunction و (the rest a people
    noun) right after a figure starts the next item; it is not the figure's noun."""
    t = view[j]
    return t.key.startswith("و") and noun_category(ontology, t.text[1:]) is not None


def said_of_the_group(v: TokenView, last: int) -> int:
    """``last``, or past what the gold keeps with a partitive group: ``السابقين`` (former:
    ``من المقاتلين السابقين``) and those working with it (``من قوات النظام والمتعاونين معها``)."""
    if last + 1 < len(v) and v[last + 1].key in _FORMER:
        return last + 1
    if last + 2 < len(v) and v[last + 1].key in _COLLABORATORS and v[last + 2].key.startswith("مع"):
        return last + 2
    return last


def genitive_of(v: TokenView, k: int, taken: Callable[[int], bool]) -> int:
    """``k``, or the last word of what the gold keeps with a one-word partitive noun: the
    definite noun it governs and that noun's adjective (``من رعاة الأغنام``, ``من متطوعي
    منظومة الإسعاف``), or its agreeing adjective (``من المسلحين المحليين``); ``taken``: a token
    that is no part of it (a span's, a number's)."""
    nxt = k + 1
    if nxt >= len(v) or not v[nxt].is_word or taken(nxt):
        return k
    head, word = v[k].key, v[nxt].key
    if head.startswith("ال"):
        agreeing = head.endswith(("ين", "ون")) and word.startswith("ال") and word.endswith(("يين", "يون"))
        return nxt if agreeing else k
    if not word.startswith("ال") or word in _NO_GENITIVE or v[k].text.endswith(("نا", "ه", "ها", "هم", "هما", "هن")):
        return k  # عسكريينا الشجعان: a noun with its pronoun governs nothing
    after = nxt + 1
    if after < len(v) and v[after].is_word and v[after].key.startswith("ال") and v[after].key.endswith(("ي", "ية")) \
            and not taken(after):
        return after  # متطوعات الدفاع المدني
    return nxt


def closing_quote(v: TokenView, first: int, last: int) -> int:
    """``last``, or the quote right after it that closes one opened in ``[first, last]``
    (``مقاتلي "جيش الإسلام"``)."""
    opened = sum(1 for i in range(first, last + 1) if v[i].is_quote) % 2 == 1
    return last + 1 if opened and last + 1 < len(v) and v[last + 1].is_quote else last


def a_number_of(v: TokenView, i: int) -> bool:
    """``عدد من النساء``, ``عدد كبير من الأطفال``: "a number of", an amount, no toll (the
    others counted after it are not of them)."""
    k = v.next_word(i + 1)
    if k is not None and v[k].key in _LARGE:
        k = v.next_word(k + 1)
    return k is not None and v[k].key == "من"


def _under_age(v: TokenView, c: CountNode) -> bool:
    """``ثلاثة دون سن الثامنة عشرة``, ``5 أشخاص دون سن 18``: the count (with a people noun
    or none) is followed by an age below which people are children."""
    k = v.next_word(c.tail if c.noun_text else c.t1)
    return k is not None and v.phrase_starting_at(k, cues.UNDER_AGE) is not None


def _toll_stretch_end(v: TokenView, j: int) -> int:
    """Where the words of the toll at token ``j`` that may name its kind end: four tokens, or
    four past ``في صفوف`` / ``بين`` among them (``عدد الخسائر البشرية في صفوف عناصر جيش
    النظام``)."""
    for k in range(j + 1, min(len(v), j + 5)):
        among = v.phrase_starting_at(k, cues.IN_RANKS_OF)
        if among is not None:
            return k + len(among) + 4
    return j + 5


def _possessed_before(r: NounReader, c: CountNode, i: int) -> bool:
    """``وأطفالهما الثلاثة``: a people noun with a possessive right before a definite numeral is
    the count's noun; its category is the count's hint."""
    owned = possessed_people(r.onto, r.view[i].text)
    if owned is None:
        return False
    c.hint, a, b = owned
    start, end = r.view[i].start + a, r.view[i].start + b
    c.noun_chars = (start, end)  # without its و and its pronoun, as the gold draws it (أطفال of وأطفالهما)
    c.noun_text, c.noun_before = r.text[start:end], True
    return True


def _civilians_joined(r: NounReader, c: CountNode) -> None:
    """``مقتل عشرات الجنود وعناصر الشرطة والمدنيين``: civilians joined by و to an armed noun
    (past other groups the CATEGORY span left out) make the count people of both."""
    if c.hint is None or c.hint not in r.onto.armed or c.hint == "people":
        return
    kinds = r.groups.joined_groups(c.tail)[0]
    if "civilian" in kinds:
        c.hint, c.generic = mix([c.hint, *kinds], r.onto), False


def _group_one_is_of(groups: GroupReader, v: TokenView, c: CountNode) -> str | None:
    """The group ``أحد`` is one of: ``أحد رجال الدفاع المدني`` (a side's men), ``أحد قادة داعش``
    (a member noun before the group)."""
    k = v.next_word(c.t1)
    k = k + 1 if c.hint == "man" and k is not None and k + 1 < len(v) and v[k].has(_MEN) else k
    cid = groups.group_at(k)[0] if k is not None and not v.is_boundary(k) else None
    if cid is None and k is not None and v[k].has(cues.MEMBER_NOUNS) and k + 1 < len(v):
        cid = groups.group_at(k + 1)[0]  # أحد قادة داعش: one of the group's leaders
    return cid


def _case_phrase_end(v: TokenView, cx: LinkContext, j: int) -> int | None:
    """One past the case phrase at case word ``j``: its kind (``حالة اختناق``), a relational
    adjective (``حالة اعتقال تعسفي``) and a symptom coordinated with it (``وضيق نفس``);
    None when no kind follows (``في حالة خطيرة`` has its adjective before any count)."""
    k = j + 1
    if k >= len(v) or not v[k].is_word or v[k].has(_CASE_STOPS) or cx.number_at(k) \
            or v[k].key.startswith(("وب", "ول", "وال")):
        return None  # حالات وبنسبة: no kind, a clause after the count
    end = k + 1
    if end < len(v) and v[end].is_word and v[end].key.endswith("ي") and len(v[end].key) >= 4 \
            and not v[end].has(_CASE_STOPS):
        end += 1
    if end + 1 < len(v) and v[end].key in _SYMPTOMS and v[end + 1].is_word:
        end += 2
    return end


def _kind_before_their_number(v: TokenView, onto: OntologyLike, c: CountNode) -> str | None:
    """``المدنيون وعددهم 300``, ``عناصر الشرطة البالغ عددهم 2900``: the people a count after
    ``عددهم`` numbers are named right before it (up to four words, in its clause)."""
    i = their_number_before(v, c.t0)
    if i is None:
        return None
    j = i - 1
    while j >= 0 and not v.is_sentence_end(j) and (not v[j].is_word or v[j].key in cues.NUMBER_OF_THEM_LINKS):
        j -= 1
    a = j
    while a > 0 and j - a < 3 and v[a - 1].is_word and not v.is_boundary(a - 1):
        a -= 1
    return category_in(v, onto, a, j + 1) if j >= 0 and v[j].is_word else None


def _person_beside(v: TokenView, singular: frozenset[str], j: int, k: int) -> bool:
    """Is token ``k`` a singular person (``singular``: the folded singular nouns) joined by و to
    the plural noun at ``j`` (``أربعة أطفال وامرأة``, ``4 ركاب والطيار``): one named beside the
    count, no part of its noun?"""
    t = v[k]
    if not t.key.startswith("و") or len(t.key) <= 3 or v[j].key in singular:
        return False
    core = t.key[1:]
    return core in singular or (core.startswith("ال") and core[2:] in singular)


class NounReader(Reader):
    """The noun each count counts and the category hint it gives."""

    def __init__(self, cx: LinkContext, groups: GroupReader, aff: AffiliationReader) -> None:
        super().__init__(cx)
        self.groups = groups
        self.aff = aff

    def read_noun(self, c: CountNode) -> None:
        """Find the counted noun (CATEGORY span, or a people noun when rules are on), the
        partitive group, and the group the counted people belong to; set ``c.hint``."""
        v = self.view
        cats = self.by_label.get("CATEGORY", [])
        if c.kind == "dual":
            c.noun_text = c.span.text
            self._hint_from_noun(c, c.span.text)
            if c.hint is None and v[c.t0].has(cues.FOREIGN_ADJ):
                c.hint = "foreign_forces"  # والروسيان: the two Russians
            j = v.next_word(c.t1)
            start = c.t1
            if j is not None and v[j].has(cues.OTHERS_WORDS):
                c.others = True  # عنصرين آخرين
                start = j + 1
            self.aff.read_group(c, start)
            self.aff.construct_dual(c, j)
            self.aff.neutral_group(c)
            return
        j = v.next_word(c.t1, skip=_SKIP_BEFORE_NOUN | _ONE_IS if c.kind == "one" else _SKIP_BEFORE_NOUN)
        if j is not None and (q := v.phrase_starting_at(j, cues.QUALIFIER_PHRASES_AFTER)) is not None \
                and (k := v.next_word(j + len(q))) is not None and v[k].key == "من":
            j = k  # 37 على الأقل من مسلحي …: the partitive after the qualifier
        # 4 منهم من حزب الله: the side after منهم is their affiliation, not a partitive noun
        them = (k0 := v.next_word(c.t1)) is not None and v[k0].key in cues.OF_THEM
        span = self.cx.span_at_token(cats, j)
        if span is not None:
            c.noun = span
        elif j is not None and v[j].key == "من" and not them:
            span = self.cx.span_at_token(cats, v.next_word(j + 1, skip=cues.DEMONSTRATIVES))
            if span is not None:
                c.noun, c.partitive = span, True
        if c.noun is None:
            c.noun = self._category_before(c, cats)
            c.noun_before = c.noun is not None
        if c.noun is not None:
            c.noun_text = c.noun.text
            if not c.noun_before:
                c.tail = v.index_range(c.noun.start, c.noun.end)[1]
            if c.partitive:
                c.hint = "people" if with_families(v, c.tail) else \
                    self.groups.phrase_category(c.noun.text, partitive=True)
                if c.hint in (None, "people"):  # من عناصر اللواء: the brigade named before
                    c.hint = self.groups.named_before(c.tail - 1) or c.hint
                elif c.hint in self.onto.armed and (kinds := self.groups.joined_groups(c.tail)[0]) \
                        and set(kinds) <= self.onto.armed:
                    c.hint = mix([c.hint, *kinds], self.onto)  # من مقاتلي جبهة النصرة (…) وتنظيم داعش
            else:
                self._hint_from_noun(c, c.noun.text)
                _civilians_joined(self, c)
        elif j is not None and v[j].has(cues.OTHERS_WORDS):
            c.others = True
            c.tail = j + 1
            if v[j].has(_OTHERS_WOMEN):
                c.hint = "woman"  # 4 أخريات: four other women
        elif j is not None and self.cfg.rules_fallback and not self.cx.span_at_token(self.spans, j):
            said_of_one = c.kind == "one" and (status_of_word(v[j].key) is not None or v[j].key in _HURT) \
                and one_of_them_suffix(v, c.span.start) is not None  # إحداهما مصابة: her state
            of_nationality = (n := v.next_word(j + 1)) is not None and v[n].key == _NATIONALITY
            if people_noun_at(v, j, self.onto) and not _joined_by_and(v, j, self.onto) and not said_of_one \
                    and not of_nationality:  # أحدهما أردني الجنسية: what he is, not the noun counted
                end, c.tail = self._noun_phrase_end(j)
                c.noun_chars = (v[j].start, v[end - 1].end)  # the CATEGORY span: the whole phrase
                c.noun_text = self.text[v[j].start:v[c.tail - 1].end]  # what is read for the kind
                self._hint_from_noun(c, c.noun_text)
                _civilians_joined(self, c)
            elif v[j].key in cues.CASE_WORDS and (case_end := _case_phrase_end(v, self.cx, j)) is not None:
                c.tail = case_end  # 18 حالة اختناق: the case and its kind are the counted noun
                c.noun_chars = (v[j].start, v[case_end - 1].end)
                c.noun_text = self.text[c.noun_chars[0]:c.noun_chars[1]]
                self._hint_from_noun(c, c.noun_text)
            elif v[j].key == "من" and not them and (k := v.next_word(j + 1, skip=cues.DEMONSTRATIVES)) is not None:
                cid, first, last = self.groups.group_at(k)  # من (هؤلاء) المتشددين
                member = v[k].is_word and v[k].has(cues.MEMBER_NOUNS)
                if cid is None and member and k + 1 < len(v):
                    cid, first, last = self.groups.group_at(k + 1)  # من مسلحي داعش
                elif cid == "man" and last == k and v[k].has(_MEN) and k + 1 < len(v):
                    side = self.groups.group_at(k + 1)  # من رجال الدفاع المدني: men of a side
                    if side[0] not in (None, "people", "man"):
                        cid, first, last = side
                if cid is not None:
                    if with_families(v, last + 1):
                        cid = "people"  # من مسلحي المعارضة وأسرهم: of both
                    c.partitive = True
                    last = said_of_the_group(v, last)
                    if first == last == k:
                        last = genitive_of(v, k, self._taken)
                    begin = k if member and first > k else first
                    c.noun_chars = (v[begin].start, v[closing_quote(v, begin, last)].end)
                    c.noun_text = self.text[c.noun_chars[0]:c.noun_chars[1]]
                    c.hint = cid
                    c.tail = last + 1
        if c.noun is None and c.noun_text is not None and (k := _kind_after_toll(v, self.onto, c)) is not None:
            end, c.tail = self._noun_phrase_end(k)  # تسعة من القتلى هم من المدنيين
            c.noun_chars, c.partitive = (v[k].start, v[end - 1].end), False
            c.noun_text = self.text[v[k].start:v[c.tail - 1].end]
            self._hint_from_noun(c, c.noun_text)
        if c.noun_text is not None and c.hint == "regime":
            self._loyal_to(c)
        if c.noun is None and c.noun_text is None and self.cfg.rules_fallback:
            self._noun_before(c)
        if c.hint is None and c.noun is None and c.noun_text is None:
            c.hint = self._bare_category(c)
            if c.hint is not None:
                c.bare_hint = True
        if (c.hint is None or c.generic) and _under_age(v, c):
            c.hint, c.generic = "child", False  # بينهم ثلاثة دون سن الثامنة عشرة
        if not c.partitive:
            self.aff.read_group(c, c.tail)
        elif c.noun is not None and (c.hint in _CONSTRUCT_HEADS or self.onto.is_neutral_noun(c.noun.text)):
            self.aff.construct_group(c)
        self.aff.neutral_group(c)
        self.aff.suffered_by(c)
        if c.hint == "regime" and self._soldiers_of_a_foreign_state(c):
            c.hint = "foreign_forces"  # أعلنت أنقرة مقتل 8 من جنودها
        if c.kind == "one" and c.hint in (None, "people", "man") and c.group_cat is None:
            cid = _group_one_is_of(self.groups, v, c)
            if cid not in (None, "people", "man"):  # وأحد عناصر الدفاع المدني: one of that group
                c.hint, c.generic, c.group_cat = cid, False, cid
        if c.hint in (None, "people") and ((c.generic and c.group_cat is None) or c.group_cat == "people"):
            named = self.groups.toll_named_before(c)  # (عنصر من سوريا: a country is no side)
            if named is not None:  # يقدر عدد مقاتلي داعش الذين سقطوا بـ10 آلاف شخص
                c.hint, c.generic = named, False
        elif c.hint == "regime" and c.group_cat is None \
                and (named := self.groups.toll_named_before(c)) in ("foreign_forces", "other"):
            c.hint = named  # عدد قتلى القوات الروسية وصل إلى 90 عسكريا: that state's

    def _taken(self, t: int) -> bool:
        return self.cx.span_at_token(self.spans, t) is not None or self.cx.number_at(t)

    def read_nation(self, c: CountNode) -> None:
        """The state the count's people belong to, named in its noun phrase or its group
        (``59 عسكريا تركيا``, ``ثلاثة عسكريين روس``, ``جنديا من الجيش التركي``)."""
        end = self.view[c.tail - 1].end if c.tail > c.t1 else c.span.end
        text = self.text[c.span.end:end]
        if c.affiliation is not None:
            text += " " + c.affiliation.text
        c.nation = nation_of(text)

    def _loyal_to(self, c: CountNode) -> None:
        """``5 مقاتلين موالين لتركيا``: people loyal to whom the word after their noun names
        take that side (``cues.LOYAL_TO``: Turkey's loyal fighters are factions)."""
        v = self.view
        words = (c.noun_text or "").split()
        if not words or key(words[-1]) not in cues.LOYAL_WORDS or c.tail >= len(v) or not v[c.tail].is_word:
            return
        side = self.aff.loyal_to(c.tail)
        if side is not None:
            c.hint = side

    def _noun_phrase_end(self, j: int) -> tuple[int, int]:
        """One past a counted noun at token ``j`` and the words that qualify it
        (``قتيلا مدنيا``, ``عسكريا روسيا``, ``المقاتلين المعارضين والمدنيين``, ``جنديا حكوميا``),
        and one past the words read for its kind and the words after it (a trailing relational
        adjective that names no side is left out: ``سائحا`` of ``سائحا أجنبيا``)."""
        v = self.view
        end = kind_end = j + 1
        cid, _, last = group_after(v, j, self.onto)
        if cid is not None and last > j and not _person_beside(v, self.cx.singular_nouns, j, j + 1):
            end = kind_end = last + 1  # رجال أمن, رجل شرطة: a group's name the noun begins
        for k in range(end, min(len(v), end + 3)):
            t = v[k]
            if t.key == "من" and k + 1 < len(v) and v[k + 1].key in _BOTH_SIDES:
                return k + 2, k + 2  # مقاتلا من الطرفين: the real gold's noun phrase (both sides)
            if not t.is_word or t.has(cues.THING_NOUNS) or t.plain(_SUBSET_KEYS) or self.cx.number_at(k):
                break  # وامرأتان: a coordinated dual is a count of its own
            if v[k - 1].key in cues.LOYAL_WORDS and t.key.startswith("ل"):
                break  # مقاتلا مواليا | للنظام: whom they are loyal to is no part of the noun
            if t.has(cues.FOREIGN_ADJ) or t.key in cues.LOYAL_WORDS:
                end = kind_end = k + 1
                continue
            core = t.key[1:] if t.key.startswith("و") and len(t.key) > 3 else t.key
            if _person_beside(v, self.cx.singular_nouns, j, k):
                break  # أربعة أطفال وامرأة: a person named beside the count (not 11 ألف مدني ومقاتل)
            if adjective_category(self.onto, core) is not None and not self.onto.is_neutral_noun(core) \
                    and core not in _SAID_OF_THE_NOUN:
                if core != t.key and k + 1 < len(v) and self.cx.number_at(k + 1):
                    break  # مدنيين والمهاجمين الأربعة: the joined noun has its own figure
                end = kind_end = k + 1
                continue
            if t.key.endswith("ي") and len(t.key) >= 5 and k == end and k + 1 < len(v) and t.key not in _BY_HANDS \
                    and people_noun_at(v, k + 1, self.onto) \
                    and noun_category(self.onto, v[k + 1].text) not in (None, "people"):
                continue  # لاجئ فلسطيني مدني: a nisba adjective before the noun that decides
            if t.key.startswith("ال") and k == end and k + 1 < len(v) and v[k + 1].key.startswith("و"):
                continue  # المقاتلين المعارضين والمدنيين: an adjective before a coordinated noun
            if k == end and _agreeing_nisba(v[k - 1].key, t.key, v[k - 1].key in self.cx.singular_nouns):
                end = k + 1  # جنديا حكوميا، مدني علوي، مقاتلين سوريين: the real gold's noun phrase
                continue
            break
        return end, kind_end

    def _noun_before(self, c: CountNode) -> None:
        """``طفلا واحدا مات``, ``المختطفات الـ9``, ``طالب جامعي واحد``: a people noun (with its
        nisba) right before the count."""
        v = self.view
        glued = v.glued_prefix(c.t0, c.span.start)
        if glued.startswith(("و", "ف")):
            return  # تنظيم داعش وخمسة: a count joined by و starts an item of its own
        i = c.t0 - 1
        if i >= 0 and v[i].key in ("ال", "الـ"):
            glued, i = "ال", i - 1
        if c.kind not in ("words", "one") and glued not in ("ال", "الـ"):
            return
        if i < 0 or self.cx.span_at_token(self.spans, i):
            return
        if c.kind == "one" and v[i].key.startswith("ال") and v[i].has(cues.NATIONALITY_ADJ):
            return  # إن السوداني أحد ثلاثة متطرفين: a man called by his nationality, one of three
        first = i
        if v[i].has(cues.NATIONALITY_ADJ) and i >= 1 and people_noun_at(v, i - 1, self.onto) \
                and not self.cx.span_at_token(self.spans, i - 1):
            first = i - 1  # جندي أفغاني واحد: the noun and its nationality
        elif not people_noun_at(v, i, self.onto):
            if _possessed_before(self, c, i):
                return
            if not described_person(v, i, self.onto) or self.cx.span_at_token(self.spans, i - 1):
                return
            first = v.last_before(v[i].start)  # طالب جامعي واحد: the noun and its nisba
        c.noun_chars = (v[first].start, v[i].end)
        c.noun_text = self.text[v[first].start:v[i].end]
        c.noun_before = True
        self._hint_from_noun(c, c.noun_text)

    def _category_before(self, c: CountNode, cats: list[Span]) -> Span | None:
        """``طفلا واحدا``, ``المختطفات الـ9``: a CATEGORY right before a count word
        (only a few characters of gap are read, whatever the number of spans)."""
        gap_ok = {"", "ال", "الـ"}
        glued_ok = {"ه", "ها", "هم", "هما", "هن"}  # وأطفالهما الخمسة: a pronoun glued to the noun
        lookup = self.cx.lookup(cats)
        lo = max(0, c.span.start - _GAP_CHARS)
        hits = [s for s in (lookup.ending_in(lo, c.span.start + 1) or ())
                if key(self.text[s.end:c.span.start]).strip() in gap_ok
                or (not self.text[s.end:s.end + 1].isspace() and key(self.text[s.end:c.span.start]).strip() in glued_ok)]
        for s in hits:
            after = self.view.next_word(c.t1, skip=_SKIP_BEFORE_NOUN)
            if after is None or not people_noun_at(self.view, after, self.onto):
                return s
        return None

    def _hint_from_noun(self, c: CountNode, text: str) -> None:
        cid, generic = self.groups.noun_phrase_category(text)
        mixed = self.groups.mixed_parts(text, partitive=False)
        c.hint = mixed or cid
        c.generic = generic and mixed is None

    def _soldiers_of_a_foreign_state(self, c: CountNode) -> bool:
        """``أعلنت أنقرة مقتل 8 من جنودها``: a soldier noun with a possessive (its, their)
        whose sentence names a foreign state before it."""
        start = c.noun.start if c.noun is not None else c.noun_chars[0] if c.noun_chars else None
        if start is None or c.group_cat not in (None, "regime"):
            return False
        word = self.view[self.view.first_at_or_after(start)].key  # the suffix may be outside a span
        if not any(word.endswith(p) and self.onto.noun_id(word[:-len(p)]) == "regime" for p in ("ها", "هم", "ه")):
            return False
        a, _ = self.view.sentence_bounds(min(c.t0, len(self.view) - 1))
        return any(self.view[i].has(cues.FOREIGN_STATES) for i in range(a, c.t0))

    def _toll_noun(self, c: CountNode, k: int) -> None:
        """The people noun a toll word names for a count with no noun of its own is its CATEGORY
        (``يرتفع إلى 40 عدد القتلى المدنيين``, ``عدد المصابين يتجاوز 50``), as the gold marks it."""
        v = self.view
        if k >= len(v) or c.t0 <= k < c.t1 or not v[k].is_word or not people_noun_at(v, k, self.onto) \
                or self.cx.span_at_token(self.spans, k):
            return
        cid, _, last = group_after(v, k, self.onto)
        end = k + 1 if cid is not None and last > k else self._noun_phrase_end(k)[0]  # قتلى | قوات النظام
        actors = self.by_label.get("ACTOR", [])
        end = next((e for e in range(k + 1, end) if self.cx.span_at_token(actors, e)), end)  # قتلى | التنظيم
        c.noun_chars = (v[k].start, v[end - 1].end)

    def _bare_category(self, c: CountNode) -> str | None:
        """A count with no noun: ``إلى 93 تعداد القتلى المدنيين`` / ``عدد قتلى قوات النظام … إلى 209``,
        ``عناصر النظام وعددهم 74``."""
        v = self.view
        named = _kind_before_their_number(v, self.onto, c)
        if named is not None:
            return named
        j = v.next_word(c.t1, skip=cues.QUALIFIER_WORDS)  # إلى 24 على الأقل عدد قتلى …
        if j is not None and v[j].has(cues.TOTAL_WORDS):
            self._toll_noun(c, j + 1)
            return category_in(self.view, self.onto, j + 1, _toll_stretch_end(v, j))
        i = c.t0 - 1
        steps = 0
        while i >= 0 and steps < 15 and not v.is_sentence_end(i):
            if v[i].has(cues.TOTAL_WORDS) and not (c.others and a_number_of(v, i)):
                self._toll_noun(c, i + 1)
                return category_in(self.view, self.onto, i + 1, c.t0)
            if v[i].is_digit and not self.cx.when_at(i):
                break  # (منذ 15 آذار: a date is crossed)
            i -= 1
            steps += 1
        return None
