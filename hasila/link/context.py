"""What every decision of the linker reads: the text, its tokens and spans, and the counts.

:class:`LinkContext` is built once per :func:`hasila.link.link` call. It turns the
report's numbers into count nodes (:meth:`LinkContext.collect`, over
:func:`hasila.link.counts.collect_counts`) and answers the small questions the
decision readers share (a span at a token, a number at a token, the casualty
status a trigger word names). :class:`Reader` is the base of those readers.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from hasila.link import cues
from hasila.link.counts import NonCount, collect_counts
from hasila.link.text import SENTENCE_END, SpanLookup, TokenView, key, keys, variants
from hasila.link.tree import CountNode
from hasila.schema import Span

if TYPE_CHECKING:
    from hasila.link.config import LinkConfig

_STATUS_OF: dict[str, str] = {}
for _status, _words in cues.STATUS_TRIGGERS.items():
    for _w in _words:
        _STATUS_OF.setdefault(_w, _status)


def status_of_word(word_key: str) -> str | None:
    """The casualty status a trigger word names (``قتل`` → killed), or ``None``."""
    for v in variants(word_key):
        st = _STATUS_OF.get(v)
        if st is not None:
            return st
    return None


def mix(found: list[str], onto: Any) -> str | None:
    """One id for coordinated groups: the id itself, ``fighter`` for factions with
    jihadists, ``combatant`` for several armed sides, ``civilian`` for unarmed civilians
    together (امرأة وطفلا), ``people`` for armed and unarmed; ``None`` when nothing was found."""
    kinds = list(dict.fromkeys(found))
    if not kinds:
        return None
    if len(kinds) == 1:
        return kinds[0]
    if set(kinds) <= {"fighter", "jihadist"}:
        return "fighter"  # jihadists are counted with the factions unless split out
    if all(k in onto.armed for k in kinds):
        return "combatant"
    if set(kinds) <= {"child", "woman", "civilian"}:
        return "civilian"  # امرأة وطفلا، الأطفال والمواطنات: unarmed people together
    return "people"


#: The longest first line read as a report's title (a headline, not its first paragraph).
TITLE_CHARS = 150


def title_end(text: str) -> int | None:
    """Where the report's title ends: a first line of at most :data:`TITLE_CHARS` characters
    with no full stop; ``None`` when the first line is no title."""
    end = text.find("\n")
    title = text[:end].strip() if end > 0 else ""
    return end if title and len(title) <= TITLE_CHARS and "." not in title else None


def title_and_body(text: str, nodes: list[CountNode],
                   same: Callable[[CountNode, CountNode], bool]) -> Iterator[tuple[CountNode, CountNode]]:
    """Each count of the report's title with the first count of its body that tells the same
    figure (and passes ``same``)."""
    end = title_end(text)
    if end is None:
        return
    for c in nodes:
        if c.span.start >= end:
            break
        body = next((d for d in nodes if d.span.start > end and d.value == c.value and same(c, d)), None)
        if body is not None:
            yield c, body


def noun_of(c: CountNode) -> str:
    """The counted noun's text ("" when none)."""
    return (c.noun.text if c.noun is not None else c.noun_text) or ""


def with_ids(spans: list[Span]) -> list[Span]:
    """``spans`` in text order, each with an id (``_l1``, ``_l2``, … for those without)."""
    used = {s.id for s in spans if s.id}
    out = []
    n = 0
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        if s.id is None:
            n += 1
            while f"_l{n}" in used:
                n += 1
            new_id = f"_l{n}"
            s = s.with_id(new_id)
            used.add(new_id)
        out.append(s)
    return out


#: The reasons of the non-counts that tell when: no figure of people between a toll and its count.
_WHEN = frozenset({"date", "year", "time"})


class ByStart:
    """Spans ordered by start, to list those starting in a char range by bisection."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in self.spans]

    def between(self, lo: int, hi: int) -> list[Span]:
        """The spans with ``lo <= start < hi``, in text order."""
        return self.spans[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]


class LinkContext:
    """One call of :func:`hasila.link.link`: the text, its tokens, spans and settings."""

    def __init__(self, text: str, spans: list[Span], ontology: Any, config: LinkConfig) -> None:
        self.text = text
        self.onto = ontology
        self.cfg = config
        self.view = TokenView(text)
        self.spans = with_ids(list(spans))
        self.by_label: dict[str, list[Span]] = {}
        for s in self.spans:
            self.by_label.setdefault(s.label, []).append(s)
        self.warnings: list[str] = []
        self.non_counts: list[NonCount] = []
        self.sent, self.para = self._indices()
        self._lookups: dict[int, tuple[list[Span], int, SpanLookup]] = {}
        #: tokens where a number expression starts (و+number too), filled by :meth:`collect`
        self._number_tokens: set[int] = set()
        self._number_ends: set[int] = set()  # the last token of each number expression
        self._when_tokens: set[int] = set()  # where a date, a year or a time starts (no count)
        self.singular_nouns = frozenset(key(w) for cat in getattr(ontology, "categories", ())
                                        for w in (*cat.singular, *cat.singular_f))

    def lookup(self, spans: list[Span]) -> SpanLookup:
        """A :class:`SpanLookup` of ``spans``, built once per list (rebuilt if it grew)."""
        hit = self._lookups.get(id(spans))
        if hit is None or hit[0] is not spans or hit[1] != len(spans):
            hit = (spans, len(spans), SpanLookup(spans))
            self._lookups[id(spans)] = hit
        return hit[2]

    def span_at_token(self, spans: list[Span], i: int | None) -> Span | None:
        """A span that starts inside token ``i`` (a glued clitic may come before it)."""
        if i is None or not spans:
            return None
        t = self.view[i]
        return self.lookup(spans).starting_in(t.start, t.end)

    def span_ending_at_token(self, spans: list[Span], i: int | None) -> Span | None:
        """A span that ends inside token ``i`` (its last token)."""
        if i is None or not spans:
            return None
        t = self.view[i]
        found = self.lookup(spans).ending_in(t.start + 1, t.end + 1)
        return found[0] if found else None

    def _indices(self) -> tuple[list[int], list[int]]:
        """Sentence and paragraph (line) index of every token."""
        sent, para = [], []
        s = p = 0
        for t in self.view.toks:
            sent.append(s)
            para.append(p)
            s += t.text in SENTENCE_END
            p += t.text == "\n"
        return sent, para

    def collect(self) -> list[CountNode]:
        """Every count of the report as a node (see :func:`hasila.link.counts.collect_counts`)."""
        got = collect_counts(self.view, self.spans, self.onto, self.cfg.rules_fallback)
        self.spans.extend(got.new_spans)
        self.non_counts.extend(got.non_counts)
        self.warnings.extend(got.warnings)
        self._number_tokens = {self.view.first_at_or_after(n.start) for n in got.numbers}
        self._number_ends = {self.view.index_range(n.start, n.end)[1] - 1 for n in got.numbers}
        self._when_tokens = {self.view.first_at_or_after(n.start) for n in got.non_counts if n.reason in _WHEN}
        nodes = []
        for order, (span, value, kind) in enumerate(got.found):
            t0, t1 = self.view.index_range(span.start, span.end)
            node = CountNode(order=order, span=span, value=value, kind=kind, t0=t0, t1=max(t1, t0 + 1),
                             tail=max(t1, t0 + 1), vague=kind == "vague")
            node.sentence = self.sent[min(t0, len(self.sent) - 1)] if self.sent else 0
            node.paragraph = self.para[min(t0, len(self.para) - 1)] if self.para else 0
            nodes.append(node)
        return nodes

    def number_at(self, k: int) -> bool:
        """A number expression starts at token ``k``."""
        return k in self._number_tokens

    def when_at(self, k: int) -> bool:
        """A date, a year or a time (a number that tells when) starts at token ``k``."""
        return k in self._when_tokens

    def _counted_at(self, i: int) -> bool:
        """Token ``i`` is the noun a number counts: right after it, or after its partitive من."""
        return i - 1 in self._number_ends or (i > 1 and self.view[i - 1].key == "من" and i - 2 in self._number_ends)

    def trigger_status(self, i: int) -> str | None:
        """The status a trigger word at token ``i`` names (``None`` for other tokens, and for
        words of a place name: ``كفر بطنا`` is no ``فر``)."""
        t = self.view[i]
        if t.is_word and t.has(cues.LOSS_VERBS):
            return self._what_was_lost(i)
        if t.key in cues.LIVES:  # حصد الانفجار أرواح 714 مدنيا: the dead; تنقذ أرواح: no one
            return "killed" if self._lives_taken(i) else None
        if t.key in cues.ELIMINATION:  # القضاء على 26 مسلحا, على عدد (8): the number within a few words
            after_on = i + 1 < len(self.view) and self.view[i + 1].key == key("على")
            return "killed" if after_on and any(self.number_at(k) for k in range(i + 2, i + 7)) else None
        if t.key in _GRIP and i > 0 and (g := self.view.prev_word(i - 1)) is not None and self.view[g].key in _IN:
            return "detained"  # وقع 12 مسلحا في قبضة الأمن: in the grip of their captors
        if t.is_word and t.plain(cues.SEIZED):
            return "detained"  # ضبط 4 مطلوبين: seized; a weak trigger, no evidence of a count
        if not t.is_word or (st := status_of_word(t.key)) is None:
            return None
        if t.plain(_FAMILIES) and self._counted_at(i):
            return None  # 300 من الأسر النازحة: families counted, not captivity
        if st == "other" and self._toll_reaching(i):
            return None  # عدد القتلى وصل إلى 5000: the toll reaching its figure, no arrival
        if st == "injured" and i + 1 < len(self.view) and self.view[i + 1].has(cues.ILLNESSES):
            return None  # مصابون بمرض التوحد: ill, not wounded
        if t.has(cues.STRUCK_VERBS) and any(self.view[k].has(cues.ILLNESS_NOUNS) for k in range(max(0, i - 6), i)):
            return None  # الكوليرا التي أصابت مليون شخص: ill, not wounded
        if t.has(cues.FATE_WORDS) and not self._fate_unknown(i):
            return None
        if t.has(cues.RULING_VERBS) and (j := self.view.next_word(i + 1)) is not None \
                and self.view[j].has(cues.RULERS_AND_RULINGS):
            return None  # قضت المحكمة بسجن: a ruling
        if t.key in _SPENT and (j := self.view.next_word(i + 1)) is not None and self.view[j].key in _TIME_SPENT:
            return None  # قضوا الليل في القطارات, قضى عقوبته: time spent, no death
        if t.key in cues.SENTENCED_TO_DEATH \
                and not any(self.view[k].has(cues.CARRIED_OUT) for k in range(max(0, i - 4), i)):
            return None  # قضت بإعدام: sentenced, not (yet) executed
        if self._death_penalty(i) and not self._carried_out_before(i):
            return None  # طالبت بعقوبة الإعدام: a penalty sought or passed, not (yet) carried out
        places = self.by_label.get("PLACE")
        if places and self.lookup(places).overlapping(t.start, t.end):
            return None
        p = self.view.prev_word(i - 1)
        if p is not None and t.key in _THEIR_KILLING and self.view[p].key in _IN:
            return None  # يشتبه في قتلهم الطيار: the killing they are suspected of
        if p is not None and st == "killed" and self.view[p].key in _PERIL:
            return None  # بينهم ستة يواجهون خطر الموت: in danger of death, alive
        if p is not None and st == "detained" and self.view[p].plain(_WARRANT):
            return "other"  # مذكرات توقيف بحق 25 شخصا: warrants, nobody held yet
        if p is not None and self.view[p].key in _IN:
            p = self.view.prev_word(p - 1)  # الشروع في قتل: attempted
        return "other" if p is not None and self.view[p].has(cues.ATTEMPT_WORDS) else st

    def _carried_out_before(self, i: int) -> bool:
        """A verb of carrying out (``نفذت``) before token ``i`` in its sentence, a dozen tokens
        back at most (``نفذت جبهة النصرة (ذراع القاعدة) حكم الإعدام``)."""
        a, _ = self.view.sentence_bounds(i)
        return any(self.view[k].has(cues.CARRIED_OUT) for k in range(max(a, i - 12), i))

    def _toll_reaching(self, i: int) -> bool:
        """Token ``i`` is a verb of reaching (``وصل``) whose subject is a toll word (``عدد``,
        ``حصيلة``) a few words before it, in its clause."""
        return self.view[i].has(cues.REACH_WORDS) and self._in_clause_before(i, cues.TOTAL_WORDS, 4)

    def _death_penalty(self, i: int) -> bool:
        """Token ``i`` is the death named as a penalty (``عقوبة الإعدام``, ``حكم الإعدام``)."""
        p = self.view.prev_word(i - 1) if i > 0 else None
        return self.view[i].key in _EXECUTION and p is not None and self.view[p].key in _PENALTY

    def _lives_taken(self, i: int) -> bool:
        """A verb of reaping or taking lives within 8 tokens before ``i``, in its clause."""
        return self._in_clause_before(i, cues.LIVES_TAKEN_BY, 8)

    def _in_clause_before(self, i: int, cue: frozenset[str], reach: int) -> bool:
        """A word of ``cue`` within ``reach`` tokens before token ``i``, no boundary between."""
        for k in range(i - 1, max(-1, i - reach - 1), -1):
            if self.view.is_boundary(k):
                return False
            if self.view[k].has(cue):
                return True
        return False

    def _what_was_lost(self, i: int) -> str | None:
        """``فقدوا أطرافهم`` injured, ``فقدوا حياتهم`` killed, ``فقدوا والديهم`` nothing; ``فقدوا``
        with no object, or ``فقد`` before its figure (``فقد 23 عسكريا``: they went missing), missing."""
        j = self.view.next_word(i + 1)
        q = self.view.next_word(i + 1, skip=cues.QUALIFIER_WORDS)  # (q is j unless j is a qualifier)
        if q is not None and self.number_at(q):
            return self._lost_by_a_figure(i, q)  # فقد 23 عسكريا, فقدان أكثر من مائتي مهاجر
        if j is None or j != i + 1 or self.view[j].key in _NO_OBJECT:
            return status_of_word(self.view[i].key)
        if self.view[j].has(cues.LOST_LIMBS):
            return "injured"
        return "killed" if self.view[j].has(cues.LOST_LIVES) else None

    def _lost_by_a_figure(self, i: int, j: int) -> str | None:
        """``فقد`` right before a figure: what they lost a few words on (``فقد 52 شخصا أرواحهم``
        killed, ``فقد 410 أطفال أمهاتهم`` nothing), else, the verb in the masculine with the
        figure its subject (``وفقد 15 جنديا``), they went missing; ``فقدت القوات 4 من عناصرها``
        (a side lost them) says no more."""
        v = self.view
        for k in range(j + 1, min(len(v), j + _LOST_REACH)):
            if v.is_boundary(k):
                break
            if v[k].has(cues.LOST_LIVES):
                return "killed"
            if v[k].has(cues.LOST_LIMBS):
                return "injured"
            if v[k].has(cues.LOST_KIN) or v[k].has(cues.LOST_LIVELIHOOD):
                return None  # فقد 410 أطفال أمهاتهم, فقد أكثر من 350 من الصحافيين … أعمالهم
        return "missing" if v[i].has(_LOST_HIMSELF) else None  # (بفقدان مئات المقاتلين)

    def _fate_unknown(self, i: int) -> bool:
        """Is the fate at token ``i`` said to be unknown, in its sentence, a few words off?"""
        v = self.view
        a, b = v.sentence_bounds(i)
        return any(v[k].is_word and v[k].has(cues.UNKNOWN_WORDS) for k in range(max(a, i - 4), min(b, i + 8)))


#: The death penalty: ``الإعدام`` after the word for a penalty or a sentence.
_EXECUTION = keys("الإعدام الاعدام")
_PENALTY = keys("عقوبة بعقوبة وعقوبة حكم بحكم أحكام بأحكام حكما")
#: ``قضى`` / ``قضوا`` (died; also spent) and the spans of time they spend (``قضوا الليل``).
_SPENT = keys("قضى قضوا قضت قضين قضيا يقضي يقضون")
_TIME_SPENT = keys("""الليل ليلتهم ليلته ليلة الليلة ليالي أياما ساعات وقتا الوقت عطلة العطلة عطلتهم إجازة
                      الإجازة إجازتهم عقوبة عقوبته عقوبتهم فترة سنوات أسابيع شهورا أشهرا معظم بقية""")
#: Tokens after the figure of ``فقد`` in which what was lost is looked for.
_LOST_REACH = 9
#: ``فقد``/``فُقد`` whose subject is the figure after it (not ``فقدت``, a side that lost people),
#: and the loss of a figure (``فقدان 3 بينهم طفلة``).
_LOST_HIMSELF = keys("فقد فقدان")
#: ``الأسر`` after a number: families (أُسر), not captivity (أَسر).
_FAMILIES = keys("الأسر")
#: ``قتلهم`` after ``في`` is their killing of someone (``يشتبه في قتلهم الطيار``), not their death.
_THEIR_KILLING = keys("قتلهم")
_IN = keys("في")
_GRIP = keys("قبضة")
#: ``خطر الموت``, ``حافة الموت``: a death they are in danger of, not one that befell them.
_PERIL = keys("خطر خطورة حافة شفا")
#: ``مذكرة توقيف``, ``مذكرات اعتقال بحق 25 شخصا``: warrants, no arrest made.
_WARRANT = keys("مذكرة مذكرات مذكرتي مذكرتا أوامر")
#: Words after ``فقدوا`` that are no object of it (``فقدوا في البحر``): the verb alone.
_NO_OBJECT = keys("في منذ خلال أثناء اثناء بعد قبل إثر اثر أثر الاتصال")


class Reader:
    """Base of the linker's decision readers: the context and its most used parts."""

    def __init__(self, cx: LinkContext) -> None:
        self.cx = cx
        self.text = cx.text
        self.onto = cx.onto
        self.cfg = cx.cfg
        self.view = cx.view
        self.spans = cx.spans
        self.by_label = cx.by_label
