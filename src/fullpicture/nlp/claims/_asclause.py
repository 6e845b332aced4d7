"""An attribution set off as an "as" clause: 'As X noted, Y' / 'Y, as X put it' / 'A, as X said, B'.

The speaker's clause is a parenthetical: the cue verb has no complement of its own (the
parse hangs it on the main clause, or the main clause on it), and what is attributed is the
clause around it. PolNeAR marks that clause as the content: the rest of the sentence after
an opening "as" clause, the sentence before a closing one, and both pieces (Content and
Content2, scored as their hull) around one in the middle.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_CLOSE = {",", ":", ";", "—", "–", "--", ")"}
_OPEN = {",", "—", "–", "--", "("}
_LEAD = {"if", "but", "and", "yet", "so", "still", "indeed", "now", "then", "because", "while", "though", "although"}
_MAX_TAIL = 14  # words between the cue verb and the comma that ends the "as" clause


def _words(span: Span) -> list[Token]:
    return [t for t in span if not (t.is_punct or t.is_space)]


def _speaker(doc: Doc, sent: Span, tok: Token) -> Token | None:
    """The head of the speaker of cue verb ``tok`` right after an "as", in any of three
    parses: the verb's subject; the object of an "as" the parse hung on the verb ("as one of
    the advisers pointed out"); the object of an "as" hung on the subject of the main clause
    ("Hawaii, as one of the advisers pointed out, …")."""
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i and c.left_edge.i > sent.start \
                and doc[c.left_edge.i - 1].lower_ == "as":
            return c
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" and c.i < tok.i]
    preps += [p for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i
              for p in c.rights if p.dep_ == "prep" and p.lower_ == "as" and doc[p.i - 1].text == ","]
    for prep in preps:
        objs = [g for g in prep.children if g.dep_ == "pobj"]
        if objs and objs[0].left_edge.i == prep.i + 1 and objs[0].right_edge.i < tok.i \
                and all(t.head.i == tok.i and t.dep_ in ("aux", "neg", "advmod") for t in doc[objs[0].right_edge.i + 1 : tok.i]):
            return objs[0]
    return None


def as_clause(doc: Doc, sent: Span, tok: Token) -> tuple[int, int, Token] | None:
    """Token bounds [i, j) of the content of cue verb ``tok`` and its speaker, when a subject
    of ``tok`` follows an "as" that opens the sentence (after a conjunction or "if" at most)
    or follows a comma, dash or parenthesis; else None.

    The "as" clause ends at the first comma, colon, semicolon, dash or closing parenthesis
    after the verb (or at the sentence's end), with no other verb before it. What is around
    it must hold a verb of its own: 'as expected' alone is no attribution. After an opening
    "if" ('If, as I have argued, X, then Y') the content is the "if" clause.
    """
    if not any(t.lower_ == "as" for t in doc[sent.start : tok.i]):
        return None
    subj = _speaker(doc, sent, tok)
    if subj is None:
        return None
    a = subj.left_edge.i - 1
    lead = _words(doc[sent.start : a])
    opening = all(t.lower_ in _LEAD for t in lead)
    k = a - 1
    while k >= sent.start and doc[k].is_space:
        k -= 1
    if not opening and doc[k].text not in _OPEN:
        return None
    last = sent.end
    while last > a and (doc[last - 1].is_punct and doc[last - 1].text not in "\"”’'" or doc[last - 1].is_space):
        last -= 1
    b = tok.i + 1
    while b < last and doc[b].text not in _CLOSE:
        if doc[b].pos_ in ("VERB", "AUX") and doc[b].dep_ != "amod" or b - tok.i > _MAX_TAIL or doc[b].text in ("\"", "“", "”"):
            return None
        b += 1
    before = (sent.start, k) if not opening else None
    after = (b + 1, last) if b < last else None
    if before is not None and after is not None:
        i, j = sent.start, last  # 'A, as X said, B': both pieces
    elif after is not None:
        i, j = after
        mark = next((t for t in lead if t.dep_ == "mark" and t.head.i > b), None)
        if mark is not None and mark.head.right_edge.i + 1 > i:
            j = min(j, mark.head.right_edge.i + 1)  # 'If, as I have argued, X': the "if" clause
    elif before is not None:
        i, j = before
    else:
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[i:j] if not a <= t.i < b) or len(_words(doc[i:j])) < 3:
        return None
    return i, j, subj
