"""Who did it, in the limited pipeline: the actors of ``[agents]`` in ``data/events/limited.<family>.toml``.

No parser reads these languages, so an agent is read from three fixed shapes around an attack
word (``attacks``: the lemmas of the family's attack triggers, never a death or injury word,
whose neighbour is the victim: "مقتل مغربي" is a Moroccan killed). The actor is a word that
names a state: a demonym or force word of ``[actors]`` ("مغربي", "marroquí", "Polisario"), or a
country's name in the gazetteer ("المغرب", "Marruecos").

- the demonym right after the attack word, as its adjective ("قصف مغربي": a Moroccan shelling;
  "bombardeo marroquí");
- an actor within ``by_reach`` words after a "by" word that follows the attack word in its
  clause ("من طرف القوات المغربية", "perpetrado por las fuerzas marroquíes"), unless a word of
  ``not_by`` stands between ("condenado por": who condemned it is no agent);
- a name right before an attack verb, as its subject, negations between ("Marruecos atacó",
  "المغرب لم يستهدف": a denial whose agent is the state that denies): a country's name or a
  word of ``names``, never a demonym (an unvocalised Arabic verb reads active or passive alike:
  "شاحنة جزائرية استهدفت" is an Algerian truck that was targeted).

A family whose adjectives come before their noun (``adjective = "before"``: Serbian "srpski
napad", a Serbian attack) reads the demonym right before the attack word instead. A family with
``forces`` (the starts of nouns of armed bodies: "policij", "forcat") also reads a force named
with its demonym or country right before an active attack verb ("kosovska policija je napala",
"forcat serbe sulmuan"), auxiliaries (``auxiliaries``) and negations between, never before a
passive form (``passive_forms``: "napadnut") or after a passive word (``passive_words``:
Albanian "u sulmua", "është sulmuar"): there the force is the one attacked.

Each side's names of an actor are listed alike (the Moroccan forces and the Polisario are read
by the same rules whichever side's press names them). The agent is an ``ORG`` entity named by
the words as written; ``align/_agents`` reads its state from the same lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from fullpicture._data import data_toml
from fullpicture.models import Entity
from fullpicture.models.entities import Mention
from fullpicture.nlp.lang.words import Word, families, fold, without_clitic

_BREAK = frozenset(",;:()–—،؛")


@dataclass(frozen=True)
class AgentWords:
    """A family's attack lemmas, "by" phrases, reach, actor words and words that bar a "by"."""

    attacks: frozenset[str]
    by: tuple[tuple[str, ...], ...]
    by_reach: int
    not_by: tuple[str, ...]
    actors: dict[str, str]  # folded word -> ISO code
    names: frozenset[str]  # actor words that are names (subjects), not demonyms
    family: str
    adjective_before: bool = False  # a demonym precedes its noun ("srpski napad")
    forces: tuple[str, ...] = ()  # starts of nouns of armed bodies ("policij", "forcat")
    auxiliaries: frozenset[str] = frozenset()  # words between a subject and its verb ("je", "su", "ka")
    passive_forms: tuple[str, ...] = ()  # starts of passive forms of attack words ("napadnut")
    passive_words: frozenset[str] = frozenset()  # words that make the verb after them passive ("u", "është")


@lru_cache(maxsize=8)
def agent_words(family: str) -> AgentWords | None:
    """The ``[agents]`` and ``[actors]`` tables of a family's event list (None without them)."""
    d = data_toml("events", f"limited.{family}.toml")
    a = d.get("agents")
    if not a:
        return None
    return AgentWords(frozenset(a.get("attacks", ())), tuple(tuple(b.split()) for b in a.get("by", ())),
                      int(a.get("by_reach", 4)), tuple(a.get("not_by", ())),
                      {fold(k, family): str(v).upper() for k, v in d.get("actors", {}).items()},
                      frozenset(fold(n, family) for n in a.get("names", ())), family,
                      a.get("adjective", "after") == "before", tuple(fold(f, family) for f in a.get("forces", ())),
                      frozenset(fold(w, family) for w in a.get("auxiliaries", ())),
                      tuple(fold(f, family) for f in a.get("passive_forms", ())),
                      frozenset(fold(w, family) for w in a.get("passive_words", ())))


def actor_state(word: str) -> str | None:
    """The ISO code a word names in any family's ``[actors]`` ("مغربية", "marroquíes"), else None."""
    for family in families():
        aw = agent_words(family)
        if aw is None:
            continue
        w = without_clitic(fold(word, family), family, aw.actors)
        if w in aw.actors:
            return aw.actors[w]
    return None


def _state(w: Word, aw: AgentWords, countries: bool, names_only: bool = False) -> str | None:
    word = without_clitic(w.folded, aw.family, aw.actors)
    if word in aw.actors and (not names_only or word in aw.names):
        return aw.actors[word]
    if countries:
        from fullpicture.nlp.places._gazetteer import get_gazetteer
        from fullpicture.nlp.places._translit import fold as place_fold

        gaz = get_gazetteer()
        for form in dict.fromkeys((w.text, word)):
            for i in gaz.lookup(place_fold(form)):
                p = gaz.place(i)
                if p.kind == "country" and p.cc:
                    return p.cc.upper()
    return None


def _clause_break(text: str, a: Word, b: Word) -> bool:
    return any(ch in _BREAK for ch in text[a.end:b.start])


def find_agent(text: str, ws: list[Word], sent_of: list[int], i: int, j: int, lemma: str, aw: AgentWords,
               negation: frozenset[str]) -> tuple[int, int, str] | None:
    """``(first word, end word, ISO code)`` of the actor of the trigger ``ws[i:j]``, else None."""
    if lemma not in aw.attacks:
        return None
    s = sent_of[i]
    if aw.adjective_before:  # its adjective, before it ("srpski napad")
        if i > 0 and sent_of[i - 1] == s and not _clause_break(text, ws[i - 1], ws[i]):
            cc = _state(ws[i - 1], aw, countries=False)
            if cc:
                return i - 1, i, cc
    elif j < len(ws) and sent_of[j] == s and not _clause_break(text, ws[j - 1], ws[j]):  # its adjective
        cc = _state(ws[j], aw, countries=False)
        if cc:
            return j, j + 1, cc
    k = j
    while k < len(ws) and sent_of[k] == s and k - j <= aw.by_reach + 2:  # "by" after it, in its clause
        if _clause_break(text, ws[k - 1], ws[k]) or ws[k].folded.startswith(aw.not_by or ("\0",)):
            break
        n = len(next((b for b in aw.by if tuple(w.folded for w in ws[k:k + len(b)]) == b), ()))
        if n:
            for m in range(k + n, min(len(ws), k + n + aw.by_reach)):
                if sent_of[m] != s:
                    break
                cc = _state(ws[m], aw, countries=True)
                if cc:
                    return k + n, m + 1, cc
            break
        k += 1
    b = i - 1  # its subject, negations (and auxiliaries) between
    passive = ws[i].folded.startswith(aw.passive_forms or ("\0",))
    while b >= 0 and sent_of[b] == s and (without_clitic(ws[b].folded, aw.family, negation) in negation
                                          or ws[b].folded in aw.auxiliaries or ws[b].folded in aw.passive_words):
        passive = passive or ws[b].folded in aw.passive_words
        b -= 1
    if b >= 0 and sent_of[b] == s and not _clause_break(text, ws[b], ws[i]):
        cc = _state(ws[b], aw, countries=True, names_only=True)
        if cc:
            return b, b + 1, cc
        if aw.forces and not passive and b > 0 and sent_of[b - 1] == s and not _clause_break(text, ws[b - 1], ws[b]):
            return _force(ws[b - 1], ws[b], b - 1, aw)
    return None


def _force(first: Word, second: Word, at: int, aw: AgentWords) -> tuple[int, int, str] | None:
    """A force and its demonym or country, either order ("kosovska policija", "policija Kosova",
    "forcat serbe"): ``(first word, end word, ISO code)``, else None."""
    for force, actor in ((second, first), (first, second)):
        if force.folded.startswith(aw.forces):
            cc = _state(actor, aw, countries=True)
            if cc:
                return at, at + 2, cc
    return None


def agent_entity(text: str, ws: list[Word], span: tuple[int, int], cc: str, entities: dict[str, Entity]) -> str:
    """The id of the actor entity for ``cc`` (one per state in a document), with this mention."""
    a, b = ws[span[0]].start, ws[span[1] - 1].end
    mention = Mention(start=a, end=b, text=text[a:b])
    ent = entities.get(cc)
    if ent is None:
        ent = Entity(id=f"a{len(entities) + 1}", name=text[a:b], type="ORG", mentions=[mention])
        entities[cc] = ent
    else:
        ent.mentions.append(mention)
    return ent.id
