"""Sentence patterns of the generator, by family: a *pattern* is a function ``(ctx) -> None``
that appends one sentence with its spans and relations (every COUNT gets its category by
construction, part_of to its parent, affiliation/perpetrator to the ACTOR spans the sentence
names for it, location to the most specific PLACE). :data:`PATTERNS` holds them all by name,
each in a *family* (title, daily, toll, air, barrel, massacre, bomb, mine, assassination,
isis, shelling, turkey_sdf, israel, torture, detention, injured, other, clash). Title
patterns write a headline without the final full stop.

The family modules are imported in this order, which is the order of :data:`PATTERNS`
(the generator draws from it with a seeded generator: changing it changes the output).
"""

# isort: off
from hasila.synth.patterns import daily  # noqa: F401
from hasila.synth.patterns import strikes  # noqa: F401
from hasila.synth.patterns import attacks  # noqa: F401
from hasila.synth.patterns import fronts  # noqa: F401
from hasila.synth.patterns import detention  # noqa: F401
from hasila.synth.patterns import clashes  # noqa: F401
# isort: on
from hasila.synth.registry import PATTERNS

__all__ = ["PATTERNS"]
