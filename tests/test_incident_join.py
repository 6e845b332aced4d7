"""Incident rows joined across documents by their best-matching mentions (issue 9, cross-document
joining, eighth pass).

Shapes restated in invented words from real multi-side coverage: a night raid on a training camp is
told by five outlets; one outlet recalls, in a closing sentence, the bombing of a convoy two weeks
earlier that the others recall too. The mention clustering put the convoy bombing in two rows: the
wire's "bombing" and "killed" beside the domestic papers' "attack", "martyrdom" and "suicide
attack". Every pair of documents across the two rows holds one pair of mentions at 0.8 or more, but
most cross pairs compare unlike words, so the average over all mention pairs stays under the merge
threshold. Compared document pair by document pair, the two rows are one incident.

Guards: two same-day shellings of two towns told by one dispatch each stay apart when one
document tells both; rows whose stated days differ by more than the inherited-date slack stay
apart; rows whose documents mostly do not match stay apart.
"""

from __future__ import annotations

import numpy as np

from fullpicture import load_settings
from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incidentjoin import join_incidents

DAY = 738000


def _m(doc: str, lemma: str, day: int | None = DAY, firm: bool = True) -> MentionFeatures:
    return MentionFeatures(doc=doc, lemma=lemma, type="ASSAULT", family="material_conflict",
                           interval=(day, day) if day is not None else None, date_firm=firm)


def _cfg(**over: object) -> dict[str, object]:
    return {**load_settings().section("align"), "incident_join_threshold": 0.5, **over}


def _two_rows() -> tuple[list[MentionFeatures], list[int], np.ndarray, np.ndarray]:
    """Row 0: the wire (w) and a foreign paper (f); row 1: three domestic papers (d1..d3).
    Each document also tells other words of the incident that match nothing across."""
    feats = [
        _m("w", "bombing"), _m("w", "kill"), _m("w", "convoy"),                       # 0-2 row 0
        _m("f", "bombing"), _m("f", "die"),                                           # 3-4 row 0
        _m("d1", "attack"), _m("d1", "martyrdom"), _m("d1", "mourn"),                 # 5-7 row 1
        _m("d2", "attack"), _m("d2", "suicide attack"),                               # 8-9 row 1
        _m("d3", "attack"), _m("d3", "strike"), _m("d3", "funeral"),                  # 10-12 row 1
    ]
    labels = [0] * 5 + [1] * 8
    # one strong pair per document pair across the rows (w/f x d1/d2/d3), nothing else at threshold
    pairs = np.array([(0, 5), (1, 6), (0, 8), (0, 10), (3, 5), (3, 9), (4, 11)], dtype=np.int64)
    probs = np.array([0.85, 0.6, 0.8, 0.9, 0.82, 0.8, 0.7])
    return feats, labels, pairs, probs


def test_two_rows_of_one_bombing_join_through_each_document_pair():
    feats, labels, pairs, probs = _two_rows()
    out = join_incidents(feats, _cfg(), labels, pairs, probs)
    assert len(set(out)) == 1
    # the average over all mention cross pairs (5 x 8 = 40) is far under the merge threshold
    assert sum(probs) / 40 < 0.2


def test_off_by_default_switch():
    feats, labels, pairs, probs = _two_rows()
    assert join_incidents(feats, _cfg(incident_join_threshold=0.0), labels, pairs, probs) == labels


def test_a_document_telling_both_keeps_them_apart():
    """The writer told the two happenings apart: one dispatch names the shelling of each town."""
    feats, labels, pairs, probs = _two_rows()
    feats[5].places = frozenset({"town_a"})
    feats.append(_m("d1", "shelling"))
    feats[-1].places = frozenset({"town_b"})
    labels.append(0)  # d1 now tells a mention of row 0 too, at another town
    out = join_incidents(feats, _cfg(), labels, pairs, probs)
    assert len(set(out)) == 2
    # with the switch off any document of both rows keeps them apart, places or not
    feats[5].places = feats[-1].places = frozenset()
    out = join_incidents(feats, _cfg(incident_join_shared_apart=False), labels, pairs, probs)
    assert len(set(out)) == 2


def test_a_report_split_inside_itself_does_not_keep_the_rows_apart():
    """One domestic paper's "shelling" fell in the wire's row (no place, no day of its own): the
    paper tells both rows, but tells them apart in no way, so the rows still join."""
    feats, labels, pairs, probs = _two_rows()
    feats.append(_m("d1", "shelling", firm=False))
    labels.append(0)
    out = join_incidents(feats, _cfg(), labels, pairs, probs)
    assert len(set(out)) == 1
    # a day of its own twelve days off tells it apart
    feats[-1].interval, feats[-1].date_firm = (DAY + 12, DAY + 12), True
    assert len(set(join_incidents(feats, _cfg(), labels, pairs, probs))) == 2


def test_stated_days_apart_keep_them_apart():
    """The convoy bombing of the 14th and a raid of the 26th: their words match, their days do not."""
    feats, labels, pairs, probs = _two_rows()
    for f in feats[5:]:
        f.interval = (DAY + 12, DAY + 12)
    assert len(set(join_incidents(feats, _cfg(), labels, pairs, probs))) == 2
    # a day apart is within the slack of an inherited date (a night told on the next morning)
    for f in feats[5:]:
        f.interval = (DAY + 1, DAY + 1)
    assert len(set(join_incidents(feats, _cfg(), labels, pairs, probs))) == 1


def test_rows_whose_documents_mostly_do_not_match_stay_apart():
    feats, labels, pairs, probs = _two_rows()
    keep = [0, 4]  # only (w, d1) and (f, d1): 2 of 6 document pairs
    assert len(set(join_incidents(feats, _cfg(), labels, pairs[keep], probs[keep]))) == 2


def test_an_agreements_places_do_not_tell_two_truces_apart():
    """Session 19: one paper tells a truce twice, once beside the town struck ("despite the truce")
    and once at the place it was signed; the two mentions fell in two rows. Two places of an
    agreement tell no two agreements apart (an agreement's place is any place of its sentence);
    two places of a strike still tell two strikes apart."""
    feats, labels, pairs, probs = _two_rows()
    for f in feats:
        f.type, f.family = "AGREE", "verbal_cooperation"
    feats[5].places = frozenset({"town_a"})
    feats.append(_m("d1", "truce"))
    feats[-1].type, feats[-1].family, feats[-1].places = "AGREE", "verbal_cooperation", frozenset({"capital"})
    labels.append(0)
    assert len(set(join_incidents(feats, _cfg(), labels, pairs, probs))) == 1
    # with every type's places counted (as before session 19) they stay apart
    assert len(set(join_incidents(feats, _cfg(incident_join_apart_place_types=[]), labels, pairs, probs))) == 2
