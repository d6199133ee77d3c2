"""How the rules and the linker hold up when a report is written the way another outlet writes.

Outlets differ in how they write the same words: Arabic-Indic digits (``٣٠``), a bare alef for
hamza (``اصيب``), ``ى`` for a final ``ي``, ``ه`` for a final ``ة``, diacritics (``قُتِل``), the
kashida (``قـتل``), other quotes and commas, Windows line ends. Each variant rewrites the gold
reports (spans moved with an offset map) and scores the rules end to end (strict entity F1,
record F1) and the linker on the gold spans (record F1); a system that reads the words, not
one outlet's spelling, loses nothing. Selection sets only by default::

    PYTHONPATH=$PWD python bench/robustness.py [--sets real_train team_dev] [--json FILE]

``--model DIR`` scores a trained model (its tags, then the linker) in place of the rules;
``--outlets`` keeps the reports of those outlets only (a grouped-CV fold model on the
outlets it never saw: ``--model models/cv7-skynews --sets real_train --outlets skynews``).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from linker_outlets import SETS  # the gold sets by name (bench/ is on the path)

from hasila.annotation.lsio import load_docs
from hasila.annotation.ontology import Ontology
from hasila.data.dataset import outlet
from hasila.evaluation.evaluate import (
    entity_scores,
    linker_on_gold_spans,
    model_system,
    record_scores,
    rules_system,
)
from hasila.schema import Doc

#: A rewrite: the new text and, for every old boundary 0..len, the new one (what a rewrite
#: inserts after a character lies before the next boundary, so it joins a span ending there).
Rewrite = Callable[[str], tuple[str, list[int]]]
#: A rewrite that reads the gold spans too (it rewrites counts only).
DocRewrite = Callable[[Doc], tuple[str, list[int]]]

_ARABIC = re.compile(r"[\u0621-\u064a]")
_DIACRITICS = "\u064e\u064f\u0650\u0652"  # fatha, damma, kasra, sukun


def _chars(table: dict[str, str]) -> Rewrite:
    """One character for another (same length)."""
    def run(text: str) -> tuple[str, list[int]]:
        return "".join(table.get(ch, ch) for ch in text), list(range(len(text) + 1))
    return run


def _word_final(old: str, new: str) -> Rewrite:
    """``old`` at the end of an Arabic word becomes ``new`` (same length)."""
    pat = re.compile(f"(?<=[\u0621-\u064a]){old}(?![\u0621-\u064a])")

    def run(text: str) -> tuple[str, list[int]]:
        return pat.sub(new, text), list(range(len(text) + 1))
    return run


def _insert_after(pick: Callable[[str, int, random.Random], str]) -> Rewrite:
    """Insert ``pick(text, i, rng)`` after character ``i`` (empty: nothing), with the offset map."""
    def run(text: str) -> tuple[str, list[int]]:
        rng = random.Random(13)
        out: list[str] = []
        offsets: list[int] = []
        n = 0
        for i, ch in enumerate(text):
            offsets.append(n)
            extra = pick(text, i, rng)
            out.append(ch + extra)
            n += 1 + len(extra)
        offsets.append(n)
        return "".join(out), offsets
    return run


def _diacritic(text: str, i: int, rng: random.Random) -> str:
    """A short vowel after a fifth of the Arabic letters (never a word's last letter)."""
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if _ARABIC.match(text[i]) and _ARABIC.match(nxt) and rng.random() < 0.2:
        return rng.choice(_DIACRITICS)
    return ""


def _kashida(text: str, i: int, rng: random.Random) -> str:
    """A kashida inside a tenth of the words, between two joining letters."""
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if _ARABIC.match(text[i]) and text[i] not in "اأإآدذرزوؤءة" and _ARABIC.match(nxt) \
            and (i == 0 or not _ARABIC.match(text[i - 1])) and rng.random() < 0.1:
        return "\u0640"
    return ""


def _crlf(text: str) -> tuple[str, list[int]]:
    return _replace_spans(text, [(m.start(), m.end(), "\r\n") for m in re.finditer("\n", text)])


def _double_space(text: str, i: int, rng: random.Random) -> str:
    """A second space after a fifth of the spaces."""
    return " " if text[i] == " " and rng.random() < 0.2 else ""


def _rlm(text: str, i: int, rng: random.Random) -> str:
    """A right-to-left mark after every comma and full stop, as pasted web text carries."""
    return "\u200f" if text[i] in "،,." else ""


def _zwnj(text: str, i: int, rng: random.Random) -> str:
    """A zero-width non-joiner inside a tenth of the words."""
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return "\u200c" if _ARABIC.match(text[i]) and _ARABIC.match(nxt) and rng.random() < 0.02 else ""


def _thousands(mark: str) -> Callable[[str, int, random.Random], str]:
    """``mark`` between the thousands of numbers of four digits or more (``1206`` -> ``1٬206``,
    ``1 206``), not in years."""
    return lambda text, i, rng: mark if _ends_thousand(text, i) else ""


def _ends_thousand(text: str, i: int) -> bool:
    """Is digit ``i`` the last of a thousands group (not the number's last) of a number of four
    digits or more without separators, not a year?"""
    if not text[i].isdigit() or (i + 1 < len(text) and not text[i + 1].isdigit()):
        return ""
    a = i
    while a > 0 and text[a - 1].isdigit():
        a -= 1
    b = i + 1
    while b < len(text) and text[b].isdigit():
        b += 1
    if b - a < 4 or (a > 0 and text[a - 1] in ",.٫٬") or (b < len(text) and text[b] in ",.٫٬"):
        return False
    if b - a == 4 and 1900 <= int(text[a:b]) <= 2099:
        return False  # a year is never written so
    left = b - i - 1
    return left % 3 == 0 and left > 0


#: 3-10 as the masculine number word a plural noun takes (ثلاثة أشخاص)
_WORDS = {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة"}


_UNITS = {1: "واحد", 2: "اثنين"} | _WORDS
_TENS = {2: "عشرين", 3: "ثلاثين", 4: "أربعين", 5: "خمسين", 6: "ستين", 7: "سبعين", 8: "ثمانين", 9: "تسعين"}
_HUNDREDS = {1: "مئة", 2: "مئتين", 3: "ثلاثمئة", 4: "أربعمئة", 5: "خمسمئة", 6: "ستمئة", 7: "سبعمئة",
             8: "ثمانمئة", 9: "تسعمئة"}


def spelled(n: int) -> str:
    """1-999 in words, masculine, as the object of a verbal noun (``مقتل خمسة وعشرين مدنيا``)."""
    hundreds, rest = divmod(n, 100)
    if hundreds:
        return _HUNDREDS[hundreds] + (" و" + spelled(rest) if rest else "")
    if rest <= 10:
        return _UNITS[rest]
    if rest < 20:
        return {11: "أحد عشر", 12: "اثني عشر"}.get(rest) or f"{_UNITS[rest - 10]} عشر"
    tens, unit = divmod(rest, 10)
    return f"{_UNITS[unit]} و{_TENS[tens]}" if unit else _TENS[tens]


def _replace_spans(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, list[int]]:
    """``text`` with each ``[start, end)`` replaced; a replaced stretch's edges map onto its replacement's."""
    out: list[str] = []
    at: list[int] = []
    pos = n = 0
    for start, end, new in sorted(edits):
        out.append(text[pos:start])
        at += range(n, n + start - pos)
        n += start - pos
        at += [n] * (end - start)
        out.append(new)
        n += len(new)
        pos = end
    out.append(text[pos:])
    at += range(n, n + len(text) - pos + 1)
    return "".join(out), at


def _counts_as(to_words: bool) -> DocRewrite:
    """Gold COUNTs of 3 to 10 written in digits become words (``to_words``), or the reverse."""
    by_word = {w: v for v, w in _WORDS.items()}

    def run(doc: Doc) -> tuple[str, list[int]]:
        edits = []
        for s in doc.spans:
            if s.label != "COUNT":
                continue
            if to_words and s.text.isascii() and s.text.isdigit() and int(s.text) in _WORDS:
                edits.append((s.start, s.end, _WORDS[int(s.text)]))
            elif not to_words and s.text in by_word:
                edits.append((s.start, s.end, str(by_word[s.text])))
        return _replace_spans(doc.text, edits)
    return run


def _counts_spelled(doc: Doc) -> tuple[str, list[int]]:
    """Gold COUNTs of 11 to 999 written in digits become words (``25`` -> ``خمسة وعشرين``), as
    the press of some countries writes every number."""
    text = doc.text
    edits, pads = [], []
    for s in doc.spans:
        if s.label == "COUNT" and s.text.isascii() and s.text.isdigit() and 11 <= int(s.text) <= 999:
            before = s.start > 0 and text[s.start - 1].isalpha()  # وقتل25: a space between words
            after = s.end < len(text) and text[s.end].isalpha()
            edits.append((s.start, s.end, " " * before + spelled(int(s.text)) + " " * after))
            pads.append((s.start, s.end, before, after))
    new, at = _replace_spans(text, edits)
    for start, end, before, after in pads:  # the span is the words, not the spaces around them
        at[start] += before
        at[end] -= after
    return new, at


def _counts_in_brackets(doc: Doc) -> tuple[str, list[int]]:
    """Counts in digits written in brackets (``مقتل (16) عنصرا``), as some outlets do."""
    edits = [(s.start, s.end, f"({s.text})") for s in doc.spans
             if s.label == "COUNT" and s.text.isascii() and s.text.isdigit()]
    text, at = _replace_spans(doc.text, edits)
    for start, end, _ in edits:  # the span is the number, inside the brackets
        at[start] += 1
        at[end] -= 1
    return text, at


def _text_only(fn: Rewrite) -> DocRewrite:
    return lambda doc: fn(doc.text)


def _glued_numbers(text: str) -> tuple[str, list[int]]:
    """No space between a number in digits and the word after it (``16عنصرا``), as some
    scraped pages lose it."""
    return _replace_spans(text, [(m.start(), m.end(), "") for m in re.finditer(r"(?<=\d) (?=[\u0621-\u064a])", text)])


def _hard_wrapped(text: str) -> tuple[str, list[int]]:
    """Lines broken at the last space before 70 characters, as text pasted from a PDF or an
    e-mail comes (same length: a space becomes a line break)."""
    chars = list(text)
    line_start = last_space = 0
    for i, ch in enumerate(chars):
        if ch == "\n":
            line_start, last_space = i + 1, i + 1
        elif ch == " ":
            last_space = i
        if i - line_start >= 70 and last_space > line_start:
            chars[last_space] = "\n"
            line_start = last_space + 1
    return "".join(chars), list(range(len(text) + 1))


#: each Arabic letter as its isolated presentation form (what some PDF text extraction gives)
_ISOLATED = {unicodedata.normalize("NFKC", chr(cp)): chr(cp) for cp in range(0xFE80, 0xFEFD)
             if unicodedata.name(chr(cp), "").endswith("ISOLATED FORM") and len(unicodedata.normalize("NFKC", chr(cp))) == 1}


VARIANTS: dict[str, Rewrite] = {
    "as written": lambda t: (t, list(range(len(t) + 1))),
    "Arabic-Indic digits": _chars({str(d): chr(0x0660 + d) for d in range(10)}),
    "Persian digits": _chars({str(d): chr(0x06F0 + d) for d in range(10)}),
    "bare alef (أ إ آ -> ا)": _chars({"أ": "ا", "إ": "ا", "آ": "ا"}),
    "final ي -> ى": _word_final("ي", "ى"),
    "final ة -> ه": _word_final("ة", "ه"),
    "Persian ya and kaf (ی ک)": _chars({"ي": "ی", "ك": "ک"}),
    "presentation forms (from a PDF)": _chars(_ISOLATED),
    "diacritics": _insert_after(_diacritic),
    "kashida": _insert_after(_kashida),
    "Latin comma and quotes": _chars({"،": ",", "«": '"', "»": '"', "؛": ";"}),
    "no-break spaces": _chars({" ": "\u00a0"}),
    "CRLF line ends": _crlf,
    "double spaces": _insert_after(_double_space),
    "right-to-left marks": _insert_after(_rlm),
    "zero-width non-joiners": _insert_after(_zwnj),
    "Arabic thousands separator": _insert_after(_thousands("\u066c")),
    "thousands grouped by a space": _insert_after(_thousands(" ")),
    "thousands grouped by a narrow space": _insert_after(_thousands("\u202f")),
    "paragraphs run together": _chars({"\n": " "}),
    "no full stop before a line break": lambda t: (re.sub(r"\.(?=\n)", " ", t), list(range(len(t) + 1))),
    "no space after a number": _glued_numbers,
    "hard-wrapped lines": _hard_wrapped,
}


#: Every variant, as a rewrite of a gold report.
DOC_VARIANTS: dict[str, DocRewrite] = {name: _text_only(fn) for name, fn in VARIANTS.items()} | {
    "counts 3-10 in words": _counts_as(to_words=True),
    "counts 3-10 in digits": _counts_as(to_words=False),
    "counts 11-999 in words": _counts_spelled,
    "counts in brackets": _counts_in_brackets,
}


def rewrite(doc: Doc, fn: DocRewrite) -> Doc:
    """``doc`` with its text rewritten and every span moved onto the new text."""
    text, at = fn(doc)
    spans = [replace(s, start=at[s.start], end=at[s.end], text=text[at[s.start]:at[s.end]]) for s in doc.spans]
    return replace(doc, text=text, spans=spans)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="+", default=["real_train", "team_dev"], choices=SETS)
    ap.add_argument("--variants", nargs="+", default=list(DOC_VARIANTS), choices=DOC_VARIANTS)
    ap.add_argument("--model", help="a model folder: score its tags instead of the rules'")
    ap.add_argument("--outlets", nargs="+", help="only the reports of these outlets")
    ap.add_argument("--json", "--out", dest="json", help="write the figures to this file (``make bench``'s format)")
    args = ap.parse_args()
    onto = Ontology.load()
    rules = model_system(args.model)[0] if args.model else rules_system(onto)
    gold_spans = linker_on_gold_spans(onto)
    rows = []
    who = "model" if args.model else "rules"
    print(f"{'set':<12}{'variant':<34}{who + ' entity F1':>16}{who + ' record F1':>17}{'gold-span record F1':>21}")
    for name in args.sets:
        base = [d for d in load_docs(SETS[name]) if not args.outlets or outlet(d) in args.outlets]
        for variant in args.variants:
            docs = [rewrite(d, DOC_VARIANTS[variant]) for d in base]
            outs = rules(docs)
            ent = 100 * entity_scores(docs, outs)["seqeval"]["micro"]["f1"]
            rec = 100 * record_scores(docs, outs)[0]["overall"]["f1"]
            gold = 100 * record_scores(docs, gold_spans(docs))[0]["overall"]["f1"]
            rows.append({"set": name, "variant": variant, "system": args.model or "rules", "entity_f1": ent,
                         "record_f1": rec, "gold_span_record_f1": gold})
            print(f"{name:<12}{variant:<34}{ent:>16.1f}{rec:>17.1f}{gold:>21.1f}", flush=True)
    if args.json:
        columns = ["set", "variant", f"{who} entity F1", f"{who} record F1", "gold-span record F1"]
        table = [[r["set"], r["variant"], round(r["entity_f1"], 1), round(r["record_f1"], 1),
                  round(r["gold_span_record_f1"], 1)] for r in rows]
        title = f"Reports rewritten as other outlets write them ({args.model or 'rules'})"
        Path(args.json).write_text(json.dumps({"bench": "robustness", "rows": rows, "tables": [
            {"title": title, "columns": columns, "rows": table}]}, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
