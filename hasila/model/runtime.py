"""CPU and torch runtime helpers shared by inference and training: the cores this process may
use, torch's thread count, native bf16, padding a batch."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path

import torch

from hasila.errors import UserError

logger = logging.getLogger(__name__)


def cpu_supports_bf16() -> bool:
    """True when this CPU computes bf16 natively (AVX512-BF16 or AMX), where autocast pays off."""
    try:
        return bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):
        pass
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return "avx512_bf16" in flags or "amx_bf16" in flags


def usable_cores() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def auto_threads() -> int:
    """Cores this process may use, minus those other processes keep busy (1-minute load).

    On a shared machine, torch with more threads than free cores is slower than
    with fewer (its threads wait for each other; ``bench/results/README.md``), so
    the default leaves the busy cores alone.
    """
    cores = usable_cores()
    return max(1, min(cores, cores - int(_load_1min() + 0.5)))


def _load_1min() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:  # not available on this platform
        return 0.0


def set_threads(threads: int | None) -> int:
    """Set torch's intra-op threads: ``threads``, or :func:`auto_threads` when None."""
    if threads is not None and threads < 1:
        raise UserError(f"--threads {threads}: must be at least 1")
    if threads is None:
        threads = auto_threads()
        logger.info("threads: %d (auto: %d usable cores, 1-minute load %.1f)", threads, usable_cores(),
                    _load_1min())
    torch.set_num_threads(threads)
    return threads


def pad_batch(rows: Sequence[Sequence[int]], pad_id: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Token id rows padded to the longest one: ``(input_ids, attention_mask)``."""
    width = max(len(row) for row in rows)
    ids = torch.full((len(rows), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    for i, row in enumerate(rows):
        ids[i, :len(row)] = torch.tensor(row, dtype=torch.long)
        mask[i, :len(row)] = 1
    return ids, mask
