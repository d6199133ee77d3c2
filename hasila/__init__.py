"""hasila (حصيلة): structured casualty figures from Arabic conflict reports.

The subpackages follow the pipeline, and a module imports only from its own stage or lower
ones (``tests/test_layout.py`` checks it): base modules here (``errors``, ``schema``,
``config``, ``fileio``) → ``text`` → ``annotation`` → ``synth`` → ``link`` → ``rules`` →
``model`` → ``data`` → ``training`` → ``evaluation`` → ``apps`` → ``commands`` / ``cli``.

``from hasila import link, Tagger``: ``link`` is the post-processor package (``link.link``);
``Tagger``, ``RulesTagger`` and ``Ontology`` are loaded on first use, so ``import hasila``
stays light.
"""

import importlib
import os
from typing import Any

__version__ = "0.1.0"

# With few cores and another busy process, OpenMP's default busy-waiting slows torch
# inference down, passive waiting costs little on an idle machine (the measured figures:
# bench/results/README.md). Set before torch is imported; a caller's value wins.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

#: Public names re-exported lazily: name -> module that defines it.
_LAZY = {
    "Tagger": "hasila.model.infer",
    "RulesTagger": "hasila.rules.tagger",
    "Ontology": "hasila.annotation.ontology",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'hasila' has no attribute {name!r}")
