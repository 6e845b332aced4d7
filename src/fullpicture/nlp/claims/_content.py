"""Where the said content of a speech verb lies: its complement clause, an adjacent
quotation, a that-clause the parse hung elsewhere, the sentence before an anaphoric report
("Об этом сообщил мэр"), the object of "accused X of Y". Mixed into :class:`ClaimExtractor`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from fullpicture.nlp._shared import doc_text
from fullpicture.nlp.claims._clauses import (
    _BORROWING,
    _addressee,
    _clause_after,
    _interrupted,
    _own_paragraph,
    _quoted,
)
from fullpicture.nlp.claims._data import ClaimLexicon
from fullpicture.nlp.claims._spans import (
    balance_quotes,
    quote_window,
    source_bounds,
    span_chars,
    subtree_bounds,
)

_CONTENT_DEPS = ("ccomp", "xcomp")

_PRO_CONTENT = {"that", "this", "so", "yes", "no", "it", "something", "nothing", "anything", "much", "same"}


class ContentFinder:
    """The content finders of the verb-cued attributions; ``lex`` is the extractor's claim lexicon."""

    lex: ClaimLexicon

    @staticmethod
    def _late_that(doc: Doc, sent: Span, tok: Token) -> tuple[int, int] | None:
        """'X said earlier on Friday during a news conference that …': a that-clause the parse
        hung elsewhere, after the verb's own adjuncts (no finite verb between them)."""
        for k in range(tok.i + 1, min(sent.end, tok.i + 16)):
            t = doc[k]
            if t.tag_ in ("VBD", "VBZ", "VBP", "MD") or t.text in ('"', "“", ";", ":"):
                return None
            if t.lower_ == "that" and t.dep_ == "mark" and t.head.i > k:
                i, j = k, t.head.right_edge.i + 1
                return span_chars(doc, i, min(j, sent.end))
        return None

    def _complement_after(self, doc: Doc, sent: Span, tok: Token) -> tuple[int, int] | None:
        """'Губернатор заявил, что …' with the clause hung elsewhere: a complementizer of the
        language's data within the verb's next few words (no verb between) opens the content,
        which runs to the sentence's end."""
        for k in range(tok.i + 1, min(sent.end, tok.i + 8)):
            t = doc[k]
            if t.lower_ in self.lex.complementizers:
                return span_chars(doc, k, sent.end)
            if t.pos_ in ("VERB", "AUX") or t.text in ('"', "«", "“", ";", ":"):
                return None
        return None

    def _anaphoric(self, doc: Doc, sent: Span, tok: Token) -> tuple[int, int] | None:
        """"Об этом сообщил мэр": a pronoun before the cue names what was said, and the
        sentence before (in the same paragraph) is the content. A report that is a paragraph
        of its own (a news lead, then "Об этом сообщает прокуратура." alone) reports the last
        sentence of the paragraph before."""
        words = [t.lower_ for t in doc[sent.start : tok.i] if not t.is_punct and not t.is_space]
        if not any(tuple(words[k : k + len(p)]) == p for p in self.lex.anaphoric for k in range(len(words))):
            return None
        if sent.start == 0:
            return None
        prev = doc[sent.start - 1].sent
        text = doc_text(doc)
        if "\n\n" in text[prev.end_char : sent.start_char] and not _own_paragraph(text, sent.start_char, sent.end_char):
            return None  # the sentence before belongs to another paragraph
        return span_chars(doc, prev.start, prev.end)

    def _content(
        self, doc: Doc, sent: Span, tok: Token, lemma: str, particle: Token | None, quotes: list[tuple[int, int]],
        finding: bool = False, subj: Token | None = None, left: int | None = None,
    ) -> tuple[int, int] | None:
        lex = self.lex
        # a clause before the verb and cut off from it by a semicolon (or a colon) is a sentence
        # of its own ("Rebels declared the town taken; the army denied the report", "We knew
        # this: the chief declared a truce"), not what was said
        comp = [c for c in tok.children if c.dep_ in _CONTENT_DEPS
                and not (c.i < tok.i and any(t.text in (";", ":") for t in doc[c.right_edge.i : tok.i]))]
        if particle is not None and particle.dep_ == "prep":
            comp = comp or [c for c in particle.children if c.dep_ in ("pobj", "pcomp")]
        if particle is not None and particle.head.i != tok.i and not comp:
            # the rest of the clause after the particle is what is called for
            j = max(t.i for t in tok.subtree) + 1
            if j > particle.i + 1:
                s, e = span_chars(doc, particle.i + 1, min(j, sent.end))
                return balance_quotes(doc_text(doc), s, e, quotes)
        # '"…," X said, citing Y': a participle that borrows its head verb's speaker takes no
        # quotation before it (the head verb's content, or a title) for its own content
        borrowed = subj is not None and subj.head.i != tok.i and tok.tag_ == "VBG" and tok.dep_ in _BORROWING
        if left is None:
            left = doc[source_bounds(subj)[0]].idx if subj is not None and subj.i < tok.i else tok.idx
        text = doc_text(doc)
        # a quotation closed by a full stop before the speaker belongs to the sentence before
        # when the verb has an object of its own ('"… terrorists." The spokesman denied any
        # involvement'); '"…," he said' and '"…?" she asked' stay
        own_obj = any(c.dep_ in ("dobj", "ccomp") and c.i > tok.i for c in tok.children)
        if all(c.i < tok.i for c in comp) and not borrowed:
            # '"…," he said': a quotation that ends just before the speaker is the content, even
            # when the parse hangs an earlier clause (or sentence) on the verb as well
            for qs, qe in quote_window(quotes, left - 4, left):
                if 0 <= left - qe <= 4 and text[qe:left].strip(" ,") == "" and not (own_obj and text[qe - 2] == "."):
                    return qs, qe
        if comp:
            c = comp[0]
            right = next((r for r in comp if r.i > tok.i), None)
            if c.i < tok.i and right is not None and not _quoted(doc, c, quotes):
                # a clause before the speaker that the parse took for a complement ("Should the
                # plan fail, critics worry that …", "Writing for …, X noted that …"): the clause
                # after the verb is what was said; a quotation before the speaker stays
                # ('"…," X said, adding …')
                c = right
            i, j = subtree_bounds(c)
            if c.dep_ == "xcomp" and lemma in lex.need_clause:
                return None
            k = _clause_after(tok, sent) if j <= tok.i else None
            if k is not None and _interrupted(doc, tok, subj, max(i, sent.start), k, lex.verbs):
                j = k  # 'X, the agency said, and Y': both pieces
            s, e = span_chars(doc, i, j)
            return balance_quotes(doc_text(doc), s, e, quotes)
        # '"…", he said' without quotation marks; not when the verb has an object of its own
        # ("…; Israel denied the charge": the charge is what was denied), but for an addressee
        # ("…, she told reporters")
        if (tok.dep_ == "parataxis" or (tok.dep_ == "ccomp" and tok.i > tok.head.i and self._has_quote_left(doc, tok, quotes))) \
                and not any(c.dep_ == "dobj" and not _addressee(c, lemma, lex) for c in tok.children):
            head = tok.head
            i, j = max(head.left_edge.i, sent.start), min(head.right_edge.i + 1, sent.end)
            if _interrupted(doc, tok, subj, i, j, lex.verbs):
                s, e = span_chars(doc, i, j)  # 'X, he said, Y': both pieces
            else:
                i, j = subtree_bounds(head, skip=tok)
                i = max(i, sent.start)
                s, e = span_chars(doc, i, min(j, tok.left_edge.i))
            return balance_quotes(doc_text(doc), s, e, quotes)
        # adjacent quotation: '"...," he said' or 'said: "..."'
        for qs, qe in quote_window(quotes, left - 4, tok.idx + len(tok) + 30):
            gap = text[qe:left]
            if 0 <= left - qe <= 4 and gap.strip(" ,") == "" and not (own_obj and text[qe - 2] == ".") and not borrowed:
                return qs, qe
            end = tok.idx + len(tok)
            if 0 <= qs - end <= 30 and sent.start_char <= qs < sent.end_char + 2:
                between = doc_text(doc)[end:qs]
                if re.fullmatch(r"[\s,:]*(?:\w+\s*){0,4}[\s,:]*", between):
                    return qs, qe
        if lemma in lex.need_clause and not finding:
            return None
        objs = [c for c in tok.rights if c.dep_ in ("dobj", "prep", "oprd", "attr")
                or (c.dep_ == "intj" and c.lower_ in ("yes", "no"))]
        objs = [c for c in objs if not (c.dep_ == "prep" and c.lower_ in lex.adjunct_prepositions)]
        if lemma in ("say", "tell", "add", "state", "write", "continue"):
            objs = [o for o in objs if o.dep_ in ("dobj", "intj") and o.lower_ in _PRO_CONTENT]
        if not objs:
            return None
        i = objs[0].left_edge.i
        j = max(o.right_edge.i for o in objs) + 1
        s, e = span_chars(doc, i, j)
        return balance_quotes(doc_text(doc), s, e, quotes)

    @staticmethod
    def _accuse(doc: Doc, tok: Token) -> tuple[tuple[int, int], int] | None:
        """'accused X of Y': content Y, cue through 'of' (PolNeAR convention)."""
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ in ("of", "for", "over"):
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    i, j = subtree_bounds(objs[0])
                    return span_chars(doc, i, j), c.i + 1
        return None

    @staticmethod
    def _has_quote_left(doc: Doc, tok: Token, quotes: list[tuple[int, int]]) -> bool:
        return any(qe <= tok.idx and tok.idx - qe < 40 for _, qe in quote_window(quotes, tok.idx - 40, tok.idx))

    @staticmethod
    def _quote_kind(text: str, cs: int, ce: int, quotes: list[tuple[int, int]]) -> bool:
        inside = sum(min(ce, qe) - max(cs, qs) for qs, qe in quote_window(quotes, cs, ce) if qs < ce and cs < qe)
        return inside >= 0.5 * max(1, ce - cs)
