"""The status of each count: killed, injured, detained, … (``قتل``, ``جرحى``, ``اعتقال``).

:class:`StatusReader` reads the counted noun, a trigger before the count in its clause,
a verb after its noun, or one further back in the sentence (and the words of
:class:`hasila.link.fate.FateWords`); after the tree, a total
takes the verb after its list of parts, and the rest the status of their parent or the
count they are coordinated with.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from hasila.link import cues
from hasila.link.context import status_of_word, title_and_body
from hasila.link.fate import AGREEING_REACH, FateWords
from hasila.link.numbers import either_or, in_hospital_after, one_of_them_suffix, taken_to_hospital
from hasila.link.text import TokenView, key, keys, variants
from hasila.link.tree import CountNode, detach

#: One word of where or when between a verb and the count it governs (``قتلوا فيها 12``).
_BETWEEN_VERB_AND_OBJECT = keys("فيه فيها فيهم خلاله خلالها خلالهما أمس اليوم")
#: Statuses a part of the dead may carry from its story (arrested, then died): still killed.
_HELD = ("detained", "abducted", "missing")


#: Adjectives after a counted noun that say its people are wounded (``ثلاثة رجال مصابين``).
_WOUNDED_ADJECTIVES = keys("مصاب مصابين مصابون مصابا مصاباً مصابة مصابتين مصابتان مصابان جرحى")
#: Adjectives right after the counted noun that say the people were abducted (``ثلاثة عسكريين
#: مخطوفين``); those held (``محتجزين``) are read with the abduction told before them, if any.
_ABDUCTED_ADJECTIVES = keys("مخطوفين مخطوفون مخطوفا مخطوفاً مختطفين مختطفون مختطفا مختطفاً")
#: With the verbs right after the counted noun that take its people as their object
#: (``30 امرأة وطفلا خطفهم``).
_ABDUCTED_AFTER = _ABDUCTED_ADJECTIVES | keys("خطفهم خطفتهم اختطفهم اختطفتهم")
#: ``مليوني شخص مصاب به``: afflicted with it (an illness named before), not wounded.
_OF_IT = keys("به بها بهم بهما")
#: ``على`` folded, between a word of protest and the death protested.
_ON = keys("على")
#: Words that make a casualty word after them the cause people protest or mourn.
_PROTEST = keys("احتجاجا احتجاجاً تنديدا تنديداً حدادا حداداً تضامنا تضامناً غضبا غضباً")
#: A day's times a gathering verb may stand before (``تجمع صباح الخميس آلاف``).
_TIMES_OF_DAY = keys("صباح مساء ظهر فجر ليل ليلة اليوم أمس")
#: Casualty nouns (not verbs) that open a toll: ``مقتل وإصابة``.
_TOLL_NOUNS = keys("مقتل مصرع إصابة اصابة سقوط استشهاد وفاة جرح")
#: ``لكن``: what comes after it stands against what came before.
_BUT = keys("لكن ولكن")
#: Words before a verb that are no subject of it.
_PARTICLES = keys("أن إن ان عن على في من إلى الى ثم كما فيما بعد قبل حيث إذ اذ ما لا قد وقد لقد حين عندما")


def _held_adjective_after(v: TokenView, c: CountNode) -> str | None:
    """``إطلاق سراح ثلاثة عسكريين مخطوفين``, ``… 30 امرأة وطفلا خطفهم``: abducted, as the adjective
    or the verb right after the counted noun says (the real gold marks those released by what
    held them)."""
    k = v.next_word(c.tail) if c.noun_text and c.tail < len(v) else None
    return "abducted" if k is not None and v[k].key in _ABDUCTED_AFTER else None


def protest_over(v: TokenView, j: int) -> bool:
    """``احتجاجا على مقتل``, ``تنديدا بمقتل``, ``حدادا على``: the casualty word at token ``j`` is
    what the people protest or mourn."""
    p = v.prev_word(j - 1) if j > 0 else None
    if p is not None and v[p].key in _ON and p > 0:
        p = v.prev_word(p - 1)
    elif v[j].key.startswith("ب") and p is not None and v[p].key in _PROTEST:
        return True  # تنديدا بمقتل
    return p is not None and v[p].key in _PROTEST


#: Nouns of an event that follow a figure with no people noun as what befell it (``40 إصابة``).
_EVENT_NOUNS = keys("وفاة وفيات إصابة إصابات")


def _event_noun_after(v: TokenView, c: CountNode, trigger: Callable[[int], str | None]) -> str | None:
    """``12 وفاة و40 إصابة``, ``خمسة وفيات``: the status an event noun right after a count with
    no noun of its own names (the previous figure's event is not this one's); ``trigger`` reads
    it (an illness is no wound)."""
    if c.noun is not None or c.noun_text or c.t1 >= len(v) or v[c.t1].key not in _EVENT_NOUNS:
        return None  # مقتل 58 وإصابة العشرات: the next figure's event, after و
    return trigger(c.t1) or "other"


_DEAD_AND_WOUNDED = frozenset({"killed", "injured"})
#: Other people as a verb's subject (``وأصيب آخرون``), no clitic: not ``قتلى وآخرين جرحى``.
_OTHER_PEOPLE = frozenset(key(w) for w in ("آخرون", "آخرين", "آخران", "اخرون", "اخرين"))
#: ``لا يزال``, ``ما زالت``: still (held, missing).
_STILL = keys("يزال تزال زال زالت زالوا يزالون")
#: ``متأثرين بجراحهما``: dying of wounds; a verb after it tells how the wounds came, no fate.
_SUCCUMBED = keys("متأثرا متأثرة متأثرين متأثران متأثرتين متأثرات")
#: The folded starts of the wounds after it (``بجراحهما``, ``بجروحه``, ``بإصابته``).
_OF_WOUNDS = ("بجراح", "بجروح", "باصاب")


def _death_said_later(r: StatusReader, c: CountNode) -> bool:
    """A death word that agrees with the count (``قضوا``, ``استشهادهم``) further on in its
    sentence, before the next number."""
    v = r.view
    for j in range(c.tail, min(len(v), c.tail + AGREEING_REACH)):
        if v.is_sentence_end(j) or v[j].is_digit or r.cx.number_at(j) or v[j].has(cues.CLAUSE_JOINERS):
            break
        if v[j].is_word and v[j].has(cues.AGREEING_VERBS) and r.cx.trigger_status(j) == "killed":
            return True
        if v[j].is_word and _killed_them(v[j].key):
            return True  # أسروا ثمانية من الركاب وقتلوهم: captured, then killed
    return False


def _killed_them(word_key: str) -> bool:
    """``وقتلوهم``, ``ثم أعدموهم``, ``أعدمتهم``: a verb of killing (they or she did it) with the
    people as its object pronoun; not ``قتلهم``, as often their killing of someone as his of them."""
    for w in variants(word_key):
        if w.endswith(("هم", "هن")) and len(w) > 4 and w[-3] in "وت":
            stem = w[:-2] + ("ا" if w[-3] == "و" else "")  # قتلوهم → قتلوا
            if status_of_word(stem) == "killed":
                return True
    return False


def _words_between(v: TokenView, i: int, c: CountNode) -> int:
    """Tokens between ``i`` and the count, the qualifier right before it left out (``سقط فيها
    أكثر من 12``: one)."""
    q = v.phrase_ending_at(c.t0 - 1, cues.QUALIFIER_PHRASES_BEFORE)
    return max(0, c.t0 - (len(q) if q else 0) - i - 1)


def _gathered(v: TokenView, p: int | None, floor: int) -> bool:
    """A gathering verb (``تجمع``, ``احتشد``) at word ``p`` before a count, or before a day or a
    time of day there (``تجمع صباح الخميس آلاف``), not before token ``floor``: a crowd."""
    while p is not None and p > floor and (v[p].has(cues.DAYS) or v[p].key in _TIMES_OF_DAY):
        p = v.prev_word(p - 1)
    return p is not None and p >= floor and v[p].has(cues.GATHER_VERBS)


def _with_after(v: TokenView, i: int, c: CountNode) -> bool:
    """``لقي مصرعه مع 6 آخرين``, ``لقيت حتفها في الحادث مع ثلاثة``: مع right after the word at
    ``i`` or right before the count."""
    k = v.next_word(i + 1)
    p = v.prev_word(c.t0 - 1, skip=cues.QUALIFIER_WORDS)
    return any(j is not None and v[j].key == "مع" for j in (k, p))


def _still(v: TokenView, c: CountNode) -> bool:
    """``وما زال 900 منهم مفقودين``: the count is still held or missing (not among the dead)."""
    i = c.t0
    for _ in range(3):
        p = v.prev_word(i - 1)
        if p is None:
            return False
        if v[p].has(_STILL):
            return True
        i = p
    return False


def _but_after(v: TokenView, prev: CountNode | None, i: int, c: CountNode) -> bool:
    """``لكن`` at token ``i`` stands between the count and one before it in its sentence (``5
    صيادين مفقودون لكن أنقذت السفن 40 صيادا``): a fate told further back is that count's (not so for
    a toll named with no figure: ``عدد ضحايا الصراع …، لكن … قدر عددهم بـ 470 ألفا``)."""
    return v[i].key in _BUT and prev is not None and prev.sentence == c.sentence


#: Words after ``بينما`` / ``فيما`` that open no clause of their own (``فيما 4 في إدلب``: the
#: fate before is theirs too).
_NO_CLAUSE_AFTER_JOINER = keys("في من على إلى الى عن مع بين لدى داخل قرب وسط ثم كان كانت")


def _clause_of_its_own(r: StatusReader, i: int, c: CountNode) -> bool:
    """Is token ``i`` ``بينما`` / ``فيما`` / ``حين`` opening a clause with a word of its own before
    the count (``قبضت على السائق، بينما تولى خبراء مساعدة الفتاتين``): the fate before it is
    another's? Not a verb of saying (``فيما أضافت فرق الطوارئ أن ثلاثة …``: more of the same)."""
    v = r.view
    if not v[i].has(cues.CLAUSE_JOINERS):
        return False
    k = v.next_word(i + 1, skip=cues.QUALIFIER_WORDS)
    return k is not None and k < c.t0 and not r.cx.number_at(k) and not v[k].is_digit \
        and v[k].key not in _NO_CLAUSE_AFTER_JOINER and not v[k].plain(cues.SAY_VERBS)


class StatusReader(FateWords):
    """The casualty status of each count."""

    def read_status(self, c: CountNode, prev: CountNode | None, nxt: CountNode | None) -> None:
        """The count's status from the words around it; detainees whose death the sentence
        tells further on (``عدد المعتقلين الذين وثق المرصد استشهادهم``) are killed."""
        self._read_status(c, prev, nxt)
        if (c.status in ("detained", "abducted") and _death_said_later(self, c)) \
                or (c.status is None and self._blew_up(c)) \
                or (c.status in (None, "other", "detained") and self._died_of_torture(c)):
            c.status = "killed"
        elif c.status in (None, "other") and self._held_after(c):
            c.status = "detained"

    def _read_status(self, c: CountNode, prev: CountNode | None, nxt: CountNode | None) -> None:
        v = self.view
        # 0. مقابل 159 مسلحاً: the status of the count it is set against
        p = v.prev_word(c.t0 - 1, skip=cues.QUALIFIER_WORDS)
        if prev is not None and p is not None and p >= prev.tail and v[p].has(cues.VERSUS) \
                and prev.status is not None:
            c.status = prev.status
            return
        if prev is not None and prev.status is not None and either_or(v, prev.t1, c.t0):
            c.status = prev.status  # مقتل أربعة أو خمسة مقاتلين: the same fate, one figure or the other
            return
        # 1. the noun itself (قتلى، جرحى، معتقلة، نازحين); a detainee who died is killed
        st = self._status_of_noun(c)
        if st is not None:
            if st != "killed" and self._death_near(c, prev.tail if prev is not None else 0):
                st = "killed"
            c.status = "other" if self._mixed_noun(c, st) else st
            c.status_noun = True
            return
        if self._dead_and_wounded_after(c):
            c.status = "other"
            return
        after = c.tail if c.noun_text else c.t1
        if in_hospital_after(v, after) or taken_to_hospital(v, c.t0, after):
            c.status = "injured"  # 15 شخصا نقلوا إلى المستشفى: in hospital, so wounded
            return
        if (st := _event_noun_after(v, c, self.cx.trigger_status)) is not None:
            c.status = st  # 12 وفاة و40 إصابة: what befell each figure follows it
            return
        floor = prev.tail if prev is not None else 0
        if _gathered(v, p, floor):
            c.status = "other"  # إحياء لذكرى الضحايا تجمع آلاف الأشخاص: a crowd
            return
        # 2. a trigger close before, in the same clause
        i = c.t0 - 1
        steps = 0
        while i >= floor and steps < 8:
            if v.is_boundary(i) or self._verb_of(prev, i, c) or v[i].key in _BUT:
                break  # نجا المسؤولون لكن 12 شخصا لقوا حتفهم: the fate before لكن is not theirs
            st = self.cx.trigger_status(i)
            if st is not None and v[i].has(cues.ADJACENT_TRIGGERS) \
                    and not all(v[k].key in cues.QUALIFIER_WORDS for k in range(i + 1, c.t0)):
                st = None  # غرق قارب يقل 50 مهاجرا: the boat sank
            if st is not None and (not v[i].has(cues.WEAK_TRIGGERS) or _words_between(v, i, c) < 3) \
                    and (not v[i].has(cues.VICTIM_OF) or steps < 5) \
                    and (not v[i].has(cues.ONE_PERSONS_DEATH) or _with_after(v, i, c)):
                c.status = "other" if self._mixed(i, st) and not self._others_after_a_subject(c, i) else st
                return
            i -= 1
            steps += 1
        # 3. a verb after the noun, in the same clause, not governing the next count
        stop = nxt.t0 if nxt is not None else len(v)
        for j in range(c.tail, min(stop, c.tail + 6)):
            if v.is_boundary(j) or v[j].has(cues.CHARGE_WORDS):
                break  # حكم بإعدام … و8 آخرين بتهم تشمل قتل متظاهرين: the charge, not their fate
            st = self.cx.trigger_status(j)
            if st is not None and protest_over(v, j):
                break  # تجمع 100 شخص احتجاجا على مقتل شاب: the death they protest, not theirs
            if st is not None and (k := v.next_word(j + 1)) is not None and v[k].key in _OTHER_PEOPLE:
                break  # سقط فيها 12 عنصرا وأصيب آخرون: the others' verb, not theirs
            if st is not None and not v[j].has(cues.WEAK_TRIGGERS):
                k = v.next_word(j + 1, skip=cues.QUALIFIER_WORDS)
                if nxt is not None and ((k is not None and k >= nxt.t0) or self._governs(j, nxt)):
                    break
                c.status = "other" if self._mixed(j, st) else st
                return
        # 4. further back in the sentence, up to the previous count and the verb agreeing with it
        i = c.t0 - 1
        steps = 0
        while i >= floor and steps < self.cfg.trigger_window:
            if v.is_sentence_end(i) or self._verb_of(prev, i, c) or _but_after(v, prev, i, c) \
                    or _clause_of_its_own(self, i, c):
                break
            st = self.cx.trigger_status(i)
            if st in cues.CASUALTY_STATUSES \
                    and not v[i].has(cues.WEAK_TRIGGERS | cues.VICTIM_OF | cues.ONE_PERSONS_DEATH):
                c.status = "other" if self._mixed(i, st) else st
                return
            i -= 1
            steps += 1
        # 5. a verb that agrees with it further on in its sentence, before the next count and not
        # right before it (``3 مسلحين … وقتلوا فيها 12 مدنيا``: they killed the twelve)
        for j in range(c.tail, min(stop, c.tail + AGREEING_REACH)):
            if v.is_sentence_end(j) or v[j].has(cues.CLAUSE_JOINERS):
                break  # نفى أربعة … بينما يعتقد أن الباقين قتلوا: another clause, other people
            if v[j].has(_SUCCUMBED) and (k := v.next_word(j + 1)) is not None and v[k].key.startswith(_OF_WOUNDS):
                break  # (أحدهما مسعف) متأثرين بجراحهما: the wounds they died of, and the verb of those
            if v[j].is_word and v[j].has(cues.AGREEING_VERBS) and (st := self.cx.trigger_status(j)) is not None:
                if nxt is not None and self._governs(j, nxt):
                    break
                c.status = "other" if self._mixed(j, st) else st
                return

    def _others_after_a_subject(self, c: CountNode, i: int) -> bool:
        """``إن الحارس قتل وأصيب سبعة لاعبين آخرين``: the count is of others and the verb joined
        before its own (at ``i``) has a subject of its own before it, so the first verb is that
        person's and the second the others': no mixed toll (``مقتل وإصابة 20 آخرين`` is one)."""
        v = self.view
        k = v.next_word(c.t1)
        after = [k, v.next_word(k + 1)] if k is not None else []
        if not (c.others or any(j is not None and v[j].has(cues.OTHERS_WORDS) for j in after)):
            return False
        first = v.prev_word(i - 1)
        if first is None or v[first].plain(_TOLL_NOUNS):
            return False  # مقتل وإصابة 20 آخرين: one toll of dead and wounded
        subject = v.prev_word(first - 1)
        return subject is not None and not v[subject].plain(_PARTICLES) and self.cx.trigger_status(subject) is None

    def _verb_of(self, prev: CountNode | None, i: int, c: CountNode) -> bool:
        """Is token ``i`` a verb agreeing with the count before (``127 مدنيا قد قتلوا … يحاصر فيه
        393 ألف نسمة``: قتلوا is the 127's, no trigger of the later count), not one right before
        ``c`` that governs it (``قتلوا 5 … وجرحوا أكثر من 60``)?"""
        v = self.view
        if prev is None or i < prev.tail or not v[i].has(cues.AGREEING_VERBS) or self._governs(i, c):
            return False  # a qualifier may come between (19 شخصا على الأقل غرقوا)
        return i <= prev.tail + 2 or all(v[k].key in cues.QUALIFIER_WORDS for k in range(prev.tail + 1, i))

    def _governs(self, i: int, c: CountNode) -> bool:
        """Does the verb at token ``i`` come right before count ``c``, a qualifier or one word of
        where or when between (``قتلا خلاله 19 سائحا``, ``وقتلوا فيها 12 مدنيا``)?"""
        v = self.view
        k = v.next_word(i + 1, skip=cues.QUALIFIER_WORDS)
        if k is not None and k < c.t0 and v[k].key in _BETWEEN_VERB_AND_OBJECT:
            k = v.next_word(k + 1, skip=cues.QUALIFIER_WORDS)
        return k == c.t0

    def _status_of_noun(self, c: CountNode) -> str | None:
        """The status the counted noun names: its first word (``قتلى``), or after a case word
        the kind of case (``حالة اعتقال`` detained, ``حالات اختناق`` injured)."""
        v = self.view
        st = status_of_word(key(c.noun_text.split()[0])) if c.noun_text else None
        at = v.next_word(c.t1)
        if st is None and (case := self._case_at(c.t1)) is not None:
            at = v.next_word(case + 1)
            if at is not None:
                st = "injured" if v[at].key in cues.CASE_KINDS else self.cx.trigger_status(at)  # حالة لفقدان البصر
        if st == "injured" and at is not None and at + 1 < len(v) and v[at + 1].has(cues.ILLNESSES):
            return None  # 12 إصابة بالملاريا, حالة إصابة بسرطان: ill, not wounded
        if st is None and c.noun_text and len(words := c.noun_text.split()) > 1 \
                and key(words[-1]) in _WOUNDED_ADJECTIVES and not self._ill_after(c) \
                and not ((k := v.next_word(c.tail)) is not None and v[k].key in _OF_IT):
            return "injured"  # إنقاذ ستة مواطنين مصابين: wounded, as the adjective says
        return st or _held_adjective_after(v, c)

    def _ill_after(self, c: CountNode) -> bool:
        """An illness within three words after the counted noun, in its clause
        (``أصيب 40 من سكان الحي بالتهاب الكبد``)."""
        v = self.view
        for k in range(c.tail, min(len(v), c.tail + 3)):
            if v.is_boundary(k) or self.cx.number_at(k):
                return False
            if v[k].has(cues.ILLNESSES) or (v[k].key == "ب" and k + 1 < len(v) and "ب" + v[k + 1].key in cues.ILLNESSES):
                return True  # بـ #سوء_التغذية: the preposition written apart
        return False

    def _case_at(self, i: int) -> int | None:
        """The token of a case word (``حالة``, ``حالات``) right at word ``i``, if there is one."""
        k = self.view.next_word(i)
        return k if k is not None and self.view[k].key in cues.CASE_WORDS else None

    def _death_near(self, c: CountNode, floor: int) -> bool:
        """A death word right before the count or right after its noun (same clause), not in
        the conjunct before or after it (``10 حالات وفاة و20 جريحا``, ``حالة وفاة وخمسة مصابين``,
        ``30 جريحا وقتل اثنان``: the wounded)."""
        v = self.view
        i, n = c.t0 - 1, 0
        joined = v[c.t0].key.startswith("و") or (c.t0 > 0 and v[c.t0 - 1].key == "و")
        while i >= floor and n < 3 and not v.is_boundary(i) and not joined:
            if v[i].is_digit or self.cx.number_at(i):
                break  # مقتل 14 عنصرا وعشرات الجرحى: the death word is the earlier count's
            if v[i].is_word:
                if v[i].has(cues.DEATH_WORDS):
                    return True
                if not v[i].has(cues.QUALIFIER_WORDS):
                    n += 1
            i -= 1
        for j in range(c.tail, min(len(v), c.tail + 3)):
            if v.is_boundary(j):
                break
            if v[j].has(cues.DEATH_WORDS) and not v[j].key.startswith("و"):
                return True
        return False

    def status_after_lists(self, nodes: list[CountNode]) -> None:
        """``64 مدنياً بينهم 13 طفلاً قتلوا``: a total with no status takes the verb
        after its list of parts (same clause; past the comma closing the list only for a verb
        that agrees with the total: ``289 مدنيا، بينهم 43 طفلا، قتلوا``)."""
        v = self.view
        for c in nodes:
            if c.status is not None or not c.children or all(d.kind == "one" for d in c.children):
                continue  # ثلاثة من أبنائها …، وأحدهم مصاب: what one of them is, not all
            end = max(d.subtree_tail() for d in c.children)
            after_comma = False
            for j in range(end, min(len(v), end + 6)):
                if not after_comma and v[j].text in (",", "،"):
                    after_comma = True  # (past the last item's words no noun was read for: أربعة قادة،)
                    continue
                if v.is_boundary(j) or (after_comma and not v[j].plain(cues.AGREEING_VERBS)):
                    break
                st = self.cx.trigger_status(j)
                if st is not None and not v[j].has(cues.WEAK_TRIGGERS):
                    c.status = "other" if self._mixed(j, st) else st
                    break

    def resolve_statuses(self, nodes: list[CountNode]) -> None:
        for c in nodes:
            if c.status == "injured" and self._ill_after(c):
                c.status = "other"  # أصيب 9 أشخاص بالملاريا: ill, not wounded
            elif c.status in (None, "killed") and not c.status_noun \
                    and {d.status for d in c.children if d.status_noun} >= _DEAD_AND_WOUNDED:
                c.status = "other"  # 1091 شخصا (335 قتيلا و756 جريحا): the dead and the wounded together
                # (a wounded toll keeps its status: some of the wounded may have died since)
        # 63 من التنظيم و29 من قسد و22 مدنيا بين القتلى: a list's words after its last item
        # tell every item's status
        # (not a status the last item's own noun names: طفلين و30 مصابا)
        for c, d in reversed(list(pairwise(nodes))):
            if c.status is None and d.status is not None and d.cue == "coord" and d.sentence == c.sentence \
                    and d.parent is c.parent and (c.parent is None or c.parent.status is None) \
                    and self._status_of_noun(d) is None and one_of_them_suffix(self.view, d.span.start) is None:
                c.status = d.status
        for c in sorted(nodes, key=lambda n: n.depth()):
            if c.status in _HELD and c.parent is not None and c.parent.status == "killed" and not _still(self.view, c):
                c.status = "killed"  # وفاة 31 معتقلا … بينهم ثلاثة أطفال اعتقلوا قبل عامين: among the dead
                continue
            if c.status is not None:
                continue
            told = [d.status for d in c.children
                    if d.of_following and d.status is not None and c.hint is not None
                    and d.hint not in (None, "people", c.hint)]
            if told:  # قتل سبعة إيرانيين من بين 14 شخصا: a narrower kind among the dead; not
                c.status = told[0]  # خمسة أحداث من بين الـ16 قاصرا, five of sixteen minors who went
                continue
            if c.parent is not None and c.parent.status is not None:
                c.status = c.parent.status
            elif c.cue == "coord" and c.order > 0 and nodes[c.order - 1].status is not None \
                    and nodes[c.order - 1].sentence == c.sentence:
                c.status = nodes[c.order - 1].status  # not across sentences: وألفي مسيحي after a full stop
            else:
                c.status = self._toll_it_raises(c, nodes) or "other"

    def held_hostage(self, nodes: list[CountNode]) -> None:
        """``خطف التنظيم 25 شخصا … وما زال 18 منهم محتجزين لديه``, ``يحتجز التنظيم 20 امرأة
        رهائن``: people held as hostages, or held once the report has told of an abduction,
        are abducted, not detained (and the counts coordinated with them)."""
        told = False
        for c in nodes:
            if c.status == "abducted":
                told = True
                continue
            if c.status != "detained" or self._status_of_noun(c) is not None:
                continue  # معتقلة لدى النظام: the noun itself says detained
            clause = self._clause(c)
            if any(self.view[i].has(cues.HOSTAGE_WORDS) for i in clause) \
                    or (told and any(self.view[i].has(cues.HELD_WORDS) for i in clause)):
                c.status = "abducted"
                told = True
            elif c.cue == "coord" and c.order > 0 and nodes[c.order - 1].status == "abducted" \
                    and nodes[c.order - 1].sentence == c.sentence:
                c.status = "abducted"

    def headline_statuses(self, nodes: list[CountNode]) -> None:
        """A title's toll told with no casualty word (``الألغام تواصل حصد الأرواح: أربعة مدنيين
        بينهم طفلان``) takes the status of the same figure of the same people in the body; that
        figure, told as held or with no casualty word, is killed where the title says so."""
        for c, body in title_and_body(self.text, nodes, lambda c, d: d.category == c.category):
            if c.status == "other" and body.status in cues.CASUALTY_STATUSES:
                _set_status([c, *c.children], "other", body.status)
            elif c.status == "killed" and body.status in (*_HELD, "other"):
                # وفاة ثلاثة معتقلين (title) … ذوي ثلاثة معتقلين تلقوا وثائق تفيد بوفاة أبنائهم
                _set_status([body, *body.children], body.status, "killed")

    def _toll_it_raises(self, c: CountNode, nodes: list[CountNode]) -> str | None:
        """``قتل 12 مدنيا أمس، لترتفع حصيلة الحملة منذ الأحد إلى 340 مدنيا``, ``قتل أربعة
        مواطنين … ليرتفع إلى 58 عدد …``: a figure a toll rises to, right after a count of its sentence,
        takes that count's casualty status, unless the toll names another (``النازحين``)."""
        v = self.view
        if c.order == 0 or nodes[c.order - 1].sentence != c.sentence:
            return None
        d = nodes[c.order - 1]
        p = v.prev_word(c.t0 - 1, skip=cues.QUALIFIER_WORDS)
        if d.status not in cues.CASUALTY_STATUSES or p is None or not v[p].has(cues.REACH_WORDS):
            return None
        between = range(d.tail, c.t0)
        rises = any(v[i].is_word and v[i].has(cues.RISE_WORDS) for i in between)
        other = any(self.cx.trigger_status(i) not in (None, d.status) for i in between)
        return d.status if rises and not other else None  # ارتفع عدد النازحين إلى: their own status


def _set_status(nodes: list[CountNode], old: str | None, new: str) -> None:
    """Give ``new`` to the nodes whose status is ``old``."""
    for n in nodes:
        if n.status == old:
            n.status = new


def wounded_of_the_dead(r: StatusReader, nodes: list[CountNode]) -> None:
    """A wounded part of a toll of the dead: wounded by a verb of its own before it (``قتل سبعة
    عناصر وجرح أربعة منهم``), people of the same side but none of the dead (no part); wounded by
    a word after it, one of the dead whose wounds are told (``وفاة فلسطينيين أحدهما صحفي إثر
    إصابتهما``): killed."""
    for c in nodes:
        if c.status != "injured" or c.parent is None or c.parent.status != "killed":
            continue
        p = r.view.prev_word(c.t0 - 1, skip=cues.QUALIFIER_WORDS) if c.t0 > 0 else None
        if p is not None and r.cx.trigger_status(p) == "injured":
            detach(c)
        elif not c.status_noun:  # (تسعة ناجين بينهم أربعة مصابين: wounded by their own noun)
            c.status = "killed"
