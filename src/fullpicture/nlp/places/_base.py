"""Dictionary forms of Russian names, so that the case forms of one name count as one name
in the naming table ("Лачинской дороге" and "Лачинская дорога")."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc


def base_form(doc: Doc, start: int, end: int) -> str | None:
    """The dictionary form of an inflected (Russian) name: leading adjectives and the first
    noun, or the run of proper nouns, go to the nominative ("Нагорном Карабахе" -> "Нагорный
    Карабах", "Министерства обороны" -> "Министерство обороны"); the noun keeps its number and
    the adjectives agree with it ("Лачинской дороги" -> "Лачинская дорога", "Вооружённых сил"
    -> "Вооружённые силы"). None for other languages or when nothing changes."""
    if doc.lang_ != "ru":
        return None
    toks = list(doc[start:end])
    lead: list[int] = []
    for i, tok in enumerate(toks):
        acronym = len(tok.text) > 1 and tok.text.isupper()  # "ДНР", "МВД" do not decline
        if not (tok.lemma_ and (tok.pos_ in ("ADJ", "NOUN", "PROPN") or _participle(tok)) and not acronym):
            break
        lead.append(i)
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if _adjectival(tok):
            continue
        if tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and (nxt is None or nxt.pos_ != "PROPN")):
            break
    forms = _nominative(toks, lead)
    words: list[str] = []
    for i, tok in enumerate(toks):
        form = forms.get(i)
        if form is not None:
            form = (form[:1].upper() + form[1:]) if tok.text[:1].isupper() else form
        words += [form if form is not None else tok.text, tok.whitespace_]
    base = "".join(words).strip()
    return base if base and base != doc[start:end].text else None


def _nominative(toks: list[Any], lead: list[int]) -> dict[int, str]:
    """Nominative forms of the leading adjectives and nouns ``lead`` (indices into ``toks``):
    nouns keep the number they have in the text; an adjective agrees with the next noun."""
    forms = {i: toks[i].lemma_ for i in lead}
    head = next((i for i in lead if not _adjectival(toks[i])), None)
    if head is None:  # adjectives before an acronym that does not decline ("Каховской ГЭС")
        return {**forms, **_own_agreement(toks, lead)}
    number = toks[head].morph.get("Number")
    plural = "Plur" in number if number else _only_plural(toks[head].text)
    noun = _parse(toks[head].text, "NOUN", plural)
    if noun is None:
        return forms
    if plural:
        form = noun.inflect({"nomn", "plur"})
        forms[head] = str(form.word) if form is not None else forms[head]
    want = {"nomn", "plur"} if plural else {"nomn", str(noun.normalized.tag.gender or "masc")}
    for i in lead:
        if i < head:
            adj = _parse(toks[i].text, "ADJF", None) or _parse(toks[i].text, "PRTF", None)
            form = adj.inflect(want) if adj is not None else None
            if form is not None:
                forms[i] = str(form.word)
    return forms


_GENDER = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}


def _own_agreement(toks: list[Any], lead: list[int]) -> dict[int, str]:
    """Nominative forms of adjectives without a noun to agree with, in the gender and number
    the tagger read from the text ("Каховской ГЭС" -> "Каховская ГЭС", not "Каховский")."""
    out: dict[int, str] = {}
    for i in lead:
        tok = toks[i]
        plural = "Plur" in tok.morph.get("Number")
        gender = next((_GENDER[g] for g in tok.morph.get("Gender") if g in _GENDER), None)
        if not plural and gender is None:
            continue
        adj = _parse(tok.text, "ADJF", plural) or _parse(tok.text, "PRTF", plural)
        form = adj.inflect({"nomn", "plur"} if plural else {"nomn", gender}) if adj is not None else None
        if form is not None:
            out[i] = str(form.word)
    return out


def _adjectival(tok: Any) -> bool:
    """An adjective, a participle, or a capitalised word the tagger calls a proper noun but the
    dictionary knows only as an adjective or participle ("Соединённых Штатов")."""
    if tok.pos_ == "ADJ" or _participle(tok):
        return True
    if tok.pos_ != "PROPN":
        return False
    from fullpicture.nlp.lang.russian import parses as _morph_parses

    parses = [p for p in _morph_parses(tok.text) if p.is_known]
    return bool(parses) and all(p.tag.POS in ("ADJF", "PRTF") for p in parses)


def _participle(tok: Any) -> bool:
    """A participle used as an adjective ("Вооружённые силы", "Соединённые Штаты")."""
    return bool(tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm"))


def _only_plural(word: str) -> bool:
    from fullpicture.nlp.lang.russian import parses as _morph_parses

    nouns = [p for p in _morph_parses(word) if p.tag.POS == "NOUN"]
    return bool(nouns) and all("plur" in p.tag for p in nouns)


def _parse(word: str, pos: str, plural: bool | None) -> Any:
    """The first dictionary parse of ``word`` with part of speech ``pos`` (and number)."""
    from fullpicture.nlp.lang.russian import parses as _morph_parses

    for p in _morph_parses(word):
        tag_pos = p.tag.POS
        if tag_pos == pos and (plural is None or ("plur" in p.tag) == plural):
            return p
    return None
