"""Label Studio round trip: push reports (with the model's pre-annotations), pull annotations.

Talks to a Label Studio server through ``label-studio-sdk`` 2.x's ``LabelStudio``
client (every call, so Personal Access Tokens and legacy tokens both work). The
connection comes from ``LABEL_STUDIO_URL`` and ``LABEL_STUDIO_API_KEY`` (or explicit
arguments); API and network failures become one-line :class:`UserError`. Tasks are
matched to reports by ``data.doc_id``, so pushing the same ids again adds no task.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hasila.annotation.lsio import doc_to_task, read_export
from hasila.errors import NetworkError, UserError
from hasila.fileio import atomic_open, resource
from hasila.schema import Doc

logger = logging.getLogger(__name__)

LABEL_CONFIG = resource("annotations/label_config.xml")


@dataclass
class PushSummary:
    project_id: int
    created: int = 0
    skipped: int = 0
    predictions_added: int = 0


@dataclass
class PullSummary:
    project_id: int
    tasks: int = 0
    written: int = 0
    errors: list[str] = field(default_factory=list)


def _detail(body: Any) -> str:
    """The server's own words from an error body, shortened."""
    if isinstance(body, dict):
        body = body.get("detail") or body.get("error") or body
    text = str(body).strip().replace("\n", " ")
    return f": {text[:160]}" if text else ""


def explain(exc: BaseException, url: str) -> UserError | None:
    """One clear :class:`UserError` for a failed Label Studio call, or None if not such a failure."""
    import httpx
    from label_studio_sdk.core.api_error import ApiError

    if isinstance(exc, ApiError):
        if exc.status_code in (401, 403):
            return UserError(f"Label Studio at {url} rejected the API key (HTTP {exc.status_code}"
                             f"{_detail(exc.body)})")
        return UserError(f"Label Studio at {url} answered HTTP {exc.status_code}{_detail(exc.body)}")
    if isinstance(exc, httpx.TimeoutException):
        return NetworkError(f"Label Studio at {url} did not answer in time ({type(exc).__name__})")
    if isinstance(exc, httpx.HTTPError):
        return NetworkError(f"Label Studio at {url} is unreachable ({type(exc).__name__}: {exc})")
    if isinstance(exc, ValueError) and "JSON" in str(exc):  # an answer that is not Label Studio's
        return UserError(f"{url} did not answer like a Label Studio server ({exc})")
    return None


@contextmanager
def ls_errors(url: str | None = None) -> Iterator[None]:
    """Turn network and API failures inside the block into one clear :class:`UserError`."""
    where = (url or os.environ.get("LABEL_STUDIO_URL") or "the Label Studio server").rstrip("/")
    try:
        yield
    except UserError:
        raise
    except Exception as exc:
        err = explain(exc, where)
        if err is None:
            raise
        raise err from None


def token_kind(api_key: str) -> str:
    """``"personal access token"`` (a JWT refresh token), ``"JWT"`` (another JWT, e.g. an
    access token) or ``"legacy token"`` (not a JWT)."""
    import jwt

    try:
        claims = jwt.decode(api_key, options={"verify_signature": False})
    except jwt.InvalidTokenError:
        return "legacy token"
    return "personal access token" if claims.get("token_type") == "refresh" else "JWT"


def connect(url: str | None = None, api_key: str | None = None, timeout: float = 30.0) -> Any:
    """A checked client: the server answers and the key is accepted, or one clear UserError.

    The key may be a Personal Access Token (a JWT refresh token: the SDK exchanges it
    for short-lived access tokens sent as ``Bearer``) or a legacy token (sent as
    ``Token``); every call goes through ``label-studio-sdk``'s client.
    """
    from label_studio_sdk import LabelStudio

    url = (url or os.environ.get("LABEL_STUDIO_URL") or "").rstrip("/")
    api_key = api_key or os.environ.get("LABEL_STUDIO_API_KEY")
    if not url:
        raise UserError("no Label Studio URL: set LABEL_STUDIO_URL or pass --url")
    if not api_key:
        raise UserError("no Label Studio API key: set LABEL_STUDIO_API_KEY or pass --api-key")
    with ls_errors(url):
        client = LabelStudio(base_url=url, api_key=api_key, timeout=timeout)
        user = client.users.whoami(request_options={"max_retries": 0})
    logger.debug("connected to %s as %s with a %s", url, getattr(user, "email", "?"), token_kind(api_key))
    return client


def find_project(client: Any, name: str) -> int | None:
    """The id of the project titled ``name``, or None."""
    for project in client.projects.list(title=name):
        if project.title == name:
            return int(project.id)
    for project in client.projects.list():
        if project.title == name:
            return int(project.id)
    return None


def ensure_project(client: Any, name: str, label_config: str | Path = LABEL_CONFIG) -> int:
    """Find the project ``name`` or create it with the scheme's labelling config."""
    pid = find_project(client, name)
    if pid is not None:
        return pid
    config = Path(label_config).read_text(encoding="utf-8")
    project = client.projects.create(title=name, label_config=config,
                                     description="hasila casualty reports (annotation scheme v1)")
    logger.info("created Label Studio project %r (id %s)", name, project.id)
    return int(project.id)


def existing_tasks(client: Any, project_id: int) -> dict[str, dict[str, Any]]:
    """Tasks of the project keyed by ``data.doc_id``: {doc_id: {"id", "model_versions"}}."""
    out: dict[str, dict[str, Any]] = {}
    for task in client.tasks.list(project=project_id, fields="all"):
        data = task.data or {}
        doc_id = str(data.get("doc_id", task.id))
        versions = {getattr(p, "model_version", None) if not isinstance(p, dict) else p.get("model_version")
                    for p in (task.predictions or [])}
        out[doc_id] = {"id": int(task.id), "model_versions": versions}
    return out


def _plain_task(doc: Doc, prediction: Doc | None, model_version: str | None) -> dict[str, Any]:
    base = Doc(id=doc.id, text=doc.text, meta={k: v for k, v in doc.meta.items() if k != "task_id"})
    task = doc_to_task(base, kind="annotations")
    task.pop("id", None)
    task.pop("annotations", None)
    if prediction is not None:
        pred_task = doc_to_task(prediction, kind="predictions", model_version=model_version)
        task["predictions"] = pred_task["predictions"]
    return task


def push(client: Any, project: str, docs: list[Doc], predictions: dict[str, Doc] | None = None,
         model_version: str | None = None, batch_size: int = 100) -> PushSummary:
    """Import ``docs`` as tasks (skipping doc ids already there), with predictions when given.

    For a task already in the project, a prediction is added only when the
    project has none of that ``model_version`` for it.
    """
    pid = ensure_project(client, project)
    summary = PushSummary(project_id=pid)
    have = existing_tasks(client, pid)
    fresh: list[dict[str, Any]] = []
    for doc in docs:
        pred = predictions.get(doc.id) if predictions else None
        if doc.id in have:
            summary.skipped += 1
            if pred is not None and model_version not in have[doc.id]["model_versions"]:
                p = doc_to_task(pred, kind="predictions", model_version=model_version)["predictions"][0]
                client.predictions.create(task=have[doc.id]["id"], result=p["result"],
                                          model_version=p["model_version"], score=p.get("score"))
                summary.predictions_added += 1
            continue
        fresh.append(_plain_task(doc, pred, model_version))
    for i in range(0, len(fresh), batch_size):
        chunk = fresh[i : i + batch_size]
        client.projects.import_tasks(pid, request=chunk, return_task_ids=True)
        summary.created += len(chunk)
        summary.predictions_added += sum(1 for t in chunk if "predictions" in t)
    return summary


def export_tasks(client: Any, project_id: int, timeout: float = 120.0) -> list[dict[str, Any]]:
    """The project's full JSON export (annotations and full predictions) via an export snapshot."""
    snapshot = client.projects.exports.create(
        project_id, title="hasila pull",
        serialization_options={"predictions": {"only_id": False}, "annotations__completed_by": {"only_id": True}},
    )
    deadline = time.monotonic() + timeout
    status = getattr(snapshot, "status", None)
    while status not in ("completed", "failed"):
        if time.monotonic() > deadline:
            raise UserError(f"Label Studio export of project {project_id} did not finish in {timeout:.0f} s")
        time.sleep(0.5)
        snapshot = client.projects.exports.get(project_id, snapshot.id)
        status = getattr(snapshot, "status", None)
    if status == "failed":
        raise UserError(f"Label Studio export of project {project_id} failed")
    blob = b"".join(client.projects.exports.download(project_id, snapshot.id, export_type="JSON"))
    tasks = json.loads(blob.decode("utf-8"))
    if not isinstance(tasks, list):
        raise UserError(f"Label Studio export of project {project_id} is not a list of tasks")
    return tasks


def completed(task: dict[str, Any]) -> bool:
    """A task with at least one annotation that was not cancelled (skipped)."""
    return any(not a.get("was_cancelled") for a in task.get("annotations") or [])


def pull(client: Any, project: str, output: str | Path, only_completed: bool = False) -> PullSummary:
    """Export the project's annotations, validate them, write the valid tasks to ``output``."""
    pid = find_project(client, project)
    if pid is None:
        raise UserError(f"no Label Studio project named {project!r}")
    return pull_project(client, pid, output, only_completed)


def pull_project(client: Any, pid: int, output: str | Path, only_completed: bool = False) -> PullSummary:
    """:func:`pull` for the project with id ``pid``."""
    tasks = export_tasks(client, pid)
    summary = PullSummary(project_id=pid, tasks=len(tasks))
    candidates = [t for t in tasks if completed(t)] if only_completed else tasks
    unannotated = [t for t in candidates if not completed(t)]
    for t in unannotated:
        summary.errors.append(f"task {t.get('id')}: no completed annotation (not written)")
    annotated = [t for t in candidates if completed(t)]
    result = read_export(annotated, source="annotations")
    bad = {str(e.task) for e in result.errors}
    summary.errors.extend(str(e) for e in result.errors)
    keep = [t for t in annotated if str(t.get("id")) not in bad]
    with atomic_open(output) as fh:
        json.dump(keep, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    summary.written = len(keep)
    return summary


def docs_from_jsonl(path: str | Path) -> list[Doc]:
    """Reports to push: JSON Lines of {"id", "text", ...} (other fields kept as task data)."""
    from hasila.fileio import iter_jsonl

    docs = []
    for lineno, obj in iter_jsonl(path):
        if not isinstance(obj.get("text"), str) or "id" not in obj:
            raise UserError(f"{path}: line {lineno}: needs \"id\" and \"text\"")
        meta = {k: v for k, v in obj.items() if k not in ("id", "text")}
        docs.append(Doc(id=str(obj["id"]), text=obj["text"], meta=meta))
    return docs


def unique_ids(docs: Iterable[Doc]) -> list[Doc]:
    """Drop repeated ids (first wins), logging each repeat."""
    seen: set[str] = set()
    out = []
    for d in docs:
        if d.id in seen:
            logger.warning("duplicate report id %r: pushed once", d.id)
            continue
        seen.add(d.id)
        out.append(d)
    return out
