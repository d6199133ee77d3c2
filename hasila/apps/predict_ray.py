"""``hasila predict --engine ray``: tagging and linking as a Ray Data pipeline.

The driver (this process) reads the inputs with :mod:`hasila.apps.predict`'s reader
(bad lines, duplicate ids and ``--resume`` are handled there, as in the local
engine) and hands the reports to Ray Data a segment at a time
(``ray.data.from_items``). Each segment runs ``map_batches`` with
:class:`TagBatch`, a callable class: Ray starts a fixed pool of actors
(``--concurrency``, each reserving ``--threads`` CPUs and ``--num-gpus`` GPUs)
that load the tagger once and tag and link a batch of reports per call with
:func:`hasila.apps.predict.predict_chunk`. The results come back in input order
(``preserve_order``) and go to the local engine's writer, so the output file,
progress bar and ``--resume`` behave as with ``--engine local`` and the lines
are the same.

Reports travel as the JSON text of every field of
:class:`~hasila.apps.predict.Report`, output lines as JSON text: no Arrow schema has
to agree between batches. Without ``--ray-address`` (or ``RAY_ADDRESS``) a
local Ray is started and stopped at the end; an already initialised Ray (a test,
a notebook) is used as it is. On a cluster, every node needs hasila installed;
the model folder travels through Ray's object store to the nodes where its path
does not exist (:func:`pack_model`), so no shared disk is needed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from hasila.errors import UserError

logger = logging.getLogger(__name__)

#: Reports per actor call (one Ray Data block each): small enough to share the work evenly.
RAY_BATCH = 16
#: Reports per Ray dataset: bounds the driver's memory; the actors restart between segments.
SEGMENT = 20_000
#: Ray Data's per-run notices (bars disabled, "execution finished") that would interleave with ours.
QUIET_LOGGERS = {"ray.data._internal.progress": logging.ERROR,
                 "ray.data._internal.execution.streaming_executor": logging.WARNING}


@dataclass(frozen=True)
class RayOptions:
    """Where and how wide the Ray pipeline runs.

    ``address``: a cluster to join (None: ``RAY_ADDRESS``, else a local Ray).
    ``concurrency``: actors (None: as many as the cluster's CPUs, or GPUs, allow).
    ``num_gpus``: GPUs per actor (0: tag on CPU). ``batch``: reports per actor
    call. ``segment``: reports per Ray dataset.
    """

    address: str | None = None
    concurrency: int | None = None
    num_gpus: float = 0.0
    batch: int = RAY_BATCH
    segment: int = SEGMENT

    def check(self) -> None:
        """A :class:`UserError` for a value that cannot work."""
        if self.concurrency is not None and self.concurrency < 1:
            raise UserError(f"--concurrency {self.concurrency}: must be at least 1")
        if self.num_gpus < 0:
            raise UserError(f"--num-gpus {self.num_gpus}: must be 0 or more")
        if self.batch < 1 or self.segment < 1:
            raise UserError(f"batch {self.batch}, segment {self.segment}: each must be at least 1")


def import_ray() -> Any:
    """The ``ray`` module, or a :class:`UserError` saying how to install it."""
    try:
        import ray
        import ray.data
    except ImportError:
        raise UserError("--engine ray needs Ray Data: pip install 'hasila[ray]'") from None
    return ray


def pack_model(model_dir: Path) -> tuple[str, dict[str, bytes]]:
    """A digest of a model folder's content and its files by their paths inside it (what
    :func:`unpack_model` writes back)."""
    files = {p.relative_to(model_dir).as_posix(): p.read_bytes()
             for p in sorted(model_dir.rglob("*")) if p.is_file()}
    digest = hashlib.sha256()
    for name, data in files.items():
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()[:16], files


def unpack_model(digest: str, files: dict[str, bytes]) -> Path:
    """The folder of :func:`pack_model`'s files in this node's temporary folder, written once
    per content: actors of later segments (or beside this one) reuse it."""
    folder = Path(tempfile.gettempdir()) / f"hasila-model-{digest}"
    if folder.is_dir():
        return folder
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    for name, data in files.items():
        path = tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    try:
        tmp.rename(folder)
    except OSError:  # another actor of this node was first
        shutil.rmtree(tmp, ignore_errors=True)
    return folder


class TagBatch:
    """The Ray Data callable class: one tagger per actor, a batch of reports per call.

    ``model_files``: ``(digest, Ray object reference to the files)`` of
    :func:`pack_model`, fetched when ``model_dir`` does not exist on this node.
    """

    def __init__(self, model_dir: str | None, threads: int, bf16: bool | None, device: str,
                 link_config: Any, do_link: bool, batch_size: int, model_files: Any = None) -> None:
        from hasila.apps.workers import load_tagger

        logging.basicConfig(level=logging.WARNING,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        if model_dir is not None and model_files is not None and not Path(model_dir).is_dir():
            import ray

            digest, ref = model_files
            model_dir = str(unpack_model(digest, ray.get(ref)))
            logger.warning("model folder not on this node: unpacked into %s", model_dir)
        self.tagger = load_tagger(model_dir, threads, bf16, device)
        self.link_config = link_config
        self.do_link = do_link
        self.batch_size = batch_size

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        """``{"report": JSON texts}`` in, ``{"line": JSON texts, "failure": linker errors or ""}`` out."""
        import numpy as np

        from hasila.apps.predict_core import Report, predict_chunk

        reports = [Report(**json.loads(text)) for text in batch["report"]]
        failure = [""] * len(reports)
        index = {id(report): i for i, report in enumerate(reports)}

        def on_error(report: Report, message: str) -> None:
            failure[index[id(report)]] = message

        lines = predict_chunk(reports, self.tagger, link_config=self.link_config,
                              batch_size=self.batch_size, do_link=self.do_link, on_error=on_error)
        return {"line": np.array([json.dumps(obj, ensure_ascii=False) for obj in lines], dtype=object),
                "failure": np.array(failure, dtype=object)}


def regroup(chunks: list[list[Any]], rows: Iterable[tuple[str, str]]
            ) -> Iterator[tuple[list[Any], list[dict[str, Any]], list[tuple[int, str]]]]:
    """``(chunk, output objects, [(index in chunk, linker failure)])`` per chunk from the
    pipeline's ``(line, failure)`` rows, which follow the chunks' reports in order."""
    it = iter(rows)
    for chunk in chunks:
        lines: list[dict[str, Any]] = []
        failures: list[tuple[int, str]] = []
        for i, report in enumerate(chunk):
            row = next(it, None)
            if row is None:
                raise RuntimeError("the Ray pipeline returned fewer lines than it was given reports")
            obj = json.loads(row[0])
            if obj["id"] != report.id:
                raise RuntimeError(f"the Ray pipeline returned report {obj['id']!r} where "
                                   f"{report.id!r} was expected: order lost")
            lines.append(obj)
            if row[1]:
                failures.append((i, str(row[1])))
        yield chunk, lines, failures
    if next(it, None) is not None:
        raise RuntimeError("the Ray pipeline returned more lines than it was given reports")


def _segments(chunks: Iterable[list[Any]], size: int) -> Iterator[list[list[Any]]]:
    segment: list[list[Any]] = []
    count = 0
    for chunk in chunks:
        segment.append(chunk)
        count += len(chunk)
        if count >= size:
            yield segment
            segment, count = [], 0
    if segment:
        yield segment


def connect(ray: Any, address: str | None, local_cpus: int) -> bool:
    """Join ``address`` (or ``RAY_ADDRESS``; ``auto``: the ``ray start`` cluster of this
    machine), else start a new local Ray with ``local_cpus`` CPUs; nothing when Ray is already
    initialised. True when this call started or joined it."""
    if ray.is_initialized():
        return False
    address = address or os.environ.get("RAY_ADDRESS") or None
    common = {"include_dashboard": False, "logging_level": logging.WARNING}
    try:
        if address:
            ray.init(address=address, **common)
        else:
            ray.init(address="local", num_cpus=local_cpus, **common)  # not a `ray start` one
    except (ConnectionError, RuntimeError, ValueError) as exc:
        where = f"--ray-address {address}" if address else "local Ray"
        raise UserError(f"{where}: cannot start or join Ray: {exc}") from None
    logger.info("Ray %s: %s", "cluster" if address else "local", ray.cluster_resources())
    return True


class RayPredictor:
    """Tags and links chunks of reports on Ray; the same ``map``/``close`` contract as
    :class:`hasila.apps.workers.ChunkPool`, so :func:`hasila.apps.predict.run_predict` writes its lines."""

    def __init__(self, model_dir: str | Path | None, options: RayOptions, threads: int | None = None,
                 bf16: bool | None = None, link_config: Any = None, do_link: bool = True,
                 batch_size: int = 16) -> None:
        options.check()
        if threads is not None and threads < 1:
            raise UserError(f"--threads {threads}: must be at least 1")
        if model_dir is not None:
            from hasila.model.infer import check_model_dir

            model_dir = check_model_dir(model_dir).resolve()
        self.ray = import_ray()
        self.options = options
        self.threads = threads or 1
        if options.concurrency is not None:
            local_cpus = options.concurrency * self.threads
        else:
            from hasila.model.runtime import auto_threads

            local_cpus = max(self.threads, auto_threads())
        self.started = connect(self.ray, options.address, local_cpus)
        self.actors = self._room(options)
        self.constructor = {
            "model_dir": None if model_dir is None else str(model_dir), "threads": self.threads,
            "bf16": bf16, "device": "cuda" if options.num_gpus > 0 else "cpu",
            "link_config": link_config, "do_link": do_link, "batch_size": batch_size,
            "model_files": None}
        if model_dir is not None and self._on_cluster():
            digest, files = pack_model(model_dir)
            self.constructor["model_files"] = (digest, self.ray.put(files))
        ctx = self.ray.data.DataContext.get_current()
        self._saved = (ctx.execution_options.preserve_order, ctx.enable_progress_bars,
                       ctx.print_on_execution_start)
        ctx.execution_options.preserve_order = True
        ctx.enable_progress_bars = False  # hasila's own bar counts the written reports
        ctx.print_on_execution_start = False
        for name, level in QUIET_LOGGERS.items():
            logging.getLogger(name).setLevel(level)
        logger.info("Ray Data: %d actor(s), %d CPU(s) and %s GPU(s) each", self.actors, self.threads,
                    options.num_gpus)

    def _on_cluster(self) -> bool:
        """True when Ray runs beyond a local instance (other nodes may hold the actors)."""
        joined = self.options.address or os.environ.get("RAY_ADDRESS")
        return bool(joined) or len(self.ray.nodes()) > 1

    def _room(self, options: RayOptions) -> int:
        """Actors to start: ``--concurrency``, else as many as the cluster has room for."""
        total = self.ray.cluster_resources()
        room = int(total.get("CPU", 0) // self.threads)
        what = f"{self.threads} CPU(s)"
        if options.num_gpus > 0:
            room = min(room, int(total.get("GPU", 0) // options.num_gpus))
            what += f" and {options.num_gpus} GPU(s)"
        want = options.concurrency or max(1, room)
        if want > room:
            message = (f"--concurrency {want}: the Ray cluster has room for {room} actor(s) of "
                       f"{what} ({total.get('CPU', 0):g} CPU(s), {total.get('GPU', 0):g} GPU(s))")
            if self.started and not options.address and not os.environ.get("RAY_ADDRESS"):
                self.close()
                raise UserError(message)
            logger.warning("%s; the actors start as the cluster grows", message)
        return want

    def _rows(self, reports: list[Any]) -> Iterator[tuple[str, str]]:
        ray = self.ray
        batch = self.options.batch
        blocks = math.ceil(len(reports) / batch)
        items = [{"report": json.dumps(asdict(r), ensure_ascii=False)} for r in reports]
        dataset = ray.data.from_items(items, override_num_blocks=blocks).map_batches(
            TagBatch, fn_constructor_kwargs=self.constructor, batch_size=batch,
            batch_format="numpy", compute=ray.data.ActorPoolStrategy(size=min(self.actors, blocks)),
            num_cpus=self.threads, num_gpus=self.options.num_gpus or None)
        for out in dataset.iter_batches(batch_size=None, batch_format="numpy"):
            yield from zip(out["line"], out["failure"], strict=True)

    def map(self, chunks: Iterable[list[Any]]) -> Iterator[tuple[list[Any], list[dict[str, Any]],
                                                                 list[tuple[int, str]]]]:
        """``(chunk, output objects, [(index in chunk, linker failure)])`` per chunk, in order."""
        from ray.exceptions import RayError

        for segment in _segments(chunks, self.options.segment):
            reports = [report for chunk in segment for report in chunk]
            try:
                yield from regroup(segment, self._rows(reports))
            except RayError as exc:
                first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
                raise UserError(f"Ray pipeline failed ({type(exc).__name__}: {first}); finished "
                                "lines are kept, run again with --resume") from None

    def close(self, cancel: bool = False) -> None:
        """Give Ray Data its settings back; stop (or leave) the Ray this predictor started
        or joined."""
        saved = getattr(self, "_saved", None)
        if saved is not None:
            ctx = self.ray.data.DataContext.get_current()
            (ctx.execution_options.preserve_order, ctx.enable_progress_bars,
             ctx.print_on_execution_start) = saved
            self._saved = None  # type: ignore[assignment]
        if self.started:
            self.ray.shutdown()
            self.started = False
