"""Exact constraints on decoded spans: COUNTs hold a number, span edges sit on word edges.

Two rules that are true of every correct span under the annotation guide, applied
to the model's output (not a second system):

* a COUNT span contains a number that :func:`hasila.text.arabic.find_numbers` reads
  (digits, number words, عشرات...), and digits followed by a month name are a date,
  not a count (``30 نوفمبر``); such COUNT spans are dropped;
* a span starts and ends on a word edge. A span that starts inside a word is
  kept there only when the letters before it are a clitic (و ف ب ل ك and their
  pairs) and the rest is a word (it starts with the article, or it is a known
  place/actor word, or it stands alone elsewhere in the text), else it is widened
  to the word's start (``حدات`` → ``وحدات``, ``اشنطن`` → ``واشنطن``); a span that
  ends inside a word is widened to the word's end.

An ACTOR is the longest noun phrase that names the party (the guide), and the model
tends to stop short of it; :func:`actor_phrases` widens an ACTOR span over what belongs to
the name, where that is not part of another span: a head noun just before it (``مقاتلي`` /
``تنظيم`` + ``المعارضة``), a quoted name after a head with its quotes (``تنظيم`` +
``"داعش"``; a bare quoted name stays without them), the name a head in the construct state
governs (``حزب`` + ``العمال``, ``قوات`` + ``الأمن``, ``الولايات`` + ``المتحدة``: a definite word or
a gazetteer/lexicon name, not a day or a relative), the definite relational adjectives that
follow it (``قوات النظام`` + ``السوري``, ``«داعش»`` + ``الإرهابي``), definite adjectives of sides
(``المسلحة``, ``الحر``, ``الموالية``) with the pronoun after an ally word (``الموالين`` + ``لها``)
and a unit's number (``الفرقة`` + ``30``, never a COUNT). On the real train gold 750 ACTOR
spans start with such a head and 4 follow it unlabelled; 740 end with such a relational
adjective and 10 are followed by one; a construct head in a gold ACTOR takes the name after
it 787 times and ends the span before it never (team train gold: 110 / 0); an adjective of
sides is inside the span 151 times and after it once (14 / 1); an ally pronoun 46 / 0 (19 / 0);
119 bare quoted names are tagged without their quotes; the 35 unit numbers lie in ACTOR (or
PLACE) spans, none is a COUNT. An ACTOR span that is one definite singular adjective
(``الكردية``) is dropped (:func:`no_lone_adjectives`), a place name after ``في`` is a PLACE
(:func:`places_not_actors`).

A rules-hint model (:attr:`hasila.model.modeling.ModelConfig.rules_hint`) keeps the rules'
boundaries: its spans are not joined where the rules start a span (:func:`merge_touching`'s
``apart``), and a span cut differently only inside its edge words (a clitic, a pronoun) takes
the rules' edges (:func:`at_hint_edges`).

News agencies, monitors and their staff are not actors (the guide): an ACTOR span inside
their names (``المرصد السوري لحقوق الإنسان``, ``رامي عبد الرحمن``, ``فرانس برس``) is dropped
(:func:`not_monitors`); on the real train gold no span lies inside one.

Six more exact constraints are options of :class:`DecodingConfig` (off by default, on in the
configs, each kept on grouped CV over the real train outlets only where no held-out family loses):
a COUNT span is the number expression it holds (:func:`count_edges`); no COUNT on a number the
post-processor's number rules read as surely no count (:func:`no_certain_non_counts`); no clitic
cut in a word that is itself a place name (``whole_place_names`` of :func:`snap_to_words`); a PLACE
takes its head noun and direction adjectives (:func:`place_phrases`); a CATEGORY needs a number
near it (:func:`categories_with_numbers`); an ACTOR takes a head noun that carries a clitic
(``glued_heads`` of :func:`actor_phrases`).

Confidence decoding (:class:`DecodingConfig`, saved with the model as ``model.decoding``)
trades recall for precision per label: ``bias`` is added to a label's B-/I- logits before
the tags are picked (negative: fewer, shorter spans of that label), and ``min_score`` drops
a span whose score (the mean over its tokens of the probability of its label, B- and I-
together) is below the label's threshold.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from hasila.annotation.ontology import find_numbers, parse_number
from hasila.link.cues import MONTHS
from hasila.link.text import TokenView, key
from hasila.rules.phrases import (
    CLITIC_PREFIXES,
    UNIT_KEYS,
    actor_phrases,
    drop_overlaps,
    is_actor_adjective,
    lexicon_words,
    news_desks,
    place_names,
    place_phrases,
    places_not_actors,
    word_before,
)
from hasila.schema import Span
from hasila.text.arabic import NumberMatch

logger = logging.getLogger(__name__)

#: a run of letters (with marks) or a run of digits: و218 is a clitic and a number. Span edges
#: only, so no punctuation tokens and no decimal numbers, unlike :mod:`hasila.link.text`'s tokens
_WORD = re.compile(r"[^\W\d_]+(?:[\u0640\u064B-\u065F\u0670][^\W\d_]*)*|\d+")


def _is_word(rest: str, clitic: str, standalone: frozenset[str], known: frozenset[str]) -> bool:
    k = key(rest)
    if parse_number(rest) is not None:  # و+ثلاثة
        return True
    if k.startswith("ال") or (clitic.endswith("ل") and k.startswith("ل")):  # و+الجيش, ل+لنظام
        return True
    return k in standalone or k in known


def snap_to_words(text: str, spans: Sequence[Span], known: frozenset[str] | None = None,
                  whole_names: bool = False) -> list[Span]:
    """Spans widened to word edges, except a clitic cut before a word (see the module doc).
    ``whole_names``: no cut in a word that is itself a place name of the gazetteer (``لبنان``,
    not ``ل`` + ``بنان``, though both are names)."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if not words:
        return list(spans)
    standalone = frozenset(key(text[a:b]) for a, b in words)
    known = lexicon_words() if known is None else known
    starts = [a for a, _ in words]
    out = []
    for span in spans:
        start, end = span.start, span.end
        i = _word_at(starts, words, start)
        if i is not None and words[i][0] < start:
            ws, we = words[i]
            prefix = key(text[ws:start])
            if not (prefix in CLITIC_PREFIXES and _is_word(text[start:we], prefix, standalone, known)) \
                    or (whole_names and key(text[ws:we]) in place_names()):
                start = ws
        j = _word_at(starts, words, end - 1)
        if j is not None and words[j][1] > end and text[end - 1].isalpha() and text[end].isalpha():
            end = words[j][1]
        out.append(span if (start, end) == (span.start, span.end)
                   else replace(span, start=start, end=end, text=text[start:end]))
    return drop_overlaps(out)


def _word_at(starts: list[int], words: list[tuple[int, int]], pos: int) -> int | None:
    i = bisect.bisect_right(starts, pos) - 1
    return i if i >= 0 and words[i][0] <= pos < words[i][1] else None


def _before_month(view: TokenView, end: int) -> bool:
    """True when the word after ``end`` (``من`` stepped over) is a month name: a date."""
    j = view.next_word(view.first_at_or_after(end))
    if j is not None and view[j].key == "من":
        j = view.next_word(j + 1)
    return j is not None and view[j].has(MONTHS)


def counts_with_numbers(text: str, spans: Sequence[Span]) -> list[Span]:
    """The spans, without COUNT spans that hold no number the number reader reads and
    without COUNT spans of digits followed by a month name (``30 نوفمبر``: a date) or
    after a unit's name (``الفرقة 30``); a COUNT span holding two numbers is cut into one
    span per number (a COUNT is one number expression)."""
    if not any(s.label == "COUNT" for s in spans):
        return list(spans)
    numbers = find_numbers(text)
    view = TokenView(text)
    spans = _one_number_each(text, spans, numbers)
    return [s for s in spans if s.label != "COUNT"
            or (any(n.start < s.end and s.start < n.end for n in numbers)
                and not (s.text.strip().isdigit() and (_before_month(view, s.end) or _after_unit(text, s.start))))]


def _one_number_each(text: str, spans: Sequence[Span], numbers: Sequence) -> list[Span]:
    """A COUNT span holding two numbers (``305 طفل و218``) cut into one span per number."""
    out: list[Span] = []
    for s in spans:
        inside = [n for n in numbers if s.start <= n.start and n.end <= s.end] if s.label == "COUNT" else []
        if len(inside) < 2:
            out.append(s)
            continue
        out += [replace(s, start=n.start, end=n.end, text=text[n.start:n.end]) for n in inside]
    return out


def _after_unit(text: str, start: int) -> bool:
    """True when the word before ``start`` names a military unit (``الفرقة 30``: not a count)."""
    m = word_before(text, start, reach=20)
    return bool(m and key(m.group(1)) in UNIT_KEYS)


@functools.lru_cache(maxsize=1)
def _default_ontology() -> Any:
    """The project's ontology (``configs/categories.yaml``), read once, for a tagger without one."""
    from hasila.annotation.ontology import Ontology

    return Ontology.load()


def count_edges(text: str, spans: Sequence[Span], numbers: Sequence[NumberMatch]) -> list[Span]:
    """COUNT spans with the edges of the number they hold: a COUNT span that overlaps one
    number expression of :func:`hasila.annotation.ontology.find_numbers` becomes exactly that number
    (``121`` | ``,829`` → ``121,829``; ``56`` | ``ألف`` → ``56 ألف``; ``الفطر 36`` → ``36``),
    the pieces of one number becoming one span with the lowest score. A COUNT is a number
    expression with its scale word (the guide): 955 of the 964 gold COUNT spans of the real
    train reports are exactly such a number. Left as it is: a span over several numbers or
    none, and a span whose number would cut a word or take the text of another label's span."""
    out: list[Span] = []
    for s in spans:
        inside = [n for n in numbers if n.start < s.end and s.start < n.end] if s.label == "COUNT" else []
        if len(inside) != 1 or (inside[0].start, inside[0].end) == (s.start, s.end):
            out.append(s)
            continue
        n = inside[0]
        if not (_word_edge(text, n.start) and _word_edge(text, n.end)) \
                or any(o.label != "COUNT" and o.start < n.end and n.start < o.end for o in spans):
            out.append(s)
            continue
        same = next((o for o in out if o.label == "COUNT" and (o.start, o.end) == (n.start, n.end)), None)
        if same is not None:  # a piece of a number already widened: one span, the lower score
            out[out.index(same)] = replace(same, score=_min_score(same, s))
            continue
        out.append(replace(s, start=n.start, end=n.end, text=text[n.start:n.end]))
    return drop_overlaps(out)


def _word_edge(text: str, pos: int) -> bool:
    """True unless ``pos`` lies between two letters of one word (a clitic cut is an edge)."""
    if not (0 < pos < len(text)) or not (text[pos - 1].isalnum() and text[pos].isalnum()):
        return True
    m = re.search(r"[^\W\d_]+$", text[:pos])
    return m is not None and key(m.group(0)) in CLITIC_PREFIXES


def no_certain_non_counts(text: str, spans: Sequence[Span], numbers: Sequence[NumberMatch],
                          ontology: Any) -> list[Span]:
    """The spans without the COUNT spans whose one number the post-processor's number rules
    read as surely no count of people (:func:`hasila.link.numbers.certain_non_count`: a date,
    year, clock time, duration, age, percentage, sum, unit or model name, a list item's number
    or a number of things): the linker would drop them as counts anyway. On the gold of the real train
    reports, team train and team dev (1,561 COUNT spans) the rules veto none."""
    from hasila.link.numbers import certain_non_count

    if not any(s.label == "COUNT" for s in spans):
        return list(spans)
    view = TokenView(text)
    out = []
    for s in spans:
        inside = [n for n in numbers if n.start < s.end and s.start < n.end] if s.label == "COUNT" else []
        if len(inside) == 1 and certain_non_count(view, inside[0].start, inside[0].end, inside[0].value,
                                                  inside[0].kind, ontology) is not None:
            continue
        out.append(s)
    return out


def _min_score(*spans: Span) -> float | None:
    scores = [s.score for s in spans if s.score is not None]
    return min(scores) if scores else None


def merge_touching(text: str, spans: Sequence[Span], apart: frozenset[int] = frozenset()) -> list[Span]:
    """One span where the model broke one: spans of one label with only spaces between them
    (``قوات النظام`` + ``السوري``), and X, Y, X touching (``قوات`` + ``سوريا`` + ``الديمقراطية``:
    a name nested in an actor) become one span of X. A span starting at one of ``apart`` (where
    a rules-hint model's hint starts a span: ``حملت الولايات المتحدة روسيا``) stays apart."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if span.start in apart:
            out.append(span)
            continue
        if out and out[-1].label == span.label and not text[out[-1].end:span.start].strip():
            out[-1] = replace(out[-1], end=span.end, text=text[out[-1].start:span.end],
                              score=_min_score(out[-1], span))
            continue
        if (len(out) >= 2 and out[-2].label == span.label and out[-1].label != span.label
                and not text[out[-2].end:out[-1].start].strip() and not text[out[-1].end:span.start].strip()):
            first = out[-2]
            out[-2:] = [replace(first, end=span.end, text=text[first.start:span.end],
                                score=_min_score(first, out[-1], span))]
            continue
        out.append(span)
    return out


def at_hint_edges(text: str, spans: Sequence[Span], hints: Sequence[Span]) -> list[Span]:
    """A rules-hint model's span that differs from the rules' span of its label only inside
    the words at its edges (``لحزب العمال`` / ``حزب العمال``: a clitic; ``أحدهما`` / ``أحد``: a
    pronoun) takes the rules' edges: where a word is cut is the rules' call, as the guide has it."""
    by_label: dict[str, list[Span]] = {}
    for h in sorted(hints, key=lambda h: h.start):
        by_label.setdefault(h.label, []).append(h)
    starts = {label: [h.start for h in hs] for label, hs in by_label.items()}
    longest = max((h.end - h.start for h in hints), default=0)
    out = []
    for s in spans:  # the hints overlapping s start within ``longest`` before it: found by bisection
        hs, st = by_label.get(s.label, []), starts.get(s.label, [])
        near = hs[bisect.bisect_left(st, s.start - longest):bisect.bisect_left(st, s.end)]
        same = [(h.start, h.end) for h in near if s.start < h.end]
        if len(same) >= 2 and _joined_hints(text, s, same):
            out += [replace(s, start=a, end=b, text=text[a:b]) for a, b in same]
            continue
        if len(same) == 1:
            a, b = same[0]
            lo, hi = min(a, s.start), max(a, s.start)
            lo2, hi2 = min(b, s.end), max(b, s.end)
            if (a, b) != (s.start, s.end) and not any(ch.isspace() for ch in text[lo:hi] + text[lo2:hi2]):
                s = replace(s, start=a, end=b, text=text[a:b])
        out.append(s)
    return out


#: What may lie between two parties joined in a list: spaces and a conjunction.
_CONJUNCTION_GAP = re.compile(r"\s*[وف]?\s*")


def _joined_hints(text: str, span: Span, hints: Sequence[tuple[int, int]]) -> bool:
    """Does ``span`` run over two or more hints of its label (``hints``, in order) joined by
    nothing but spaces and a conjunction (``المتمردين الأكراد`` + و + ``متطرفي داعش``), its
    edges differing from theirs only inside the edge words? Two parties the rules keep apart."""
    (first, _), (_, last) = hints[0], hints[-1]
    edges = text[min(first, span.start):max(first, span.start)] + text[min(last, span.end):max(last, span.end)]
    return not any(ch.isspace() for ch in edges) and all(
        _CONJUNCTION_GAP.fullmatch(text[b:a]) for (_, b), (a, _) in itertools.pairwise(hints))


_NAMES_ALONE = frozenset(["المعارضة", "المعارض"])  # المعارضة alone is the opposition


def no_lone_adjectives(text: str, spans: Sequence[Span], names: frozenset[str] | None = None) -> list[Span]:
    """The spans without an ACTOR span that is one definite singular adjective (``الكردية``,
    ``الدولي``, ``المسلحة``) and no place name (``السعودية``): the model's piece of a phrase it
    did not tag (on the real train gold 3 ACTOR spans are such a word, team train 0)."""
    names = place_names() if names is None else names
    return [s for s in spans if s.label != "ACTOR" or " " in s.text.strip() or s.text.strip() in _NAMES_ALONE
            or not is_actor_adjective(s.text.strip())
            or key(s.text) in names]


#: monitors, news agencies and their staff (never actors, the guide)
MONITORS = re.compile(
    r"(?:ال|لل)مرصد السوري(?: لحقوق الإنسان)?|رامي عبد الرحمن|(?:ال|لل)شبكة السورية لحقوق الإنسان"
    r"|فرانس برس|رويترز|سانا\b|وكالة الأنباء السورية|(?:ال|لل)أناضول")


def not_monitors(text: str, spans: Sequence[Span]) -> list[Span]:
    """The spans without the ACTOR spans that lie inside a monitor's or an agency's name,
    and without ACTOR and PLACE spans inside a news desk's (``مكتب أخبار سوريا``)."""
    names = [(m.start(), m.end()) for m in MONITORS.finditer(text)]
    desks = news_desks(text)
    if not names and not desks:
        return list(spans)
    return [s for s in spans
            if not (s.label == "ACTOR" and any(a <= s.start and s.end <= b for a, b in names + desks))
            and not (s.label == "PLACE" and any(a <= s.start and s.end <= b for a, b in desks))]


_SENTENCE_END = re.compile(r"[.!؟?\n]")


def categories_with_numbers(text: str, spans: Sequence[Span], numbers: Sequence[NumberMatch],
                            before: int = 4, after: int = 10) -> list[Span]:
    """The spans without CATEGORY spans that no number can be the count of: a CATEGORY names
    the people a COUNT counts (the guide), so a number of :func:`hasila.annotation.ontology.find_numbers`
    lies in it, at most ``before`` words before it or ``after`` words after it (``حصيلة
    قتلى … إلى 209``), in the same sentence. On the real train gold 844 of 846 CATEGORY
    spans have one (team train gold 365 of 366, team dev 104 of 104)."""
    def has_number(s: Span) -> bool:
        for n in numbers:
            if n.start < s.end and s.start < n.end:
                return True
            gap = text[n.end:s.start] if n.end <= s.start else text[s.end:n.start]
            limit = before if n.end <= s.start else after
            if not _SENTENCE_END.search(gap) and len(gap.split()) <= limit:
                return True
        return False

    return [s for s in spans if s.label != "CATEGORY" or has_number(s)]


@dataclass
class DecodingConfig:
    """Per-label confidence decoding of a tagger (``model.decoding`` of a training config).

    ``bias``: added to the logits of ``B-X`` and ``I-X`` of label X before the tags are
    picked. ``min_score``: a span of label X is kept only when its score reaches this.
    Labels not named are decoded as they are. Chosen by grouped cross-validation on the
    real train reports (``bench/cv_decoding.py``), never on real dev.
    """

    bias: dict[str, float] = field(default_factory=dict)
    min_score: dict[str, float] = field(default_factory=dict)
    #: widen ACTOR spans to the actor's noun phrase (:func:`actor_phrases`)
    actor_phrases: bool = True
    #: drop ACTOR spans inside a monitor's or a news agency's name (:func:`not_monitors`)
    no_monitors: bool = True
    #: a bare place name tagged ACTOR after في / داخل / a direction word is a PLACE
    #: (:func:`places_not_actors`)
    place_names: bool = True
    #: a COUNT span takes the edges of the number it holds (:func:`count_edges`)
    count_edges: bool = False
    #: drop a COUNT span whose number the number rules read as surely no count of people
    #: (:func:`no_certain_non_counts`)
    count_veto: bool = False
    #: no clitic cut in a word that is itself a place name (``لبنان``; :func:`snap_to_words`)
    whole_place_names: bool = False
    #: PLACE spans widened over a place head noun before them and direction adjectives after
    #: (:func:`place_phrases`)
    place_phrases: bool = False
    #: drop CATEGORY spans with no number near them (:func:`categories_with_numbers`)
    category_numbers: bool = False
    #: an ACTOR span takes a head noun before it that carries a clitic (``و`` + ``مسلحي داعش``)
    glued_heads: bool = False
    #: a rules-hint model: a token keeps the rules' tag unless the model's tag is more probable
    #: by at least this much (0: the model's tag always; 1: the rules' tags, as long as the
    #: rules are there)
    hint_margin: float = 0.0
    #: per-label margins beside ``hint_margin`` (labels not named take it): to turn a token
    #: into or out of label X, the model must be surer than the rules by X's margin (the larger
    #: of the two labels' margins where it moves a token from one label to another)
    hint_margins: dict[str, float] = field(default_factory=dict)
    #: a rules-hint model: a span the rules tagged with the same label and edges is kept
    #: whatever its score (``min_score`` drops only the model's own spans)
    keep_hints: bool = False

    def check(self, labels: Sequence[str], where: str = "model.decoding") -> DecodingConfig:
        """Itself; a label that is not one of ``labels`` or a threshold outside [0, 1] is an error."""
        from hasila.errors import UserError

        for name, table in (("bias", self.bias), ("min_score", self.min_score), ("hint_margins", self.hint_margins)):
            unknown = sorted(set(table) - set(labels))
            if unknown:
                raise UserError(f"{where}.{name}: unknown label(s) {', '.join(unknown)}; "
                                f"labels: {', '.join(labels)}")
        bad = {k: v for k, v in self.min_score.items() if not 0.0 <= v <= 1.0}
        if bad:
            raise UserError(f"{where}.min_score: thresholds must lie in [0, 1], got {bad}")
        if not 0.0 <= self.hint_margin <= 1.0:
            raise UserError(f"{where}.hint_margin: must lie in [0, 1], got {self.hint_margin}")
        bad = {k: v for k, v in self.hint_margins.items() if not 0.0 <= v <= 1.0}
        if bad:
            raise UserError(f"{where}.hint_margins: margins must lie in [0, 1], got {bad}")
        return self

    def tag_margins(self, id2label: dict[int, str]) -> list[float]:
        """The hint margin of every tag id: its label's (``hint_margins``), else ``hint_margin``."""
        return [self.hint_margins.get(id2label[i].partition("-")[2], self.hint_margin)
                for i in range(len(id2label))]

    def tag_bias(self, id2label: dict[int, str]) -> list[float]:
        """The bias of every tag id (0 for ``O`` and for labels not named)."""
        return [self.bias.get(id2label[i].partition("-")[2], 0.0) for i in range(len(id2label))]

    @property
    def active(self) -> bool:
        return bool(self.bias or self.min_score)


def confident(spans: Sequence[Span], min_score: dict[str, float], kept: Sequence[Span] = ()) -> list[Span]:
    """The spans whose score reaches their label's threshold (spans without a score are kept),
    and those equal to one of ``kept`` (label and edges) whatever their score."""
    sure = {(k.start, k.end, k.label) for k in kept}
    return [s for s in spans if s.score is None or s.score >= min_score.get(s.label, 0.0)
            or (s.start, s.end, s.label) in sure]


def constrain(text: str, spans: Sequence[Span], actors: bool = False, monitors: bool = False,
              places: bool = False, edges: bool = False, veto: bool = False, ontology: Any = None,
              whole_names: bool = False, place_heads: bool = False, category_numbers: bool = False,
              glued_heads: bool = False, apart: frozenset[int] = frozenset()) -> list[Span]:
    """The constraints: word edges, broken spans joined, COUNTs must hold a number; with
    ``actors``, ACTOR spans widened to the actor's noun phrase; with ``monitors``, no ACTOR
    inside a monitor's name; with ``places``, a place name after في is no ACTOR; with
    ``edges``, a COUNT span is the number it holds; with ``veto``, no COUNT on a number the
    number rules read as surely no count (``ontology``: the tagger's, default the project's);
    ``whole_names`` as :func:`snap_to_words`; with ``place_heads``, PLACE spans widened to the
    place's phrase (:func:`place_phrases`); ``apart`` as :func:`merge_touching`."""
    spans = merge_touching(text, snap_to_words(text, spans, whole_names=whole_names), apart)
    if place_heads:
        spans = place_phrases(text, spans)
    if monitors:
        spans = not_monitors(text, spans)
    if places:
        spans = places_not_actors(text, spans)
    if (((edges or veto) and any(s.label == "COUNT" for s in spans))
            or (category_numbers and any(s.label == "CATEGORY" for s in spans))):
        ontology = _default_ontology() if ontology is None else ontology
        numbers = find_numbers(text, ontology.dual_keys)
        if edges:
            spans = count_edges(text, spans, numbers)
        if veto:
            spans = no_certain_non_counts(text, spans, numbers, ontology)
        if category_numbers:
            spans = categories_with_numbers(text, spans, numbers)
    spans = counts_with_numbers(text, spans)
    return no_lone_adjectives(text, actor_phrases(text, spans, glued_heads)) if actors else spans


def apply(text: str, spans: Sequence[Span], cfg: DecodingConfig, ontology: Any = None,
          apart: frozenset[int] = frozenset()) -> list[Span]:
    """The exact constraints :class:`DecodingConfig` switches on (:func:`constrain`)."""
    return constrain(text, spans, actors=cfg.actor_phrases, monitors=cfg.no_monitors, places=cfg.place_names,
                     edges=cfg.count_edges, veto=cfg.count_veto, ontology=ontology,
                     whole_names=cfg.whole_place_names, place_heads=cfg.place_phrases,
                     category_numbers=cfg.category_numbers, glued_heads=cfg.glued_heads, apart=apart)


__all__ = ["MONITORS", "DecodingConfig", "apply", "at_hint_edges", "categories_with_numbers", "confident", "constrain", "count_edges", "counts_with_numbers", "merge_touching", "no_certain_non_counts", "no_lone_adjectives", "not_monitors", "place_phrases", "places_not_actors", "snap_to_words"]
