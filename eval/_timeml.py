"""TimeML (.tml) reader and a TempEval-3 Task A scorer for TIMEX3 extraction and normalization.

Reading: the text is the character content of ``<TEXT>`` with inline tags removed; a gold
timex's offsets are its position in that string. The DCT is the TIMEX3 with
``functionInDocument="CREATION_TIME"`` (input to the system, never scored).

Scoring (UzZaman et al. 2013, TempEval-3): strict = identical span, relaxed = any character
overlap (one-to-one); type and value are judged on relaxed matches, and their F1 uses the
count of matches with the correct attribute as true positives (value F1 = relaxed F1 x value
accuracy).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class GoldTimex:
    """One annotated TIMEX3."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TmlDoc:
    """One TimeML document: id, text, DCT value and gold timexes."""

    doc_id: str
    corpus: str
    text: str
    dct: str | None
    timexes: list[GoldTimex] = field(default_factory=list)


def read_tml(path: Path, corpus: str = "") -> TmlDoc:
    """Parse one ``.tml`` file."""
    root = ET.parse(path).getroot()
    dct = None
    for tx in root.iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = tx.get("value")
            break
    text_el = root.find("TEXT")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3" and el.get("functionInDocument") != "CREATION_TIME":
            surface = "".join(parts)[start:pos]
            timexes.append(GoldTimex(start, pos, surface, el.get("type", ""), el.get("value", "")))

    if text_el is not None:
        walk(text_el)
    doc_id = root.findtext("DOCID") or path.stem
    return TmlDoc(doc_id=doc_id.strip(), corpus=corpus, text="".join(parts), dct=dct, timexes=timexes)


def load_corpus(data: Path, corpora: tuple[str, ...] = ("TimeBank", "AQUAINT"), limit: int | None = None) -> list[TmlDoc]:
    """All documents of the named sub-corpora under ``data/train`` (sorted by file name)."""
    docs: list[TmlDoc] = []
    base = data / "train" if (data / "train").is_dir() else data
    for corpus in corpora:
        files = sorted((base / corpus).glob("*.tml"))
        if limit:
            files = files[:limit]
        docs.extend(read_tml(f, corpus) for f in files)
    return docs


@dataclass
class Counts:
    """Tallies for TempEval-3 Task A."""

    n_sys: int = 0
    n_gold: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, other: Counts) -> None:
        """Accumulate ``other`` into this tally."""
        for name in ("n_sys", "n_gold", "strict", "relaxed", "type_ok", "value_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def prf(self, tp: int) -> tuple[float, float, float]:
        """Precision, recall, F1 (percent) for ``tp`` true positives."""
        p = tp / self.n_sys if self.n_sys else 0.0
        r = tp / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return 100 * p, 100 * r, 100 * f

    def summary(self) -> dict[str, float]:
        """All headline figures, in percent."""
        sp, sr, sf = self.prf(self.strict)
        rp, rr, rf = self.prf(self.relaxed)
        return {
            "strict_p": sp, "strict_r": sr, "strict_f1": sf,
            "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
            "type_f1": self.prf(self.type_ok)[2], "value_f1": self.prf(self.value_ok)[2],
            "type_acc": 100 * self.type_ok / self.relaxed if self.relaxed else 0.0,
            "value_acc": 100 * self.value_ok / self.relaxed if self.relaxed else 0.0,
            "n_gold": float(self.n_gold), "n_sys": float(self.n_sys),
        }


@dataclass(frozen=True)
class SysTimex:
    """A system timex to score (offsets into the same text)."""

    start: int
    end: int
    type: str
    value: str


def match(gold: list[GoldTimex], system: list[SysTimex]) -> tuple[Counts, list[tuple[GoldTimex | None, SysTimex | None]]]:
    """Score one document; also return the alignment (gold, system) pairs for error analysis."""
    c = Counts(n_sys=len(system), n_gold=len(gold))
    used: set[int] = set()
    pairs: list[tuple[GoldTimex | None, SysTimex | None]] = []
    for g in gold:
        best = None
        for i, s in enumerate(system):
            if i in used or not (s.start < g.end and g.start < s.end):
                continue
            if best is None or (s.start, s.end) == (g.start, g.end):
                best = i
        if best is None:
            pairs.append((g, None))
            continue
        used.add(best)
        s = system[best]
        c.relaxed += 1
        c.strict += (s.start, s.end) == (g.start, g.end)
        c.type_ok += s.type == g.type
        c.value_ok += s.value == g.value
        pairs.append((g, s))
    pairs.extend((None, s) for i, s in enumerate(system) if i not in used)
    return c, pairs
