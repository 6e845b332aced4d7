"""Which side each document speaks for.

Order of precedence, per document:

1. ``user_sides`` (document id -> label): origin ``user``;
2. the document's perspective (declared in the text, or set by the reader/metadata):
   its own origin (``declared``/``metadata``/``user``);
3. metadata: the authors' affiliation, else the site: origin ``metadata``;
4. fallback: documents left are clustered on their naming choices (which variant of each
   shared entity they use) and their framing-category profile: origin ``inferred``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from fullpicture.align._util import EntityIndex, norm_name
from fullpicture.models import Analysis
from fullpicture.models.comparison import Side


def _profile(a: Analysis, index: EntityIndex) -> Counter[str]:
    """Naming choices and framing categories of one document as a sparse vector."""
    vec: Counter[str] = Counter()
    doc = a.document.id
    for ent in a.entities:
        gid = index.key(doc, ent.id)
        for m in ent.mentions:
            vec[f"name:{gid}:{norm_name(m.text)}"] += 1
    for cue in a.framing:
        vec[f"cat:{cue.category}"] += 1
        vec[f"term:{norm_name(cue.text)}"] += 1
    return vec


def _cos(a: Counter[str], b: Counter[str]) -> float:
    num = sum(v * b.get(k, 0) for k, v in a.items())
    den = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return num / den if den else 0.0


def _infer(docs: Sequence[Analysis], threshold: float) -> list[list[int]]:
    """Average-link clusters of documents by naming/framing profile (at least 2 if possible)."""
    index = EntityIndex(docs)
    prof = [_profile(a, index) for a in docs]
    # entity-name features only count when a shared entity is named differently somewhere
    clusters = [[i] for i in range(len(docs))]
    sim = [[_cos(prof[i], prof[j]) for j in range(len(docs))] for i in range(len(docs))]
    while len(clusters) > 2:
        best, bi, bj = -1.0, -1, -1
        for i in range(len(clusters)):
            for j in range(i + 1, len(clusters)):
                s = sum(sim[x][y] for x in clusters[i] for y in clusters[j])
                s /= len(clusters[i]) * len(clusters[j])
                if s > best:
                    best, bi, bj = s, i, j
        if best < threshold:
            break
        clusters[bi] += clusters.pop(bj)
    return clusters


def _metadata_label(a: Analysis) -> str | None:
    for author in a.document.authors:
        if author.affiliation:
            return author.affiliation
    return a.document.site or None


def assign_sides(
    analyses: list[Analysis],
    user_sides: dict[str, str] | None = None,
    inferred_similarity: float = 0.6,
) -> list[Side]:
    """Group documents into sides (see the module docstring for the precedence).

    Any number of sides and documents; several documents may share a side. Labels are
    kept as given; the order of sides follows the order of first documents.
    """
    user_sides = user_sides or {}
    label_of: dict[str, tuple[str, str]] = {}
    rest: list[Analysis] = []
    for a in analyses:
        doc = a.document.id
        p = a.document.perspective
        if doc in user_sides:
            label_of[doc] = (user_sides[doc], "user")
        elif p is not None and p.label and p.origin != "inferred":
            label_of[doc] = (p.label, p.origin)
        elif (meta := _metadata_label(a)) is not None:
            label_of[doc] = (meta, "metadata")
        else:
            rest.append(a)
    if rest:
        clusters = _infer(rest, inferred_similarity) if len(rest) > 1 else [[0]]
        taken = {lab for lab, _ in label_of.values()}
        n = 0
        for members in clusters:
            n += 1
            while f"inferred {n}" in taken:
                n += 1
            for i in members:
                label_of[rest[i].document.id] = (f"inferred {n}", "inferred")
    sides: dict[str, Side] = {}
    for a in analyses:
        label, origin = label_of[a.document.id]
        side = sides.setdefault(label, Side(label=label, origin=origin))  # type: ignore[arg-type]
        if a.document.id not in side.documents:
            side.documents.append(a.document.id)
    return list(sides.values())
