"""Errors that are the user's to fix: the CLI prints them as one line, no traceback."""

from __future__ import annotations


class UserError(Exception):
    """Bad input or settings. The message names the file, line or field and the problem."""


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
