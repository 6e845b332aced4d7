"""Real multi-side news about contested incidents: one incident, one row, with its conflicts.

A corpus is a folder of articles (one ``.txt`` each, with a ``.meta.json`` beside it that
declares ``perspective``, ``published`` and ``title``); the gold is a TOML file kept with the
corpus, outside the repository (no real text is kept here):

.. code-block:: toml

    [incidents.blast]                 # one real-world happening
    label = "market blast, 5 March"
    contested = ["figure:killed", "agent"]   # conflicts the sides really have

    [docs.outlet_a]                   # the document outlet_a.txt
    blast = ["bomb exploded", "40 people died"]   # text that tells the incident

Every event mention of the comparison whose trigger lies inside one of a document's cue strings
is a mention of that incident. The script compares the folder as the CLI does
(``fullpicture.compare``, sides from the declared perspectives) and prints per corpus:

* **rows per incident** (fragmentation): the aligned rows that hold the incident's mentions;
* **cross-side pairs in one row**: of the pairs of documents from different sides that both
  report an incident, the share whose mentions of it share a row;
* **incidents aligned across sides**: incidents reported by >= 2 sides with one row holding
  mentions of >= 2 sides;
* **contested figures surfaced**: gold ``contested`` fields of an incident found as a conflict
  (values from >= 2 sides) in a row holding the incident's mentions; **own values**: the same,
  counting only values from documents whose mentions in that row tell the incident (a conflict
  made by another happening that shares the row does not count);
* **false conflicts**: conflicts of a field that is not contested for the row's incident (or of
  a row that tells no gold incident); **mixed rows**: rows holding mentions of two incidents;
* **rows of no incident** (printed under the table): rows holding mentions of >= 2 documents none
  of which tells a gold incident (reaction words of unrelated speakers merged by their word);
  `--errors` lists each with its label and triggers.

What was hit (field ``target``: one side names a civilian site, another a military one) is
scored in columns of its own, so that the columns above stay comparable with runs before the
field existed: an incident may list ``"target"`` in ``contested``, and ``--target-gold FILE``
adds (true) or removes (false) it per corpus and incident without touching the gold files:

.. code-block:: toml

    [corpus_folder_name]              # the corpus folder's name
    blast = true                      # the sides dispute what the blast hit
    parade = { contested = false, reason = "every side names the same depot" }

* **target surfaced**: target-contested incidents with a ``target`` conflict of their own values
  (as **own values** above) in a row holding their mentions;
* **target false**: ``target`` conflicts in rows whose incident is not target-contested.

    .venv/bin/python -m eval.realtext CORPUS GOLD [CORPUS GOLD ...] [--no-embeddings] [--errors]
        [--target-gold FILE] [--cues]

``--cues`` adds the cue recall per document language (``eval/_cues.py``): the share of cue
strings that hold a mention's trigger, and the words of the cues missed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from eval._cues import CueRecall, occurrences

#: the field of what was hit, scored in columns of its own
TARGET = "target"

@dataclass
class Gold:
    """Incidents, their contested fields, and the cue strings of each document."""

    incidents: dict[str, dict[str, Any]]
    docs: dict[str, dict[str, list[str]]]

    @classmethod
    def load(cls, path: Path) -> Gold:
        """Read a gold TOML file."""
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return cls(incidents=dict(data.get("incidents", {})),
                   docs={k: {i: list(v) for i, v in d.items()} for k, d in data.get("docs", {}).items()})


@dataclass
class Score:
    """The figures of one corpus."""

    incidents: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    pairs: int = 0
    pairs_joined: int = 0
    multi_side: int = 0
    aligned: int = 0
    contested: int = 0
    surfaced: int = 0
    surfaced_own: int = 0
    conflicts: int = 0
    false_conflicts: int = 0
    mixed_rows: int = 0
    nogold_rows: int = 0
    target_contested: int = 0
    target_surfaced: int = 0
    target_conflicts: int = 0
    target_false: int = 0
    missing_cues: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        """The figures as plain numbers."""
        frag = sum(self.rows.values()) / len(self.rows) if self.rows else 0.0
        return {
            "incidents": self.incidents, "rows_per_incident": round(frag, 2),
            "cross_side_pairs": self.pairs, "pairs_in_one_row": self.pairs_joined,
            "pair_share": round(self.pairs_joined / self.pairs, 3) if self.pairs else None,
            "multi_side_incidents": self.multi_side, "aligned_across_sides": self.aligned,
            "contested": self.contested, "contested_surfaced": self.surfaced,
            "contested_surfaced_own": self.surfaced_own,
            "conflicts": self.conflicts, "false_conflicts": self.false_conflicts,
            "mixed_rows": self.mixed_rows, "nogold_rows": self.nogold_rows,
            "target_contested": self.target_contested, "target_surfaced": self.target_surfaced,
            "target_conflicts": self.target_conflicts, "target_false": self.target_false,
        }


def mention_incidents(comp: Any, gold: Gold, doc_name: dict[str, str], score: Score) -> dict[tuple[str, str], str]:
    """``(document id, event id) -> gold incident`` for mentions whose trigger lies in a cue."""
    out: dict[tuple[str, str], str] = {}
    for a in comp.documents:
        name = doc_name.get(a.document.id)
        cues = gold.docs.get(name or "", {})
        spans: list[tuple[int, int, str]] = []
        for inc, strings in cues.items():
            for s in strings:
                occ = occurrences(a.text, s)
                if not occ:
                    score.missing_cues.append(f"{name}: {s!r}")
                spans += [(st, en, inc) for st, en in occ]
        for ev in a.events:
            t0, t1 = ev.trigger.start, ev.trigger.end
            for st, en, inc in spans:
                if st <= t0 and t1 <= en:
                    out[(a.document.id, ev.id)] = inc
                    break
    return out


def score(comp: Any, gold: Gold, doc_name: dict[str, str]) -> Score:
    """Score one comparison against its gold."""
    sc = Score()
    side_of = {d: s.label for s in comp.sides for d in s.documents}
    by_name = {v: k for k, v in doc_name.items()}
    inc_of = mention_incidents(comp, gold, doc_name, sc)
    # rows -> incident -> documents
    row_docs: dict[str, dict[str, set[str]]] = {}
    for ev in comp.events:
        per: dict[str, set[str]] = defaultdict(set)
        for m in ev.mentions:
            inc = inc_of.get((m.document, m.event))
            if inc is not None:
                per[inc].add(m.document)
        row_docs[ev.id] = per
        if len(per) > 1:
            sc.mixed_rows += 1
        if not per and len({m.document for m in ev.mentions}) > 1:
            sc.nogold_rows += 1
    reporters: dict[str, set[str]] = defaultdict(set)
    for name, cues in gold.docs.items():
        for inc in cues:
            if name in by_name:
                reporters[inc].add(by_name[name])
    sc.incidents = len(gold.incidents)
    for inc, meta in gold.incidents.items():
        rows = [r for r, per in row_docs.items() if inc in per]
        if rows:
            sc.rows[inc] = len(rows)
        docs = reporters.get(inc, set())
        for d1, d2 in combinations(sorted(docs), 2):
            if side_of.get(d1) == side_of.get(d2):
                continue
            sc.pairs += 1
            if any({d1, d2} <= per.get(inc, set()) for per in row_docs.values()):
                sc.pairs_joined += 1
            else:
                sc.errors.append(f"{inc}: {doc_name[d1]} / {doc_name[d2]} not in one row")
        if len({side_of.get(d) for d in docs}) >= 2:
            sc.multi_side += 1
            if any(len({side_of.get(d) for d in per.get(inc, set())}) >= 2 for per in row_docs.values()):
                sc.aligned += 1
        contested = [f for f in meta.get("contested", []) if f != TARGET]
        sc.contested += len(contested)
        for fld in [*contested, *([TARGET] if TARGET in meta.get("contested", []) else [])]:
            hit = any(c.field == fld and len({v.side for v in c.values}) >= 2
                      for ev in comp.events if inc in row_docs[ev.id] for c in ev.conflicts)
            own = any(c.field == fld and len({v.side for v in c.values
                                               if v.document in row_docs[ev.id][inc]}) >= 2
                      for ev in comp.events if inc in row_docs[ev.id] for c in ev.conflicts)
            if fld == TARGET:
                sc.target_contested += 1
                sc.target_surfaced += own
            else:
                sc.surfaced += hit
                sc.surfaced_own += own
            if not hit:
                sc.errors.append(f"{inc}: contested {fld} not surfaced")
            elif not own:
                sc.errors.append(f"{inc}: contested {fld} surfaced only with values of another happening")
    for ev in comp.events:
        per = row_docs[ev.id]
        main = max(per, key=lambda i: len(per[i])) if per else None
        allowed = set(gold.incidents.get(main, {}).get("contested", [])) if main else set()
        for c in ev.conflicts:
            vals = "; ".join(f"{v.side}: {v.value}" for v in c.values)
            if c.field == TARGET:
                sc.target_conflicts += 1
                sc.target_false += c.field not in allowed
                ok = "true" if c.field in allowed else "false"
                sc.errors.append(f"{ok} target conflict in {ev.label!r} ({main or 'no incident'}): {vals}")
                continue
            sc.conflicts += 1
            if c.field not in allowed:
                sc.false_conflicts += 1
                sc.errors.append(f"false conflict {c.field} in {ev.label!r} ({main or 'no incident'}): {vals}")
    trig = {(a.document.id, e.id): e.trigger.text for a in comp.documents for e in a.events}
    for inc, n in sc.rows.items():
        if n > 1:
            sc.errors.append(f"{inc}: {n} rows:")
            for ev in comp.events:
                if inc in row_docs[ev.id]:
                    told = [f"{doc_name[m.document]}:{trig[(m.document, m.event)]}"
                            + ("" if inc_of.get((m.document, m.event)) == inc else f"[{inc_of.get((m.document, m.event))}]")
                            for m in ev.mentions]
                    sc.errors.append(f"    {ev.label!r}: {', '.join(told)}")
    for ev in comp.events:
        if len(row_docs[ev.id]) > 1:
            sc.errors.append(f"mixed row {ev.label!r}: {sorted(row_docs[ev.id])}")
        elif not row_docs[ev.id] and len({m.document for m in ev.mentions}) > 1:
            told = [f"{doc_name[m.document]}:{trig[(m.document, m.event)]}" for m in ev.mentions]
            sc.errors.append(f"no-gold row {ev.label!r}: {', '.join(told)}")
    return sc


def with_target_gold(gold: Gold, marks: dict[str, Any]) -> Gold:
    """``gold`` with ``"target"`` added to (true) or removed from (false) the contested fields of
    the incidents ``marks`` names (one corpus's table of a ``--target-gold`` file)."""
    incidents = {k: dict(v) for k, v in gold.incidents.items()}
    for inc, mark in marks.items():
        if inc not in incidents:
            continue
        on = bool(mark.get("contested", False)) if isinstance(mark, dict) else bool(mark)
        fields = [f for f in incidents[inc].get("contested", []) if f != TARGET]
        incidents[inc]["contested"] = [*fields, TARGET] if on else fields
    return Gold(incidents=incidents, docs=gold.docs)


def run_corpus(corpus: Path, gold_path: Path, embeddings: bool,
               target_marks: dict[str, Any] | None = None) -> tuple[Score, Any]:
    """Compare one corpus folder as the CLI does and score it (``target_marks``: the corpus's
    table of a ``--target-gold`` file)."""
    import fullpicture
    from fullpicture.settings import Settings, load_settings

    base = load_settings()
    settings = Settings(data={**base.data, "align": {**base.section("align"), "embeddings": embeddings}})
    comp = fullpicture.compare([corpus], settings=settings)
    doc_name = {a.document.id: Path(a.document.source or "").stem for a in comp.documents}
    gold = with_target_gold(Gold.load(gold_path), target_marks or {})
    return score(comp, gold, doc_name), comp


def main(argv: list[str] | None = None) -> int:
    """CLI entry point: a Markdown table, one line per corpus."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pairs", nargs="+", type=Path, help="CORPUS GOLD [CORPUS GOLD ...]")
    ap.add_argument("--no-embeddings", action="store_true")
    ap.add_argument("--errors", action="store_true", help="print every miss and false conflict")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--cues", action="store_true", help="print cue recall per language and the cues missed")
    ap.add_argument("--target-gold", type=Path, default=None,
                    help="TOML: corpus -> incident -> whether the sides dispute what was hit")
    args = ap.parse_args(argv)
    if len(args.pairs) % 2:
        print("give CORPUS GOLD pairs", file=sys.stderr)
        return 2
    results: dict[str, dict[str, Any]] = {}
    total = Score()
    marks = tomllib.loads(args.target_gold.read_text(encoding="utf-8")) if args.target_gold else {}
    recall = CueRecall()
    for corpus, gold in zip(args.pairs[::2], args.pairs[1::2], strict=True):
        sc, comp = run_corpus(corpus, gold, not args.no_embeddings, marks.get(corpus.name, {}))
        if args.cues:
            recall.add(comp, Gold.load(gold).docs,
                       {a.document.id: Path(a.document.source or "").stem for a in comp.documents}, corpus.name)
        results[corpus.name] = sc.summary()
        for k in ("incidents", "pairs", "pairs_joined", "multi_side", "aligned", "contested", "surfaced",
                  "surfaced_own", "conflicts", "false_conflicts", "mixed_rows", "nogold_rows", "target_contested",
                  "target_surfaced", "target_conflicts", "target_false"):
            setattr(total, k, getattr(total, k) + getattr(sc, k))
        total.rows.update({f"{corpus.name}/{k}": v for k, v in sc.rows.items()})
        if args.errors:
            for line in sc.missing_cues:
                print(f"{corpus.name}: cue not found: {line}")
            for line in sc.errors:
                print(f"{corpus.name}: {line}")
    results["all"] = total.summary()
    if args.cues:
        print("\n".join(recall.lines()))
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    print("| corpus | incidents | rows per incident | cross-side pairs in one row | aligned across sides "
          "| contested surfaced | own values | false conflicts | mixed rows | target surfaced | target false |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        share = f"{r['pairs_in_one_row']}/{r['cross_side_pairs']}"
        print(f"| {name} | {r['incidents']} | {r['rows_per_incident']:.2f} | {share} | "
              f"{r['aligned_across_sides']}/{r['multi_side_incidents']} | {r['contested_surfaced']}/{r['contested']} "
              f"| {r['contested_surfaced_own']}/{r['contested']} | {r['false_conflicts']}/{r['conflicts']} | {r['mixed_rows']} "
              f"| {r['target_surfaced']}/{r['target_contested']} | {r['target_false']}/{r['target_conflicts']} |")
    print()
    print("rows of >= 2 documents that tell no gold incident: "
          + ", ".join(f"{name} {r['nogold_rows']}" for name, r in results.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
