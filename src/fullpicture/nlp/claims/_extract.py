"""Rule-based attribution extraction on a parsed spaCy ``Doc`` (no fullpicture extensions needed).

Used by the ``fp_claims`` component and by ``eval/polnear.py``. Each attribution is a
:class:`RawClaim` with character offsets of its content, cue and source.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from fullpicture.nlp._shared import doc_text
from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.claims._asclause import as_clause
from fullpicture.nlp.claims._clauses import (
    _BORROWING,
    _PARAGRAPH_AFTER,
    _addressee,
    _clause_after,
    _interrupted,
    _next_paragraph,
    _object_preposition,
    _own_paragraph,
    _passive_subject,
    _quoted,
    _subject_first,
)
from fullpicture.nlp.claims._coordinated import shared_subject
from fullpicture.nlp.claims._data import ClaimLexicon, claim_lexicon
from fullpicture.nlp.claims._inverted import Inverted, inverted_claim
from fullpicture.nlp.claims._layout import layout_claims
from fullpicture.nlp.claims._postposed import misplaced, postposed_source
from fullpicture.nlp.claims._spans import (
    ACCUSE_VERBS,
    balance_quotes,
    clip_paragraph,
    day_word,
    extend_cue,
    inside,
    is_generic,
    quote_window,
    source_bounds,
    span_chars,
    speech_quotes,
    subject_of,
    subtree_bounds,
)

_CONTENT_DEPS = ("ccomp", "xcomp")


@dataclass
class RawClaim:
    """One attribution found in the text (character offsets, end-exclusive)."""

    kind: str
    content: tuple[int, int]
    cue: tuple[int, int] | None = None
    cue_lemma: str | None = None
    source: tuple[int, int] | None = None
    source_head: int | None = None  # token index of the source's head
    hedges: list[str] = field(default_factory=list)
    confidence: float | None = None  # the tagger's, for learned claims; None for rule-only ones


_PRO_CONTENT = {"that", "this", "so", "yes", "no", "it", "something", "nothing", "anything", "much", "same"}


class ClaimExtractor:
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
