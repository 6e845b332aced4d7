"""Unit tests of the alignment parts: dates, blocking, log-odds, claim rules."""

from __future__ import annotations

import math
import random
from collections import Counter

from fullpicture import load_settings
from fullpicture.align._claims import contradiction, negated
from fullpicture.align._dates import compatible, interval
from fullpicture.align._events import MentionFeatures, candidate_pairs, cluster
from fullpicture.align._figurevalues import figure_text, ranges_clash
from fullpicture.align._framing import log_odds_z
from fullpicture.models import Claim, Figure


def test_granularity_aware_dates():
    assert compatible("2023-09", "2023-09-19") is True
    assert compatible("2023", "2023-09-19") is True
    assert compatible("2023-09-19", "2023-09-21") is False
    assert compatible("2023-W38", "2023-09-19") is True
    assert compatible("2023-SU", "2023-09-19") is False
    assert compatible("XXXX-09-19", "2023-09-19") is None
    assert compatible("PRESENT_REF", "2023-09-19") is None
    assert compatible("2023-09-19T10:00", "2023-09-19") is True
    first, last = interval("2024-02")
    assert last - first == 28  # leap year


def _synthetic(n: int, seed: int = 0) -> list[MentionFeatures]:
    rng = random.Random(seed)
    lemmas = [f"l{i}" for i in range(5)]
    feats = []
    for i in range(n):
        day = 738000 + rng.randrange(max(1, n // 10))
        feats.append(
            MentionFeatures(
                doc=f"d{i // 20}",
                lemma=rng.choice(lemmas),
                family=rng.choice(["material_conflict", "verbal_conflict", "movement"]),
                interval=(day, day) if rng.random() < 0.9 else None,
                places=frozenset({f"p{rng.randrange(n // 5 + 1)}"}),
            )
        )
    return feats


def test_blocking_keeps_candidate_pairs_near_linear():
    cfg = load_settings().section("align")
    counts = {n: len(candidate_pairs(_synthetic(n), cfg)) for n in (1000, 4000, 16000)}
    # all-pairs would make comparisons per mention grow 4x per 4x step; blocking keeps
    # them nearly constant (they saturate once blocks reach their size cap)
    per = {n: c / n for n, c in counts.items()}
    assert per[4000] / per[1000] < 1.5
    assert per[16000] / per[4000] < 1.2
    # and a bounded number of comparisons per mention
    bound = 5 * max(int(cfg["max_block"]), 2 * int(cfg["neighbourhood"]))
    assert all(c <= n * bound for n, c in counts.items())
    # every candidate is within the type family and the date window (or shares a lemma)
    feats = _synthetic(2000)
    for i, j in candidate_pairs(feats, cfg)[:5000].tolist():
        assert feats[i].family == feats[j].family


def test_clustering_merges_same_lemma_same_day_only():
    cfg = {**load_settings().section("align"), "embeddings": False}
    mk = lambda doc, lemma, day, place: MentionFeatures(  # noqa: E731
        doc=doc, lemma=lemma, family="material_conflict", type="ASSAULT",
        interval=(day, day), places=frozenset({place}), participants=frozenset({"g1"}),
    )
    feats = [mk("a", "shell", 10, "x"), mk("b", "bombard", 10, "x"), mk("c", "shell", 40, "y")]
    labels, stats = cluster(feats, cfg)
    assert labels[0] == labels[1] != labels[2]
    assert stats["candidate_pairs"] >= 1


def test_inherited_date_clash_is_soft_and_same_doc_type_date_needs_an_anchor():
    import numpy as np

    from fullpicture.align._events import FEATURES, PairScorer

    cfg = {**load_settings().section("align"), "embeddings": False}
    mk = lambda doc, lemma, day, firm=True, parts=frozenset(): MentionFeatures(  # noqa: E731
        doc=doc, lemma=lemma, family="material_conflict", type="ASSAULT",
        interval=(day, day), date_firm=firm, participants=parts,
    )
    feats = [
        # (the stated day after the inherited one: an inherited day a few days after a stated one
        # may be a later report's, no clash: test_followup_dates.py)
        mk("a", "leave", 30), mk("b", "exodus", 27, firm=False), mk("b", "flee", 24),
        mk("b", "killed", 27, firm=False), mk("b", "explosion", 24, parts=frozenset({"g1"})),
        mk("b", "blast", 24, parts=frozenset({"g1"})),
    ]
    sc = PairScorer(feats, cfg)
    x = sc.features(np.array([[0, 1], [1, 2], [1, 3], [2, 3], [4, 5], [2, 4]]))
    col = {n: FEATURES.index(n) for n in ("date_clash", "date_clash_soft", "same_type", "date_match")}
    # stated vs inherited date: a soft clash, weighted far less than a clash of stated dates
    assert x[0, col["date_clash"]] == 0 and x[0, col["date_clash_soft"]] == 1
    assert cfg["w_date_clash_soft"] > cfg["w_date_clash"]
    # inherited vs stated in one document: soft; two inherited dates of one document: firm
    assert x[1, col["date_clash_soft"]] == 1
    assert x[2, col["date_clash"]] == 0 and x[2, col["date_clash_soft"]] == 0  # same day
    # one document, same type and day: counted only with a shared participant (or lemma, place)
    assert x[4, col["same_type"]] == 1 and x[4, col["date_match"]] == 1
    assert x[5, col["same_type"]] == 0 and x[5, col["date_match"]] == 0
    # across documents type agreement still counts
    assert x[0, col["same_type"]] == 1
    # across documents an inherited date within the slack is neither a match nor a clash
    near = [mk("a", "leave", 24), mk("b", "exodus", 24 + cfg["inherited_date_slack_days"], firm=False)]
    z = PairScorer(near, cfg).features(np.array([[0, 1]]))
    assert z[0, col["date_clash"]] == z[0, col["date_clash_soft"]] == z[0, col["date_match"]] == 0
    two = [mk("b", "killed", 20, firm=False), mk("b", "killed", 25, firm=False)]
    y = PairScorer(two, cfg).features(np.array([[0, 1]]))
    assert y[0, col["date_clash"]] == 1 and y[0, col["date_clash_soft"]] == 0


def test_place_mismatch_ignores_containment_and_nearby_places():
    import numpy as np

    from fullpicture.align._events import FEATURES, PairScorer

    cfg = {**load_settings().section("align"), "embeddings": False}
    mk = lambda doc, place, geo: MentionFeatures(  # noqa: E731
        doc=doc, lemma="strike", type="ASSAULT", places=frozenset({place}), geo=geo)
    feats = [
        mk("a", "g1", (40.4, 49.9, "AZ", True)),    # a country
        mk("b", "g2", (39.8, 46.8, "AZ", False)),   # a town in it
        mk("b", "g3", (39.9, 46.7, "AZ", False)),   # a town ~14 km away
        mk("b", "g4", (41.7, 44.8, "GE", False)),   # a town abroad
        mk("b", "g5", None),                        # not on the gazetteer
    ]
    x = PairScorer(feats, cfg).features(np.array([[0, 1], [1, 2], [0, 3], [1, 3], [1, 4]]))
    place = x[:, FEATURES.index("place_match")].tolist()
    assert place == [0.0, 0.0, -1.0, -1.0, -1.0]


def test_trigger_similarity_counts_only_above_the_floor():
    import numpy as np

    from fullpicture.align._eventpairs import Vectors
    from fullpicture.align._events import FEATURES, PairScorer

    # three trigger vectors: cosine 1 (one word), about 0.8 (two words for one thing, like a
    # quake and an earthquake) and about 0.4 (two words of one field, like a defeat and a season)
    trig = np.array([[1.0, 0.0, 0.0], [0.8, 0.6, 0.0], [0.4, 0.0, 0.9165]], dtype=np.float32)
    feats = [MentionFeatures(doc=d, lemma=w, type="CONTEST") for d, w in (("a", "x"), ("b", "y"), ("c", "z"))]
    vec = Vectors(trigger=trig, sentence=np.eye(3, dtype=np.float32))
    pairs = np.array([[0, 0], [0, 1], [0, 2]])
    col = FEATURES.index("trigger_sim")
    cfg = {**load_settings().section("align"), "trigger_sim_floor": 0.5}
    got = PairScorer(feats, cfg, vec).features(pairs)[:, col].tolist()
    assert got[0] == 1.0 and abs(got[1] - 0.6) < 1e-3 and got[2] == 0.0
    off = PairScorer(feats, {**cfg, "trigger_sim_floor": 0.0}, vec).features(pairs)[:, col].tolist()
    assert abs(off[1] - 0.8) < 1e-3 and abs(off[2] - 0.4) < 1e-3
    # two happenings of a type told in many words (a strike, the attack) keep the whole cosine
    full = {**cfg, "trigger_sim_full_types": ["CONTEST"]}
    kept = PairScorer(feats, full, vec).features(pairs)[:, col].tolist()
    assert abs(kept[2] - 0.4) < 1e-3
    # mentions of two types (a convoy and the ambush on it) keep the whole cosine: the floor is
    # for two words of one field
    mixed = [MentionFeatures(doc="a", lemma="x", type="MOVE"), *feats[1:]]
    assert abs(PairScorer(mixed, cfg, vec).features(pairs)[:, col].tolist()[2] - 0.4) < 1e-3
    # without vectors the trigger similarity is lemma equality, untouched by the floor
    lex = PairScorer(feats, cfg).features(pairs)[:, col].tolist()
    assert lex == [1.0, 0.0, 0.0]


def test_log_odds_matches_formula_and_ranks_distinctive_terms():
    counts = {
        "a": Counter({"exodus": 10, "city": 20, "said": 30}),
        "b": Counter({"operation": 8, "city": 22, "said": 30}),
    }
    z = log_odds_z(counts, prior_weight=0.5)
    assert z["a"]["exodus"] > 1.96 and z["b"]["operation"] > 1.96
    assert z["a"]["exodus"] == -z["b"]["exodus"]
    assert abs(z["a"]["said"]) < 0.5
    # hand computation for "exodus" in a
    a_w, a0 = 5.0, 0.5 * 120
    ni, nj = 60, 60
    d = math.log((10 + a_w) / (ni + a0 - 10 - a_w)) - math.log((0 + a_w) / (nj + a0 - 0 - a_w))
    assert math.isclose(z["a"]["exodus"], d / math.sqrt(1 / (10 + a_w) + 1 / a_w), rel_tol=1e-9)


def _claim(cid, text):
    return Claim(id=cid, start=0, end=len(text), text=text, kind="indirect")


def test_claim_contradiction_rules():
    cfg = load_settings().section("align")
    a = _claim("a", "The army attacked the village on Monday.")
    b = _claim("b", "The army did not attack the village on Monday.")
    assert negated(b.text) and not negated(a.text)
    assert "negat" in contradiction(a, b, [], [], cfg)
    c = _claim("c", "The ministry confirmed the withdrawal.")
    d = _claim("d", "The ministry denied the withdrawal.")
    assert "antonym" in contradiction(c, d, [], [], cfg)
    f1 = Figure(id="f1", start=0, end=2, text="30", value=30, counts="killed")
    f2 = Figure(id="f2", start=0, end=3, text="200", value=200, counts="killed")
    f3 = Figure(id="f3", start=0, end=5, text="about 32", value=32, counts="killed", approximate=True)
    assert "killed" in contradiction(a, a, [f1], [f2], cfg)
    assert contradiction(a, a, [f1], [f3], cfg) is None
    assert contradiction(c, c, [], [], cfg) is None


def test_figure_ranges_bounds_and_approximation():
    cfg = load_settings().section("align")
    exact = Figure(id="a", start=0, end=3, text="192", value=192, low=192, high=192, counts="killed")
    at_least = Figure(id="b", start=0, end=12, text="at least 200", value=200, low=200,
                      counts="killed", approximate=True)
    more_than = Figure(id="c", start=0, end=13, text="more than 100", value=100, low=100,
                       counts="killed", approximate=True)
    about = Figure(id="d", start=0, end=9, text="about 190", value=190, counts="killed", approximate=True)
    assert ranges_clash(exact, at_least, cfg)  # 192 cannot be "at least 200"
    assert not ranges_clash(exact, more_than, cfg)
    assert not ranges_clash(exact, about, cfg)
    assert figure_text(at_least) == "at least 200" and figure_text(exact) == "192"


def test_date_place_agent_conflicts_with_provenance():
    from fullpicture.align._conflicts import find_conflicts
    from fullpicture.align._rowmembers import Member
    from fullpicture.align._util import EntityIndex
    from tests.fixtures.align.build import north, south

    a, b = north(), south()
    ev_a = a.events[0].model_copy(update={"date": "2023-09-19"})
    # the other side places the same event elsewhere, a day later, with another agent
    far = b.entities[1].geo.model_copy(update={"geonames_id": 999, "lat": b.entities[1].geo.lat + 3.0})
    b.entities.append(b.entities[1].model_copy(update={"id": "s9", "name": "Martuni", "geo": far}))
    b.entities.append(b.entities[0].model_copy(
        update={"id": "s8", "name": "southern forces", "type": "GROUP", "mentions": []}))
    ev_b = b.events[0].model_copy(update={"date": "2023-09-20", "place": "s9", "agents": ["s8"]})
    index = EntityIndex([a, b])
    members = [Member("north", a, ev_a), Member("south", b, ev_b)]
    conflicts = {c.field: c for c in find_conflicts(members, index, load_settings().section("align"))}
    assert {"date", "place", "agent", "figure:killed"} <= set(conflicts)
    date = {v.side: v for v in conflicts["date"].values}
    assert date["north"].value == "2023-09-19" and date["south"].value == "2023-09-20"
    assert a.text[date["north"].start : date["north"].end] == "19 September 2023"
    assert {v.value for v in conflicts["place"].values} == {"Khanville", "Martuni"}
    # a month-level date on one side is compatible: no date conflict
    members[1] = Member("south", b, ev_b.model_copy(update={"date": "2023-09"}))
    assert "date" not in {c.field for c in find_conflicts(members, index, {})}


def test_noise_place_and_agent_conflicts_are_dropped():
    from fullpicture.align._conflicts import find_conflicts
    from fullpicture.align._rowmembers import Member
    from fullpicture.align._util import EntityIndex
    from tests.fixtures.align.build import north, south

    a, b = north(), south()
    cfg = load_settings().section("align")
    near = b.entities[1].geo.model_copy(update={"geonames_id": 998, "lat": b.entities[1].geo.lat + 0.1})
    b.entities.append(b.entities[1].model_copy(update={"id": "s9", "name": "Martuni", "geo": near}))
    b.entities.append(b.entities[1].model_copy(update={"id": "s6", "name": "Nowhere", "geo": None}))
    # a group of people (NORP) is no actor whose naming can conflict with a GROUP
    b.entities.append(b.entities[0].model_copy(
        update={"id": "s8", "name": "Southerners", "type": "NORP", "mentions": []}))
    for place in ("s9", "s6"):  # a place ~11 km away; a place without a gazetteer link
        ev_b = b.events[0].model_copy(update={"place": place, "agents": ["s8"]})
        members = [Member("north", a, a.events[0]), Member("south", b, ev_b)]
        fields = {c.field for c in find_conflicts(members, EntityIndex([a, b]), cfg)}
        assert not {"place", "agent"} & fields, (place, fields)


def test_inherited_dates_do_not_conflict():
    from fullpicture.align._conflicts import find_conflicts
    from fullpicture.align._rowmembers import Member
    from fullpicture.align._util import EntityIndex
    from tests.fixtures.align.build import north, south

    a, b = north(), south()
    ev_a = a.events[0].model_copy(update={"date": "2023-09-19"})
    ev_b = b.events[0].model_copy(update={"date": "2023-09-25", "date_source": "narrative"})
    members = [Member("north", a, ev_a), Member("south", b, ev_b)]
    assert "date" not in {c.field for c in find_conflicts(members, EntityIndex([a, b]), {})}
    members[1] = Member("south", b, ev_b.model_copy(update={"date_source": "sentence"}))
    assert "date" in {c.field for c in find_conflicts(members, EntityIndex([a, b]), {})}


def test_country_contains_its_places():
    from fullpicture.align._conflicts import find_conflicts
    from fullpicture.align._rowmembers import Member
    from fullpicture.align._util import EntityIndex
    from fullpicture.models import Geo
    from tests.fixtures.align.build import north, south

    a, b = north(), south()
    geo = Geo(lat=40.0, lon=47.0, geonames_id=587116, country="AZ")
    a.entities[2] = a.entities[2].model_copy(update={"geo": geo.model_copy(update={"geonames_id": 585001})})
    b.entities.append(b.entities[0].model_copy(update={"id": "s7", "name": "Azerbaijan", "geo": geo}))
    ev_b = b.events[0].model_copy(update={"place": "s7"})
    members = [Member("north", a, a.events[0]), Member("south", b, ev_b)]
    fields = {c.field for c in find_conflicts(members, EntityIndex([a, b]), {})}
    assert "place" not in fields


def test_bare_mention_in_adjacent_sentence_joins_its_event():
    import numpy as np

    from fullpicture.align._events import FEATURES, PairScorer

    cfg = {**load_settings().section("align"), "embeddings": False}
    mk = lambda lemma, day, span, bare=False, firm=True: MentionFeatures(  # noqa: E731
        doc="a", lemma=lemma, family="movement", type="DISPLACE", interval=(day, day),
        date_firm=firm, span=span, bare=bare)
    # "... fuel depot exploded. | Then came the exodus. | From 24 September, 100,000 crossed ..."
    feats = [mk("exodus", 25, (100, 121), bare=True, firm=False), mk("cross", 24, (122, 200)),
             mk("cross", 24, (400, 480)), mk("flee", 25, (10, 60))]
    sc = PairScorer(feats, cfg)
    x = sc.features(np.array([[0, 1], [0, 2], [1, 3], [0, 3]]))
    adj, clash, soft = (FEATURES.index(n) for n in ("adjacent_bare", "date_clash", "date_clash_soft"))
    assert x[0, adj] == 1 and x[1, adj] == 0 and x[2, adj] == 0  # next sentence only; needs a bare one
    assert x[3, adj] == 0  # 40 characters apart: not adjacent
    # the bare mention's inherited date is no evidence either way
    assert x[0, clash] == 0 and x[0, soft] == 0
    assert sc.prob(np.array([[0, 1]]))[0] >= cfg["threshold"]
    assert sc.prob(np.array([[0, 2]]))[0] < cfg["threshold"]
    # mentions without sentence spans (benchmarks) are never adjacent
    other = [MentionFeatures(doc="a", lemma="x", type="T", bare=True), MentionFeatures(doc="a", lemma="y", type="T")]
    assert PairScorer(other, cfg).features(np.array([[0, 1]]))[0, adj] == 0


def test_counter_terms_of_a_cue_link_two_sides_words():
    import numpy as np

    from fullpicture.align._events import FEATURES, PairScorer

    cfg = {**load_settings().section("align"), "embeddings": False}
    mk = lambda doc, lemma, names, counters=frozenset(): MentionFeatures(  # noqa: E731
        doc=doc, lemma=lemma, type="ASSAULT", interval=(19, 19),
        names=frozenset(names), counters=frozenset(counters))
    feats = [mk("a", "offensive", {"offensive"}),
             mk("b", "measure", {"anti-terrorist measures", "measure"}, {"offensive", "war"}),
             mk("b", "strike", {"strike"}),
             mk("a", "war", {"war"})]
    x = PairScorer(feats, cfg).features(np.array([[0, 1], [0, 2], [1, 2], [1, 3]]))
    col = FEATURES.index("counter_term")
    assert x[:, col].tolist() == [1.0, 0.0, 0.0, 1.0]  # never inside one document (1, 2)
    assert cfg["w_counter_term"] > 0


def test_different_types_in_one_document_count_against_identity():
    import numpy as np

    from fullpicture.align._events import FEATURES, PairScorer

    cfg = {**load_settings().section("align"), "embeddings": False}
    feats = [MentionFeatures(doc="a", lemma="kill", type="ASSAULT"), MentionFeatures(doc="a", lemma="arrest", type="COERCE"),
             MentionFeatures(doc="b", lemma="detain", type="COERCE"), MentionFeatures(doc="a", lemma="kill", type="COERCE")]
    x = PairScorer(feats, cfg).features(np.array([[0, 1], [0, 2], [0, 3]]))
    col = FEATURES.index("same_doc_type_clash")
    assert x[:, col].tolist() == [1.0, 0.0, 0.0]  # not across documents, not with the same lemma
    assert cfg["w_same_doc_type_clash"] < 0


def test_bare_mentions_of_stories_weeks_apart_do_not_align():
    """Two stories of one season each tell "the request" with nothing of its own (no participant,
    place or stated date): inside a document such a mention is an anaphor and its inherited date
    says nothing, but across documents a month apart they are two requests (issue 9, BASIL pooled)."""
    import numpy as np

    from fullpicture.align._events import FEATURES, PairScorer

    cfg = {**load_settings().section("align"), "embeddings": False}
    mk = lambda doc, day, bare=True, span=(0, 40): MentionFeatures(  # noqa: E731
        doc=doc, lemma="request", family="verbal_conflict", type="REQUEST", interval=(day, day),
        date_firm=False, bare=bare, span=span)
    # story one on day 100, story two a month later, a same-story report two days later
    feats = [mk("spring", 100), mk("summer", 131), mk("spring_next_day", 102),
             mk("spring", 131, span=(41, 90))]
    sc = PairScorer(feats, cfg)
    pairs = np.array([[0, 1], [0, 2], [0, 3]])
    x = sc.features(pairs)
    soft = FEATURES.index("date_clash_soft")
    assert x[0, soft] == 1  # a month apart across documents: a soft clash
    assert x[1, soft] == 0  # two days apart: within a week, no evidence either way
    assert x[2, soft] == 0  # inside one document a bare mention's date stays no evidence
    p = sc.prob(pairs)
    assert p[1] > p[0]
    # the switch off (-1) restores the old reading
    off = PairScorer(feats, {**cfg, "bare_date_clash_days": -1}).features(pairs)
    assert off[0, soft] == 0


def test_words_of_one_equivalence_class_count_as_one_trigger():
    import numpy as np

    from fullpicture.align._equivalents import word_class
    from fullpicture.align._eventpairs import Vectors
    from fullpicture.align._events import FEATURES, PairScorer

    # one purchase told by its buyer's verb and by the business press's noun; one offence under
    # its abbreviation and in plain words; a phrase matches with a word or two between
    assert word_class("buy", "bought") == word_class("merger", "merger") == "acquisition"
    assert word_class("driving", "driving", "arrested on suspicion of drunken", " on Sunday") == "drunk_driving"
    assert word_class("dui", "DUI") == "drunk_driving"
    assert word_class("find", "found", "the jury", " him guilty of murder") == "conviction"
    assert word_class("check", "checked", "the singer", " herself into a clinic") == "admission"
    # the plain words alone name no such act
    assert word_class("driving", "driving", "he was", " home") == ""
    assert word_class("enter", "entered", "troops", " the town") == ""
    assert word_class("find", "found", "police", " a body") == ""
    assert word_class("acheter", "acheté", "", "", "fr") == "acquisition"
    feats = [MentionFeatures(doc="a", lemma="buy", type="TRANSACTION", word="acquisition"),
             MentionFeatures(doc="b", lemma="merger", type="AGREE", word="acquisition"),
             MentionFeatures(doc="c", lemma="deliver", type="AGREE")]
    pairs = np.array([[0, 1], [1, 2]])
    cfg = load_settings().section("align")
    x = PairScorer(feats, cfg).features(pairs)
    lem, trig, typ = FEATURES.index("lemma"), FEATURES.index("trigger_sim"), FEATURES.index("same_type")
    assert x[0, lem] == x[0, trig] == x[0, typ] == 1.0
    assert x[1, lem] == x[1, trig] == 0.0
    # with vectors too: the class says one act whatever the two words' cosine
    vec = Vectors(trigger=np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0]], dtype=np.float32),
                  sentence=np.eye(3, 2, dtype=np.float32))
    assert PairScorer(feats, cfg, vec).features(pairs)[0, trig] == 1.0
