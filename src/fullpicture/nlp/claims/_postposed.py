"""The speaker of a quotation named after it: '"…," said Leslie Wimes' / '"…," police chief Jo Doe said'.

When a quotation runs over several sentences, the sentence splitter often cuts inside it,
and the parse then takes a word of the quotation for the subject of the verb that follows
("Full panic mode," said X: *mode* as subject), or hangs the verb on the quotation's own
clause (its subject is then the quoted "we"). The layout is plain on the surface: the
quotation ends, and the name stands right before or right after the verb.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from fullpicture.nlp.claims._spans import inside, quote_window, source_bounds

_NP_POS = {"PROPN", "NOUN", "PRON", "ADJ", "DET", "NUM", "PUNCT", "ADP", "CCONJ", "PART"}
_NP_HEAD = {"PROPN", "NOUN", "PRON"}
_MAX_NP = 14


def misplaced(subj: Token | None, quotes: list[tuple[int, int]]) -> bool:
    """Whether a parsed subject is missing or lies inside a quotation (a quoted word cannot
    be the speaker of a verb outside the quotation)."""
    return subj is None or inside(subj.idx, quotes)


def postposed_source(doc: Doc, text: str, tok: Token, cue_i: int, quotes: list[tuple[int, int]]) -> tuple[Token, int, int] | None:
    """(head, i, j) of the speaker named next to a verb that follows a quotation, or None.

    ``cue_i`` is the first token of the cue (auxiliaries and light adverbs included).
    '"…," said X': the verb's subject after it, else the noun phrase after it up to a comma
    or the sentence's end. '"…," X said': the noun phrase between the quotation and the cue,
    when it holds no verb and has a noun.
    """
    if tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN") or any(c.dep_ == "nsubjpass" for c in tok.children):
        return None
    start = doc[cue_i].idx
    for _qs, qe in quote_window(quotes, start - 200, start):
        if not 0 <= start - qe <= 200:
            continue
        gap = text[qe:start]
        if gap.strip(" ,\xa0") == "":
            # '"…," said X'
            after = [c for c in tok.rights if c.dep_ == "nsubj"]
            if after:
                i, j = source_bounds(after[0])
                return after[0], i, j
            return _np_after(doc, tok)
        if "\n" in gap or '"' in gap or "“" in gap or "”" in gap:
            continue
        # '"…," X said'
        a = next((k for k in range(max(0, cue_i - _MAX_NP), cue_i)
                  if doc[k].idx >= qe and not (doc[k].is_punct or doc[k].is_space)), None)
        if a is None:
            continue
        np = doc[a:cue_i]
        # a capitalised word tagged as a verb there is a misparsed name ("Tulsa police chief")
        if all(t.pos_ in _NP_POS or t.is_title for t in np) and any(t.pos_ in _NP_HEAD for t in np) and not np[-1].is_punct:
            head = np.root if np.root.pos_ in _NP_HEAD else [t for t in np if t.pos_ in _NP_HEAD][-1]
            return head, a, cue_i
    return None


def _np_after(doc: Doc, tok: Token) -> tuple[Token, int, int] | None:
    """The noun phrase right after a verb, up to a comma, a verb or the sentence's end; a
    leading "in"/"at" goes ('"…," declared in the Ministry of Defence': a subjectless report,
    common in news translated from Russian or Ukrainian, "заявили в Минобороны")."""
    end = tok.sent.end
    start = tok.i + 1
    if start + 1 < end and doc[start].lower_ in ("in", "at") and doc[start + 1].pos_ in ("DET", "PROPN", "NOUN"):
        start += 1
    j = start
    while j < end and doc[j].pos_ in _NP_POS and doc[j].text not in (",", ".", ";", ":") and not doc[j].is_space:
        j += 1
    np = doc[start:j]
    heads = [t for t in np if t.pos_ in _NP_HEAD]
    if not heads or len(np) > _MAX_NP:
        return None
    return heads[-1], start, j
