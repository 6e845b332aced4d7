"""A truce told as the ceasefire itself or as the agreement that makes it is one act
(data/events/equivalents.toml [classes.ceasefire]; sentences written for this test: one side
writes "the ceasefire", another "the ceasefire agreement reached in the capital", a third "la
trêve", a fourth "договорились о прекращении огня")."""

from __future__ import annotations

from fullpicture.align._equivalents import word_class


def test_the_ceasefire_and_its_agreement_are_one_act() -> None:
    assert word_class("ceasefire", "ceasefire") == "ceasefire"
    assert word_class("agreement", "agreement", "Despite the ceasefire", " reached in the capital") == "ceasefire"
    assert word_class("agree", "agreed", "the two sides", " to a truce on Saturday") == "ceasefire"
    assert word_class("trêve", "trêve", "", "", "fr") == "ceasefire"
    assert word_class("accord", "accord", "respecter l'", " de cessez-le-feu humanitaire", "fr") == "ceasefire"
    assert word_class("договориться", "договорились", "Стороны", " о прекращении огня с полудня", "ru") == "ceasefire"


def test_an_agreement_of_another_kind_is_no_ceasefire() -> None:
    assert word_class("agreement", "agreement", "the two firms signed a trade", " on Monday") == ""
    assert word_class("accord", "accord", "un", " commercial", "fr") == ""
    assert word_class("agree", "agreed", "the council", " to a new budget") == ""
