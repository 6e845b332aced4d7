"""Attributions marked by layout instead of a verb: "NAME: text" lines and '"quote" ― Name' bylines.

Both conventions are common in news (interview transcripts, headline labels such as
"Poll: ...", quoted reader voices signed with a dash); PolNeAR annotates the colon or the
dash as the cue.
"""

from __future__ import annotations

import re

from fullpicture.nlp.claims._spans import quote_spans

# "WALLACE: Let's start..." / "Pat Caddell: Democrat voters..." at the start of a line
_COLON = re.compile(r"(?m)^[\"“]?((?:[A-Z][\w.’'&-]*)(?:[ \t]+(?:[A-Z][\w.’'&-]*|of|the|and|de|van|von|al)){0,5}):[ \t]+(\S[^\n]*)")
# '"..." ― Sonya Herridge' (dash signature after a quotation, to the end of the line)
_DASH = re.compile(r"[ \t\xa0]*(―|—|--)[ \t\xa0]*([A-Z][^\n(]{1,60}?)[ \t\xa0.]*(?=\n|\(|$)")


def layout_claims(text: str, labels: frozenset[str]) -> list[tuple[str, tuple[int, int], tuple[int, int], tuple[int, int]]]:
    """(kind, content, cue, source) of layout attributions; ``labels`` are non-source labels ("Editor's note")."""
    out = []
    for m in _COLON.finditer(text):
        name = m.group(1)
        if name.lower() in labels or len(name) < 2 or name.startswith("The "):  # "The Latest:" is a title
            continue
        cs, ce = m.start(2), m.end(2)
        while ce > cs and text[ce - 1] in " \t\"”":
            ce -= 1
        kind = "direct" if name.isupper() or text[cs] in "\"“‘'" else "indirect"
        out.append((kind, (cs, ce), (m.end(1), m.end(1) + 1), (m.start(1), m.end(1))))
    for qs, qe in quote_spans(text):
        dash = _DASH.match(text, qe)
        if dash is None:
            continue
        name = dash.group(2).strip()
        if not name or len(name.split()) > 6:
            continue
        ns = dash.start(2)
        out.append(("direct", (qs, qe), (dash.start(1), dash.end(1)), (ns, ns + len(name))))
    return out
