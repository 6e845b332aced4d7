"""BASIL triplets as sides: incidents aligned across outlets, per triplet and pooled.

BASIL tells each news story three times (Fox News, New York Times, HuffPost). Every article is
analysed by the shipped pipeline (title and date from the article's metadata), then:

* **per triplet**: the three articles are compared as three sides (one outlet each); we count the
  incidents aligned across at least two outlets (mean over triplets);
* **pooled**: all visible triplets are compared at once, sides = outlets; an incident aligned
  across at least two outlets is *pure* when all its mentions come from one triplet (one story).
  Purity is the share of pure incidents among those aligned across outlets; an impure one is a
  cross-story false alignment.

Nothing here is fitted to BASIL.

    .venv/bin/python -m eval.basil_align --data ../shared/data/basil [--triplets N] [--no-embeddings]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "basil"
CACHE = ROOT / ".cache" / "basil_align"


def load_articles(data: Path, triplets: int | None = None) -> list[dict[str, Any]]:
    """Articles (name, triplet, outlet, title, date, text) in triplet order."""
    groups: dict[str, list[Path]] = defaultdict(list)
    for f in sorted((data / "articles").glob("*/*.json")):
        groups[f.stem.rsplit("_", 1)[0]].append(f)
    keys = sorted(groups, key=lambda k: (groups[k][0].parent.name, k))[:triplets]
    out = []
    for key in keys:
        for f in sorted(groups[key]):
            art = json.loads(f.read_text(encoding="utf-8"))
            paras = [" ".join(p) for p in art.get("body-paragraphs", [])]
            out.append({"name": f.stem, "triplet": key, "outlet": str(art.get("source", "")).lower(),
                        "title": art.get("title"), "date": art.get("date"), "text": "\n\n".join(paras)})
    return out


def analyse(arts: list[dict[str, Any]], cache: Path | None) -> dict[str, Any]:
    """Analyses by article name (cached as JSON, in a folder keyed by the code's digest)."""
    from eval._cache import keyed
    from fullpicture import analyze_documents
    from fullpicture.ingest import load_text
    from fullpicture.models import Analysis

    cache = keyed(cache)
    out: dict[str, Any] = {}
    todo = []
    for a in arts:
        f = cache / f"{a['name']}.json" if cache else None
        if f is not None and f.exists():
            out[a["name"]] = Analysis.model_validate(json.loads(f.read_text(encoding="utf-8")))
        else:
            todo.append(a)
    docs = [load_text(a["text"], source=a["name"], published=a["date"], title=a["title"]) for a in todo]
    for a, an in zip(todo, analyze_documents(docs), strict=True):
        out[a["name"]] = an
        if cache is not None:
            cache.mkdir(parents=True, exist_ok=True)
            (cache / f"{a['name']}.json").write_text(json.dumps(an.to_json_dict()), encoding="utf-8")
    return out


def _compare(arts: list[dict[str, Any]], analyses: dict[str, Any], settings: Any) -> Any:
    from fullpicture.align import compare
    from fullpicture.models.comparison import Side

    by_outlet: dict[str, list[str]] = defaultdict(list)
    for a in arts:
        by_outlet[a["outlet"]].append(analyses[a["name"]].document.id)
    sides = [Side(label=o, origin="user", documents=d) for o, d in sorted(by_outlet.items())]
    return compare([analyses[a["name"]] for a in arts], sides, settings=settings)


def run(data: Path, triplets: int | None, embeddings: bool, cache: Path | None) -> dict[str, Any]:
    """Per-triplet and pooled figures."""
    from fullpicture.settings import Settings, load_settings

    base = load_settings()
    settings = Settings(data={**base.data, "align": {**base.section("align"), "embeddings": embeddings}})
    arts = load_articles(data, triplets)
    analyses = analyse(arts, cache)
    triplet_of = {analyses[a["name"]].document.id: a["triplet"] for a in arts}
    by_triplet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a in arts:
        by_triplet[a["triplet"]].append(a)
    per = []
    for arts_t in by_triplet.values():
        comp = _compare(arts_t, analyses, settings)
        per.append(sum(1 for e in comp.events if len(e.sides) >= 2))
    t0 = time.time()
    pooled = _compare(arts, analyses, settings)
    cross = [e for e in pooled.events if len(e.sides) >= 2]
    pure = [e for e in cross if len({triplet_of[m.document] for m in e.mentions}) == 1]
    pooled_per: dict[str, int] = defaultdict(int)
    for e in pure:
        pooled_per[triplet_of[e.mentions[0].document]] += 1
    return {
        "triplets": len(by_triplet), "articles": len(arts),
        "per_triplet_mean": sum(per) / len(per) if per else 0.0,
        "per_triplet_min": min(per) if per else 0, "per_triplet_zero": sum(1 for x in per if x == 0),
        "pooled_cross": len(cross), "pooled_pure": len(pure),
        "purity": len(pure) / len(cross) if cross else 0.0,
        "pooled_per_triplet_mean": sum(pooled_per.values()) / len(by_triplet) if by_triplet else 0.0,
        "pooled_incidents": len(pooled.events), "pooled_seconds": time.time() - t0,
    }


def main(argv: list[str] | None = None) -> int:
    """CLI entry point: prints a Markdown table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--triplets", type=int, default=None, help="first N triplets (default: all visible)")
    ap.add_argument("--no-embeddings", action="store_true")
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--no-cache", action="store_true")
    args = ap.parse_args(argv)
    if not (args.data / "articles").is_dir():
        print(f"no BASIL data at {args.data}", file=sys.stderr)
        return 2
    t0 = time.time()
    r = run(args.data, args.triplets, not args.no_embeddings, None if args.no_cache else args.cache)
    print(f"{r['triplets']} triplets, {r['articles']} articles\n")
    print("| setting | figure | value |")
    print("|---|---|---:|")
    print(f"| per triplet (3 sides) | incidents aligned across >= 2 outlets, mean | {r['per_triplet_mean']:.2f} |")
    print(f"| per triplet | triplets with none | {r['per_triplet_zero']} |")
    print(f"| pooled (all triplets, sides = outlets) | incidents aligned across >= 2 outlets | {r['pooled_cross']} |")
    print(f"| pooled | of which all mentions from one triplet (purity) | {r['pooled_pure']} ({100 * r['purity']:.1f}%) |")
    print(f"| pooled | pure cross-outlet incidents per triplet, mean | {r['pooled_per_triplet_mean']:.2f} |")
    print(f"| pooled | incidents (rows) | {r['pooled_incidents']} |")
    print(f"\n({time.time() - t0:.0f} s; pooled comparison {r['pooled_seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
