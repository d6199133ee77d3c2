"""The taggers behind :class:`hasila.schema.SpanTagger`: the trained model and the rules both
take texts and return one span list per text, so predict, evaluate and the Label Studio
commands use either one. (ONNX: ``tests/test_onnx_export.py``.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_infer import tiny_model

from hasila import RulesTagger, Tagger
from hasila.apps.predict_core import Report, predict_chunk
from hasila.schema import Span, SpanTagger

TEXTS = ["قتل 12 مدنيا بينهم 3 أطفال في قصف على بلدة كفرنبل.", "", "no Arabic here"]


class Fixed:
    """A made-up tagger: one COUNT on the first digits of each text."""

    ontology = None

    def tag(self, texts, batch_size: int = 16) -> list[list[Span]]:
        out = []
        for text in texts:
            i = next((k for k, ch in enumerate(text) if ch.isdigit()), None)
            out.append([] if i is None else [Span(i, i + 2, "COUNT", text[i:i + 2])])
        return out


def _check(tagger: SpanTagger) -> None:
    assert isinstance(tagger, SpanTagger)
    spans = tagger.tag(TEXTS[:1], batch_size=2)
    assert len(spans) == 1 and all(isinstance(s, Span) for s in spans[0])
    assert all(TEXTS[0][s.start:s.end] == s.text for s in spans[0])


def test_rules_tagger_is_a_span_tagger() -> None:
    rules = RulesTagger.load()
    _check(rules)
    assert {s.label for s in rules.tag(TEXTS[:1])[0]} >= {"COUNT", "PLACE"}


@pytest.mark.slow
def test_model_tagger_is_a_span_tagger(tmp_path_factory: pytest.TempPathFactory) -> None:
    model_dir: Path = tiny_model(tmp_path_factory)
    _check(Tagger.load(model_dir, threads=1, bf16=False))


def test_predict_takes_any_span_tagger() -> None:
    reports = [Report(str(i), t) for i, t in enumerate(TEXTS)]
    out = predict_chunk(reports, Fixed(), RulesTagger.load().ontology)
    assert [o["entities"][0]["text"] if o["entities"] else None for o in out] == ["12", None, None]
    assert out[0]["casualties"] and out[0]["casualties"][0]["value"] == 12
    assert out[1]["warnings"] and out[2]["warnings"]


def test_an_object_without_tag_is_not_a_span_tagger() -> None:
    assert not isinstance(object(), SpanTagger)
