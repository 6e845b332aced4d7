"""BASIL: lexical-bias span detection by fp_framing, and outlet separation by framing profile.

Run: .venv/bin/python -m eval.basil --data ../shared/data/basil [--triplets N]

Prints a Markdown table. Token-overlap P/R/F1: a token is gold when it overlaps a BASIL
``lex`` span; predicted when it overlaps a framing cue of a category listed in
``[framing] bias_categories`` (learned cues only from ``[framing] report_min_confidence``
on). The learned ``loaded_language`` detector (on by default) WAS trained on these articles:
its score here is in-sample; its cross-validated score (by triplet) comes from
``scripts/train_loaded.py --cv-only``.
``--no-learned`` scores the lexicon cues alone (nothing of them is fitted to BASIL).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "basil"
PROFILE_CATEGORIES = (
    "loaded", "delegitimizing", "victimhood", "dehumanizing", "triumph", "euphemism", "contested",
    "propaganda", "scare_quote", "evaluation", "hedge", "certainty", "harm_agent", "harm_agentless",
)


@dataclass
class Article:
    """One BASIL article flattened to text, with its gold lexical spans."""

    name: str
    triplet: str
    outlet: str
    text: str
    gold: list[tuple[int, int]] = field(default_factory=list)


def _flatten(paragraphs: list[list[str]]) -> tuple[str, list[tuple[int, str]]]:
    parts: list[str] = []
    sents: list[tuple[int, str]] = []
    pos = 0
    for p_i, para in enumerate(paragraphs):
        if p_i:
            parts.append("\n\n")
            pos += 2
        for s_i, sent in enumerate(para):
            if s_i:
                parts.append(" ")
                pos += 1
            sents.append((pos, sent))
            parts.append(sent)
            pos += len(sent)
    return "".join(parts), sents


def _locate(ann: dict, text: str, sents: list[tuple[int, str]]) -> tuple[int, int] | None:
    txt, start, end = ann.get("txt", ""), int(ann.get("start", -1)), int(ann.get("end", -1))
    for off, s in sents:
        if s[start:end] == txt and txt:
            return off + start, off + end
    i = text.find(txt) if txt else -1
    return (i, i + len(txt)) if i >= 0 else None


def load_basil(data: Path, triplets: int | None = None) -> list[Article]:
    """Articles with gold ``lex`` spans in article offsets, in triplet order."""
    files = sorted((data / "articles").glob("*/*.json"))
    groups: dict[str, list[Path]] = defaultdict(list)
    for f in files:
        groups[f.stem.rsplit("_", 1)[0]].append(f)
    keys = sorted(groups, key=lambda k: (groups[k][0].parent.name, k))
    if triplets is not None:
        keys = keys[:triplets]
    out: list[Article] = []
    for key in keys:
        for f in sorted(groups[key]):
            art = json.loads(f.read_text(encoding="utf-8"))
            text, sents = _flatten(art.get("body-paragraphs", []))
            ann_path = data / "annotations" / f.parent.name / f"{f.stem}_ann.json"
            gold: list[tuple[int, int]] = []
            if ann_path.is_file():
                anns = json.loads(ann_path.read_text(encoding="utf-8"))
                for a in anns.get("phrase-level-annotations", []):
                    if a.get("bias") == "lex":
                        loc = _locate(a, text, sents)
                        if loc:
                            gold.append(loc)
            out.append(Article(f.stem, key, str(art.get("source", "")).lower(), text, gold))
    return out


def _token_sets(doc: Any, spans: list[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for s, e in spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            out.update(t.i for t in span if not t.is_space)
    return out


def _prf(tp: float, p_n: float, g_n: float) -> tuple[float, float, float]:
    p = tp / p_n if p_n else 0.0
    r = tp / g_n if g_n else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _profile_vector(profile: Any) -> list[float]:
    tokens = max(profile.tokens, 1)
    vec = [1000.0 * profile.category_counts.get(c, 0) / tokens for c in PROFILE_CATEGORIES]
    vec.append(profile.agentless_harm_share if profile.agentless_harm_share is not None else 0.5)
    tones = list(profile.tone.values())
    vec.append(sum(tones) / len(tones) if tones else 0.0)
    return vec


def _zscore(rows: list[list[float]]) -> list[list[float]]:
    cols = list(zip(*rows, strict=True))
    means = [sum(c) / len(c) for c in cols]
    sds = [math.sqrt(sum((x - m) ** 2 for x in c) / len(c)) or 1.0 for c, m in zip(cols, means, strict=True)]
    return [[(x - m) / s for x, m, s in zip(r, means, sds, strict=True)] for r in rows]


def _dist(a: list[float], b: list[float]) -> float:
    return math.sqrt(sum((x - y) ** 2 for x, y in zip(a, b, strict=True)))


def separation(arts: list[Article], vecs: list[list[float]]) -> dict[str, float]:
    """Profile distances within/across triplets and leave-one-triplet-out outlet accuracy."""
    z = _zscore(vecs)
    within, across_diff, across_same = [], [], []
    for i in range(len(arts)):
        for j in range(i + 1, len(arts)):
            d = _dist(z[i], z[j])
            if arts[i].triplet == arts[j].triplet:
                within.append(d)
            elif arts[i].outlet == arts[j].outlet:
                across_same.append(d)
            else:
                across_diff.append(d)
    # centre each triplet to remove the event, then nearest outlet centroid, leaving a triplet out
    by_t: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(arts):
        by_t[a.triplet].append(i)
    centred = [list(v) for v in z]
    for idx in by_t.values():
        mean = [sum(z[i][k] for i in idx) / len(idx) for k in range(len(z[0]))]
        for i in idx:
            centred[i] = [x - m for x, m in zip(z[i], mean, strict=True)]
    correct = 0
    for t, idx in by_t.items():
        cents: dict[str, list[list[float]]] = defaultdict(list)
        for i, a in enumerate(arts):
            if a.triplet != t:
                cents[a.outlet].append(centred[i])
        means = {o: [sum(c) / len(rows) for c in zip(*rows, strict=True)] for o, rows in cents.items()}
        for i in idx:
            pred = min(means, key=lambda o: _dist(centred[i], means[o]))
            correct += pred == arts[i].outlet
    mean = lambda xs: sum(xs) / len(xs) if xs else float("nan")  # noqa: E731
    return {
        "within_triplet": mean(within),
        "across_triplet_other_outlet": mean(across_diff),
        "across_triplet_same_outlet": mean(across_same),
        "outlet_accuracy": correct / len(arts) if arts else 0.0,
    }


def evaluate(data: Path, triplets: int | None = None, learned: bool = True) -> dict[str, Any]:
    """Run the pipeline on BASIL and return all figures."""
    from fullpicture import load_settings
    from fullpicture.nlp.pipeline import get_pipeline

    settings = load_settings()
    if not learned:
        settings.data.setdefault("framing", {})["learned_loaded"] = False
    nlp = get_pipeline(settings)
    bias_cats = set(settings.get("framing", "bias_categories", []))
    if not learned:
        bias_cats.discard("loaded_language")
    threshold = float(settings.get("framing", "report_min_confidence", 0.5))
    arts = load_basil(data, triplets)
    tok = {"tp": 0, "pred": 0, "gold": 0}
    span = {"pred": 0, "pred_hit": 0, "gold": 0, "gold_hit": 0}
    per_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    vecs: list[list[float]] = []
    for art, doc in zip(arts, nlp.pipe(a.text for a in arts), strict=True):
        cues = [c for c in doc._.fp_framing if c.category in bias_cats
                and (c.confidence is None or c.confidence >= threshold)]
        pred_spans = [(c.start, c.end) for c in cues]
        g, p = _token_sets(doc, art.gold), _token_sets(doc, pred_spans)
        tok["tp"] += len(g & p)
        tok["pred"] += len(p)
        tok["gold"] += len(g)
        overlaps = lambda a, b: a[0] < b[1] and b[0] < a[1]  # noqa: E731
        for c in cues:
            hit = any(overlaps((c.start, c.end), gs) for gs in art.gold)
            span["pred"] += 1
            span["pred_hit"] += hit
            per_cat[c.category][0] += 1
            per_cat[c.category][1] += hit
        span["gold"] += len(art.gold)
        span["gold_hit"] += sum(any(overlaps(gs, ps) for ps in pred_spans) for gs in art.gold)
        vecs.append(_profile_vector(doc._.fp_framing_profile))
    return {
        "articles": len(arts),
        "gold_spans": span["gold"],
        "token": _prf(tok["tp"], tok["pred"], tok["gold"]),
        "span": (
            span["pred_hit"] / span["pred"] if span["pred"] else 0.0,
            span["gold_hit"] / span["gold"] if span["gold"] else 0.0,
        ),
        "per_category": {k: (v[0], v[1]) for k, v in sorted(per_cat.items())},
        "separation": separation(arts, vecs) if len({a.triplet for a in arts}) > 1 else {},
    }


def to_markdown(res: dict[str, Any]) -> str:
    """Format the figures as Markdown tables."""
    p, r, f = res["token"]
    sp, sr = res["span"]
    sf = 2 * sp * sr / (sp + sr) if sp + sr else 0.0
    lines = [
        f"BASIL lexical-bias spans: {res['articles']} articles, {res['gold_spans']} gold `lex` spans",
        "",
        "| level | precision | recall | F1 |",
        "|---|---|---|---|",
        f"| token overlap | {p:.3f} | {r:.3f} | {f:.3f} |",
        f"| span overlap (any token) | {sp:.3f} | {sr:.3f} | {sf:.3f} |",
        "",
        "| cue category | predicted spans | overlapping a gold span | precision |",
        "|---|---|---|---|",
    ]
    for cat, (n, hit) in res["per_category"].items():
        lines.append(f"| {cat} | {n} | {hit} | {hit / n if n else 0:.3f} |")
    sep = res.get("separation") or {}
    if sep:
        lines += [
            "",
            "| outlet separation (z-scored profile vectors) | value |",
            "|---|---|",
            f"| mean distance, other outlet, same triplet | {sep['within_triplet']:.3f} |",
            f"| mean distance, other outlet, other triplet | {sep['across_triplet_other_outlet']:.3f} |",
            f"| mean distance, same outlet, other triplet | {sep['across_triplet_same_outlet']:.3f} |",
            f"| outlet accuracy, nearest centroid, leave-one-triplet-out (chance 0.333) | {sep['outlet_accuracy']:.3f} |",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """CLI entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--triplets", type=int, default=None, help="only the first N triplets")
    ap.add_argument("--no-learned", action="store_true", help="lexicon cues only (no learned detector)")
    args = ap.parse_args(argv)
    if not (args.data / "articles").is_dir():
        print(f"{args.data}: no BASIL articles/ folder", file=sys.stderr)
        return 2
    print(to_markdown(evaluate(args.data, args.triplets, learned=not args.no_learned)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
