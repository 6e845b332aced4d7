"""Attributions marked by layout instead of a verb: "NAME: text" lines, headlines that end
with their source ("Strike hit the main camp: Government") and '"quote" ― Name' bylines.

These conventions are common in news (interview transcripts, headline labels such as
"Poll: ...", headlines of agencies that name the source last, quoted reader voices signed
with a dash); PolNeAR annotates the colon or the dash as the cue.
"""

from __future__ import annotations

import re

from fullpicture.nlp.claims._spans import quote_spans

# "WALLACE: Let's start..." / "Pat Caddell: Democrat voters..." at the start of a line
_COLON = re.compile(r"(?m)^[\"“]?((?:[A-Z][\w.’'&-]*)(?:[ \t]+(?:[A-Z][\w.’'&-]*|of|the|and|de|van|von|al)){0,5}):[ \t]+(\S[^\n]*)")
# "Troops hit the main camp in the valley: Government" / "... will pay a heavy price: Ministry":
# a one-line paragraph (a headline: no final full stop) whose text, with at least one word in
# lower case (not a Title Case line, which "NAME: text" reads), ends with a colon and one to
# six capitalised words
_TRAIL = re.compile(
    r"(?m)(?:\A|(?<=\n))(?=[^\n]{16,220}(?:\n|\Z))([^\n:]*\b[a-z][^\n:]*?):[ \t]+"
    r"([A-Z][\w’'&-]*\.?(?:[ \t]+(?:[A-Z][\w’'&-]*\.?|of|the|and|de|al)){0,5})(?<!\.)[ \t]*(?=\n|\Z)")
# '"..." ― Sonya Herridge' (dash signature after a quotation, to the end of the line)
_DASHES = ("―", "—", "--")
_DASH = re.compile(r"[ \t\xa0]*(" + "|".join(_DASHES) + r")[ \t\xa0]*([A-Z][^\n(]{1,60}?)[ \t\xa0.]*(?=\n|\(|$)")


def _trail_matches(text: str) -> list[re.Match[str]]:
    """``_TRAIL.finditer(text)``, tried only at the start of the lines that hold a colon (a match
    starts at a line start, needs a colon before the line's end and ends before its newline, so
    no other start can match and one line's match never reaches the next line)."""
    out = []
    pos, n = 0, len(text)
    while True:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        if text.find(":", pos, end) >= 0:
            m = _TRAIL.match(text, pos)
            if m is not None:
                out.append(m)
        if nl < 0:
            return out
        pos = nl + 1


def layout_claims(text: str, labels: frozenset[str]) -> list[tuple[str, tuple[int, int], tuple[int, int], tuple[int, int]]]:
    """(kind, content, cue, source) of layout attributions; ``labels`` are non-source labels ("Editor's note")."""
    out = []
    lines = set()
    for m in _COLON.finditer(text):
        lines.add(m.start())
        name = m.group(1)
        if name.lower() in labels or len(name) < 2 or name.startswith("The "):  # "The Latest:" is a title
            continue
        cs, ce = m.start(2), m.end(2)
        while ce > cs and text[ce - 1] in " \t\"”":
            ce -= 1
        kind = "direct" if name.isupper() or text[cs] in "\"“‘'" else "indirect"
        out.append((kind, (cs, ce), (m.end(1), m.end(1) + 1), (m.start(1), m.end(1))))
    for m in _trail_matches(text):
        name, said = m.group(2), m.group(1).split()
        # "… were killed. Photo: Reuters" is a caption's credit: a headline is one sentence
        # and its last word before the colon is no label
        if m.start() in lines or name.lower() in labels or len(said) < 3 or said[-1].lower() in labels \
                or ". " in m.group(1):
            continue
        cs, ce = m.start(1), m.end(1)
        while cs < ce and text[cs] in " \t":
            cs += 1
        kind = "direct" if text[cs] in "\"“‘'" and text[ce - 1] in "\"”’'" else "indirect"
        out.append((kind, (cs, ce), (m.end(1), m.end(1) + 1), (m.start(2), m.end(2))))
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


def dash_signature(text: str, cue: tuple[int, int], source: tuple[int, int] | None) -> bool:
    """Whether ``cue`` is a dash that signs a quotation with the ``source`` after it ('"…" ― Name')."""
    return source is not None and source[0] >= cue[1] and text[cue[0] : cue[1]] in _DASHES
