"""Corrections of the Slovnet NER output from the OpenCorpora dictionary (``pymorphy3``).

Slovnet's NER reads word shapes and embeddings; it tags a capitalised sentence-initial common
noun as a name ("Посёлок расположен..." -> LOC) and guesses PER for rare place names
("Наварры", "Дармштадт"). The OpenCorpora dictionary that ``pymorphy3`` ships marks proper
nouns with grammemes: ``Geox`` (toponym), ``Name``/``Surn``/``Patr`` (person names),
``Orgn`` (organisation), ``Trad`` (trademark), ``Abbr``. Only dictionary words count (not
the analyser's guesses for unknown words). The rules (thresholds and word lists in
``data/lang/entities.ru.toml``):

* a PER span whose words are all dictionary toponyms and none a person name becomes LOC;
* a one-word PER/LOC span at the start of a sentence whose word is a dictionary common word
  and no proper noun is dropped (the capital letter is the sentence's, not a name's);
* a span is cut at line breaks (``line_break``: a headline's last name and the dateline under
  it are two names);
* a span is cut at list separators and parentheses ("Джоэл Саймон (Joel Simon)" is two
  names), and a descriptor before a quoted name is left out ("ОАО «Газпром»" -> "Газпром",
  the factRuEval convention, so that both forms name one organisation);
* a quoted name right after an organisation noun ("клуб «Динамо»", "партия «Яблоко»") is an
  ORG, whatever Slovnet said of it;
* at the start of a sentence, a span of several words of which only the first (a common
  word) is capitalised is dropped ("Перепад высот"), unless a word is an institution's head
  noun ("Министерство обороны"); a PER/LOC span opening with a common noun loses that noun
  ("Теорема Кэли" -> "Кэли"), unless it is a noun of places or institutions ("Остров Пасхи");
* a name right after a common noun of places is a place ("в посёлке Мир", "комитата Шопрон");
* the context rules of ``russian_context`` (teams named by a place, taxa, lists of places);
* an untagged capitalised word that inflects like a name tagged elsewhere in the document
  takes its type ("Владимир Путин ... Путин заявил": Slovnet often misses a lone surname).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from fullpicture._data import data_toml
from fullpicture.nlp.lang.lines import split_at_line_breaks

PROPER = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Trad", "Abbr"})
PERSON = frozenset({"Name", "Surn", "Patr"})
_OPEN_QUOTES = frozenset({"«", '"', "„", "“"})
_CLOSE_QUOTES = frozenset({"»", '"', "“", "”"})
_SEPARATORS = frozenset({"•", "·", ";", ",", "|", "(", ")", "/", "—", "–"})
STRESS = "\u0301"


@lru_cache(maxsize=1)
def _config() -> dict[str, Any]:
    return data_toml("lang", "entities.ru.toml")


@lru_cache(maxsize=50_000)
def word_classes(word: str) -> tuple[frozenset[str], bool]:
    """(proper-noun grammemes of the dictionary parses of ``word``, whether the dictionary
    knows it as a common word). Guesses for unknown words count for neither."""
    from fullpicture.nlp.lang.russian import parses as _morph_parses

    proper: set[str] = set()
    common = False
    for p in _morph_parses(word.replace(STRESS, "")):
        if not p.is_known:  # guesses (unknown prefix, suffix analogy) are not the dictionary's
            continue
        tags = set(p.tag.grammemes) & PROPER
        proper |= tags
        if not tags and str(p.tag.POS) != "None":
            common = True
    return frozenset(proper), common


@lru_cache(maxsize=20_000)
def _lemmas(word: str) -> frozenset[str]:
    from fullpicture.nlp.lang.russian import parses as _morph_parses

    return frozenset(str(p.normal_form) for p in _morph_parses(word.lower().replace(STRESS, "")))


def _words(span: Span) -> list[str]:
    return [t.text for t in span if any(ch.isalpha() for ch in t.text)]


def _place_not_person(span: Span) -> bool:
    words = _words(span)
    if not words:
        return False
    classes = [word_classes(w)[0] for w in words]
    return all("Geox" in c for c in classes) and not any(c & PERSON for c in classes)


def _sentence_initial(doc: Doc, i: int, starts: set[int], lines: bool = False) -> bool:
    """Token ``i`` opens a sentence; with ``lines``, also a line (a title without a full stop
    runs into the next paragraph in the sentence splitter: "…на ГЭС\n\nРано утром …")."""
    j = i
    while j > 0 and j not in starts and (doc[j - 1].is_punct or doc[j - 1].is_space):
        if lines and "\n" in doc[j - 1].text + doc[j - 1].whitespace_:
            return True
        j -= 1
    return j in starts or (lines and j > 0 and "\n" in doc[j - 1].whitespace_)


def _common_word(span: Span) -> bool:
    words = _words(span)
    if len(words) != 1 or len(span) != 1:
        return False
    proper, common = word_classes(words[0])
    return common and not proper


def _common_phrase(span: Span, heads: frozenset[str]) -> bool:
    """Several words of which only the first is capitalised, that first word a dictionary
    common word and no proper noun, and no word an institution's head noun ("Окончив школу",
    "Перепад высот"; not "Министерство внутренних дел", "Большой театр"), or one of
    ``never_names`` whatever its head ("Административный центр")."""
    words = _words(span)
    if len(words) < 2 or any(not w[:1].islower() for w in words[1:]):
        return False
    if _never_name(words):
        return True
    if any(_lemmas(w) & heads for w in words):
        return False
    proper, common = word_classes(words[0])
    return common and not proper


def _never_name(words: list[str]) -> bool:
    """``words`` inflect as one of ``never_names``, phrases with an institution's head noun that
    name no institution ("Административный центр области …")."""
    phrases = [str(p).split() for p in _config().get("never_names", [])]
    return any(len(p) == len(words) and all(x in _lemmas(w) for x, w in zip(p, words, strict=True)) for p in phrases)


def _division_name(span: Span) -> bool:
    """A place adjective and a division's type word ("Херсонская область" opening a headline)."""
    cfg, words = _config(), _words(span)
    return (span.label_ == "LOC" and len(words) == 2 and words[0].lower().endswith(tuple(cfg["place_adjective_endings"]))
            and bool(_lemmas(words[1]) & frozenset(cfg["division_nouns"])))


def _leading_noun(span: Span, heads: frozenset[str]) -> bool:
    """The span's first word is a dictionary common noun, and no proper noun nor an
    institution's head, followed by capitalised words ("Теорема Кэли", "Адвокатом Стуса",
    "Президент Путин" at the start of a sentence: the name is what follows)."""
    if len(span) < 2 or not _capitalised(span[1]):
        return False
    word = span[0].text
    if _lemmas(word) & heads:
        return False
    from fullpicture.nlp.lang.russian import parses as _morph_parses

    parses = [p for p in _morph_parses(word.replace(STRESS, "")) if p.is_known]
    return bool(parses) and all(str(p.tag.POS) == "NOUN" and not (set(p.tag.grammemes) & PROPER) for p in parses)


def _quoted_orgs(doc: Doc, nouns: frozenset[str], max_len: int) -> list[tuple[int, int]]:
    """(start, end) of quoted names directly after an organisation noun."""
    out = []
    for tok in doc[:-2]:
        if tok.text not in _OPEN_QUOTES or tok.i == 0:
            continue
        prev = doc[tok.i - 1]
        if not (_lemmas(prev.text) & nouns):
            continue
        first = doc[tok.i + 1]
        if not first.text[:1].isupper() and not first.text[:1].isdigit():
            continue
        for j in range(tok.i + 1, min(len(doc), tok.i + 2 + max_len)):
            if doc[j].text in _CLOSE_QUOTES:
                if j > tok.i + 1:
                    out.append((tok.i + 1, j))
                break
            if doc[j].is_space and "\n" in doc[j].text:
                break
    return out


def _pieces(doc: Doc, ent: Span, nouns: frozenset[str]) -> list[tuple[int, int]]:
    """``ent`` cut at list separators and parentheses ("Джоэл Саймон (Joel Simon)" -> two
    names; "Бахрейн • Барбадос" -> two), without edge punctuation, and without a descriptor
    before a quoted name ("ОАО «Газпром»" -> "Газпром"). Pieces that do not start with a
    capital letter or a digit are dropped, unless they start with an Arabic article joined to
    a name ("аль-Каиды")."""
    out: list[tuple[int, int]] = []
    start = ent.start
    for i in range(ent.start, ent.end + 1):
        if i == ent.end or doc[i].text in _SEPARATORS:
            a, b = start, i
            while a < b and (doc[a].is_punct or doc[a].is_space) and doc[a].text not in _OPEN_QUOTES:
                a += 1
            while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space) and doc[b - 1].text not in _CLOSE_QUOTES:
                b -= 1
            a, b = _after_descriptor(doc, a, b, nouns)
            if a < b and (doc[a].text[:1].isupper() or doc[a].text[:1].isdigit() or doc[a].text in _OPEN_QUOTES
                          or particle_name_word(doc[a].text)):
                out.append((a, b))
            start = i + 1
    return out


def particle_name_word(text: str) -> bool:
    """``text`` is an Arabic article joined to a capitalised name ("аль-Каиды", "ас-Салиха";
    ``name_particles``): a name, though it starts with a small letter."""
    head, sep, rest = text.partition("-")
    return bool(sep) and head in frozenset(_config().get("name_particles", [])) and rest[:1].isupper() and rest.isalpha()


def _after_descriptor(doc: Doc, a: int, b: int, nouns: frozenset[str]) -> tuple[int, int]:
    """The quoted name when ``doc[a:b]`` is descriptor words + «name», else ``(a, b)``."""
    for q in range(a + 1, b - 1):
        if doc[q].text in _OPEN_QUOTES:
            words = [t.text for t in doc[a:q] if not t.is_space]
            if words and all(_lemmas(w) & nouns or (w.isupper() and len(w) <= 5) for w in words):
                close = b - 1 if doc[b - 1].text in _CLOSE_QUOTES else b
                if close > q + 1:
                    return q + 1, close
            break
    return a, b


def _propagate(doc: Doc, ents: list[Span]) -> list[Span]:
    """Untagged capitalised words that inflect like a name tagged elsewhere in the document
    (a surname after the full name, an abbreviation after its first tagged use) take its type:
    "Владимир Путин ... Путин заявил" (Slovnet often misses a sentence-initial surname)."""
    keys: dict[str, set[str]] = {}
    for ent in ents:
        words = _words(ent)
        if not words or (len(words) > 1 and ent.label_ != "PER"):
            continue
        word = words[-1]
        if word_classes(word)[1] and not word_classes(word)[0]:
            continue  # a common word: no evidence that it names this entity elsewhere
        for lemma in _lemmas(word):
            keys.setdefault(lemma, set()).add(ent.label_)
    if not keys:
        return ents
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = list(ents)
    for tok in doc:
        if tok.i in taken or not tok.text[:1].isupper() or not any(ch.isalpha() for ch in tok.text):
            continue
        labels = {lab for lemma in _lemmas(tok.text) for lab in keys.get(lemma, ())}
        if len(labels) == 1 and not (word_classes(tok.text)[1] and not word_classes(tok.text)[0]):
            out.append(Span(doc, tok.i, tok.i + 1, label=labels.pop()))
    return sorted(out, key=lambda e: e.start)


def _person_word(word: str) -> bool:
    """The dictionary knows ``word`` as a person's name and not as a place."""
    proper = word_classes(word)[0]
    return bool(proper & PERSON) and "Geox" not in proper


def _capitalised(tok: Any) -> bool:
    return tok.text[:1].isupper() and any(ch.isalpha() for ch in tok.text)


def _after_geo_noun(doc: Doc, ents: list[Span], nouns: frozenset[str], max_len: int) -> list[Span]:
    """Names right after a common noun of places are places: a PER span there becomes LOC and
    an untagged capitalised run is added as LOC ("город Владимир", "в посёлке Мир",
    "королевства Леон"), unless its first word is a person's name in the dictionary."""
    by_start = {e.start: e for e in ents}
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = list(ents)
    for tok in doc[:-1]:
        if not tok.text[:1].islower() or not (_lemmas(tok.text) & nouns):
            continue
        j = tok.i + 1
        if doc[j].text in _OPEN_QUOTES and j + 1 < len(doc):
            j += 1
        if not _capitalised(doc[j]) or _person_word(doc[j].text):
            continue
        ent = by_start.get(j)
        if ent is not None:
            if ent.label_ == "PER" and not any(word_classes(w)[0] & PERSON for w in _words(ent)[1:]):
                out[out.index(ent)] = Span(doc, ent.start, ent.end, label="LOC")
            continue
        if j in taken:
            continue
        end = j + 1
        while end < len(doc) and end - j < max_len and end not in taken and (
            _capitalised(doc[end]) or (doc[end].text == "-" and end + 1 < len(doc) and _capitalised(doc[end + 1]))
        ):
            end += 1
        if doc[end - 1].text == "-":
            end -= 1
        out.append(Span(doc, j, end, label="LOC"))
        taken.update(range(j, end))
    return sorted(out, key=lambda e: e.start)


LEAD_LABELS = ("PER", "LOC")
RULES = ("common_word", "common_phrase", "leading_noun", "toponym", "pieces", "quoted_org", "geo_noun", "propagate",
         "team_name", "opponent", "not_entity", "coordination", "list_ties", "consistent", "union_org", "generic_abbr",
         "particle_name", "org_tail", "org_country", "seat_of_power", "article_org", "team_person", "stump_org", "line_break")


def refine_entities(doc: Doc, ents: list[Span], sent_starts: set[int], skip: frozenset[str] = frozenset()) -> list[Span]:
    """Slovnet's PER/LOC/ORG spans of ``doc`` corrected by the rules of the module docstring.

    ``sent_starts`` holds the index of each sentence's first token; ``skip`` names rules of
    :data:`RULES` to leave out (for the ablation in ``eval.multilingual_ner --without``).
    Returns non-overlapping spans in document order.
    """
    cfg = _config()
    nouns = frozenset(cfg.get("org_nouns", []))
    heads = nouns | frozenset(cfg.get("institution_nouns", []))
    geo = frozenset(cfg.get("geo_nouns", []))
    if "line_break" not in skip:  # a headline's last name and the dateline under it are two
        ents = split_at_line_breaks(doc, ents)
    out: list[Span] = []
    for ent in ents:
        if "common_word" not in skip and _sentence_initial(doc, ent.start, sent_starts, lines=True) and _common_word(ent):
            continue
        if "common_phrase" not in skip and _sentence_initial(doc, ent.start, sent_starts) and _common_phrase(ent, heads) and not _division_name(ent):
            continue
        if ("leading_noun" not in skip and ent.label_ in LEAD_LABELS and _sentence_initial(doc, ent.start, sent_starts)
                and _leading_noun(ent, heads | geo)):
            ent = Span(doc, ent.start + 1, ent.end, label=ent.label_)
        for a, b in _pieces(doc, ent, nouns) if "pieces" not in skip else [(ent.start, ent.end)]:
            piece = Span(doc, a, b, label=ent.label_)
            toponym = "toponym" not in skip and piece.label_ == "PER" and _place_not_person(piece)
            out.append(Span(doc, a, b, label="LOC") if toponym else piece)
    if "quoted_org" not in skip:
        for start, end in _quoted_orgs(doc, nouns, int(cfg.get("quoted_max_words", 8))):
            kept = [e for e in out if e.end <= start or e.start >= end]
            inside = [e for e in out if e not in kept]
            if all(start <= e.start and e.end <= end for e in inside):
                out = [*kept, Span(doc, start, end, label="ORG")]
    out.sort(key=lambda e: e.start)
    if "geo_noun" not in skip:
        out = _after_geo_noun(doc, out, geo, 3)
    from fullpicture.nlp.lang.russian_context import refine_by_context  # imports this module

    out = refine_by_context(doc, out, sent_starts, skip)
    return out if "propagate" in skip else _propagate(doc, out)
