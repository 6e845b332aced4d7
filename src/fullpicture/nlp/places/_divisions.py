"""Divisions named with a type word: "the Donetsk region", "Kherson Oblast", "Kyiv region"."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from spacy.tokens import Doc

from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.places._resolve import PlaceIndex

ADMIN_TYPE_WORDS = frozenset({"region", "oblast", "province", "governorate", "krai", "kray", "prefecture", "state"})
_ADMIN_KINDS = frozenset({"admin1", "admin2", "region"})


def _is_division(pi: PlaceIndex, text: str, min_pop: int) -> bool:
    return any(pi.place(i).kind in _ADMIN_KINDS for i, _sk in pi.candidates(text, min_pop, False))


def admin_region(doc: Doc, pi: PlaceIndex, item: tuple[int, int, str], min_pop: int) -> tuple[int, int, str]:
    """"the Donetsk region", "Kherson Oblast": when the name and the type word after it name a
    first- or second-level division, the mention is the division (not the city of the same
    name, and not a person NER saw in "Kherson")."""
    start, end, label = item
    if end >= len(doc) or doc[end].lower_ not in ADMIN_TYPE_WORDS or label in ("DATE", "CARDINAL"):
        return item
    if not _is_division(pi, doc[start : end + 1].text, min_pop):
        return item
    return start, end + 1, label if label in ("GPE", "LOC", "FAC") else "GPE"


def untagged_divisions(doc: Doc, pi: PlaceIndex, taken: Collection[int], min_pop: int) -> list[tuple[int, int, str]]:
    """A capitalised word that NER left untagged (the small model reads "the Kyiv region" as an
    adjective and a noun) before a type word, when the two name a division."""
    out: list[tuple[int, int, str]] = []
    toks = token_arrays(doc)
    text, lower, is_alpha, sent_start = toks.text, toks.lower, toks.is_alpha, toks.sent_start
    for i in range(len(text) - 1):
        if (i in taken or i + 1 in taken or not is_alpha[i] or not text[i][:1].isupper()
                or lower[i + 1] not in ADMIN_TYPE_WORDS or (sent_start[i] and lower[i] in ("the", "a"))):
            continue
        if _is_division(pi, toks.span_text(i, i + 2), min_pop):
            out.append((i, i + 2, "GPE"))
    return out


def one_per_span(raw: list[tuple[int, int, str]], place_labels: Collection[str]) -> list[tuple[int, int, str]]:
    """Sorted, one item per span (two readings of one span, such as an organisation NER saw
    in "Kherson Oblast" and the same words as an embedded name make one mention: a place
    label wins, then NER's own label, then the embedded reading)."""
    best: dict[tuple[int, int], str] = {}
    for s, e, label in raw:
        old = best.get((s, e))
        if old is None or _rank(label, place_labels) > _rank(old, place_labels):
            best[(s, e)] = label
    return sorted((s, e, label) for (s, e), label in best.items())


def _rank(label: str, place_labels: Collection[str]) -> int:
    return 2 if label in place_labels else (0 if label == "EMB" else 1)


_WHOLE_KINDS = frozenset({"country", "admin1", "capital"})


def whole_names(doc: Doc, pi: PlaceIndex, raw: list[tuple[int, int, str]], min_pop: int) -> list[tuple[int, int, str]]:
    """A name NER cut short or split: "Baja" + "California", "Gilgit" before "-Baltistan",
    "Washington" before ", D.C.". A span grows over up to three following tokens (capitalised
    words, hyphens, a comma) when the longer text is a country, first-level division or capital
    of the gazetteer, or a city of at least ``min_pop``, under that exact name; the spans it
    swallows go."""
    out: list[tuple[int, int, str]] = []
    grown: list[tuple[int, int]] = []
    toks = token_arrays(doc)  # the token attributes as lists: no Token object per token
    text, is_alpha, space = toks.text, toks.is_alpha, toks.space
    for start, end, label in raw:
        best = end
        for k in range(end + 1, min(end + 3, len(text)) + 1):
            last = text[k - 1]
            if not (last in ("-", ",") or (is_alpha[k - 1] or "." in last) and last[:1].isupper()):
                break
            if last in ("-", ","):
                continue
            if any(space[t] and (text[t] == "-" or text[t + 1] == "-") for t in range(end - 1, k - 1)):
                break  # "Gilgit-Baltistan", never "Gilgit - Baltistan"
            if _is_whole(pi, toks.span_text(start, k), min_pop):
                best = k
        out.append((start, best, label if best == end or label in ("GPE", "LOC", "FAC") else "GPE"))
        if best > end:
            grown.append((start, best))
    return [(s, e, lb) for s, e, lb in out if not any(gs <= s and e <= ge and (s, e) != (gs, ge) for gs, ge in grown)]


def _is_whole(pi: PlaceIndex, text: str, min_pop: int) -> bool:
    from fullpicture.nlp.places._translit import fold

    for i, via in pi.candidates(text, min_pop, False):
        p = pi.place(i)
        if not via and (p.kind in _WHOLE_KINDS or (p.kind == "city" and p.pop >= min_pop)) and (p.kind != "city" or fold(p.name) == fold(text) or "," in text):
            return True
    return False


# Russian (and Ukrainian) divisions named by an adjective of their city and a type word:
# "Херсонская область" is the division named after Kherson ("Kherson region" in the index);
# "Херсонской и Николаевской областей" names two (the base form of the second is plural).
_RU_TYPE_WORDS = frozenset({"область", "области", "край", "края", "губерния", "області", "областi"})
_RU_ADJ_ENDINGS = ("ская", "ский", "ское", "ские", "цкая", "цкий", "цкое", "цкие", "ська", "цька",
                   "ая", "ий", "ое", "ие", "а")
# a place adjective names these (a city, or a region: "Крымский" -> Crimea)
_ADJ_KINDS = frozenset({"city", "capital", "admin1", "region"})


def _adjective_stems(adj: str) -> list[str]:
    """Names a Russian place adjective may derive from, most likely first: "Херсонская" ->
    "Херсон"; "Донецкая" -> "Донецк"; "Харьковская" -> "Харьков"; "Запорожская" ->
    "Запорожье"; "Луганская" -> "Луганск"; "Каховская" -> "Каховка"."""
    for end in _RU_ADJ_ENDINGS:
        if adj.lower().endswith(end) and len(adj) - len(end) >= 3:
            stem = adj[: -len(end)]
            if end.startswith("ц"):
                return [stem + "цк", stem + "ц"]
            if end.startswith("ск"):
                return [stem + "ск", stem, stem + "ь", stem + "ье", stem + "а", stem + "ка", stem + "я"]
            return [stem]
    return []


def cyrillic_division(pi: PlaceIndex, base: str, min_pop: int) -> list[tuple[int, bool]]:
    """Candidates of a Russian division name in its dictionary form ("Херсонская область",
    "Донецкая область", "Краснодарский край"): the adjective's stem is looked up as a city
    ("Херсон", "Донецк", "Краснодар"), and the first-level division named after that city in
    its country is returned."""
    words = base.split()
    if len(words) != 2 or words[1].lower() not in _RU_TYPE_WORDS:
        return []
    out: list[tuple[int, bool]] = []
    for stem in _adjective_stems(words[0])[:5]:
        for i, _sk in pi.candidates(stem, min_pop, False):
            p = pi.place(i)
            if p.kind not in ("city", "capital"):
                continue
            for w in ("region", "oblast", "krai"):
                for j, _s in pi.candidates(f"{p.name} {w}", min_pop, False):
                    if pi.place(j).kind == "admin1" and pi.place(j).cc == p.cc and (j, False) not in out:
                        out.append((j, False))
        if out:
            break
    return out


def cyrillic_adjective(pi: PlaceIndex, base: str, min_pop: int) -> list[tuple[int, bool]]:
    """Candidates of a place named by its Russian adjective alone ("Херсонское", "Каховская")
    or with a common noun that is no type word ("Херсонское направление", "Каховское
    водохранилище"): the city or region the adjective derives from, when it has at least
    ``min_pop`` inhabitants or is a division or curated region. An adjective of a country
    ("Украинская": Ukraine, not the town Ukrainsk) names a nationality, not a place: none."""
    words = base.split()
    if not words or len(words) > 2 or (len(words) == 2 and not words[1].islower()):
        return []
    stems = _adjective_stems(words[0])
    found = [(stem, pi.candidates(stem, min_pop, False)) for stem in stems]
    if any(pi.place(i).kind == "country" for _stem, cands in found for i, _sk in cands):
        return []
    for _stem, cands in found:
        out = [(i, sk) for i, sk in cands if pi.place(i).kind in _ADJ_KINDS
               and (pi.place(i).kind != "city" or pi.place(i).pop >= min_pop)]
        if out:
            return out
    return []


def coordinated_division(doc: Doc, end: int) -> bool:
    """A lone adjective before "и"/"," and another adjective with a plural type word: the first
    of two divisions ("Херсонской и Николаевской областей")."""
    if end + 2 >= len(doc) or doc[end].lower_ not in ("и", ",", "или"):
        return False
    return doc[end + 1].pos_ == "ADJ" and doc[end + 2].lemma_.lower() in _RU_TYPE_WORDS


def russian_candidates(doc: Doc, pi: PlaceIndex, start: int, end: int, label: str, loose: bool,
                       pcfg: dict[str, Any]) -> list[tuple[int, bool]]:
    """Candidates of a Russian name that is not in the gazetteer as written: its dictionary form
    ("Новой Каховки" -> "Новая Каховка"), a division named by adjective and type word in any
    case ("Херсонская область", "Николаевской областей"), and for a name tagged as a place,
    the first of two coordinated divisions or the place its adjective derives from."""
    from fullpicture.nlp.places._base import base_form

    min_pop = pcfg["skeleton_min_pop"]
    base = base_form(doc, start, end)
    form = base or doc[start:end].text
    cands = (pi.candidates(base, min_pop, loose) if base else []) or cyrillic_division(pi, form, min_pop)
    if cands or label not in ("GPE", "LOC"):
        return cands
    if " " not in form and (coordinated_division(doc, end) or form.endswith(("ская", "цкая"))):
        # the first of two coordinated divisions; a feminine adjective alone ("в Западной"):
        # the oblast, whose feminine noun the report leaves out, where there is one
        cands = cyrillic_division(pi, f"{form} область", min_pop)
    return cands or cyrillic_adjective(pi, form, int(pcfg.get("adjective_min_pop", 20000)))



def declined_forms(text: str, language: str) -> list[str]:
    """Nominatives a case form may come from, by the language's case endings
    (``inflection.toml``: "Смаре" -> "Смара", "Баньске" -> "Баньска"), longest ending first."""
    from fullpicture.nlp.places._limited_data import inflections

    inf = inflections().get(language)
    words = text.split()
    if inf is None or not words:
        return []
    last, out = words[-1], []
    for ending, repls in inf.endings:
        if last.lower().endswith(ending) and len(last) - len(ending) >= 3:
            out += [" ".join([*words[:-1], last[: len(last) - len(ending)] + r]) for r in repls]
    return out


def declined_candidates(pi: PlaceIndex, text: str, language: str, min_pop: int,
                        loose: bool) -> tuple[str, list[tuple[int, bool]]] | None:
    """A name in a case form that neither the gazetteer nor the lemmatizer resolves, read back
    to its nominative (:func:`declined_forms`): the first form the gazetteer knows as written,
    and its candidates."""
    for form in declined_forms(text, language):
        cands = pi.candidates(form, min_pop, loose)
        if cands:
            return form, cands
    return None
