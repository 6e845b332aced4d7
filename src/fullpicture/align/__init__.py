"""Align the accounts of several sides: the full picture.

Public API::

    from fullpicture.align import assign_sides, compare
    sides = assign_sides(analyses, user_sides={doc_id: "armenian", ...})
    comparison = compare(analyses, sides)          # models.comparison.Comparison
    comparison.to_json_dict()                       # fullpicture/comparison/v2

Cross-document event coreference combines event-type family (PLOVER quad classes),
granularity-aware dates, places and participants matched across documents (GeoNames id or
normalised name; metonyms resolved), trigger lemmas and MiniLM sentence similarity, with
blocking so that the number of compared pairs grows near-linearly.
"""

from __future__ import annotations

from fullpicture.align._compare import compare
from fullpicture.align._sides import assign_sides as _assign_sides
from fullpicture.align._texts import embedding_texts
from fullpicture.align._util import EMBED_CLAIMS, EMBED_EVENTS, INCIDENTS, MATCH_CLAIMS
from fullpicture.models import Analysis
from fullpicture.models.comparison import Comparison, Side
from fullpicture.settings import Settings


def assign_sides(
    analyses: list[Analysis],
    user_sides: dict[str, str] | None = None,
    settings: Settings | None = None,
) -> list[Side]:
    """Group documents into sides.

    ``user_sides`` maps document id -> label (origin ``user``). Other documents take their
    declared perspective, else metadata (author affiliation, else site; origin
    ``metadata``), else, as a documented fallback, a cluster on naming choices and framing
    (origin ``inferred``, labels ``inferred 1``, ``inferred 2``, ...).
    """
    threshold = 0.6
    if settings is not None:
        threshold = float(settings.get("align", "inferred_similarity", 0.6))
    return _assign_sides(analyses, user_sides, threshold)


#: The stages ``compare`` reports to its ``progress(stage, done, total)``, with what each counts.
STAGES = {EMBED_EVENTS: "texts", INCIDENTS: "incidents", EMBED_CLAIMS: "texts", MATCH_CLAIMS: "pairs"}

__all__ = ["STAGES", "Comparison", "Side", "assign_sides", "compare", "embedding_texts"]
