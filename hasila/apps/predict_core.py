"""The per-report part of ``hasila predict``: reading reports and predicting them a chunk at a time.

:func:`read_reports` reads every input form :mod:`hasila.apps.predict` accepts (with
:class:`Report` and its place in the input); :func:`predict_chunk` tags a chunk of reports
and links each one into its output object (:func:`result_line`). The local run, the
worker processes (:mod:`hasila.apps.workers`) and Ray (:mod:`hasila.apps.predict_ray`)
all call it; :mod:`hasila.apps.predict` writes the results.
"""

from __future__ import annotations

import itertools
import json
import logging
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from hasila.errors import UserError
from hasila.fileio import BadLine, iter_jsonl, iter_jsonl_lines
from hasila.schema import Span, SpanTagger
from hasila.text.arabic import is_arabic_letter

logger = logging.getLogger(__name__)

STDIN = "-"
#: input fields that are the report itself; every other field is passed through as ``meta``
REPORT_FIELDS = ("id", "text")
DEFAULT_CHUNK = 64
EMPTY_TEXT = "empty text: nothing to tag"
NO_ARABIC = "no Arabic text: nothing to tag"


@dataclass(frozen=True)
class Report:
    """One input report, where it came from (file, and line for JSON Lines) and the
    input line's other fields (``meta``: date, source, url, ...)."""

    id: str
    text: str
    source: str = ""
    line: int | None = None
    unit: str = "line"
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def where(self) -> str:
        return f"{self.source}: {self.unit} {self.line}" if self.line is not None else self.source


@dataclass
class PredictSummary:
    """What a run did; ``exit_code`` is 1 when any input line was bad or a report failed."""

    output: str
    fmt: str
    written: int = 0
    resumed: int = 0
    records: int = 0
    bad: list[BadLine] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    empty: int = 0
    failed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def reports_per_second(self) -> float:
        return self.written / self.seconds if self.seconds > 0 else 0.0

    @property
    def no_input(self) -> bool:
        """Nothing was read: the inputs hold no report (and none was done before)."""
        return not (self.written or self.resumed or self.bad or self.duplicates or self.conflicts)

    @property
    def exit_code(self) -> int:
        return 1 if self.bad or self.failed or self.conflicts or self.no_input else 0

    def describe(self) -> str:
        text = (f"wrote {self.written} report(s), {self.records} casualty record(s) to "
                f"{self.output} in {self.seconds:.1f} s ({self.reports_per_second:.1f} reports/s)")
        if self.resumed:
            text += f"; {self.resumed} already done (resumed)"
        if self.empty:
            text += f"; {self.empty} empty or non-Arabic"
        if self.duplicates:
            text += f"; {len(self.duplicates)} repeated report(s) written once"
        if self.conflicts:
            text += f"; {len(self.conflicts)} report(s) skipped: id already used for another text"
        if self.no_input:
            text += "; the input holds no report: nothing to predict"
        if self.bad:
            text += f"; {len(self.bad)} bad input line(s) skipped"
        if self.failed:
            text += f"; {len(self.failed)} report(s) failed in the linker"
        return text


# ---------------------------------------------------------------- reading

#: what predict reads, for messages
WANTED = ("JSON Lines with {\"id\", \"text\"} per line, a JSON array of such objects or a Label "
          "Studio export, .txt files (one report each), a folder of .txt files, or - (stdin)")


def _plain(obj: Any) -> Any:
    """``{"id", "text"}`` of a Label Studio task (``data.text``; id from ``data.doc_id``,
    ``data.id`` or the task id); any other value as it is."""
    if isinstance(obj, dict) and "text" not in obj and isinstance(obj.get("data"), dict):
        data = obj["data"]
        return {"id": data.get("doc_id", data.get("id", obj.get("id"))), "text": data.get("text")}
    return obj


def _problem(obj: Any) -> str | None:
    """What keeps ``obj`` from being a report, or None."""
    if not isinstance(obj, dict):
        return f"expected an object with \"id\" and \"text\", got {type(obj).__name__}"
    rid, text = obj.get("id"), obj.get("text")
    if rid is None or (isinstance(rid, str) and not rid.strip()):
        return "missing 'id'"
    if not isinstance(rid, str | int) or isinstance(rid, bool):
        return f"'id' must be text or a whole number, got {rid!r}"
    if text is None:
        return "missing 'text'"
    if not isinstance(text, str):
        return f"'text' must be a string, got {type(text).__name__}"
    return None


def _report_from_obj(obj: Any, source: str, line: int, bad: list[BadLine],
                     unit: str = "line") -> Report | None:
    """A report from ``{"id", "text"}`` or a Label Studio task; else an entry in ``bad``."""
    obj = _plain(obj)
    problem = _problem(obj)
    if problem is not None:
        entry = BadLine(source, line, problem, unit)
        logger.debug("%s", entry)
        bad.append(entry)
        return None
    meta = {k: v for k, v in obj.items() if k not in REPORT_FIELDS}
    return Report(str(obj["id"]), obj["text"], source, line, unit, meta)


def _read_txt(path: Path, bad: list[BadLine]) -> Report | None:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        entry = BadLine(str(path), None, f"not UTF-8 text (byte {exc.start}); is it a binary file?")
        logger.debug("%s", entry)
        bad.append(entry)
        return None
    return Report(path.stem, text.removeprefix("\ufeff"), str(path), None)


def _first_char(path: Path) -> str:
    """The first non-blank character of a file ('' when blank or not text)."""
    with path.open("rb") as fh:
        head = fh.read(4096).removeprefix(b"\xef\xbb\xbf").lstrip()
    return chr(head[0]) if head else ""


def _read_json_array(text: str, source: str, bad: list[BadLine]) -> Iterator[Report]:
    """Reports of a JSON array (of ``{"id", "text"}`` objects or Label Studio tasks)."""
    try:
        items = json.loads(text)
    except ValueError as exc:
        bad.append(BadLine(source, None, f"starts like a JSON array but is not valid JSON ({exc})"))
        return
    for index, obj in enumerate(items, start=1):
        report = _report_from_obj(obj, source, index, bad, unit="item")
        if report is not None:
            yield report


def _read_file(path: Path, bad: list[BadLine]) -> Iterator[Report]:
    """Reports of one JSON Lines or JSON array file. A file none of whose lines is a report
    is one bad entry saying what predict reads, not one per line."""
    if _first_char(path) == "[":
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            bad.append(BadLine(str(path), None, f"not UTF-8 text (byte {exc.start})"))
            return
        yield from _read_json_array(text, str(path), bad)
        return
    mine: list[BadLine] = []
    good = 0
    for lineno, obj in iter_jsonl(path, mine, quiet=True):
        report = _report_from_obj(obj, str(path), lineno, mine)
        if report is not None:
            good += 1
            yield report
    if mine and not good:
        mine = [BadLine(str(path), None, f"no line is a report ({mine[0].problem} at line "
                                         f"{mine[0].line}, and {len(mine) - 1} more); predict reads "
                                         + WANTED)]
    bad.extend(mine)


def _read_stdin(stream: IO[str], bad: list[BadLine]) -> Iterator[Report]:
    """Reports of standard input: a JSON array when it starts with ``[``, else JSON Lines."""
    head: list[str] = []
    for line in stream:
        head.append(line)
        if line.strip():
            break
    if head and head[-1].lstrip().startswith("["):
        yield from _read_json_array("".join(head) + stream.read(), "<stdin>", bad)
        return
    lines = itertools.chain(head, stream)  # line numbers count the blank lines read ahead
    for lineno, obj in iter_jsonl_lines(lines, "<stdin>", bad, quiet=True):
        report = _report_from_obj(obj, "<stdin>", lineno, bad)
        if report is not None:
            yield report


def expand_inputs(inputs: list[str]) -> list[str]:
    """``inputs`` with every folder replaced by its ``.txt`` files, sorted by name."""
    out: list[str] = []
    for name in inputs:
        path = Path(name)
        if name != STDIN and path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
            if not files:
                raise UserError(f"{path}: folder has no .txt files; predict reads {WANTED}")
            out += [str(p) for p in files]
        else:
            out.append(name)
    return out


def check_inputs(inputs: list[str]) -> None:
    """Every input names an existing file (or ``-``, at most once); else a :class:`UserError`."""
    if not inputs:
        raise UserError(f"no input given; predict reads {WANTED}")
    if inputs.count(STDIN) > 1:
        raise UserError("'-' (stdin) can be given only once")
    for name in inputs:
        if name == STDIN:
            continue
        path = Path(name)
        if not path.exists():
            raise UserError(f"{path}: input file not found")
        if not path.is_file():
            raise UserError(f"{path}: not a file or folder; predict reads {WANTED}")


def read_reports(inputs: list[str], bad: list[BadLine],
                 stdin: IO[str] | None = None) -> Iterator[Report]:
    """Every report of ``inputs`` in order; bad lines go to ``bad`` and are skipped."""
    for name in inputs:
        if name == STDIN:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, bad)
        elif Path(name).suffix.lower() == ".txt":
            report = _read_txt(Path(name), bad)
            if report is not None:
                yield report
        else:
            yield from _read_file(Path(name), bad)


def unique_reports(reports: Iterable[Report], done: set[str], summary: PredictSummary) -> Iterator[Report]:
    """Drop ids in ``done`` and repeated ids. A repeat with the same text is written once (a
    note); a repeat with another text is a conflict naming both places (exit code 1): the
    first is kept."""
    first: dict[str, tuple[str, str]] = {}
    for report in reports:
        if report.id in first:
            where, text = first[report.id]
            if text == report.text:
                msg = f"{report.where}: repeats report {report.id!r} of {where} (same text); written once"
                summary.duplicates.append(msg)
            else:
                msg = (f"{report.where}: id {report.id!r} already used at {where} for another text; "
                       "this one is skipped (give it its own id)")
                summary.conflicts.append(msg)
            logger.debug("%s", msg)
            continue
        first[report.id] = (report.where, report.text)
        if report.id in done:
            summary.resumed += 1
            continue
        yield report


# ---------------------------------------------------------------- predicting


def _entity_json(span: Span) -> dict[str, Any]:
    return {"label": span.label, "start": span.start, "end": span.end, "text": span.text,
            "score": None if span.score is None else round(float(span.score), 4)}


def has_arabic(text: str) -> bool:
    return any(is_arabic_letter(ch) for ch in text)


#: seconds the post-processor may spend on one report before it is given up with a warning
LINK_SECONDS = 120.0


def _link(text: str, spans: list[Span], ontology: Any, link_config: Any) -> Any:
    from hasila.link import link

    return link(text, spans, ontology, config=link_config, deadline=time.monotonic() + LINK_SECONDS)


def result_line(report: Report, spans: list[Span], ontology: Any, link_config: Any = None,
                do_link: bool = True, warnings: list[str] | None = None) -> dict[str, Any]:
    """The output object of one report from its predicted spans (links them unless told not to)."""
    out: dict[str, Any] = {"id": report.id}
    if report.meta:
        out["meta"] = dict(report.meta)
    out.update({"entities": [_entity_json(s) for s in spans], "casualties": [], "non_counts": [],
                "warnings": list(warnings or [])})
    if do_link:
        from hasila.link import LinkTimeout

        try:
            result = _link(report.text, spans, ontology, link_config)
        except LinkTimeout:
            logger.warning("report %r: casualty extraction stopped after %.0f s", report.id, LINK_SECONDS)
            out["warnings"].append(f"report too long: casualty figures were not extracted (more than "
                                   f"{LINK_SECONDS:.0f} s); split it into shorter reports")
            return out
        out["casualties"] = [r.to_json() for r in result.records]
        out["non_counts"] = [
            {"start": n.start, "end": n.end, "text": n.text, "reason": n.reason}
            for n in result.non_counts
        ]
        out["warnings"] += list(result.warnings)
    return out


def _chunks(reports: Iterable[Report], size: int) -> Iterator[list[Report]]:
    chunk: list[Report] = []
    for report in reports:
        chunk.append(report)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


#: what a linker failure is passed on as: the report and "ExceptionType: message"
OnError = Callable[[Report, str], None]


def predict_chunk(chunk: list[Report], tagger: SpanTagger, ontology: Any = None, link_config: Any = None,
                  *, batch_size: int = 16, do_link: bool = True,
                  on_error: OnError | None = None) -> list[dict[str, Any]]:
    """The output objects of ``chunk``, in order (its reports' windows are batched together).

    Empty or non-Arabic text is not tagged: its line is empty with a warning. A
    linker failure on one report is logged, passed to ``on_error`` and gives that
    report its entities with a warning; without ``on_error`` it is raised.
    """
    ontology = ontology if ontology is not None else getattr(tagger, "ontology", None)
    warn: list[list[str]] = []
    todo: list[int] = []
    for i, report in enumerate(chunk):
        if not report.text.strip():
            warn.append([EMPTY_TEXT])
        elif not has_arabic(report.text):
            warn.append([NO_ARABIC])
        else:
            warn.append([])
            todo.append(i)
    tagged = tagger.tag([chunk[i].text for i in todo], batch_size=batch_size) if todo else []
    spans_of: dict[int, list[Span]] = dict(zip(todo, tagged, strict=True))
    out = []
    for i, report in enumerate(chunk):
        spans = spans_of.get(i, [])
        try:
            out.append(result_line(report, spans, ontology, link_config, do_link and i in spans_of,
                                   warn[i]))
        except Exception as exc:
            if on_error is None:
                raise
            logger.exception("%s: report %r: linking failed", report.where, report.id)
            message = f"{type(exc).__name__}: {exc}"
            on_error(report, message)
            out.append(result_line(report, spans, ontology, do_link=False,
                                   warnings=[*warn[i], f"linking failed: {message}"]))
    return out


def predict_reports(reports: Iterable[Report], tagger: SpanTagger, ontology: Any = None,
                    link_config: Any = None, *, batch_size: int = 16,
                    chunk_size: int = DEFAULT_CHUNK, do_link: bool = True,
                    on_error: OnError | None = None) -> Iterator[dict[str, Any]]:
    """One output object per report, in input order, ``chunk_size`` reports at a time
    (see :func:`predict_chunk`)."""
    for chunk in _chunks(reports, chunk_size):
        yield from predict_chunk(chunk, tagger, ontology, link_config, batch_size=batch_size,
                                 do_link=do_link, on_error=on_error)
