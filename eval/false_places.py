"""False places on PolNeAR dev: resolved places that a careful reader would not accept.

PolNeAR is political news (2016 US campaign) with few places, so invented places stand out.
Two modes::

    # draw a fixed random sample of resolved place mentions, to be judged by hand
    .venv/bin/python -m eval.false_places --data ../shared/data/polnear --sample 200 --out FILE
    # score the system against the judged sample (eval/gold/polnear_dev_places.tsv)
    .venv/bin/python -m eval.false_places --data ../shared/data/polnear

The gold file has one judged mention per line: ``doc, start, end, text, resolved name,
resolved country, lat, lon, verdict, accepted lat, accepted lon, note``. ``verdict`` is
``ok`` (the resolved place is the one meant, or within 1,000 km of it), ``wrong`` (a place is
meant, but it lies more than 1,000 km away: the accepted point is given) or ``notplace``
(no place is meant: a person, an organisation, a common word). A mention counts as a
**false place** when the system resolves it to a point more than 1,000 km from the accepted
reading, or when no place is meant. Mentions the system no longer resolves are counted
apart; mentions it resolves now but that are not in the sample are reported as unjudged.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "eval" / "gold" / "polnear_dev_places.tsv"
FIELDS = ["doc", "start", "end", "text", "name", "cc", "lat", "lon", "verdict", "acc_lat", "acc_lon", "note"]
MAX_KM = 1000.0


def resolved_mentions(data: Path) -> list[dict[str, Any]]:
    """Every place mention (entity with coordinates) the layer outputs on the dev texts."""
    from eval.geowebnews import build_nlp

    nlp = build_nlp()
    files = sorted((data / "dev" / "text").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    out: list[dict[str, Any]] = []
    for f, text, doc in zip(files, texts, nlp.pipe(texts, batch_size=8), strict=True):
        for ent in doc._.fp_entities:
            if ent.geo is None:
                continue
            for m in ent.mentions:
                ctx = " ".join(text[max(0, m.start - 70) : m.end + 50].split())
                out.append({
                    "doc": f.stem, "start": m.start, "end": m.end, "text": m.text, "name": ent.name,
                    "cc": ent.geo.country or "", "lat": ent.geo.lat, "lon": ent.geo.lon, "context": ctx,
                })
    return out


def score(found: list[dict[str, Any]], gold: list[dict[str, str]]) -> dict[str, Any]:
    """False-place rate of the system on the judged mentions."""
    from fullpicture.nlp.places._resolve import haversine_km

    by_key = {(m["doc"], int(m["start"]), int(m["end"])): m for m in found}
    judged = false = gone = 0
    errors: list[str] = []
    for g in gold:
        m = by_key.get((g["doc"], int(g["start"]), int(g["end"])))
        if m is None:
            gone += 1
            continue
        judged += 1
        bad = g["verdict"] == "notplace"
        if g["verdict"] in ("ok", "wrong"):
            lat = float(g["acc_lat"] or g["lat"])
            lon = float(g["acc_lon"] or g["lon"])
            bad = haversine_km(m["lat"], m["lon"], lat, lon) > MAX_KM
        false += bad
        if bad:
            errors.append(f"{g['doc']}:{g['start']} {g['text']!r} -> {m['name']} ({m['cc']}); judged {g['verdict']}: {g['note']}")
    keys = {(g["doc"], int(g["start"]), int(g["end"])) for g in gold}
    return {
        "gold": len(gold), "judged": judged, "false": false, "gone": gone,
        "rate": false / judged if judged else float("nan"), "errors": errors,
        "resolved": len(found), "unjudged": sum((m["doc"], m["start"], m["end"]) not in keys for m in found),
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--sample", type=int, default=0, help="draw this many mentions to judge")
    ap.add_argument("--seed", type=int, default=11, help="random seed of the sample (11: first sample)")
    ap.add_argument("--exclude", type=Path, action="append", default=[],
                    help="a judged gold file whose mentions the new sample leaves out (repeatable)")
    ap.add_argument("--out", type=Path, default=None, help="where to write the sample")
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--list", action="store_true", help="also list the false places")
    args = ap.parse_args(argv)
    if not (args.data / "dev" / "text").is_dir():
        print(f"error: no PolNeAR dev texts under {args.data}", file=sys.stderr)
        return 2
    found = resolved_mentions(args.data)
    if args.sample:
        seen: set[tuple[str, int, int]] = set()
        for ex in args.exclude:
            with ex.open(encoding="utf-8", newline="") as fh:
                seen |= {(g["doc"], int(g["start"]), int(g["end"]))
                         for g in csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")}
        pool = [m for m in found if (m["doc"], m["start"], m["end"]) not in seen]
        rows = random.Random(args.seed).sample(pool, min(args.sample, len(pool)))
        rows.sort(key=lambda m: (m["doc"], m["start"]))
        out = args.out or Path("polnear_dev_places_sample.tsv")
        with out.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter="\t")
            w.writerow([*FIELDS, "context"])
            for m in rows:
                w.writerow([m["doc"], m["start"], m["end"], m["text"], m["name"], m["cc"], m["lat"], m["lon"], "", "", "", "", m["context"]])
        print(f"{len(rows)} of {len(found)} resolved mentions -> {out}")
        return 0
    with args.gold.open(encoding="utf-8", newline="") as fh:
        gold = list(csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"))
    r = score(found, gold)
    print("False places, PolNeAR dev (84 texts), judged sample\n")
    print("| metric | value |\n|---|---|")
    print(f"| resolved place mentions (all dev texts) | {r['resolved']} |")
    print(f"| judged sample / still resolved | {r['gold']} / {r['judged']} |")
    print(f"| false places (> {MAX_KM:,.0f} km from the accepted reading, or no place meant) | {r['false']} |")
    print(f"| **false-place rate** | **{100 * r['rate']:.1f} %** |")
    print(f"| resolved now but not in the sample (unjudged) | {r['unjudged']} |")
    if args.list:
        print("\n" + "\n".join(r["errors"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
