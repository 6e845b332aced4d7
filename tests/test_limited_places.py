"""Place names in documents of the limited pipeline (a language without a full analysis):
found from the gazetteer, linked to the English name's record, counted in the naming table,
and never a source of events or omissions (claims only in a family with a claims word list). Sentences written for these tests."""

from __future__ import annotations

import pytest

from fullpicture.nlp.claims.limited import limited_cues
from fullpicture.nlp.lang.words import word_list_family


def _analyze(text: str):
    from fullpicture import analyze

    return analyze(text)


def _places(a) -> dict[str, tuple[int | None, list[tuple[str, str | None]]]]:
    return {e.name: (e.geo.geonames_id if e.geo else None, [(m.text, m.base) for m in e.mentions]) for e in a.entities}


def _gid(name: str) -> int | None:
    """The GeoNames id the English pipeline gives a place name."""
    a = _analyze(f"The delegation travelled from {name} on Tuesday, officials in {name} said.")
    return next(e.geo.geonames_id for e in a.entities if e.geo is not None)


LIMITED = [
    ("tr", "Ermenistan'ın başkenti Erivan'da toplanan bakanlar, Azerbaycan ile barış görüşmelerini ele aldı. "
           "Rusya ve Türkiye görüşmeleri destekledi.",
     {"Armenia": "Ermenistan", "Yerevan": "Erivan", "Azerbaijan": "Azerbaycan", "Russia": "Rusya", "Turkey": "Türkiye"}),
    ("az", "Azərbaycanın paytaxtı Bakıda keçirilən görüşdə Ermənistan nümayəndə heyəti də iştirak edib. "
           "Rusiya və Türkiyə danışıqları dəstəkləyib.",
     {"Azerbaijan": "Azərbaycanın", "Baku": "Bakıda", "Armenia": "Ermənistan", "Russia": "Rusiya", "Turkey": "Türkiyə"}),
    ("sr", "Vlada Srbije je saopštila da je policija u Beogradu uhapsila dvojicu osumnjičenih. Predsednik je "
           "posle sastanka u Prištini rekao da Kosovo ostaje prioritet. SAD i Rusija su pozvale na smirivanje.",
     {"Serbia": "Srbije", "Belgrade": "Beogradu", "Pristina": "Prištini", "Kosovo": "Kosovo",
      "United States": "SAD", "Russia": "Rusija"}),
    ("sr", "Влада Србије је саопштила да је полиција у Београду ухапсила двојицу осумњичених. Председник је "
           "после састанка у Приштини рекао да Косово остаје приоритет.",
     {"Serbia": "Србије", "Belgrade": "Београду", "Pristina": "Приштини", "Kosovo": "Косово"}),
    ("hy", "Հայաստանի կառավարությունը Երևանում հայտարարել է, որ Ադրբեջանի հետ բանակցությունները շարունակվում են։ "
           "Գորիսից ստացված տեղեկությունների համաձայն՝ իրավիճակը հանգիստ է։",
     {"Armenia": "Հայաստանի", "Yerevan": "Երևանում", "Azerbaijan": "Ադրբեջանի", "Goris": "Գորիսից"}),
    ("es", "El gobierno de Armenia anunció en Ereván que las negociaciones con Azerbaiyán continúan. Desde Moscú, "
           "Rusia pidió calma. Estados Unidos apoyó el diálogo en Bruselas.",
     {"Armenia": "Armenia", "Yerevan": "Ereván", "Azerbaijan": "Azerbaiyán", "Moscow": "Moscú", "Russia": "Rusia",
      "United States": "Estados Unidos", "Brussels": "Bruselas"}),
    ("uk", "Уряд України заявив у Києві, що переговори з Росією не відбудуться. У Харкові пролунали вибухи. "
           "Польща підтримала Київ.",
     {"Ukraine": "України", "Russia": "Росією", "Kharkiv": "Харкові", "Poland": "Польща", "Kyiv": "Київ"}),
    ("ar", "أعلنت الحكومة في بيروت أن المفاوضات مع إسرائيل مستمرة. وفي دمشق قالت سوريا إن الوضع هادئ. "
           "ودعت الولايات المتحدة وروسيا إلى التهدئة في القدس.",
     {"Beirut": "بيروت", "Israel": "إسرائيل", "Damascus": "دمشق", "Syria": "سوريا",
      "United States": "الولايات المتحدة", "Jerusalem": "القدس"}),
]


@pytest.mark.parametrize(("lang", "text", "want"), LIMITED, ids=[f"{c[0]}{i}" for i, c in enumerate(LIMITED)])
def test_places_of_a_limited_language_reach_the_english_record(lang, text, want):
    a = _analyze(text)
    assert a.document.language == lang and a.document.notice
    assert not a.timexes
    # claims only where the family has a claims word list (Ukrainian: "Уряд України заявив, що ...")
    family = word_list_family(lang)
    assert not a.claims or (family and limited_cues(family)), a.claims
    # happenings only from a language's word lists (Serbian "uhapsila": an arrest)
    assert not a.events or word_list_family(lang), a.events
    got = _places(a)
    for name, surface in want.items():
        assert name in got, (name, got)
        assert any(t == surface for t, _b in got[name][1]), (name, got[name])
    assert all(e.type in ("GPE", "LOC") and e.geo is not None for e in a.entities)


def test_inflected_names_keep_their_dictionary_form_and_english_id():
    a = _analyze("Vlada Srbije je saopštila da je policija u Beogradu uhapsila dvojicu osumnjičenih. "
                 "Predsednik je posle sastanka u Prištini rekao da Kosovo ostaje prioritet.")
    got = _places(a)
    assert ("Beogradu", "Beograd") in got["Belgrade"][1] and ("Prištini", "Priština") in got["Pristina"][1]
    assert got["Belgrade"][0] == _gid("Belgrade") and got["Pristina"][0] == _gid("Pristina")
    # an apostrophe ends a Turkish name: the mention is the name alone
    tr = _places(_analyze("Bakanlar Erivan'da toplandı ve Bakü'den gelen heyetle Ermenistan'ın önerilerini görüştü."))
    assert ("Erivan", None) in tr["Yerevan"][1] and ("Bakü", None) in tr["Baku"][1]


def test_capitalised_words_that_are_no_places_stay_out():
    """First names, surnames and the first word of an organisation's name, a capitalised common
    word and a German noun are not places, though the gazetteer has towns of those names."""
    texts = [
        "Predsednik Aleksandar Vučić je rekao da Milan Radoičić nije u Srbiji, a Albin Kurti je optužio Beograd.",
        "En Madrid, el presidente Pedro Sánchez pidió calma. Mientras tanto, Santiago Abascal criticó al gobierno "
        "y la Unión Europea pidió diálogo.",
        "Die Regierung in Berlin erklärte, die Lage bleibe angespannt.",
        "Ertesi gün Rus barış gücünün arabuluculuğuyla ateşkes sağlandı, dedi Azerbaycan.",
    ]
    names = set()
    for t in texts:
        names |= set(_places(_analyze(t)))
    assert {"Serbia", "Belgrade", "Madrid", "Berlin", "Azerbaijan"} <= names
    assert not names & {"Milan", "Kürti", "Santiago", "Union", "Die", "Lage", "Rus"}, names


def test_language_with_capitals_on_every_noun_needs_a_major_place():
    a = _analyze("Die Regierung in Berlin erklärte, die Gespräche mit Armenien und Aserbaidschan würden in Moskau "
                 "fortgesetzt. Die Lage bleibt angespannt.")
    assert set(_places(a)) == {"Berlin", "Armenia", "Azerbaijan", "Moscow"}


def test_limited_document_names_a_place_in_the_naming_table_and_omits_nothing(lexical):
    """An Armenian-language document of one side and an English one of the other name one town
    differently; the naming table shows both names, the limited document adds no omissions."""
    from fullpicture.align import compare
    from fullpicture.models.comparison import Side

    en = _analyze("Azerbaijani forces entered Khankendi on Thursday, the defence ministry in Baku said. "
                  "Police arrested three men in Khankendi.")
    hy = _analyze("Ադրբեջանի զորքերը հինգշաբթի մտել են Ստեփանակերտ։ Ստեփանակերտում բնակիչները "
                  "սպասում են Երևանից օգնության։")
    assert hy.document.language == "hy" and hy.document.notice
    sides = [Side(label="az", origin="user", documents=[en.document.id]),
             Side(label="am", origin="user", documents=[hy.document.id])]
    comp = compare([en, hy], sides, settings=lexical)
    assert comp.events and not comp.omissions, comp.omissions
    row = next(r for r in comp.naming if any(v.side == "am" for v in r.variants))
    names = {(v.side, v.name) for v in row.variants}
    assert ("az", "Khankendi") in names and ("am", "Ստեփանակերտ") in names


def test_hyphen_joined_names_are_two_places_and_a_hyphenated_name_one():
    """Turkish and Azerbaijani reports join front sections by a hyphen ("Ağdam-Terter"); a
    hyphenated name in the gazetteer ("Dağlık Karabağ" aside, "Nagorno-Karabakh") stays one."""
    a = _analyze("Azerbaycan ordusu Ağdam-Terter ve Fuzuli-Cebrail yönlerinde karşılık verdi, Ermenistan ise "
                 "Nagorno-Karabakh bölgesinde ateşkesi ihlal etti.")
    names = set(_places(a))
    assert {"Tartar", "Jabrayil", "Armenia", "Azerbaijan", "Nagorno-Karabakh"} <= names, names


def test_an_ending_guess_far_from_the_documents_places_is_dropped():
    """"Ağdere" (a Karabakh district) less "e" is "Ağder", Norway's Agder: a name reached only
    through an ending, in a country where the document places nothing else, is left out."""
    a = _analyze("Ermenistan ordusu Ağdere ve Terter yönlerinde saldırdı, Azerbaycan karşılık verdi.")
    assert "Agder" not in set(_places(a))
