"""Inference speed of ``hasila predict`` against the transformers token-classification pipeline.

One run measures, for each model (``models/default`` and ``models/best-cpu``
unless ``--model`` is given), on the same reports:

* ``pipeline``: ``transformers.pipeline("token-classification",
  aggregation_strategy="first", stride=S)`` on the same model (fp32, the
  pipeline's default), with the tokenizer's ``model_max_length`` set to the
  model's window length, so both cut the same windows; its batch size is tuned
  (one timed pass per candidate on the first ``--tune-n`` reports, the fastest
  is kept);
* ``hasila`` variants through :func:`hasila.apps.predict.run_predict` with an
  already loaded :class:`hasila.model.infer.Tagger` (entities only, ``--no-link``):
  fp32, the default (bf16 weights where the CPU computes bf16), ONNX Runtime
  fp32 and dynamic int8 (when ``onnxruntime`` is installed); the default
  with the post-processor (linking); and, with more than one thread, the
  default in one worker process per thread (``--workers``, with and without
  the post-processor; the workers' start-up is inside the timed run);
* the machine's matmul peak (torch ``mm``, fp32 and bf16, square sizes 512 to
  2048, best of each), measured in the same run with the same threads.

Each figure is the median of ``--reps`` repetitions (at least 3). A repetition
runs every variant once, each in a fresh process (so peak RSS is per variant
and a slow drift in machine load hits all variants alike); model loading is not
timed. Figures: reports/s, tokens/s (real subword tokens of the reports, each
counted once, however many windows hold it), peak RSS of the process, and the
model's share of the matmul peak: forward FLOPs of all windows (matmuls of the
encoder, attention scores and values, and the classifier; no padding) / time /
peak of the dtype used (bf16 peak for bf16 weights, fp32 peak otherwise).

Agreement. The reports are normalised once with :func:`hasila.text.arabic.normalize`
before the run and both sides get the same normalised strings; normalisation is
idempotent, so hasila's offset mapping is the identity and both sides' offsets
index the same string. An entity is ``(report, label, start, end)``; agreement
is the F1 of one set against the other (2·|A∩B| / (|A|+|B|), symmetric). Two
agreements are given per variant: ``agree`` compares hasila's output with the
pipeline's output; ``agree_model`` first re-decodes hasila's per-token tags
with the pipeline's rule (word = first sub-token's tag, then B/I grouping), so
it measures only whether the fast path computes the same tags, not the two
decoders' documented difference (hasila opens a span at a sub-token after a
clitic, ``ب|حلب``, where the pipeline tags the whole word by its first piece).
A speed-up counts only with ``agree_model`` ≥ 0.99.

Reports: 300 distinct reports citing the Syrian Observatory from
``../shared/corpora`` (seeded sample of the distinct texts, so hasila's reuse of
repeated windows gains nothing here; median ~1,800 characters), else synthetic ones from
:func:`hasila.synth.generator.generate`, three joined per report to reach that length.

Usage: ``python bench/predict_speed.py [--model DIR ...] [--n 300] [--reps 3]
[--out bench/results/predict_speed.json]``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
#: The caller's OpenMP wait policy, read before anything imports hasila (which may set one):
#: the pipeline runs with the caller's environment, as a user of transformers would.
USER_OMP_WAIT_POLICY = os.environ.get("OMP_WAIT_POLICY")
RESULT = "RESULT "
DEFAULT_MODELS = ("models/default", "models/best-cpu")
PIPELINE_BATCHES = (4, 8, 16, 32, 64)
AGREEMENT_BAR = 0.99


# ---------------------------------------------------------------- inputs


def load_texts(n: int, seed: int) -> tuple[list[str], str]:
    """``n`` report texts (normalised) and where they came from."""
    from hasila.fileio import iter_jsonl, shared_dir
    from hasila.text.arabic import normalize

    shared = shared_dir()
    cited: list[str] = []
    other: list[str] = []
    seen: set[str] = set()  # distinct texts only: the corpora hold reprints
    if shared is not None:
        for name in ("syria_news_2018.jsonl", "syria_news_2015.jsonl"):
            path = shared / "corpora" / name
            if path.is_file():
                for _, obj in iter_jsonl(path, bad=[]):
                    text = obj.get("text")
                    if isinstance(text, str) and text.strip() and text not in seen:
                        seen.add(text)
                        (cited if obj.get("cites_sohr") else other).append(text)
    rng = random.Random(seed)
    if len(cited) + len(other) >= n:
        picked = rng.sample(cited, min(n, len(cited)))
        if len(picked) < n:
            picked += rng.sample(other, n - len(picked))
        source = f"../shared/corpora (news reports citing SOHR first; seeded sample, seed {seed})"
    else:
        from hasila.synth.generator import generate

        # one synthetic report is shorter than a real one (median ~650 vs ~1800 characters):
        # three joined make a report of realistic length
        docs = [doc.text for doc in generate(3 * n, seed)]
        picked = ["\n".join(docs[i:i + 3]) for i in range(0, 3 * n, 3)]
        source = f"hasila.synth.generator.generate({3 * n}, seed={seed}), 3 per report (../shared/corpora absent)"
    texts = [normalize(t).text for t in picked]
    not_idempotent = sum(normalize(t).text != t for t in texts)
    if not_idempotent:
        raise SystemExit(f"normalize is not idempotent on {not_idempotent} report(s): "
                         "offsets would not be comparable")
    return texts, source


def window_settings(model_dir: Path) -> tuple[int, int]:
    """``(max_length, stride)`` exactly as :meth:`hasila.model.infer.Tagger.load` resolves them."""
    from hasila.model import infer

    max_length, stride = infer.read_window_settings(model_dir)
    if max_length is None:
        config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
        max_length = min(infer.DEFAULT_MAX_LENGTH,
                         int(config.get("max_position_embeddings", infer.DEFAULT_MAX_LENGTH)))
    if stride is None:
        stride = min(infer.DEFAULT_STRIDE, max_length // 4)
    return max_length, stride


def workload(model_dir: Path, texts: list[str]) -> dict[str, Any]:
    """Token counts and forward FLOPs of the windows hasila cuts from ``texts``."""
    from transformers import AutoTokenizer

    from hasila.model.align import encode_windows

    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
    max_length, stride = window_settings(model_dir)
    h, inter = config["hidden_size"], config["intermediate_size"]
    layers, labels = config["num_hidden_layers"], len(config["id2label"])
    tokens = windows = window_tokens = 0
    flops = 0.0
    single: list[int] = []
    for doc, text in enumerate(texts):
        cut = encode_windows(text, tokenizer, max_length, stride)
        if len(cut) == 1:
            single.append(doc)
        for w in cut:
            n = len(w.input_ids)
            windows += 1
            window_tokens += n
            tokens += sum(w.owned)
            flops += layers * (2 * n * (4 * h * h + 2 * h * inter) + 4 * n * n * h) + 2 * n * h * labels
    return {"max_length": max_length, "stride": stride, "tokens": tokens, "windows": windows,
            "window_tokens": window_tokens, "forward_gflop": round(flops / 1e9, 3),
            "single_window_reports": single,
            "model": {"layers": layers, "hidden": h, "intermediate": inter,
                      "heads": config["num_attention_heads"], "vocab": config["vocab_size"]}}


# ---------------------------------------------------------------- workers (subprocesses)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _read_texts(path: str) -> list[str]:
    return [json.loads(line)["text"] for line in Path(path).read_text(encoding="utf-8").splitlines()]


def _entities_of(output: Path) -> list[list[Any]]:
    found = []
    for line in output.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        doc = int(obj["id"])
        found += [[doc, e["label"], e["start"], e["end"]] for e in obj["entities"]]
    return found


def _overlaps_resolved(entities: list[list[Any]]) -> list[list[Any]]:
    """The pipeline's merge of entities from overlapping windows: of two overlapping
    entities (sorted by start) the longer one stays, on equal length the higher score."""
    if not entities:
        return entities
    entities = sorted(entities, key=lambda e: e[1])
    kept, prev = [], entities[0]
    for ent in entities:
        if prev[1] <= ent[1] < prev[2]:
            cur_len, prev_len = ent[2] - ent[1], prev[2] - prev[1]
            if cur_len > prev_len or (cur_len == prev_len and ent[3] > prev[3]):
                prev = ent
        else:
            kept.append(prev)
            prev = ent
    kept.append(prev)
    return kept


def pipeline_rule_entities(texts: list[str], tagger: Any) -> list[list[Any]]:
    """hasila's fast-path logits decoded exactly as the pipeline decodes its own (``agree_model``).

    Same windows (checked identical to the pipeline's chunks), logits from
    ``tagger._run_batch``, the fast path's own batch step (torch, or ONNX Runtime);
    then the pipeline's post-processing: per window, a word is a first
    sub-token and its continuations and takes its first token's tag and
    probability; words group into entities (a new one unless the same label
    and ``I-``), ``O`` dropped, score = mean word probability; entities of all
    windows merged by :func:`_overlaps_resolved`.
    """
    from hasila.model.align import _special_frame, encode_windows
    from hasila.model.runtime import pad_batch

    prefix, suffix = (len(x) for x in _special_frame(tagger.tokenizer))
    found: list[list[Any]] = []
    pad = tagger.tokenizer.pad_token_id or 0
    for doc, text in enumerate(texts):
        windows = encode_windows(text, tagger.tokenizer, tagger.max_length, tagger.stride)
        arg, best = tagger._run_batch(*pad_batch([w.input_ids for w in windows], pad))
        entities: list[list[Any]] = []  # [label, start, end, score]
        for row, w in enumerate(windows):
            words: list[list[Any]] = []  # [start, end, tag, score]
            for i in range(prefix, len(w.input_ids) - suffix):
                start, end = w.offsets[i]
                if w.word_start[i] or not words:
                    words.append([start, end, tagger.id2label[int(arg[row, i])], float(best[row, i])])
                else:
                    words[-1][1] = end
            group: list[Any] | None = None  # [label, start, end, scores]
            for start, end, tag, score in words:
                bi, _, label = tag.partition("-")
                label = label if bi in ("B", "I") else "O"
                if group is not None and label == group[0] and bi == "I":
                    group[2] = end
                    group[3].append(score)
                    continue
                if group is not None and group[0] != "O":
                    entities.append([group[0], group[1], group[2], sum(group[3]) / len(group[3])])
                group = [label, start, end, [score]]
            if group is not None and group[0] != "O":
                entities.append([group[0], group[1], group[2], sum(group[3]) / len(group[3])])
        if len(windows) > 1:
            entities = _overlaps_resolved([[e[0], e[1], e[2], e[3]] for e in entities])
        found += [[doc, e[0], e[1], e[2]] for e in entities]
    return found


def _worker_hasila(spec: dict[str, Any], texts_path: str, threads: int) -> dict[str, Any]:
    from hasila.apps.predict import run_predict
    from hasila.model.infer import Tagger
    from hasila.model.runtime import cpu_supports_bf16

    workers = spec.get("workers", 1)
    texts = _read_texts(texts_path)
    t0 = time.perf_counter()
    tagger = None
    if workers == 1:
        onnx = spec.get("onnx")
        if onnx:
            from hasila.model.onnx_export import onnx_tagger

            tagger = onnx_tagger(spec["model"], onnx, threads=threads)
        else:
            tagger = Tagger.load(spec["model"], threads=threads, bf16=spec.get("bf16"))
    load_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        common = {"tagger": tagger, "link": spec["link"], "batch_size": spec["batch_size"],
                  "progress": False, "threads": threads, "bf16": spec.get("bf16"), "workers": workers}
        out = Path(tmp) / "out.jsonl"
        if tagger is not None:  # warm-up (worker processes start inside the timed run: a user pays it)
            warm = Path(tmp) / "warm.jsonl"
            warm.write_text("".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n"
                                    for i, t in enumerate(texts[:16])), encoding="utf-8")
            run_predict(spec["model"], [str(warm)], out, **common)
        start = time.perf_counter()
        run_predict(spec["model"], [texts_path], out, **common)
        seconds = time.perf_counter() - start
        entities = _entities_of(out)
    bf16 = tagger.bf16 if tagger is not None else (spec.get("bf16") is not False and cpu_supports_bf16())
    # with workers: this process plus each worker (the largest worker's peak, times their number)
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 if workers > 1 else 0.0
    result = {"seconds": seconds, "load_seconds": load_s, "entities": entities, "bf16": bool(bf16),
              "peak_rss_mb": _peak_rss_mb() + workers * children}
    if spec.get("model_decode") and tagger is not None:
        result["entities_model"] = pipeline_rule_entities(texts, tagger)
    return result


def _make_pipeline(model_dir: str, threads: int) -> Any:
    import torch  # first: before hasila is imported (window_settings), as in a plain user's process
    from transformers import AutoModelForTokenClassification, AutoTokenizer, pipeline

    torch.set_num_threads(threads)
    max_length, stride = window_settings(Path(model_dir))
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    tokenizer.model_max_length = max_length
    model = AutoModelForTokenClassification.from_pretrained(model_dir, dtype=torch.float32)
    return pipeline("token-classification", model=model, tokenizer=tokenizer,
                    aggregation_strategy="first", stride=stride, device="cpu")


def _worker_pipeline(spec: dict[str, Any], texts_path: str, threads: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    pipe = _make_pipeline(spec["model"], threads)
    load_s = time.perf_counter() - t0
    texts = _read_texts(texts_path)
    pipe(texts[:16], batch_size=spec["batch_size"])
    start = time.perf_counter()
    out = pipe(texts, batch_size=spec["batch_size"])
    seconds = time.perf_counter() - start
    entities = [[doc, e["entity_group"], int(e["start"]), int(e["end"])]
                for doc, ents in enumerate(out) for e in ents]
    return {"seconds": seconds, "load_seconds": load_s, "entities": entities,
            "peak_rss_mb": _peak_rss_mb()}


def _worker_pipeline_tune(spec: dict[str, Any], texts_path: str, threads: int) -> dict[str, Any]:
    pipe = _make_pipeline(spec["model"], threads)
    texts = _read_texts(texts_path)[: spec["tune_n"]]
    pipe(texts[:8], batch_size=4)
    timings = {}
    for batch in spec["batches"]:
        start = time.perf_counter()
        pipe(texts, batch_size=batch)
        timings[str(batch)] = time.perf_counter() - start
    return {"timings": timings, "best": int(min(timings, key=timings.__getitem__))}


def _worker_matmul(spec: dict[str, Any], texts_path: str, threads: int) -> dict[str, Any]:
    import torch

    torch.set_num_threads(threads)
    out: dict[str, Any] = {}
    shapes = {"square": [(n, n, n) for n in (512, 1024, 2048)],
              "model": [(4096, spec["hidden"], spec["intermediate"])]}
    for dtype_name, dtype in (("fp32", torch.float32), ("bf16", torch.bfloat16)):
        for kind, dims in shapes.items():
            best = 0.0
            for m, k, n in dims:
                a, b = torch.randn(m, k, dtype=dtype), torch.randn(k, n, dtype=dtype)
                for _ in range(3):
                    torch.mm(a, b)
                for _ in range(3):  # best of three timed loops of >= 0.3 s
                    reps, start = 0, time.perf_counter()
                    while True:
                        torch.mm(a, b)
                        reps += 1
                        elapsed = time.perf_counter() - start
                        if elapsed >= 0.3:
                            break
                    best = max(best, 2 * m * k * n * reps / elapsed / 1e9)
            out[f"{dtype_name}_{kind}_gflops"] = round(best, 1)
    return out


WORKERS = {"hasila": _worker_hasila, "pipeline": _worker_pipeline,
           "pipeline_tune": _worker_pipeline_tune, "matmul": _worker_matmul}


def run_worker(kind: str, spec: dict[str, Any], texts_path: str, threads: int) -> dict[str, Any]:
    """Run one worker in a fresh Python process; its result dict."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", kind, "--spec", json.dumps(spec),
           "--texts", texts_path, "--threads", str(threads)]
    env = dict(os.environ)
    if kind.startswith("pipeline"):
        env.pop("OMP_WAIT_POLICY", None)
        if USER_OMP_WAIT_POLICY is not None:
            env["OMP_WAIT_POLICY"] = USER_OMP_WAIT_POLICY
    env.update(spec.get("env", {}))
    load = os.getloadavg()[0]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, check=False)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith(RESULT)]
    if proc.returncode != 0 or not lines:
        sys.stderr.write(proc.stderr[-4000:])
        raise SystemExit(f"worker {kind} {spec} failed (exit {proc.returncode})")
    result = json.loads(lines[-1][len(RESULT):])
    result["loadavg_1min_before"] = round(load, 2)
    return result


# ---------------------------------------------------------------- comparing


def agreement(a: list[list[Any]], b: list[list[Any]]) -> float:
    """Symmetric F1 of two entity sets (1.0 when both are empty)."""
    sa, sb = {tuple(x) for x in a}, {tuple(x) for x in b}
    if not sa and not sb:
        return 1.0
    return 2 * len(sa & sb) / (len(sa) + len(sb))


def only_docs(entities: list[list[Any]], docs: set[int]) -> list[list[Any]]:
    return [e for e in entities if e[0] in docs]


def _median(values: list[float]) -> float:
    return statistics.median(values)


def variants_for(model_dir: Path, onnx_dir: Path | None, batch_size: int,
                 threads: int = 1) -> dict[str, dict[str, Any]]:
    base = {"model": str(model_dir), "batch_size": batch_size}
    out = {
        "hasila fp32": {**base, "link": False, "bf16": False, "model_decode": True},
        "hasila default": {**base, "link": False, "bf16": None, "model_decode": True},
        "hasila default + linker": {**base, "link": True, "bf16": None},
    }
    if threads > 1:
        out[f"hasila default, {threads} workers"] = {**base, "link": False, "bf16": None,
                                                     "workers": threads}
        out[f"hasila default + linker, {threads} workers"] = {**base, "link": True, "bf16": None,
                                                              "workers": threads}
    if os.environ.get("OMP_WAIT_POLICY", "").upper() != "PASSIVE":
        out["hasila default, OMP passive"] = {**base, "link": False, "bf16": None, "model_decode": True,
                                             "env": {"OMP_WAIT_POLICY": "PASSIVE"}}
    if onnx_dir is not None:
        out["hasila onnx fp32"] = {**base, "link": False, "onnx": str(onnx_dir / "model.onnx"),
                                   "model_decode": True}
        out["hasila onnx int8"] = {**base, "link": False, "onnx": str(onnx_dir / "model.int8.onnx"),
                                   "model_decode": True}
    return out


def bench_model(model_dir: Path, texts_path: str, texts: list[str], args: argparse.Namespace,
                peaks: dict[str, Any], tmp: Path) -> dict[str, Any]:
    name = model_dir.name
    print(f"== {name}: workload", file=sys.stderr)
    work = workload(model_dir, texts)
    onnx_dir = None
    if not args.no_onnx:
        try:
            from hasila.model.onnx_export import export_onnx

            onnx_dir = export_onnx(model_dir, tmp / f"onnx-{name}").out_dir
        except Exception as exc:  # missing extra or a failed export: skip the ONNX rows
            print(f"   ONNX skipped: {exc}", file=sys.stderr)
    tune = run_worker("pipeline_tune", {"model": str(model_dir), "tune_n": args.tune_n,
                                        "batches": list(PIPELINE_BATCHES)}, texts_path, args.threads)
    print(f"   pipeline batch sizes (s on {args.tune_n} reports): {tune['timings']}", file=sys.stderr)
    specs = {"pipeline": ("pipeline", {"model": str(model_dir), "batch_size": tune["best"]})}
    for label, spec in variants_for(model_dir, onnx_dir, args.batch_size, args.threads).items():
        specs[label] = ("hasila", spec)
    runs: dict[str, list[dict[str, Any]]] = {label: [] for label in specs}
    for rep in range(args.reps):
        for label, (kind, spec) in specs.items():
            if rep < args.reps - 1:  # the model-rule decoding (untimed) is needed once
                spec = {k: v for k, v in spec.items() if k != "model_decode"}
            res = run_worker(kind, spec, texts_path, args.threads)
            runs[label].append(res)
            print(f"   rep {rep + 1} {label}: {res['seconds']:.2f} s", file=sys.stderr)

    n = len(texts)
    ref = runs["pipeline"][-1]["entities"]
    base_rps = n / _median([r["seconds"] for r in runs["pipeline"]])
    single = set(work.pop("single_window_reports"))
    work["single_window_reports"] = len(single)
    rows = []
    for label, results in runs.items():
        secs = _median([r["seconds"] for r in results])
        last = results[-1]
        bf16 = bool(last.get("bf16"))
        peak = peaks["bf16_square_gflops" if bf16 else "fp32_square_gflops"]
        row = {
            "variant": label,
            "batch_size": specs[label][1]["batch_size"],
            "dtype": "int8" if "int8" in label else ("bf16" if bf16 else "fp32"),
            "seconds": round(secs, 3),
            "seconds_all": [round(r["seconds"], 3) for r in results],
            "reports_per_s": round(n / secs, 2),
            "tokens_per_s": round(work["tokens"] / secs),
            "speedup_vs_pipeline": round(n / secs / base_rps, 2),
            "peak_rss_mb": round(max(r["peak_rss_mb"] for r in results)),
            "entities": len(last["entities"]),
            "agree": round(agreement(last["entities"], ref), 4),
            "agree_model": round(agreement(last["entities_model"], ref), 4)
            if "entities_model" in last else None,
            "agree_single_window": round(agreement(only_docs(last["entities"], single),
                                                   only_docs(ref, single)), 4),
            "matmul_peak_share": round(work["forward_gflop"] / secs / peak, 3),
            "loadavg_1min_before_runs": [r["loadavg_1min_before"] for r in results],
        }
        rows.append(row)
    by = {r["variant"]: r for r in rows}
    hasila_fp32 = runs["hasila fp32"][-1]["entities"]
    for row in rows:
        if row["variant"].startswith("hasila"):
            row["agree_vs_hasila_fp32"] = round(agreement(runs[row["variant"]][-1]["entities"],
                                                          hasila_fp32), 4)
    default = by["hasila default"]
    return {"model_dir": str(model_dir), "workload": work, "pipeline_tuning": tune, "rows": rows,
            "onnx": onnx_dir is not None,
            "goal_met": default["speedup_vs_pipeline"] >= 3
            and (default["agree_model"] or 0) >= AGREEMENT_BAR}


def _tables(models: dict[str, Any], peaks: dict[str, Any]) -> list[dict[str, Any]]:
    columns = ["model", "variant", "dtype", "batch", "reports/s", "tokens/s", "× pipeline",
               "agree", "agree (model)", "agree (1-window reports)", "peak RSS MB",
               "share of matmul peak"]
    rows = []
    for name, res in models.items():
        for r in res["rows"]:
            rows.append([name, r["variant"], r["dtype"], r["batch_size"], r["reports_per_s"],
                         r["tokens_per_s"], r["speedup_vs_pipeline"], r["agree"],
                         r["agree_model"] if r["agree_model"] is not None else "",
                         r["agree_single_window"], r["peak_rss_mb"], r["matmul_peak_share"]])
    peak_rows = [[dtype, peaks[f"{dtype}_square_gflops"], peaks[f"{dtype}_model_gflops"]]
                 for dtype in ("fp32", "bf16")]
    tune_rows = [[name, b, round(t, 2), "best" if int(b) == res["pipeline_tuning"]["best"] else ""]
                 for name, res in models.items() for b, t in res["pipeline_tuning"]["timings"].items()]
    work_rows = [[name, w["workload"]["max_length"], w["workload"]["stride"], w["workload"]["tokens"],
                  w["workload"]["windows"], w["workload"]["single_window_reports"],
                  w["workload"]["forward_gflop"]] for name, w in models.items()]
    return [
        {"title": "hasila predict vs transformers pipeline (median of the repetitions)",
         "columns": columns, "rows": rows},
        {"title": "matmul peak (torch.mm, GFLOP/s, same threads)",
         "columns": ["dtype", "square 512–2048 (peak)", "model-shaped 4096×hidden×intermediate"],
         "rows": peak_rows},
        {"title": "workload per model", "columns": ["model", "window", "stride", "tokens", "windows",
                                                    "1-window reports", "forward GFLOP"],
         "rows": work_rows},
        {"title": "pipeline batch-size tuning (seconds on the first --tune-n reports)",
         "columns": ["model", "batch size", "seconds", ""], "rows": tune_rows},
    ]


NOTES = [
    "Reports are normalised once (hasila.text.arabic.normalize, idempotent) and both sides get the same "
    "strings, so offsets compare directly.",
    "agree: F1 of hasila's entities (report, label, start, end) against the pipeline's. It is below 1 "
    "by design on long reports: hasila keeps each token from the window where it has most context, the "
    "pipeline keeps the longer of two overlapping entities from different windows; and hasila opens a "
    "span at a sub-token after a clitic where the pipeline tags whole words by their first piece.",
    "agree (model): hasila's fast-path logits decoded exactly as the pipeline decodes (same windows, "
    "first-piece words, B/I grouping, longest-overlap merge): measures only whether bf16, batching, "
    "padding or ONNX change the model's tags. The speed-up counts when this is >= 0.99.",
    "agree (1-window reports): agree restricted to reports that fit one window (no merge difference).",
    "share of matmul peak: forward FLOPs of the real windows (no padding) / time / torch.mm peak of the "
    "dtype used (bf16 peak for bf16 weights, fp32 peak for fp32 and ONNX rows).",
    "Each variant runs in its own process per repetition; model loading is not timed; the linker row "
    "includes the post-processor, which the pipeline does not have.",
]


def conditions_note(threads: int, before: Any, after: Any, reps: int) -> str:
    return (f"Conditions: {threads} thread(s), {reps} repetitions, 1-minute load average "
            f"{before[0]:.2f} before and {after[0]:.2f} after the run (other work on the machine "
            "slows both sides; with more threads than idle cores torch's default OpenMP spinning "
            "makes it several times slower: rerun with --threads 1 on a busy machine).")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", action="append", default=None, metavar="DIR",
                        help=f"model folder (repeatable; default: {', '.join(DEFAULT_MODELS)})")
    parser.add_argument("--n", type=int, default=300, help="reports (default 300)")
    parser.add_argument("--reps", type=int, default=3, help="repetitions per figure (default 3)")
    parser.add_argument("--tune-n", type=int, default=60, help="reports for pipeline batch tuning")
    parser.add_argument("--batch-size", type=int, default=16, help="hasila windows per batch")
    parser.add_argument("--threads", type=int, default=None, help="threads (default: all cores)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-onnx", action="store_true", help="skip the ONNX Runtime rows")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "predict_speed.json"))
    parser.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--spec", default="{}", help=argparse.SUPPRESS)
    parser.add_argument("--texts", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    threads = args.threads or len(os.sched_getaffinity(0))
    if args.worker:
        result = WORKERS[args.worker](json.loads(args.spec), args.texts, threads)
        print(RESULT + json.dumps(result, ensure_ascii=False))
        return 0
    args.threads = threads
    if args.reps < 3:
        print("note: fewer than 3 repetitions: figures are not the benchmark's", file=sys.stderr)
    model_dirs = [Path(m) if Path(m).is_absolute() else ROOT / m for m in (args.model or DEFAULT_MODELS)]
    present = [m for m in model_dirs if (m / "config.json").is_file()]
    skipped = [str(m) for m in model_dirs if m not in present]
    for m in skipped:
        print(f"skipping {m}: no trained model there", file=sys.stderr)
    if not present:
        raise SystemExit("no model to benchmark (train one: hasila train --config configs/default.yaml)")
    texts, source = load_texts(args.n, args.seed)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="hasila-bench-") as tmp_name:
        tmp = Path(tmp_name)
        texts_path = tmp / "reports.jsonl"
        texts_path.write_text("".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n"
                                      for i, t in enumerate(texts)), encoding="utf-8")
        first = json.loads((present[0] / "config.json").read_text(encoding="utf-8"))
        peaks = run_worker("matmul", {"hidden": first["hidden_size"],
                                      "intermediate": first["intermediate_size"]},
                           str(texts_path), threads)
        print(f"matmul peak: {peaks}", file=sys.stderr)
        models = {m.name: bench_model(m, str(texts_path), texts, args, peaks, tmp) for m in present}
    import torch

    result = {
        "bench": "predict_speed",
        "date": time.strftime("%Y-%m-%d %H:%M:%S"),
        "machine": {"cpus": os.cpu_count(), "threads": threads, "torch": torch.__version__,
                    "bf16_native": __import__("hasila.model.runtime").model.runtime.cpu_supports_bf16(),
                    "loadavg_before": [round(x, 2) for x in load_before],
                    "loadavg_after": [round(x, 2) for x in os.getloadavg()]},
        "reports": {"n": len(texts), "source": source, "chars_median": statistics.median(map(len, texts)),
                    "chars_max": max(map(len, texts))},
        "reps": args.reps,
        "matmul_peak": peaks,
        "agreement_bar": AGREEMENT_BAR,
        "models": models,
        "skipped_models": skipped,
        "tables": _tables(models, peaks),
        "notes": [*NOTES, conditions_note(threads, load_before, os.getloadavg(), args.reps)],
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    from hasila.fileio import write_json

    write_json(out, result)
    for row in result["tables"][0]["rows"]:
        print(" | ".join(str(x) for x in row))
    print(f"written {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
