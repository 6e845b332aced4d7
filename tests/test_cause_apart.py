"""A happening told as what led to another one of its sentence ("rioted after gunmen killed two",
"en représailles à", "в ответ на") is another happening: the unit of cause is read per language,
and the mention clustering never merges two clusters that hold such a pair (session 35)."""

from __future__ import annotations

import numpy as np

from fullpicture import load_settings
from fullpicture.align._causeapart import cause_unit, caused, told_apart
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._linking import average_link
from tests.test_align_linking import _corpus, _run


def _at(sentence: str, word: str) -> tuple[int, int]:
    k = sentence.index(word)
    return k, k + len(word)


def test_a_unit_of_cause_runs_from_its_phrase_to_the_next_break() -> None:
    en = "Militiamen burned the Westvale market on Sunday after gunmen killed two guards there, officials said."
    unit = cause_unit(en, _at(en, "killed"), "en")
    assert unit is not None and en[unit[0]:unit[1]].startswith("after gunmen killed two guards")
    assert cause_unit(en, _at(en, "burned"), "en") is None
    assert cause_unit(en, _at(en, "said"), "en") is None  # past the comma
    lead = "After two guards were shot at the Marlow post, crowds burned cars in the town."
    assert cause_unit(lead, _at(lead, "shot"), "en") is not None
    assert cause_unit(lead, _at(lead, "burned"), "en") is None


def test_units_of_cause_in_french_russian_and_ukrainian() -> None:
    fr = "La milice a incendié le marché de Bellerive dimanche soir, en représailles à l'attaque du poste."
    assert cause_unit(fr, _at(fr, "attaque"), "fr") is not None
    assert cause_unit(fr, _at(fr, "incendié"), "fr") is None
    fr2 = "Des maisons ont brûlé après qu'un homme a tué deux gardes."
    assert cause_unit(fr2, _at(fr2, "tué"), "fr") is not None
    ru = "Солдаты обстреляли деревню Заречье в ответ на нападение на пост."
    assert cause_unit(ru, _at(ru, "нападение"), "ru") is not None
    assert cause_unit(ru, _at(ru, "обстреляли"), "ru") is None
    uk = "Військові обстріляли село у відповідь на напад на блокпост."
    assert cause_unit(uk, _at(uk, "напад "), "uk") is not None
    assert cause_unit("Gunmen attacked the post.", (7, 15), "xx") is None  # a language with no phrases


def _mention(sentence: str, word: str, lemma: str, lang: str = "en") -> MentionFeatures:
    t = _at(sentence, word)
    return MentionFeatures(doc="d1", lemma=lemma, sentence=sentence, trigger=word, type="ASSAULT",
                           span=(0, len(sentence)), extra={"at": t[0], "cause_unit": cause_unit(sentence, t, lang)})


def test_a_cause_and_its_sequel_are_told_apart_not_a_toll() -> None:
    s = "Militiamen burned the Westvale market after gunmen attacked a checkpoint there."
    burned, attacked = _mention(s, "burned", "burn_down"), _mention(s, "attacked", "attack")
    assert caused(attacked, burned) and not caused(burned, attacked)
    assert told_apart([burned, attacked]) == {0: {1}, 1: {0}}
    # "two were killed after the strike": the dead are the strike's own, no sequel
    s2 = "Two guards were killed after a drone struck the Westvale depot."
    killed, struck = _mention(s2, "killed", "kill"), _mention(s2, "struck", "strike")
    assert told_apart([killed, struck]) == {}


def test_clusters_told_apart_never_merge() -> None:
    cfg = {**load_settings().section("align"), "max_link_pairs": 400}
    feats, vec = _corpus(seed=5)
    plain = _run(feats, vec, cfg, average_link)[0]
    assert _run(feats, vec, cfg, lambda *a: average_link(*a, apart={}))[0] == plain
    # two mentions of two documents that the plain merging puts in one cluster
    x, y = next((i, j) for i in range(len(feats)) for j in range(i + 1, len(feats))
                if plain[i] == plain[j] and feats[i].doc != feats[j].doc)
    got = _run(feats, vec, cfg, lambda *a: average_link(*a, apart={x: {y}, y: {x}}))[0]
    assert got[x] != got[y]
    sizes = np.bincount(got)
    assert sizes.max() > 3  # the rest still clusters


def test_the_reprisal_table_leaves_out_bare_sequence() -> None:
    """The shipped table opens a unit with a response or a reprisal only: "after" also tells a
    jet that crashed after it was hit, one happening."""
    s = "The jet crashed near Eastvale after a missile hit it."
    assert cause_unit(s, _at(s, "hit"), "en") is not None
    assert cause_unit(s, _at(s, "hit"), "en", "reprisal") is None
    r = "Troops shelled Eastvale in retaliation for the raid on the depot."
    assert cause_unit(r, _at(r, "raid"), "en", "reprisal") is not None
    assert load_settings().section("align").get("link_cause_phrases") == "reprisal"
