"""What the HTML report of a big comparison shows in full, and how it says what it leaves out.

A comparison of hundreds of documents has thousands of rows and hundreds of texts; shown
whole, its page weighs tens of megabytes. Each table shows at most ``[report] max_rows``
rows (the timeline the events told by the most sides, in date order; the other tables their
first rows, in their order of importance), and the accounts at most ``[report]
max_accounts`` highlighted texts, chosen side by side in turn (each side's most cited
documents first). Everything left out is counted under its table, every document not shown
in full is listed by title, and the whole comparison stays in its JSON. A comparison within
the limits is shown whole, as before.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from fullpicture.report._view import DocView

#: The JSON of the comparison that holds every row of each table.
JSON_KEYS = {
    "timeline": "events",
    "conflicts": "events[].conflicts",
    "omissions": "omissions",
    "naming": "naming",
    "claims": "claims",
    "places": "documents[].entities",
}


@dataclass
class Cut:
    """A table shown in part: how many rows it shows of how many, and where the rest is."""

    shown: int
    total: int
    key: str

    @property
    def left(self) -> int:
        """Rows not shown."""
        return self.total - self.shown


def limits(settings: Any = None) -> tuple[int, int]:
    """``(max_rows, max_accounts)`` from ``[report]`` of the settings (the shipped ones by default)."""
    if settings is None:
        from fullpicture.settings import load_settings

        settings = load_settings()
    return int(settings.get("report", "max_rows", 400)), int(settings.get("report", "max_accounts", 60))


def cut_rows(rows: dict[str, list[dict[str, Any]]], max_rows: int) -> dict[str, Cut]:
    """Shorten each table of ``rows`` (in place) to ``max_rows``; the cuts made, by table."""
    cuts: dict[str, Cut] = {}
    for name, found in rows.items():
        if len(found) <= max_rows:
            continue
        if name == "timeline":  # the events told by the most sides, then with conflicts; in date order
            keep = sorted(range(len(found)), key=lambda i: (-found[i]["n_sides"], -found[i]["n_conflicts"], i))
            rows[name] = [found[i] for i in sorted(keep[:max_rows])]
        else:
            rows[name] = found[:max_rows]
        cuts[name] = Cut(max_rows, len(found), JSON_KEYS.get(name, name))
    return cuts


def _doc_index(target: str) -> int:
    """The document index of a report uid (``d12-entity-e3`` -> 12)."""
    return int(target[1:].split("-", 1)[0])


def _target_lists(rows: dict[str, list[dict[str, Any]]], places: list[dict[str, Any]]) -> list[list[str]]:
    """Every list of link targets in the rows and places, in order."""
    out: list[list[str]] = []
    for found in rows.values():
        for r in found:
            if "targets" in r:
                out.append(r["targets"])
            for key in ("cells", "vals", "members"):
                out.extend(c.targets for c in r.get(key, ()))
    out.extend(p["targets"] for p in places)
    return out


def pick_documents(docs: list[DocView], rows: dict[str, list[dict[str, Any]]], places: list[dict[str, Any]],
                   max_accounts: int) -> bool:
    """Mark the documents whose text is shown (``DocView.shown``): all when they are at most
    ``max_accounts``, else that many, one side after another in turn, each side's documents
    most cited by the shown rows first. Links to the others are dropped (their words stay).
    Returns whether any document is left out."""
    if len(docs) <= max_accounts:
        return False
    lists = _target_lists(rows, places)
    cited: Counter[int] = Counter(_doc_index(t) for targets in lists for t in targets)
    by_side: dict[int, list[DocView]] = {}
    for d in docs:
        by_side.setdefault(d.side.index, []).append(d)
    queues = [sorted(ds, key=lambda d: (-cited[d.index], d.index)) for _, ds in sorted(by_side.items())]
    chosen: set[int] = set()
    while len(chosen) < max_accounts:
        for q in queues:
            if q and len(chosen) < max_accounts:
                chosen.add(q.pop(0).index)
    for d in docs:
        d.shown = d.index in chosen
    for targets in lists:
        targets[:] = [t for t in targets if _doc_index(t) in chosen]
    return True
