"""Place names in documents of the limited pipeline (no tagger or parser reads their language).

Names are found by their shape: runs of capitalised words (any word, in a script without
capitals), looked up in the gazetteer as written; if it has no such name, the last word is
tried without a case ending (``data/gazetteer/inflection.toml``: "Bakıda" -> "Bakı",
"Srbije" -> "Srbija"; a two-word name in both words: "Kosovskoj Mitrovici"), without what follows an apostrophe ("Ermenistan'ın") and the first
without a joined clitic ("والقدس"). Each name then gets one record with the document's other
places as context (:func:`~fullpicture.nlp.places._rank.rank_spans`), the record of the
English name: the naming table counts these names beside the other languages' names.

Guards, since nothing tells a name from a capitalised word here: the chosen record must score
at least ``min_score``; and a name reached only through an ending or a clitic, a one-word name
opening a sentence or written in lower case elsewhere in the document must reach a major
place (country, continent, first-level division, capital, curated region), a populous city,
or a place that the document's other places make likely (score at least ``minor_min_score``
without the bonus for a main name); a one-word name followed by more capitalised words
("Unión" of "Unión Europea"), or in a script without capitals, or in a language that
capitalises every noun, a major place or a populous city (all in ``[entities.limited]``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from fullpicture.nlp.places._limited_data import (
    Inflection,
    inflections,
    limited_aliases,
    own_country_names,
)
from fullpicture.nlp.places._regions import FEATURE_KINDS
from fullpicture.nlp.places._resolve import PlaceIndex
from fullpicture.nlp.places._translit import fold

# words; a hyphen splits them ("Ağdere-Terter": two names; "Nagorno-Karabakh" is found as the
# run of its two words, written as in the text)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_APOSTROPHE = re.compile(r"['’]")
_SENTENCE_END = set(".!?։؟。\n")
MAJOR = ("country", "continent", "admin1", "capital", "user", *FEATURE_KINDS)
# a place name that begins a longer capitalised name ("Avrupa Birliği", the European Union)
_LEADING = ("country", "continent", "admin1", "user", *FEATURE_KINDS)


def _own_form(span_text: str, last_word: str, inf: Inflection, language: str) -> str | None:
    """The language's own name of a country written in a case form that is another language's
    name of it (Serbian genitive "Kosova" is the Albanian name): the mention's base to show."""
    own = own_country_names().get(language)
    if not own or fold(span_text) in own:
        return None
    head = span_text[: len(span_text) - len(last_word)]
    for form, cut_start, cut_end, how in _forms(last_word, inf):
        if how == "ending" and not cut_start and not cut_end and fold(head + form) in own:
            return head + form
    return None


@dataclass
class Found:
    """One place name in the text: its span, the form looked up, how it was reached."""

    start: int
    end: int
    text: str
    form: str
    how: str  # exact | apostrophe | ending | clitic
    initial: bool
    cands: list[tuple[int, bool]] = field(default_factory=list)
    leads: bool = False  # more capitalised words follow ("Unión" of "Unión Europea")
    follows: bool = False  # a capitalised word that is no place comes before ("Albin Kurti")
    strict: int = 0  # a record below this population (not a major kind) needs minor_min_score


def _words(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, word, opens a sentence) for each word of ``text``."""
    out = []
    prev_end = 0
    first = True
    for m in _WORD.finditer(text):
        gap = text[prev_end : m.start()]
        initial = first or any(ch in _SENTENCE_END for ch in gap)
        out.append((m.start(), m.end(), m.group(), initial))
        prev_end, first = m.end(), False
    return out


def _cased(word: str) -> bool:
    ch = word[0]
    return ch.lower() != ch.upper()


def _joinable(text: str, a_end: int, b_start: int) -> bool:
    """Two words are one name's words when only spaces or a hyphen lie between them."""
    gap = text[a_end:b_start]
    return 0 < len(gap) <= 2 and gap.strip(" -\u00a0") == ""


def _forms(word: str, inf: Inflection) -> list[tuple[str, int, int, str]]:
    """Other forms of a name's last (or only) word: (form, chars cut at the start, chars cut at
    the end, how). The cut characters stay outside the mention for an apostrophe or a clitic."""
    out: list[tuple[str, int, int, str]] = []
    if inf.apostrophe:
        m = _APOSTROPHE.search(word)
        if m and 0 < len(word) - m.end() <= 6 and word[m.end():].islower():
            out.append((word[: m.start()], 0, len(word) - m.start(), "apostrophe"))
    for ending, repl in inf.endings:
        # a stem of three letters at least, or of ``min_stem`` before a long ending ("Києві")
        if word.endswith(ending) and len(word) - len(ending) >= (3 if len(ending) < 3 else min(3, inf.min_stem)):
            stem = word[: -len(ending)]
            out += [(stem + r, 0, 0, "ending") for r in repl]
    for pre in inf.prefixes:
        if word.startswith(pre) and len(word) - len(pre) >= 3:
            out.append((word[len(pre):], len(pre), 0, "clitic"))
    return out


def _lookup(pi: PlaceIndex, form: str, language: str) -> list[tuple[int, bool]]:
    cands = pi.candidates(form, 0, skeleton=False)
    cc = limited_aliases().get((language, fold(form)))
    if cc and cc in pi.gaz.country_of:
        cands = [(pi.gaz.country_of[cc], False), *cands]
    return cands


def _both_declined(text: str, first: tuple[int, int, str, bool], last: tuple[int, int, str, bool],
                   inf: Inflection, pi: PlaceIndex, language: str, initial: bool) -> Found | None:
    """A two-word name whose adjective and noun both carry a case ending."""
    gap = text[first[1] : last[0]]
    for f1, c1, _e1, how1 in _forms(first[2], inf):
        for f2, c2, _e2, how2 in _forms(last[2], inf):
            if how1 == how2 == "ending" and not c1 and not c2:
                full = f1 + gap + f2
                cands = _lookup(pi, full, language)
                if cands:
                    return Found(first[0], last[1], text[first[0] : last[1]], full, "ending", initial, cands)
    return None


def _leading_name(text: str, run: list[tuple[int, int, str, bool]], inf: Inflection, pi: PlaceIndex,
                  language: str) -> list[tuple[int, bool]]:
    """Candidates of the longest name that opens ``run`` (words joined as one name), as written
    or with its last word's case ending read off; [] when none."""
    for n in range(len(run), 0, -1):
        head = text[run[0][0] : run[n - 1][0]]
        for form in [run[n - 1][2], *(f for f, cut_start, cut_end, how in _forms(run[n - 1][2], inf) if how == "ending")]:
            cands = _lookup(pi, head + form, language)
            if cands:
                return cands
    return []


def _near_any(pi: PlaceIndex, a: list[tuple[int, bool]], b: list[tuple[int, bool]], km: float) -> bool:
    """A record of ``a`` and one of ``b`` lie in one country within ``km`` of each other."""
    from fullpicture.nlp.places._resolve import haversine_km

    pa, pb = [pi.place(i) for i, _v in a], [pi.place(i) for i, _v in b]
    return any(p.cc == q.cc and haversine_km(p.lat, p.lon, q.lat, q.lon) <= km for p in pa for q in pb)


def find_names(text: str, language: str, pi: PlaceIndex, max_words: int = 4,
               apposition_km: float = 0.0) -> list[Found]:
    """Gazetteer names in ``text`` (longest first at each position, no overlaps). A one-word
    name followed by more capitalised words is their first word (``leads``), unless those words
    name a place of the same country within ``apposition_km`` of it (a village, then its district)."""
    inf = inflections().get(language, Inflection())
    words = _words(text)
    lower = {w for _s, _e, w, _i in words if w.islower()}
    found: list[Found] = []
    i = 0
    taken = 0  # end of the last name found
    while i < len(words):
        s, e, w, initial = words[i]
        if _cased(w) and not w[0].isupper():
            i += 1
            continue
        # the longest run of name words from here (capitalised ones, or all in an uncased script)
        run = [i]
        while len(run) < max_words and run[-1] + 1 < len(words):
            nxt = words[run[-1] + 1]
            if not _joinable(text, words[run[-1]][1], nxt[0]) or (_cased(nxt[2]) and not nxt[2][0].isupper()):
                break
            run.append(run[-1] + 1)
        hit = None
        for n in range(len(run), 0, -1):
            last = words[run[n - 1]]
            span_text = text[s : last[1]]
            cands = _lookup(pi, span_text, language)
            if cands:
                own = _own_form(span_text, last[2], inf, language)
                own_cands = _lookup(pi, own, language) if own else []
                if own and {c for c, _ in own_cands} & {c for c, _ in cands}:
                    hit = Found(s, last[1], span_text, own, "ending", initial, own_cands)
                else:
                    hit = Found(s, last[1], span_text, span_text, "exact", initial, cands)
                break
            for form, cut_start, cut_end, how in _forms(last[2], inf):
                if cut_start and n > 1:
                    continue  # a clitic joins the first word only
                full = text[s : last[0]] + form
                cands = _lookup(pi, full, language)
                if cands:
                    start = s + cut_start
                    end = last[1] - cut_end
                    hit = Found(start, end, text[start:end], full, how, initial, cands)
                    break
            if hit is None and n == 2:  # both words declined ("Kosovskoj Mitrovici", "Zubinom Potoku")
                hit = _both_declined(text, words[run[0]], last, inf, pi, language, initial)
            if hit:
                break
        if hit is None:
            i += 1
            continue
        used = sum(1 for k in run if words[k][0] < hit.end)  # words of the run the name takes
        if _cased(w):
            # a longer name goes on after a space; after a hyphen another name may ("Ağdere-Terter")
            hit.leads = used < len(run) and text[words[run[used - 1]][1] : words[run[used]][0]].strip() == ""
            if hit.leads and apposition_km > 0:
                # "Dovhivka Zelenobirskoho raionu": a village and then its district, a name of
                # its own near it, not the first word of a longer name ("Unión Europea")
                rest = _leading_name(text, [words[k] for k in run[used:]], inf, pi, language)
                hit.leads = not _near_any(pi, hit.cands, rest, apposition_km)
            prev = words[i - 1] if i else None
            # a capitalised word before the name, unless a short one opening the sentence (a
            # preposition or article: "У Харкові", "En Madrid") or one written in lower case too
            hit.follows = bool(prev and prev[0] >= taken and prev[2][0].isupper() and _joinable(text, prev[1], s)
                               and text[prev[1] : s].strip() == ""
                               and not (prev[3] and len(prev[2]) <= 3) and prev[2].lower() not in lower)
        taken = hit.end
        found.append(hit)
        i = run[0] + max(1, used)
    return found


def _major(pi: PlaceIndex, i: int, min_pop: int) -> bool:
    p = pi.place(i)
    return p.kind in MAJOR or p.pop >= min_pop


def guard(found: list[Found], text: str, language: str, pi: PlaceIndex, cfg: dict[str, Any]) -> list[Found]:
    """Narrow the candidates of names whose shape alone does not make them names, and mark
    those whose minor records need the document's other places (see the module docstring)."""
    inf = inflections().get(language, Inflection())
    lower = {m.group() for m in _WORD.finditer(text) if m.group().islower()}
    exact_anywhere = {fold(f.form) for f in found if f.how == "exact" and not f.initial}
    big, uncased_pop = int(cfg.get("inflected_min_pop", 20000)), int(cfg.get("uncased_min_pop", 100000))
    out = []
    for f in found:
        one_word = " " not in f.form.strip()
        written = fold(f.form) in exact_anywhere
        if f.how in ("ending", "clitic") and not written:
            f.strict = big
        if one_word and fold(f.text) in inf.function_words:
            continue  # a pronoun, quantifier or preposition spelled like a place ("Više", "Disa")
        if one_word and f.how == "exact" and (f.initial or f.text.lower() in lower) and not written:
            f.strict = max(f.strict, uncased_pop)
        if one_word and (not _cased(f.text) or inf.capitalised_nouns):
            f.cands = [c for c in f.cands if _major(pi, c[0], uncased_pop)]
        if one_word and f.leads:  # the first word of a longer name: only a country or region
            f.cands = [c for c in f.cands if pi.place(c[0]).kind in _LEADING]
        elif one_word and f.follows:  # a surname after a first name; a genitive after a noun
            f.cands = [c for c in f.cands if pi.place(c[0]).kind in MAJOR]
        if f.cands:
            out.append(f)
    return out


def limited_places(text: str, language: str | None, pi: PlaceIndex, places_cfg: dict[str, Any],
                   cfg: dict[str, Any]) -> list[tuple[Found, int]]:
    """Each place name of ``text`` with the gazetteer record chosen for it."""
    from fullpicture.nlp.places._rank import rank_spans

    lang = language or ""
    found = guard(find_names(text, lang, pi, int(cfg.get("max_words", 4)), float(cfg.get("apposition_km", 0.0))),
                  text, lang, pi, cfg)
    if not found:
        return []
    chosen = rank_spans(pi, [(f.form, f.cands) for f in found], places_cfg)
    min_score, minor = float(cfg.get("min_score", 7.0)), float(cfg.get("minor_min_score", 9.5))
    kept: list[tuple[Found, int]] = []
    for f, r in zip(found, chosen, strict=True):
        if r is None:
            continue
        # the score without the bonus for writing the record's main name: a name alone does
        # not make a village ("Rus", a Spanish village, is "Russian" in Turkish)
        p = pi.place(r[0])
        own = r[1] - (float(places_cfg.get("main_name_bonus", 0.0)) if fold(p.name) == fold(f.form) else 0.0)
        if own < min_score or (f.strict and not _major(pi, r[0], f.strict) and own < minor):
            continue
        kept.append((f, r[0]))
    # places of the names kept as written, and countries named: a name reached only through an
    # ending, in a country where the document places nothing else and far from its other
    # places, is a guess ("Ağdere" -> "Ağder", Norway); a rejected word ("Politika", a section
    # label) names no country. A Serbian text that names Serbia still names "Zvečanu" (Kosovo).
    near_km = float(cfg.get("near_km", 250.0))
    written = [r for f, r in kept if pi.place(r).cc and (f.how in ("exact", "apostrophe") or pi.place(r).kind == "country")]
    kept = [(f, r) for f, r in kept
            if not (f.how in ("ending", "clitic") and written and not _near(pi, r, written, near_km)
                    and pi.place(r).kind not in ("country", "continent"))]
    return _not_abroad(kept, pi, int(cfg.get("abroad_min_pop", 100000)), near_km)


def _near(pi: PlaceIndex, r: int, others: list[int], km: float) -> bool:
    """Record ``r`` lies in the country of one of ``others``, or is a town within ``km`` of one
    of them (a country's point: its middle). A division abroad needs its country: "Srpske" of
    a party's name is no Bosnian entity in a text about Kosovo."""
    from fullpicture.nlp.places._resolve import haversine_km

    p = pi.place(r)
    town = p.kind in ("city", "capital")
    for o in others:
        q = pi.place(o)
        if q.cc == p.cc or (town and q.kind != "continent" and haversine_km(p.lat, p.lon, q.lat, q.lon) <= km):
            return True
    return False


def _not_abroad(kept: list[tuple[Found, int]], pi: PlaceIndex, min_pop: int, near_km: float) -> list[tuple[Found, int]]:
    """Leave out a one-word name of a town or division in a country where none of the
    document's other places lies, and far from them ("Nacional" of a Spanish agency's name ->
    a Dominican district, "Atlántico" of "océano Atlántico" -> a Colombian department, the
    surname "Elek" -> a Hungarian town), unless it is a country, continent, capital, curated
    region or a city of at least ``min_pop``: on its shape alone, a capitalised word is more
    likely a word."""
    def wide(r: int) -> bool:
        p = pi.place(r)
        return p.kind in ("country", "continent", "capital", "user", *FEATURE_KINDS) or (p.kind == "city" and p.pop >= min_pop)

    out = []
    for f, r in kept:
        if " " not in f.form.strip() and not wide(r):
            others = [o for _g, o in kept if o != r and pi.place(o).cc]
            if others and not _near(pi, r, others, near_km):
                continue
        out.append((f, r))
    return out
