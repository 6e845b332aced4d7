"""Corrections of Russian NER spans from the words around them (after ``russian_ents``).

Slovnet labels a name from its shape and embedding; the words next to it often say what it
names. The rules (cue words in ``data/lang/entities.ru.toml``, matched through lemmas):

* a place named as a side of a game is a team, an organisation: ``team_name``: with a team
  noun before it, the place is the team's name: with "сборная" (a name of its own,
  ``team_nouns_in_name``) the two words ("Сборная Франции"), with a generic noun the place
  alone ("команды Кипра" -> "Кипра"); ``team_person``: a PER span after a team noun with no
  word a person's name, in the dictionary or as the analyser's best guess of a surname, is the
  team ("команда Феррари", "команды Даллас Ковбойз"; not "команда Билялетдинова", the coach's);
  ``opponent``: after an opponent's preposition or verb ("против Швеции", "уступила
  Голландии", "с Грецией") in a sentence about a game, the place alone is the team;
* ``not_entity``: a name right after a noun of websites or races ("сайт Rotten Tomatoes",
  "Гран-при Бразилии") is a work or an event, and a taxon of biology ("семейство Миртовые",
  "Passerellidae") no person, place nor organisation: such spans are dropped;
* ``coordination``: in a list of names ("Мацуяма, Такамацу и Коти"), a one-word person's
  span that the dictionary does not know as a person's name takes the list's place label when
  places outnumber persons in the list (the members of a list are of one kind);
* ``consistent``: a one-word PER or LOC span takes the other of the two labels when the
  document gives the same word (any inflected form) that label more often (one sense per
  document: "о Свиридове" after two "Свиридов" tagged PER);
* ``place_in_place``: a place span of a name, then a place adjective and a division's type word
  (``geo_nouns``: "Горловки Донецкой области", "X Луганской Народной" with "Республики" left
  out, which the division's span takes) is two places, the town and the division it lies in;
* ``particle_name``: an untagged word of an Arabic article and a capitalised name
  ("аль-Мансуром", "ас-Салиха"; ``name_particles``) is a person's name: Slovnet tags the
  organisations and places written so ("аль-Каиды", "аль-Кудса") and misses persons.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from fullpicture.nlp.lang.russian_ents import (
    PERSON,
    _config,
    _lemmas,
    _words,
    particle_name_word,
    word_classes,
)

CONTEXT_RULES = ("team_name", "opponent", "not_entity", "coordination", "list_ties", "consistent", "particle_name",
                 "team_person", "place_in_place")


def _cue(doc: Doc, i: int, cues: frozenset[str]) -> bool:
    """Token ``i`` exists and one of its lemmas is in ``cues``."""
    return 0 <= i < len(doc) and bool(_lemmas(doc[i].text) & cues)


def _sentence(doc: Doc, i: int, starts: list[int]) -> Span:
    """The sentence holding token ``i`` (``starts``: sorted first tokens of the sentences)."""
    k = bisect_right(starts, i) - 1
    a = starts[k] if k >= 0 else 0
    b = starts[k + 1] if k + 1 < len(starts) else len(doc)
    return doc[a:b]


def sports_teams(doc: Doc, ents: list[Span], sent_starts: set[int], skip: frozenset[str] = frozenset()) -> list[Span]:
    """LOC spans that name a side of a game become ORG (``team_name``, ``opponent``: module docstring)."""
    cfg = _config()
    teams = frozenset(cfg.get("team_nouns", []))
    in_name = frozenset(cfg.get("team_nouns_in_name", []))
    opponents = frozenset(cfg.get("opponent_cues", []))
    games = frozenset(cfg.get("game_words", []))
    starts = sorted(sent_starts)
    out: list[Span] = []
    for ent in ents:
        if ent.label_ == "LOC" and ent.start > 0:
            if "team_name" not in skip and _cue(doc, ent.start - 1, teams) and (not out or out[-1].end < ent.start):
                # the team's name: "сборная Франции"; "команды Кипра": the place alone
                start = ent.start - 1 if _cue(doc, ent.start - 1, in_name) else ent.start
                ent = Span(doc, start, ent.end, label="ORG")
            elif ("opponent" not in skip and _cue(doc, ent.start - 1, opponents)
                  and any(_lemmas(t.text) & games for t in _sentence(doc, ent.start, starts))):
                ent = Span(doc, ent.start, ent.end, label="ORG")
        elif ("team_person" not in skip and ent.label_ == "PER" and ent.start > 0 and _cue(doc, ent.start - 1, teams)
              and not any(word_classes(w)[0] & PERSON or _surname_guess(w) for w in _words(ent))):
            ent = Span(doc, ent.start, ent.end, label="ORG")  # "команда Феррари": no person's name
        out.append(ent)
    return out


def _surname_guess(word: str) -> bool:
    """The analyser's best parse of ``word`` is a surname ("команда Билялетдинова": the coach's)."""
    from fullpicture.nlp.lang.russian import parses as _morph_parses

    parses = _morph_parses(word)
    return bool(parses) and "Surn" in parses[0].tag.grammemes


def _taxon(span: Span) -> bool:
    words = _words(span)
    if len(words) != 1:
        return False
    w = words[0].lower()
    return w.endswith(tuple(_config().get("taxon_endings", [])))


def drop_non_entities(doc: Doc, ents: list[Span]) -> list[Span]:
    """Without the spans that name a website, a race or a taxon (module docstring)."""
    cues = frozenset(_config().get("non_entity_nouns", []))
    return [e for e in ents if not (_cue(doc, e.start - 1, cues) or _taxon(e))]


def _is_link(doc: Doc, a: int, b: int, links: frozenset[str]) -> bool:
    """Tokens ``a``..``b`` (exclusive) between two names are one list separator."""
    return b - a == 1 and doc[a].text.lower() in links


def coordinated(doc: Doc, ents: list[Span], ties: bool = True) -> list[Span]:
    """One-word PER members of a list of mostly places become LOC (module docstring); without
    ``ties`` (``list_ties`` left out), only where places outnumber persons."""
    links = frozenset(_config().get("list_links", [",", "и", "или"]))
    tie_min = int(_config().get("coordination_tie_min", 2)) if ties else 10**9
    out = list(ents)
    run: list[int] = []
    for k in range(len(out) + 1):
        if k < len(out) and run and _is_link(doc, out[run[-1]].end, out[k].start, links):
            run.append(k)
            continue
        labels = [out[j].label_ for j in run]
        locs, pers = labels.count("LOC"), labels.count("PER")
        if locs > pers > 0 or locs == pers >= tie_min:
            for j in run:
                e = out[j]
                if e.label_ == "PER" and len(_words(e)) == 1 and not (word_classes(_words(e)[0])[0] & PERSON):
                    out[j] = Span(doc, e.start, e.end, label="LOC")
        run = [k]
    return out


def consistent(doc: Doc, ents: list[Span]) -> list[Span]:
    """A one-word PER or LOC span takes the other of the two labels when the document tags the
    same word (any inflected form) with that label more often ("в Кастилии ... короля Кастилии")."""
    from collections import Counter

    votes: dict[str, Counter[str]] = {}
    for e in ents:
        if e.label_ in ("PER", "LOC") and len(_words(e)) == 1:
            for lemma in _lemmas(_words(e)[0]):
                votes.setdefault(lemma, Counter())[e.label_] += 1
    out = []
    for e in ents:
        if e.label_ in ("PER", "LOC") and len(_words(e)) == 1:
            c: Counter[str] = Counter()
            for lemma in _lemmas(_words(e)[0]):
                c.update(votes.get(lemma, Counter()))
            other = "LOC" if e.label_ == "PER" else "PER"
            if c[other] > c[e.label_]:
                e = Span(doc, e.start, e.end, label=other)
        out.append(e)
    return out


def particle_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """Untagged "аль-Name" words become PER (module docstring)."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = list(ents)
    for tok in doc:
        if tok.i not in taken and particle_name_word(tok.text):
            out.append(Span(doc, tok.i, tok.i + 1, label="PER"))
    return sorted(out, key=lambda e: e.start)


def _place_adjective(word: str, endings: tuple[str, ...]) -> bool:
    """A capitalised adjective whose dictionary form has a place adjective's ending ("Донецкой")."""
    from fullpicture.nlp.lang.russian import parses as _morph_parses

    return word[:1].isupper() and any(
        p.is_known and str(p.tag.POS) == "ADJF" and str(p.normal_form).endswith(endings) for p in _morph_parses(word.lower()))


def _noun(word: str) -> bool:
    """No reading of ``word`` is an adjective (a town's name, not "Нижнего" of "Нижнего Новгорода")."""
    from fullpicture.nlp.lang.russian import parses as _morph_parses

    return not any(str(p.tag.POS) in ("ADJF", "ADJS", "PRTF") for p in _morph_parses(word.lower()))


def places_in_places(doc: Doc, ents: list[Span]) -> list[Span]:
    """A LOC span cut before a place adjective that follows a name (``place_in_place``)."""
    cfg = _config()
    endings = tuple(str(e)[:-1] + "й" for e in cfg.get("place_adjective_endings", []) if str(e).endswith("ий"))
    geo = frozenset(cfg.get("geo_nouns", []))
    taken = {i for e in ents for i in range(e.start, e.end)}
    out: list[Span] = []
    for ent in ents:
        cut = next((k for k in range(ent.start + 1, ent.end)
                    if doc[k - 1].text[:1].isupper() and doc[k - 1].text.replace("-", "").isalpha() and _noun(doc[k - 1].text)
                    and _place_adjective(doc[k].text, endings)), None) if ent.label_ == "LOC" else None
        if cut is None:
            out.append(ent)
            continue
        end = ent.end
        if end < len(doc) and end not in taken and doc[end].text[:1].isupper() and _lemmas(doc[end].text) & geo:
            end += 1  # "Донецкой Народной" + "Республики"
        if not (_lemmas(doc[end - 1].text) & geo):
            out.append(ent)  # no division's type word: a name of two words ("Новгород Северский")
            continue
        out += [Span(doc, ent.start, cut, label="LOC"), Span(doc, cut, end, label="LOC")]
    return out


def refine_by_context(doc: Doc, ents: list[Span], sent_starts: set[int],
                      skip: frozenset[str] = frozenset()) -> list[Span]:
    """The rules of the module docstring and of ``russian_orgs``, less those named in ``skip``
    (:data:`CONTEXT_RULES`, :data:`~fullpicture.nlp.lang.russian_orgs.ORG_RULES`)."""
    from fullpicture.nlp.lang.russian_orgs import refine_orgs

    ents = refine_orgs(doc, ents, skip)
    if "not_entity" not in skip:
        ents = drop_non_entities(doc, ents)
    if "coordination" not in skip:
        ents = coordinated(doc, ents, "list_ties" not in skip)
    if "consistent" not in skip:
        ents = consistent(doc, ents)
    if "particle_name" not in skip:
        ents = particle_names(doc, ents)
    if "place_in_place" not in skip:
        ents = places_in_places(doc, ents)
    return sports_teams(doc, ents, sent_starts, skip)
