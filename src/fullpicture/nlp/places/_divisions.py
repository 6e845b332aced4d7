"""Divisions named with a type word: "the Donetsk region", "Kherson Oblast", "Kyiv region"."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc

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
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if (tok.i in taken or nxt.i in taken or not tok.is_alpha or not tok.text[:1].isupper()
                or nxt.lower_ not in ADMIN_TYPE_WORDS or (tok.is_sent_start and tok.lower_ in ("the", "a"))):
            continue
        if _is_division(pi, doc[tok.i : tok.i + 2].text, min_pop):
            out.append((tok.i, tok.i + 2, "GPE"))
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
    for start, end, label in raw:
        best = end
        for k in range(end + 1, min(end + 3, len(doc)) + 1):
            last = doc[k - 1]
            if not (last.text in ("-", ",") or (last.is_alpha or "." in last.text) and last.text[:1].isupper()):
                break
            if last.text in ("-", ","):
                continue
            if any(t.whitespace_ and (t.text == "-" or doc[t.i + 1].text == "-") for t in doc[end - 1 : k - 1]):
                break  # "Gilgit-Baltistan", never "Gilgit - Baltistan"
            if _is_whole(pi, doc[start:k].text, min_pop):
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
# "Херсонская область" is the division named after Kherson ("Kherson region" in the index).
_RU_TYPE_WORDS = frozenset({"область", "край", "губерния", "області", "областi"})
_RU_ADJ_ENDINGS = ("ская", "ский", "ское", "цкая", "цкий", "цкое", "ська", "цька", "ая", "ий", "ое", "а")


def cyrillic_division(pi: PlaceIndex, base: str, min_pop: int) -> list[tuple[int, bool]]:
    """Candidates of a Russian division name in its dictionary form ("Херсонская область",
    "Донецкая область", "Краснодарский край"): the adjective's stem is looked up as a city
    ("Херсон", "Донецк", "Краснодар"), and the first-level division named after that city in
    its country is returned."""
    words = base.split()
    if len(words) != 2 or words[1].lower() not in _RU_TYPE_WORDS:
        return []
    adj = words[0]
    stems: list[str] = []
    for end in _RU_ADJ_ENDINGS:
        if adj.lower().endswith(end) and len(adj) - len(end) >= 3:
            stem = adj[: -len(end)]
            # "Херсонская" -> "Херсон"; "Донецкая" -> "Донецк"; "Харьковская" -> "Харьков";
            # "Запорожская" -> "Запорожье"; "Луганская" -> "Луганск"
            if end.startswith("ц"):
                stems += [stem + "цк"]
            elif end.startswith("ск"):
                stems += [stem + "ск", stem, stem + "ь", stem + "ье", stem + "а"]
            else:
                stems += [stem]
            break
    out: list[tuple[int, bool]] = []
    for stem in stems:
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
