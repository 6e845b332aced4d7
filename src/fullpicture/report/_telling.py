"""How each side tells it: loaded language, naming choices and agentless harm, kept apart.

Loaded language is the word-choice cues scored against BASIL's lexical bias (lexicon
categories and the learned detector); naming choices and agentless harm come from the
lexicons and the parse (not what BASIL annotates).
Only learned cues at or above the report threshold count (``[framing] report_min_confidence``).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from fullpicture.models.comparison import Comparison
from fullpicture.models.framing import LOADED_LANGUAGE
from fullpicture.report._items import shown
from fullpicture.report._view import SideView


def telling(comparison: Comparison, sides: dict[str, SideView]) -> list[dict[str, Any]]:
    """One row per side: loaded-language rate and terms, naming choices, agentless-harm share."""
    by_id = {a.document.id: a for a in comparison.documents}
    rows = []
    for label, side in sides.items():
        docs = [by_id[d] for d in side.documents if d in by_id]
        tokens = sum(a.framing_profile.tokens for a in docs if a.framing_profile) or 0
        loaded: Counter[str] = Counter()
        naming: Counter[str] = Counter()
        with_agent = without = 0
        for a in docs:
            for c in a.framing:
                if not shown(c, "framing"):
                    continue
                if c.category in LOADED_LANGUAGE:
                    loaded[c.text.lower()] += 1
                elif c.category == "naming":
                    naming[c.text] += 1
                elif c.category == "harm_agent":
                    with_agent += 1
                elif c.category == "harm_agentless":
                    without += 1
        rows.append({
            "side": side,
            "label": label,
            "loaded_rate": round(1000.0 * sum(loaded.values()) / tokens, 2) if tokens else None,
            "loaded_terms": [t for t, _ in loaded.most_common(8)],
            "naming": [t for t, _ in naming.most_common(8)],
            "agentless_share": round(without / (with_agent + without), 2) if with_agent + without else None,
            "harm": with_agent + without,
        })
    return rows
