"""The linker and the window merge grow linearly with the input (issue 13).

Timings live in ``bench/link_scaling.py``; here only generous ratios (a
quadratic step would show as ~4x per doubling) and agreement with the plain
definitions.
"""

from __future__ import annotations

import re
import time

from hypothesis import given
from hypothesis import strategies as st

from hasila.annotation.ontology import Ontology
from hasila.link import link
from hasila.link.text import SpanLookup, TokenView
from hasila.model.align import _owners, _window_bounds
from hasila.schema import Span

PARAGRAPH = "قتل 12 مدنيا بينهم 3 أطفال في قصف على بلدة في 14 أيار 2019، وأصيب 20 عنصرا من قوات النظام.\n"


def _spans(text: str) -> list[Span]:
    out = []
    for word, label in (("12", "COUNT"), ("مدنيا", "CATEGORY"), ("3", "COUNT"), ("أطفال", "CATEGORY"),
                        ("20", "COUNT"), ("عنصرا", "CATEGORY"), ("قوات النظام", "ACTOR")):
        for m in re.finditer(rf"(?<!\w){word}(?!\w)", text):
            out.append(Span(m.start(), m.end(), label, word))
    return out


def _link_seconds(paragraphs: int, onto: Ontology) -> float:
    text = PARAGRAPH * paragraphs
    spans = _spans(text)
    t0 = time.perf_counter()
    res = link(text, spans, onto)
    took = time.perf_counter() - t0
    assert len(res.records) == 3 * paragraphs
    return took


def test_link_time_grows_linearly():
    onto = Ontology.load()
    _link_seconds(20, onto)  # warm caches
    small = min(_link_seconds(100, onto) for _ in range(2))
    large = min(_link_seconds(400, onto) for _ in range(2))
    assert large < 8 * small, f"4x the counts took {large / small:.1f}x the time"


def _owners_plain(n: int, bounds: list[tuple[int, int]]) -> list[int]:
    owners = []
    for i in range(n):
        best, best_ctx = -1, -1
        for w, (ws, we) in enumerate(bounds):
            if ws <= i < we:
                ctx = min(i - ws if ws > 0 else n + 1, we - 1 - i if we < n else n + 1)
                if ctx > best_ctx:
                    best, best_ctx = w, ctx
        owners.append(best)
    return owners


@given(st.integers(0, 300), st.integers(2, 40), st.integers(0, 39))
def test_window_owners_match_the_definition(n, content, stride):
    stride = min(stride, content - 1)
    bounds = _window_bounds(n, content, stride)
    assert _owners(n, bounds) == _owners_plain(n, bounds)


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=12),
       st.integers(0, 70), st.integers(1, 10))
def test_span_lookup_matches_a_scan(pairs, start, width):
    spans = [Span(a, a + w, "ACTOR", "x" * w) for a, w in pairs]
    lookup = SpanLookup(spans)
    end = start + width
    assert lookup.overlapping(start, end) == next((s for s in spans if s.start < end and start < s.end), None)
    assert lookup.starting_in(start, end) == next((s for s in spans if start <= s.start < end), None)
    assert lookup.ending_in(start, end) == [s for s in spans if start <= s.end < end]


def test_sentence_bounds_tables():
    v = TokenView("أ ب. ج د؟ هـ")
    texts = [t.text for t in v.toks]
    dot, q = texts.index("."), texts.index("؟")
    assert v.sentence_bounds(0) == (0, dot)
    assert v.sentence_bounds(dot + 1) == (dot + 1, q)
    assert v.sentence_bounds(len(v) - 1) == (q + 1, len(v))


def test_link_stops_at_its_deadline():
    import pytest

    from hasila.link import LinkTimeout

    text = PARAGRAPH * 3
    with pytest.raises(LinkTimeout):
        link(text, _spans(text), Ontology.load(), deadline=time.monotonic() - 1)
    assert link(text, _spans(text), Ontology.load(), deadline=time.monotonic() + 60).records
