"""Cue recall per language: of a gold's cue strings, the share that holds an event mention.

A cue (``eval/realtext.py``: text of a document that tells an incident) is *read* when the
trigger of one of the tool's mentions lies inside one of its occurrences, the same test that
makes a mention count as the incident's; a cue the text does not hold is left out. Per
language of the document (``Document.language``): cues, cues read, and the words of the cues
not read, most frequent first (what the language's lexicon may lack).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

_WORD = re.compile(r"\w+")


@dataclass
class CueRecall:
    """Cues and cues read per language, with the cues missed."""

    cues: Counter[str] = field(default_factory=Counter)
    read: Counter[str] = field(default_factory=Counter)
    missed: dict[str, list[str]] = field(default_factory=dict)

    def add(self, comp: Any, docs: dict[str, dict[str, list[str]]], doc_name: dict[str, str],
            corpus: str = "") -> None:
        """Count the cues of one comparison (``docs``: the gold's document -> incident -> cues)."""
        for a in comp.documents:
            name = doc_name.get(a.document.id, "")
            lang = a.document.language or "?"
            trig = [(e.trigger.start, e.trigger.end) for e in a.events]
            for strings in docs.get(name, {}).values():
                for s in strings:
                    occ = occurrences(a.text, s)
                    if not occ:
                        continue
                    self.cues[lang] += 1
                    if any(st <= t0 and t1 <= en for st, en in occ for t0, t1 in trig):
                        self.read[lang] += 1
                    else:
                        self.missed.setdefault(lang, []).append(f"{corpus}/{name}: {s!r}")

    def lines(self, words: int = 40) -> list[str]:
        """Recall per language, then the most frequent words of the missed cues."""
        out = ["cue recall per language: " + "; ".join(
            f"{lang} {self.read[lang]}/{n} ({self.read[lang] / n:.3f})" for lang, n in sorted(self.cues.items()))]
        for lang in sorted(self.missed):
            freq = Counter(w.lower() for cue in self.missed[lang] for w in _WORD.findall(cue.split(": ", 1)[1]))
            out.append(f"missed cue words {lang}: " + ", ".join(f"{w} {n}" for w, n in freq.most_common(words)))
            out += [f"missed cue {lang}: {cue}" for cue in self.missed[lang]]
        return out


def occurrences(text: str, cue: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of every occurrence of ``cue`` in ``text``."""
    out, k = [], text.find(cue)
    while k >= 0:
        out.append((k, k + len(cue)))
        k = text.find(cue, k + 1)
    return out
