"""Naming table: entities that different sides name differently."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from fullpicture.align._util import EntityIndex, norm_name
from fullpicture.models import Analysis
from fullpicture.models.comparison import NameVariant, NamingRow


def naming_table(
    analyses: list[Analysis], side_of: Mapping[str, str], index: EntityIndex
) -> list[NamingRow]:
    """Rows for every cross-document entity whose names differ between sides.

    Entities are matched across documents by GeoNames id or normalised name/alias
    (:class:`EntityIndex`). Variants are the exact surface forms of the mentions, counted
    per side; a row is kept when some name is used by one side and not by another
    (compared case- and accent-insensitively). Rows are ordered by total mentions.
    """
    by_id = {a.document.id: a for a in analyses}
    rows = []
    for gid, members in index.groups().items():
        per_side: dict[str, Counter[str]] = {}
        geo = None
        for doc, ent in members:
            side = side_of.get(doc)
            if side is None or doc not in by_id:
                continue
            c = per_side.setdefault(side, Counter())
            for m in ent.mentions:
                c[m.text] += 1
            if not ent.mentions:
                c[ent.name] += 1
            if geo is None and ent.geo is not None:
                geo = ent.geo.model_dump(mode="json")
        if len(per_side) < 2:
            continue
        normed = {s: {norm_name(n) for n in c} for s, c in per_side.items()}
        sides = list(normed)
        differs = any(normed[s] != normed[t] for i, s in enumerate(sides) for t in sides[i + 1 :])
        if not differs:
            continue
        variants = [
            NameVariant(side=s, name=n, count=k)
            for s in sides
            for n, k in sorted(per_side[s].items(), key=lambda x: (-x[1], x[0]))
        ]
        rows.append((sum(v.count for v in variants), NamingRow(entity=index.display_of(gid), variants=variants, geo=geo)))
    rows.sort(key=lambda r: (-r[0], r[1].entity))
    return [r for _, r in rows]
