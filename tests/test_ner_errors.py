"""The error types of eval/_ner_errors.py (the Russian NER error analysis)."""

from __future__ import annotations

from eval._ner_errors import error_types
from eval.multilingual_ner import bio_spans


def test_each_wrong_span_gets_one_error_type():
    tags = ["B-LOC", "O", "B-ORG", "I-ORG", "O", "B-MISC", "O", "B-PER", "O", "B-LOC"]
    gold = bio_spans(tags)
    pred = {(0, 1, "PER"), (2, 3, "ORG"), (5, 6, "ORG"), (8, 9, "LOC")}
    assert error_types(tags, gold, pred) == {
        "type LOC->PER": 1, "bound ORG->ORG shorter": 1, "MISC->ORG": 1, "spurious LOC": 1,
        "missed PER": 1, "missed LOC": 1,
    }
