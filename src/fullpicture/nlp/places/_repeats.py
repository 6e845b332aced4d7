"""One sense per document: a place name that the document resolves, with evidence, at one
mention is that place at its other mentions that mention collection left out ("Cork mother
says ..." in a headline, "Orange County residents", "New York’s", "CTV Saskatoon").

A repeat inside a person's name is left alone; one inside another name (an organisation, an
event) is an embedded place, so that other layers keep linking the organisation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.places._coref import Mention
from fullpicture.nlp.places._translit import fold

if TYPE_CHECKING:
    from fullpicture.nlp.places._resolve import PlaceIndex

_PLACE_LABELS = ("GPE", "LOC")
_NAME_LABELS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "NORP"})


def repeat_mentions(doc: Doc, mentions: list[Mention], skip: frozenset[str] | set[str] = frozenset()) -> list[Mention]:
    """Mentions of the document's resolved place names at spans no mention covers yet. Names
    in ``skip`` are not repeated: nationality or region adjectives ("English" for England: a
    place only as a modifier) and words of the document's person names ("Machado")."""
    names: dict[tuple[str, ...], Mention] = {}
    for m in mentions:
        if (m.place is not None and fold(m.text) not in skip and not m.embedded and m.label in _PLACE_LABELS and m.key and m.key[0] == "P"
                and not m.actor and doc[m.start].text[:1].isupper()):
            names.setdefault(tuple(fold(t.text) for t in doc[m.start : m.end]), m)
    if not names:
        return []
    # an organisation's or event's name may open with the place ("Immokalee TIGER Grant Event"):
    # the place is embedded there, as NER had split it off
    opens = {m.start: m.end for m in mentions if m.place is None and m.label in _NAME_LABELS and m.end - m.start > 1}
    taken = {i for m in mentions for i in range(m.start, m.end) if m.start not in opens or m.place is not None}
    ents = token_arrays(doc).ents
    person = {i for e in ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
    inside = {i: e.label_ for e in ents if e.label_ in _NAME_LABELS for i in range(e.start, e.end)}
    lengths = sorted({len(k) for k in names}, reverse=True)
    texts = token_arrays(doc).text
    folded: list[str | None] = [None] * len(texts)

    def fold_at(k: int) -> str:
        f = folded[k]
        if f is None:
            f = folded[k] = fold(texts[k])
        return f

    out: list[Mention] = []
    i = 0
    while i < len(texts):
        hit = None
        if texts[i][:1].isupper() and i not in taken:
            for n in lengths:
                key = tuple(fold_at(k) for k in range(i, min(i + n, len(texts))))
                if (key in names and not any(k in taken or k in person for k in range(i, i + n))
                        and not (i in opens and i + n >= opens[i])
                        and not any(s < k < e for s, e in opens.items() if s != i for k in range(i, i + n))):
                    hit = (n, names[key])
                    break
        if hit is None:
            i += 1
            continue
        n, m = hit
        embedded = i in opens or any(k in inside for k in range(i, i + n))
        out.append(Mention(i, i + n, m.label, doc[i : i + n].text, place=m.place, key=m.key, embedded=embedded))
        i += n
    return out


def one_label_per_name(mentions: list[Mention], person_tokens: set[str], authors: set[str]) -> None:
    """A one-word name that NER tags as a person and, at least as often, as a place in the
    same document ("emptied Artsakh" in a headline) is the place everywhere."""
    places: dict[str, Mention] = {}
    votes: dict[str, int] = {}  # place mentions minus person mentions of a one-word name
    for m in mentions:
        if m.end - m.start == 1 and m.label in ("GPE", "LOC", "PERSON"):
            f = fold(m.text)
            votes[f] = votes.get(f, 0) + (1 if m.label != "PERSON" else -1)
            if m.label != "PERSON" and not m.embedded:
                places.setdefault(f, m)
    for m in mentions:
        f = fold(m.text)
        if (m.label == "PERSON" and m.end - m.start == 1 and f in places and votes[f] >= 0
                and f not in person_tokens and f not in authors):
            p = places[f]
            m.label, m.place, m.key, m.actor = p.label, p.place, p.key, p.actor


def short_division_names(mentions: list[Mention], pi: PlaceIndex, near_km: float) -> None:
    """The ranking's rule (:func:`._shortdiv.short_divisions`: "Suffolk" beside "Suffolk County"
    is the county when it went to a namesake far away) over the mentions that the evidence
    rules kept and their repeats."""
    from fullpicture.nlp.places._shortdiv import division_stem, namesake_far_off

    divisions: dict[str, Mention] = {}
    for m in mentions:
        stem = division_stem(pi, m.text, m.place)
        if stem is not None:
            divisions.setdefault(stem, m)
    for m in mentions:
        d = divisions.get(fold(m.text).removeprefix("the "))
        if m.place is not None and d is not None and d.place is not None and namesake_far_off(pi, m.place, d.place, near_km):
            m.place, m.key = d.place, d.key


_POSSESSIVE = ("'s", "’s", "'", "’")


def team_names(doc: Doc, mentions: list[Mention], pi: PlaceIndex, cues: frozenset[str], min_pop: int) -> None:
    """A small town's name that the document uses as a sports team ("Notre Dame's star",
    "Notre Dame coach", "Notre Dame won 91-89") and that NER never tags as a place is the
    team or its institution, no place: its mentions become an organisation. A large city's
    team ("Liverpool won") stays a (metonymic) place."""
    by_place: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.place is not None and m.label in _PLACE_LABELS and not m.actor:
            by_place.setdefault(m.place, []).append(m)
    for idx, ms in by_place.items():
        p = pi.place(idx)
        if p.kind not in ("city", "admin2") or p.pop >= min_pop:
            continue
        if any(doc[m.start].ent_type_ in _PLACE_LABELS for m in ms):
            continue
        if not any(_team_cue(doc, m.end, cues) for m in ms):
            continue
        for m in ms:
            m.label, m.place, m.key, m.embedded = "ORG", None, None, False


def _team_cue(doc: Doc, j: int, cues: frozenset[str]) -> bool:
    possessive = j < len(doc) and doc[j].text in _POSSESSIVE
    j += int(possessive)
    if j >= len(doc):
        return False
    return doc[j].lower_ in cues or (possessive and doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "B")


def drop_nested_places(mentions: list[Mention], adjectives: frozenset[str]) -> list[Mention]:
    """A place name strictly inside another place mention is part of that name, no second
    place ("Korea" inside "Democratic People's Republic of Korea" is not South Korea). A
    nationality adjective in ``adjectives`` stays ("Syrian" in "Syrian Arab Red Crescent")."""
    outer = [(m.start, m.end) for m in mentions if m.place is not None and m.label in _PLACE_LABELS and not m.embedded]

    def nested(m: Mention) -> bool:
        return m.place is not None and fold(m.text) not in adjectives and any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in outer)

    return [m for m in mentions if not nested(m)]


def place_acronyms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Uses of the initials of a place name the document writes in full ("the Donetsk
    People's Republic (DPR)" ... "in the DPR"): mentions of that place. Initials of three or
    more letters only; a one-token mention already there without a place (NER's "DPR" as an
    organisation) is replaced."""
    from fullpicture.nlp.places._coref import acronym

    defs: dict[str, Mention] = {}
    for m in mentions:
        if m.place is not None and not m.embedded and m.label in _PLACE_LABELS and m.key and m.end - m.start >= 3:
            acr = acronym(m.text)
            if len(acr) >= 3 and acr != m.text:
                defs.setdefault(acr, m)
    if not defs:
        return mentions
    placed = {i for m in mentions if m.place is not None for i in range(m.start, m.end)}
    found = [(i, defs[word]) for i, word in enumerate(token_arrays(doc).text) if word in defs and i not in placed]
    if not found:
        return mentions
    at = {i for i, _m in found}
    kept = [m for m in mentions if not (m.place is None and m.end - m.start == 1 and m.start in at)]
    return kept + [Mention(i, i + 1, m.label, doc[i].text, place=m.place, key=m.key) for i, m in found]
