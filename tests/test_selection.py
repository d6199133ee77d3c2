"""``hasila ls select`` (hasila.model.selection): uncertain, disputed reports, never a reprint twice."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from test_infer import synth_report, tiny_model

from hasila.cli import main
from hasila.errors import UserError
from hasila.model.infer import Tagger
from hasila.model.selection import Candidate, pick, span_f1, token_margins, uncertainty
from hasila.schema import Doc, Span


def _reprint(text: str, k: int) -> str:
    """The same report as another outlet reprints it: a lead-in and a changed ending."""
    return ["عاجل: ", "المرصد السوري: ", ""][k % 3] + text + [" .", "", " (تحديث)"][k % 3]


def test_pick_never_takes_a_reprint_twice() -> None:
    rng = random.Random(3)
    a, b, c = (synth_report(rng, sentences=3)[0] for _ in range(3))
    cands = [Candidate(Doc("a", a), 0.9, 0.9), Candidate(Doc("a-copy", a), 0.9, 0.89),
             Candidate(Doc("a-reprint", _reprint(a, 1)), 0.88, 0.88),
             Candidate(Doc("b", b), 0.5, 0.5), Candidate(Doc("c", c), 0.3, 0.4),
             Candidate(Doc("c-reprint", _reprint(c, 2)), 0.1, 0.1)]
    chosen = pick(cands, 3)
    assert [x.doc.id for x in chosen] == ["a", "b", "c"]
    assert chosen[0].near_duplicates == ["a-copy", "a-reprint"]
    assert chosen[2].near_duplicates == ["c-reprint"]
    assert "stands for 2 near-duplicate(s): a-copy, a-reprint" in chosen[0].reason()
    # fewer distinct reports than asked: each one once
    assert [x.doc.id for x in pick(cands, 10)] == ["a", "b", "c"]
    with pytest.raises(UserError, match="--n 0"):
        pick(cands, 0)


def test_span_f1_and_uncertainty() -> None:
    s1, s2 = Span(0, 2, "COUNT", "12"), Span(3, 8, "PLACE", "إدلب ")
    assert span_f1([], []) == 1.0
    assert span_f1([s1, s2], [s1]) == pytest.approx(2 / 3)
    assert span_f1([s1], [Span(0, 2, "PLACE", "12")]) == 0.0
    assert uncertainty([], "x") == (0.0, "")
    value, why = uncertainty([(0.1, 0, 2, "B-COUNT", "O"), (0.5, 3, 5, "O", "B-PLACE"),
                              (0.9, 0, 1, "B-ACTOR", "O"), (0.2, 6, 7, "O", "B-PLACE")], "12 حلب x")
    assert value == pytest.approx(1 - (0.1 + 0.2 + 0.5) / 3)
    assert why == "B-COUNT vs O at '12', margin 0.10"


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_model(tmp_path_factory)


def test_token_margins_on_the_tiny_model(model_dir: Path) -> None:
    tagger = Tagger.load(model_dir, threads=1, bf16=False)
    text = synth_report(random.Random(8), sentences=3)[0]
    margins = token_margins(tagger, text)
    assert margins, "the tiny model tags entities in its own kind of report"
    for m, start, end, best, second in margins:
        assert 0.0 <= m <= 1.0 and 0 <= start < end <= len(text) and best != second
    assert token_margins(tagger, "   ") == []


def test_cli_chooses_n_distinct_reports_with_reasons(model_dir: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(17)
    originals = [synth_report(rng, sentences=2)[0] for _ in range(8)]
    pool, group = [], {}
    for i, text in enumerate(originals):
        for k in range(3):  # every report printed three times by different outlets
            rid = f"r{i}-{k}"
            pool.append({"id": rid, "text": _reprint(text, k), "source": f"outlet{k}"})
            group[rid] = i
    pool.insert(5, {"id": "blank", "text": " "})
    group["blank"] = -1
    path = tmp_path / "pool.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in pool), encoding="utf-8")
    out = tmp_path / "next.jsonl"
    rc = main(["ls", "select", "--model", str(model_dir), "--input", str(path), "--n", "5",
               "--output", str(out)])
    assert rc == 0 and "5 of 25 report(s) chosen" in capsys.readouterr().out
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 5
    assert len({group[x["id"]] for x in lines}) == 5  # no report twice, as reprint or copy
    for x in lines:
        assert x["text"] == next(p["text"] for p in pool if p["id"] == x["id"])
        assert x["reason"].startswith("score ") and "rules" in x["reason"]
        assert len(x["near_duplicates"]) >= 2  # its two reprints are behind it
    scores = [x["score"] for x in lines]
    assert scores == sorted(scores, reverse=True)


def test_cli_push_needs_a_project(model_dir: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "pool.jsonl"
    path.write_text('{"id": "a", "text": "نص"}\n', encoding="utf-8")
    rc = main(["ls", "select", "--model", str(model_dir), "--input", str(path), "--n", "1",
               "--output", str(tmp_path / "o.jsonl"), "--push"])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2 and len(err) == 1 and "--push needs --project" in err[0]


def test_scoring_a_pool_runs_the_model_once_per_window(model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hasila.model.selection import score_pool

    rng = random.Random(21)
    docs = [Doc(f"r{i}", synth_report(rng, sentences=8)[0]) for i in range(5)] + [Doc("blank", "  ")]
    tagger = Tagger.load(model_dir, threads=1, bf16=False)
    tagger.max_length, tagger.stride = 24, 6  # several windows per report
    expected = [uncertainty(token_margins(tagger, d.text), d.text)[0] for d in docs]
    spans = tagger.tag([d.text for d in docs])
    windows = sum(len(ws) for ws in tagger.window_logits([d.text for d in docs])[0])
    assert windows > len(docs)
    rows: list[int] = []
    real = tagger._logits

    def counting(ids, mask):
        rows.append(len(ids))
        return real(ids, mask)

    monkeypatch.setattr(tagger, "_logits", counting)

    class NoRules:
        def tag(self, texts, batch_size=16):
            return [[] for _ in texts]

    scored = score_pool(tagger, NoRules(), docs)
    assert sum(rows) == windows  # spans and margins come from one run of every window
    assert [c.model_spans for c in scored] == [len(s) for s in spans]
    assert [c.uncertainty for c in scored] == pytest.approx(expected)
