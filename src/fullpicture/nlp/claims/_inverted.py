"""The speaker named after the cue verb, French and Russian news style.

'"…", a annoncé lundi le ministère de la Défense' / '…, a déclaré à l'AFP le porte-parole' /
'…, заявили в Минобороны' / '…, сообщил в понедельник представитель ведомства': what was
said comes first, then a comma (or a dash, or the quotation's end), then the verb, then words
of time, an addressee or a medium, then the speaker. The parsers often take that speaker for
the verb's object, hang it on the medium, or find no subject at all, so the layout is read
on the surface. The words skipped and the prepositions that name an institution are language
data (``[postposed]`` in ``data/claims/cues.<lang>.toml``); a language without that table
is left to the other rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from fullpicture.nlp.claims._data import ClaimLexicon
from fullpicture.nlp.claims._spans import quote_window, span_chars

_BOUNDARY = {",", "—", "–", "-", "»", "”", '"', ":"}
_NOMINAL = {"NOUN", "PROPN", "PRON"}
_IN_NP = {"DET", "ADJ", "NUM", "NOUN", "PROPN", "PRON", "ADP", "PART", "CCONJ"}
_MAX_TAIL = 16
_NAME_QUOTES = {"«", "»", "“", "”", '"'}  # a name in quotation marks ('движение «Мы вместе»')


@dataclass(frozen=True)
class Inverted:
    """What a postposed speaker gives: the content's characters and the speaker's tokens."""

    content: tuple[int, int]
    source: tuple[int, int] | None  # token bounds [i, j)
    head: int | None  # token index of the source's head
    cue_start: int  # first token of the cue (the auxiliary of 'a-t-il déclaré')


def _boundary(doc: Doc, sent: Span, cue_i: int) -> int | None:
    """Index of the punctuation that closes what was said, right before the cue, or None. It
    may open the sentence: the splitter often ends a sentence with the quotation ('«…» | , a dit X')."""
    k = cue_i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 1 or k < sent.start - 1 or doc[k].text not in _BOUNDARY:
        return None
    return k


def _has_own_content(tok: Token, lex: ClaimLexicon) -> bool:
    """A clause after the verb ('a déclaré que…', 'заявил, что…'): not this shape."""
    if any(c.dep_ in ("ccomp", "xcomp") and c.i > tok.i for c in tok.children):
        return True
    nxt = [t for t in tok.doc[tok.i + 1 : tok.i + 3] if not t.is_punct]
    return bool(nxt) and nxt[0].lower_ in lex.complementizers


def _skip_phrase(doc: Doc, k: int, end: int) -> int:
    """Past a prepositional phrase starting at ``k`` ('à l'AFP', 'lors d'une conférence de
    presse', 'в своём телеграм-канале'): its preposition, then its words up to a determiner
    or a new name after its noun, a punctuation mark or a verb."""
    k += 1
    seen_noun = False
    while k < end:
        t = doc[k]
        if t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ"):
            break
        if seen_noun and (t.pos_ == "DET" or (t.ent_iob_ == "B" and doc[k - 1].ent_iob_ == "O")
                          or t.morph.get("Case", []) == ["Nom"]):
            break
        if seen_noun and t.pos_ == "ADP" and t.lower_ not in ("de", "du", "des", "d'", "d’"):
            break
        seen_noun = seen_noun or t.pos_ in _NOMINAL
        k += 1
    return k


def _speaker(doc: Doc, tok: Token, sent: Span, lex: ClaimLexicon) -> tuple[int, int, int] | None:
    """(i, j, head) of the speaker after the cue verb: time words, adverbs and prepositional
    phrases (addressee, medium) skipped; then a noun phrase up to a comma or the sentence's end."""
    # a subject the parse found after the verb ('a déclaré à l'AFP le porte-parole')
    subj = next((c for c in tok.rights if c.dep_ == "nsubj" and c.pos_ in _NOMINAL), None)
    if subj is not None:
        return max(subj.left_edge.i, tok.i + 1), _np_end(doc, subj.i, sent, lex), subj.i
    end = min(sent.end, tok.i + 1 + _MAX_TAIL)
    k = tok.i + 1
    place: tuple[int, int, int] | None = None
    while k < end:
        t = doc[k]
        low = t.lower_
        if t.is_space:
            k += 1
        elif low in lex.inverted_pronouns:
            return k, k + 1, k  # 'a-t-il déclaré', 'dit-elle'
        elif t.morph.get("Case", []) == ["Dat"]:
            k += 1  # 'сказал журналистам', 'заявил агентству ТАСС': the addressee and its name
            while k < end and doc[k].pos_ == "PROPN" and doc[k].morph.get("Case", []) != ["Dat"]:
                k += 1
        elif low in lex.postposed_skip or t.pos_ in ("ADV", "PART"):
            k += 1
        elif t.pos_ == "ADP":
            j = _skip_phrase(doc, k, end)
            nouns = [m for m in range(k + 1, j) if doc[m].pos_ in _NOMINAL]
            if low in lex.impersonal_preps and nouns and place is None \
                    and not any(doc[m].lemma_.lower() in lex.postposed_skip for m in nouns):
                place = (k + 1, j, nouns[0])  # '…, заявили в Минобороны'
            k = j
        else:
            break
    if k < end and doc[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM"):
        j = _np_end(doc, k, sent, lex)
        heads = [m for m in range(k, j) if doc[m].pos_ in _NOMINAL and doc[m].lower_ not in lex.postposed_skip]
        # where the language marks case, the speaker is in the nominative ('заявила ряд рейсов': an object)
        if heads and doc[heads[0]].morph.get("Case", []) in ([], ["Nom"]):
            return k, j, heads[0]
        return None
    # nothing named after the medium: an institution in "в X" speaks for itself when the verb
    # has no subject ('…, сообщили в МЧС')
    if place is not None and (k >= end or doc[k].is_punct) and tok.morph.get("Number", []) == ["Plur"]:
        return place
    return None


def _in_np(t: Token, first: bool, lex: ClaimLexicon) -> bool:
    """Whether a token continues a speaker's noun phrase."""
    if t.is_space or t.text in (",", ".", ";", ":", "("):
        return False
    if t.pos_ not in _IN_NP and t.text not in _NAME_QUOTES:
        return False
    if t.lower_ in lex.relative_pronouns or t.lemma_.lower() in lex.relative_pronouns:
        return False
    return first or t.pos_ != "ADP" or t.lower_ in lex.speaker_prepositions


def _coordinated(doc: Doc, j: int, k: int, sent: Span) -> bool:
    """Whether token ``j`` is a comma between coordinated words of the phrase from ``k`` ('жители
    A-ской, B-ской и C-ской областей': the word after it is a conjunct of one before it)."""
    return doc[j].text == "," and j + 1 < sent.end and doc[j + 1].dep_ == "conj" and k <= doc[j + 1].head.i < j


def _np_end(doc: Doc, k: int, sent: Span, lex: ClaimLexicon) -> int:
    """The end of the noun phrase from token ``k``: a comma, a verb, a relative pronoun, a
    preposition that is no part of a name, or the sentence's end; no trailing preposition,
    conjunction or determiner."""
    j = k
    while j < sent.end:
        if doc[j].text in _NAME_QUOTES and j > k:
            # a name in quotation marks runs to its closing mark ('движения "Мы вместе с Россией"')
            close = next((m for m in range(j + 1, min(sent.end, j + 10)) if doc[m].text in _NAME_QUOTES), None)
            if close is not None:
                j = close + 1
                continue
        if not _in_np(doc[j], j == k, lex) and not _coordinated(doc, j, k, sent):
            break
        j += 1
    while j > k + 1 and doc[j - 1].pos_ in ("ADP", "CCONJ", "DET"):
        j -= 1
    return max(j, k + 1)


def inverted_claim(doc: Doc, sent: Span, tok: Token, cue_i: int, quotes: list[tuple[int, int]],
                   lex: ClaimLexicon) -> Inverted | None:
    """The content before the cue and the speaker after it, or None when the sentence is not
    shaped so ('"…", a annoncé lundi le ministère' / '…, заявил агентству источник')."""
    if not lex.postposed_skip:
        return None
    form, tense = tok.morph.get("VerbForm", []), tok.morph.get("Tense", [])
    if form in (["Conv"], ["Inf"]) or (form == ["Part"] and tense == ["Pres"]):
        return None  # 'dénonçant une frappe', 'заявив': no speaker follows a participle or a gerund
    # 'a-t-il déclaré': the auxiliary and the inverted pronoun before the participle
    a, pron = cue_i, None
    while a - 1 > sent.start and (doc[a - 1].lower_ in lex.inverted_pronouns or doc[a - 1].lower_ in lex.inverted_links
                                  or (doc[a - 1].pos_ == "AUX" and doc[a - 1].head.i == tok.i)):
        a -= 1
        if doc[a].lower_ in lex.inverted_pronouns:
            pron = a
    b = _boundary(doc, sent, a)
    if b is None or _has_own_content(tok, lex):
        return None
    bstart = doc[b].idx
    quote = next((q for q in quote_window(quotes, bstart - 4, bstart + 2)
                  if bstart - 4 <= q[1] <= bstart + len(doc[b])), None)
    if doc[b].text in _NAME_QUOTES and quote is None:
        return None  # '«Укрзализныця» заявила': the end of a quoted name, not of what was said
    if any(c.dep_.startswith("nsubj") and b < c.i < a for c in tok.children):
        return None
    spk = (pron, pron + 1, pron) if pron is not None else _speaker(doc, tok, sent, lex)
    if spk is None:
        return None
    if b <= sent.start:
        # the splitter ended the sentence with the quotation ('«…» | , a dit X')
        return Inverted(quote, spk[:2], spk[2], a) if quote is not None else None
    if quote is not None and quote[0] <= sent.start_char + 2:
        return Inverted(quote, spk[:2], spk[2], a)  # '"S1. S2", - написал X': the whole quotation
    end = b
    rest = [t for t in doc[spk[1] : sent.end] if not (t.is_punct or t.is_space)]
    if spk[1] < sent.end and doc[spk[1]].text == "," and any(t.pos_ in ("VERB", "AUX") for t in rest):
        end = sent.end  # 'X, заявляет Y, было убито …': a parenthetical; the sentence is what was said
    cs, ce = span_chars(doc, sent.start, end)
    if ce - cs < 3:
        return None
    return Inverted((cs, ce), spk[:2], spk[2], a)
