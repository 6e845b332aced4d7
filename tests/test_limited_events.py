"""Happenings and casualty figures of languages read from word lists (the limited pipeline):
Serbian/Croatian/Bosnian in both scripts, Albanian, Spanish. Sentences written for these tests."""

from __future__ import annotations

import json

import pytest

from fullpicture.nlp.events.limited import find_triggers, trigger_list
from fullpicture.nlp.figures.limited import find_counts
from fullpicture.nlp.lang.words import fold, sentences, word_list_family, words


def _doc(tmp_path, name: str, text: str, published: str, perspective: str = "a"):
    p = tmp_path / f"{name}.txt"
    p.write_text(text, encoding="utf-8")
    (tmp_path / f"{name}.meta.json").write_text(json.dumps({"published": published, "perspective": perspective}))
    return p


def _analyze(path):
    from fullpicture import analyze

    return analyze(path)


def test_families_and_scripts():
    assert word_list_family("sr") == word_list_family("bs") == word_list_family("hr") == "sh"
    assert word_list_family("sq") == "sq" and word_list_family("es") == "es"
    assert word_list_family("tr") is None and word_list_family("az") is None and word_list_family(None) is None
    assert fold("Напад у Краљеву", "sh") == "napad u kraljevu"
    assert fold("Napad", "sq") == "napad"


def test_a_trigger_is_a_word_start_with_a_short_ending():
    tl = trigger_list("sh")
    ws = words("Napadnuti su policajci, a neredovno stanje traje. Protestanti nisu učestvovali.", "sh")
    got = [(ws[i].text, v[1]) for i, _j, v in find_triggers(ws, tl)]
    assert got == [("Napadnuti", "napad")], got  # "neredovno" (irregular) and "Protestanti" are no triggers


def test_sentences_end_at_stops_and_line_breaks():
    text = "Naslov bez tačke\nPrva rečenica. Druga rečenica! treća nije nova."
    assert [text[a:b].strip() for a, b in sentences(text)] == [
        "Naslov bez tačke", "Prva rečenica.", "Druga rečenica! treća nije nova."]


@pytest.mark.parametrize(("family", "text", "want"), [
    ("sh", "U sukobu je povređeno više od 20 osoba, a uhapšeno je četvoro.",
     [(20.0, "low", "injured"), (4.0, None, "detained")]),
    ("sh", "Nekoliko desetina demonstranata je povređeno.", [(10.0, None, "injured")]),
    ("sh", "Тридесет војника је рањено.", [(30.0, None, "injured")]),
    ("sq", "Të paktën 12 ushtarë u plagosën, dy persona u arrestuan.", [(12.0, "low", "injured"), (2.0, None, "detained")]),
    ("es", "Al menos 7 muertos y decenas de heridos en 2021.", [(7.0, "low", "killed"), (10.0, None, "injured")]),
    # who is counted follows the number, the count stands further off: after a long
    # qualifier, or before the verb ("injuries were suffered by N protesters")
    ("sh", "Saopšteno je da je 25 vojnika iz međunarodne mirovne misije povređeno tokom sukoba.",
     [(25.0, None, "injured")]),
    ("sh", "Prema lekarima, povrede je zadobilo 52 demonstranta.", [(52.0, None, "injured")]),
    ("sh", "Njih oko 40 imalo je povrede.", [(40.0, "approx", "injured")]),  # the noun "povrede"
    # a number whose next word names nobody keeps the short reach
    ("sh", "Na skupu je bilo 300 ljudi iz cijelog grada, a policija je uhapsila dvojicu.", [(2.0, None, "detained")]),
    # Slovene has lists of its own
    ("sl", "V spopadih pred občinsko stavbo je bilo ranjenih več kot 40 vojakov mirovne misije.",
     [(40.0, "low", "injured")]),
    ("sl", "Policija je aretirala dva protestnika, okoli 20 ljudi je bilo poškodovanih.",
     [(2.0, None, "detained"), (20.0, "approx", "injured")]),
])
def test_casualty_figures(family, text, want):
    got = [(v, b, c) for _s, _e, v, _vague, b, c, _w in find_counts(text, family)]
    assert got == want, got


def test_serbian_document_gets_events_figures_date_and_place(tmp_path):
    a = _analyze(_doc(tmp_path, "sr", "Jučerašnji sukob u Kraljevu\n\nJuče su u sukobu policije i demonstranata u "
                      "Kraljevu povređene 23 osobe, a uhapšeno je četvoro. Nema ranjenih među policajcima.",
                      "2024-03-12"))
    assert a.document.language in ("sr", "bs", "hr") and "word lists" in (a.document.notice or "")
    by_lemma = {e.trigger.lemma: e for e in a.events}
    clash, hurt, arrest = by_lemma["sukob"], by_lemma["povrediti"], by_lemma["uhapsiti"]
    assert clash.type == "ASSAULT" and arrest.type == "COERCE"
    assert clash.date == "2024-03-11" and clash.date_source == "sentence"  # "juče": the day before
    places = {e.id: e.name for e in a.entities}
    assert places[clash.place] == "Kraljevo"
    figs = {f.id: f for f in a.figures}
    injured = [figs[f] for f in hurt.figures]
    assert [(f.value, f.counts) for f in injured] == [(23.0, "injured")]
    assert any(figs[f].counts == "detained" and figs[f].value == 4 for f in arrest.figures)
    wounded = next(e for e in a.events if e.trigger.text == "ranjenih")
    assert wounded.modality == "negated"  # "nema ranjenih": no one wounded
    for e in a.events:
        assert a.text[e.trigger.start:e.trigger.end] == e.trigger.text


def test_turkish_document_still_gets_no_events(tmp_path):
    a = _analyze(_doc(tmp_path, "tr", "Dün Ağdam yakınlarında çıkan çatışmada en az 12 asker yaralandı, "
                      "bakanlık açıklamasında saldırının sorumlusu olarak karşı tarafı gösterdi.", "2024-03-12"))
    assert a.document.language == "tr" and "entities, events and claims not analysed" in a.document.notice
    assert not a.events


def test_a_serbian_and_an_english_report_of_one_clash_share_a_row_and_contest_the_toll(tmp_path, lexical):
    from fullpicture.align import compare

    en = _analyze(_doc(tmp_path, "en", "Clashes in Kraljevo\n\nPolice and protesters clashed in Kraljevo on Monday. "
                       "Twenty-three people were injured in the clashes, the police said.", "2024-03-12", "one"))
    sr = _analyze(_doc(tmp_path, "sr", "Sukob u Kraljevu\n\nU sukobu policije i demonstranata u Kraljevu juče je "
                       "povređeno 40 osoba.", "2024-03-12", "two"))
    from fullpicture.models.comparison import Side

    comp = compare([en, sr], [Side(label="one", origin="user", documents=[en.document.id]),
                              Side(label="two", origin="user", documents=[sr.document.id])], settings=lexical)
    row = next(r for r in comp.events if {"one", "two"} <= set(r.sides))
    assert row.type == "ASSAULT"
    injured = [c for c in row.conflicts if "injured" in c.field]
    assert injured and {v.side for v in injured[0].values} == {"one", "two"}, row.conflicts
    assert not comp.omissions or all(o.event != row.id for o in comp.omissions)


def test_arabic_words_are_found_after_their_clitics():
    tl = trigger_list("ar")
    ws = words("وأسفر الهجوم عن مقتل جنديين، وأصيب آخرون بالقصف.", "ar")
    got = [v[1] for _i, _j, v in find_triggers(ws, tl)]
    assert got == ["هجوم", "مقتل", "اصابه", "قصف"], got
    figs = [(v, c) for _s, _e, v, _vague, _b, c, _w in find_counts("قتل ثلاثة أشخاص وأصيب 12 آخرون.", "ar")]
    assert figs == [(3.0, "killed"), (12.0, "injured")], figs


@pytest.mark.parametrize(("text", "want"), [
    ("قال الجيش إنه لم يستهدف القافلة.", ["استهداف"]),  # the present tense behind its person prefix
    ("لقي سائقان حتفهما في الغارة.", ["حتف", "غاره"]),  # "met their death"
    ("تعرض الصحفي لاغتيال في المدينة.", ["اغتيال"]),
    ("استشهد جنديان في تفجير قرب الحاجز.", ["استشهاد", "تفجير"]),
    ("نفذت الطائرات ثلاث ضربات على المخزن.", ["ضربه"]),
    ("ضاربا عرض الحائط بكل التحذيرات، دعا إلى إضراب عام.", []),  # "hitting", a labour strike
])
def test_arabic_killing_words(text, want):
    got = [v[1] for _i, _j, v in find_triggers(words(text, "ar"), trigger_list("ar"))]
    assert got == want, got


def test_an_arabic_and_an_english_report_of_one_blast_share_a_row(tmp_path, lexical):
    from fullpicture.align import compare
    from fullpicture.models.comparison import Side

    en = _analyze(_doc(tmp_path, "en", "Blast in Homs\n\nAn explosion in Homs killed three people on Monday. "
                       "Twelve people were injured in the blast, officials said.", "2024-03-12", "one"))
    ar = _analyze(_doc(tmp_path, "ar", "انفجار في حمص\n\nقتل ثلاثة أشخاص وأصيب 20 آخرون في انفجار في مدينة حمص أمس.",
                       "2024-03-12", "two"))
    assert ar.document.language == "ar" and {e.trigger.lemma for e in ar.events} >= {"انفجار", "قتل", "اصابه"}
    comp = compare([en, ar], [Side(label="one", origin="user", documents=[en.document.id]),
                              Side(label="two", origin="user", documents=[ar.document.id])], settings=lexical)
    row = next(r for r in comp.events if {"one", "two"} <= set(r.sides))
    injured = [c for c in row.conflicts if "injured" in c.field]
    assert injured and {v.side for v in injured[0].values} == {"one", "two"}, row.conflicts


@pytest.mark.parametrize(("family", "text", "want"), [
    ("sh", "Napad se dogodio 29. maja 2023. u selu.", "2023-05-29"),
    ("sh", "Напад 3. октобра у селу.", "2024-10-03"),  # no year: the publication year
    ("sq", "Sulmi ndodhi më 14 shkurt.", "2024-02-14"),
    ("es", "El ataque del 19 de septiembre de 2023 dejó muertos.", "2023-09-19"),
    ("es", "El ataque del 30 de diciembre dejó muertos.", "2023-12-30"),  # after the publication month: last year
    ("ar", "وقع الهجوم في 19 سبتمبر 2023.", "2023-09-19"),
    # Eastern Arabic digits, and the Maghrebi and Levantine month names
    ("ar", "وقع الهجوم في ١٩ سبتمبر ٢٠٢٣.", "2023-09-19"),
    ("ar", "وقع الهجوم يوم 7 جوان في القرية.", "2024-06-07"),
    ("ar", "وقع الهجوم يوم 7 شتنبر 2022 في القرية.", "2022-09-07"),
    ("ar", "وقع الهجوم في 12 تشرين الثاني 2020.", "2020-11-12"),
    ("ar", "وقع الهجوم في 2 آب الماضي.", "2024-08-02"),
    # "the first of" the month in Algerian and Tunisian usage, with or without "من"
    ("ar", "وقع الهجوم في الفاتح من نوفمبر 2021.", "2021-11-01"),
    ("ar", "وقع الهجوم غرة أيلول.", "2024-09-01"),
])
def test_a_written_date_dates_the_happenings_of_its_sentence(family, text, want):
    import datetime as dt

    from fullpicture.nlp.lang.words import dates

    got = [iso for _a, _b, iso in dates(words(text, family), family, dt.date(2024, 11, 5))]
    assert got == [want], got
    assert not find_counts(text, family) or all(v != float(want[-2:]) for _s, _e, v, *_ in find_counts(text, family))


def test_a_short_arabic_month_is_a_whole_word():
    """"آب" (August) is no start of other words: "3 ابناء" (three sons) is no date."""
    import datetime as dt

    from fullpicture.nlp.lang.words import dates

    assert dates(words("قال إن 3 ابناء و4 ماية شخص وصلوا.", "ar"), "ar", dt.date(2024, 11, 5)) == []


def test_eastern_arabic_digits_read_as_western_ones():
    """A year is no count in either digits; a count is one in both."""
    assert [c[2] for c in find_counts("سقط ٢٠٢١ قتيلا.", "ar")] == [c[2] for c in find_counts("سقط 2021 قتيلا.", "ar")] == []
    assert [c[2] for c in find_counts("سقط ١٢ قتيلا.", "ar")] == [12.0]


def test_the_day_before_yesterday_in_arabic(tmp_path):
    a = _analyze(_doc(tmp_path, "ar", "قتل ثلاثة أشخاص في قصف أول أمس قرب القرية.", "2024-03-14"))
    assert a.events and {e.date for e in a.events} == {"2024-03-12"}, [(e.trigger.text, e.date) for e in a.events]


def test_a_capital_that_speaks_is_no_place_of_the_happening(tmp_path):
    a = _analyze(_doc(tmp_path, "es", "Según Rabat, hubo un ataque en Tifariti. Madrid informó de un ataque en Tifariti "
                      "y de tres heridos.", "2024-03-12"))
    places = {e.id: e.name for e in a.entities}
    assert a.events and all(places.get(e.place) not in ("Rabat", "Madrid") for e in a.events), [
        (e.trigger.text, places.get(e.place)) for e in a.events]


@pytest.mark.parametrize(("lang", "text", "published", "want"), [
    # a report published on a Thursday about "the violence since Monday": that Monday
    ("sr", "Podsetio je na nasilje od ponedeljka u kom je povređeno više od 80 ljudi u selu kod Kraljeva.",
     "2023-06-01", "2023-05-29"),
    # a weekday that is the publication day is that day
    ("sr", "U ponedeljak su u sukobu policije i demonstranata u Kraljevu povređene 23 osobe.",
     "2023-05-29", "2023-05-29"),
    ("sq", "Të hënën në Prizren u plagosën 12 ushtarë gjatë përplasjeve me protestuesit.", "2024-03-14", "2024-03-11"),
])
def test_a_weekday_dates_the_happenings_of_its_sentence(tmp_path, lang, text, published, want):
    a = _analyze(_doc(tmp_path, lang, text, published))
    dated = [(e.date, e.date_source) for e in a.events if e.trigger.lemma in ("nasilje", "povrediti", "plagos", "plagosur")]
    assert a.events and all(d == (want, "sentence") for d in dated) and dated, [(e.trigger.lemma, e.date) for e in a.events]


def test_a_sentence_without_a_day_takes_the_day_of_the_sentence_before(tmp_path):
    """As the English pipeline's narrative reference time: the second sentence tells the same
    Monday's clash; it is not dated on the (Thursday) publication day."""
    a = _analyze(_doc(tmp_path, "sr", "Podsetio je na nasilje od ponedeljka kod Kraljeva. Policija je saopštila da je "
                      "u sukobima sa demonstrantima povređeno 30 policajaca.", "2023-06-01"))
    dates = {e.trigger.lemma: (e.date, e.date_source) for e in a.events}
    assert dates["nasilje"] == ("2023-05-29", "sentence"), dates
    assert dates["sukob"] == ("2023-05-29", "narrative"), dates


def test_the_day_of_a_sentence_is_not_carried_into_the_next_paragraph(tmp_path):
    a = _analyze(_doc(tmp_path, "sr", "Juče je u sukobu kod Kraljeva povređeno pet policajaca.\n\n"
                      "Policija je saopštila da je u napadu na stanicu ranjeno 30 ljudi.", "2023-06-01"))
    dates = {e.trigger.lemma: (e.date, e.date_source) for e in a.events}
    assert dates["sukob"] == ("2023-05-31", "sentence"), dates
    assert dates["napad"] == ("2023-06-01", "published"), dates


def test_a_slovene_document_reads_its_own_word_lists(tmp_path):
    a = _analyze(_doc(tmp_path, "sl", "V ponedeljek je bilo v spopadih med policijo in protestniki pred občinsko stavbo "
                      "ranjenih 14 policistov, trije so huje poškodovani. Policija je aretirala pet ljudi.", "2024-03-14"))
    assert a.document.language == "sl" and "word lists" in (a.document.notice or "")
    lemmas = {e.trigger.lemma: e for e in a.events}
    assert {"spopad", "aretirati"} <= set(lemmas) and lemmas["spopad"].date == "2024-03-11"
    assert {(f.value, f.counts, f.unit) for f in a.figures} >= {(14.0, "injured", "police"), (5.0, "detained", "people")}


@pytest.mark.parametrize(("family", "text", "want"), [
    # Serbian/Croatian/Bosnian: a shoot-down, and a fall beside a craft; a government that falls
    # and a road accident are none
    ("sh", "Avion je pao kod sela. Vlada je pala. Oboren je helikopter. Saobraćajna nesreća na putu.",
     ["pad letelice", "oboriti"]),
    # Spanish alike
    ("es", "Se estrelló el avión cerca del pueblo. Cayó el gobierno. Derribaron un dron. Un accidente de tráfico.",
     ["estrellarse", "derribar"]),
])
def test_crashes_and_shoot_downs_in_other_word_list_languages(family, text, want):
    from fullpicture.nlp.events.limited import find_triggers, trigger_list
    from fullpicture.nlp.lang.words import read

    r = read(text, family)
    assert [v[1] for _i, _j, v in find_triggers(r.words, trigger_list(family), r.sentence, 3)] == want
