"""``fp_token_edges``: sound token edges for documents that no parser reads.

spaCy's tokenizer can leave the left and right edges of the tokens after a special case it
applied inside an infix split (an abbreviation such as "a." after a hyphen) pointing at their
old positions. A parser resets the edges; the limited pipeline has none, and walking
``Token.children`` near the end of such a document reads past the tokens (a crash of the
whole process). This component resets every token's edges to itself, as an unparsed document
has them, and leaves heads, labels and sentence starts as they were.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.language import Language
from spacy.tokens import Doc


def reset_edges(doc: Doc) -> Doc:
    """Reset the edges of an unparsed ``doc`` in place (every token its own head, no label)."""
    n = len(doc)
    if not n or doc.has_annotation("DEP"):
        return doc
    starts = doc.to_array([SENT_START]).astype("uint64")
    arr = np.zeros((n, 2), dtype="uint64")
    arr[:, 1] = doc.vocab.strings.add("dep")  # a label makes spaCy recompute the edges
    doc.from_array([HEAD, DEP], arr)  # type: ignore[arg-type]
    doc.from_array([DEP, SENT_START], np.stack([np.zeros(n, dtype="uint64"), starts], 1))  # type: ignore[arg-type]
    return doc


@Language.factory("fp_token_edges", default_config={"settings": {}})
def make_token_edges(nlp: Language, name: str, settings: dict[str, Any]) -> Any:
    """The component: :func:`reset_edges` on every document."""
    return reset_edges
