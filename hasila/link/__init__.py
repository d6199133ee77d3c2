"""The post-processor: tagged spans → casualty records and non-counts.

:mod:`hasila.link.linker` holds the linker; the word-level view of the text
(:mod:`~hasila.link.text`), cue words (:mod:`~hasila.link.cues`), number classes
(:mod:`~hasila.link.numbers`), count collection (:mod:`~hasila.link.counts`) and the
``part_of`` tree (:mod:`~hasila.link.tree`) are its parts.
"""

from hasila.link.config import LinkConfig, load_link_config
from hasila.link.counts import NonCount
from hasila.link.linker import LinkResult, LinkTimeout, link, link_doc

__all__ = ["LinkConfig", "LinkResult", "LinkTimeout", "NonCount", "link", "link_doc", "load_link_config"]
