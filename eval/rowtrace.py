"""Which stage of the incident rows put each foreign mention of a mixed row with the row's incident.

A *mixed row* of the real-text evaluation (``eval/realtext.py``) holds mentions of two gold
incidents or more; its *main* incident is the one told by the most documents in it (then the
first by name), and a *foreign* mention is a mention of another gold incident in it. The rows are
made in stages (``fullpicture.align._rowtrace``: the mention clustering, the unions inside one
document, the attachments, each row step of ``[align]``, the anaphoric nouns); this script traces
every stage and names, for each foreign mention, the first stage after which it shares a label with
a mention of the row's main incident: the stage that joined the two happenings.

    .venv/bin/python -m eval.rowtrace CORPUS GOLD [CORPUS GOLD ...] [--mentions] [--no-embeddings]

Per corpus and for all: mixed rows, foreign mentions, and the foreign mentions by stage;
``--mentions`` adds one line per foreign mention (document, trigger, its incident, the row's main
incident, the stage). The corpora and their text stay outside the repository.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from eval.realtext import Gold, Score, mention_incidents, run_corpus

Stage = tuple[str, dict[tuple[str, int], int]]


def first_stage(stages: Sequence[Stage], mention: tuple[str, int], mains: Sequence[tuple[str, int]]) -> str | None:
    """The first stage whose labels put ``mention`` with one of ``mains`` (None: never)."""
    for name, labels in stages:
        own = labels.get(mention)
        if own is not None and any(labels.get(m) == own for m in mains):
            return name
    return None


def foreign_mentions(final: Mapping[tuple[str, int], int], incident_of: Mapping[tuple[str, int], str]
                     ) -> list[tuple[tuple[str, int], str, list[tuple[str, int]]]]:
    """``(foreign mention, main incident, mentions of the main incident in its row)`` of every
    mixed row of the labels ``final``."""
    rows: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for m, lab in final.items():
        rows[lab].append(m)
    out = []
    for members in rows.values():
        docs: dict[str, set[str]] = defaultdict(set)
        for m in members:
            if (inc := incident_of.get(m)) is not None:
                docs[inc].add(m[0])
        if len(docs) < 2:
            continue
        main = max(sorted(docs), key=lambda i: len(docs[i]))
        mains = [m for m in members if incident_of.get(m) == main]
        out += [(m, main, mains) for m in members if incident_of.get(m) not in (None, main)]
    return out


def trace_corpus(corpus: Path, gold: Path, embeddings: bool) -> tuple[list[dict[str, Any]], int]:
    """The foreign mentions of the corpus's mixed rows with the stage that joined each, and the
    number of mixed rows."""
    from fullpicture.align._rowtrace import tracing

    stages: list[Stage] = []

    def tracer(stage: str, feats: Sequence[Any], labels: Sequence[int]) -> None:
        # a mention is known by its document and its trigger's first character
        keys = [(f.doc, (f.span or (0, 0))[0] + int(f.extra.get("at", 0))) for f in feats]
        stages.append((stage, dict(zip(keys, labels, strict=True))))

    with tracing(tracer):
        _score, comp = run_corpus(corpus, gold, embeddings)
    doc_name = {a.document.id: Path(a.document.source or "").stem for a in comp.documents}
    by_key = {(a.document.id, e.trigger.start): (a.document.id, e.id, e.trigger.text)
              for a in comp.documents for e in a.events}
    inc_of = mention_incidents(comp, Gold.load(gold), doc_name, Score())
    incident_of = {k: inc for k, (d, e, _) in by_key.items() if (inc := inc_of.get((d, e))) is not None}
    # the last stage labels every mention (the anaphoric nouns' stage, else the last row step)
    final = stages[-1][1] if stages else {}
    found = foreign_mentions(final, incident_of)
    out = [{"document": doc_name[m[0]], "trigger": by_key[m][2] if m in by_key else "?",
            "incident": incident_of[m], "main": main, "stage": first_stage(stages, m, mains) or "none"}
           for m, main, mains in found]
    mixed = len({final[m] for m, _, _ in found})
    return out, mixed


def main(argv: list[str] | None = None) -> int:
    """CLI entry point: the foreign mentions of mixed rows by the stage that joined them."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pairs", nargs="+", type=Path, help="CORPUS GOLD [CORPUS GOLD ...]")
    ap.add_argument("--mentions", action="store_true", help="one line per foreign mention")
    ap.add_argument("--no-embeddings", action="store_true")
    args = ap.parse_args(argv)
    if len(args.pairs) % 2:
        print("give CORPUS GOLD pairs", file=sys.stderr)
        return 2
    total: Counter[str] = Counter()
    rows = 0
    for corpus, gold in zip(args.pairs[::2], args.pairs[1::2], strict=True):
        found, mixed = trace_corpus(corpus, gold, not args.no_embeddings)
        rows += mixed
        by_stage = Counter(f["stage"] for f in found)
        total.update(by_stage)
        print(f"{corpus.name}: {mixed} mixed rows, {len(found)} foreign mentions: "
              + ", ".join(f"{s} {n}" for s, n in by_stage.most_common()))
        if args.mentions:
            for f in found:
                print(f"    {f['document']}: {f['trigger']!r} ({f['incident']} in a row of {f['main']}): {f['stage']}")
    print(f"all: {rows} mixed rows, {sum(total.values())} foreign mentions: "
          + ", ".join(f"{s} {n} ({100 * n / max(1, sum(total.values())):.0f} %)" for s, n in total.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
