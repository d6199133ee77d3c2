"""Add OCHA communities whose names cannot be common words to ``data/gazetteer/places.tsv``.

Reads the OCHA P-code list (``../shared/gazetteer/syria_admin/syria_admin_pcodes_ar_en.csv``) and
keeps facts only (the Arabic and English name, the governorate) of the communities and
sub-districts that ``places.tsv`` does not name yet, whose name has two words or more and
starts with a word that names a village, a hill or a spring (``تل حمكي``, ``عين الكروم``, ``كفر
بتنا``, ``أم جلال``). One-word names are left out: many are common words (``الكوم``, ``المنية``),
and so are other first words (``أبو بكر``, ``الشيخ عبد الرحمن`` are people). Measured with the
rules on the real train reports (``bench/rules_baseline.py``): every community +18 true and
+668 false places; every name of two words +6 and +11; these +6 and none. The block is
written between two marker lines and replaced on each run; rebuild ``admin.tsv`` after it::

    python scripts/add_communities.py [ADMIN_CSV]
    python scripts/build_admin_gazetteer.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from build_admin_gazetteer import DEFAULT_CSV, read_admin_csv  # noqa: E402

from hasila.fileio import atomic_open  # noqa: E402
from hasila.text.arabic import fold  # noqa: E402

PLACES = ROOT / "data" / "gazetteer" / "places.tsv"
BEGIN = "# --- OCHA communities named by a village word (scripts/add_communities.py) ---"
END = "# --- end of OCHA communities ---"
#: First words of a community's name that name a village, a hill, a spring, a farm or a well.
VILLAGE_WORDS = frozenset(["تل", "تلة", "عين", "أم", "ام", "كفر", "بيت", "دير", "معرة", "معارة", "خربة", "مزرعة", "حوش", "جب", "بئر", "بير", "رأس", "راس"])
#: Names that are better known as something else (a university in Mecca).
NOT_PLACES = frozenset(fold(n) for n in ("أم القرى",))


def communities(rows: list[dict[str, str]], known: set[str]) -> list[str]:
    """TSV lines (``name_ar, village, governorate, name_en,``) of the communities to add."""
    governorate = {r["pcode"]: r["name_ar"] for r in rows if r["level"] == "1"}
    out = []
    for r in rows:
        name = r["name_ar"]
        words = name.split()
        if r["level"] not in ("3", "4") or len(words) < 2 or words[0] not in VILLAGE_WORDS \
                or fold(name) in NOT_PLACES or any(c in name for c in "()-–_/") or fold(name) in known:
            continue
        known.add(fold(name))
        out.append("\t".join([name, "village", governorate.get(r["adm1_pcode"], ""), r["name_en"], ""]))
    return out


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT_CSV
    if not source.exists():
        print(f"{source}: not found (the OCHA P-code list lives in ../shared/gazetteer/); nothing changed",
              file=sys.stderr)
        return 1
    rows = read_admin_csv(source)
    lines = PLACES.read_text(encoding="utf-8").splitlines()
    if BEGIN in lines:
        lines = lines[:lines.index(BEGIN)] + lines[lines.index(END) + 1:]
    known: set[str] = set()
    for line in lines:
        if line and not line.startswith("#"):
            cols = line.split("\t")
            known |= {fold(cols[0]), *(fold(a) for a in cols[4].split("|") if a)}
    added = communities(rows, known)
    with atomic_open(PLACES) as fh:
        fh.write("\n".join([*lines, BEGIN, *added, END]) + "\n")
    print(f"wrote {PLACES}: {len(added)} communities added")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
