"""The post-processor's settings (``configs/link.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LinkConfig:
    """Settings of the post-processor (a typed config: ``load_config(LinkConfig, yaml)``,
    or the ``link`` section of :class:`hasila.rules.tagger.RulesConfig`)."""

    #: Classify numbers that no COUNT span covers as counts when the words around say so.
    rules_fallback: bool = True
    #: Attach later top-level counts to a breakdown list when they make its sum exact.
    sum_completion: bool = True
    #: How many tokens back a casualty trigger may govern a count.
    trigger_window: int = 40
    #: How far (tokens) after a count and its list a perpetrator or place may be.
    scope_tokens: int = 20
    #: Add a CATEGORY span (and category relation) for each noun the rules found
    #: without one (for the rules tagger).
    category_spans: bool = False


def load_link_config(path: str | None = None, overrides: list[str] | None = None) -> LinkConfig:
    """``configs/link.yaml`` (or ``path``) with ``key=value`` overrides; defaults when absent."""
    from hasila.config import load_config
    from hasila.fileio import project_root

    if path is None:
        default = project_root() / "configs" / "link.yaml"
        path = str(default) if default.exists() else None
    return load_config(LinkConfig, path, overrides)
