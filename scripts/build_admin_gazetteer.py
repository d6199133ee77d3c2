"""Build ``data/gazetteer/admin.tsv``: Syria's administrative units for the toll.

Reads the OCHA P-code list (``../shared/gazetteer/syria_admin/syria_admin_pcodes_ar_en.csv``:
level, pcode, English and Arabic names, parent) and keeps facts only: every governorate,
district and sub-district, and the communities (towns, villages) that ``places.tsv``
names, so a place the tagger finds can be put in its district. Governorates get the
English names reports use (the OCHA spelling becomes an alias)::

    python scripts/build_admin_gazetteer.py [ADMIN_CSV]
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hasila.apps.toll.admin import COLUMNS  # noqa: E402
from hasila.fileio import atomic_open  # noqa: E402
from hasila.text.arabic import fold  # noqa: E402
from hasila.text.gazetteer import Gazetteer  # noqa: E402

DEFAULT_CSV = ROOT.parent / "shared" / "gazetteer" / "syria_admin" / "syria_admin_pcodes_ar_en.csv"
OUT = ROOT / "data" / "gazetteer" / "admin.tsv"
#: English names of the governorates as reports write them (OCHA's become aliases).
COMMON_EN = {
    "SY01": "Damascus", "SY02": "Aleppo", "SY03": "Rif Dimashq", "SY04": "Homs", "SY05": "Hama",
    "SY06": "Latakia", "SY07": "Idlib", "SY08": "Al-Hasakah", "SY09": "Deir ez-Zor",
    "SY10": "Tartus", "SY11": "Raqqa", "SY12": "Daraa", "SY13": "As-Suwayda", "SY14": "Quneitra",
}
KEEP_KINDS = {"district", "city", "town", "village", "camp", "neighbourhood", "site"}


def read_admin_csv(source: Path) -> list[dict[str, str]]:
    """The rows of the OCHA P-code list, each cell's stray line breaks and spaces folded."""
    return [{k: " ".join((v or "").split()) for k, v in r.items()}
            for r in csv.DictReader(source.open(encoding="utf-8"))]


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT_CSV
    rows = read_admin_csv(source)
    gaz = Gazetteer.load(ROOT / "data" / "gazetteer" / "places.tsv")  # Syria only, not world.tsv
    gov_ar = {r["pcode"]: r["name_ar"] for r in rows if r["level"] == "1"}
    wanted: dict[str, set[str]] = {}  # folded name -> governorates ("" = any)
    for place in gaz.places:
        if place.kind in KEEP_KINDS:
            for form in place.forms():
                wanted.setdefault(fold(form), set()).add(place.governorate or "")
    kept = []
    for r in rows:
        level = int(r["level"])
        if level == 4:
            govs = wanted.get(fold(r["name_ar"]))
            if govs is None or not ("" in govs or gov_ar.get(r["adm1_pcode"]) in govs):
                continue
        aliases = []
        name_en = r["name_en"]
        if level == 1 and r["pcode"] in COMMON_EN:
            aliases.append(name_en)
            name_en = COMMON_EN[r["pcode"]]
        if level == 2 and r["name_ar"].startswith("مركز "):
            aliases.append(r["name_ar"].removeprefix("مركز "))  # "مركز إدلب": the centre district
        kept.append((r["pcode"], level, r["name_ar"], name_en, r["parent_pcode"], "|".join(aliases)))
    kept.sort(key=lambda k: (k[1], k[0]))
    with atomic_open(OUT) as fh:
        fh.write("# Syria's administrative units for hasila toll: governorates (1), districts (2),\n"
                 "# sub-districts (3) and the communities (4) that places.tsv names. Facts (names,\n"
                 "# OCHA P-codes, parents) from the OCHA COD-AB list; rebuilt by\n"
                 "# scripts/build_admin_gazetteer.py. Governorates: English names as reports write\n"
                 "# them, the OCHA spelling as an alias.\n")
        fh.write("\t".join(COLUMNS) + "\n")
        for row in kept:
            fh.write("\t".join(str(c) for c in row) + "\n")
    counts = {lvl: sum(1 for k in kept if k[1] == lvl) for lvl in (1, 2, 3, 4)}
    print(f"wrote {OUT}: {len(kept)} units {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
