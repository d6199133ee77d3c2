"""Place names of the Syrian conflict: loading, lookup and matching in raw text.

The gazetteer is a tab-separated file (``data/gazetteer/places.tsv``) with the
columns ``name_ar, kind, governorate, name_en, aliases`` (aliases separated by
``|``); lines starting with ``#`` are comments. Places outside Syria are in
``data/gazetteer/world.tsv``, same columns, whose third column names the country
(:attr:`Place.country`); a name in both files is the Syrian place.

:meth:`Gazetteer.find_all` returns PLACE spans on the raw text the way the
annotation guide marks them:

- a clitic glued to the name stays outside (``بحلب`` → ``حلب``; ``للغوطة``
  → ``لغوطة``, the first ``ل`` being the preposition);
- cue words are outside (``مدينة حلب``, ``بلدة سراقب``, ``محافظة درعا``
  → the name only), but ``حي`` and ``مخيم`` are part of the name
  (``حي جوبر``, ``مخيم اليرموك``), as are ``ريف``/``ريفي``/``بادية`` with the
  direction adjectives and a conjoined second place
  (``ريف إدلب الجنوبي الشرقي``, ``ريفي إدلب وحماة``,
  ``ريفي إدلب الجنوبي والجنوبي الشرقي``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from hasila.errors import UserError
from hasila.fileio import resource
from hasila.text.arabic import DIACRITICS, FORMAT_MARKS, TATWEEL, fold, normalize, unwrap

logger = logging.getLogger(__name__)

KINDS: tuple[str, ...] = (
    "governorate", "district", "city", "town", "village", "camp", "neighbourhood",
    "region", "front", "site", "country",
)
COLUMNS: tuple[str, ...] = ("name_ar", "kind", "governorate", "name_en", "aliases")
_HEADER = "\t".join(COLUMNS)

#: Clitic prefixes that may be glued to a place name (longest first).
CLITICS: tuple[str, ...] = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")
_CLITICS_SHORT_FIRST = tuple(sorted(CLITICS, key=len))
#: Phrases that contain a place name but are not places: skipped as a whole.
NOT_PLACES: tuple[str, ...] = (
    "قوات سوريا الديمقراطية", "قوات سوريا الديموقراطية", "مجلس سوريا الديمقراطية",
    "رامي عبد الرحمن", "حزب الله", "جيش الإسلام", "الدولة الإسلامية",
    "فيلق القدس", "نظام روما", "قانون روما", "ميثاق روما",
)
#: Words that open a countryside/desert phrase and belong to the PLACE span.
_RURAL = {fold(w): w for w in ("ريف", "ريفي", "أرياف", "بادية")}
_DUAL_RURAL = {fold("ريفي"), fold("أرياف")}
#: Direction adjectives after ``ريف X`` (part of the span).
DIRECTIONS: tuple[str, ...] = ("الشمالي", "الجنوبي", "الشرقي", "الغربي", "الأوسط")
_DIRECTIONS = {fold(w) for w in DIRECTIONS}
_HAYY = fold("حي")
#: words of the folded text; like :func:`hasila.annotation.ontology.key`'s, punctuation is no word
_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True)
class Place:
    """One gazetteer entry (or a countryside phrase built from one)."""

    name: str
    kind: str
    governorate: str | None = None
    name_en: str = ""
    aliases: tuple[str, ...] = ()
    #: the country of a place abroad (Arabic name; ``""`` for countries, regions, Syria's places)
    country: str = ""
    #: read from the gazetteer of places abroad (``world.tsv``)
    abroad: bool = False

    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class _Token:
    start: int  # raw offsets
    end: int
    key: str  # folded form
    raw_pos: tuple[int, ...]  # raw offset of each character of ``key``


class Gazetteer:
    """Place entries with folded-name indexes for lookup and text matching."""

    def __init__(self, places: list[Place]) -> None:
        self.places = list(places)
        self._index: dict[tuple[str, ...], Place] = {}
        self._max_len = 1
        blocker = Place("", "region")
        self._blockers: dict[tuple[str, ...], Place] = {tuple(fold(p).split()): blocker for p in NOT_PLACES}
        priority = {k: i for i, k in enumerate(KINDS)}
        for place in sorted(self.places, key=lambda p: (p.abroad, priority.get(p.kind, len(KINDS)))):
            for form in place.forms():
                key = tuple(fold(form).split())
                if key and key not in self._index:
                    self._index[key] = place
                    self._max_len = max(self._max_len, len(key))

    # -- loading ---------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path | None = None, world: str | Path | None = None) -> Gazetteer:
        """Read a gazetteer TSV and, when given, a TSV of places abroad (default: both
        ``data/gazetteer/places.tsv`` and ``data/gazetteer/world.tsv``)."""
        if path is None:
            path = resource("data/gazetteer/places.tsv")
            world = resource("data/gazetteer/world.tsv") if world is None else world
        places = _read(Path(path))
        if world is not None:
            places += _read(Path(world), abroad=True)
        logger.debug("loaded %d places from %s and %s", len(places), path, world)
        return cls(places)

    # -- queries ---------------------------------------------------------------
    def names(self) -> list[str]:
        """Every name and alias, in file order, without duplicates."""
        seen: dict[str, None] = {}
        for place in self.places:
            for form in place.forms():
                seen.setdefault(form, None)
        return list(seen)

    def of_kind(self, *kinds: str) -> list[Place]:
        return [p for p in self.places if p.kind in kinds]

    def governorates(self) -> list[Place]:
        return self.of_kind("governorate")

    def lookup(self, text: str) -> Place | None:
        """The place that ``text`` names as a whole (clitics, alef and ta-marbuta
        variants, and the ل+ال spelling ``لغوطة`` tolerated), or ``None``. Countryside phrases (``ريف إدلب
        الجنوبي``) give a derived ``region`` entry."""
        key = tuple(fold(text).split())
        if not key:
            return None
        if key in self._index:
            return self._index[key]
        if key[0].startswith("ل") and ("ا" + key[0], *key[1:]) in self._index:
            return self._index[("ا" + key[0], *key[1:])]  # a span after ل: لغوطة الشرقية
        matches = self.find_all(text)
        if len(matches) == 1:
            start, end, place = matches[0]
            before = text[:start].strip(" \"'«»“”")
            if (not before or before in CLITICS) and not text[end:].strip(" \"'«»“”.,،"):
                return place
        return None

    def find_all(self, text: str) -> list[tuple[int, int, Place]]:
        """Every place mentioned in raw ``text``: ``(start, end, place)`` with
        raw offsets, leftmost-longest and non-overlapping (a name broken over a hard-wrapped
        line is one name)."""
        text = unwrap(text)
        tokens = list(_tokens(text))
        out: list[tuple[int, int, Place]] = []
        i = 0
        while i < len(tokens):
            blocked = self._match_at(tokens, i, self._blockers)
            if blocked is not None:
                i = blocked[1]
                continue
            hit = self._match_at(tokens, i)
            if hit is None:
                i += 1
                continue
            start, j, place = hit
            if _adjective(tokens, i, j):
                i = j
                continue
            end = tokens[j - 1].end
            start, end, j, place = self._extend(text, tokens, i, start, j, end, place)
            out.append((start, end, place))
            i = j
        return out

    # -- internals ---------------------------------------------------------------
    def _match_at(self, tokens: list[_Token], i: int,
                  index: dict[tuple[str, ...], Place] | None = None) -> tuple[int, int, Place] | None:
        """Longest entry starting at token ``i`` (clitics stripped from its first word)."""
        index = self._index if index is None else index
        first = tokens[i]
        variants: list[tuple[str, int]] = [(first.key, 0)]
        for clitic in _CLITICS_SHORT_FIRST:
            if first.key.startswith(clitic) and len(first.key) - len(clitic) >= 2:
                rest = first.key[len(clitic) :]
                variants.append((rest, len(clitic)))
                if clitic.endswith("ل") and rest.startswith("ل"):
                    # ل + ال: "للغوطة" = ل + (ا)لغوطة; the span starts after the first ل
                    variants.append(("ا" + rest, len(clitic)))
        if first.key.startswith("ال") and len(first.key) > 4:
            variants.append((first.key[2:], -2))  # "الحمورية" for the village "حمورية"
        best: tuple[int, int, Place] | None = None
        best_len = 0
        for key0, skip in variants:
            for n in range(min(max(self._max_len, 4), len(tokens) - i), 0, -1):
                if n <= best_len:
                    break
                key = (key0, *(t.key for t in tokens[i + 1 : i + n]))
                place = index.get(key)
                if place is not None and skip < 0 and place.kind not in ("town", "village"):
                    place = None
                if place is not None:
                    best = (_raw_skip(first, max(skip, 0)), i + n, place)
                    best_len = n
                    break
        return best

    def _extend(self, text: str, tokens: list[_Token], i: int, start: int, j: int, end: int,
                place: Place) -> tuple[int, int, int, Place]:
        """Grow a match into ``حي X`` / ``ريف X الجنوبي`` / ``ريفي X وY`` phrases."""
        rural = False
        dual = False
        if i > 0 and start == tokens[i].start:
            prev = tokens[i - 1]
            pkey, pskip = _strip_clitic(prev.key, _RURAL)
            if pkey is not None and _adjacent(text, prev.end, start):
                rural = True
                dual = pkey in _DUAL_RURAL
                start = _raw_skip(prev, pskip)
            elif (prev.key == _HAYY and place.kind not in ("governorate", "country", "region")
                  and _adjacent(text, prev.end, start)):
                start = prev.start
        if rural or fold(place.name).split()[0] in _RURAL:
            # direction adjectives, "والجنوبي الشرقي", and "ريفي X وY"
            k = j
            joined = False
            while k < len(tokens) and _adjacent(text, tokens[k - 1].end, tokens[k].start):
                key = tokens[k].key
                if key in _DIRECTIONS:
                    k += 1
                    continue
                if key.startswith("و") and key[1:] in _DIRECTIONS and (dual or k > j):
                    k += 1
                    continue
                if rural and not joined and key.startswith("و"):
                    second = self._match_at(tokens, k)
                    if (second is not None and second[0] > tokens[k].start
                            and second[2].kind in ("governorate", "city", "district")):
                        k = second[1]
                        joined = True
                        continue
                break
            if rural or k > j:
                gov = place.governorate or (place.name if place.kind == "governorate" else None)
                end = tokens[k - 1].end
                place = Place(text[start:end], "region", gov, "", ())
            j = k
        return start, end, j, place


def _read(path: Path, abroad: bool = False) -> list[Place]:
    """The places of one gazetteer TSV (``abroad``: places outside Syria, whose third column
    names the country)."""
    if not path.exists():
        raise UserError(f"{path}: gazetteer file not found")
    places: list[Place] = []
    header_seen = False
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if not header_seen:
                header_seen = True
                if tuple(cols) != COLUMNS:
                    raise UserError(f"{path}: line {lineno}: expected the header {_HEADER!r}")
                continue
            if len(cols) != len(COLUMNS):
                raise UserError(f"{path}: line {lineno}: expected {len(COLUMNS)} tab-separated "
                                f"columns, got {len(cols)}")
            name, kind, gov, name_en, aliases = (c.strip() for c in cols)
            if not name:
                raise UserError(f"{path}: line {lineno}: empty name")
            if kind not in KINDS:
                raise UserError(f"{path}: line {lineno}: unknown kind {kind!r} "
                                f"(known: {', '.join(KINDS)})")
            forms = tuple(a.strip() for a in aliases.split("|") if a.strip())
            if abroad:
                places.append(Place(name, kind, None, name_en, forms, gov, abroad=True))
            else:
                places.append(Place(name, kind, gov or None, name_en, forms))
    if not places:
        raise UserError(f"{path}: no places")
    return places


#: Name forms that are also a feminine relational adjective (``فصائل سورية``: Syrian factions).
ADJECTIVE_FORMS: frozenset[str] = frozenset(fold(w) for w in ("سورية",))
#: Indefinite words an adjective follows that end in neither ة nor ات (``مناطق سورية``, ``غير سورية``).
_ADJECTIVE_HEADS = frozenset(fold(w) for w in (
    "غير", "مناطق", "فصائل", "مصادر", "وسائل", "أهداف", "مدن", "أرض", "جهات", "مواقع", "قرى", "بلدات"))


def _adjective(tokens: list[_Token], i: int, j: int) -> bool:
    """Is the one-word match at token ``i`` a name form used as an adjective, bare or after
    و, following an indefinite noun or adjective (``جنسيات سورية``, ``غارات روسية وسورية``)?"""
    key = tokens[i].key
    if j != i + 1 or i == 0 or not any(key in (f, "و" + f) for f in ADJECTIVE_FORMS):
        return False
    prev = tokens[i - 1].key.removeprefix("و")
    return not prev.startswith("ال") and (prev in _ADJECTIVE_HEADS or prev.endswith(("ه", "ات")))


def _tokens(text: str) -> Iterator[_Token]:
    norm = normalize(text)
    folded = norm.text.replace("ة", "ه")
    for m in _WORD_RE.finditer(folded):
        start, end = norm.raw_span(m.start(), m.end())
        while end < len(text) and text[end] in DIACRITICS:
            end += 1  # a trailing tanween or kasra belongs to the word
        yield _Token(start, end, m.group(0), norm.offsets[m.start() : m.end()])


def _raw_skip(token: _Token, skip: int) -> int:
    """Raw start of ``token`` after its first ``skip`` (clitic) letters."""
    return token.raw_pos[skip] if skip < len(token.raw_pos) else token.end


def _strip_clitic(key: str, words: dict[str, str]) -> tuple[str | None, int]:
    if key in words:
        return key, 0
    for clitic in CLITICS:
        if key.startswith(clitic) and key[len(clitic) :] in words:
            return key[len(clitic) :], len(clitic)
    return None, 0


def _adjacent(text: str, end: int, start: int) -> bool:
    """Only spaces (no-break ones too; and stray diacritics or tatweel) between two tokens."""
    gap = text[end:start]
    return any(ch in _SPACES for ch in gap) and all(
        ch in _SPACES or ch == TATWEEL or ch in DIACRITICS or ch in FORMAT_MARKS for ch in gap)


#: what separates two words of one name
_SPACES = frozenset(" \t\u00a0")
