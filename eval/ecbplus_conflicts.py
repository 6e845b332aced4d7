"""Figure conflicts on ECB+: the shipped comparison against our annotated conflicts.

Gold: ``eval/ecbplus_conflicts_gold.toml`` (groups of ECB+ articles about one incident, and
every pair of articles whose killed / injured / magnitude figures conflict, annotated
exhaustively per group; conventions in the file). Each group is compared with the shipped
``compare`` (shipped settings, typed events: the default detection), each article its own side.
A predicted conflict is a pair of articles whose figures of one count clash on one aligned
incident (``align._figureclash.implied_clashes``); it is scored as ``(group, count, article pair)``
against the gold set, for the three annotated counts. Strict: a clash on any incident counts,
also on an earlier disaster the articles recall in passing (the gold has none there: such tolls
differ by scope, "230,000 across Asia" vs "170,000 in Aceh"). The gold annotates counts as
stated and leaves "casualties" statements out (its conventions): a clash in which one article's
only values of the count are zeros its "no casualties" implies (``figure_zero_implies``) is a
clash of that statement, listed apart (``--errors``) and not scored; ``--strict`` scores it.

    .venv/bin/python -m eval.ecbplus_conflicts --data ../shared/data/ecbplus
"""

from __future__ import annotations

import argparse
import sys
import time
import tomllib
from pathlib import Path

from eval.ecbplus import DEFAULT
from eval.ecbplus_e2e import CACHE, analyse, rebuild

GOLD = Path(__file__).resolve().parent / "ecbplus_conflicts_gold.toml"
FIELDS = ("killed", "injured", "magnitude")


def load_gold(path: Path = GOLD) -> tuple[list[dict], set[tuple[str, str, frozenset[str]]]]:
    """Groups and the gold conflicts ``(group, field, {doc, doc})``."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    gold = {(c["group"], c["field"], frozenset(c["documents"])) for c in data["conflict"]}
    return data["group"], gold


def predict(data: Path, groups: list[dict], embeddings: bool, cache: Path | None,
            strict: bool = False) -> tuple[set, list]:
    """Predicted conflicts ``(group, field, {doc, doc})`` and, for error analysis, their values
    (a clash that rests on a "no casualties" zero is left out unless ``strict``; in the
    details its last item says so)."""
    from fullpicture.align import compare
    from fullpicture.align._eventfeat import build_features
    from fullpicture.align._figureclash import implied_clashes
    from fullpicture.align._incidents import host_dates, hosts_of
    from fullpicture.align._rowmembers import Member
    from fullpicture.align._util import EntityIndex
    from fullpicture.models.comparison import Side
    from fullpicture.settings import Settings, load_settings

    base = load_settings()
    settings = Settings(data={**base.data, "align": {**base.section("align"), "embeddings": embeddings}})
    topics = {int(g["documents"][0].split("_")[0]) for g in groups}
    docs = {d.name: d for d in rebuild(data, topics)}
    analyses = analyse([docs[n] for g in groups for n in g["documents"]], cache, generic=False)
    out: set = set()
    detail = []
    for g in groups:
        group = [analyses[n] for n in g["documents"]]
        name_of = {a.document.id: n for n, a in zip(g["documents"], group, strict=True)}  # type: ignore[attr-defined]
        sides = [Side(label=n, origin="user", documents=[a.document.id])  # type: ignore[attr-defined]
                 for n, a in zip(g["documents"], group, strict=True)]
        comp = compare(group, sides, settings=settings)  # type: ignore[arg-type]
        by_id = {a.document.id: a for a in group}  # type: ignore[attr-defined]
        index = EntityIndex(group)  # type: ignore[arg-type]
        # the dates of the happenings undated mentions hang on, as compare() computes them
        feats, refs = build_features(group, index, settings.section("align"))  # type: ignore[arg-type]
        dates = host_dates([e for _, e in refs], hosts_of(feats, settings.section("align")))
        host_date = {(group[ai].document.id, e.id): dates.get(k) for k, (ai, e) in enumerate(refs)}  # type: ignore[attr-defined]
        for ev in comp.events:
            members = []
            for ref in ev.mentions:
                a = by_id[ref.document]
                e = next(x for x in a.events if x.id == ref.event)
                members.append(Member(side=name_of[ref.document], analysis=a, event=e,
                                      host_date=host_date.get((ref.document, ref.event))))
            clashes, implied = implied_clashes(members, settings.section("align"), index)
            for counts, s, t in clashes:
                if counts in FIELDS:
                    casualties = (counts, s, t) in implied
                    if strict or not casualties:
                        out.add((g["name"], counts, frozenset((s, t))))
                    vals: dict[str, list[str]] = {}
                    for v in ev.figures:
                        if v.field == f"figure:{counts}":
                            vals.setdefault(v.side, []).append(f"{v.value}/{v.population}")
                    detail.append((g["name"], counts, s, t, ev.label, vals.get(s), vals.get(t),
                                   "no-casualties zero" if casualties else ""))
    return out, detail


def main(argv: list[str] | None = None) -> int:
    """CLI entry point: prints precision, recall, F1 and the errors."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--no-embeddings", action="store_true")
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("--errors", action="store_true", help="list false positives and misses")
    ap.add_argument("--strict", action="store_true",
                    help="also score clashes that rest on a 'no casualties' zero (the gold leaves them out)")
    args = ap.parse_args(argv)
    if not (args.data / "ECB+").is_dir():
        print(f"no ECB+ data at {args.data}", file=sys.stderr)
        return 2
    t0 = time.time()
    groups, gold = load_gold(args.gold)
    pred, detail = predict(args.data, groups, not args.no_embeddings, None if args.no_cache else args.cache,
                           strict=args.strict)
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"gold conflicts {len(gold)}, predicted {len(pred)}, correct {tp}: "
          f"precision {p:.3f}, recall {r:.3f}, F1 {f:.3f}")
    for fld in FIELDS:
        g = {x for x in gold if x[1] == fld}
        q = {x for x in pred if x[1] == fld}
        print(f"  {fld}: gold {len(g)}, predicted {len(q)}, correct {len(g & q)}")
    if args.errors:
        for d in detail:
            key = (d[0], d[1], frozenset((d[2], d[3])))
            if key not in pred:
                print("  not scored (a 'no casualties' zero)", d[:7])
            elif key not in gold:
                print("  FP", d)
        for x in sorted(gold - pred, key=lambda x: (x[0], x[1], sorted(x[2]))):  # str(frozenset) order varies by run
            print("  miss", x[0], x[1], sorted(x[2]))
    print(f"({time.time() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
