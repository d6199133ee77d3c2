"""The gold build (markup -> raw texts + Label Studio exports) and checks of the committed markup."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from hasila.annotation.gold import (
    build_gold,
    categories_disjoint,
    compress_ids,
    format_report,
    load_splits,
    part_of_sum_problems,
)
from hasila.annotation.lsio import category_ids, load_docs, validate_doc
from hasila.annotation.markup import parse_markup, read_markup_file
from hasila.cli import main
from hasila.errors import UserError

FIXTURES = Path(__file__).parent / "fixtures" / "ls"
ROOT = Path(__file__).parent.parent
MARKUP = ROOT / "annotations" / "markup"
COMMITTED = sorted(MARKUP.glob("*.txt")) if MARKUP.is_dir() else []


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "markup", tmp_path / "markup")
    shutil.copy(FIXTURES / "splits.json", tmp_path / "splits.json")
    return tmp_path


def build(ws: Path):
    return build_gold(ws / "markup", ws / "splits.json", ws / "reports", ws / "gold")


def test_build_writes_reports_and_split_exports(workspace: Path) -> None:
    report = build(workspace)
    assert report.invalid == [] and report.unassigned == []
    assert {k: [d.id for d in v] for k, v in report.docs.items()} == {
        "train": ["m001", "m002"], "dev": ["m003"], "test": []}
    assert report.missing == {"train": [], "dev": [], "test": ["m004"]}
    for rid in ("m001", "m002", "m003"):
        raw = (workspace / "reports" / f"{rid}.txt").read_text(encoding="utf-8")
        doc = read_markup_file(workspace / "markup" / f"{rid}.txt")
        assert raw == doc.text and "[" not in raw
    train = load_docs(workspace / "gold" / "train.json")
    assert [d.id for d in train] == ["m001", "m002"]
    assert train[0].spans == read_markup_file(workspace / "markup" / "m001.txt").spans
    assert train[0].relations == read_markup_file(workspace / "markup" / "m001.txt").relations
    for s in train[1].spans:
        raw = (workspace / "reports" / "m002.txt").read_text(encoding="utf-8")
        assert raw[s.start : s.end] == s.text
    assert json.loads((workspace / "gold" / "test.json").read_text(encoding="utf-8")) == []


def test_build_table(workspace: Path) -> None:
    text = format_report(build(workspace))
    lines = text.splitlines()
    assert lines[0].split() == ["split", "reports", "missing", "ACTOR", "PLACE", "COUNT", "CATEGORY", "relations"]
    assert lines[1].split() == ["train", "2", "0", "3", "2", "5", "4", "14"]
    assert lines[2].split() == ["dev", "1", "0", "1", "1", "1", "1", "3"]
    assert "missing in test: m004" in text


def test_build_lists_invalid_and_unassigned_reports(workspace: Path) -> None:
    (workspace / "markup" / "m009.txt").write_text("قتل [3|COUNT#c1 k=civilian] في [حلب|PLACE#p1]\n",
                                                   encoding="utf-8")
    (workspace / "markup" / "m002.txt").write_text("قتل [3|COUNT#c1 k=citizens] مدنيين\n", encoding="utf-8")
    report = build(workspace)
    assert report.unassigned == ["m009"]
    assert len(report.invalid) == 1 and "m002.txt" in report.invalid[0] and "citizens" in report.invalid[0]
    assert [d.id for d in report.docs["train"]] == ["m001"]
    assert report.missing["train"] == ["m002"]


def test_gold_build_command(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["gold", "build", "--markup", str(workspace / "markup"), "--splits", str(workspace / "splits.json"),
            "--reports-dir", str(workspace / "reports"), "--gold-dir", str(workspace / "gold")]
    assert main(args) == 0
    assert "missing in test: m004" in capsys.readouterr().out
    assert main(["validate", str(workspace / "gold" / "train.json")]) == 0
    (workspace / "markup" / "m003.txt").write_text("[x|NOPE]\n", encoding="utf-8")
    assert main(args) == 1
    assert "invalid:" in capsys.readouterr().out


def test_load_splits_rejects_a_report_in_two_splits(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"train": ["r1"], "dev": ["r1"], "test": []}', encoding="utf-8")
    with pytest.raises(UserError, match="both train and dev"):
        load_splits(path)
    path.write_text('{"train": [], "valid": []}', encoding="utf-8")
    with pytest.raises(UserError, match="unknown split"):
        load_splits(path)


def test_committed_splits_file(root: Path) -> None:
    splits = load_splits(root / "data" / "splits.json")
    ids = lambda a, b: [f"r{i:03d}" for i in range(a, b + 1)]  # noqa: E731
    assert splits["train"] == ids(1, 20) + ids(31, 50)
    assert splits["dev"] == ids(21, 25) + ids(51, 55)
    assert splits["test"] == ids(26, 30) + ids(56, 60)


def test_compress_ids() -> None:
    assert compress_ids(["r001", "r002", "r003", "r007", "r010", "r011"]) == "r001-r003, r007, r010-r011"
    assert compress_ids(["x", "r9"]) == "x, r9"


# ------------------------------------------------------------------ part_of sums


def test_part_of_sum_within_parent_is_fine() -> None:
    doc = parse_markup("قتل [10|COUNT#c1 k=civilian] بينهم [4|COUNT#c2 k=child of=c1] و[6|COUNT#c3 k=woman of=c1]")
    assert part_of_sum_problems(doc) == []


def test_part_of_sum_above_parent_is_flagged() -> None:
    doc = parse_markup("قتل [10|COUNT#c1 k=civilian] بينهم [4|COUNT#c2 k=child of=c1] و[7|COUNT#c3 k=woman of=c1]")
    (msg,) = part_of_sum_problems(doc)
    assert "c1" in msg and "11" in msg


def test_part_of_sum_ignores_other_status_and_overlapping_categories() -> None:
    # injured children are not part of the killed total's sum; civilian and child overlap
    doc = parse_markup("قتل [10|COUNT#c1 k=people] بينهم [8|COUNT#c2 k=civilian of=c1] و[6|COUNT#c3 k=child of=c1]"
                       " و[9|COUNT#c4 s=injured k=man of=c1]")
    assert part_of_sum_problems(doc) == []
    # same category: the largest one counts, not the sum
    doc = parse_markup("قتل [10|COUNT#c1 k=civilian] بينهم [6|COUNT#c2 k=child of=c1] و[5|COUNT#c3 k=child of=c1]")
    assert part_of_sum_problems(doc) == []


def test_categories_disjoint() -> None:
    assert categories_disjoint("child", "woman")
    assert categories_disjoint("regime", "fighter")
    assert not categories_disjoint("civilian", "child")
    assert not categories_disjoint("fighter", "jihadist")
    assert not categories_disjoint("people", "regime")
    assert not categories_disjoint("child", "child")


# ------------------------------------------------------------------ the committed markup reports


@pytest.mark.skipif(not COMMITTED, reason="annotations/markup has no reports yet")
@pytest.mark.parametrize("path", COMMITTED, ids=[p.stem for p in COMMITTED])
def test_committed_markup_report(path: Path) -> None:
    cats = category_ids()
    doc = read_markup_file(path, categories=set(cats))
    assert validate_doc(doc, categories=cats) == []
    words = len(doc.text.split())
    assert 80 <= words <= 600, f"{path.name}: {words} words"
    assert part_of_sum_problems(doc) == []
