"""Known actors' names found only where one may begin (issue 14, session 42): invented texts.

``align/_actors._match`` ran the language's whole alternation of names (hundreds of branches)
at every offset of a 100-character window around each mention. It now tries only the offsets
where a name may begin (no letter or digit before, no space at) and, at each, only the
branches whose first character matches there. The answers must be those of the whole
alternation read by ``finditer`` over the window, as before: checked here against that plain
reading on every run of one to four words of invented texts in four languages.
"""

from __future__ import annotations

import re

from fullpicture.align._actors import _alternation, _core, _match, _table, fold_accents, name_starts
from fullpicture.models.entities import Mention

TEXTS = {
    "en": ("Gunmen of the Islamic State group and ISIS fighters raided Velmora; NATO and the UN "
           "condemned it, while IS-linked posts and 'Hezbollah' statements denied it. Isis, a "
           "shepherd, said the Islamic State of Iraq and the Levant had warned them."),
    "fr": ("L'Etat islamique et l'État islamique en Irak et au Levant ont revendiqué l'attaque de "
           "Velmora ; l'Otan, l'OTAN et l'ONU ont condamné, Daech a nié. Le groupe Wagner aussi."),
    "ru": ("Боевики ИГИЛ и «Исламского государства» напали на Велмору; НАТО и ООН осудили, "
           "а ЧВК «Вагнер» и Хезболлой ничего не сказали. ИГ-шники молчали."),
    "uk": "Бойовики ІДІЛ та Ісламської держави атакували Велмору; НАТО засудило напад.",
    "de": "Kämpfer von Hezbollah und des Islamic State griffen Velmora an; die NATO schwieg.",
}


def _plain(lang: str, folded: str, text: str, m: Mention) -> tuple[str, int, str, bool] | None:
    """The reading before: ``finditer`` of the whole alternation over the window."""
    table = _table()
    pattern = _alternation(table.branches[lang])
    start, end = _core(text, m)
    best, width = None, -1
    for hit in pattern.finditer(folded, max(0, start - 40), min(len(folded), end + 60)):
        if hit.start() > start:
            break
        if hit.end() < end or hit.end() - hit.start() <= width or hit.lastgroup is None:
            continue
        actor, k = table.groups[hit.lastgroup]
        width = hit.end() - hit.start()
        best = (actor, k, text[hit.start() : hit.end()], hit.start() < start or hit.end() > end)
    return best


def test_names_found_as_the_whole_alternation_finds_them():
    table = _table()
    found = set()
    for lang, text in TEXTS.items():
        key = lang if lang in table.branches else ""
        folded = fold_accents(text)
        starts = name_starts(folded)
        words = [w.span() for w in re.finditer(r"\S+", text)]
        for i in range(len(words)):
            for k in range(1, 5):
                if i + k > len(words):
                    break
                s, e = words[i][0], words[i + k - 1][1]
                m = Mention(start=s, end=e, text=text[s:e])
                got = _match(key, folded, starts, text, m, table.groups)
                assert got == _plain(key, folded, text, m), (lang, text[s:e])
                if got is not None:
                    found.add((lang, got[0]))
    # the check is not empty: names of several actors were found in each language
    assert {a for lang, a in found if lang == "en"} >= {"islamic_state", "nato", "united_nations"}
    assert {a for lang, a in found if lang == "fr"} >= {"islamic_state", "nato"}
    assert {a for lang, a in found if lang == "ru"} >= {"islamic_state", "nato"}
    assert any(lang == "uk" for lang, _ in found) and any(lang == "de" for lang, _ in found)


def test_a_name_starts_after_no_letter_and_at_no_space():
    assert name_starts("l'ONU, (NATO) x") == [0, 2, 7, 8, 14]
    assert name_starts("") == []
