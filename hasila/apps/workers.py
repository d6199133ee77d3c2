"""Tagging and linking in worker processes (``hasila predict --workers N``).

Intra-op threads speed up the model's matrix products but not the rest:
tokenising, merging windows and the post-processor are Python and run on one
core. :class:`ChunkPool` starts ``N`` processes (``spawn``), each loading the
model once with its own threads, and hands them chunks of reports; results
come back in input order, so output, progress and ``--resume`` behave as with
one process. At most ``2 × N`` chunks are in flight, so memory stays flat on
inputs of any length. A linker failure in a worker comes back as a message
(the report is written with its entities, as in one process); a worker that
dies (out of memory, killed) stops the run with a :class:`UserError`, the
finished lines kept for ``--resume``.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from hasila.errors import UserError

logger = logging.getLogger(__name__)

#: Reports per chunk handed to a worker: small enough to share the work evenly.
WORKER_CHUNK = 16

_WORKER: dict[str, Any] = {}


def resolve_workers(workers: int, reports: int | None = None) -> int:
    """``workers`` as given, or for 0 one per free core (:func:`hasila.model.runtime.auto_threads`);
    never more than there are chunks of ``reports`` to share."""
    from hasila.model.runtime import auto_threads

    if workers < 0:
        raise UserError(f"--workers {workers}: must be 0 (one per free core) or more")
    n = workers or auto_threads()
    if reports is not None:
        n = min(n, max(1, -(-reports // WORKER_CHUNK)))
    return max(1, n)


def load_tagger(model_dir: str | Path | None, threads: int | None = None, bf16: bool | None = None,
                device: str = "cpu") -> Any:
    """The :class:`~hasila.model.infer.Tagger` of ``model_dir``, or the rules
    (:class:`~hasila.rules.tagger.RulesTagger`) when it is None."""
    from hasila.model.infer import Tagger
    from hasila.rules.tagger import RulesTagger

    if model_dir is None:
        return RulesTagger.load()
    return Tagger.load(model_dir, device=device, threads=threads, bf16=bf16)


def _init_worker(model_dir: str | None, threads: int, bf16: bool | None, link_config: Any,
                 do_link: bool, batch_size: int) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        datefmt="%H:%M:%S")
    tagger = load_tagger(model_dir, threads, bf16)
    _WORKER.update(tagger=tagger, link_config=link_config, do_link=do_link, batch_size=batch_size)


def _run_chunk(chunk: list[Any]) -> tuple[list[dict[str, Any]], list[tuple[int, str]]]:
    from hasila.apps.predict_core import predict_chunk

    failures: list[tuple[int, str]] = []
    index = {id(report): i for i, report in enumerate(chunk)}
    lines = predict_chunk(chunk, _WORKER["tagger"], link_config=_WORKER["link_config"],
                          batch_size=_WORKER["batch_size"], do_link=_WORKER["do_link"],
                          on_error=lambda report, message: failures.append((index[id(report)], message)))
    return lines, failures


class ChunkPool:
    """``workers`` processes, each with a loaded :class:`~hasila.model.infer.Tagger` of ``model_dir``
    (None: the rules, :class:`~hasila.rules.tagger.RulesTagger`)."""

    def __init__(self, model_dir: str | Path | None, workers: int, threads: int = 1, bf16: bool | None = None,
                 link_config: Any = None, do_link: bool = True, batch_size: int = 16) -> None:
        if workers < 1 or threads < 1:
            raise UserError(f"workers {workers}, threads {threads}: each must be at least 1")
        self.workers = workers
        self.model_dir = "rules" if model_dir is None else str(model_dir)
        self._executor = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(None if model_dir is None else self.model_dir, threads, bf16, link_config,
                      do_link, batch_size))
        logger.info("%d worker processes, %d thread(s) each", workers, threads)

    def map(self, chunks: Iterable[list[Any]]) -> Iterator[tuple[list[Any], list[dict[str, Any]],
                                                                 list[tuple[int, str]]]]:
        """``(chunk, output objects, [(index in chunk, linker failure)])`` per chunk, in order."""
        pending: deque[tuple[list[Any], Future[Any]]] = deque()
        it = iter(chunks)
        exhausted = False
        while True:
            while not exhausted and len(pending) < 2 * self.workers:
                chunk = next(it, None)
                if chunk is None:
                    exhausted = True
                else:
                    pending.append((chunk, self._executor.submit(_run_chunk, chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                lines, failures = future.result()
            except BrokenProcessPool:
                raise UserError(f"{self.model_dir}: a worker process died (out of memory? killed?); "
                                "finished lines are kept, run again with --resume") from None
            yield chunk, lines, failures

    def close(self, cancel: bool = False) -> None:
        """Stop the workers (``cancel``: drop chunks not started yet)."""
        self._executor.shutdown(wait=True, cancel_futures=cancel)

    def __enter__(self) -> ChunkPool:
        return self

    def __exit__(self, exc_type: Any, *_: Any) -> None:
        self.close(cancel=exc_type is not None)
