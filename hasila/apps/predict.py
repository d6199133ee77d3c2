"""``hasila predict``: reports in, one JSON line (or CSV rows) of casualty figures out.

Inputs are JSON Lines files with ``{"id", "text"}`` per line, JSON arrays of
such objects or of Label Studio tasks (``data.text``; id from ``data.doc_id``,
else the task id), ``.txt`` files (one report each, id = file name without
extension), folders (their ``.txt`` files, by name) or ``-`` (stdin, JSON Lines
or an array). A file none of whose lines is a report is one error saying what
is expected. Each report becomes one output line::

    {"id", "entities": [{"label", "start", "end", "text", "score"}],
     "casualties": [CasualtyRecord.to_json(), ...],
     "non_counts": [{"start", "end", "text", "reason"}], "warnings": [...]}

with offsets into the raw report text. Any other fields of an input JSON line
(``date``, ``source``, ``url``, ``title``, ...) are copied into the line's
``meta`` object (absent when there are none). ``--format csv`` writes one row per
casualty record instead (the report id, the ``META_CSV_FIELDS`` of its meta, the
record's fields, then the report's record count, non-counts and warnings), one row
with empty record fields for a report without records, and a UTF-8 byte-order mark
for spreadsheets. Output ``-`` is standard output (no part file, no resume, no
byte-order mark).

Robustness: a malformed line, or one without ``id``/``text``, is reported with
its file and line number and skipped; every other report is still written and
the run then ends with exit code 1. A repeated id with the same text is written
once (a note); with another text it is a conflict naming both places: the first
is kept, and the run ends with exit code 1. Empty or non-Arabic text gives an
empty result with a warning in its line; input with no report at all ends with
exit code 1.

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
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from hasila.apps.predict_core import (
    DEFAULT_CHUNK,
    EMPTY_TEXT,
    NO_ARABIC,
    STDIN,
    OnError,
    PredictSummary,
    Report,
    _chunks,
    _first_char,
    check_inputs,
    expand_inputs,
    predict_reports,
    read_reports,
    unique_reports,
)
from hasila.errors import UserError
from hasila.fileio import atomic_open
from hasila.schema import CasualtyRecord, SpanTagger

logger = logging.getLogger(__name__)

FORMATS = ("jsonl", "csv")
ENGINES = ("local", "ray")
STDOUT = "-"
#: meta fields that get a CSV column (a column is empty when a report lacks the field)
META_CSV_FIELDS = ("date", "source", "url", "title")
#: report-level CSV columns, repeated on each row of the report
CSV_REPORT_FIELDS = ["records_in_report", "non_counts", "warnings"]
CSV_FIELDS = ["report_id", *META_CSV_FIELDS, *CasualtyRecord.__dataclass_fields__,
              *CSV_REPORT_FIELDS]


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


def csv_rows(obj: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The CSV rows of one output object: one per casualty record, or one with empty record
    fields when it has none; the report's non-counts and warnings on every row."""
    extra = {**meta_columns(obj.get("meta")),
             "records_in_report": len(obj["casualties"]),
             "non_counts": "; ".join(f"{n['text']} ({n['reason']})" for n in obj["non_counts"]),
             "warnings": "; ".join(obj["warnings"])}
    if not obj["casualties"]:
        yield {"report_id": obj["id"], **extra}
    for record in obj["casualties"]:
        yield {"report_id": obj["id"], **record, **extra}


def _csv_writer(fh: IO[str]) -> csv.DictWriter:
    writer = csv.DictWriter(fh, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    return writer


def meta_columns(meta: dict[str, Any] | None) -> dict[str, str]:
    """The CSV meta columns of an output line's ``meta`` (text; empty when missing)."""
    meta = meta or {}
    return {k: "" if meta.get(k) is None else str(meta[k]) for k in META_CSV_FIELDS}


def _write_csv(part: Path, output: Path) -> None:
    """The CSV of a finished part file, with a UTF-8 byte-order mark so that spreadsheet
    programs read the Arabic right."""
    with atomic_open(output, encoding="utf-8-sig") as fh:
        writer = _csv_writer(fh)
        for _, line in _finished_lines(part, strict=True):
            writer.writerows(csv_rows(json.loads(line)))


class _PartSink:
    """Output lines into ``OUT.part``, fsynced every ``chunk`` lines; :meth:`finish` moves the
    result onto ``OUT`` (JSONL) or renders the CSV from it."""

    def __init__(self, output: Path, fmt: str, chunk: int) -> None:
        self.output, self.fmt, self.chunk = output, fmt, chunk
        self.part = part_path(output)
        self.fh = self.part.open("a", encoding="utf-8")
        self.pending = 0

    def write(self, obj: dict[str, Any]) -> None:
        self.fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
        self.pending += 1
        if self.pending >= self.chunk:
            self.sync()

    def sync(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.pending = 0

    def close(self) -> None:
        if not self.fh.closed:
            self.sync()
            self.fh.close()

    def finish(self) -> None:
        self.close()
        if self.fmt == "csv":
            _write_csv(self.part, self.output)
            self.part.unlink()
        else:
            os.replace(self.part, self.output)


class _StreamSink:
    """Output straight to a stream (``--output -``): JSON lines, or CSV rows after a header
    (no byte-order mark: a stream goes to another program)."""

    def __init__(self, stream: IO[str], fmt: str) -> None:
        self.stream = stream
        self.csv = _csv_writer(stream) if fmt == "csv" else None

    def write(self, obj: dict[str, Any]) -> None:
        if self.csv is not None:
            self.csv.writerows(csv_rows(obj))
        else:
            self.stream.write(json.dumps(obj, ensure_ascii=False) + "\n")
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()

    def finish(self) -> None:
        self.close()


def _count_reports(inputs: list[str]) -> int | None:
    """A quick total for the progress bar (None when reading stdin)."""
    if STDIN in inputs:
        return None
    total = 0
    for name in inputs:
        path = Path(name)
        if path.suffix.lower() == ".txt":
            total += 1
        elif _first_char(path) == "[":
            return None  # a JSON array: counting its items means reading it twice
        else:
            with path.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
    return total


def _start_pool(model_dir: str | Path | None, tagger: Any, workers: int, reports: int | None,
                threads: int | None, bf16: bool | None, link_config: Any, link: bool,
                batch_size: int) -> Any:
    """A :class:`hasila.apps.workers.ChunkPool` when more than one worker is asked for, else None."""
    from hasila.apps.workers import ChunkPool, resolve_workers
    from hasila.model.infer import check_model_dir
    from hasila.model.runtime import auto_threads
    from hasila.rules.tagger import RulesTagger

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
    from hasila.apps.workers import WORKER_CHUNK

    for chunk, lines, failures in pool.map(_chunks(reports, WORKER_CHUNK)):
        for index, message in failures:
            on_error(chunk[index], message)
        yield from lines


def _prepare_output(output: str | Path, inputs: list[str], fmt: str, resume: bool) -> set[str]:
    """Check the output file and gather what a resumed run has done; ``-`` is stdout."""
    if str(output) == STDOUT:
        if resume:
            raise UserError("--resume needs an output file; standard output (-) cannot be resumed")
        return set()
    output = Path(output)
    if output.is_dir():
        raise UserError(f"{output}: is a directory; give an output file")
    if any(name != STDIN and Path(name).resolve() == output.resolve() for name in inputs):
        raise UserError(f"{output}: the output would overwrite an input; choose another file")
    return prepare_resume(output, fmt) if resume else set()


def _open_sink(output: str | Path, fmt: str, resume: bool, chunk_size: int,
               stdout: IO[str] | None) -> _PartSink | _StreamSink:
    if str(output) == STDOUT:
        return _StreamSink(stdout if stdout is not None else sys.stdout, fmt)
    output = Path(output)
    part = part_path(output)
    if not resume:
        if part.exists():
            logger.warning("%s: discarding the part file of an earlier unfinished run "
                           "(use --resume to continue it)", part)
        output.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(b"")
    return _PartSink(output, fmt, chunk_size)


def ontology_note(model_dir: str | Path | None) -> str | None:
    """What to tell the user when the model folder lacks its own category ontology."""
    if model_dir is None or (Path(model_dir) / "categories.yaml").is_file():
        return None
    return (f"{model_dir} has no categories.yaml (the categories it was trained with): "
            "categories are from the repository's configs/categories.yaml; copy the training "
            "ontology into the model folder if it differs")


def run_predict(model_dir: str | Path, inputs: list[str], output: str | Path,
                fmt: str | None = None, batch_size: int = 16, resume: bool = False,
                link: bool = True, link_config: Any = None, bf16: bool | None = None,
                threads: int | None = None, chunk_size: int = DEFAULT_CHUNK, tagger: SpanTagger | None = None,
                progress: bool = True, stdin: IO[str] | None = None, workers: int = 1,
                rules: bool = False, stdout: IO[str] | None = None, engine: str = "local",
                ray_options: Any = None) -> PredictSummary:
    """Predict every report of ``inputs`` into ``output``; see the module docstring.

    ``inputs`` may name folders (their ``.txt`` files are read); ``output`` ``-`` writes
    to ``stdout`` (default ``sys.stdout``) as the reports are done, without a part file.
    ``fmt`` defaults to ``csv`` for an output ending in ``.csv``, else ``jsonl``.
    ``tagger`` (an already loaded :class:`~hasila.model.infer.Tagger`) skips loading
    ``model_dir``. ``link_config`` (a :class:`hasila.link.LinkConfig`, default
    settings when None) goes to the linker; ``link=False`` writes entities only.
    ``workers`` > 1 (0: one per free core) tags and links in that many processes
    (:mod:`hasila.apps.workers`), ``threads`` shared among them. ``rules=True`` tags with
    the rules baseline (:class:`hasila.rules.tagger.RulesTagger`) instead of a model.
    ``engine="ray"`` tags and links in a Ray Data pipeline instead
    (:mod:`hasila.apps.predict_ray`, ``ray_options`` a :class:`~hasila.apps.predict_ray.RayOptions`;
    ``threads`` per actor); reading and writing stay here.
    """
    from tqdm import tqdm

    if fmt is None:
        fmt = "csv" if str(output).lower().endswith(".csv") else "jsonl"
    if fmt not in FORMATS:
        raise UserError(f"--format {fmt!r}: unknown format; use one of {', '.join(FORMATS)}")
    if batch_size < 1:
        raise UserError(f"--batch-size {batch_size}: must be at least 1")
    if engine not in ENGINES:
        raise UserError(f"--engine {engine!r}: unknown engine; use one of {', '.join(ENGINES)}")
    if engine == "ray" and workers != 1:
        raise UserError("--workers is for --engine local; with --engine ray use --concurrency")
    inputs = expand_inputs(inputs)
    check_inputs(inputs)
    done = _prepare_output(output, inputs, fmt, resume)
    total = _count_reports(inputs)
    if engine == "ray":
        from hasila.apps.predict_ray import RayOptions, RayPredictor

        pool = RayPredictor(None if rules else model_dir, ray_options or RayOptions(), threads, bf16,
                            link_config, link, batch_size)
    else:
        if rules and tagger is None:
            from hasila.rules.tagger import RulesTagger

            tagger = RulesTagger.load()
        pool = _start_pool(model_dir, tagger, workers, None if total is None else total - len(done),
                           threads, bf16, link_config, link, batch_size)
    if tagger is None and pool is None:
        from hasila.model.infer import Tagger

        tagger = Tagger.load(model_dir, threads=threads, bf16=bf16)
    sink = _open_sink(output, fmt, resume, chunk_size, stdout)
    summary = PredictSummary(output="standard output" if str(output) == STDOUT else str(output),
                             fmt=fmt)
    note = None if rules else ontology_note(model_dir)
    if note is not None:
        summary.notes.append(note)

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
        for obj in lines:
            sink.write(obj)
            summary.written += 1
            summary.records += len(obj["casualties"])
            summary.empty += EMPTY_TEXT in obj["warnings"] or NO_ARABIC in obj["warnings"]
            bar.update(1)
        sink.close()
    except BaseException:
        bar.close()
        sink.close()
        if pool is not None:
            pool.close(cancel=True)
        if isinstance(sink, _PartSink):
            logger.error("stopped: finished lines are kept in %s; run again with --resume to "
                         "continue", sink.part)
        raise
    bar.close()
    if pool is not None:
        pool.close()
    sink.finish()
    summary.seconds = time.perf_counter() - start
    return summary
