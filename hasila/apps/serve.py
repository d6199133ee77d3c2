"""``hasila serve``: the model as a Label Studio ML backend.

Label Studio calls an ML backend over HTTP (the protocol of the
``label-studio-ml`` package):

- ``GET /health``: ``{"status": "UP", "model_version": ...}`` (503 while no model loads);
- ``POST /setup`` with ``{"project": "<id>.<created>", "schema": <label config>, ...}`` when the
  backend is connected: the answer names the ``model_version``;
- ``POST /predict`` with ``{"tasks": [...], "project": ..., "label_config": ...}``: one
  prediction per task, ``{"results": [{"result": [...], "score": ..., "model_version": ...}]}``;
  regions, relations and per-region attributes exactly as ``hasila ls push`` writes them
  (:func:`hasila.annotation.lsio.doc_to_task`); the score is the mean of the model's span scores (absent
  when only the linker's rules found the spans);
- ``POST /webhook`` with ``{"action": ..., "project": {"id": ...}, ...}``: the project's events.
  With a retrainer (``--train-on-webhook``), an annotation event or ``START_TRAINING`` retrains
  in the background on the project's finished annotations and swaps the new model in.

A bad body, an unknown project or a model that does not load is answered with
``{"error": "..."}`` and a 4xx/5xx status; the server keeps serving.
"""

from __future__ import annotations

import logging
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from hasila import __version__
from hasila.errors import UserError
from hasila.schema import (
    CONTROL_CATEGORY_ID,
    CONTROL_LABEL,
    CONTROL_QUALIFIER,
    CONTROL_STATUS,
    CONTROL_TEXT,
    CONTROL_VALUE,
    Doc,
)

if TYPE_CHECKING:
    from hasila.model.infer import Tagger

logger = logging.getLogger(__name__)

#: Webhook actions that start a retraining when the server retrains on webhooks.
TRAIN_ACTIONS = frozenset({"ANNOTATION_CREATED", "ANNOTATION_UPDATED", "ANNOTATIONS_CREATED",
                           "START_TRAINING"})

#: The controls hasila's results name (``from_name`` -> tag), all on ``to_name`` ``text``.
REQUIRED_CONTROLS = {CONTROL_LABEL: "Labels", CONTROL_VALUE: "Number", CONTROL_STATUS: "Choices",
                     CONTROL_QUALIFIER: "Choices", CONTROL_CATEGORY_ID: "Choices"}


class ServeError(Exception):
    """A request the backend cannot answer: an HTTP status and a one-line message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def check_label_config(config: Any) -> None:
    """Raise a 422 :class:`ServeError` unless ``config`` has the controls of scheme v1."""
    if not isinstance(config, str) or not config.strip():
        raise ServeError(422, "label config is missing or not a string")
    try:
        root = ET.fromstring(config)
    except ET.ParseError as exc:
        raise ServeError(422, f"label config is not valid XML ({exc})") from None
    tags = {el.get("name"): el for el in root.iter() if el.get("name")}
    text = tags.get(CONTROL_TEXT)
    problems = [] if text is not None and text.tag == "Text" else [f'<Text name="{CONTROL_TEXT}">']
    for name, tag in REQUIRED_CONTROLS.items():
        el = tags.get(name)
        if el is None or el.tag != tag or el.get("toName") != CONTROL_TEXT:
            problems.append(f'<{tag} name="{name}" toName="{CONTROL_TEXT}">')
    if not any(el.tag == "Relations" for el in root.iter()):
        problems.append("<Relations>")
    if problems:
        raise ServeError(422, "the project's label config is not hasila's scheme v1 (missing "
                              + ", ".join(problems) + "): use annotations/label_config.xml")


def project_id(value: Any) -> int | None:
    """The project id of a request: ``"12.1700000000"``, ``12`` or ``{"id": 12, ...}``."""
    if value is None or value == "":
        return None
    if isinstance(value, dict):
        value = value.get("id")
    if isinstance(value, bool):
        value = None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.split(".", 1)[0].isdigit():
        return int(value.split(".", 1)[0])
    raise ServeError(400, f"project {value!r} is not a Label Studio project id")


def task_docs(tasks: Any) -> list[Doc]:
    """The reports of ``tasks`` (each ``{"id", "data": {"text", ...}}``) as plain Docs."""
    if not isinstance(tasks, list):
        raise ServeError(422, '"tasks" must be a list of tasks')
    docs = []
    for i, task in enumerate(tasks):
        data = task.get("data") if isinstance(task, dict) else None
        text = data.get("text") if isinstance(data, dict) else None
        if not isinstance(text, str):
            where = f"task {task.get('id')}" if isinstance(task, dict) and "id" in task else f"tasks[{i}]"
            raise ServeError(422, f'{where}: "data.text" is missing or not a string')
        doc_id = data.get("doc_id", task.get("id", i))  # type: ignore[union-attr]
        docs.append(Doc(id=str(doc_id), text=text))
    return docs


@dataclass
class LoadedModel:
    """The model in use: its tagger, folder and version."""

    tagger: Tagger
    model_dir: Path
    version: str


def load_model(model_dir: str | Path, threads: int | None = None) -> LoadedModel:
    """Load a model folder for serving (a :class:`UserError` when it does not load)."""
    from hasila.apps.prediction_doc import model_version
    from hasila.model.infer import Tagger

    tagger = Tagger.load(model_dir, threads=threads)
    return LoadedModel(tagger, Path(model_dir), model_version(model_dir))


class Backend:
    """What the HTTP layer calls: the model, the projects set up, the background training.

    ``retrain(project_id)`` (optional) trains a new model on the project's finished
    annotations and returns its folder; it runs in a background thread.
    """

    def __init__(self, model_dir: str | Path, *, batch_size: int = 16, threads: int | None = None,
                 retrain: Callable[[int], Path] | None = None) -> None:
        self.model_dir = Path(model_dir)
        self.batch_size = batch_size
        self.threads = threads
        self.retrain = retrain
        self.projects: dict[int, str] = {}
        self.training: dict[str, Any] = {"running": False}
        self._model: LoadedModel | None = None
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ the model

    def load(self) -> LoadedModel:
        """The loaded model, loading ``model_dir`` on first use (503 when it does not load)."""
        with self._lock:
            if self._model is None:
                try:
                    self._model = load_model(self.model_dir, self.threads)
                except (UserError, OSError, ValueError) as exc:
                    raise ServeError(503, f"the model does not load: {exc}") from None
            return self._model

    def health(self) -> tuple[int, dict[str, Any]]:
        try:
            model = self.load()
        except ServeError as exc:
            return 503, {"status": "DOWN", "error": exc.message, "model_dir": str(self.model_dir)}
        return 200, {"status": "UP", "model_class": "hasila", "hasila": __version__,
                     "model_dir": str(model.model_dir), "model_version": model.version,
                     "training": dict(self.training)}

    # ------------------------------------------------------------------ protocol

    def _register(self, pid: int | None, config: Any) -> None:
        """Check a project's label config and remember the project."""
        if config is None:
            if pid is not None and pid not in self.projects:
                raise ServeError(404, f"unknown project {pid}: connect the backend to it first (/setup)")
            return
        check_label_config(config)
        if pid is not None:
            self.projects[pid] = config

    def setup(self, body: dict[str, Any]) -> dict[str, Any]:
        pid = project_id(body.get("project"))
        if pid is None:
            raise ServeError(400, '"project" is missing')
        self._register(pid, body.get("schema", body.get("label_config")))
        return {"model_version": self.load().version}

    def predict(self, body: dict[str, Any]) -> dict[str, Any]:
        from hasila.annotation.lsio import doc_to_task
        from hasila.apps.prediction_doc import tag_and_link

        docs = task_docs(body.get("tasks"))
        self._register(project_id(body.get("project")), body.get("label_config"))
        model = self.load()
        results = []
        for doc in tag_and_link(model.tagger, docs, batch_size=self.batch_size):
            results.append(doc_to_task(doc, kind="predictions", model_version=model.version)["predictions"][0])
        return {"results": results, "model_version": model.version}

    def webhook(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        action = body.get("action")
        if not isinstance(action, str):
            raise ServeError(400, '"action" is missing')
        project = body.get("project")
        pid = project_id(project)
        if pid is None:
            raise ServeError(400, '"project" is missing')
        self._register(pid, project.get("label_config") if isinstance(project, dict) else None)
        if action not in TRAIN_ACTIONS or self.retrain is None:
            return 200, {"status": "ignored", "action": action}
        with self._lock:
            if self.training["running"]:
                return 200, {"status": "already training", "project": self.training["project"]}
            self.training = {"running": True, "project": pid, "action": action,
                             "started": time.time()}
            self._thread = threading.Thread(target=self._train, args=(pid,), name="hasila-retrain",
                                            daemon=True)
            self._thread.start()
        return 201, {"status": "training", "project": pid}

    # ------------------------------------------------------------------ training

    def _train(self, pid: int) -> None:
        """Retrain on project ``pid`` and swap the new model in; a failure keeps the old one."""
        assert self.retrain is not None
        outcome: dict[str, Any] = {}
        try:
            new_dir = self.retrain(pid)
            model = load_model(new_dir, self.threads)
        except Exception as exc:  # any failure keeps the model in use
            logger.error("retraining on project %s failed: %s", pid, exc)
            outcome = {"error": f"{type(exc).__name__}: {exc}"}
        else:
            with self._lock:
                old, self._model, self.model_dir = self._model, model, model.model_dir
            if old is not None:
                old.tagger.close()
            logger.info("retrained on project %s: now serving %s", pid, model.version)
            outcome = {"model_version": model.version, "model_dir": str(model.model_dir)}
        with self._lock:
            self.training = {**self.training, **outcome, "running": False, "finished": time.time()}

    def wait_for_training(self, timeout: float | None = None) -> None:
        """Block until a background training started by a webhook has finished."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)


def create_app(backend: Backend) -> FastAPI:
    """The FastAPI application over ``backend``."""
    app = FastAPI(title="hasila ML backend", version=__version__)

    @app.exception_handler(ServeError)
    async def serve_error(request: Request, exc: ServeError) -> JSONResponse:
        logger.warning("%s %s: %d %s", request.method, request.url.path, exc.status, exc.message)
        return JSONResponse({"error": exc.message}, status_code=exc.status)

    async def body(request: Request) -> dict[str, Any]:
        try:
            data = await request.json()
        except ValueError:
            raise ServeError(400, "the request body is not JSON") from None
        if not isinstance(data, dict):
            raise ServeError(400, "the request body must be a JSON object")
        return data

    @app.get("/")
    @app.get("/health")
    async def health() -> JSONResponse:
        status, data = await run_in_threadpool(backend.health)
        return JSONResponse(data, status_code=status)

    @app.post("/setup")
    async def setup(request: Request) -> dict[str, Any]:
        return await run_in_threadpool(backend.setup, await body(request))

    @app.post("/predict")
    async def predict(request: Request) -> dict[str, Any]:
        return await run_in_threadpool(backend.predict, await body(request))

    @app.post("/webhook")
    async def webhook(request: Request) -> JSONResponse:
        status, data = backend.webhook(await body(request))
        return JSONResponse(data, status_code=status)

    @app.get("/metrics")
    async def metrics() -> dict[str, Any]:
        return {}

    return app
