"""Reference time inferred for undated documents, checked on real dated news (issue 11).

Usage::

    .venv/bin/python -m eval.time_anchor --data ../shared/data [--limit N] [--list FILE]

TempEval-3's no-DCT figure (``eval.tempeval3 --no-dct``) says how much value F1 is lost when
the publication date is withheld, but its wire stories rarely write their own date, so it
cannot tell whether the anchor the layer infers *when the text does date itself* is right.
This script takes real news whose publication date is known from metadata -- PolNeAR dev
(84 articles, 2016; ``metadata.tsv``) and the visible BASIL part (210 articles, 2010-2016;
the article JSON's ``date``) -- withholds the date, lets ``fp_time`` infer a reference time
from the text (and, for BASIL, the article's web address, which is where an undated web
article comes from; ``--no-url`` withholds it too), and reports:

* coverage: share of documents that get an inferred anchor;
* anchor error: share of anchored documents whose anchor lies within 0 / 3 / 31 days of the
  real publication date (day anchors; month anchors count as right at 31 days when the month
  matches), and with the right year;
* value agreement: of the DATE/TIME expressions tagged with the real date, the share that get
  the same span and value without it (what an undated copy of the article keeps).

The publication date is used only to score; the undated run never sees it.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class DatedDoc:
    """A real article and its publication date (metadata, never shown to the undated run)."""

    corpus: str
    doc_id: str
    text: str
    published: str
    url: str | None = None  # where the article came from (BASIL), given to the undated run as its source


def load_polnear(root: Path) -> list[DatedDoc]:
    """PolNeAR dev articles with their metadata dates."""
    meta = root / "metadata.tsv"
    if not meta.is_file():
        return []
    dates: dict[str, str] = {}
    with meta.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row.get("compartment") == "dev":
                dates[row["filename"]] = row["publication_date"]
    out = []
    for f in sorted((root / "dev" / "text").glob("*.txt")):
        key = next((k for k in dates if f.stem.startswith(k)), None)
        if key and dates[key][:4].isdigit():
            out.append(DatedDoc("PolNeAR dev", f.stem, f.read_text(encoding="utf-8"), dates[key][:10]))
    return out


def load_basil(root: Path) -> list[DatedDoc]:
    """BASIL (visible part) articles: title and body paragraphs, with their dates."""
    out = []
    for f in sorted((root / "articles").glob("*/*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        paras = [" ".join(p) if isinstance(p, list) else str(p) for p in d.get("body-paragraphs", [])]
        if not d.get("date") or not paras:
            continue
        text = (d.get("title") or "") + "\n\n" + "\n\n".join(paras)
        out.append(DatedDoc("BASIL", f.stem, text, str(d["date"])[:10], d.get("url") or None))
    return out


def _tag(nlp: Any, docs: list[DatedDoc], dated: bool, urls: bool = True) -> list[Any]:
    from fullpicture.models import DocumentInfo

    def prepared() -> Any:
        for d in docs:
            sd = nlp.make_doc(d.text)
            source = (d.url if urls else None) or d.doc_id
            sd._.fp_info = DocumentInfo(id=d.doc_id, source=source, published=d.published if dated else None)
            yield sd

    return [(sd._.fp_time_anchor, list(sd._.fp_timexes or [])) for sd in nlp.pipe(prepared(), batch_size=8)]


def score(
    docs: list[DatedDoc], nlp: Any, listing: list[str] | None = None, values: bool = True, urls: bool = True,
) -> dict[str, dict[str, float]]:
    """Per corpus and "all": coverage, anchor accuracy at 0/3/31 days, year, value agreement
    (``values=False``: skip the dated run and the value agreement; ``urls=False``: the
    undated run gets no web address either, only the text)."""
    without = _tag(nlp, docs, False, urls)
    with_date = _tag(nlp, docs, True) if values else [(None, [])] * len(docs)
    tallies: dict[str, dict[str, float]] = {}
    for d, (_, tx_dated), (anchor, tx_undated) in zip(docs, with_date, without, strict=True):
        for key in (d.corpus, "all"):
            t = tallies.setdefault(key, {k: 0.0 for k in ("docs", "anchored", "d0", "d3", "d31", "year", "values", "kept")})
            t["docs"] += 1
            pub = date.fromisoformat(d.published)
            if anchor is not None:
                t["anchored"] += 1
                v = anchor.value
                if len(v) == 10:
                    gap = abs((date.fromisoformat(v) - pub).days)
                    t["d0"] += gap == 0
                    t["d3"] += gap <= 3
                    t["d31"] += gap <= 31
                else:
                    t["d31"] += v == d.published[:7]
                t["year"] += v[:4] == d.published[:4]
            undated = {(x.start, x.end): x.value for x in tx_undated}
            for x in tx_dated:
                if x.type in ("DATE", "TIME") and x.value[:1].isdigit():
                    t["values"] += 1
                    t["kept"] += undated.get((x.start, x.end)) == x.value
        if listing is not None:
            listing.append(f"{d.corpus}\t{d.doc_id}\tpublished={d.published}\tinferred="
                           f"{anchor.value if anchor else '-'}\t{anchor.reason if anchor else ''}\t{anchor.evidence if anchor else ''}")
    out = {}
    for key, t in tallies.items():
        n, a = t["docs"], t["anchored"] or 1
        out[key] = {
            "docs": n, "coverage": 100 * t["anchored"] / n, "exact": 100 * t["d0"] / a,
            "within3": 100 * t["d3"] / a, "within31": 100 * t["d31"] / a, "year": 100 * t["year"] / a,
            "values": t["values"], "kept": 100 * t["kept"] / (t["values"] or 1),
        }
    return out


def table(scores: dict[str, dict[str, float]]) -> str:
    """Markdown table of the scores."""
    rows = ["| corpus | docs | anchored | exact day | ±3 days | ±31 days | right year | dated values | kept without date |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for k, s in scores.items():
        rows.append(f"| {k} | {int(s['docs'])} | {s['coverage']:.1f}% | {s['exact']:.1f}% | {s['within3']:.1f}% "
                    f"| {s['within31']:.1f}% | {s['year']:.1f}% | {int(s['values'])} | {s['kept']:.1f}% |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, default=None, help="first N documents of each corpus")
    ap.add_argument("--list", type=Path, default=None, help="write each document's inferred anchor here")
    ap.add_argument("--no-url", action="store_true", help="withhold the article's web address too (text only)")
    args = ap.parse_args(argv)
    docs_p, docs_b = load_polnear(args.data / "polnear"), load_basil(args.data / "basil")
    if args.limit:
        docs_p, docs_b = docs_p[: args.limit], docs_b[: args.limit]
    docs = docs_p + docs_b
    if not docs:
        print(f"error: no PolNeAR or BASIL data under {args.data}", file=sys.stderr)
        return 2
    from eval.tempeval3 import build_nlp

    t0 = time.perf_counter()
    listing: list[str] | None = [] if args.list else None
    scores = score(docs, build_nlp(), listing, urls=not args.no_url)
    if args.list and listing is not None:
        args.list.write_text("\n".join(listing) + "\n", encoding="utf-8")
    print(table(scores))
    print(f"\n{time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
