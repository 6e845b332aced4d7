"""Organisations in Russian NER spans: unions of states and generic abbreviations.

Run inside ``russian_context.refine_by_context`` (after the dictionary rules of
``russian_ents``); each rule can be left out by name (``eval.multilingual_ner --without``):

* ``union_org``: a union of states that acts as one body is an organisation, not a place:
  a LOC span whose words the OpenCorpora dictionary knows only as organisations (``Orgn``,
  never ``Geox``: "ЕС", "ОПЕК") or whose lemmas are one of ``org_unions`` in
  ``data/lang/entities.ru.toml`` ("Евросоюз", "Европейский союз": the dictionary files
  "евросоюз" under toponyms) becomes ORG. Slovnet reads "ЕС" and "Евросоюз" as places; the
  news gold of factRuEval and the silver labels of WikiNEuRal both call them organisations.
  States, living or dead ("СССР", "Югославия"), stay places.
* ``generic_abbr``: a one-word span that is an abbreviation of a common noun
  (``generic_abbreviations``: "СМИ" the media, "ПВО" air defence, "БПЛА" a drone, "ВВП",
  "ДТП") is no name and is dropped. A list, not the dictionary's ``Abbr`` words without
  ``Orgn``: those include named bodies ("ОБСЕ", "ВТО", "СБ").
* ``org_tail``: an organisation's name followed directly by the organisation it belongs to
  (an abbreviation, or a name in the genitive) is one name: "Свердловского обкома" +
  "КПСС", "ЦК" + "КПСС" -> "Свердловского обкома КПСС", "ЦК КПСС" (Slovnet cuts them in two;
  both the factRuEval gold and the WikiNEuRal labels keep them whole).
* ``org_country``: a body named by common words ("Министерства сельского хозяйства",
  "Генеральная прокуратура", "Палаты представителей Конгресса") followed directly by the place
  it serves (a one-word name the dictionary knows as a place, in the genitive: "Германии",
  "ОАЭ", "Москвы") is one name with it: "Генеральная прокуратура ОАЭ" (the official factRuEval
  name spans and the WikiNEuRal labels keep the place inside; Slovnet cuts it off). A body
  whose name stands on its own (one word, an abbreviation, a compound: "Конгресса США", "МЧС
  России", "Госдумы России") keeps the place apart. The earlier factRuEval gold
  (``--org-names-only``) takes an Org's ``org_name`` spans only, so it counts the body without
  its place, and the place as a mention of its own: every join costs it two hits and one false
  one, as every join gains the official spans one; the two golds disagree here by construction.
* ``seat_of_power``: the building that stands for a government ("Кремль", "Белый дом",
  "Банковая", "Елисейский дворец"; ``seats_of_power``) names the government, an organisation
  ("ставленник Кремля", "Белый дом получил известие"), except after a preposition of place
  ("выступал в Белом доме": the building; ``seat_place_prepositions``), the factRuEval gold's
  reading.
* ``article_org``: a PER span that opens with a capitalised Arabic article joined to a name
  ("Аль-Джазиры", "Аль-Каиды"; ``name_particles``; not "Эль-Хадж Омар": a common noun, a
  title) followed by a given name the dictionary knows ("Сами", "Усамы") is an organisation and the person named after it ("оператор
  Аль-Джазиры Сами аль-Хадж", "лидера Аль-Каиды Усамы бин Ладена"): Slovnet runs them into
  one person.
* ``plant_place``: an ORG span of two words or more that ends with a power plant's
  abbreviation (``plant_abbreviations``: "ГЭС", "АЭС", "ТЭЦ") and opens with a capital is a
  place, the facility ("Каховской ГЭС", "Запорожская АЭС"): the places layer then reads it as a
  facility at the town its adjective names, as it reads "Kakhovka dam" (Slovnet tags them ORG).
* ``stump_org``: a one-word PER or LOC span that is a stump compound of an institution, a
  prefix of ``org_stump_prefixes`` ("рос", "мин", "гос", "нац", "мос", "укр", "рыб") and a
  dictionary common word of five letters or more, is an organisation ("Рыбохраны",
  "Нацфронта": Slovnet reads unknown compounds as surnames).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from fullpicture.nlp.lang.russian_ents import STRESS, _config, _lemmas, _words, word_classes

ORG_RULES = ("union_org", "generic_abbr", "org_tail", "org_country", "seat_of_power", "article_org", "stump_org",
             "plant_place")


@lru_cache(maxsize=20_000)
def _grammemes(word: str) -> tuple[frozenset[str], ...]:
    """The grammeme sets of the dictionary's parses of ``word`` (no guesses)."""
    from fullpicture.nlp.lang.russian import parses as _morph_parses

    return tuple(frozenset(p.tag.grammemes) for p in _morph_parses(word.replace(STRESS, "")) if p.is_known)


def _organisation_word(word: str) -> bool:
    """The dictionary knows ``word`` as an organisation's name and never as a place."""
    parses = _grammemes(word)
    return any("Orgn" in g for g in parses) and not any("Geox" in g for g in parses)


@lru_cache(maxsize=1)
def _unions() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(str(name).split()) for name in _config().get("org_unions", []))


def _inflects_as(words: list[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    """``words`` inflect as one of ``phrases`` (lemmas word by word)."""
    lemmas = [_lemmas(w) for w in words]
    return any(len(u) == len(lemmas) and all(x in ls for x, ls in zip(u, lemmas, strict=True)) for u in phrases)


def _union_name(words: list[str]) -> bool:
    """``words`` inflect as one of ``org_unions`` ("Европейского союза" -> "европейский союз")."""
    return _inflects_as(words, _unions())


def union_orgs(doc: Doc, ents: list[Span]) -> list[Span]:
    """LOC spans that name a union of states acting as one body become ORG (module docstring)."""
    out = []
    for e in ents:
        words = _words(e)
        if e.label_ == "LOC" and words and (all(_organisation_word(w) for w in words) or _union_name(words)):
            e = Span(doc, e.start, e.end, label="ORG")
        out.append(e)
    return out


def _generic_abbreviation(span: Span) -> bool:
    words = _words(span)
    generic = frozenset(str(w) for w in _config().get("generic_abbreviations", []))
    return len(words) == 1 and len(span) == 1 and words[0].isupper() and words[0].lower() in generic


def drop_generic_abbreviations(ents: list[Span]) -> list[Span]:
    """Without the one-word spans that are common abbreviations (module docstring)."""
    return [e for e in ents if not _generic_abbreviation(e)]


def _genitive(word: str) -> bool:
    """A dictionary parse (or, for an unknown word, any parse) of ``word`` is genitive."""
    from fullpicture.nlp.lang.russian import parses as _morph_parses

    parses = _morph_parses(word.replace(STRESS, ""))
    known = [p for p in parses if p.is_known] or parses
    return any("gent" in p.tag.grammemes for p in known)


def _tail(e: Span) -> bool:
    words = _words(e)
    return e.label_ == "ORG" and bool(words) and (e.text.isupper() or _genitive(words[0]))


def _country_tail(e: Span) -> bool:
    """A one-word place the dictionary knows as a place in the genitive ("России", "США")."""
    words = _words(e)
    return (e.label_ == "LOC" and len(words) == 1
            and any("Geox" in g and "gent" in g for g in _grammemes(words[0])))


def _descriptive(e: Span) -> bool:
    """An organisation's name of two words or more that opens with a common word, one that
    does not name a body on its own ("Министерства сельского хозяйства", "Генеральная
    прокуратура"; not "Конгресса", "МЧС", "Госдумы")."""
    words = _words(e)
    if len(words) < 2 or words[0].isupper():
        return False
    proper, common = word_classes(words[0])
    return common and not proper


def org_tails(doc: Doc, ents: list[Span], countries: bool = False) -> list[Span]:
    """An ORG span followed directly by the organisation it belongs to (with ``countries``,
    by a one-word place in the genitive) is one name with it (``org_tail``, ``org_country``,
    module docstring)."""
    out: list[Span] = []
    for e in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == "ORG" and prev.end == e.start and (
                _tail(e) or (countries and _descriptive(prev) and _country_tail(e))):
            out[-1] = Span(doc, prev.start, e.end, label="ORG")
            continue
        out.append(e)
    return out


@lru_cache(maxsize=1)
def _seats() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(str(name).split()) for name in _config().get("seats_of_power", []))


def _seat_name(words: list[str]) -> bool:
    """``words`` inflect as one of ``seats_of_power`` ("Белого дома" -> "белый дом")."""
    return _inflects_as(words, _seats())


def seats_of_power(doc: Doc, ents: list[Span]) -> list[Span]:
    """Seats of government named as actors become ORG (``seat_of_power``, module docstring)."""
    places = frozenset(str(w) for w in _config().get("seat_place_prepositions", []))

    def as_place(i: int) -> bool:
        return i > 0 and doc[i - 1].text.lower() in places

    out = []
    for e in ents:
        if e.label_ == "LOC" and not as_place(e.start) and _seat_name(_words(e)):
            e = Span(doc, e.start, e.end, label="ORG")
        out.append(e)
    return out


def _article_name(text: str) -> bool:
    head, sep, rest = text.partition("-")
    particles = frozenset(str(p) for p in _config().get("name_particles", []))
    if not (sep and head[:1].isupper() and head.lower() in particles and rest[:1].isupper()):
        return False
    proper, common = word_classes(rest)
    return bool(proper) or not common  # a name, not a title ("Эль-Хадж Омар": "хадж" is a common noun)


def article_orgs(doc: Doc, ents: list[Span]) -> list[Span]:
    """"Аль-Name" + a person's name in one PER span: an ORG and a PER (``article_org``)."""
    out: list[Span] = []
    for e in ents:
        if (e.label_ == "PER" and len(e) >= 2 and _article_name(e[0].text)
                and "Name" in word_classes(e[1].text)[0]):
            out += [Span(doc, e.start, e.start + 1, label="ORG"), Span(doc, e.start + 1, e.end, label="PER")]
            continue
        out.append(e)
    return out


def _stump_compound(word: str) -> bool:
    """``word`` is a stump compound of an institution: a prefix of ``org_stump_prefixes`` and a
    dictionary common word of five letters or more ("Рыбохраны", "Нацфронта", "Мосфильм"; not
    "Мостаре", "Россини": "таре", "сини" are words too, but short ones)."""
    low = word.lower()
    for pre in _config().get("org_stump_prefixes", []):
        rest = low[len(pre):]
        if low.startswith(pre) and len(rest) >= 5 and rest.isalpha():
            proper, common = word_classes(rest)
            if common and not proper:
                return True
    return False


def stump_orgs(doc: Doc, ents: list[Span]) -> list[Span]:
    """One-word PER/LOC spans that are stump compounds of institutions become ORG (``stump_org``)."""
    out = []
    for e in ents:
        if e.label_ in ("PER", "LOC") and len(e) == 1 and _stump_compound(e.text):
            e = Span(doc, e.start, e.end, label="ORG")
        out.append(e)
    return out


def plant_places(doc: Doc, ents: list[Span]) -> list[Span]:
    """ORG spans that name a power plant by its town's adjective become LOC (``plant_place``)."""
    plants = frozenset(str(w) for w in _config().get("plant_abbreviations", []))
    return [Span(doc, e.start, e.end, label="LOC") if e.label_ == "ORG" and len(e) >= 2
            and doc[e.end - 1].text in plants and doc[e.start].text[:1].isupper() else e for e in ents]


def refine_orgs(doc: Doc, ents: list[Span], skip: frozenset[str] = frozenset()) -> list[Span]:
    """The rules of the module docstring, less those named in ``skip`` (:data:`ORG_RULES`)."""
    if "generic_abbr" not in skip:
        ents = drop_generic_abbreviations(ents)
    if "union_org" not in skip:
        ents = union_orgs(doc, ents)
    if "org_tail" not in skip:
        ents = org_tails(doc, ents, countries="org_country" not in skip)
    if "seat_of_power" not in skip:
        ents = seats_of_power(doc, ents)
    if "article_org" not in skip:
        ents = article_orgs(doc, ents)
    if "stump_org" not in skip:
        ents = stump_orgs(doc, ents)
    if "plant_place" not in skip:
        ents = plant_places(doc, ents)
    return ents
