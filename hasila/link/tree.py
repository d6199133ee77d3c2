"""The part_of tree of a report's counts: which total each count belongs to.

Counts are read in text order. Each one arrives with a *cue*, the words
between it and the previous count:

* ``subset`` (``بينهم``, ``منهم``, ``من ضمنهم``): a subset of the nearest
  earlier count on the chain prev → prev's parent → … that is at least as
  large; ``subset_and`` (``ومن ضمنهم``, ``وبينهم``) and a count that has its
  own breakdown skip the leaves of ``بينهم`` lists on that chain;
* ``breakdown`` (``وهم:``, ``هم``): the start of a breakdown of the nearest
  earlier count on the chain that is not a leaf of a ``بينهم`` list;
* ``bracket`` (``1780 مدنيا (412 امرأة …``): the start of a breakdown of the
  previous count itself, which then holds parts though it is a leaf;
* ``group`` (``من ضمن حصيلة المدنيين``): a subset of the nearest earlier count
  of that category;
* ``coord`` (``و218``): a sibling of the previous count. A count with its own
  breakdown that follows the leaf of a ``بينهم`` list is a sibling of that
  list's owner (``و91 بينهم …`` after ``299 بينهم … و6 …``). The sibling's
  parent is kept when the count fits it (not larger, a compatible kind, the
  list's sum not exceeded), else the grandparent is tried, and so on;
* ``none``: a new top-level count.

Then ``X منهم`` after a count, ``X من بين Y`` (X is part of the later Y), and
an exact-sum completion: a breakdown list (``وهم: …``) whose items add up to
less than its total takes the following top-level counts of the same
paragraph when they make the sum exact (a total whose breakdown continues in
later sentences); a later list coordinated in one sentence whose items add up exactly
to an earlier top-level total (with the parts it has) breaks that total down; so does
a killed/injured pair (``مقتل 16 وإصابة 19``) that adds up to a mixed toll before it, and
an event's dead told again place by place, each place's dead with its wounded
(``قتل 21 … قتل 16 وجرح 30 في … قتل خمسة وجرح 16 في …``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Protocol

from hasila.link.cues import GOVERNMENT_ALLIES
from hasila.schema import Span


class Kinds(Protocol):
    """How categories relate (:class:`hasila.annotation.ontology.Ontology`, from ``configs/categories.yaml``)."""

    any_part: tuple[str, ...]
    broad: tuple[str, ...]

    def compatible(self, child: str | None, parent: str | None) -> bool: ...


@dataclass(eq=False)
class CountNode:
    """One count of the report and everything the linker decides about it."""

    order: int
    span: Span
    value: int
    kind: str
    t0: int  # first token index of the count
    t1: int  # one past its last token
    tail: int  # one past the last token of the count's noun phrase
    sentence: int = 0  # index of the sentence holding the count
    paragraph: int = 0  # index of the paragraph holding the count
    vague: bool = False
    noun: Span | None = None
    noun_text: str | None = None
    noun_chars: tuple[int, int] | None = None  # a noun found by the rules (no CATEGORY span)
    noun_before: bool = False  # the CATEGORY comes before the count (طفلا واحدا)
    bare_hint: bool = False  # hint read from عدد/حصيلة words, not from a noun
    group_cat: str | None = None  # category of the group the people belong to
    partitive: bool = False
    pointed: bool = False  # of people pointed back to (ستين من هؤلاء): a total of this or the last sentence
    #: Paragraphs back a ``group`` cue's total may be, for a count its own event names (وسقط العشرات
    #: من الجرحى); any for a plain partitive (None).
    group_reach: int | None = None
    hint: str | None = None  # category from the noun/group alone
    nation: str | None = None  # the state its people belong to (جنديا تركيا: turkey), when named
    generic: bool = False  # the noun is a plain people noun (شخص، قتيل)
    affiliation: Span | None = None
    cue: str = "none"
    cue_and: bool = False
    cue_cat: str | None = None
    cue_status: str | None = None
    subset_after: bool = False
    of_them_masculine: bool = False  # منهم / أحدهم after it: of a total not of women alone
    #: The category of the people acted on, named after ``لل`` before a ``منهم`` count in its own
    #: sentence (``استهدفت الغارات تجمعا للمسلحين وقتلت 5 منهم``): whom منهم may point back to.
    named_before: str | None = None
    of_following: bool = False
    others: bool = False
    subtotal: bool = False
    bullet: bool = False  # the count starts a bulleted line (``- 20 مدنياً``)
    intro: bool = False  # first item of a list announced by ``على النحو التالي:``
    closed: bool = False  # a clause (verb, comma) closes the previous count's list before this one
    sibling: CountNode | None = None  # the previous item of the same bulleted list
    qualifier: str = "exact"
    status: str | None = None
    status_noun: bool = False  # the status is the count's own noun's (عشرات الجرحى), no verb's
    category: str | None = None
    perpetrator: Span | None = None
    location: Span | None = None
    parent: CountNode | None = None
    entry: str = "top"
    list_key: tuple[int, int] | None = None
    leaf: bool = False
    children: list[CountNode] = field(default_factory=list)

    def chain(self) -> list[CountNode]:
        out: list[CountNode] = []
        node: CountNode | None = self
        while node is not None and len(out) < 50:
            out.append(node)
            node = node.parent
        return out

    def depth(self) -> int:
        return len(self.chain()) - 1

    def subtree_tail(self) -> int:
        """The largest ``tail`` among this count's descendants (its own when it has none)."""
        tails = [self.tail]
        stack = list(self.children)
        while stack:
            d = stack.pop()
            tails.append(d.tail)
            stack.extend(d.children)
        return max(tails)

    def descends_from(self, other: CountNode) -> bool:
        return other in self.chain()[1:]


def _attach(child: CountNode, parent: CountNode | None, entry: str, list_key: tuple[int, int] | None) -> None:
    if child.parent is not None:
        child.parent.children.remove(child)
    child.parent = parent
    child.entry = entry
    child.list_key = list_key if parent is not None else None
    if parent is not None:
        parent.children.append(child)


def _list_sum(parent: CountNode, list_key: tuple[int, int] | None) -> int:
    return sum(k.value for k in parent.children if k.list_key == list_key)


def _fits(c: CountNode, parent: CountNode, list_key: tuple[int, int] | None, sib: CountNode,
          kinds: Kinds) -> bool:
    """Can coordinated ``c`` join ``parent``'s list? Never when larger. A kind like
    its sibling's, or a proper sub-kind of the parent (woman in civilian), is
    kept even when the list then adds up to more (the linker warns); a loose
    fit (people, unknown) must keep the list's sum within the parent."""
    if c.value > parent.value or not same_side(c, parent):
        return False
    if sib.parent is parent and c.hint is not None and c.hint == sib.hint:
        return True
    known = c.hint not in (None, *kinds.any_part) and parent.hint not in (None, *kinds.any_part)
    if known:
        return kinds.compatible(c.hint, parent.hint)
    if c.vague or any(k.vague for k in parent.children) or parent.vague:
        return True
    return _list_sum(parent, list_key) + c.value <= parent.value


def first_in_sentence(c: CountNode, nodes: list[CountNode]) -> bool:
    """No count comes before ``c`` in its sentence."""
    return c.order == 0 or nodes[c.order - 1].sentence != c.sentence


def same_side(c: CountNode, parent: CountNode) -> bool:
    """Can ``c``'s people be counted in ``parent``'s toll, as far as their nations go? Not
    when both name a state and the states differ (ثلاثة عسكريين روس after 59 عسكريا تركيا),
    nor another state's than the government's allies in a government toll (51 جنديا من
    الجيش التركي after 752 عنصرا من قوات النظام)."""
    if c.nation is None:
        return True
    if parent.nation is not None:
        return parent.nation == c.nation
    return parent.hint != "regime" or c.nation in GOVERNMENT_ALLIES


def _may_hold(total: CountNode, part: CountNode) -> bool:
    """Is ``total`` large enough for ``part``? A vague total's value is its floor: ``عشرات``
    (10) may hold 20 (``عشرات القتلى والجرحى، بينهم أكثر من 20 قتيلا``), not 100; told in its
    sentence or the one before (a vague total further back is some other people)."""
    return total.value >= part.value or (total.vague and part.value < total.value * _VAGUE_SPAN
                                         and part.sentence - total.sentence <= 1)


_VAGUE_SPAN = 10  # عشرات: 10 to 99; مئات: 100 to 999


def _subset_parent(c: CountNode, prev: CountNode, skip_leaves: bool, kinds: Kinds) -> CountNode | None:
    """The nearest count on prev's chain that can hold ``c`` (a compatible kind first)."""
    chain = [q for q in prev.chain() if not (skip_leaves and q.leaf) and _may_hold(q, c)
             and not (c.of_them_masculine and q.hint == "woman")]  # أحدهم: not of the women
    for q in chain:
        if kinds.compatible(c.hint, q.hint):
            return q
    return chain[0] if chain else None


def _resolve_one(c: CountNode, prev: CountNode | None, nodes: list[CountNode], kinds: Kinds) -> None:
    if c.cue == "group":
        for k in range(c.order - 1, -1, -1):
            q = nodes[k]
            if (c.pointed and q.sentence < c.sentence - 1) \
                    or (c.group_reach is not None and q.paragraph < c.paragraph - c.group_reach):
                return
            if q.value < c.value:
                continue
            if c.cue_cat is None and (q.leaf or not kinds.compatible(c.hint, q.hint)):
                continue  # ومن ضمن الحصيلة، 287 …: the total, not a part of it
            if c.cue_status is not None and q.status is not None and q.status != c.cue_status:
                continue
            if q.hint == c.cue_cat or c.cue_cat in (None, "people") or (q.hint is None and q.category == c.cue_cat):
                _attach(c, q, "group", (q.order, c.order))
                return
        return
    if prev is None:
        return
    if c.cue == "subset":
        if prev.sentence < c.sentence - 2:
            return  # بينهم reaches back two sentences at most: a toll paragraphs back is not its total
        parent = _subset_parent(c, prev, c.cue_and or c.subtotal, kinds)
        if parent is not None:
            _attach(c, parent, "subset", (parent.order, c.order))
            c.leaf = not c.subtotal
        return
    if c.cue == "bracket":
        if prev.value >= c.value:
            _attach(c, prev, "breakdown", (prev.order, c.order))
            prev.leaf = False  # a part of a toll broken down in brackets after it holds parts too
        return
    if c.cue == "breakdown":
        for q in prev.chain():
            if q.leaf:
                continue
            if q.value >= c.value:
                _attach(c, q, "breakdown", (q.order, c.order))
                return
        return
    if c.cue == "clause" and not c.subset_after:  # فيما قضى 44 …: a sibling of the list item the previous count is in
        sib = prev
        while not c.others and sib.leaf and sib.parent is not None:
            sib = sib.parent
        parent = sib.parent
        if parent is not None and _fits(c, parent, sib.list_key, sib, kinds) and _status_fits(c, parent):
            _attach(c, parent, sib.entry, sib.list_key)
            c.leaf = sib.leaf
        return
    if c.cue == "coord":
        sib = c.sibling or prev
        while c.subtotal and sib.leaf and sib.parent is not None:
            sib = sib.parent
        if c.closed and sib.leaf and sib.parent is not None and c.hint != sib.hint \
                and c.hint in (None, *kinds.any_part, *kinds.broad):
            sib = sib.parent  # بينهم مواطنتان قضوا في …، و مواطنان …: back to the list above
        while c.sentence != sib.sentence and sib.leaf and sib.parent is not None:
            sib = sib.parent  # a sentence ends a بينهم list: و51 … in the next one goes on the list above
        parent = sib.parent
        below = sib
        while parent is not None and not (_fits(c, parent, below.list_key, sib, kinds) and (
                not c.status_noun or below.entry != "subset" or _status_fits(c, parent))):
            below, parent = parent, parent.parent  # مقتل 13 بينهم اثنان، إلى جانب عشرات الجرحى: no part
        if parent is None:
            c.entry = "top"
            return
        _attach(c, parent, below.entry, below.list_key)
        c.leaf = below.leaf and not c.subtotal
        return
    if c.subset_after:
        parent = _subset_parent(c, prev, False, kinds)
        if parent is not None and parent.sentence < c.sentence and c.named_before not in (None, parent.hint):
            return  # أصيب عشرة جنود. … قصفت تجمعا للمسلحين وقتلت 5 منهم: of the gunmen, not the soldiers
        if parent is not None:
            _attach(c, parent, "subset", (parent.order, c.order))
            c.leaf = True


def _complete_sums(nodes: list[CountNode], kinds: Kinds, cross_paragraph: bool = False) -> bool:
    """Attach top-level counts that complete a breakdown list's sum exactly; True if any changed."""
    changed = False
    for total in sorted(nodes, key=lambda n: -n.depth()):
        lists: dict[tuple[int, int] | None, list[CountNode]] = {}
        for k in total.children:
            if k.entry == "breakdown":
                lists.setdefault(k.list_key, []).append(k)
        for list_key, items in lists.items():
            if total.vague or any(k.vague for k in items):
                continue
            have = sum(k.value for k in total.children if k.list_key == list_key)
            if have >= total.value:
                continue
            last = max(k.order for k in items)
            run: list[CountNode] = []
            running = have
            for i in range(last + 1, len(nodes)):
                cand = nodes[i]
                if cand.parent is not None or cand.descends_from(total) or total.descends_from(cand):
                    continue
                if cand.vague or cand.value > total.value or not kinds.compatible(cand.hint, total.hint):
                    break
                if total.status is not None and cand.status is not None and cand.status != total.status:
                    break
                if cand.paragraph != total.paragraph and not cross_paragraph:
                    break
                run.append(cand)
                running += cand.value
                if running >= total.value:
                    break
            if run and running == total.value:
                for cand in run:
                    _attach(cand, total, "breakdown", list_key)
                changed = True
    return changed


def _continue_lists(nodes: list[CountNode], kinds: Kinds) -> None:
    """A list announced by ``على النحو التالي:`` runs on: later top-level counts of the
    same status join it while they fit in what is left of its total."""
    for first in nodes:
        total = first.parent
        if not first.intro or total is None or first.entry != "breakdown":
            continue
        status = total.status or first.status
        running = _list_sum(total, first.list_key)
        item = first
        for k in range(first.order + 1, len(nodes)):
            cand = nodes[k]
            if running >= total.value:
                break
            if cand.parent is not None or cand is total or total.descends_from(cand):
                continue
            if cand.intro or cand.vague or total.vague:
                break
            if cand.partitive and cand.hint is not None and cand.hint == item.hint and cand.value < item.value:
                _attach(cand, item, "subset", (item.order, cand.order))  # 612 مدنيا … وقضى 204 من المدنيين
                cand.leaf = True
                continue
            if status is not None and cand.status is not None and cand.status != status:
                break
            if cand.value > total.value - running or not kinds.compatible(cand.hint, total.hint):
                break
            _attach(cand, total, "breakdown", first.list_key)
            running += cand.value
            item = cand


#: How many later top-level counts an exact-sum breakdown may span, and its smallest size.
#: Sentences at most between a run's total and its first part, or between two of its parts.
_RUN_GAP = 10
_RUN_LIMIT = 12
_RUN_MIN_PARTS = 3
_RUN_MIN_TOTAL = 20


def _exact_runs(nodes: list[CountNode], kinds: Kinds) -> None:
    """A report's total followed by three or more top-level counts (each with its own parts)
    of its status that add up to it exactly is broken down by them (a monthly toll by
    perpetrator or province: ``687 … 476 … 41 … 53 … 46 … 71``). Running or repeated
    figures never add up so; two numbers often do by chance, so two are not enough."""
    tops = [n for n in nodes if n.parent is None]
    for i, total in enumerate(tops):
        if total.vague or total.value < _RUN_MIN_TOTAL or not _open_to_breakdown(total):
            continue
        run: list[CountNode] = []
        details: list[tuple[CountNode, CountNode]] = []
        running = 0
        reached = total.sentence
        for cand in tops[i + 1:i + 1 + _RUN_LIMIT]:
            if cand.sentence - reached > _RUN_GAP:
                break  # a chronology's later entries: no breakdown resumes after so long
            reached = cand.sentence
            if not run and not cand.vague and cand.value > total.value:
                continue  # 687 … then the year's 2858 … then 476 + 41 + …: a larger toll between
            if cand.parent is not None or cand.vague or cand.value >= total.value \
                    or not kinds.compatible(cand.hint, total.hint):
                break
            if total.status is not None and cand.status is not None and cand.status != total.status:
                break
            if run and _detail_of(cand, run[-1]):
                details.append((cand, run[-1]))
                continue
            run.append(cand)
            running += cand.value
            if running >= total.value:
                break
        if len(run) >= _RUN_MIN_PARTS and running == total.value and not _repeats_parts(run, total):
            attach_breakdown(run, total)
            for detail, part in details:
                _attach(detail, part, "subset", (part.order, detail.order))
                detail.leaf = True


def _detail_of(cand: CountNode, part: CountNode) -> bool:
    """``قتلت 143 شخصا يتوزعون إلى 19 مسلحا و124 مدنيا، وقد بلغ عدد الذين قتلوا بسبب التعذيب
    3 أشخاص``: a smaller figure, not coordinated, later in the sentence of a part already broken
    down in full, tells more of that part (read over by the sum it would break)."""
    return (cand.sentence == part.sentence and cand.cue != "coord" and cand.value < part.value
            and any(k.entry == "breakdown" for k in part.children) and _open_to_breakdown(part))


#: A rounded breakdown (``نحو 122 ألف … أكثر من 62 ألفا``) may miss its total by this share,
#: for totals of at least :data:`_ROUNDED_MIN_TOTAL` (small sums match by chance).
_ROUNDED_SHARE = 0.01
_ROUNDED_MIN_TOTAL = 1000


def _rounded(n: CountNode) -> bool:
    """A figure given roughly: qualified (نحو، أكثر من) or in whole thousands."""
    return n.qualifier != "exact" or n.value % 1000 == 0


def _rounded_runs(nodes: list[CountNode], kinds: Kinds) -> None:
    """An overall toll with its first part (``353,935 شخصا بينهم 106,390 مدنيا``) followed by two
    or more top-level counts of its status, some of them rounded, whose sum with that part
    comes within 1 % of it (``نحو 122 ألف عنصر من قوات النظام … أكثر من 62 ألفا من مقاتلي
    الفصائل … 63,360 من مقاتلي جبهة فتح الشام``): they are the rest of its breakdown.
    Exact sums are :func:`_exact_runs`'."""
    tops = [n for n in nodes if n.parent is None]
    for i, total in enumerate(tops):
        if total.vague or total.value < _ROUNDED_MIN_TOTAL or not total.children \
                or any(k.entry == "breakdown" for k in total.children):
            continue
        running = sum(k.value for k in total.children)
        run: list[CountNode] = []
        for cand in tops[i + 1:i + 1 + _RUN_LIMIT]:
            if cand.parent is not None or cand.vague or cand.value >= total.value \
                    or not kinds.compatible(cand.hint, total.hint) \
                    or (total.status is not None and cand.status is not None and cand.status != total.status):
                break
            run.append(cand)
            running += cand.value
            if running >= total.value * (1 - _ROUNDED_SHARE):
                break
        near = abs(running - total.value) <= total.value * _ROUNDED_SHARE
        if len(run) >= 2 and near and any(_rounded(c) for c in (total, *run)) and not _repeats_parts(run, total):
            attach_breakdown(run, total)


#: The statuses of an event's toll told in pairs (``قتل 16 وجرح 30``).
_PAIRED = ("killed", "injured")


def _companion(n: CountNode, part: CountNode) -> bool:
    """Is ``n`` the other half of ``part``'s pair (``قتل 16 شخصا وجرح 30``): right after it in
    its sentence, with the other status of :data:`_PAIRED`?"""
    return (n.order == part.order + 1 and n.sentence == part.sentence and n.parent is None
            and not n.vague and part.status in _PAIRED and n.status in _PAIRED and n.status != part.status)


def _paired_runs(nodes: list[CountNode], kinds: Kinds) -> None:
    """An event's toll told again place by place, each place's dead with its wounded: ``قتل 21
    شخصا في هجمات … قتل 16 وجرح 30 في … قتل خمسة وجرح 16 في …``. Two or more later top-level
    counts of the total's status, each in a sentence of its own after the total's and each
    followed by its pair, that add up exactly to it break it down (the pairs are not parts)."""
    tops = [n for n in nodes if n.parent is None]
    for i, total in enumerate(tops):
        if total.vague or total.status not in _PAIRED or total.value < _COORD_SUM_MIN_TOTAL \
                or total.children:
            continue
        run: list[CountNode] = []
        running = 0
        j = i + 1
        while j < len(tops) and j <= i + _RUN_LIMIT:
            cand = tops[j]
            pair = tops[j + 1] if j + 1 < len(tops) else None
            if cand.vague or cand.value >= total.value or cand.status != total.status \
                    or not kinds.compatible(cand.hint, total.hint) or pair is None or not _companion(pair, cand) \
                    or cand.sentence == total.sentence or (run and cand.sentence == run[-1].sentence):
                break
            run.append(cand)
            running += cand.value
            j += 2
            if running >= total.value:
                break
        if len(run) >= 2 and running == total.value:
            attach_breakdown(run, total)


def _open_to_breakdown(total: CountNode) -> bool:
    """No breakdown yet, or one that adds up to the total already: a toll broken down by
    perpetrator (``توزعوا إلى 38 … و2``) may then be broken down by province."""
    return all(_list_sum(total, k.list_key) == total.value for k in total.children if k.entry == "breakdown")


def _repeats_parts(run: list[CountNode], total: CountNode) -> bool:
    """Does ``run`` name again a part ``total`` already has (same figure, same kind)? A single
    one is no repeat: another breakdown may have its one case too."""
    seen = {(k.value, k.hint) for k in total.children}
    return any((c.value, c.hint) in seen for c in run if c.value > 1)


#: How many sentences back a coordinated list may find the total it adds up to.
_COORD_SUM_REACH = 6
#: Small numbers add up by chance (3 + 2 = 5): the smallest total a coordinated list may break down.
_COORD_SUM_MIN_TOTAL = 10


def _no_toll_before(run: list[CountNode], total: CountNode) -> bool:
    """Is ``total`` a figure of an earlier sentence that tells nothing befell its people (``قوة
    مكونة من 30 ألف رجل``) while ``run`` counts the dead, wounded or held (a status said, none
    ``other``)? Then the run adds up to it by chance."""
    return total.status is None and total.sentence != run[0].sentence \
        and all(c.status != "other" for c in run) and any(c.status is not None for c in run)


def _status_fits(part: CountNode, total: CountNode) -> bool:
    """A part's status may differ from its total's when either is ``other`` (a mixed toll,
    people on board) or unknown."""
    return part.status in (None, "other", total.status) or total.status in (None, "other")


def _coordinated_runs(tops: list[CountNode]) -> list[list[CountNode]]:
    """Top-level counts coordinated in one sentence (``10 عناصر من التنظيم و18 مقاتلا``)."""
    runs: list[list[CountNode]] = []
    for n in tops:
        if runs and n.cue == "coord" and n.sentence == runs[-1][-1].sentence:
            runs[-1].append(n)
        else:
            runs.append([n])
    for a, b in pairwise(tops):  # مقتل 16 مدنيا وإصابة 19 آخرين: a toll's two halves
        if b.cue == "none" and _companion(b, a) and not a.children and not b.children:
            runs.append([a, b])
    return sorted((r for r in runs if len(r) >= 2), key=lambda r: r[0].order)


def _coordinated_sums(nodes: list[CountNode], kinds: Kinds) -> None:
    """A later coordinated list that adds up exactly to an earlier top-level total (with the
    parts it already has) breaks it down: ``قتل 28 عنصرا … وتسببت الاشتباكات بمقتل 10 عناصر
    من التنظيم و18 مقاتلا من الفصائل``; ``أصيب وقتل 35 … مقتل 16 وإصابة 19``."""
    tops = [n for n in nodes if n.parent is None]
    where = {id(n): i for i, n in enumerate(tops)}
    for run in _coordinated_runs(tops):
        if any(c.vague for c in run):
            continue
        first = run[0]
        for total in reversed(tops[:where[id(first)]]):
            if total.sentence < first.sentence - _COORD_SUM_REACH:
                break  # only the last few sentences: linear in the number of counts
            if total.parent is not None or total.vague or total.value < _COORD_SUM_MIN_TOTAL \
                    or any(k.vague for k in total.children):
                continue
            have = sum(k.value for k in total.children)
            again = not _repeats_parts(run, total)  # not the same parts repeated
            if sum(c.value for c in run) != total.value - have \
                    and not (again and sum(c.value for c in run) == total.value):
                continue  # the rest of its parts, or all of them by another breakdown
            if all(c.value < total.value and kinds.compatible(c.hint, total.hint) and _status_fits(c, total)
                   for c in run) and not _no_toll_before(run, total):
                attach_breakdown(run, total)
            break


def _more_of_the_same(nodes: list[CountNode]) -> None:
    """``ستين من هؤلاء المتشددين عادوا وقتل 30``: a count with no noun right after a part
    pointed back to an earlier total (``group``) in its sentence is another part of that
    total when it fits beside it."""
    for prev, c in pairwise(nodes):
        total = prev.parent
        if c.parent is not None or c.cue != "none" or c.noun_text is not None or c.hint is not None or c.others \
                or prev.entry != "group" or total is None or c.sentence != prev.sentence or c.vague \
                or c.value > total.value - _list_sum(total, prev.list_key):
            continue
        _attach(c, total, "group", prev.list_key)


def attach_breakdown(parts: list[CountNode], total: CountNode) -> None:
    """Make ``parts`` one breakdown list of ``total`` (a per-place breakdown)."""
    key = (total.order, parts[0].order)
    for c in parts:
        _attach(c, total, "breakdown", key)


def resolve_tree(nodes: list[CountNode], kinds: Kinds, complete_sums: bool = True) -> None:
    """Fill ``parent``/``children`` of ``nodes`` (in text order) from their cues."""
    for n in nodes:
        nxt = nodes[n.order + 1] if n.order + 1 < len(nodes) else None
        n.subtotal = (nxt is not None and nxt.cue == "subset" and not nxt.cue_and
                      and nxt.sentence == n.sentence)
    for n in nodes:
        prev = nodes[n.order - 1] if n.order > 0 else None
        _resolve_one(n, prev, nodes, kinds)
    for n in nodes:
        if n.of_following and n.parent is None and n.order + 1 < len(nodes):
            nxt = nodes[n.order + 1]
            if nxt.value >= n.value and not nxt.descends_from(n):
                _attach(n, nxt, "subset", (nxt.order, n.order))
                n.leaf = True
    _continue_lists(nodes, kinds)
    _more_of_the_same(nodes)
    if complete_sums:
        for _ in range(5):
            if not _complete_sums(nodes, kinds):
                break
        for _ in range(5):  # monthly tolls: the breakdown goes on paragraph by paragraph
            if not _complete_sums(nodes, kinds, cross_paragraph=True):
                break
        _exact_runs(nodes, kinds)
        _rounded_runs(nodes, kinds)
        _paired_runs(nodes, kinds)
        _coordinated_sums(nodes, kinds)


def detach(child: CountNode) -> None:
    """Make ``child`` a top-level count of its own (no part of any total)."""
    _attach(child, None, "top", None)


def drop_equal_parts(nodes: list[CountNode]) -> None:
    """A figure is never a part of a total of the same figure (``353,935 … من بين الضحايا
    353,935 هناك …``): a repeated figure is its own record (the guide)."""
    for c in nodes:
        total = c.parent
        if total is not None and c.value == total.value and not c.vague and not total.vague:
            if c.hint in (None, "people") and total.hint not in (None, "people"):
                c.hint, c.generic = total.hint, False  # 70 ألفا منهم: the same people, told again
            _attach(c, None, "top", None)
