"""``hasila predict``: reports in, one JSON line (or CSV rows) of casualty figures out.

Inputs are JSON Lines files with ``{"id", "text"}`` per line, ``.txt`` files
(one report each, id = file name without extension) or ``-`` (JSON Lines on
stdin). Each report becomes one output line::

    {"id", "entities": [{"label", "start", "end", "text", "score"}],
     "casualties": [CasualtyRecord.to_json(), ...],
     "non_counts": [{"start", "end", "text", "reason"}], "warnings": [...]}

with offsets into the raw report text. ``--format csv`` writes one row per
casualty record instead (the report id, then the record's fields).

Robustness: a malformed line, or one without ``id``/``text``, is reported with
its file and line number and skipped; every other report is still written and
the run then ends with exit code 1. A repeated id keeps its first report and
the repeat is reported with both line numbers. Empty or non-Arabic text gives
an empty result with a warning in its line.

Writing (atomic, resumable): lines go to ``OUT.part`` beside the output,
flushed and fsynced after every chunk of reports; only a finished run moves the
result onto ``OUT`` (``os.replace``; for CSV the rows are rendered from the
part file into a temporary file that is moved into place). So ``OUT`` never
holds a partial result, and an interrupted run leaves ``OUT.part``. With
``resume``, the finished lines of ``OUT`` and ``OUT.part`` (a truncated last
line is dropped) are copied into a fresh part file, which atomically replaces
the old one; the ids in it are skipped and the new lines are appended to it.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from hasila.arabic import is_arabic_letter
from hasila.errors import UserError
from hasila.fileio import BadLine, atomic_open, iter_jsonl, iter_jsonl_lines
from hasila.schema import CasualtyRecord, Span

logger = logging.getLogger(__name__)

FORMATS = ("jsonl", "csv")
STDIN = "-"
CSV_FIELDS = ["report_id", *CasualtyRecord.__dataclass_fields__]
DEFAULT_CHUNK = 64
EMPTY_TEXT = "empty text: nothing to tag"
NO_ARABIC = "no Arabic text: nothing to tag"


@dataclass(frozen=True)
class Report:
    """One input report and where it came from (file, and line for JSON Lines)."""

    id: str
    text: str
    source: str = ""
    line: int | None = None

    @property
    def where(self) -> str:
        return f"{self.source}: line {self.line}" if self.line is not None else self.source


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
    empty: int = 0
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def reports_per_second(self) -> float:
        return self.written / self.seconds if self.seconds > 0 else 0.0

    @property
    def exit_code(self) -> int:
        return 1 if self.bad or self.failed else 0

    def describe(self) -> str:
        text = (f"wrote {self.written} report(s), {self.records} casualty record(s) to "
                f"{self.output} in {self.seconds:.1f} s ({self.reports_per_second:.1f} reports/s)")
        if self.resumed:
            text += f"; {self.resumed} already done (resumed)"
        if self.empty:
            text += f"; {self.empty} empty or non-Arabic"
        if self.duplicates:
            text += f"; {len(self.duplicates)} duplicate id(s) skipped"
        if self.bad:
            text += f"; {len(self.bad)} bad input line(s) skipped"
        if self.failed:
            text += f"; {len(self.failed)} report(s) failed in the linker"
        return text


# ---------------------------------------------------------------- reading


def _report_from_obj(obj: dict[str, Any], source: str, line: int,
                     bad: list[BadLine]) -> Report | None:
    rid, text = obj.get("id"), obj.get("text")
    problem = None
    if rid is None or (isinstance(rid, str) and not rid.strip()):
        problem = "missing 'id'"
    elif not isinstance(rid, str | int) or isinstance(rid, bool):
        problem = f"'id' must be text or a whole number, got {rid!r}"
    elif "text" not in obj:
        problem = "missing 'text'"
    elif not isinstance(text, str):
        problem = f"'text' must be a string, got {type(text).__name__}"
    if problem is not None:
        entry = BadLine(source, line, problem)
        logger.error("%s", entry)
        bad.append(entry)
        return None
    return Report(str(rid), text, source, line)


def _read_txt(path: Path, bad: list[BadLine]) -> Report | None:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        entry = BadLine(str(path), data[: exc.start].count(b"\n") + 1, "not UTF-8 text")
        logger.error("%s", entry)
        bad.append(entry)
        return None
    return Report(path.stem, text.removeprefix("\ufeff"), str(path), None)


def check_inputs(inputs: list[str]) -> None:
    """Every input names an existing file (or ``-``, at most once); else a :class:`UserError`."""
    if not inputs:
        raise UserError("no input given (--input FILE.jsonl, FILE.txt or -)")
    if inputs.count(STDIN) > 1:
        raise UserError("'-' (stdin) can be given only once")
    for name in inputs:
        if name == STDIN:
            continue
        path = Path(name)
        if not path.exists():
            raise UserError(f"{path}: input file not found")
        if not path.is_file():
            raise UserError(f"{path}: not a file")


def read_reports(inputs: list[str], bad: list[BadLine],
                 stdin: IO[str] | None = None) -> Iterator[Report]:
    """Every report of ``inputs`` in order; bad lines go to ``bad`` and are skipped."""
    for name in inputs:
        if name == STDIN:
            stream = stdin if stdin is not None else sys.stdin
            for lineno, obj in iter_jsonl_lines(stream, "<stdin>", bad):
                report = _report_from_obj(obj, "<stdin>", lineno, bad)
                if report is not None:
                    yield report
            continue
        path = Path(name)
        if path.suffix.lower() == ".txt":
            report = _read_txt(path, bad)
            if report is not None:
                yield report
            continue
        for lineno, obj in iter_jsonl(path, bad):
            report = _report_from_obj(obj, str(path), lineno, bad)
            if report is not None:
                yield report


def unique_reports(reports: Iterable[Report], done: set[str], summary: PredictSummary) -> Iterator[Report]:
    """Drop repeated ids (keeping the first, reporting both places) and ids in ``done``."""
    first: dict[str, str] = {}
    for report in reports:
        if report.id in first:
            msg = f"{report.where}: duplicate id {report.id!r} (first at {first[report.id]}); skipped"
            logger.warning("%s", msg)
            summary.duplicates.append(msg)
            continue
        first[report.id] = report.where
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
    out: dict[str, Any] = {"id": report.id, "entities": [_entity_json(s) for s in spans],
                           "casualties": [], "non_counts": [], "warnings": list(warnings or [])}
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


def predict_chunk(chunk: list[Report], tagger: Any, ontology: Any = None, link_config: Any = None,
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


def predict_reports(reports: Iterable[Report], tagger: Any, ontology: Any = None,
                    link_config: Any = None, *, batch_size: int = 16,
                    chunk_size: int = DEFAULT_CHUNK, do_link: bool = True,
                    on_error: OnError | None = None) -> Iterator[dict[str, Any]]:
    """One output object per report, in input order, ``chunk_size`` reports at a time
    (see :func:`predict_chunk`)."""
    for chunk in _chunks(reports, chunk_size):
        yield from predict_chunk(chunk, tagger, ontology, link_config, batch_size=batch_size,
                                 do_link=do_link, on_error=on_error)


# ---------------------------------------------------------------- writing


def part_path(output: Path) -> Path:
    """Where an unfinished run keeps its lines: ``OUT.part`` beside the output."""
    return output.with_name(output.name + ".part")


def _finished_lines(path: Path, strict: bool) -> Iterator[tuple[str, str]]:
    """``(id, line)`` of every complete output line of ``path``.

    ``strict`` (a finished output): a line that is not an output object is a
    :class:`UserError`. Otherwise (a part file) such a line, normally a last
    line cut short by an interruption, is dropped with a warning.
    """
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                ok = isinstance(obj, dict) and isinstance(obj.get("id"), str) and line.endswith("\n")
            except ValueError:
                ok = False
            if not ok:
                if strict:
                    raise UserError(f"{path}: line {lineno}: not a hasila predict output line; "
                                    "cannot resume from this file")
                logger.warning("%s: line %d: incomplete line dropped; that report is redone",
                               path, lineno)
                continue
            yield obj["id"], line


def prepare_resume(output: Path, fmt: str) -> set[str]:
    """Gather the finished lines of ``output`` and its part file into a fresh part file.

    Returns the ids already done. The new part file replaces the old one
    atomically, so an interruption here loses nothing.
    """
    part = part_path(output)
    sources: list[tuple[Path, bool]] = []
    if output.exists():
        if fmt == "csv":
            if not part.exists():
                raise UserError(f"{output}: a finished CSV output cannot be resumed (reports with no "
                                "casualty have no row); resume works on an interrupted run's "
                                f"{part.name}, or use --format jsonl")
        else:
            sources.append((output, True))
    if part.exists():
        sources.append((part, False))
    done: set[str] = set()
    if not sources:
        logger.info("--resume: nothing to resume at %s; starting afresh", output)
        return done
    with atomic_open(part) as fh:
        for path, strict in sources:
            for rid, line in _finished_lines(path, strict):
                if rid not in done:
                    done.add(rid)
                    fh.write(line)
    logger.info("--resume: %d report(s) already done in %s", len(done),
                " and ".join(str(p) for p, _ in sources))
    return done


def _write_csv(part: Path, output: Path) -> None:
    with atomic_open(output) as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        for _, line in _finished_lines(part, strict=True):
            obj = json.loads(line)
            for record in obj.get("casualties", []):
                writer.writerow({"report_id": obj["id"], **record})


def _count_reports(inputs: list[str]) -> int | None:
    """A quick total for the progress bar (None when reading stdin)."""
    if STDIN in inputs:
        return None
    total = 0
    for name in inputs:
        path = Path(name)
        if path.suffix.lower() == ".txt":
            total += 1
        else:
            with path.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
    return total


def _start_pool(model_dir: str | Path | None, tagger: Any, workers: int, reports: int | None,
                threads: int | None, bf16: bool | None, link_config: Any, link: bool,
                batch_size: int) -> Any:
    """A :class:`hasila.workers.ChunkPool` when more than one worker is asked for, else None."""
    from hasila.infer import auto_threads, check_model_dir
    from hasila.weak import RulesTagger
    from hasila.workers import ChunkPool, resolve_workers

    n = resolve_workers(workers, reports)
    if n <= 1:
        return None
    source = model_dir if model_dir is not None else getattr(tagger, "model_dir", None)
    if isinstance(tagger, RulesTagger):
        source = None  # the workers load the rules
    elif source is None:
        raise UserError("--workers: the model folder is needed to start worker processes")
    else:
        check_model_dir(source)
    if bf16 is None and tagger is not None:
        bf16 = tagger.bf16
    each = max(1, (threads or auto_threads()) // n)
    return ChunkPool(source, n, threads=each, bf16=bf16, link_config=link_config, do_link=link,
                     batch_size=batch_size)


def _pooled(pool: Any, reports: Iterable[Report], on_error: OnError) -> Iterator[dict[str, Any]]:
    from hasila.workers import WORKER_CHUNK

    for chunk, lines, failures in pool.map(_chunks(reports, WORKER_CHUNK)):
        for index, message in failures:
            on_error(chunk[index], message)
        yield from lines


def run_predict(model_dir: str | Path, inputs: list[str], output: str | Path,
                fmt: str | None = None, batch_size: int = 16, resume: bool = False,
                link: bool = True, link_config: Any = None, bf16: bool | None = None,
                threads: int | None = None, chunk_size: int = DEFAULT_CHUNK, tagger: Any = None,
                progress: bool = True, stdin: IO[str] | None = None, workers: int = 1,
                rules: bool = False) -> PredictSummary:
    """Predict every report of ``inputs`` into ``output``; see the module docstring.

    ``fmt`` defaults to ``csv`` for an output ending in ``.csv``, else ``jsonl``.
    ``tagger`` (an already loaded :class:`~hasila.infer.Tagger`) skips loading
    ``model_dir``. ``link_config`` (a :class:`hasila.link.LinkConfig`, default
    settings when None) goes to the linker; ``link=False`` writes entities only.
    ``workers`` > 1 (0: one per free core) tags and links in that many processes
    (:mod:`hasila.workers`), ``threads`` shared among them. ``rules=True`` tags with
    the rules baseline (:class:`hasila.weak.RulesTagger`) instead of a model.
    """
    from tqdm import tqdm

    output = Path(output)
    if fmt is None:
        fmt = "csv" if output.suffix.lower() == ".csv" else "jsonl"
    if fmt not in FORMATS:
        raise UserError(f"--format {fmt!r}: unknown format; use one of {', '.join(FORMATS)}")
    if batch_size < 1:
        raise UserError(f"--batch-size {batch_size}: must be at least 1")
    check_inputs(inputs)
    if output.is_dir():
        raise UserError(f"{output}: is a directory; give an output file")
    if any(name != STDIN and Path(name).resolve() == output.resolve() for name in inputs):
        raise UserError(f"{output}: the output would overwrite an input; choose another file")
    part = part_path(output)
    done = prepare_resume(output, fmt) if resume else set()
    total = _count_reports(inputs)
    if rules and tagger is None:
        from hasila.weak import RulesTagger

        tagger = RulesTagger.load()
    pool = _start_pool(model_dir, tagger, workers, None if total is None else total - len(done),
                       threads, bf16, link_config, link, batch_size)
    if tagger is None and pool is None:
        from hasila.infer import Tagger

        tagger = Tagger.load(model_dir, threads=threads, bf16=bf16)
    if not resume:
        if part.exists():
            logger.warning("%s: discarding the part file of an earlier unfinished run "
                           "(use --resume to continue it)", part)
        output.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(b"")
    summary = PredictSummary(output=str(output), fmt=fmt)

    def failed(report: Report, message: str) -> None:
        summary.failed.append(f"{report.where}: report {report.id!r}: {message}")

    start = time.perf_counter()
    reports = unique_reports(read_reports(inputs, summary.bad, stdin), done, summary)
    if pool is not None:
        lines = _pooled(pool, reports, failed)
    else:
        lines = predict_reports(reports, tagger, link_config=link_config, batch_size=batch_size,
                                chunk_size=chunk_size, do_link=link, on_error=failed)
    bar = tqdm(total=None if total is None else max(total - len(done), 0), unit="report",
               desc="predict", disable=not progress, dynamic_ncols=True)
    try:
        with part.open("a", encoding="utf-8") as fh:
            pending = 0
            for obj in lines:
                fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
                summary.written += 1
                summary.records += len(obj["casualties"])
                summary.empty += EMPTY_TEXT in obj["warnings"] or NO_ARABIC in obj["warnings"]
                bar.update(1)
                pending += 1
                if pending >= chunk_size:
                    fh.flush()
                    os.fsync(fh.fileno())
                    pending = 0
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        bar.close()
        if pool is not None:
            pool.close(cancel=True)
        logger.error("stopped: finished lines are kept in %s; run again with --resume to continue",
                     part)
        raise
    bar.close()
    if pool is not None:
        pool.close()
    if fmt == "csv":
        _write_csv(part, output)
        part.unlink()
    else:
        os.replace(part, output)
    summary.seconds = time.perf_counter() - start
    return summary
