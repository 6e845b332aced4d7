"""Rule-based attribution extraction on a parsed spaCy ``Doc`` (no fullpicture extensions needed).

Used by the ``fp_claims`` component and by ``eval/polnear.py``. Each attribution is a
:class:`RawClaim` with character offsets of its content, cue and source.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from fullpicture.nlp._shared import doc_text
from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.claims._asclause import as_clause
from fullpicture.nlp.claims._clauses import (
    _PARAGRAPH_AFTER,
    _next_paragraph,
    _object_preposition,
    _passive_subject,
)
from fullpicture.nlp.claims._content import ContentFinder
from fullpicture.nlp.claims._coordinated import shared_subject
from fullpicture.nlp.claims._data import ClaimLexicon, claim_lexicon
from fullpicture.nlp.claims._inverted import Inverted, inverted_claim
from fullpicture.nlp.claims._layout import layout_claims
from fullpicture.nlp.claims._nominal import NominalCues
from fullpicture.nlp.claims._postposed import misplaced, postposed_source
from fullpicture.nlp.claims._raw import RawClaim
from fullpicture.nlp.claims._spans import (
    ACCUSE_VERBS,
    balance_quotes,
    clip_paragraph,
    extend_cue,
    inside,
    is_generic,
    source_bounds,
    span_chars,
    speech_quotes,
    subject_of,
)


class ClaimExtractor(ContentFinder, NominalCues):
    """Finds attributions in a parsed Doc; build once, call per document."""

    def __init__(self, lex: ClaimLexicon | None = None) -> None:
        self.lex = lex or claim_lexicon()
        # the words that open an according-to phrase or an opening poll phrase (one look-up per token)
        self.according_first = frozenset(p[0] for p in self.lex.according_to) | self.lex.finding_prepositions

    def __call__(self, doc: Doc) -> list[RawClaim]:
        """All attributions of a document, sorted by cue/content start."""
        quotes = speech_quotes(doc, doc_text(doc))
        out: list[RawClaim] = []
        cand = self._candidates(doc)
        for a, b in token_arrays(doc).sents:
            sent = doc[a:b]
            out.extend(self._sentence(doc, sent, quotes, cand[bisect_left(cand, sent.start) : bisect_left(cand, sent.end)]))
        for kind, content, cue, source in layout_claims(doc_text(doc), self.lex.layout_labels):
            # a "NAME: text" line is the outer attribution: cues inside its text are the
            # speaker's own words ("TAPPER: ... I think ..."); a verb cue that starts before
            # the line's text (its source or the colon) means the layout match is spurious
            if any(source[0] <= (c.cue or c.content)[0] < content[0] for c in out):
                continue
            out = [c for c in out if not content[0] <= (c.cue or c.content)[0] < content[1]]
            head = doc.char_span(source[0], source[1], alignment_mode="expand")
            out.append(RawClaim(kind, content, cue, cue[1] - cue[0] == 1 and ":" or "dash", source, head.root.i if head is not None else None))
        out.sort(key=lambda c: (c.cue or c.content)[0])
        return out

    def _candidates(self, doc: Doc) -> list[int]:
        """Indices of the tokens that can start a cue (what :meth:`_sentence` looks at), from
        the shared token arrays: the other tokens of a sentence yield nothing."""
        lex = self.lex
        toks = token_arrays(doc)
        lowers, pos, tags = toks.lower, toks.pos, toks.tag
        low = {v: v.lower() for v in set(toks.lemma)}
        lemmas = [low[v] for v in toks.lemma]
        verb_lemmas = lex.naming | lex.verbs | lex.as_only | {"call"}
        markers = lex.naming_markers | {"so"}
        out = []
        for i, lo in enumerate(lowers):
            po = pos[i]
            if lo in self.according_first:
                out.append(i)
            elif po in ("VERB", "AUX") or (po == "NOUN" and tags[i] in ("VBZ", "VBD")):
                if lemmas[i] in verb_lemmas:
                    out.append(i)
            elif lo in markers or (po == "NOUN" and lemmas[i] in lex.report_nouns):
                out.append(i)
        return out

    # -- per sentence --------------------------------------------------------
    def _sentence(self, doc: Doc, sent: Span, quotes: list[tuple[int, int]], cand: list[int]) -> list[RawClaim]:
        """The attributions of one sentence, from its candidate cue tokens ``cand``."""
        lex = self.lex
        found: list[RawClaim] = []
        for k in cand:
            tok = doc[k]
            low = tok.lower_
            if low in self.according_first:
                claim = self._according(doc, sent, tok, quotes)
                if claim is None and low in lex.finding_prepositions:
                    claim = self._finding_phrase(doc, sent, tok)
                if claim:
                    found.append(claim)
                    continue
            if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.tag_ in ("VBZ", "VBD")):
                lemma = tok.lemma_.lower()
                if lemma in lex.naming and self._is_naming(tok):
                    claim = self._naming(doc, tok, quotes)
                    if claim:
                        found.append(claim)
                        continue
                if lemma in lex.verbs or lemma == "call" or lemma in lex.as_only:
                    verb = self._put_it if lemma in lex.as_only else self._verb
                    claim = verb(doc, sent, tok, lemma, quotes)
                    if claim:
                        found.append(claim)
            elif low in lex.naming_markers or (low == "so" and tok.nbor(1).lower_ == "-" if tok.i + 1 < len(doc) else False):
                claim = self._so_called(doc, tok)
                if claim:
                    found.append(claim)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.report_nouns:
                claim = self._report_noun(doc, tok)
                if claim:
                    found.append(claim)
        if not any(c.kind != "naming" for c in found):
            text_says = self._text_reads(doc, sent, quotes)
            if text_says is not None:
                found.append(text_says)
        if not any(c.kind != "naming" for c in found):
            lowers = token_arrays(doc).lower
            for k in range(sent.start, sent.end):
                if lowers[k] in lex.reportive:
                    tok = doc[k]
                    i, j = sent.start, sent.end
                    found.append(RawClaim("unsourced", span_chars(doc, i, j), (tok.idx, tok.idx + len(tok)), tok.lower_, hedges=[tok.lower_]))
                    break
        for c in found:
            self._hedges(doc, sent, c)
        return found

    def _text_reads(self, doc: Doc, sent: Span, quotes: list[tuple[int, int]]) -> RawClaim | None:
        """'"...," the statement from the ministry read.': a quotation, then a noun phrase
        headed by a text ("statement", "letter", "banner"), then a document verb ("read")
        that ends the sentence. Matched on the surface: the parser often tags this "read" as
        a noun."""
        arrays = token_arrays(doc)
        space, punct = arrays.is_space, arrays.is_punct
        keep = [i for i in range(sent.start, sent.end) if not space[i]]
        while keep and punct[keep[-1]]:
            keep.pop()
        if len(keep) < 4 or arrays.lower[keep[-1]] not in self.lex.document_verb_forms:
            return None
        toks = [doc[i] for i in keep]
        cue = toks[-1]
        quote = next((q for q in quotes if sent.start_char <= q[0] and q[1] <= cue.idx), None)
        if quote is None or doc_text(doc)[quote[1]:cue.idx].count('"') or quote[0] > sent.start_char + 2:
            return None
        np = [t for t in toks[:-1] if t.idx >= quote[1] and not (t.is_punct and t.idx < quote[1] + 2)]
        head = next((t for t in np if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in self.lex.document_subjects), None)
        if head is None or not 1 < len(np) <= 12 or any(t.pos_ in ("VERB", "AUX") for t in np):
            return None
        source = (np[0].idx, np[-1].idx + len(np[-1]))
        return RawClaim("direct", quote, (cue.idx, cue.idx + len(cue)), "read", source, head.i)

    def _hedges(self, doc: Doc, sent: Span, claim: RawClaim) -> None:
        lex = self.lex
        lo, hi = claim.content
        if claim.cue:
            lo, hi = min(lo, claim.cue[0]), max(hi, claim.cue[1])
        # only the sentence's tokens that start inside [lo, hi), found by bisection
        toks = token_arrays(doc)
        idx, text, pos = toks.idx, toks.text, toks.pos
        a = bisect_left(idx, lo, sent.start, sent.end)
        b = bisect_left(idx, hi, sent.start, sent.end)
        for i in range(a, b):
            word = text[i].lower()
            if pos[i] == "PROPN" or (text[i][0].isupper() and i != sent.start):
                continue
            if (word in lex.reportive or word in lex.epistemic) and word not in claim.hedges:
                claim.hedges.append(word)

    # -- cue kinds -----------------------------------------------------------
    def _verb(self, doc: Doc, sent: Span, tok: Token, lemma: str, quotes: list[tuple[int, int]]) -> RawClaim | None:
        lex = self.lex
        cue_i, cue_j = tok.i, tok.i + 1
        particle = None
        for c in tok.children:
            if c.dep_ == "prt" and c.i == tok.i + 1 or c.dep_ == "prep" and c.i == tok.i + 1 and f"{lemma} {c.lower_}" in lex.phrasal:
                particle = c
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if particle is None and nxt is not None and nxt.pos_ in ("ADP", "SCONJ") and f"{lemma} {nxt.lower_}" in lex.phrasal:
            particle = nxt  # "is calling for X to ...": the parse hung "for" elsewhere
        phr = f"{lemma} {particle.lower_}" if particle is not None else None
        if lemma == "call" and phr not in lex.phrasal:
            return None
        if particle is not None:
            cue_j = particle.i + 1
        cue_i, cue_j = extend_cue(doc, tok, cue_i, cue_j)
        if inside(tok.idx, quotes):
            return None
        if tok.i > 1 and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_ \
                and doc[tok.i - 2].pos_ in ("PROPN", "NOUN") and len(doc[tok.i - 2]) > 3:
            return None  # "the Polisario-declared republic": part of a compound adjective, not "re-tweeting"
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in lex.verbs:
            return None  # "wants to know": the outer verb carries the attribution
        content: tuple[int, int] | None = None
        if lemma in ACCUSE_VERBS:
            acc = self._accuse(doc, tok)
            if acc is not None:
                content, cue_j = acc
        subj0 = subject_of(tok)
        # "Editor admits losses, warns rivals not to gloat": the second verb's speaker is the first's
        shared = shared_subject(tok, lex.verbs) if subj0 is None else None
        if shared is not None:
            subj0, content = shared[0], span_chars(doc, shared[1], min(shared[2], sent.end))
        inv = inverted_claim(doc, sent, tok, cue_i, quotes, lex) if subj0 is None or subj0.i > tok.i or shared is not None \
            or tok.dep_ in ("conj", "parataxis", "advcl", "dep") else None
        if inv is not None:
            return self._inverted(doc, tok, inv, cue_j, lemma, quotes)
        post = postposed_source(doc, doc_text(doc), tok, cue_i, quotes) if misplaced(subj0, quotes) else None
        if post is not None:
            subj0 = post[0]
        finding = lemma in lex.finding and subj0 is not None and is_generic(subj0, lex)
        # "a new poll shows Sanders ahead": evidence shows its object as well as a clause
        finding = finding or (lemma in ("show", "indicate", "suggest", "reveal") and subj0 is not None
                              and subj0.lemma_.lower() in lex.evidence_subjects)
        if content is None and subj0 is not None:
            content = _next_paragraph(doc, cue_j)  # "X added:" ending its paragraph
        if content is None and post is None and shared is None:
            ac = as_clause(doc, sent, tok)  # 'As X noted, Y' / 'Y, as X said'
            if ac is not None:
                content, subj0 = balance_quotes(doc_text(doc), *span_chars(doc, ac[0], ac[1]), quotes), ac[2]
        if content is None:
            left = doc[post[1]].idx if post is not None and post[1] < tok.i else None
            content = self._content(doc, sent, tok, lemma, particle, quotes, finding, subj0, left)
        if lex.complementizers and subj0 is not None and (content is None or content[0] > tok.idx):
            # 'a déclaré mardi sur Twitter que …': the clause, not the day the parse took for an object
            late = self._complement_after(doc, sent, tok)
            if late is not None and (content is None or content[1] <= late[0]):
                content = late
        if content is None and subj0 is not None and lemma not in lex.need_clause and not lex.complementizers:
            content = self._late_that(doc, sent, tok)
        anaphoric = content is None and bool(self.lex.anaphoric)
        if anaphoric:
            content = self._anaphoric(doc, sent, tok)  # a whole sentence before: never clipped
        if content is not None and not anaphoric and not _PARAGRAPH_AFTER.match(doc_text(doc), doc[cue_j - 1].idx + 1):
            content = clip_paragraph(doc_text(doc), tok.idx, *content)
        if content is None:
            return None
        cs, ce = content
        if particle is None and cue_j < sent.end - 1 and doc[cue_j].idx == cs and _object_preposition(doc[cue_j], tok, lex):
            cue_j += 1  # "complained about the delays": the preposition is the cue's, its object the content
            cs = doc[cue_j].idx
        if ce - cs < 2:
            return None
        cs = _passive_subject(doc, sent, tok, subj0, cs)
        subj = subj0
        kind = "indirect"
        src = src_head = None
        if subj is not None and subj.lower_ not in ("that", "which", "what"):
            si, sj = source_bounds(subj) if post is None else post[1:]
            src = span_chars(doc, si, sj)
            src_head = subj.i
            if lemma in lex.finding and is_generic(subj, lex):
                kind = "unsourced"
        elif subj is None:
            kind = "unsourced"
        passive = any(c.dep_ == "nsubjpass" for c in tok.children)
        if subj is None and not passive and tok.dep_ not in ("relcl", "acl") and tok.tag_ in ("VBG", "VB"):
            return None  # participial or imperative use without any subject: not an attribution
        qs = self._quote_kind(doc_text(doc), cs, ce, quotes)
        if qs:
            kind = "direct"
        return RawClaim(kind, (cs, ce), (doc[cue_i].idx, doc[cue_j - 1].idx + len(doc[cue_j - 1])), phr or lemma, src, src_head)

    @staticmethod
    def _put_it(doc: Doc, sent: Span, tok: Token, lemma: str, quotes: list[tuple[int, int]]) -> RawClaim | None:
        """'…, as the mayor put it' / 'As one aide put it, …': a verb of ``as_only`` with "it"
        right after it is a cue (the cue is "put it") only in an "as" clause (:mod:`._asclause`)."""
        if tok.i + 1 >= sent.end or doc[tok.i + 1].lower_ != "it" or doc[tok.i + 1].head.i != tok.i:
            return None
        ac = as_clause(doc, sent, tok)
        if ac is None:
            return None
        cs, ce = balance_quotes(doc_text(doc), *span_chars(doc, ac[0], ac[1]), quotes)
        cue_i, _ = extend_cue(doc, tok, tok.i, tok.i + 1)
        si, sj = source_bounds(ac[2])
        kind = "direct" if ClaimExtractor._quote_kind(doc_text(doc), cs, ce, quotes) else "indirect"
        return RawClaim(kind, (cs, ce), (doc[cue_i].idx, tok.idx + len(tok) + 3), lemma, span_chars(doc, si, sj), ac[2].i)

    def _inverted(self, doc: Doc, tok: Token, inv: Inverted, cue_j: int, lemma: str,
                  quotes: list[tuple[int, int]]) -> RawClaim:
        """The claim of a speaker named after its verb (:mod:`._inverted`)."""
        cs, ce = clip_paragraph(doc_text(doc), tok.idx, *inv.content)
        src = None
        if inv.source is not None:
            ss, se = span_chars(doc, *inv.source)
            while ss < se and doc_text(doc)[ss] == "-":
                ss += 1  # '-il' of 'a-t-il'
            src = (ss, se)
        kind = "direct" if self._quote_kind(doc_text(doc), cs, ce, quotes) else "indirect"
        return RawClaim(kind, (cs, ce), (doc[inv.cue_start].idx, doc[cue_j - 1].idx + len(doc[cue_j - 1])), lemma, src, inv.head)
