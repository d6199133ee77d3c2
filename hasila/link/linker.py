"""The post-processor: every number of a report → casualty records or non-counts.

:func:`link` takes the raw text and labelled spans (gold or predicted) and
decides, for every number expression (:func:`hasila.text.arabic.find_numbers`,
plus COUNT spans it missed), whether it counts people. COUNT spans are the
primary evidence; a number no COUNT span covers is a non-count with a reason
(date, year, age, duration, thing, ordinal, percentage, money, other), unless
``LinkConfig.rules_fallback`` is on and the words around it say it counts
people (a people noun follows, a casualty trigger governs it).

For each count it fills a :class:`~hasila.schema.CasualtyRecord`: value,
qualifier, status, category (+ the CATEGORY span text), part_of (the parent
total, see :mod:`hasila.link.tree`), affiliation, perpetrator and location;
and it warns when the disjoint parts of a total add up to more than it.
"""

from __future__ import annotations

import bisect
import logging
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import combinations, pairwise
from typing import Any

from hasila.link import cues
from hasila.link.counts import NonCount, collect_counts
from hasila.link.numbers import (
    group_after,
    noun_category,
    people_noun_at,
    possessed_noun_category,
)
from hasila.link.text import SENTENCE_END, SpanLookup, TokenView, key, variants
from hasila.link.tree import CountNode, attach_breakdown, resolve_tree
from hasila.schema import CasualtyRecord, CountAttrs, Doc, Relation, Span

logger = logging.getLogger(__name__)

__all__ = ["LinkConfig", "LinkResult", "LinkTimeout", "NonCount", "link", "link_doc"]

_STATUS_OF: dict[str, str] = {}
for _status, _words in cues.STATUS_TRIGGERS.items():
    for _w in _words:
        _STATUS_OF.setdefault(_w, _status)
_SKIP_BEFORE_NOUN = frozenset({"ال", "الـ"})
_SUBSET_KEYS = frozenset(w for p in (*cues.SUBSET_BEFORE, *cues.BREAKDOWN_BEFORE) for w in p) - cues.LIST_PREPOSITIONS
_OVERRIDABLE = frozenset({"people", "fighter", "combatant", "man"})
_FORMER = frozenset(key(w) for w in ("سابق", "سابقين", "سابقون", "سابقان", "السابقين", "السابقون", "سابقا", "سابقاً"))
_ARMED_NOUNS = frozenset({"people", "fighter", "combatant", "regime", "man"})
_GAP_CHARS = 12  # the longest gap read between a CATEGORY and the count word after it
_OF_FOLLOWING_REACH = 8  # tokens between a count and a later "من بين N" it is part of
_PLACE_OPENERS = frozenset(key(w) for w in ("في", "ففي", "وفي"))
#: Partitive member nouns whose category the group after them decides (عناصر، مسلحي، مقاتلي).
_CONSTRUCT_HEADS = frozenset({None, "people", "combatant", "fighter"})
_OF_TOTAL_REACH = 30  # tokens from a count to ``، من أصل N`` after its clause
_NOUN_LIST_REACH = 12  # tokens back from a coordinated count to a بينهم/هم opening its list
_NAMED_BEFORE_REACH = 600  # tokens back a group head alone may find the group's full name
_OTHERS_WOMEN = frozenset(key(w) for w in ("أخريات", "آخرات"))


@dataclass(frozen=True)
class LinkConfig:
    """Settings of the post-processor (a typed config: ``load_config(LinkConfig, yaml)``,
    or the ``link`` section of :class:`hasila.rules.tagger.WeakConfig`)."""

    #: Classify numbers that no COUNT span covers as counts when the words around say so.
    rules_fallback: bool = True
    #: Attach later top-level counts to a breakdown list when they make its sum exact.
    sum_completion: bool = True
    #: How many tokens back a casualty trigger may govern a count.
    trigger_window: int = 40
    #: How far (tokens) after a count and its list a perpetrator or place may be.
    scope_tokens: int = 20
    #: Add a CATEGORY span (and category relation) for each noun the rules found
    #: without one (for the rules labeller).
    category_spans: bool = False


def load_link_config(path: str | None = None, overrides: list[str] | None = None) -> LinkConfig:
    """``configs/link.yaml`` (or ``path``) with ``key=value`` overrides; defaults when absent."""
    from hasila.config import load_config
    from hasila.fileio import project_root

    if path is None:
        default = project_root() / "configs" / "link.yaml"
        path = str(default) if default.exists() else None
    return load_config(LinkConfig, path, overrides)


@dataclass
class LinkResult:
    """Records, non-counts and warnings; ``spans``/``relations`` say the same as a Doc."""

    records: list[CasualtyRecord] = field(default_factory=list)
    non_counts: list[NonCount] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def to_doc(self, doc_id: str, text: str, meta: dict[str, Any] | None = None) -> Doc:
        """The linked report as a :class:`Doc` (COUNT attributes and relations filled)."""
        return Doc(id=doc_id, text=text, spans=list(self.spans), relations=list(self.relations),
                   meta=dict(meta or {}))


# ----------------------------------------------------------------------------- helpers


def _mix(found: list[str], onto: Any) -> str | None:
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
    if set(kinds) <= onto.parts("civilian") - {"man"} and set(kinds) & {"child", "woman", "civilian"}:
        return "civilian"  # امرأة وطفلا، الأطفال والمواطنات: unarmed people together
    return "people"


def _allies(words: list[str]) -> bool:
    """``المقاتلين الموالين لها``, ``والموالين لهم``: a loyal word then a pronoun (the allies
    of the group named before, on its side; not the regime's loyalists)."""
    for w, nxt in pairwise(words[:4]):
        if any(x in cues.LOYAL_WORDS for x in variants(key(w))) and key(nxt) in cues.ALLY_PRONOUNS:
            return True
    return False


def _abroad(place: str) -> bool:
    """A place name outside Syria (:data:`hasila.link.cues.FOREIGN_PLACES`)."""
    return any(x in cues.FOREIGN_PLACES for w in place.split() for x in variants(key(w)))


def _status_of_word(word_key: str) -> str | None:
    for v in variants(word_key):
        st = _STATUS_OF.get(v)
        if st is not None:
            return st
    return None


def _with_ids(spans: list[Span]) -> list[Span]:
    used = {s.id for s in spans if s.id}
    out = []
    n = 0
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        if s.id is None:
            n += 1
            while f"_l{n}" in used:
                n += 1
            s = s.with_id(f"_l{n}")
            used.add(s.id)
        out.append(s)
    return out


class _ByStart:
    """Spans ordered by start, to list those starting in a char range by bisection."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in self.spans]

    def between(self, lo: int, hi: int) -> list[Span]:
        """The spans with ``lo <= start < hi``, in text order."""
        return self.spans[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]


class _Linker:
    """One call of :func:`link`: the text, its spans and the counts being built."""

    def __init__(self, text: str, spans: list[Span], ontology: Any, config: LinkConfig) -> None:
        self.text = text
        self.onto = ontology
        self.cfg = config
        self.view = TokenView(text)
        self.spans = _with_ids(list(spans))
        self.by_label: dict[str, list[Span]] = {}
        for s in self.spans:
            self.by_label.setdefault(s.label, []).append(s)
        self.warnings: list[str] = []
        self.non_counts: list[NonCount] = []
        self._sent, self._para = self._indices()
        self._last_bullet: CountNode | None = None
        self._lookups: dict[int, tuple[list[Span], int, SpanLookup]] = {}
        self._counted: tuple[list[CountNode], set[int]] | None = None
        #: tokens where a number expression starts (و+number too), filled by :meth:`collect`
        self._number_tokens: set[int] = set()
        self._isis_only: bool | None = None
        self._singular_nouns = frozenset(key(w) for cat in getattr(ontology, "categories", ())
                                         for w in (*cat.singular, *cat.singular_f))

    def _lookup(self, spans: list[Span]) -> SpanLookup:
        """A :class:`SpanLookup` of ``spans``, built once per list (rebuilt if it grew)."""
        hit = self._lookups.get(id(spans))
        if hit is None or hit[0] is not spans or hit[1] != len(spans):
            hit = (spans, len(spans), SpanLookup(spans))
            self._lookups[id(spans)] = hit
        return hit[2]

    def _span_at_token(self, spans: list[Span], i: int | None) -> Span | None:
        """A span that starts inside token ``i`` (a glued clitic may come before it)."""
        if i is None or not spans:
            return None
        t = self.view[i]
        return self._lookup(spans).starting_in(t.start, t.end)

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

    # ------------------------------------------------------------------ numbers → counts

    def collect(self) -> list[CountNode]:
        """Every count of the report as a node (see :func:`hasila.link.counts.collect_counts`)."""
        got = collect_counts(self.view, self.spans, self.onto, self.cfg.rules_fallback)
        self.spans.extend(got.new_spans)
        self.non_counts.extend(got.non_counts)
        self.warnings.extend(got.warnings)
        self._number_tokens = {self.view.first_at_or_after(n.start) for n in got.numbers}
        nodes = []
        for order, (span, value, kind) in enumerate(got.found):
            t0, t1 = self.view.index_range(span.start, span.end)
            node = CountNode(order=order, span=span, value=value, kind=kind, t0=t0, t1=max(t1, t0 + 1),
                             tail=max(t1, t0 + 1), vague=kind == "vague")
            node.sentence = self._sent[min(t0, len(self._sent) - 1)] if self._sent else 0
            node.paragraph = self._para[min(t0, len(self._para) - 1)] if self._para else 0
            nodes.append(node)
        return nodes

    # ------------------------------------------------------------------ noun, group, category hint

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
            if j is not None and v[j].has(cues.OTHERS_WORDS):
                c.others = True  # عنصرين آخرين
            self._read_group(c, c.t1 if not c.others else j + 1)
            self._neutral_group(c)
            return
        j = v.next_word(c.t1, skip=_SKIP_BEFORE_NOUN)
        span = self._span_at_token(cats, j)
        if span is not None:
            c.noun = span
        elif j is not None and v[j].key == "من":
            span = self._span_at_token(cats, v.next_word(j + 1))
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
                c.hint = self._phrase_category(c.noun.text, partitive=True)
            else:
                self._hint_from_noun(c, c.noun.text)
        elif j is not None and v[j].has(cues.OTHERS_WORDS):
            c.others = True
            c.tail = j + 1
            if v[j].has(_OTHERS_WOMEN):
                c.hint = "woman"  # 4 أخريات: four other women
        elif j is not None and self.cfg.rules_fallback and not self._span_at_token(self.spans, j):
            if people_noun_at(v, j, self.onto):
                c.tail = self._noun_phrase_end(j)
                c.noun_chars = (v[j].start, v[c.tail - 1].end)
                c.noun_text = self.text[c.noun_chars[0]:c.noun_chars[1]]
                self._hint_from_noun(c, c.noun_text)
            elif v[j].key == "من":
                cid, first, last = self._group_at(j + 1)
                if cid is not None:
                    c.partitive = True
                    c.noun_chars = (v[first].start, v[last].end)
                    c.noun_text = self.text[c.noun_chars[0]:c.noun_chars[1]]
                    c.hint = cid
                    c.tail = last + 1
        if c.noun is None and c.noun_text is None and self.cfg.rules_fallback:
            self._noun_before(c)
        if c.hint is None and c.noun is None and c.noun_text is None:
            c.hint = self._bare_category(c)
            if c.hint is not None:
                c.bare_hint = True
        if not c.partitive:
            self._read_group(c, c.tail)
        elif c.noun is not None and (c.hint in _CONSTRUCT_HEADS or self.onto.is_neutral_noun(c.noun.text)):
            self._construct_group(c)
        self._neutral_group(c)
        if c.hint == "regime" and self._soldiers_of_a_foreign_state(c):
            c.hint = "foreign_forces"  # أعلنت أنقرة مقتل 8 من جنودها
        if c.kind == "one" and c.hint in (None, "people") and c.group_cat is None:
            k = v.next_word(c.t1)
            cid = self._group_at(k)[0] if k is not None and not v.is_boundary(k) else None
            if cid not in (None, "people"):  # وأحد عناصر الدفاع المدني: one of that group
                c.hint, c.generic, c.group_cat = cid, False, cid
        if c.generic and c.hint in (None, "people") and c.group_cat is None:
            named = self._toll_named_before(c)
            if named is not None:  # يقدر عدد مقاتلي داعش الذين سقطوا بـ10 آلاف شخص
                c.hint, c.generic = named, False

    def _construct_group(self, c: CountNode) -> None:
        """``12 من عناصر قوات النظام``, ``سبعة من مسلحي داعش``: the group right after a
        partitive member noun decides the category."""
        v = self.view
        k = v.index_range(c.noun.start, c.noun.end)[1] if c.noun is not None else c.tail
        k = v.next_word(k)
        if k is None or v.is_boundary(k) or self._allies_at(k):
            return  # سبعة من الفرقة 30 والمقاتلين الموالين لها: the allies of the group, not another side
        actor = self._span_at_token(self.by_label.get("ACTOR", []), k)
        mixed = False
        if actor is not None:
            cid = self._phrase_category(actor.text, partitive=True) or self._named_before(k)
            end = v.index_range(actor.start, actor.end)[1]
            while end < len(v) and v[end].is_quote:
                end += 1  # مقاتلي "جيش الإسلام" والمدنيين
            if cid is not None and end < len(v) and v[end].is_word and v[end].key.startswith("و") \
                    and not self._allies_at(end) and not self._one_more_person(end):
                other, _, _ = group_after(v, end, self.onto)  # مقاتلي جيش الإسلام والمدنيين
                if other not in (None, "people"):
                    cid = _mix([cid, other], self.onto)
                    mixed = True
        else:
            cid, _, _ = self._group_at(k)
        if cid is None or (cid == "people" and not mixed):
            return
        c.hint, c.generic, c.group_cat = cid, False, cid
        if actor is not None:
            c.affiliation = actor

    def _neutral_group(self, c: CountNode) -> None:
        if c.group_cat is None and c.noun_text and not c.partitive \
                and self.onto.is_neutral_noun(c.noun_text.split()[0]):
            earlier = self._group_earlier(c)
            if earlier is not None:
                c.hint, c.generic = earlier, False

    def _noun_phrase_end(self, j: int) -> int:
        """One past a counted noun at token ``j`` and the words that qualify it:
        ``قتيلا مدنيا``, ``عسكريا روسيا``, ``المقاتلين المعارضين والمدنيين``."""
        v = self.view
        end = j + 1
        for k in range(j + 1, min(len(v), j + 4)):
            t = v[k]
            if not t.is_word or t.has(cues.THING_NOUNS) or t.plain(_SUBSET_KEYS) or self._number_at(k):
                break  # وامرأتان: a coordinated dual is a count of its own
            if t.has(cues.FOREIGN_ADJ) or t.key in cues.LOYAL_WORDS:
                end = k + 1
                continue
            core = t.key[1:] if t.key.startswith("و") and len(t.key) > 3 else t.key
            if core != t.key and core in self._singular_nouns and v[j].key not in self._singular_nouns:
                break  # أربعة أطفال وامرأة: a person named beside the count (not 11 ألف مدني ومقاتل)
            if noun_category(self.onto, core) is not None and not self.onto.is_neutral_noun(core):
                end = k + 1
                continue
            if t.key.endswith("ي") and len(t.key) >= 5 and k == end and k + 1 < len(v) \
                    and people_noun_at(v, k + 1, self.onto) \
                    and noun_category(self.onto, v[k + 1].text) not in (None, "people"):
                continue  # لاجئ فلسطيني مدني: a nisba adjective before the noun that decides
            if t.key.startswith("ال") and k == end and k + 1 < len(v) and v[k + 1].key.startswith("و"):
                continue  # المقاتلين المعارضين والمدنيين: an adjective before a coordinated noun
            break
        return end

    def _noun_before(self, c: CountNode) -> None:
        """``طفلا واحدا مات``, ``المختطفات الـ9``: a people noun right before the count."""
        v = self.view
        glued = v.glued_prefix(c.t0, c.span.start)
        i = c.t0 - 1
        if i >= 0 and v[i].key in ("ال", "الـ"):
            glued, i = "ال", i - 1
        if c.kind not in ("words", "one") and glued not in ("ال", "الـ"):
            return
        if i >= 0 and people_noun_at(v, i, self.onto) and not self._span_at_token(self.spans, i):
            c.noun_chars = (v[i].start, v[i].end)
            c.noun_text = v[i].text
            c.noun_before = True
            self._hint_from_noun(c, c.noun_text)

    def _category_before(self, c: CountNode, cats: list[Span]) -> Span | None:
        """``طفلا واحدا``, ``المختطفات الـ9``: a CATEGORY right before a count word
        (only a few characters of gap are read, whatever the number of spans)."""
        gap_ok = {"", "ال", "الـ"}
        glued_ok = {"ه", "ها", "هم", "هما", "هن"}  # وأطفالهما الخمسة: a pronoun glued to the noun
        lookup = self._lookup(cats)
        lo = max(0, c.span.start - _GAP_CHARS)
        hits = [s for s in (lookup.ending_in(lo, c.span.start + 1) or ())
                if key(self.text[s.end:c.span.start]).strip() in gap_ok
                or (not self.text[s.end:s.end + 1].isspace() and key(self.text[s.end:c.span.start]).strip() in glued_ok)]
        for s in hits:
            after = self.view.next_word(c.t1, skip=_SKIP_BEFORE_NOUN)
            if after is None or not people_noun_at(self.view, after, self.onto):
                return s
        return None

    def _noun_category(self, text: str) -> tuple[str | None, bool]:
        """Category of a counted noun phrase and whether it is generic (شخص، عنصر)."""
        words = text.split()
        backed = next((i for i, w in enumerate(words) if i and key(w) in cues.BACKED_BY), None)
        if backed is not None:  # مقاتلين مدعومين من تركيا: fighters, not Turkish forces
            words = words[:backed]
            text = " ".join(words)
        if not words:
            return None, True
        cid = noun_category(self.onto, text)
        neutral = self.onto.is_neutral_noun(words[0])
        if len(words) > 1:
            per_word = [noun_category(self.onto, w) for w in words]
            first = per_word[0]
            armed_head = neutral or first in _ARMED_NOUNS or first is None
            if any(key(w) in cues.FOREIGN_ADJ for w in words[1:]) and (neutral or first in _ARMED_NOUNS):
                cid = "foreign_forces"
            elif any(key(w) in cues.LOYAL_WORDS for w in words[1:]) and armed_head:
                cid = "regime"
            elif cid in ("people", None):
                specific = [p for p in per_word[1:] if p not in (None, "people")]
                if specific:
                    cid = specific[0]
        generic = cid is None or cid == "people"
        return cid, generic

    def _hint_from_noun(self, c: CountNode, text: str) -> None:
        cid, generic = self._noun_category(text)
        mixed = self._mixed_parts(text, partitive=False)
        c.hint = mixed or cid
        c.generic = generic and mixed is None

    def _phrase_category(self, text: str, partitive: bool) -> str | None:
        mixed = self._mixed_parts(text, partitive)
        if mixed is not None:
            return mixed
        cid = self.onto.category_of_group(text) or self.onto.category_of_noun(text)
        if cid is None and any(key(w) in cues.LOYAL_WORDS for w in text.split()):
            return "regime"
        if cid is None and " " not in text.strip():
            cid = possessed_noun_category(self.onto, text.strip())  # من جنودها
        return cid

    def _mixed_parts(self, text: str, partitive: bool) -> str | None:
        """``مقاتلين ومدنيين`` → people, ``قوات النظام وفصائل المعارضة`` → combatant."""
        words = text.split()
        cuts = [0] + [i for i in range(1, len(words)) if key(words[i]).startswith("و") and len(key(words[i])) > 3]
        if len(cuts) < 2:
            return None
        found = []
        for a, b in zip(cuts, [*cuts[1:], len(words)], strict=True):
            if a > 0 and _allies(words[a:b]):
                continue  # جبهة النصرة والمقاتلين الموالين لها: the first group's side
            part = " ".join(words[a:b])
            if a > 0:
                part = part[1:]
            cid = self.onto.category_of_group(part) if partitive else None
            cid = cid or self.onto.category_of_noun(part)
            if cid is not None and cid != "people":
                found.append(cid)
        return _mix(found, self.onto)

    def _one_more_person(self, k: int) -> bool:
        """``ثلاثة عناصر من الجيش الوطني ومدني``: a bare singular noun coordinated after the
        group is one more victim beside the count, not a second side of it."""
        t = self.view[k]
        return t.key.startswith("و") and t.key[1:] in self._singular_nouns

    def _allies_at(self, k: int) -> bool:
        """``والمقاتلين الموالين لها`` at token ``k``: the allies of the group just named."""
        v = self.view
        words = []
        for x in range(k, min(len(v), k + 4)):
            if not v[x].is_word:
                break
            words.append(v[x].text)
        return _allies(words)

    def _group_at(self, k: int) -> tuple[str | None, int, int]:
        """A text group at token ``k`` (``قوات النظام``), mixed with a coordinated one."""
        v = self.view
        cid, first, last = group_after(v, k, self.onto)
        if cid is None or (last == k and v[k].has(cues.GROUP_HEADS)):
            named = self._named_before(k)  # الفرقة / التنظيم: the group named in full before
            if named is not None:
                return named, k, k
        if cid is None:
            return self._quoted_name(k) or self._tied_group(k)
        nxt = last + 1
        while nxt < last + 3 and nxt < len(v) and v[nxt].is_word and v[nxt].key.startswith("ال") \
                and v[nxt].key not in cues.LOYAL_WORDS:
            nxt += 1  # قوات النظام السوري وفصائل …: adjectives before the coordination
        if nxt < len(v) and v[nxt].is_word and v[nxt].key.startswith("و") and len(v[nxt].key) > 3:
            other, _, last2 = group_after(v, nxt, self.onto)
            if self._allies_at(nxt):  # قوات النظام والمسلحين الموالين لها: one side, one phrase
                end = last2 if other is not None else last
                if end + 1 < len(v) and v[end + 1].key in cues.ALLY_PRONOUNS:
                    end += 1  # the pronoun belongs to the phrase (والموالين لهم)
                return cid, first, end
            mixed = _mix([cid, other] if other not in (None, "people") else [cid], self.onto)
            if mixed is not None and other is not None:
                return mixed, first, last2
        return cid, first, last

    def _named_before(self, k: int) -> str | None:
        """A group head alone at token ``k`` (``من الفرقة``, ``مقاتلي الجبهة``, ``من وحدات
        الحماية``): the category of the latest group named in full with that head before it."""
        v = self.view
        if not v[k].is_word or not v[k].has(cues.GROUP_HEADS):
            return None
        head = next(x for x in variants(v[k].key) if x in cues.GROUP_HEADS)
        for p in range(k - 1, max(-1, k - _NAMED_BEFORE_REACH), -1):
            if not v[p].is_word or head not in variants(v[p].key):
                continue
            words = [v[x].text for x in range(p, min(len(v), p + 5)) if v[x].is_word or v[x].is_digit]
            for n in range(len(words), 1, -1):
                cid = self.onto.category_of_group(" ".join(words[:n]))
                if cid is not None:
                    return cid
            cid, _, last = group_after(v, p, self.onto)
            if cid is not None and last > p:
                return cid
            cid, _, _ = self._tied_group(p)
            if cid is not None:
                return cid
        return None

    def _quoted_name(self, k: int) -> tuple[str, int, int] | None:
        """``قوى الأمن الداخلي "الأسايش"``: an unknown unit followed (same clause, a few words on)
        by the known name of its group in quotes."""
        v = self.view
        for m in range(k, min(len(v), k + 6)):
            if v.is_boundary(m):
                return None
            if v[m].is_quote and m > k:
                cid, _, last = group_after(v, m + 1, self.onto)
                return (cid, k, last) if cid not in (None, "people") else None
        return None

    def _tied_group(self, k: int) -> tuple[str | None, int, int]:
        """``فرق الهندسة التابعة لـقوات سوريا الديمقراطية``: an unknown unit tied to a known group."""
        v = self.view
        for m in range(k, min(len(v), k + 7)):
            if v.is_boundary(m):
                break
            if v[m].has(cues.TIED_TO):
                n = m + 1
                while n < len(v) and not v[n].is_word and not v.is_boundary(n):
                    n += 1
                if n < len(v) and v[n].key in ("ل", "لـ"):
                    n += 1
                cid, _, last = group_after(v, n, self.onto) if n < len(v) else (None, n, n)
                if cid is None and n < len(v) and v[n].key.startswith("ل"):
                    cid = self.onto.category_of_group(v[n].text[1:].lstrip("ـ"))
                    last = n
                if cid is not None:
                    return cid, k, last
                break
        return None, k, k

    def _group_earlier(self, c: CountNode) -> str | None:
        """``تقل عناصر من قوات سوريا الديمقراطية … مقتل ثلاثة عناصر``: a bare neutral noun
        counts members of the group named with the same noun earlier in the sentence."""
        v = self.view
        a, _ = v.sentence_bounds(min(c.t0, len(v) - 1))
        for i in range(c.t0 - 1, a - 1, -1):
            if not (v[i].is_word and self.onto.is_neutral_noun(v[i].text)):
                continue
            j = v.next_word(i + 1)
            if j is None or v[j].key != "من":
                continue
            k = v.next_word(j + 1)
            if k is None:
                continue
            actor = self._span_at_token(self.by_label.get("ACTOR", []), k)
            if actor is not None:
                cid = self._phrase_category(actor.text, partitive=True)
            else:
                cid, _, _ = self._group_at(k)
            if cid is not None:
                return cid
        return None

    def _bare_category(self, c: CountNode) -> str | None:
        """A count with no noun: ``إلى 93 تعداد القتلى المدنيين`` / ``عدد قتلى قوات النظام … إلى 209``."""
        v = self.view
        j = v.next_word(c.t1)
        if j is not None and v[j].has(cues.TOTAL_WORDS):
            return self._category_in(j + 1, j + 5)
        i = c.t0 - 1
        steps = 0
        while i >= 0 and steps < 15 and not v.is_sentence_end(i):
            if v[i].has(cues.TOTAL_WORDS):
                return self._category_in(i + 1, c.t0)
            if v[i].is_digit:
                break
            i -= 1
            steps += 1
        return None

    def _toll_named_before(self, c: CountNode) -> str | None:
        """``عدد مقاتلي داعش الذين سقطوا … بـ10 آلاف شخص``, ``المدنيين الذين قتلوا … بلغوا 1452
        سوريا``: a figure with a plain people noun that a toll named earlier in its sentence
        reaches takes the kind that toll names."""
        v = self.view
        glued = v.glued_prefix(c.t0, c.span.start)
        p = v.prev_word(c.t0 - 1)
        by = glued.rstrip("ـ").endswith("ب") or (p is not None and v[p].key.rstrip("ـ") == "ب")
        if not by and (p is None or p != c.t0 - 1 or not v[p].has(cues.REACH_WORDS)):
            return None  # يقدر … بـ10 آلاف / بلغوا 1452
        for i in range(c.t0 - 1, max(-1, c.t0 - 30), -1):
            if v.is_sentence_end(i) or (i < c.t0 - 1 and self._number_at(i)):
                return None
            if not v[i].is_word:
                continue
            if v[i].has(cues.TOTAL_WORDS):
                k = v.next_word(i + 1)
                cid = self._group_at(k)[0] if k is not None and k < c.t0 else None
                return cid if cid not in (None, "people") else None
            if v[i].key in ("الذين", "اللذين") and i > 0:
                k = v.prev_word(i - 1)
                cid = self._group_at(k)[0] if k is not None else None
                if cid not in (None, "people"):
                    return cid
        return None

    def _category_in(self, a: int, b: int) -> str | None:
        """The most specific category named by the words in tokens ``[a, b)``."""
        v = self.view
        found: list[str] = []
        k = a
        while k < min(b, len(v)):
            if v.is_boundary(k) or v[k].is_digit:
                break
            if v[k].is_word:
                cid, _, last = group_after(v, k, self.onto, width=5)
                if cid is not None:
                    nxt = max(k, last) + 1
                    if cid in ("regime", "people") and nxt < len(v) and v[nxt].has(cues.FOREIGN_ADJ):
                        cid, nxt = "foreign_forces", nxt + 1  # عدد العسكريين الروس
                    found.append(cid)
                    k = nxt
                    continue
            k += 1
        specific = [x for x in found if x != "people"]
        return specific[0] if specific else (found[0] if found else None)

    def _read_group(self, c: CountNode, after: int) -> None:
        """``من قوات النظام`` / ``في صفوف …`` / ``مواليا للنظام`` / ``جنود روس`` after the noun."""
        v = self.view
        j = v.next_word(after)
        if j is not None:
            q = v.phrase_starting_at(j, cues.QUALIFIER_PHRASES_AFTER)
            if q is not None:
                j = v.next_word(j + len(q))
        if j is not None and v[j].has(_FORMER):
            j = v.next_word(j + 1)  # عنصرين سابقين في الفصائل
        if j is None:
            return
        if v[j].has(cues.FOREIGN_ADJ) and c.noun_text and (c.generic or c.hint in _ARMED_NOUNS):
            c.hint, c.generic = "foreign_forces", False
            return
        if v[j].key in cues.LOYAL_WORDS and (c.generic or c.hint in _ARMED_NOUNS or c.hint is None):
            c.hint, c.generic = "regime", False
            return
        phrase = v.phrase_starting_at(j, cues.AFFILIATION_BEFORE)
        if phrase is None:
            return
        k = v.next_word(j + len(phrase))
        while k is not None and v[k].key in cues.AFFILIATION_FILLERS:
            k = v.next_word(k + 1)
        if k is None:
            return
        actor = self._span_at_token(self.by_label.get("ACTOR", []), k)
        group_cat = None
        if actor is not None:
            c.affiliation = actor
            group_cat = self._phrase_category(actor.text, partitive=True) or self._named_before(k)
            end = v.index_range(actor.start, actor.end)[1]
            if end < len(v) and v[end].is_word and v[end].key.startswith("و") and not self._allies_at(end) \
                    and not self._one_more_person(end):
                other, _, _ = group_after(v, end, self.onto)
                if other not in (None, "people") and group_cat is not None:
                    group_cat = _mix([group_cat, other], self.onto)
        elif phrase != ("في",):
            group_cat, _, _ = self._group_at(k)
            if group_cat is None and any(v[x].key in cues.LOYAL_WORDS for x in range(k, min(k + 3, len(v)))):
                group_cat = "regime"
        if group_cat is None or (v[k].has(cues.RESIDENTS) and c.generic and c.noun_text):
            return  # 250 شخصا من السكان: people, as the noun says
        c.group_cat = group_cat
        soldier = c.hint == "regime" and group_cat in self.onto.armed | {"other"}  # جنديا من الجيش التركي
        if c.noun_text is None or c.generic or c.hint in _OVERRIDABLE or c.hint is None or c.bare_hint or soldier:
            c.hint = group_cat
            c.generic = False

    # ------------------------------------------------------------------ cues between counts

    def read_cue(self, c: CountNode, prev: CountNode | None) -> None:
        """What links the count to earlier ones: the words right before it (see link_tree)."""
        v = self.view
        lo = max(prev.tail if prev is not None else 0, c.t0 - 12)
        # من ضمن حصيلة المدنيين / من بين القتلى (not when it ties the previous count to this one)
        for i in range(c.t0 - 1, lo - 1 if prev is None or not prev.of_following else c.t0, -1):
            phrase = v.phrase_ending_at(i, cues.SUBSET_OF_GROUP)
            if phrase is None or (len(phrase) == 1 and (i == 0 or v[i - 1].key not in ("من", "ومن"))):
                continue
            k = v.next_word(i + 1)
            fillers = 0
            while k is not None and v[k].has(cues.GROUP_FILLERS):
                k = v.next_word(k + 1)
                fillers += 1
            if fillers and (k is None or k >= c.t0):  # ومن ضمن الحصيلة، 287 …
                c.cue, c.cue_cat, c.cue_status = "group", None, None
                return
            if k is None or k >= c.t0 or v[k].is_digit:
                continue
            cid = self.onto.category_of_group(v[k].text) or self.onto.category_of_noun(v[k].text)
            if cid is not None:
                c.cue, c.cue_cat = "group", cid
                c.cue_status = _status_of_word(v[k].key)
                return
        start = c.noun.start if c.noun_before and c.noun is not None else c.span.start
        t0 = v.first_at_or_after(start)
        glued = v.glued_prefix(t0, start)
        i, colon = self._skip_back(t0 - 1, lo, c)
        if not glued and i >= lo:
            q = v.phrase_ending_at(i, cues.QUALIFIER_PHRASES_BEFORE)
            if q is not None:
                first = i - len(q) + 1
                head = v[first].key
                glued = head[:1] if head[:1] in "وف" and head[1:] == q[0] else ""
                i, colon2 = self._skip_back(first - 1, lo, c)
                colon = colon or colon2
        if c.bullet:
            if self._last_bullet is not None and prev is not None \
                    and self._para[prev.t0] >= self._para[self._last_bullet.t0]:
                c.cue, c.sibling = "coord", self._last_bullet  # the next item of a bulleted list
                self._last_bullet = c
                return
            self._last_bullet = c
        if glued[:1] in ("و", "ف") and glued:
            c.cue = "coord"
            c.closed = self._closed(prev, c)
            self._list_opened_by_nouns(c, prev)
            return
        if i < lo:
            if colon and prev is not None:
                c.cue = "breakdown"  # قتل 30 شخصاً: 20 مدنياً و10 مقاتلين
            return
        phrase = v.phrase_ending_at(i, cues.SUBSET_BEFORE)
        if phrase is not None:
            first_tok = v[i - len(phrase) + 1]
            c.cue = "subset"
            glued_and = first_tok.key.startswith("و") and first_tok.key[1:] == phrase[0]
            c.cue_and = glued_and or (i - len(phrase) >= 0 and v[i - len(phrase)].key == "و")
            return
        if v.phrase_ending_at(i, cues.BREAKDOWN_BEFORE) is not None:
            c.cue = "breakdown"
            c.intro = v.phrase_ending_at(i, cues.DISTRIBUTION_INTRO_KEYS) is not None
            return
        if v[i].key == "و" or v.phrase_ending_at(i, cues.COORD_BEFORE) is not None:
            c.cue = "coord"
            c.closed = self._closed(prev, c)
            self._list_opened_by_nouns(c, prev)
            return
        if prev is not None and prev.sentence == c.sentence and self._clause_joined(i, lo):
            c.cue = "clause"
            return
        if colon and prev is not None and not any(v.is_sentence_end(k) for k in range(prev.tail, i + 1)) \
                and i - prev.tail < 8:
            c.cue = "breakdown"  # قتل 30 شخصاً في القصف: 20 مدنياً …

    def _list_opened_by_nouns(self, c: CountNode, prev: CountNode | None) -> None:
        """``41 شخصا، بينهم طفل وثلاث نساء``, ``سبعة مواطنين، هم رجل وزوجته وخمسة من أطفالهما``:
        a coordinated count in a list of parts that bare nouns (no figure) opened after the
        previous count is a part of it, not its sibling."""
        if prev is None or prev.sentence != c.sentence:
            return
        v = self.view
        t0 = v.first_at_or_after(c.noun.start) if c.noun_before and c.noun is not None else c.t0
        for i in range(t0 - 1, max(prev.tail, t0 - _NOUN_LIST_REACH) - 1, -1):
            if v.is_boundary(i):  # numbers between are not counts (an age, a date): read over them
                return
            if not v[i].is_word:
                continue
            if v.phrase_ending_at(i, cues.SUBSET_BEFORE) is not None and i + 1 < t0:
                c.cue, c.cue_and = "subset", False
                return
            if v[i].plain(cues.BREAKDOWN_HEADS) and i + 1 < t0:
                c.cue = "breakdown"
                return

    def _clause_joined(self, i: int, lo: int) -> bool:
        """``فيما قضى`` / ``في حين استشهد`` / ``بينما أصيب`` right before the count."""
        v = self.view
        for k in range(i, max(lo, i - 3) - 1, -1):
            if v.is_boundary(k):
                return False
            if v[k].plain(cues.CLAUSE_JOINERS):
                return True
            if not (v[k].is_word and self._trigger_status(k) is not None):
                return False
        return False

    def _skip_back(self, i: int, lo: int, c: CountNode) -> tuple[int, bool]:
        """Step back over quotes, colons, line breaks, bullets, ال and fillers such as
        ``أيضاً`` before a count; notes a colon and a bullet at the start of a line."""
        v = self.view
        colon = False
        while i >= lo:
            t = v[i]
            if t.text in cues.BULLETS and (i == 0 or v[i - 1].text == "\n"):
                c.bullet = True
            elif t.text == ":":
                colon = True
            elif not (t.is_quote or t.text == "\n" or t.key in ("ال", "الـ") or t.key in cues.CUE_FILLERS):
                break
            i -= 1
        if i < lo and i >= 0 and v[i].text in cues.BULLETS and (i == 0 or v[i - 1].text == "\n"):
            c.bullet = True
        return i, colon

    def _closed(self, prev: CountNode | None, c: CountNode) -> bool:
        """A verb or trigger and then a comma between the previous count's noun and ``c``:
        the previous count's clause (and its بينهم list) is over."""
        if prev is None:
            return False
        v = self.view
        verb = False
        for k in range(prev.tail, c.t0):
            if v[k].is_word and self._trigger_status(k) is not None:
                verb = True
            elif verb and v.is_boundary(k):
                return True
        return False

    def read_after(self, c: CountNode, nxt: CountNode | None) -> None:
        v = self.view
        j = v.next_word(c.tail)
        after = v.phrase_starting_at(j, cues.SUBSET_AFTER) if j is not None else None
        if after is not None and (after[-1] not in cues.OF_THINGS or not self._noun_of(c)):
            c.subset_after = True  # اثنان منهم; نحو 90 منها (of 150 bodies), not عشرات القتلى منها ثماني عمليات
        t = v[c.t0]
        if c.kind == "one" and t.end > c.span.end and key(self.text[c.span.end:t.end]) in ("هم", "هما", "هن"):
            c.subset_after = True  # أحدهم / أحدهما: one of them
        if c.cue == "none":
            self._of_earlier_toll(c)
        if nxt is not None and j is not None:
            phrase = v.phrase_starting_at(j, cues.OF_FOLLOWING)
            if phrase is not None:
                k = j + len(phrase)
                while k < nxt.t0 and (v[k].key in cues.QUALIFIER_WORDS or v[k].is_quote):
                    k += 1
                if k >= nxt.t0:
                    c.of_following = True
            elif nxt.t0 - c.tail <= _OF_FOLLOWING_REACH and not any(
                    v.is_boundary(k) for k in range(c.tail, nxt.t0)):
                # 293 طفلا فقدوا والديهم من إجمالي 4514 طفلا: the phrase right before the next count
                for k in range(c.tail, nxt.t0):
                    phrase = v.phrase_starting_at(k, cues.OF_FOLLOWING)
                    if phrase is not None and k + len(phrase) == nxt.t0:
                        c.of_following = True
                        break
            if not c.of_following and nxt.t0 - c.tail <= _OF_TOTAL_REACH and nxt.t0 >= 3 \
                    and v[nxt.t0 - 3].text in ("،", ",") \
                    and v.phrase_starting_at(nxt.t0 - 2, cues.OF_TOTAL) is not None \
                    and not any(v.is_sentence_end(k) for k in range(c.tail, nxt.t0)):
                c.of_following = True  # 19 طفلا قضوا …، من أصل 46 مدنيا
            if not c.of_following and self._of_named_total(c, nxt):
                c.of_following = True  # 27 من بين القتلى الـ35: part of the total named after it
                self._what_they_are(c, nxt.tail)

    def _of_named_total(self, c: CountNode, nxt: CountNode) -> bool:
        """``27 من بين القتلى الـ35``, ``خمسة أشخاص من النساء والأطفال بين القتلى الـ24``: the
        next count is the victims' total, named with the article right after ``(من) بين``."""
        v = self.view
        for k in range(c.tail, min(nxt.t0, c.tail + _OF_FOLLOWING_REACH)):
            if v.is_boundary(k):
                return False
            if v[k].key not in ("بين", "وبين"):
                continue
            j = v.next_word(k + 1)
            if j is None or _status_of_word(v[j].key) not in cues.CASUALTY_STATUSES \
                    or not v[j].key.startswith("ال"):
                return False
            m = v.next_word(j + 1)
            return m is not None and v[m].key in ("ال", "الـ") and m + 1 == nxt.t0
        return False

    def _of_earlier_toll(self, c: CountNode) -> None:
        """``تسعة من القتلى هم من المدنيين``: a count ``من`` (``من بين``) the victims named
        before, with no figure after them, is part of an earlier total of that status."""
        v = self.view
        j = v.next_word(c.t1)
        if j is None or v[j].key not in ("من", "ومن"):
            return
        k = v.next_word(j + 1)
        if k is not None and v[k].key == "بين":
            k = v.next_word(k + 1)
        if k is None or not v[k].key.startswith("ال"):
            return
        status = _status_of_word(v[k].key)
        if status not in cues.CASUALTY_STATUSES or noun_category(self.onto, v[k].text) not in ("people", None):
            return
        after = k + 1
        while after < len(v) and not v[after].is_word and not v[after].is_digit and not v.is_boundary(after):
            after += 1
        if after < len(v) and (v[after].is_digit or v[after].key in ("ال", "الـ")):
            return  # من بين القتلى الـ35: the total follows
        c.cue, c.cue_cat, c.cue_status = "group", None, status
        self._what_they_are(c, k + 1)

    def _what_they_are(self, c: CountNode, i: int) -> None:
        """``… هم من المدنيين`` at token ``i``: the kind of the part ``c`` just named."""
        v = self.view
        p = v.next_word(i)
        if p is not None and v[p].key in ("هم", "هن") and (p2 := v.next_word(p + 1)) is not None \
                and v[p2].key == "من":
            cid, _, _ = self._group_at(p2 + 1)
            if cid not in (None, "people"):
                c.hint, c.generic = cid, False

    # ------------------------------------------------------------------ qualifier, status

    def read_qualifier(self, c: CountNode) -> None:
        v = self.view
        i = c.t0 - 1 if not v.glued_prefix(c.t0, c.span.start) else -1
        while i >= 0 and v[i].is_quote:
            i -= 1
        q = v.phrase_ending_at(i, cues.QUALIFIER_PHRASES_BEFORE) if i >= 0 else None
        if q is None and v.glued_prefix(c.t0, c.span.start):
            pre = v.glued_prefix(c.t0, c.span.start)
            for phrase, qual in cues.QUALIFIERS_BEFORE.items():
                if len(phrase) == 1 and pre in (phrase[0], "و" + phrase[0], "ب" + phrase[0], "ل" + phrase[0]):
                    q = phrase
                    c.qualifier = qual
                    return
        if q is not None:
            c.qualifier = cues.QUALIFIERS_BEFORE[q]
            return
        for j in range(c.t1, min(len(v), c.tail + 3)):
            if j == c.tail and v[j].text in ("،", ",") and j + 1 < len(v):
                q = v.phrase_starting_at(j + 1, cues.QUALIFIER_PHRASES_AFTER)
                if q is not None:  # قتل 11 إيرانيا، على الأقل
                    c.qualifier = cues.QUALIFIERS_AFTER[q]
                    return
            if v.is_sentence_end(j) or (j >= c.tail and v.is_boundary(j)):
                break
            q = v.phrase_starting_at(j, cues.QUALIFIER_PHRASES_AFTER)
            if q is not None:
                c.qualifier = cues.QUALIFIERS_AFTER[q]
                return
        if c.vague:
            c.qualifier = "at_least"

    def _death_near(self, c: CountNode) -> bool:
        """A death word right before the count or right after its noun (same clause)."""
        v = self.view
        i, n = c.t0 - 1, 0
        while i >= 0 and n < 3 and not v.is_boundary(i):
            if v[i].is_digit or self._number_at(i):
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
            if v[j].has(cues.DEATH_WORDS):
                return True
        return False

    def _opens_with_place(self, c: CountNode, floor: int) -> bool:
        """The clause of ``c`` opens with ``في``/``ففي``/``وفي`` and names a place before it."""
        v = self.view
        i = c.t0 - 1
        while i >= floor and not v.is_boundary(i):
            i -= 1
        first = v.next_word(i + 1)
        if first is None or first >= c.t0 or v[first].key not in _PLACE_OPENERS:
            return False
        places = self.by_label.get("PLACE", [])
        lookup = self._lookup(places)
        return any(lookup.starting_in(v[k].start, v[k].end) is not None for k in range(first, c.t0))

    def _overall(self, total: CountNode) -> bool:
        """A total whose sentence names no place (an overall figure)."""
        a, b = self.view.sentence_bounds(min(total.t0, len(self.view) - 1))
        places = self._lookup(self.by_label.get("PLACE", []))
        return places.overlapping(self.view[a].start, self.view[b - 1].end if b > a else self.view[a].end) is None

    def place_breakdowns(self, nodes: list[CountNode]) -> None:
        """``ارتفعت الحصيلة إلى 85 شخصا. ففي حمص قتل 19 …، وفي حلب قتل سبعة …``: counts in
        the clauses that open with a place after an overall total are parts of it (the guide's
        per-province breakdown), while they fit in it; at least two, or one after ``ففي``."""
        tops = [c for c in nodes if c.parent is None]
        for n, total in enumerate(tops):
            if total.vague or total.children or not self._overall(total):
                continue
            parts: list[CountNode] = []
            running = 0
            for c in tops[n + 1:n + 40]:
                if c.sentence == total.sentence or c.vague or c.cue not in ("none", "coord", "clause"):
                    break
                if not self._opens_with_place(c, (parts[-1] if parts else total).subtree_tail()):
                    break
                if running + c.value > total.value or not self.onto.compatible(c.hint, total.hint) \
                        or (c.status is not None and total.status is not None and c.status != total.status):
                    break
                parts.append(c)
                running += c.value
            first = self.view.next_word(self.view.sentence_bounds(parts[0].t0)[0]) if parts else None
            if len(parts) >= 2 or (parts and first is not None and self.view[first].key == "ففي"):
                attach_breakdown(parts, total)

    def status_after_lists(self, nodes: list[CountNode]) -> None:
        """``64 مدنياً بينهم 13 طفلاً قتلوا``: a total with no status takes the verb
        after its list of parts (same clause)."""
        v = self.view
        for c in nodes:
            if c.status is not None or not c.children:
                continue
            end = max(d.subtree_tail() for d in c.children)
            for j in range(end, min(len(v), end + 4)):
                if v.is_boundary(j):
                    break
                st = self._trigger_status(j)
                if st is not None and not v[j].has(cues.WEAK_TRIGGERS):
                    c.status = "other" if self._mixed(j, st) else st
                    break

    def _trigger_status(self, i: int) -> str | None:
        t = self.view[i]
        return _status_of_word(t.key) if t.is_word else None

    def _mixed(self, i: int, status: str) -> bool:
        """``قتل وأصيب`` / ``قتلى وجرحى``: two casualty statuses joined by و."""
        for j in (i - 1, i + 1):
            if 0 <= j < len(self.view):
                other = self._trigger_status(j)
                if other is not None and other != status and other in cues.CASUALTY_STATUSES \
                        and status in cues.CASUALTY_STATUSES and not self._has_own_count(j, 1 if j > i else -1):
                    return True
        return False

    def _has_own_count(self, j: int, step: int) -> bool:
        """``18 شخصا قتلوا وأصيب 50 آخرون``: the other verb has its own figure (after it, or
        before it with ``step=-1``), so the two statuses are not one mixed figure."""
        v = self.view
        k = j + step
        for _ in range(3):
            if not 0 <= k < len(v) or v.is_boundary(k):
                return False
            if self._number_at(k):
                return True
            k += step
        return False

    def _number_at(self, k: int) -> bool:
        return k in self._number_tokens

    def read_status(self, c: CountNode, prev: CountNode | None, nxt: CountNode | None) -> None:
        v = self.view
        # 0. مقابل 159 مسلحاً: the status of the count it is set against
        p = v.prev_word(c.t0 - 1, skip=cues.QUALIFIER_WORDS)
        if prev is not None and p is not None and p >= prev.tail and v[p].has(cues.VERSUS) \
                and prev.status is not None:
            c.status = prev.status
            return
        # 1. the noun itself (قتلى، جرحى، معتقلة، نازحين); a detainee who died is killed
        if c.noun_text:
            st = _status_of_word(key(c.noun_text.split()[0]))
            if st is not None:
                if st != "killed" and self._death_near(c):
                    st = "killed"
                c.status = st
                return
        floor = prev.tail if prev is not None else 0
        # 2. a trigger close before, in the same clause
        i = c.t0 - 1
        steps = 0
        while i >= floor and steps < 8:
            if v.is_boundary(i):
                break
            st = self._trigger_status(i)
            if st is not None and (not v[i].has(cues.WEAK_TRIGGERS) or steps < 3):
                c.status = "other" if self._mixed(i, st) else st
                return
            i -= 1
            steps += 1
        # 3. a verb after the noun, in the same clause, not governing the next count
        stop = nxt.t0 if nxt is not None else len(v)
        for j in range(c.tail, min(stop, c.tail + 6)):
            if v.is_boundary(j):
                break
            st = self._trigger_status(j)
            if st is not None and not v[j].has(cues.WEAK_TRIGGERS):
                k = v.next_word(j + 1, skip=cues.QUALIFIER_WORDS)
                if nxt is not None and k is not None and k >= nxt.t0:
                    break
                c.status = "other" if self._mixed(j, st) else st
                return
        # 4. further back in the sentence, up to the previous count
        i = c.t0 - 1
        steps = 0
        while i >= floor and steps < self.cfg.trigger_window:
            if v.is_sentence_end(i):
                break
            st = self._trigger_status(i)
            if st in cues.CASUALTY_STATUSES and not v[i].has(cues.WEAK_TRIGGERS):
                c.status = "other" if self._mixed(i, st) else st
                return
            i -= 1
            steps += 1

    # ------------------------------------------------------------------ perpetrator, location

    def _perp_candidates(self) -> list[Span]:
        """ACTOR spans marked as doing the harm (``جراء قصف X``, ``نفذته X``, ``من قبل X``)."""
        v = self.view
        out = []
        for a in self.by_label.get("ACTOR", []):
            i = v.first_at_or_after(a.start)
            if i >= len(v):
                continue
            glued = v.glued_prefix(i, a.start)
            if glued and glued not in ("ل", "ب", "و", "ف"):
                continue
            p = v.prev_word(i - 1)
            if p is not None and self._marks_perpetrator(p):
                out.append(a)
        return out

    def _marks_perpetrator(self, p: int) -> bool:
        v = self.view
        word = v[p]
        if word.has(cues.PERPETRATOR_BEFORE):
            return True
        if word.key == "مع":
            return p > 0 and v[p - 1].has(cues.FIGHT_WORDS)
        return word.key == "قبل" and p > 0 and v[p - 1].key == "من"

    def _scope_end(self, c: CountNode, nodes: list[CountNode]) -> int:
        """Token index where a count's own stretch of text ends.

        It runs to the end of the sentence, but stops at the next count that
        is neither a leaf child of this one nor a plain coordinated sibling,
        at a verbal noun opening a new event (``استشهاد``, ``مقتل``), and
        :attr:`LinkConfig.scope_tokens` tokens after the last count it passed.
        """
        v = self.view
        _, sent_end = v.sentence_bounds(min(c.t0, len(v) - 1))
        end = sent_end
        for k in range(c.order + 1, len(nodes)):
            d = nodes[k]
            if d.t0 >= sent_end:
                break
            if d.parent is c and not d.children:
                continue
            if d.parent is c.parent and d.entry == c.entry and not d.children and not c.children \
                    and d.cue == "coord":
                continue
            end = d.t0
            break
        last = c.tail
        for k in range(c.order + 1, len(nodes)):
            d = nodes[k]
            if d.t0 >= end:
                break
            last = max(last, d.tail)
        end = min(end, last + self.cfg.scope_tokens)
        for i in range(c.tail, end):
            if v[i].has(cues.EVENT_NOUNS) and i not in self._count_tokens(nodes):
                return i
        return end

    def _count_tokens(self, nodes: list[CountNode]) -> set[int]:
        """Token indices inside a count and its noun (built once per node list)."""
        if self._counted is None or self._counted[0] is not nodes:
            self._counted = (nodes, {i for d in nodes for i in range(d.t0, d.tail)})
        return self._counted[1]

    def read_links(self, nodes: list[CountNode]) -> None:
        v = self.view
        perps = _ByStart(self._perp_candidates())
        places = _ByStart(self.by_label.get("PLACE", []))
        for c in nodes:
            end_tok = self._scope_end(c, nodes)
            lo_char = v[c.t0].start
            hi_char = v[end_tok].start if end_tok < len(v) else len(self.text)
            # the clause before the count, back to a boundary or the previous count
            i = c.t0 - 1
            floor = nodes[c.order - 1].tail if c.order > 0 else 0
            while i >= floor and not v.is_boundary(i):
                i -= 1
            back_char = v[i + 1].start if i + 1 < len(v) else lo_char
            aff = c.affiliation
            fwd = [a for a in perps.between(lo_char, hi_char) if a is not aff]
            bwd = [a for a in perps.between(back_char, lo_char) if a is not aff]
            if fwd:
                c.perpetrator = fwd[0]
            elif bwd:
                c.perpetrator = bwd[-1]
            fwd_p = places.between(lo_char, hi_char)
            marked = [p for p in fwd_p if self._place_marked(p)]
            bwd_p = [p for p in places.between(back_char, lo_char) if self._place_marked(p)]
            if marked:
                c.location = marked[0]
            elif bwd_p:
                c.location = bwd_p[-1]
            elif fwd_p:
                c.location = fwd_p[0]
        for c in sorted(nodes, key=lambda n: n.depth()):
            if c.parent is not None:
                if c.perpetrator is None and (c.leaf or c.entry == "subset"):
                    c.perpetrator = c.parent.perpetrator
                if c.location is None:
                    c.location = c.parent.location
        for c in nodes:
            if c.location is None:
                a, b = v.sentence_bounds(min(c.t0, len(v) - 1))
                lo = v[max(a, c.t0 - self.cfg.scope_tokens)].start
                hi_tok = min(b, c.tail + self.cfg.scope_tokens)
                hi = v[hi_tok - 1].end if 0 < hi_tok <= len(v) else len(self.text)
                near = places.between(lo, hi)
                if near:
                    c.location = min(near, key=lambda p: abs(p.start - c.span.start))

    def _place_marked(self, p: Span) -> bool:
        v = self.view
        i = v.first_at_or_after(p.start)
        if i >= len(v):
            return False
        glued = v.glued_prefix(i, p.start)
        if glued in ("ب", "وب", "فب"):
            return True
        j = v.prev_word(i - 1)
        return j is not None and v[j].has(cues.PLACE_BEFORE)

    # ------------------------------------------------------------------ categories after the tree

    def share_groups(self, nodes: list[CountNode]) -> None:
        """``مقتل 40 عنصرا وإصابة 60 آخرين من قوات النظام``: the group after آخرين
        also says who the earlier generic count is."""
        v = self.view
        for c, d in pairwise(nodes):
            if not d.others or d.group_cat is None or c.group_cat is not None:
                continue
            if not (c.generic or c.hint is None) or c.sentence != d.sentence:
                continue
            if any(v.is_boundary(i) for i in range(c.tail, d.t0)):
                continue
            c.hint, c.generic, c.group_cat = d.group_cat, False, d.group_cat

    def resolve_categories(self, nodes: list[CountNode]) -> None:
        """Category ids, parents first: the noun/group hint, else what the parent,
        the children or the count it continues say, else the ontology fallback."""
        for c in sorted(nodes, key=lambda n: n.depth()):
            parent = c.parent
            if c.hint is not None and not c.generic:
                c.category = c.hint
                continue
            if c.hint == "people" and parent is not None and parent.category not in (None, "people", "other"):
                c.category = parent.category  # 175 شخص within 1206 مدني: civilians
                continue
            kids = {k.hint for k in c.children if k.hint is not None} - {"people"}
            if c.hint is None and c.others:
                c.category = self._antecedent(c, nodes, same_status=False)
                continue  # 30 آخرين بينهم ستة أطفال: the toll they continue says who they are
            if c.hint is None and kids:
                civil_kids = self.onto.parts("civilian") - {"civilian"}
                if kids <= civil_kids | {"civilian"} and kids & civil_kids:
                    c.category = "civilian"
                    continue
                if len(kids) == 1 and not kids & civil_kids:
                    c.category = next(iter(kids))  # 23 عنصرا هم 5 من قوات النظام و18 …
                    continue
            if c.hint is not None:
                c.category = c.hint
            elif c.others:
                c.category = self._antecedent(c, nodes, same_status=False)
            elif parent is not None and parent.category is not None:
                c.category = parent.category
            elif not c.children:
                c.category = self._antecedent(c, nodes, same_status=True, nounless=c.noun_text is None)
            else:
                c.category = self.onto.fallback
        for c in nodes:
            if c.category is None:
                c.category = self.onto.fallback
        for c in nodes:
            if c.category == "people" and not c.children:
                c.category = self._all_of_them(c) or c.category  # 18 قتيلا و70 جريحا جميعهم مدنيون
            if self._wounded_of_same_side(c, nodes):
                c.category = nodes[c.order - 1].category  # 12 عنصرا نظاميا وعشرات الجرحى
        for c in sorted(nodes, key=lambda n: -n.depth()):
            side = self._side_of_parts(c)
            if side is not None:
                c.category = side  # 23 مقاتلا بينهم 5 من قوات النظام و18 من القوات الموالية له
        for c in nodes:
            if c.category == "civilian" and self._mixes_sides(c):
                c.category = "people"  # 17 مواطنا بينهم أربعة من مقاتلي الفصائل
            elif c.category == "jihadist" and c.group_cat is None and "جهاد" in key(self._noun_of(c)) \
                    and self._only_isis():
                c.category = "isis"  # 110 جهاديا in a report whose only jihadist group is IS

    def soldiers_abroad(self, nodes: list[CountNode]) -> None:
        """``قتل جنديان تركيان في شرناق``: soldiers counted by their noun (جندي، ضابط، عسكري,
        of a nationality or an army, not of a Syrian group) where the count's place, else
        every place of its sentence, is outside Syria, are ``other`` (the guide)."""
        all_places = _ByStart(self.by_label.get("PLACE", []))
        for c in nodes:
            if c.category not in ("regime", "foreign_forces") or c.group_cat not in (None, "foreign_forces"):
                continue
            noun = self._noun_of(c)
            if not noun or noun_category(self.onto, noun.split()[0]) != "regime":
                continue
            if c.location is not None:
                places = [c.location]
            else:
                a, b = self.view.sentence_bounds(min(c.t0, len(self.view) - 1))
                lo, hi = self.view[a].start, self.view[b - 1].end if b > a else self.view[a].end
                places = all_places.between(lo, hi)
            if places and all(_abroad(p.text) for p in places):
                c.category = "other"

    def _side_of_parts(self, c: CountNode) -> str | None:
        """A total counted with a fighting noun (مقاتل، مسلح), no side named, whose parts all
        belong to one armed side is of that side (``combatant`` when they are of several)."""
        if c.category not in ("fighter", "combatant") or c.group_cat is not None or not c.children:
            return None
        kinds = {k.category for k in c.children}
        if not kinds <= self.onto.armed or len(c.children) < 2:
            return None
        side = next(iter(kinds)) if len(kinds) == 1 else "combatant"
        return side if side != c.category else None

    def _all_of_them(self, c: CountNode) -> str | None:
        """``جميعهم مدنيون`` / ``كلهم من المدنيين`` after the count (and the counts coordinated
        with it, same clause): the kind all of them are."""
        v = self.view
        for i in range(c.tail, min(len(v), c.tail + 10)):
            if v.is_boundary(i):
                return None
            if v[i].is_word and v[i].key in cues.ALL_OF_THEM:
                k = v.next_word(i + 1)
                if k is not None and v[k].key == "من":
                    k = v.next_word(k + 1)
                cid = self._group_at(k)[0] if k is not None else None
                return cid if cid not in (None, "people") else None
        return None

    def _wounded_of_same_side(self, c: CountNode, nodes: list[CountNode]) -> bool:
        """``مقتل 12 عنصرا من قوات النظام وعشرات الجرحى``: a bare status noun (جرحى، قتلى)
        coordinated right after a count of a named side and another status counts that side."""
        if c.cue != "coord" or c.order == 0 or not c.generic or c.category != "people" or c.children:
            return False
        noun = self._noun_of(c)
        if not noun or _status_of_word(key(noun.split()[0])) is None:
            return False
        prev = nodes[c.order - 1]
        return (prev.parent is c.parent and prev.sentence == c.sentence and prev.status != c.status
                and prev.category in self.onto.armed and not prev.children)

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

    @staticmethod
    def _noun_of(c: CountNode) -> str:
        """The counted noun's text ("" when none)."""
        return (c.noun.text if c.noun is not None else c.noun_text) or ""

    def _only_isis(self) -> bool:
        """The report names the Islamic State and no other jihadist group by name (its ACTOR
        spans; ``الجهاديين`` alone names no group)."""
        if self._isis_only is None:
            found = {self._phrase_category(a.text, partitive=True) for a in self.by_label.get("ACTOR", [])
                     if self.onto.noun_id(a.text) is None}
            self._isis_only = "isis" in found and "jihadist" not in found
        return self._isis_only

    def _mixes_sides(self, c: CountNode) -> bool:
        """A civilian-worded total (مواطن، شهيد, not مدني) with an armed part: people."""
        noun = key(c.noun.text if c.noun is not None else c.noun_text or "")
        if not noun or "مدن" in noun:
            return False
        return any(k.category in self.onto.armed for k in c.children)

    def _antecedent(self, c: CountNode, nodes: list[CountNode], same_status: bool, nounless: bool = False) -> str:
        """The category of the count that ``c`` continues (``آخرين``, ``وأن نحو ألفين خرجوا``);
        a count with no noun at all right after one of another status in its sentence counts
        the same people (``قتل 173 مدنيا وأصيب العشرات``)."""
        if nounless and c.order > 0:
            d = nodes[c.order - 1]
            if d.sentence == c.sentence and d.category is not None and d.noun_text is not None \
                    and d.status != c.status and not d.descends_from(c) and d.parent is c.parent:
                return d.category
        for d in reversed(nodes[:c.order]):
            if d.sentence < c.sentence - (0 if same_status else 1):
                break
            if d.category is None or d.descends_from(c):
                continue
            if same_status and (d.status != c.status or d.noun_text is None):
                continue
            if not same_status:
                return self._others_of(c, d, nodes)
            return d.category
        return self.onto.fallback

    def _others_of(self, c: CountNode, d: CountNode, nodes: list[CountNode]) -> str:
        """What ``آخرين`` (``c``) continues when the count before it is ``d``. Of another status,
        the whole toll ``d`` belongs to: the total ``d`` is a part of (``قتل 9 أشخاص هم 5 مدنيين
        و4 مقاتلين، وأصيب 30 آخرون``: people), or the coordinated list ``d`` ends (``3 مدنيين
        وعنصرين من الدفاع المدني``: both kinds); of the same status, ``d``'s kind."""
        if c.status == d.status:
            return d.category or self.onto.fallback
        while d.parent is not None and d.parent.category is not None and d.parent.sentence == d.sentence:
            d = d.parent
        found = [d.category]
        k = d
        while k.cue == "coord" and k.order > 0:
            k = nodes[k.order - 1]
            if k.parent is not d.parent or k.sentence != d.sentence or k.category is None:
                break
            found.append(k.category)
        return _mix(found[::-1], self.onto) or self.onto.fallback

    def resolve_statuses(self, nodes: list[CountNode]) -> None:
        for c in sorted(nodes, key=lambda n: n.depth()):
            if c.status is not None:
                continue
            if c.parent is not None and c.parent.status is not None:
                c.status = c.parent.status
            elif c.cue == "coord" and c.order > 0 and nodes[c.order - 1].status is not None:
                c.status = nodes[c.order - 1].status
            else:
                c.status = "other"

    # ------------------------------------------------------------------ arithmetic


def _sum_warnings(nodes: list[CountNode], rec_id: dict[int, str], onto: Any) -> list[str]:
    out = []
    for total in nodes:
        best: Counter[str] = Counter()
        ids: dict[str, CountNode] = {}
        for k in total.children:
            if k.status != total.status or k.category is None:
                continue
            if k.value > best[k.category]:
                best[k.category] = k.value
                ids[k.category] = k
        cats = sorted(best)[:12]
        top, chosen = 0, ()
        for n in range(2, len(cats) + 1):
            for combo in combinations(cats, n):
                if all(onto.disjoint(a, b) for a, b in combinations(combo, 2)):
                    s = sum(best[x] for x in combo)
                    if s > top:
                        top, chosen = s, combo
        if top > total.value and not total.vague:
            parts = " + ".join(f"{best[x]} {x} ({rec_id[ids[x].order]})" for x in chosen)
            out.append(f"{rec_id[total.order]} ({total.span.text} = {total.value}): its parts "
                       f"{parts} add up to {top}, more than the total")
    return out


class LinkTimeout(RuntimeError):
    """:func:`link` ran past its ``deadline`` (a pathological report)."""


def _in_time(nodes: list[CountNode], deadline: float | None) -> Iterator[CountNode]:
    """The nodes, raising :class:`LinkTimeout` once ``time.monotonic()`` passes ``deadline``."""
    for c in nodes:
        if deadline is not None and time.monotonic() > deadline:
            raise LinkTimeout(f"stopped at count {c.order + 1} of {len(nodes)}")
        yield c


def link(text: str, spans: list[Span], ontology: Any, config: LinkConfig | None = None,
         *, deadline: float | None = None) -> LinkResult:
    """Link every number of ``text`` given its labelled ``spans`` (gold or predicted).

    ``deadline`` (a ``time.monotonic()`` value) bounds the work: past it the
    call raises :class:`LinkTimeout` instead of finishing.
    """
    cfg = config or LinkConfig()
    lk = _Linker(text, spans, ontology, cfg)
    nodes = lk.collect()
    for c in _in_time(nodes, deadline):
        lk.read_noun(c)
    lk.share_groups(nodes)
    for c in _in_time(nodes, deadline):
        prev = nodes[c.order - 1] if c.order > 0 else None
        nxt = nodes[c.order + 1] if c.order + 1 < len(nodes) else None
        lk.read_cue(c, prev)
        lk.read_after(c, nxt)
        lk.read_qualifier(c)
        lk.read_status(c, prev, nxt)
    resolve_tree(nodes, ontology, complete_sums=cfg.sum_completion)
    lk.place_breakdowns(nodes)
    lk.status_after_lists(nodes)
    lk.resolve_categories(nodes)
    lk.resolve_statuses(nodes)
    lk.read_links(list(_in_time(nodes, deadline)))
    lk.soldiers_abroad(nodes)
    return _result(lk, nodes)


def _result(lk: _Linker, nodes: list[CountNode]) -> LinkResult:
    rec_id = {c.order: f"c{c.order + 1}" for c in nodes}
    records = []
    relations = []
    count_spans: dict[str, Span] = {}
    if lk.cfg.category_spans:
        used = {s.id for s in lk.spans}
        taken = {ch for s in lk.spans if s.label != "ACTOR" for ch in range(s.start, s.end)}
        for n, c in enumerate(nodes, start=1):
            if c.noun is None and c.noun_chars is not None:
                a, b = c.noun_chars
                if not taken.isdisjoint(range(a, b)):
                    continue
                sid = f"_k{n}"
                while sid in used:
                    sid += "_"
                c.noun = Span(a, b, "CATEGORY", lk.text[a:b], id=sid)
                lk.spans.append(c.noun)
                used.add(sid)
                taken.update(range(a, b))
    for c in nodes:
        assert c.category is not None and c.status is not None
        records.append(CasualtyRecord(
            id=rec_id[c.order], start=c.span.start, end=c.span.end, text=c.span.text, value=c.value,
            qualifier=c.qualifier, status=c.status, category=c.category,
            category_text=c.noun.text if c.noun is not None else c.noun_text,
            part_of=rec_id[c.parent.order] if c.parent is not None else None,
            affiliation=c.affiliation.text if c.affiliation is not None else None,
            perpetrator=c.perpetrator.text if c.perpetrator is not None else None,
            location=c.location.text if c.location is not None else None,
        ))
        sid = c.span.id
        assert sid is not None
        count_spans[sid] = replace(c.span, count=CountAttrs(c.value, c.status, c.qualifier, c.category))
        for target, rel in ((c.noun, "category"), (c.parent.span if c.parent else None, "part_of"),
                            (c.affiliation, "affiliation"), (c.perpetrator, "perpetrator"),
                            (c.location, "location")):
            if target is not None and target.id is not None:
                relations.append(Relation(sid, target.id, rel))
    spans = [count_spans.get(s.id or "", s) if s.label == "COUNT" else s for s in lk.spans]
    spans = [s for s in spans if s.label != "COUNT" or s.count is not None]
    spans.sort(key=lambda s: (s.start, s.end))
    warnings = lk.warnings + _sum_warnings(nodes, rec_id, lk.onto)
    non_counts = sorted(lk.non_counts, key=lambda n: n.start)
    return LinkResult(records, non_counts, warnings, spans, relations)


def link_doc(doc: Doc, ontology: Any, config: LinkConfig | None = None) -> Doc:
    """Link ``doc``'s spans and return a copy with COUNT attributes and relations filled."""
    res = link(doc.text, doc.spans, ontology, config)
    return res.to_doc(doc.id, doc.text, doc.meta)
