"""ECB+ end to end: the system's own event mentions and incidents against the gold clusters.

Setting: every ECB+ document of the chosen topics is rebuilt from its tokens (detokenized, one
line per sentence; the URL line of ``*ecbplus.xml`` dropped, its date, when it has one, kept as the
publication date) and analysed by the shipped pipeline. The
system's event mentions in the sentences listed in ``ECBplus_coreference_sentences.csv`` are
the response mentions; a system mention matches a gold event mention (``ACTION_*`` /
``NEG_ACTION_*``) when its trigger overlaps the gold mention's tokens. The shipped aligner
(``fullpicture.align.incidents``: incidents inside a document, then across documents) runs per
gold topic, as the gold-mention setting does. Scored with ``eval/coref_scorer.py`` (MUC, B3,
CEAF-e, CoNLL F1 over key = gold mentions, response = system mentions; twinless mentions are
singletons of the other side), beside the same-lemma baseline run on the same system mentions
(same topic, same trigger lemma). Fragmentation: the number of distinct system incidents the
matched mentions of one gold cluster fall into, averaged over gold clusters with at least two
matched mentions.

    .venv/bin/python -m eval.ecbplus_e2e --data ../shared/data/ecbplus
    .venv/bin/python -m eval.ecbplus_e2e --topics 19,21 --no-embeddings
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from eval.coref_scorer import conll
from eval.ecbplus import DEFAULT, GoldMention, load

CACHE = Path(__file__).resolve().parents[1] / ".cache" / "ecbplus_e2e"


@dataclass
class EcbDoc:
    """One ECB+ document rebuilt as text, with the character span of every token."""

    name: str
    topic: int
    text: str
    spans: dict[int, tuple[int, int]]
    published: str | None = None


_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "''", "’s"}
_NO_SPACE_AFTER = {"(", "[", "$", "``", "#"}


def _space_before(words: list[str], k: int) -> bool:
    """Whether a space separates ``words[k - 1]`` and ``words[k]`` in running text (ECB+ tokens
    are split: "6 . 1", "230 , 000", "16 - year - old")."""
    prev, word = words[k - 1], words[k]
    nxt = words[k + 1] if k + 1 < len(words) else ""
    if prev in _NO_SPACE_AFTER:
        return False
    if word in (".", ",") and prev.isdigit() and nxt.isdigit():
        return False  # "6.1", "230,000"
    if prev in (".", ",") and word.isdigit() and k >= 2 and words[k - 2].isdigit():
        return False
    if word == "-" or prev == "-":
        return False  # "16-year-old"
    return word not in _NO_SPACE_BEFORE


_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(\d\d)/(\d\d)/")


def _url_date(url: str) -> str | None:
    """The publication date an ECB+ text's URL carries (``/2013/07/02/``), as real articles
    carry theirs; the ECB texts have no URL and no date."""
    m = _URL_DATE.search(url)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def rebuild(data: Path, topics: set[int] | None) -> list[EcbDoc]:
    """Documents as text: tokens detokenized, one sentence a line."""
    out = []
    for path in sorted((data / "ECB+").glob("*/*.xml")):
        topic = int(path.parent.name)
        if topics is not None and topic not in topics:
            continue
        root = ET.parse(path).getroot()
        lines: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for t in root.iter("token"):
            lines[int(t.get("sentence", 0))].append((int(t.get("t_id", 0)), t.text or ""))
        plus = path.stem.endswith("ecbplus")
        published = _url_date("".join(w for _, w in lines.get(0, []))) if plus else None
        text, spans = "", {}
        for s in sorted(lines):
            if plus and s == 0:
                continue  # the URL the text was taken from
            if text:
                text += "\n"
            ws = [w for _, w in lines[s]]
            for k, (tid, w) in enumerate(lines[s]):
                if k and _space_before(ws, k):
                    text += " "
                spans[tid] = (len(text), len(text) + len(w))
                text += w
        out.append(EcbDoc(path.stem, topic, text, spans, published))
    return out


def analyse(docs: list[EcbDoc], cache: Path | None, generic: bool = True) -> dict[str, object]:
    """Analyses of the documents (cached as JSON per document when ``cache`` is set);
    ``generic``: with the generic event mentions on (``[events] generic``)."""
    from eval._cache import keyed
    from fullpicture import Settings, analyze_documents, load_settings
    from fullpicture.ingest import load_text
    from fullpicture.models import Analysis

    base = load_settings()
    events = {**base.section("events"), "generic": generic}
    settings = Settings(data={**base.data, "events": events})
    cache = keyed(cache)
    if cache is not None:
        cache = cache / ("generic" if generic else "typed")

    out: dict[str, object] = {}
    todo = []
    for d in docs:
        f = cache / f"{d.name}.json" if cache else None
        if f is not None and f.exists():
            out[d.name] = Analysis.model_validate(json.loads(f.read_text(encoding="utf-8")))
        else:
            todo.append(d)
    documents = [load_text(d.text, source=d.name, published=d.published) for d in todo]
    for d, a in zip(todo, analyze_documents(documents, settings), strict=True):
        out[d.name] = a
        if cache is not None:
            cache.mkdir(parents=True, exist_ok=True)
            (cache / f"{d.name}.json").write_text(json.dumps(a.to_json_dict()), encoding="utf-8")
    for d in docs:
        text = out[d.name].text  # type: ignore[attr-defined]
        if text != d.text:
            remap(d, text)
    return out


def remap(doc: EcbDoc, text: str) -> None:
    """Token spans re-found in the ingested text (ingest normalises some characters)."""
    import unicodedata

    pos = 0
    for tid in sorted(doc.spans):
        s, e = doc.spans[tid]
        word = unicodedata.normalize("NFKC", doc.text[s:e]).strip()
        k = text.find(word, pos) if word else -1
        if k < 0 or k - pos > 40:
            doc.spans[tid] = (pos, pos)
            continue
        doc.spans[tid] = (k, k + len(word))
        pos = k + len(word)
    doc.text = text


def _match(docs: dict[str, EcbDoc], gold: list[GoldMention], analyses: dict) -> tuple[dict, dict, dict]:
    """key (gold id -> cluster), response ids of system mentions, and the system mentions.

    Returns ``(key, sys_ids, lemma)``: ``sys_ids[(doc, event id)]`` is the mention id used
    in the response (the gold mention's id when matched, else a fresh one).
    """
    key = {(m.doc, m.mid): m.gold for m in gold}
    by_doc: dict[str, list[tuple[int, int, tuple[str, str]]]] = defaultdict(list)
    for m in gold:
        d = docs[m.doc]
        sp = [d.spans[t] for t in m.tokens if t in d.spans]
        if sp:
            by_doc[m.doc].append((min(s for s, _ in sp), max(e for _, e in sp), (m.doc, m.mid)))
    sys_ids: dict[tuple[str, str], tuple] = {}
    lemma: dict[tuple[str, str], str] = {}
    taken: set[tuple[str, str]] = set()
    for name, a in analyses.items():
        lines = _listed_spans(docs[name], gold)
        for ev in a.events:  # type: ignore[attr-defined]
            t0, t1 = ev.trigger.start, ev.trigger.end
            if not any(s <= t0 < e for s, e in lines):
                continue
            hit = next((gid for s, e, gid in by_doc.get(name, []) if s < t1 and t0 < e and gid not in taken), None)
            sid = hit if hit is not None else ("sys", name, ev.id)
            if hit is not None:
                taken.add(hit)
            sys_ids[(name, ev.id)] = sid
            lemma[(name, ev.id)] = (ev.trigger.lemma or ev.trigger.text).lower()
    return key, sys_ids, lemma


_LISTED: dict[str, list[tuple[int, int]]] = {}


def _listed_spans(doc: EcbDoc, gold: list[GoldMention]) -> list[tuple[int, int]]:
    return _LISTED.get(doc.name, [])


def listed_sentence_spans(data: Path, docs: dict[str, EcbDoc]) -> None:
    """Character spans of the listed sentences of every document (filled into ``_LISTED``)."""
    import csv

    listed: dict[str, set[int]] = defaultdict(set)
    with open(data / "ECBplus_coreference_sentences.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            listed[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    for name, d in docs.items():
        root = ET.parse(data / "ECB+" / str(d.topic) / f"{name}.xml").getroot()
        per: dict[int, list[int]] = defaultdict(list)
        for t in root.iter("token"):
            s = int(t.get("sentence", 0))
            if s in listed.get(name, ()):
                tid = int(t.get("t_id", 0))
                if tid in d.spans:
                    per[s].append(tid)
        _LISTED[name] = [(d.spans[min(ts)][0], d.spans[max(ts)][1]) for ts in per.values()]


def fragmentation(key: dict, resp: dict) -> tuple[float, float, int]:
    """(mean system incidents per gold cluster with >= 2 matched mentions, the same over every
    gold cluster with a matched mention, number of clusters in the first figure)."""
    per: dict[str, set] = defaultdict(set)
    n: dict[str, int] = defaultdict(int)
    for m, g in key.items():
        if m in resp:
            per[g].add(resp[m])
            n[g] += 1
    multi = [len(v) for g, v in per.items() if n[g] >= 2]
    every = [len(v) for v in per.values()]
    return (sum(multi) / len(multi) if multi else 0.0, sum(every) / len(every) if every else 0.0, len(multi))


def run(data: Path, topics: set[int] | None, embeddings: bool, cache: Path | None, generic: bool = True) -> dict:
    """Detection, CoNLL (system and same-lemma baseline) and fragmentation."""
    from fullpicture.align._incidents import incident_labels
    from fullpicture.settings import load_settings

    docs = {d.name: d for d in rebuild(data, topics)}
    gold, _ = load(data, topics)
    listed_sentence_spans(data, docs)
    analyses = analyse(list(docs.values()), cache, generic)
    key, sys_ids, lemma = _match(docs, gold, analyses)
    cfg = load_settings().section("align")
    cfg["embeddings"] = embeddings
    resp_inc: dict = {}
    resp_ev: dict = {}
    for topic in sorted({d.topic for d in docs.values()}):
        names = [n for n, d in docs.items() if d.topic == topic]
        group = [analyses[n] for n in names]
        inc, ev = incident_labels(group, cfg)  # type: ignore[arg-type]
        for (doc_id, eid), lab in inc.items():
            k = (names[[a.document.id for a in group].index(doc_id)], eid)  # type: ignore[attr-defined]
            if k in sys_ids:
                resp_inc[sys_ids[k]] = (topic, lab)
                resp_ev[sys_ids[k]] = (topic, ev[(doc_id, eid)])
    base = {sid: (docs[k[0]].topic, lemma[k]) for k, sid in sys_ids.items()}
    matched = sum(1 for sid in sys_ids.values() if sid in key)
    det_p = matched / len(sys_ids) if sys_ids else 0.0
    det_r = matched / len(key) if key else 0.0
    return {
        "documents": len(docs), "gold": len(key), "system": len(sys_ids), "matched": matched,
        "detection": (det_p, det_r, 2 * det_p * det_r / (det_p + det_r) if det_p + det_r else 0.0),
        "incidents": conll(key, resp_inc), "events": conll(key, resp_ev), "baseline": conll(key, base),
        "frag_incidents": fragmentation(key, resp_inc), "frag_events": fragmentation(key, resp_ev),
        "frag_baseline": fragmentation(key, base),
    }


def main(argv: list[str] | None = None) -> int:
    """CLI entry point: prints Markdown tables."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--topics", help="comma-separated topic numbers (default: all present)")
    ap.add_argument("--no-embeddings", action="store_true")
    ap.add_argument("--typed-only", action="store_true",
                    help="the shipped default detection (typed events only), no generic mentions")
    ap.add_argument("--cache", type=Path, default=CACHE, help="analyses cached here (default .cache/ecbplus_e2e)")
    ap.add_argument("--no-cache", action="store_true", help="re-analyse, cache nothing")
    args = ap.parse_args(argv)
    if not (args.data / "ECB+").is_dir():
        print(f"no ECB+ data at {args.data}", file=sys.stderr)
        return 2
    topics = {int(t) for t in args.topics.split(",")} if args.topics else None
    t0 = time.time()
    r = run(args.data, topics, not args.no_embeddings, None if args.no_cache else args.cache, not args.typed_only)
    p, rc, f = r["detection"]
    print(f"documents {r['documents']}, gold event mentions {r['gold']}, system mentions {r['system']}, "
          f"matched {r['matched']}: detection P {100 * p:.1f} R {100 * rc:.1f} F1 {100 * f:.1f}\n")
    print("| system | MUC F1 | B3 F1 | CEAF-e F1 | CoNLL F1 | incidents per gold cluster (>= 2 matched) | (all) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, s, fr in (("same-lemma baseline (same topic)", r["baseline"], r["frag_baseline"]),
                         ("fullpicture event clusters", r["events"], r["frag_events"]),
                         ("fullpicture incidents", r["incidents"], r["frag_incidents"])):
        print(f"| {label} | {s['MUC F1']:.1f} | {s['B3 F1']:.1f} | {s['CEAF-e F1']:.1f} | "
              f"{s['CoNLL F1']:.1f} | {fr[0]:.2f} | {fr[1]:.2f} |")
    print(f"\n({time.time() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
