"""Small pure Arabic text helpers: normalisation with an offset map to the raw text.

Normalisation only replaces or deletes characters, so every normalised
character maps to exactly one raw character, and the map is increasing.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Harakat, tanween, shadda, sukun, dagger alef and Quranic marks: deleted.
DIACRITICS = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670"] + [chr(c) for c in range(0x06D6, 0x06DD)]
)
TATWEEL = "\u0640"
_REPLACE = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٪": "%",
    "٫": ".",
    "٬": ",",
}
for _i in range(10):
    _REPLACE[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _REPLACE[chr(0x06F0 + _i)] = str(_i)  # Persian digits


@dataclass(frozen=True)
class Normalized:
    """Normalised text and, per normalised character, its index in the raw text.

    ``offsets`` has one more entry than ``text``: the raw length, so that an
    exclusive end maps too.
    """

    text: str
    offsets: tuple[int, ...]
    raw_length: int

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised ``[start, end)`` span to the raw text."""
        if start >= end:
            pos = self.offsets[start] if start < len(self.text) else self.raw_length
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(raw: str) -> Normalized:
    """Normalise for model input: alef forms, alef maqsura, tatweel, diacritics,
    Arabic-Indic and Persian digits, Arabic punctuation."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(raw):
        if ch in DIACRITICS or ch == TATWEEL:
            continue
        chars.append(_REPLACE.get(ch, ch))
        offsets.append(i)
    offsets.append(len(raw))
    return Normalized("".join(chars), tuple(offsets), len(raw))


def normalize_text(raw: str) -> str:
    """Just the normalised string (for lookups where offsets do not matter)."""
    return normalize(raw).text


def fold(raw: str) -> str:
    """A lookup key: normalised, ta marbuta folded to ha, spaces collapsed."""
    text = normalize(raw).text.replace("ة", "ه")
    return " ".join(text.split())


def is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a" or "\u0671" <= ch <= "\u06d3"
