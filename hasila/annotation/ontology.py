"""The category ontology (``configs/categories.yaml``): which kind of people a count counts.

Cue words are matched on lookup keys (:func:`hasila.text.arabic.fold` style:
alef/hamza forms, alef maqsura, ta marbuta, diacritics and tanween folded),
with the article ال and the clitics و/ف/ب/ل (and وب/ول/فب/فل, and لل for ل+ال)
derived here rather than listed in the YAML.

* :meth:`Ontology.category_of_noun` reads a counted noun (a CATEGORY span):
  the whole text as a noun form or group, else the longest group it contains,
  else its first word as a noun.
* :meth:`Ontology.category_of_group` reads an actor or partitive phrase: the
  longest group phrase it contains, else its head word as a noun.
* :attr:`Ontology.dual_keys` are the nouns whose dual stands for 2 in
  :func:`hasila.text.arabic.find_numbers` (rule in :func:`_dual_keys`).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from hasila.config import from_dict, read_yaml
from hasila.errors import UserError
from hasila.fileio import project_root, resource
from hasila.text import arabic
from hasila.text.arabic import NumberMatch, fold, key_variants

logger = logging.getLogger(__name__)

#: The noun-form lists of a category, in YAML order.
NOUN_FORMS: tuple[str, ...] = ("singular", "singular_f", "plural", "dual", "accusative")
CLITICS: tuple[str, ...] = ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
#: Words before a partitive group that are not part of it (``من الجهاديين``).
_LEADING = frozenset(fold(w) for w in ("من", "ضمن", "بين", "بينهم", "منهم", "في", "صفوف"))


def default_path() -> Path:
    return resource("configs/categories.yaml")


def _resolve(relpath: str, categories_path: Path) -> Path:
    """A path named in the ontology file: absolute, else from the project root (as every config
    path), among the package data, or beside the ontology file (the first that exists)."""
    given = Path(relpath)
    places = (given,) if given.is_absolute() else (project_root() / relpath, resource(relpath),
                                                   categories_path.parent / relpath)
    for path in places:
        if path.exists():
            return path
    raise UserError(f"{categories_path}: groups_from: {relpath}: no such file")


def with_actor_groups(data: dict[str, Any], actors_path: Path, where: str) -> dict[str, Any]:
    """``data`` (the ontology mapping) with the ``names`` of every actor of ``actors_path``
    (``configs/actors.yaml``; ``a|b`` gives both forms) added to the groups of its category;
    one list of actor names serves the rules tagger and the linker. A name the ontology
    already lists under another category is an error naming both files."""
    actors = read_yaml(actors_path).get("actors")
    cats = data.get("categories")
    if not isinstance(actors, list) or not isinstance(cats, dict):
        raise UserError(f"{actors_path}: 'actors' must be a list (read for {where}'s groups_from)")
    listed: dict[str, str] = {}
    for cid, body in cats.items():
        for name in (*NOUN_FORMS, "groups"):
            for word in (body or {}).get(name) or []:
                listed.setdefault(key(str(word)), cid)
    merged = {cid: dict(body or {}) for cid, body in cats.items()}
    for n, actor in enumerate(actors):
        cid = str(actor.get("category") or "") if isinstance(actor, dict) else ""
        if cid not in merged:
            raise UserError(f"{actors_path}: actors[{n}]: category {cid!r} is not an id of {where}")
        for item in actor.get("names") or []:
            for form in (f.strip() for f in str(item).split("|")):
                k = key(form)
                if not k or listed.get(k) == cid:
                    continue
                if k in listed:
                    raise UserError(f"{actors_path}: actors[{n}] ({actor.get('id')}): {form!r} is {cid} "
                                    f"there but {listed[k]} in {where}")
                listed[k] = cid
                merged[cid]["groups"] = [*(merged[cid].get("groups") or []), form]
    return {**data, "categories": merged}


_PERSIAN = str.maketrans({"ی": "ي", "ک": "ك"})


def key(text: str) -> str:
    """The lookup key of a word or phrase: ``fold`` plus Persian ya/kaf, and
    punctuation (quotes, commas) turned into spaces. It differs from the linker's
    :func:`hasila.link.text.key` (``fold`` alone) on purpose: category words and span texts
    are looked up with their punctuation and Persian letters folded away."""
    return " ".join(re.findall(r"\w+", fold(text).translate(_PERSIAN)))


@dataclass(frozen=True)
class _CategorySpec:
    """One category as written in the YAML (validated by :func:`hasila.config.from_dict`)."""

    description: str = ""
    singular: list[str] = field(default_factory=list)
    singular_f: list[str] = field(default_factory=list)
    plural: list[str] = field(default_factory=list)
    dual: list[str] = field(default_factory=list)
    accusative: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    groups_in_syria: list[str] = field(default_factory=list)
    armed: bool = False
    parts: list[str] = field(default_factory=list)
    overlaps: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _OntologySpec:
    version: int = 1
    fallback: str = "people"
    neutral_nouns: list[str] = field(default_factory=list)
    any_part: list[str] | None = None
    broad: list[str] = field(default_factory=list)
    categories: dict[str, _CategorySpec] = field(default_factory=dict)


@dataclass(frozen=True)
class Category:
    """One category id with its cue words."""

    id: str
    description: str = ""
    singular: tuple[str, ...] = ()
    singular_f: tuple[str, ...] = ()
    plural: tuple[str, ...] = ()
    dual: tuple[str, ...] = ()
    accusative: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    #: groups listed under another id whose members counted inside Syria are of this one
    #: (militias fighting for the government there: the guide's ``regime``)
    groups_in_syria: tuple[str, ...] = ()
    #: the category counts fighters of some side
    armed: bool = False
    #: ids that may be counted as a part (``بينهم``) of this category, besides itself
    parts: tuple[str, ...] = ()
    #: ids that may share people with this one (a woman may be a fighter)
    overlaps: tuple[str, ...] = ()

    def nouns(self) -> tuple[str, ...]:
        return tuple(w for name in NOUN_FORMS for w in getattr(self, name))


def _definite(word: str) -> str:
    return word if key(word).startswith("ال") else "ال" + word


def _with_clitics(word: str) -> list[str]:
    """``word`` with each clitic glued on; ل before ال drops the alef (للأطفال)."""
    out = []
    for clitic in CLITICS:
        if clitic.endswith("ل") and key(word).startswith("ال"):
            out.append(clitic + word[1:])
        else:
            out.append(clitic + word)
    return out


def _strip_variants(word_key: str) -> tuple[str, ...]:
    """Keys to try for one word: itself, without clitics, without ال."""
    return key_variants(word_key, CLITICS)


def _dual_keys(categories: tuple[Category, ...], neutral: tuple[str, ...]) -> frozenset[str]:
    """Keys of nouns whose dual form stands for 2.

    1. every ``dual`` entry that is not also a plural form (مدنيين, مقاتلين are
       plurals too, so they are never read as 2);
    2. for each one-word masculine singular S of a category: S+ان always (the nominative dual is never a plural form), and
       S+ين unless S+ين or S+ون is a listed plural, or S ends in ي (nisba
       nouns such as مدني have the sound plural مدنيين) or in ى/ا;
    3. for each feminine singular ending in ة: stem+تان and stem+تين;
    4. a neutral noun N with N+ين or N+ان also listed as neutral (عنصر, عنصرين):
       N+ين and N+ان;
    never a one-word group name (طالبان is the Taliban, not two students).
    """
    plurals = {key(w) for c in categories for w in c.plural}
    out = {key(w) for c in categories for w in c.dual} - plurals
    neutral_keys = {key(w) for w in neutral}
    for k in neutral_keys:  # عنصر with عنصرين listed: its dual forms
        if k + "ين" in neutral_keys or k + "ان" in neutral_keys:
            out |= {k + "ين", k + "ان"}
    for raw in [w for c in categories for w in (*c.singular, *c.singular_f)]:
        if " " in raw.strip():
            continue
        k = key(raw)
        if k.endswith("ه") and raw.strip()[-1] in "ةه":
            out |= {k[:-1] + "تان", k[:-1] + "تين"}
            continue
        if raw.strip()[-1] in "ىاًٌٍ" or k.endswith("ا"):
            continue
        out.add(k + "ان")
        if not k.endswith("ي") and k + "ين" not in plurals and k + "ون" not in plurals:
            out.add(k + "ين")
    names = {key(g) for c in categories for g in c.groups if " " not in g.strip()}
    return frozenset(out - plurals - names)


@dataclass(frozen=True)
class Ontology:
    """Category ids and their cue words; lookups tolerate ال, clitics and spelling variants."""

    categories: tuple[Category, ...]
    fallback: str = "people"
    neutral_nouns: tuple[str, ...] = ()
    version: int = 1
    #: ids that fit as a part of anything and hold anything (people, other)
    any_part: tuple[str, ...] = ()
    #: ids never a narrower item of a list of children or women (civilian, combatant …)
    broad: tuple[str, ...] = ()
    source: str = field(default="<dict>", compare=False)
    _nouns: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    _groups: dict[tuple[str, ...], str] = field(default_factory=dict, init=False, repr=False,
                                                 compare=False)
    _neutral: frozenset[str] = field(default=frozenset(), init=False, repr=False, compare=False)
    _duals: frozenset[str] = field(default=frozenset(), init=False, repr=False, compare=False)
    _armed: frozenset[str] = field(default=frozenset(), init=False, repr=False, compare=False)
    _parts: dict[str, frozenset[str]] = field(default_factory=dict, init=False, repr=False,
                                              compare=False)
    _overlaps: dict[str, frozenset[str]] = field(default_factory=dict, init=False, repr=False,
                                                 compare=False)
    _by_first: dict[str, list[tuple[tuple[str, ...], str]]] | None = field(
        default=None, init=False, repr=False, compare=False)
    _order: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)
    _in_syria: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = field(
        default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        where = self.source
        ids = [c.id for c in self.categories]
        dup_ids = sorted({i for i in ids if ids.count(i) > 1})
        if dup_ids:
            raise UserError(f"{where}: category id(s) listed twice: {', '.join(dup_ids)}")
        if self.fallback not in ids:
            raise UserError(f"{where}: fallback {self.fallback!r} is not a category id "
                            f"(ids: {', '.join(ids)})")
        owners: dict[str, set[str]] = {}
        nouns: dict[str, str] = {}
        groups: dict[tuple[str, ...], str] = {}
        neutral = frozenset(key(w) for w in self.neutral_nouns if key(w))
        for k in neutral:
            owners.setdefault(k, set()).add("neutral_nouns")
        for cat in self.categories:
            for name in NOUN_FORMS:
                for word in getattr(cat, name):
                    k = key(word)
                    if not k:
                        raise UserError(f"{where}: categories.{cat.id}.{name}: empty cue word")
                    forms = {k} if name == "accusative" else {k, key(_definite(word))}
                    for form in forms:
                        owners.setdefault(form, set()).add(cat.id)
                        nouns.setdefault(form, cat.id)
            for phrase in cat.groups:
                k = key(phrase)
                if not k:
                    raise UserError(f"{where}: categories.{cat.id}: empty group phrase")
                owners.setdefault(k, set()).add(cat.id)
                groups.setdefault(tuple(k.split()), cat.id)
        known = set(ids)
        named = {x for cat in self.categories for x in (*cat.parts, *cat.overlaps)} | set(self.any_part) \
            | set(self.broad)
        if named - known:
            logger.warning("%s: category relations name unknown id(s), ignored: %s", where,
                           ", ".join(sorted(named - known)))
            object.__setattr__(self, "categories", tuple(
                replace(c, parts=tuple(x for x in c.parts if x in known),
                        overlaps=tuple(x for x in c.overlaps if x in known)) for c in self.categories))
            object.__setattr__(self, "any_part", tuple(x for x in self.any_part if x in known))
            object.__setattr__(self, "broad", tuple(x for x in self.broad if x in known))
        clashes = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
        if clashes:
            detail = "; ".join(f"{k!r} in {' and '.join(v)}" for k, v in sorted(clashes.items()))
            raise UserError(f"{where}: cue word(s) listed under more than one category "
                            f"(ambiguous): {detail}")
        object.__setattr__(self, "_nouns", nouns)
        object.__setattr__(self, "_groups", groups)
        object.__setattr__(self, "_neutral", neutral)
        object.__setattr__(self, "_duals", _dual_keys(self.categories, self.neutral_nouns))
        # how categories relate, read in the linker's loops: worked out once
        object.__setattr__(self, "_armed", frozenset(c.id for c in self.categories if c.armed))
        object.__setattr__(self, "_parts", {c.id: frozenset({c.id, *c.parts}) for c in self.categories})
        object.__setattr__(self, "_overlaps", {c.id: frozenset(c.overlaps) for c in self.categories})
        object.__setattr__(self, "_in_syria", tuple(
            (c.id, tuple(tuple(key(p).split()) for p in c.groups_in_syria if key(p)))
            for c in self.categories if c.groups_in_syria))

    # -- loading ----------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path | None = None) -> Ontology:
        """Read and validate the ontology YAML (default ``configs/categories.yaml``), with the
        actor names of its ``groups_from`` file among the groups of their categories."""
        path = Path(path) if path is not None else default_path()
        if not path.is_absolute() and not path.exists():
            path = project_root() / path
        data = read_yaml(path)
        if isinstance(data, dict) and data.get("groups_from"):
            data = with_actor_groups(data, _resolve(str(data.pop("groups_from")), path), str(path))
        return cls.from_dict(data, source=str(path))

    @classmethod
    def from_dict(cls, data: dict[str, Any], source: str = "<dict>") -> Ontology:
        """Build from the YAML mapping (or :meth:`to_dict` output); unknown keys are errors."""
        if not isinstance(data, dict):
            raise UserError(f"{source}: expected a mapping")
        cats = data.get("categories")
        if not isinstance(cats, dict) or not cats:
            raise UserError(f"{source}: 'categories' must be a non-empty mapping of id -> words")
        for cid, body in cats.items():
            if not isinstance(cid, str) or not cid.isidentifier():
                raise UserError(f"{source}: categories: bad id {cid!r}")
            if body is None:
                cats[cid] = {}
        spec = from_dict(_OntologySpec, data, where=source)
        relations = {cid: (c.armed, tuple(c.parts), tuple(c.overlaps)) for cid, c in spec.categories.items()}
        any_part, broad = spec.any_part, spec.broad
        if any_part is None:  # an ontology saved before the relations were config: the project's
            default = read_yaml(default_path())
            logger.warning("%s: no category relations (armed, parts, overlaps); using %s for them",
                           source, default_path())
            dcats = default.get("categories", {})
            relations = {cid: (bool(dcats.get(cid, {}).get("armed", False)),
                               tuple(x for x in dcats.get(cid, {}).get("parts", []) if x in spec.categories),
                               tuple(x for x in dcats.get(cid, {}).get("overlaps", []) if x in spec.categories))
                         for cid in spec.categories}
            any_part = [x for x in default.get("any_part", []) if x in spec.categories]
            broad = [x for x in default.get("broad", []) if x in spec.categories]
        categories = tuple(
            Category(id=cid, description=c.description,
                     **{name: tuple(getattr(c, name)) for name in (*NOUN_FORMS, "groups", "groups_in_syria")},
                     armed=relations[cid][0], parts=relations[cid][1], overlaps=relations[cid][2])
            for cid, c in spec.categories.items()
        )
        return cls(categories, spec.fallback, tuple(spec.neutral_nouns), spec.version,
                   tuple(any_part), tuple(broad), source)

    def to_dict(self) -> dict[str, Any]:
        """The YAML mapping (saved beside a model; :meth:`from_dict` reads it back)."""
        return {
            "version": self.version,
            "fallback": self.fallback,
            "neutral_nouns": list(self.neutral_nouns),
            "any_part": list(self.any_part),
            "broad": list(self.broad),
            "categories": {
                c.id: {f.name: (list(v) if isinstance(v := getattr(c, f.name), tuple) else v)
                       for f in fields(Category) if f.name != "id"}
                for c in self.categories
            },
        }

    # -- lookups ----------------------------------------------------------
    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.categories)

    @property
    def dual_keys(self) -> frozenset[str]:
        """Lookup keys of nouns whose dual stands for 2 (see :func:`_dual_keys`)."""
        return self._duals

    def category(self, category_id: str) -> Category:
        for cat in self.categories:
            if cat.id == category_id:
                return cat
        raise KeyError(f"unknown category id {category_id!r} (ids: {', '.join(self.ids)})")

    def forms(self, category_id: str) -> dict[str, list[str]]:
        """All surface forms of a category: the YAML lists plus ``definite``
        (ال forms of the nouns) and ``clitic`` (nouns and ال forms with و/ف/ب/ل)."""
        cat = self.category(category_id)
        out = {name: list(getattr(cat, name)) for name in (*NOUN_FORMS, "groups")}
        nouns = list(dict.fromkeys(cat.nouns()))
        definite = list(dict.fromkeys(
            _definite(w) for name in NOUN_FORMS if name != "accusative"
            for w in getattr(cat, name) if _definite(w) != w))
        out["definite"] = definite
        out["clitic"] = list(dict.fromkeys(c for w in [*nouns, *definite] for c in _with_clitics(w)))
        return out

    def _noun(self, word_key: str) -> str | None:
        for cand in _strip_variants(word_key):
            if cand in self._nouns:
                return self._nouns[cand]
        for cand in _strip_variants(word_key):  # a derived dual (ضابطان, رجلان): its singular's id
            if cand in self.dual_keys:
                for singular in arabic.dual_singulars(cand):
                    if singular in self._nouns:
                        return self._nouns[singular]
        return None

    def _longest_group(self, words: list[str]) -> str | None:
        """The id of the longest group phrase inside ``words`` (then the earlier id);
        phrases are looked up by their first word, not scanned."""
        if self._by_first is None:
            by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
            for phrase, cid in self._groups.items():
                by_first.setdefault(phrase[0], []).append((phrase, cid))
            object.__setattr__(self, "_by_first", by_first)
            object.__setattr__(self, "_order", {cid: n for n, cid in enumerate(self.ids)})
        best: tuple[int, int, str] | None = None  # (length, -priority, id)
        for s, word in enumerate(words):
            for first in set(_strip_variants(word)):
                for phrase, cid in self._by_first.get(first, ()):  # type: ignore[union-attr]
                    n = len(phrase)
                    if s + n > len(words) or tuple(words[s + 1:s + n]) != phrase[1:]:
                        continue
                    cand = (len(" ".join(phrase)), -self._order[cid], cid)
                    if best is None or cand > best:
                        best = cand
        return best[2] if best else None

    def category_of_noun(self, text: str) -> str | None:
        """The id for a counted noun (``مدنيين``, ``مقاتلاً``, ``طفلين``, ``الجهاديين``);
        ``None`` for neutral nouns (``عنصر``) and unknown words."""
        k = key(text)
        if not k or self.is_neutral_noun(text):
            return None
        words = k.split()
        cid = self._noun(k)
        if cid is not None:
            return cid
        exact = self._groups.get(tuple(words)) or self._longest_group(words)
        if exact is not None:
            return exact
        return self._noun(words[0]) if len(words) > 1 else None

    def is_group_phrase(self, text: str) -> bool:
        """Is ``text`` one group phrase as listed (``الجيش والشرطة``)?"""
        return tuple(key(text).split()) in self._groups

    def noun_id(self, text: str) -> str | None:
        """The id of one noun form (``الجهاديين`` -> jihadist); ``None`` for a group name."""
        return self._noun(key(text)) if " " not in key(text) else None

    def category_of_group(self, text: str) -> str | None:
        """The id for an actor or partitive phrase: the longest group phrase it
        contains (``قوات النظام والمسلحين الموالين لها`` -> regime), else its head noun."""
        words = key(text).split()
        if not words:
            return None
        cid = self._longest_group(words)
        if cid is not None:
            return cid
        while words and words[0] in _LEADING:
            words = words[1:]
        return self._noun(words[0]) if words else None

    def category_in_syria(self, text: str) -> str | None:
        """The id the members of the group named in ``text`` take when counted inside Syria
        (``عناصر من حركة النجباء العراقية`` -> regime), or None when no such group is named."""
        words = tuple(key(text).split())
        for cid, phrases in self._in_syria:
            if any(words[i:i + len(p)] == p for p in phrases for i in range(len(words) - len(p) + 1)):
                return cid
        return None

    # -- how categories relate --------------------------------------------
    @property
    def armed(self) -> frozenset[str]:
        """Ids that count fighters of some side."""
        return self._armed

    def parts(self, category_id: str) -> frozenset[str]:
        """Ids that may be counted as a part of ``category_id`` (itself included)."""
        return self._parts.get(category_id) or frozenset({category_id})

    def compatible(self, child: str | None, parent: str | None) -> bool:
        """Can people of category ``child`` be a subset of people of category ``parent``?"""
        if child is None or parent is None or child in self.any_part or parent in self.any_part:
            return True
        return child in self.parts(parent)

    def disjoint(self, a: str, b: str) -> bool:
        """True when no person can be counted under both ids."""
        if a == b or a in self.any_part or b in self.any_part:
            return False
        return b not in self._overlaps.get(a, ()) and a not in self._overlaps.get(b, ())

    def is_neutral_noun(self, text: str) -> bool:
        """``عنصر``, ``عناصر``, ``أفراد`` ...: nouns that take the id of the group that follows."""
        k = key(text)
        return " " not in k and any(c in self._neutral for c in _strip_variants(k))


@functools.lru_cache(maxsize=1)
def default_dual_keys() -> frozenset[str]:
    """Lookup keys of the dual nouns of the default ontology (``configs/categories.yaml``)."""
    try:
        return Ontology.load().dual_keys
    except UserError as exc:
        logger.warning("dual nouns: %s; using the built-in list", exc)
        return arabic.BUILTIN_DUALS


def find_numbers(text: str, duals: Iterable[str] | None = None) -> list[NumberMatch]:
    """:func:`hasila.text.arabic.find_numbers` with the default ontology's dual nouns
    (:func:`default_dual_keys`) unless ``duals`` are given."""
    return arabic.find_numbers(text, default_dual_keys() if duals is None else duals)


def parse_number(s: str, duals: Iterable[str] | None = None) -> int | None:
    """:func:`hasila.text.arabic.parse_number` with the default ontology's dual nouns unless
    ``duals`` are given."""
    return arabic.parse_number(s, default_dual_keys() if duals is None else duals)
