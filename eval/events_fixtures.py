"""Events, figures and claims against the hand-annotated fixture articles.

Gold: ``tests/fixtures/articles/gold/events/<name>.json``. Each article is analysed with the
full pipeline (publication date from its ``.meta.json``). Mentions match one-to-one on
character overlap (events by trigger, figures by span, claims by cue); typed scores also need
the same type (events), value (figures) or kind (claims). ``author``/``editor`` claims are
not in the gold and are left out of the claim scores.

    .venv/bin/python -m eval.events_fixtures [--articles tests/fixtures/articles] [--speed]

``--speed`` also times the pipeline on the articles (x3, best of 3) with and without
fp_claims/fp_figures/fp_events and reports their cost relative to bare spaCy.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "articles"


def _ov(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _pairs(pred: list[Any], gold: list[dict], pspan: Callable[[Any], tuple[int, int]], gspan: Callable[[dict], tuple[int, int]]) -> list[tuple[Any, dict]]:
    used: set[int] = set()
    out = []
    for p in pred:
        for k, g in enumerate(gold):
            if k not in used and _ov(pspan(p), gspan(g)):
                used.add(k)
                out.append((p, g))
                break
    return out


def _prf(hits: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = hits / npred if npred else 0.0
    r = hits / ngold if ngold else 0.0
    return 100 * p, 100 * r, (200 * p * r / (p + r) if p + r else 0.0)


def evaluate(articles: Path) -> dict[str, Any]:
    """Counts for events, figures and claims over all gold-annotated articles."""
    from fullpicture import analyze_document, load_settings
    from fullpicture.ingest import load_text

    settings = load_settings()
    c: dict[str, int] = {}

    def add(key: str, n: int = 1) -> None:
        c[key] = c.get(key, 0) + n

    for gpath in sorted((articles / "gold" / "events").glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        name = gpath.stem
        meta = json.loads((articles / f"{name}.meta.json").read_text(encoding="utf-8"))
        text = (articles / f"{name}.txt").read_text(encoding="utf-8")
        a = analyze_document(load_text(text, source=str(articles / f"{name}.txt"), published=meta.get("published")), settings)
        add("docs")
        # events
        ge = gold["events"]
        pairs = _pairs(a.events, ge, lambda e: (e.trigger.start, e.trigger.end), lambda g: (g["trigger"]["start"], g["trigger"]["end"]))
        add("ev_pred", len(a.events))
        add("ev_gold", len(ge))
        add("ev_hit", len(pairs))
        add("ev_typed", sum(p.type == g["type"] for p, g in pairs))
        add("ev_mod", sum(p.modality == g["modality"] for p, g in pairs))
        # figures
        gf = gold["figures"]
        pairs_f = _pairs(a.figures, gf, lambda f: (f.start, f.end), lambda g: (g["start"], g["end"]))
        add("fi_pred", len(a.figures))
        add("fi_gold", len(gf))
        add("fi_hit", len(pairs_f))
        add("fi_value", sum(p.value == g["value"] for p, g in pairs_f))
        add("fi_bounds", sum(p.value == g["value"] and p.low == g["low"] and p.high == g["high"] for p, g in pairs_f))
        add("fi_vague", sum(p.vague == g["vague"] for p, g in pairs_f))
        with_counts = [(p, g) for p, g in pairs_f if g["counts"]]
        add("fi_counts_n", len(with_counts))
        add("fi_counts", sum(p.counts == g["counts"] for p, g in with_counts))
        # claims (attributed kinds only)
        pc = [x for x in a.claims if x.kind not in ("author", "editor") and x.cue is not None]
        gc = gold["claims"]
        pairs_c = _pairs(pc, gc, lambda x: (x.cue.start, x.cue.end), lambda g: (g["cue"]["start"], g["cue"]["end"]))
        add("cl_pred", len(pc))
        add("cl_gold", len(gc))
        add("cl_hit", len(pairs_c))
        add("cl_kind", sum(p.kind == g["kind"] for p, g in pairs_c))
        src = [(p, g) for p, g in pairs_c if g["source"]]
        add("cl_src_n", len(src))
        add("cl_src", sum(bool(p.source and p.source.start is not None and _ov((p.source.start, p.source.end or 0), (g["source"]["start"], g["source"]["end"]))) for p, g in src))
    res: dict[str, Any] = {"docs": c.get("docs", 0), "counts": c}
    res["events"] = _prf(c["ev_hit"], c["ev_pred"], c["ev_gold"])
    res["events_typed"] = _prf(c["ev_typed"], c["ev_pred"], c["ev_gold"])
    res["figures"] = _prf(c["fi_hit"], c["fi_pred"], c["fi_gold"])
    res["figures_value"] = _prf(c["fi_value"], c["fi_pred"], c["fi_gold"])
    res["claims"] = _prf(c["cl_hit"], c["cl_pred"], c["cl_gold"])
    res["claims_kind"] = _prf(c["cl_kind"], c["cl_pred"], c["cl_gold"])
    res["acc"] = {
        "event type | matched": 100 * c["ev_typed"] / max(1, c["ev_hit"]),
        "event modality | matched": 100 * c["ev_mod"] / max(1, c["ev_hit"]),
        "figure value | matched": 100 * c["fi_value"] / max(1, c["fi_hit"]),
        "figure value+bounds | matched": 100 * c["fi_bounds"] / max(1, c["fi_hit"]),
        "figure vague flag | matched": 100 * c["fi_vague"] / max(1, c["fi_hit"]),
        "figure counts | matched, gold has counts": 100 * c["fi_counts"] / max(1, c["fi_counts_n"]),
        "claim kind | matched": 100 * c["cl_kind"] / max(1, c["cl_hit"]),
        "claim source overlaps | matched, gold has source": 100 * c["cl_src"] / max(1, c["cl_src_n"]),
    }
    return res


def table(res: dict[str, Any]) -> str:
    """Markdown tables: detection P/R/F1, then accuracies on matched mentions."""
    rows = [
        ("events (trigger overlap)", "events"), ("events + same type", "events_typed"),
        ("figures (span overlap)", "figures"), ("figures + same value", "figures_value"),
        ("claims, attributed (cue overlap)", "claims"), ("claims + same kind", "claims_kind"),
    ]
    out = [f"{res['docs']} articles", "", "| layer | P | R | F1 |", "|---|---:|---:|---:|"]
    for label, key in rows:
        p, r, f = res[key]
        out.append(f"| {label} | {p:.1f} | {r:.1f} | {f:.1f} |")
    out += ["", "| accuracy on matched mentions | % |", "|---|---:|"]
    out += [f"| {k} | {v:.1f} |" for k, v in res["acc"].items()]
    return "\n".join(out)


def speed(articles: Path, repeat: int = 3) -> dict[str, float]:
    """Seconds for bare spaCy, the pipeline without this layer, and the full pipeline."""
    import time

    from fullpicture import load_settings
    from fullpicture.nlp.pipeline import get_pipeline

    nlp = get_pipeline(load_settings())
    texts = [p.read_text(encoding="utf-8") for p in sorted(articles.glob("*.txt"))] * repeat
    ours = ["fp_claims", "fp_figures", "fp_events"]
    fp = [n for n in nlp.pipe_names if n.startswith("fp_")]

    def run(disable: list[str]) -> float:
        with nlp.select_pipes(disable=disable):
            t0 = time.perf_counter()
            for _ in nlp.pipe(texts):
                pass
            return time.perf_counter() - t0

    run(fp)
    out = {label: min(run(dis) for _ in range(3)) for label, dis in (("bare spaCy", fp), ("without claims/figures/events", ours), ("full pipeline", []))}
    out["claims+figures+events / bare"] = (out["full pipeline"] - out["without claims/figures/events"]) / out["bare spaCy"]
    return out


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=Path, default=DEFAULT)
    ap.add_argument("--speed", action="store_true", help="also time the layers against bare spaCy")
    args = ap.parse_args(argv)
    print(table(evaluate(args.articles)))
    if args.speed:
        sp = speed(args.articles)
        print("\n| timing (12 articles x3, best of 3) | value |\n|---|---:|")
        for k, v in sp.items():
            print(f"| {k} | {v:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
