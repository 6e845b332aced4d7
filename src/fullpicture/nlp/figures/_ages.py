"""A person's age set off by commas after a name or a noun: no count of people.

"Lia Zorn, 34, and Omer Tal, 19, were freed", "her sons, 6 and 13, died": bare numbers in
apposition, read on the parse (a comma or a coordinator between the numbers, a proper or common
noun before the first), in any language the parser reads.
"""

from __future__ import annotations

from spacy.tokens import Doc


def _joins_numbers(doc: Doc, k: int) -> bool:
    """``doc[k]`` is a comma or a coordinator with a bare number before it."""
    return k >= 1 and (doc[k].text == "," or doc[k].pos_ == "CCONJ") and doc[k - 1].text.isdigit()


def apposed_age(doc: Doc, i: int, j: int) -> bool:
    """A person's age in apposition: bare numbers set off by commas after a name or a noun
    ("Lia Zorn, 34, and Omer Tal, 19, were freed", "her sons, 6 and 13, died"), closed by a
    comma, a full stop or a bracket; no count of people."""
    if i < 2 or j != i + 1 or not doc[i].text.isdigit() or int(doc[i].text) > 120:
        return False
    k = i - 1
    while doc[k].text != "," and _joins_numbers(doc, k) and k >= 2:
        k -= 2  # "6 and 13": from the list's first number
    if not (k >= 1 and doc[k].text == "," and doc[k - 1].pos_ in ("PROPN", "NOUN")):
        return False
    m = j
    while m + 1 < len(doc) and (doc[m].text == "," or doc[m].pos_ == "CCONJ") and doc[m + 1].text.isdigit() \
            and (m + 2 >= len(doc) or not doc[m + 2].is_alpha):
        m += 2  # "6 and 13,": to the list's last number
    return m >= len(doc) or doc[m].text in (",", ".", ")", ";")
