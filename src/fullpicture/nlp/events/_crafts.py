"""Happenings told by words that name one only in their setting.

* **Crashes of aircraft** (``[crashes]`` of ``data/events/plover*.toml``): a verb of falling or
  crashing whose subject is a craft ("the cargo plane fell in a field", "самолёт разбился",
  "l'avion s'est écrasé"), or whose subject is a type designation with a verb no projectile
  falls by ("Зета-9 разбился"); a noun of falling whose "of" phrase names a craft ("падение
  самолёта", "la chute de l'avion"); a participle of crashing that qualifies a craft, or a type
  designation in a sentence naming a craft ("на упавшем Зета-9", the tagger's adjective). Of a projectile the verbs stay strikes (``[subjects]``);
  "prices fell" and "the fall of the city" are no crash.
* **Prisoner exchanges** (``[exchanges]``): a word of exchanging whose sentence, or the sentence
  before it, names captives ("the swap of 50 for 50 prisoners", "обмен пленными", "l'échange de
  prisonniers", "40 captured soldiers ... They were flown there for exchange"); "an exchange
  of fire" and "exchanged views" are none, and an exchange told as an agreement's content ("a
  truce to allow the exchange of prisoners") is that agreement.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from fullpicture.nlp.events._data import EventLexicon
from fullpicture.nlp.events._movers import subject_words

# a type designation: letters, a hyphen, digits ("Zeta-9", "Ил-76", "MiG-31")
_DESIGNATION = re.compile(r"^[^\W\d_]{1,5}-\d{1,4}[^\W\d_]{0,3}$")
_OF = ("of", "de", "d'", "du", "des")


def crash_type(tok: Token, lemma: str, lex: EventLexicon) -> str | None:
    """``lex.crash_type`` when the verb or noun at ``tok`` tells the crash of a craft, else None."""
    if not lex.crash_type:
        return None
    if tok.pos_ == "VERB" and lemma in lex.crash_verbs:
        if subject_words(tok) & lex.crash_craft:
            return lex.crash_type
        if tok.dep_ == "amod" and _of_a_craft(tok.head, lex.crash_craft):
            return lex.crash_type  # "упавший самолёт": the participle of a verb of crashing
        if lemma not in lex.subjects and any(
                _DESIGNATION.match(c.text) for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass")):
            return lex.crash_type  # "Зета-9 разбился": no projectile falls by this verb
        return None
    if tok.pos_ == "NOUN" and lemma in lex.crash_nouns:
        return lex.crash_type if of_words(tok) & lex.crash_craft else None
    if tok.pos_ in ("ADJ", "VERB") and lemma in lex.crash_participles and tok.dep_ in ("amod", "acl"):
        return lex.crash_type if _of_a_craft(tok.head, lex.crash_craft) else None
    return None


def _of_a_craft(head: Token, craft: frozenset[str]) -> bool:
    """Whether the noun a crash participle qualifies is a craft ("упавший самолёт"), or a type
    designation in a sentence that names a craft ("на упавшем Зета-9 ... на борту": a missile's
    designation alone tells no crash)."""
    if head.lemma_.lower() in craft:
        return True
    return bool(_DESIGNATION.match(head.text)) and any(t.lemma_.lower() in craft for t in head.sent)


def of_words(tok: Token) -> set[str]:
    """Lemmas of the noun's "of" phrase: "the fall of the plane", "падение самолёта" (a
    genitive), "la chute de l'avion"."""
    out = set()
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in _OF:
            out |= {g.lemma_.lower() for g in c.children if g.dep_ == "pobj"}
        elif c.dep_ == "nmod":
            cases = [k.lower_ for k in c.children if k.dep_ == "case"]
            if not cases or cases[0] in _OF:
                out.add(c.lemma_.lower())
    return out


def exchange_type(tok: Token, lemma: str, lex: EventLexicon) -> str | None:
    """``lex.exchange_type`` when the word of exchanging at ``tok`` has captives in its sentence
    or in the sentence before it."""
    if not lex.exchange_type or lemma not in lex.exchange_words or tok.pos_ not in ("VERB", "NOUN"):
        return None
    if ({c.lemma_.lower() for c in tok.children} | of_words(tok)) & lex.exchange_not_with:
        return None  # "an exchange of fire", "обмен ударами"
    lemmas = [t.lemma_.lower() for t in tok.sent]
    if not _names_captives(tok.sent, lex):
        start = tok.sent.start
        # "On board were 40 captured soldiers. They were flown to Karst for exchange." (an
        # "exchange rate" is no exchange of the captives told before)
        if tok.dep_ == "compound" or start == 0 or not _names_captives(tok.doc[start - 1].sent, lex):
            return None
    if any(w in lex.exchange_content_of for w in lemmas):
        return None  # "a truce to allow the exchange of prisoners": the truce's content
    return lex.exchange_type


def _names_captives(sent: Span, lex: EventLexicon) -> bool:
    """Whether the sentence names captives: a captive's word ("prisoners", "пленные") or persons
    a captive's mark qualifies ("65 captured soldiers")."""
    return any(t.lemma_.lower() in lex.exchange_captives
               or (t.dep_ == "amod" and t.lemma_.lower() in lex.exchange_captive_marks) for t in sent)
