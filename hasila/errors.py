"""Errors that are the user's to fix: the CLI prints them as one line, no traceback.

Exit codes of ``hasila`` (the README's table): 0 done; 1 done, but some input was skipped or
flagged (bad lines, invalid tasks, conflicting ids, empty input); 2 usage or input error,
nothing written (:class:`UserError`); 3 a server could not be reached (:class:`NetworkError`);
130 interrupted.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_NETWORK = 3
EXIT_INTERRUPTED = 130


class UserError(Exception):
    """Bad input or settings. The message names the file, line or field and the problem."""

    exit_code = EXIT_USAGE


class NetworkError(UserError):
    """A server (Label Studio) could not be reached or failed to answer."""

    exit_code = EXIT_NETWORK


class AnnotationError(UserError):
    """An annotation that breaks scheme v1 (task id, region id and the problem)."""

    def __init__(self, task: str | int | None, region: str | None, problem: str) -> None:
        self.task = task
        self.region = region
        self.problem = problem
        where = f"task {task}"
        if region is not None:
            where += f", region {region}"
        super().__init__(f"{where}: {problem}")
