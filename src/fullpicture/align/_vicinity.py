"""A town told only as a landmark near a happening ("missiles hit a village near Westburg").

Reports name a well-known town to tell readers roughly where a village lies; that town is no
place of the happening, so it must not tell a row's town when rows are split by town
(``_townsplit``): a village's strike told "near Westburg" by some reports and at the village by
others is one strike. The vicinity words are ``data/align/vicinity.toml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from fullpicture._data import data_toml
from fullpicture.models import Analysis, Entity, Event


@lru_cache(maxsize=1)
def _vicinity() -> re.Pattern[str]:
    words = sorted({str(w).lower() for w in data_toml("align", "vicinity.toml")["vicinity"]["words"]}, key=len, reverse=True)
    # the words end right before the name (a space, or nothing after an elided "d'")
    return re.compile(r"(?:^|[\s(«\"])(?:" + "|".join(re.escape(w) for w in words) + r")\s*$")


def near_only(a: Analysis, ev: Event, ent: Entity) -> bool:
    """Every mention of the place ``ent`` in the sentence of ``ev`` follows a vicinity word
    ("near Westburg", "près d'Westburg", "под Westburg"); False when the sentence names it
    otherwise or not at all."""
    s, e = ev.evidence.start, ev.evidence.end
    inside = [m for m in ent.mentions if s <= m.start < e]
    pattern = _vicinity()
    return bool(inside) and all(pattern.search(a.text[max(s, m.start - 40) : m.start].lower()) for m in inside)
