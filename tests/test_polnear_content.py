"""The content error classes of eval.polnear_content, on hand-made spans."""

from eval.polnear_content import classes


def test_a_content_spanning_two_gold_contents_takes_one():
    gold = [((0, 4), (10, 20)), ((30, 36), (40, 50))]
    pred = [("indirect", (10, 50), (0, 4))]
    g, p = classes(pred, gold)
    assert g["matched"] == 1 and g["overlapped, taken"] == 1
    assert p["matched", "indirect"] == 1


def test_second_claim_on_one_content_and_missed_cue():
    gold = [((0, 4), (10, 20)), ((60, 64), (70, 80))]
    pred = [("direct", (10, 20), (0, 4)), ("naming", (12, 18), (11, 12))]
    g, p = classes(pred, gold)
    assert g["no claim on its cue"] == 1
    assert p["gold content already taken", "naming"] == 1


def test_claim_on_cue_with_content_elsewhere_and_spurious_claim():
    gold = [((0, 4), (10, 20))]
    pred = [("indirect", (25, 30), (0, 4)), ("unsourced", (90, 95), (85, 88))]
    g, p = classes(pred, gold)
    assert g["claim on its cue, content elsewhere"] == 1
    assert p["gold cue, content elsewhere", "indirect"] == 1
    assert p["no gold cue", "unsourced"] == 1
