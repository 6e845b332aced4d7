"""The learned correction layer over the Russian entities (nlp/lang/russian_learned.py).

The gate is tested as a pure function on invented tags and marginals; the shipped weights on
sentences written for the test.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

pytest.importorskip("pymorphy3")
pytest.importorskip("pycrfsuite")

from fullpicture.nlp.lang.russian_learned import (  # noqa: E402
    MODEL_SHA256,
    bio_tags,
    cluster_features,
    doc_keys,
    gate,
    model_path,
    relabel,
    sentence_features,
    tag_spans,
    trim_quotes,
)


def test_bio_round_trip_and_orphan_inside_tag():
    tags = bio_tags(6, [(0, 2, "PER"), (4, 5, "LOC")])
    assert tags == ["B-PER", "I-PER", "O", "O", "B-LOC", "O"]
    assert tag_spans(tags) == [(0, 2, "PER"), (4, 5, "LOC")]
    # an I- after O starts a name (conlleval), MISC is no output type
    assert tag_spans(["O", "I-ORG", "I-ORG", "B-MISC", "O"]) == [(1, 3, "ORG")]


def test_quotes_at_a_names_edges_are_left_out():
    words = ["завод", "«", "Зарница", "»", "открыт"]
    assert trim_quotes(words, [(1, 4, "ORG"), (1, 2, "ORG")]) == [(2, 3, "ORG")]


def test_gate_keeps_the_rules_where_the_crf_is_unsure():
    words = ["Мирон", "Каль", "приехал", "в", "Ольск"]
    rules = ["B-PER", "I-PER", "O", "O", "B-PER"]
    crf = ["B-PER", "I-PER", "O", "O", "B-LOC"]
    conf = [0.99, 0.99, 0.99, 0.99, 0.6]
    conf_o = [0.0, 0.0, 0.99, 0.99, 0.1]
    assert gate(words, rules, crf, conf, conf_o, (0.9, 0.9)) == [(0, 2, "PER"), (4, 5, "PER")]
    # sure of itself, the CRF retypes the last name
    conf[4] = 0.95
    assert gate(words, rules, crf, conf, conf_o, (0.9, 0.9)) == [(0, 2, "PER"), (4, 5, "LOC")]


def test_gate_drops_a_name_only_when_the_crf_is_sure_of_o():
    words = ["Тракт", "шёл", "к", "Ольску"]
    rules = ["B-LOC", "O", "O", "B-LOC"]
    crf = ["O", "O", "O", "B-LOC"]
    conf = [0.8, 0.99, 0.99, 0.99]
    assert gate(words, rules, crf, conf, conf, (0.9, 0.9)) == [(0, 1, "LOC"), (3, 4, "LOC")]
    conf[0] = 0.97
    assert gate(words, rules, crf, conf, conf, (0.9, 0.9)) == [(3, 4, "LOC")]
    # a new, wider name replaces the rules' names it overlaps (a place only by a place)
    crf2 = ["B-ORG", "I-ORG", "O", "B-LOC"]
    rules2 = ["B-PER", "O", "O", "B-LOC"]
    assert gate(words, rules2, crf2, [0.95, 0.95, 0.99, 0.99], conf, (0.9, 0.9)) == [(0, 2, "ORG"), (3, 4, "LOC")]


def test_features_read_the_rules_tags_and_the_neighbours():
    feats = sentence_features(["Мирон", "Каль", "приехал"], ["B-PER", "I-PER", "O"])
    assert "t=B-PER" in feats[0] and "1t=I-PER" in feats[0] and "first" in feats[0]
    assert "-1t=B-PER" in feats[1] and "tt=B-PER|I-PER" in feats[1]
    assert "cap" in feats[1] and "cap" not in feats[2]


def test_word_clusters_of_known_and_unknown_words():
    known = cluster_features("город")
    assert [f.split("=")[0] for f in known] == ["c64", "c256", "c1024"]
    assert cluster_features("зарквильщина") == ["c=unk"]
    assert "-1c256=" + known[1].split("=")[1] in sentence_features(["город", "Ольск"], ["O", "B-LOC"])[1]


def test_shipped_clusters_are_recorded_in_the_readme():
    path = Path(model_path() or "").with_name("ru_clusters.npz")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest in path.with_name("README.md").read_text(encoding="utf-8")


def test_shipped_weights_match_their_recorded_checksum():
    path = model_path()
    assert path is not None
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    assert digest == MODEL_SHA256
    readme = Path(path).with_name("README.md").read_text(encoding="utf-8")
    assert digest in readme


def test_shipped_layer_keeps_plain_names():
    words = ["Вчера", "Мирон", "Сидоров", "прилетел", "в", "Самару", ",", "сообщила", "газета", "."]
    doc = Doc(Vocab(), words=words)
    ents = [Span(doc, 1, 3, label="PER"), Span(doc, 5, 6, label="LOC")]
    assert [(e.text, e.label_) for e in relabel(doc, ents, {0})] == [("Мирон Сидоров", "PER"), ("Самару", "LOC")]


def test_gate_never_takes_a_place_of_the_rules_into_an_organisation():
    words = ["Совет", "обороны", "Ольской", "республики"]
    rules = ["B-ORG", "I-ORG", "B-LOC", "I-LOC"]
    crf = ["B-ORG", "I-ORG", "I-ORG", "I-ORG"]
    sure = [0.99] * 4
    assert gate(words, rules, crf, sure, sure, (0.9, 1.01)) == [(0, 2, "ORG"), (2, 4, "LOC")]


def test_gate_reads_a_place_limit_of_its_own():
    words = ["Мирон", "уехал", "в", "Ольск", "и", "Тарск"]
    rules = ["O", "O", "O", "O", "O", "O"]
    crf = ["B-PER", "O", "O", "B-LOC", "O", "B-LOC"]
    conf = [0.8, 0.99, 0.99, 0.8, 0.99, 0.6]
    # (add, drop) alone: one limit for every type
    assert gate(words, rules, crf, conf, conf, (0.9, 1.01)) == []
    # a third limit for places: the place at 0.8 is taken, the person at 0.8 and the place at 0.6 are not
    assert gate(words, rules, crf, conf, conf, (0.9, 1.01, 0.7)) == [(3, 4, "LOC")]


def test_gate_never_lets_a_person_take_part_of_a_place():
    words = ["Ольская", "область", "Мирон", "приехал"]
    rules = ["B-LOC", "I-LOC", "B-PER", "O"]
    crf = ["O", "B-PER", "I-PER", "O"]
    sure = [0.99] * 4
    assert gate(words, rules, crf, sure, sure, (0.9, 1.01)) == [(0, 2, "LOC"), (2, 3, "PER")]


def test_a_lone_surname_sees_the_full_name_elsewhere_in_its_document():
    first = (["Мирон", "Каль", "приехал"], ["B-PER", "I-PER", "O"])
    second = (["Каль", "уехал", "в", "Ольск"], ["O", "O", "O", "B-LOC"])
    keys = doc_keys([first, second])
    feats = sentence_features(*second, keys, 1)
    assert "dk=PER" in feats[0] and "dkm=PER" in feats[0]
    # a name does not count as evidence for itself; a lowercase word reads no document
    assert not any(f.startswith("dk") for f in feats[3])
    assert not any(f.startswith("dk") for f in feats[1])
    # read alone (the benchmark's sentences), the surname has no document
    assert not any(f.startswith("dk") for f in sentence_features(*second)[0])


def test_gate_never_cuts_an_organisation_of_the_rules_down_to_its_place():
    words = ["Совет", "обороны", "Ольска", "заявил"]
    rules = ["B-ORG", "I-ORG", "I-ORG", "O"]
    crf = ["O", "O", "B-LOC", "O"]
    sure = [0.99] * 4
    assert gate(words, rules, crf, sure, sure, (0.9, 1.01, 0.7)) == [(0, 3, "ORG")]
    # the same span retyped is not a cut
    assert gate(words, ["O", "O", "B-ORG", "O"], crf, sure, sure, (0.9, 1.01, 0.7)) == [(2, 3, "LOC")]


def test_gate_drops_a_name_the_crf_reads_as_a_title_or_a_product():
    words = ["играл", "в", "Звездолёт", "Ольск", "и", "Тарск"]
    rules = ["O", "O", "B-ORG", "I-ORG", "O", "B-LOC"]
    crf = ["O", "O", "B-MISC", "I-MISC", "O", "B-LOC"]
    conf = [0.99, 0.99, 0.95, 0.92, 0.99, 0.99]
    conf_o = [0.99, 0.99, 0.03, 0.05, 0.99, 0.0]
    # (add, drop, places) alone: a rules' name is dropped only for O, so it stays
    assert gate(words, rules, crf, conf, conf_o, (0.9, 1.01, 0.9)) == [(2, 4, "ORG"), (5, 6, "LOC")]
    # a fourth limit: the CRF sure that it is a title, the organisation goes
    assert gate(words, rules, crf, conf, conf_o, (0.9, 1.01, 0.9, 0.9)) == [(5, 6, "LOC")]
    # unsure, it stays
    conf[3] = 0.7
    assert gate(words, rules, crf, conf, conf_o, (0.9, 1.01, 0.9, 0.9)) == [(2, 4, "ORG"), (5, 6, "LOC")]
