"""Synthetic casualty reports with full gold annotations, by construction.

:func:`generate` composes whole reports (an optional headline, then
paragraphs of sentences) from the sentence patterns of
:mod:`hasila.synth.patterns`, the word lists of :mod:`hasila.synth.lexicon`,
the gazetteer (``data/gazetteer/places.tsv``) and the armed parties of
``configs/actors.yaml``. Every COUNT, CATEGORY, ACTOR and PLACE is recorded
while the text is appended, with its relations and COUNT attributes, so the
annotation is exact.

Output is deterministic per seed: report ``i`` of seed ``s`` depends only on
``(s, i)`` and the config, so ``generate(5, s) == generate(10, s)[:5]``.

``Doc.meta`` of a synthetic report carries ``source`` (``"synth"``),
``seed``, ``patterns`` (the pattern names in text order) and
``distractors`` (``[start, end, kind]`` of every number in the text that is
not a COUNT: dates, years, ages, strike and shell counts, durations, ...).
"""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from hasila.config import from_dict, load_config, read_yaml
from hasila.errors import UserError
from hasila.fileio import atomic_open, project_root
from hasila.schema import Doc
from hasila.synth.builder import ActorRef, Style, World
from hasila.synth.context import Ctx
from hasila.synth.patterns import PATTERNS
from hasila.text.gazetteer import Gazetteer

logger = logging.getLogger(__name__)

DEFAULT_CONFIG = "configs/synth.yaml"

#: Relative weight of each family of sentence patterns in report bodies.
DEFAULT_FAMILY_WEIGHTS: dict[str, float] = {
    "daily": 3.0, "toll": 2.0, "air": 2.5, "barrel": 1.0, "massacre": 1.2, "bomb": 1.2, "mine": 0.6,
    "assassination": 1.0, "isis": 1.2, "shelling": 1.5, "turkey_sdf": 1.0, "israel": 0.6, "torture": 0.7,
    "detention": 1.2, "injured": 1.2, "other": 1.2, "clash": 1.5,
}


@dataclass
class SynthConfig:
    """Settings of the synthetic generator (``configs/synth.yaml``)."""

    gazetteer: str = "data/gazetteer/places.tsv"
    actors: str = "configs/actors.yaml"
    doc_id_prefix: str = "synth"
    p_title: float = 0.6
    p_stray_number: float = 0.1
    min_paragraphs: int = 1
    max_paragraphs: int = 3
    min_sentences: int = 1
    max_sentences: int = 4
    years: list[int] = field(default_factory=lambda: [2013, 2023])
    family_weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_FAMILY_WEIGHTS))
    style: Style = field(default_factory=Style)

    def check(self, where: str = "synth config") -> None:
        """Reject impossible settings with a :class:`UserError`."""
        if not 1 <= self.min_paragraphs <= self.max_paragraphs:
            raise UserError(f"{where}: need 1 <= min_paragraphs <= max_paragraphs")
        if not 1 <= self.min_sentences <= self.max_sentences:
            raise UserError(f"{where}: need 1 <= min_sentences <= max_sentences")
        if len(self.years) != 2 or self.years[0] > self.years[1]:
            raise UserError(f"{where}: years must be [first, last]")
        families = {fam for fam, _ in PATTERNS.values()} - {"title"}
        unknown = sorted(set(self.family_weights) - families)
        if unknown:
            raise UserError(f"{where}: unknown pattern families {', '.join(unknown)} "
                            f"(known: {', '.join(sorted(families))})")
        if not any(w > 0 for w in self.family_weights.values()):
            raise UserError(f"{where}: every family weight is zero")
        for name, value in vars(self.style).items():
            if not 0.0 <= value <= 1.0:
                raise UserError(f"{where}: style.{name} must be a probability, got {value}")


def load_synth_config(path: str | Path | None = DEFAULT_CONFIG, overrides: list[str] | None = None) -> SynthConfig:
    """Load :class:`SynthConfig` from YAML (relative paths resolve from the repo root)."""
    resolved = _resolve(path) if path is not None else None
    cfg = load_config(SynthConfig, resolved, overrides)
    cfg.check(str(resolved or "synth config"))
    return cfg


@dataclass
class ActorsFile:
    """The schema of ``configs/actors.yaml``."""

    version: int = 1
    actors: list[ActorRef] = field(default_factory=list)


def load_actors(path: str | Path = "configs/actors.yaml") -> list[ActorRef]:
    """Read and check the actors file (unknown keys, categories, empty phrases)."""
    from hasila.annotation.lsio import category_ids

    resolved = _resolve(path)
    data = from_dict(ActorsFile, read_yaml(resolved), where=str(resolved))
    cats = category_ids()
    seen: set[str] = set()
    for i, actor in enumerate(data.actors):
        where = f"{resolved}: actors[{i}] ({actor.id})"
        if actor.id in seen:
            raise UserError(f"{where}: duplicate id")
        seen.add(actor.id)
        if actor.category not in cats:
            raise UserError(f"{where}: unknown category {actor.category!r}")
        for phrase in actor.phrases():
            forms = phrase.split("|")
            if any(not f or f != f.strip() for f in forms) or len(forms) > 2:
                raise UserError(f"{where}: bad phrase {phrase!r} (no padding, at most nominative|genitive)")
        if actor.affiliation and not actor.names:
            raise UserError(f"{where}: an affiliation actor needs names")
        if actor.perpetrator and not (actor.names or actor.gunmen or actor.air or actor.drone):
            raise UserError(f"{where}: a perpetrator needs names or perpetrator phrases")
    if not data.actors:
        raise UserError(f"{resolved}: no actors")
    return data.actors


@lru_cache(maxsize=4)
def _world(gazetteer: str, actors: str) -> World:
    places = Gazetteer.load(_resolve(gazetteer)).places
    world = World.build(places, load_actors(actors))
    needed = {"regime", "loyalists", "russia", "factions", "turkish_factions", "jihadists", "isis", "sdf",
              "turkey", "coalition", "israel", "unknown"}
    missing = sorted(needed - set(world.actors))
    if missing:
        raise UserError(f"{actors}: the generator needs actors with ids {', '.join(missing)}")
    return world


def _resolve(path: str | Path) -> Path:
    p = Path(path)
    if p.is_absolute() or p.exists():
        return p
    return project_root() / p


# --------------------------------------------------------------------------- generation


def pattern_names(family: str | None = None) -> list[str]:
    """Names of the sentence patterns (of one family, or all)."""
    return [name for name, (fam, _) in PATTERNS.items() if family is None or fam == family]


def iter_generate(n: int, seed: int, config: SynthConfig | None = None, start: int = 0) -> Iterator[Doc]:
    """Yield reports ``start .. start+n-1`` of ``seed`` (see :func:`generate`)."""
    cfg = config or load_synth_config()
    world = _world(cfg.gazetteer, cfg.actors)
    families = sorted(f for f, w in cfg.family_weights.items() if w > 0)
    weights = [cfg.family_weights[f] for f in families]
    by_family: dict[str, list[str]] = {}
    for name, (fam, _) in PATTERNS.items():
        by_family.setdefault(fam, []).append(name)
    for i in range(start, start + n):
        yield _report(i, seed, cfg, world, families, weights, by_family)


def generate(n: int, seed: int, config: SynthConfig | None = None) -> list[Doc]:
    """``n`` synthetic reports for ``seed``, deterministic: the same seed and
    config give identical docs."""
    if n < 0:
        raise UserError(f"--n must be 0 or more, got {n}")
    return list(iter_generate(n, seed, config))


def _report(i: int, seed: int, cfg: SynthConfig, world: World, families: list[str], weights: list[float],
            by_family: dict[str, list[str]]) -> Doc:
    rng = random.Random(seed * 1_000_003 + i)
    ctx = Ctx(rng=rng, world=world, style=cfg.style)
    ctx.gov = ctx.pick_gov()
    ctx.year = rng.randint(cfg.years[0], cfg.years[1])
    ctx.month = rng.randint(1, 12)
    used: list[str] = []
    if rng.random() < cfg.p_title:
        name = ctx.pick(by_family["title"])
        PATTERNS[name][1](ctx)
        used.append(name)
        ctx.t("\n")
        if rng.random() < cfg.p_stray_number:
            ctx.t("\n")
            ctx.mark(str(rng.randint(2, 400)), "other")
            ctx.t("\n")
        ctx.t("\n")
    n_par = rng.randint(cfg.min_paragraphs, cfg.max_paragraphs)
    for p in range(n_par):
        if p:
            ctx.t("\n\n")
        for s in range(rng.randint(cfg.min_sentences, cfg.max_sentences)):
            if s:
                ctx.t(" ")
            fam = rng.choices(families, weights)[0]
            name = ctx.pick(by_family[fam])
            PATTERNS[name][1](ctx)
            used.append(name)
    meta: dict[str, Any] = {"source": "synth", "seed": seed, "patterns": used,
                            "distractors": ctx.distractors}
    return Doc(id=f"{cfg.doc_id_prefix}-{seed}-{i:06d}", text=ctx.b.text(), spans=ctx.b.spans,
               relations=ctx.b.relations, meta=meta)


# --------------------------------------------------------------------------- output


def write_docs(path: str | Path, docs: Iterable[Doc]) -> int:
    """Write docs as a Label Studio export (``annotations``), atomically.

    A path ending in ``.jsonl`` gets one task per line (the same task objects,
    streamed); any other path gets one JSON list. Returns the number written.
    """
    from hasila.annotation.lsio import doc_to_task, write_export

    path = Path(path)
    if path.suffix == ".jsonl":
        n = 0
        with atomic_open(path) as fh:
            for n, doc in enumerate(docs, start=1):
                task = doc_to_task(doc, "annotations", task_id=n)
                fh.write(json.dumps(task, ensure_ascii=False))
                fh.write("\n")
        return n
    items = list(docs)
    write_export(path, items, kind="annotations")
    return len(items)
