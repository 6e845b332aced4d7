"""Attributions cued by a phrase rather than a speech verb's clause: "according to X",
an opening finding phrase ("In the latest poll, ..."), naming verbs ("what it calls ..."),
"so-called" and report nouns ("claims that ..."). Mixed into :class:`ClaimExtractor`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from fullpicture.nlp._shared import doc_text
from fullpicture.nlp.claims._clauses import _subject_first
from fullpicture.nlp.claims._data import ClaimLexicon
from fullpicture.nlp.claims._raw import RawClaim
from fullpicture.nlp.claims._spans import (
    balance_quotes,
    day_word,
    source_bounds,
    span_chars,
    subject_of,
    subtree_bounds,
)


class NominalCues:
    """The phrase-cued attribution finders; ``lex`` is the extractor's claim lexicon."""

    lex: ClaimLexicon

    def _according(self, doc: Doc, sent: Span, tok: Token, quotes: list[tuple[int, int]]) -> RawClaim | None:
        words = [t.lower_ for t in doc[tok.i : min(sent.end, tok.i + 4)]]
        for pat in self.lex.according_to:
            if tuple(words[: len(pat)]) == pat:
                last = doc[tok.i + len(pat) - 1]
                objs = [c for c in last.children if c.dep_ == "pobj"] or [c for c in last.rights if c.dep_ in ("pobj", "dobj", "appos")]
                if not objs:
                    if tok.i + len(pat) < sent.end:
                        obj = doc[tok.i + len(pat)]
                        while obj.head.i > obj.i and obj.head.i < sent.end and obj.head.pos_ in ("PROPN", "NOUN"):
                            obj = obj.head
                        objs = [obj]
                    else:
                        return None
                si, sj = source_bounds(objs[0])
                si = max(si, tok.i + len(pat))
                # content: the rest of the sentence without the according-to phrase
                # before it only a short adverbial ("At the same time, according to him, X")
                lead = doc[sent.start : tok.i]
                if _subject_first(lead, sj, sent):
                    ci, cj = sent.start, sent.end
                elif tok.i - sent.start <= 1 or (len(lead) <= 6 and sj < sent.end - 2 and doc[sj].text == ","
                                               and not any(t.pos_ in ("VERB", "AUX") for t in lead)):
                    ci, cj = sj, sent.end
                else:
                    ci, cj = sent.start, tok.i
                if ci == sj:
                    # the source ran over the subject of the clause after it ("According to X,
                    # the explosion in Y was ordered by Z"): it stops at its first comma
                    k = sj
                    while k < cj and (doc[k].is_punct or doc[k].is_space):
                        k += 1
                    comma = next((m for m in range(si, sj) if doc[m].text == ","), None)
                    if k < cj and doc[k].pos_ in ("VERB", "AUX") and doc[k].dep_ != "relcl" and comma is not None:
                        sj, ci = comma, comma + 1
                if ci == sj and tok.i - sent.start <= 1 and all(t.is_punct or t.is_space for t in doc[sj:cj]):
                    # the parse hung the whole clause on the source ("According to X, the plan
                    # a failure.", its verb read as a noun): the source ends at its first comma
                    comma = next((m for m in range(objs[0].i + 1, sj - 2) if doc[m].text == ","), None)
                    if comma is not None:
                        sj, ci = comma, comma + 1
                cs, ce = span_chars(doc, ci, cj)
                if ce - cs < 3:
                    return None
                kind = "according_to"
                cue = (tok.idx, last.idx + len(last))
                return RawClaim(kind, (cs, ce), cue, " ".join(pat), span_chars(doc, si, sj), objs[0].i)
        return None

    def _finding_phrase(self, doc: Doc, sent: Span, tok: Token) -> RawClaim | None:
        """'In the latest poll, X leads by 5 points': a phrase opening its sentence with a
        preposition and a noun of ``finding_prepositions``/``finding_nouns``, closed by a comma,
        is the source of the clause after it (the preposition its cue); None otherwise."""
        first = next((t for t in sent if not (t.is_space or t.is_punct)), None)
        if first is None or first.i != tok.i:
            return None
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in self.lex.finding_nouns:
            return None
        end = tok.right_edge.i + 1
        clause = doc[end + 1 : sent.end]
        if end + 1 >= sent.end or doc[end].text != "," or not any(t.pos_ in ("VERB", "AUX") for t in clause):
            return None
        if any(t.pos_ == "VERB" and t.lemma_.lower() in self.lex.verbs for t in clause):
            return None  # "In a poll, 40 percent said …": the speech verb's attribution is the one kept
        cs, ce = span_chars(doc, end + 1, sent.end)
        if ce - cs < 3:
            return None
        return RawClaim("according_to", (cs, ce), (tok.idx, tok.idx + len(tok)), tok.lower_,
                        span_chars(doc, tok.i + 1, end), obj.i)

    def _is_naming(self, tok: Token) -> bool:
        # "called Friday for a recount": the parse can take a day name for the name given
        if any(c.dep_ == "oprd" and not day_word(c) for c in tok.children):
            return True
        for c in tok.children:
            if c.dep_ == "prep" and (c.lower_ == "as" or (c.lower_ == "to" and any(g.dep_ == "prep" and g.lower_ == "as" for g in c.subtree))):
                return True
        if tok.dep_ == "relcl" or any(c.lower_ == "what" and c.dep_ in ("dobj", "nsubj") for c in tok.children):
            return tok.lemma_.lower() in ("call", "dub", "term", "label", "brand", "describe")
        return False

    def _naming(self, doc: Doc, tok: Token, quotes: list[tuple[int, int]]) -> RawClaim | None:
        subj = subject_of(tok)
        name_tok: Token | None = None
        for c in tok.subtree:
            if c.dep_ in ("oprd", "pobj") and c.head.dep_ in ("prep",) and c.head.lower_ == "as":
                name_tok = c
                break
            if c.dep_ == "oprd":
                name_tok = c
                break
        if name_tok is None and tok.dep_ == "relcl":
            head = tok.head  # "what it calls the special operation": name follows the clause
            if head.i > tok.i:
                name_tok = head
            else:
                objs = [c for c in tok.rights if c.dep_ in ("dobj", "oprd", "attr", "ccomp")]
                name_tok = objs[0] if objs else None
        if name_tok is None:
            objs = [c for c in tok.rights if c.dep_ in ("dobj", "oprd", "attr", "ccomp", "xcomp")]
            name_tok = objs[-1] if objs else None
        if name_tok is None:
            return None
        i, j = subtree_bounds(name_tok)
        if name_tok.i == tok.head.i:
            i = max(i, tok.right_edge.i + 1)
        cs, ce = balance_quotes(doc_text(doc), *span_chars(doc, i, j), quotes)
        if ce <= cs:
            return None
        src = span_chars(doc, *source_bounds(subj)) if subj is not None else None
        cue_end = tok.idx + len(tok)
        if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to" and doc[tok.i + 1].head == tok:
            cue_end = doc[tok.i + 1].idx + 2
        return RawClaim("naming", (cs, ce), (tok.idx, cue_end), tok.lemma_.lower(), src, subj.i if subj is not None else None)

    def _so_called(self, doc: Doc, tok: Token) -> RawClaim | None:
        k = tok.i
        while k < len(doc) and doc[k].text in ("so", "-", "called", "self", "styled", "proclaimed"):
            k += 1
        if k >= len(doc):
            return None
        head = doc[k - 1].head if doc[k - 1].head.i >= k else doc[k]
        j = head.i + 1
        cs, ce = span_chars(doc, k, j)
        return RawClaim("naming", (cs, ce), (tok.idx, doc[k - 1].idx + len(doc[k - 1])), "so-called")

    def _report_noun(self, doc: Doc, tok: Token) -> RawClaim | None:
        if not tok.tag_.endswith("S") and not any(c.lower_ == "that" and c.dep_ == "mark" for c in tok.subtree):
            return None
        comp = [c for c in tok.rights if (c.dep_ == "prep" and c.lower_ in ("of", "that", "about")) or c.dep_ in ("acl", "ccomp")]
        if not comp:
            return None
        poss = [c for c in tok.children if c.dep_ == "poss" and c.lower_ not in ("its", "their", "his", "her")]
        if [c for c in tok.rights if c.dep_ == "prep" and c.lower_ in ("by", "from")]:
            return None  # the source's own verb cue usually carries it; keep precision
        if not poss and any(c.dep_ in ("det",) and c.lower_ in ("the", "this", "these", "that") for c in tok.children):
            return None
        i, j = comp[0].left_edge.i, comp[-1].right_edge.i + 1
        if comp[0].dep_ == "prep":
            i = comp[0].i + 1
        cs, ce = span_chars(doc, i, j)
        cue = (tok.idx, tok.idx + len(tok))
        if poss:
            si, sj = source_bounds(poss[0])
            ss, se = span_chars(doc, si, sj)
            if doc_text(doc)[se - 2 : se] in ("’s", "'s"):
                se -= 2
            return RawClaim("indirect", (cs, ce), cue, tok.lemma_.lower(), (ss, se), poss[0].i)
        return RawClaim("unsourced", (cs, ce), cue, tok.lemma_.lower())
