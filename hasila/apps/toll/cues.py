"""The sentence of a count, and the words that make it an update or a running total.

An **update** restates an earlier figure for the same event: ``ارتفعت حصيلة القتلى``,
``حصيلة جديدة``, or ``إلى`` right before the number (``... إلى 20``). A **cumulative**
figure is a running total over a long period (``منذ بداية العام``, ``منذ 2011``,
``منذ اندلاع الثورة``): it is kept apart, never counted as an event. A cue in the
sentence belongs to the count nearest to it (so ``قتل 5 اليوم، ليرتفع عدد القتلى
منذ بداية العام إلى 500`` makes 500 cumulative and an update, not 5).
"""

from __future__ import annotations

import re

from hasila.text.arabic import normalize_text  # text and patterns alike: alef forms, ى → ي

_SENTENCE_END = re.compile(r"[.!?؟\n]+")
#: cues of an update anywhere in the sentence before the count
UPDATE_WORDS = (
    r"ارتفع", r"ارتفعت", r"يرتفع", r"ترتفع", r"ليرتفع", r"لترتفع", r"وارتفع", r"وارتفعت",
    r"حصيل[ةه] جديد[ةه]", r"الحصيل[ةه] الجديد[ةه]", r"حصيل[ةه] محدث[ةه]",
)
_UPDATE = re.compile(normalize_text(r"(?<!\w)(?:" + "|".join(UPDATE_WORDS) + r")(?!\w)"))
#: ``إلى`` (any alef) and optional approximators right before the number
_TO_BEFORE = re.compile(normalize_text(r"(?<!\w)[اإ]لى\s+(?:(?:نحو|قرابة|حوالي|حوالى|أكثر من|اكثر من|ما لا يقل عن)\s+)?$"))
#: cues of a running total over a long period
CUMULATIVE_PATTERNS = (
    r"منذ\s+(?:بداي[ةه]|مطلع|بدء|أول|اول)\s+(?:العام|السن[ةه]|الشهر|الثور[ةه]|الأزم[ةه]|الازم[ةه]|الحرب|"
    r"النزاع|الأحداث|الاحداث|الحراك|الاحتجاجات|العمليات|الحمل[ةه]|الهجوم|التدخل)",
    r"منذ\s+(?:انطلاق|اندلاع|تصاعد|بدايت|بدئ)",  # also with a pronoun: منذ بدايته، منذ اندلاعها
    r"منذ\s+(?:\S+\s+){0,3}?(?:19|20)\d\d",  # منذ 2011، منذ عام 2011، منذ مارس/ آذار 2011
    r"منذ\s+(?:\S+\s+)?(?:سنوات|أعوام|اعوام|عقود|عقدين|عقد)",
    r"(?:خلال|طوال|على\s+مدى|على\s+مدار|بعد)\s+(?:\S+\s+){0,2}(?:سنوات|أعوام|اعوام|الأعوام|الاعوام|السنوات)",
    r"حصيل[ةه]\s+(?:إجمالي[ةه]|اجمالي[ةه]|كلي[ةه])",
    r"(?:الحصيل[ةه]|العدد)\s+(?:الإجمالي[ةه]?|الاجمالي[ةه]?|الكلي[ةه]?)",
)
_CUMULATIVE = re.compile(normalize_text("|".join(f"(?:{p})" for p in CUMULATIVE_PATTERNS)))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` of the sentence holding ``text[start:end]`` (ends at . ! ? ؟ or a line break)."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end)  # type: ignore[assignment]
    right = m.start() if m else len(text)
    while left < right and text[left].isspace():
        left += 1
    return left, right


def _nearest(cue_start: int, cue_end: int, counts: list[tuple[int, int]]) -> int | None:
    """Index of the count nearest to a cue (a tie goes to the count after it)."""
    best, best_d = None, None
    for i, (s, e) in enumerate(counts):
        d = s - cue_end if s >= cue_end else (cue_start - e if e <= cue_start else 0)
        if best_d is None or d < best_d or (d == best_d and s >= cue_end):
            best, best_d = i, d
    return best


def mark_counts(sentence: str, counts: list[tuple[int, int]]) -> list[tuple[bool, bool]]:
    """``(update, cumulative)`` for each count (offsets into ``sentence``).

    ``إلى`` right before a count marks that count; an update word marks the count after
    it nearest to it; a cumulative cue marks the count nearest to it.
    """
    norm = normalize_text(sentence)
    update = [bool(_TO_BEFORE.search(norm[max(0, s - 40):s])) for s, _ in counts]
    cumulative = [False] * len(counts)
    for m in _UPDATE.finditer(norm):
        after = [(i, s) for i, (s, _) in enumerate(counts) if s >= m.end()]
        if after:
            update[min(after, key=lambda x: x[1])[0]] = True
    for m in _CUMULATIVE.finditer(norm):
        i = _nearest(m.start(), m.end(), counts)
        if i is not None:
            cumulative[i] = True
    return list(zip(update, cumulative, strict=True))
