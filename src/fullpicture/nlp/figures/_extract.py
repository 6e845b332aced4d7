"""Find quantities in a parsed Doc: value, bounds, unit and what they count.

:class:`FigureExtractor` walks the tokens, reads a number at each place one can start (digits,
number words, vague and approximate words, zero phrases), its compound value, a range's upper
end and the approximators that bound it; what the number counts is read by the inherited
:class:`~fullpicture.nlp.figures._counted.CountFinder`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from fullpicture.nlp._shared import doc_text
from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.figures._ages import apposed_age
from fullpicture.nlp.figures._counted import CountFinder
from fullpicture.nlp.figures._data import FigureLexicon, bounds
from fullpicture.nlp.figures._numbers import (
    _DIGITS,
    _YEARISH,
    _clock_time,
    _day_of_month,
    _day_range_start,
    _digit_groups,
    _list_item_number,
    _lower_place,
    _number_value,
    _one_of_the_most,
)

_ANY_DIGIT = re.compile(r"\d")
_SKIP_ENTS = {"DATE", "TIME", "ORDINAL"}
_QUOTES = frozenset('"\'“”‘’«»„')


@dataclass
class RawFigure:
    """A quantity before it becomes a :class:`~fullpicture.models.Figure`."""

    start: int
    end: int
    value: float
    low: float | None
    high: float | None
    approximate: bool
    vague: bool
    unit: str | None
    counts: str | None
    head: int  # token index of the number's last token


class FigureExtractor(CountFinder):
    """Finds figures; build once per process, call per document."""

    def __init__(self, lex: FigureLexicon) -> None:
        self.lex = lex
        # the lower-cased words at which :meth:`_at` may find a figure, besides a token with a
        # digit: the zero phrases', number words, "a" (a dozen), "no" (one), vague and approximate words
        self._starts = frozenset({*lex.zero_without, *lex.zero_negated, *lex.words, *lex.vague, *lex.approx_words,
                                  "a", "no", "nobody", "no-one"})
        self._correction_re: re.Pattern[str] | None = None

    def __call__(self, doc: Doc, skip_chars: set[int] | None = None) -> list[RawFigure]:
        """All figures of a document (``skip_chars``: token starts inside time expressions)."""
        out: list[RawFigure] = []
        i, n = 0, len(doc)
        toks = token_arrays(doc)
        lower, text, starts = toks.lower, toks.text, self._starts
        while i < n:
            if lower[i] not in starts and not _ANY_DIGIT.search(text[i]):
                i += 1  # no figure can start here (:meth:`_at` would say None): no Token built
                continue
            got = self._at(doc, i, skip_chars or set())
            if got is None:
                i += 1
                continue
            fig, nxt = got
            told = self._corrected(doc, out, fig) if out and fig.counts is None else None
            if told is not None:
                fig = RawFigure(fig.start, fig.end, fig.value, fig.low, fig.high, fig.approximate, fig.vague,
                                fig.unit, told, fig.head)
            out.append(fig)
            out.extend(self._coordinated_zero(doc, fig, nxt))
            i = nxt
        return out

    def _corrected(self, doc: Doc, out: list[RawFigure], fig: RawFigure) -> str | None:
        """The count ``fig`` restates with another number, opened by a word of correction after
        the figure before it and its noun ("700 deaths, more likely between 20 and 60", "300
        dead. Probably 40"; ``[corrections]`` of counts.toml): the count of that figure, or of
        the one just before it that it is joined to ("150 or even 400 deaths"); None otherwise."""
        if not self.lex.corrections:
            return None
        if self._correction_re is None:
            words = "|".join(re.escape(w) for w in self.lex.corrections)
            self._correction_re = re.compile(rf"^(?:\s+[^\s,.;:!?]+){{0,2}}\s*[,;.:]\s*(?:{words})\s*$", re.I)
        prev = out[-1]
        if not self._correction_re.match(doc_text(doc)[prev.end : fig.start]):
            return None
        if prev.counts is None and len(out) > 1 and prev.start - out[-2].end <= 12:
            return out[-2].counts
        return prev.counts

    def _coordinated_zero(self, doc: Doc, fig: RawFigure, j: int) -> list[RawFigure]:
        """A zero shared by coordinated counts: "no one was killed or injured", "no dead or
        wounded" say zero of each (a non-zero "12 killed or wounded" is one joint count)."""
        if fig.value != 0 or fig.counts is None:
            return []
        k = j
        while k < len(doc) and doc[k].pos_ == "AUX":
            k += 1
        if k + 2 >= len(doc) or doc[k + 1].lower_ not in ("or", "and", "nor"):
            return []
        nxt = doc[k + 2]
        key = nxt.lemma_.lower() if nxt.pos_ == "VERB" else nxt.lower_
        counts = self.lex.count_verbs.get(key) or self.lex.count_verbs.get(nxt.lower_)
        if counts is None or counts == fig.counts:
            return []
        return [RawFigure(fig.start, fig.end, 0.0, 0.0, 0.0, False, False, fig.unit, counts, fig.head)]

    def _zero_phrase(self, doc: Doc, i: int) -> tuple[RawFigure, int] | None:
        """A zero said by a negation of a count noun ("without causing casualties", "sans faire de
        victimes", "did not cause any injuries"): value 0 of what the noun counts."""
        lex, tok = self.lex, doc[i]
        low = tok.lower_
        if low in lex.zero_without:
            k = i + 1
            while k < min(len(doc), i + 4) and doc[k].pos_ in ("VERB", "AUX", "DET", "ADP", "PART"):
                k += 1
        elif low in lex.zero_negated and i + 1 < len(doc):
            k = i + 1
            verb = doc[k].head
            if not any(c.dep_ == "neg" for c in verb.children) or verb.i > i:
                return None
        else:
            return None
        if k >= len(doc):
            return None
        noun = doc[k]
        counts = lex.count_nouns.get(noun.lemma_.lower()) or lex.count_nouns.get(noun.lower_)
        if noun.pos_ not in ("NOUN", "PROPN", "ADJ") or counts not in lex.zero_counts:
            return None
        if not self._asserted_zero(doc, i):
            return None
        return RawFigure(tok.idx, noun.idx + len(noun), 0.0, 0.0, 0.0, False, False, noun.text, counts, k), k + 1

    def _asserted_zero(self, doc: Doc, i: int) -> bool:
        """Whether the zero said at token ``i`` ("no", "any", "nobody", "without") is asserted:
        under no hedge ("there appeared to be no casualties"), under no negated verb of seeing or
        knowing ("he did not see any casualties"), and no zero of what is not confirmed ("no
        casualties have been confirmed", "no deaths or injuries confirmed")."""
        lex, tok = self.lex, doc[i]
        noun = tok.head if tok.dep_ == "det" else tok
        nouns = [noun, *(c for c in noun.children if c.dep_ == "conj")]
        if any(c.dep_ == "acl" and c.lemma_.lower() in lex.zero_unconfirmed for n in nouns for c in n.children):
            return False
        if noun.dep_ in ("nsubjpass", "nsubj:pass") and noun.head.lemma_.lower() in lex.zero_unconfirmed:
            return False
        cur = noun
        while cur.head.i != cur.i:  # up to the root, compared by index
            cur = cur.head
            lemma = cur.lemma_.lower()
            if lemma in lex.zero_hedges:
                return False
            if lemma in lex.zero_perceived and any(c.dep_ == "neg" for c in cur.children):
                return False
        return True

    def _at(self, doc: Doc, i: int, skip: set[int]) -> tuple[RawFigure, int] | None:
        lex = self.lex
        tok = doc[i]
        low = tok.lower_
        zero = self._zero_phrase(doc, i)
        if zero is not None:
            return zero
        if _clock_time(doc, i, lex):
            return None  # "logged at 04.17", "vers 4h17": a time of day, no count
        vague = False
        value = _number_value(tok, lex)
        j = i + 1
        if value is None and low == "a" and i + 1 < len(doc) and doc[i + 1].lower_ in lex.multipliers and doc[i + 1].lower_ not in ("m", "k", "bn"):
            value, j = 1.0, i + 1
        if value is None and (low in ("nobody", "no-one") or (low == "no" and i + 1 < len(doc) and doc[i + 1].lower_ == "one")):
            value, j = 0.0, (i + 1 if low != "no" else i + 2)  # "no one was killed", "nobody was hurt"
        elif value is None and low == "no" and i + 1 < len(doc) and doc[i + 1].lemma_.lower() in lex.count_nouns:
            value = 0.0  # "no dead or wounded", "no deaths"
        if value is None and low in lex.vague:
            value, vague = lex.vague[low], True
            # "tens of thousands", "hundreds of millions"
            if j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].lower_ in lex.vague:
                value *= lex.vague[doc[j + 1].lower_]
                j += 2
        approx_word = value is None and low in lex.approx_words  # "une dizaine", "десяток": about ten
        if approx_word:
            value = lex.approx_words[low]
        if value is None or _one_of_the_most(doc, i, value, lex):
            return None
        if lex.groups and tok.text.isdigit() and len(tok.text) <= 3:
            value, j = _digit_groups(doc, j, value, lex.groups)
        several = i > 0 and doc[i - 1].lower_ in lex.vague and low in ("dozen", "hundred", "thousand")
        if several:
            vague = True  # "several dozen", "a few hundred": as vague as "dozens"
        # compound numbers: "twenty - five", "1.4 million", "5 million"
        if not vague:
            while j < len(doc):
                nxt = doc[j].lower_
                if nxt in lex.multipliers and (nxt not in ("m", "k", "bn") or doc[j].idx == doc[j - 1].idx + len(doc[j - 1])):
                    value *= lex.multipliers[nxt]
                    j += 1
                elif nxt == "-" and j + 1 < len(doc) and doc[j + 1].lower_ in lex.words and value >= 20 and value % 10 == 0:
                    value += lex.words[doc[j + 1].lower_]
                    j += 2
                elif (nxt in lex.and_joins and j + 1 < len(doc) and doc[j + 1].lower_ in lex.and_units
                      and doc[j - 1].lower_ in lex.words and value % 10 == 0 and value % 100 >= 20):
                    value += lex.and_units[doc[j + 1].lower_]  # "cinquante et une", "soixante et onze"
                    j += 2
                elif (nxt in lex.words and (doc[j - 1].lower_ in lex.words or doc[j - 1].lower_ in lex.multipliers)
                      and _lower_place(value, lex.words[nxt])):
                    value += lex.words[nxt]  # "двадцать пять", "сто двадцать", "две тысячи двести"
                    j += 1
                else:
                    break
            if (j + 1 < len(doc) and doc[j].text == "." and f"{doc[j - 1].lower_}." in lex.multipliers
                    and doc[j + 1 if not doc[j + 1].is_space else min(j + 2, len(doc) - 1)].is_lower):
                j += 1  # "100 тыс. человек": the abbreviation's full stop, not a sentence end
            if tok.lower_ == "a" and j == i + 1:
                return None
        if vague and not several and not (tok.tag_ in ("NNS", "CD") or tok.pos_ in ("NUM", "NOUN")):
            return None
        if tok.idx in skip and not self._duration_follows(doc, j):
            return None
        big_number = tok.ent_type_ == "DATE" and _DIGITS.match(tok.text) is not None and "," in tok.text
        # the parser's DATE/TIME entity may swallow a dateline's lead figure ("March 5 - At least
        # 40 people died"): such a number is kept only when it counts something
        ner_date = tok.ent_type_ in _SKIP_ENTS and not self._duration_follows(doc, j) and not vague and not big_number
        if _YEARISH.match(tok.text) and not self._duration_follows(doc, j):
            return None
        if i > 0 and (doc[i - 1].text in ("/", "No", "No.", "#") or (
                doc[i - 1].text.endswith("-") and doc[i - 1].idx + len(doc[i - 1]) == tok.idx)):  # "F-16", not "(Reuters) - Twelve"
            return None
        if j < len(doc) and doc[j].text in ("/", ":"):
            return None
        if _list_item_number(doc, i, j):
            return None  # "1. The armed forces attacked ...": an item's number, not a count
        if _day_of_month(doc, i, j):
            return None  # "killing its driver on March, 14, 2021": a date, not a count
        if _day_range_start(doc, i, j):
            return None  # "tués entre le 5 et le 9 mai": the first day of a range of days
        if apposed_age(doc, i, j):
            return None  # "Lia Zorn, 34, was freed": a person's age, not a count
        if i > 1 and doc[i - 1].text == ":" and doc[i - 2].text.isdigit() and len(tok.text) == 2:
            return None  # the minutes of a clock time ("15: 50 IST", "02: 39 PM")
        start_i = i - 1 if several else i
        if approx_word and i > 0 and doc[i - 1].lower_ in lex.approx_openers:
            start_i = i - 1  # "une dizaine", "с десяток"
        upper: float | None = None
        if not vague:
            span = self._range_end(doc, i, j, value, skip)
            if span is not None:
                upper, j = span
                if i > 0 and any(doc[i - 1].lower_ == o for o, _ in lex.range_opens):
                    start_i = i - 1
        bound = None
        # approximators before the number, quote marks skipped ('"far fewer" than 400')
        first = start_i if approx_word else i
        before = [k for k in range(first - 1, max(-1, first - 1 - 2 * lex.max_approx_len), -1) if doc[k].text not in _QUOTES]
        for n in range(min(lex.max_approx_len, len(before)), 0, -1):
            words = tuple(doc[k].lower_ for k in reversed(before[:n]))
            if words in lex.approximators:
                if before[n - 1] > 0 and (doc[before[n - 1] - 1].lemma_.lower() in lex.approx_not_after
                                          or self._change_from(doc, before[n - 1])):
                    break  # "число погибших возросло до 57": the new value, no upper bound
                bound = lex.approximators[words]
                start_i = before[n - 1]
                quoted = [k for k in range(start_i, i) if doc[k].text in _QUOTES]
                if len(quoted) % 2 and start_i > 0:  # '"far fewer" than 400': from the opening quote
                    start_i = next((k for k in range(start_i - 1, max(-1, start_i - 4), -1) if doc[k].text in _QUOTES), start_i)
                break
        if start_i > 0 and doc[start_i - 1].text in ("$", "€", "£"):
            start_i -= 1
        if approx_word and bound is None:
            bound = "approx"
        if bound is None and not vague and lex.postposed:
            bound = self._postposed(doc, j)  # "40 morts au moins"
        unit, counts = self._unit_counts(doc, i, j)
        told = self._verb_before(doc, start_i, j)
        if told is not None and (counts is not None or unit is None):
            counts = told  # "погибли 9 гражданских, 34 человека получили ранения": the verb before
        if counts is None and upper is None and j > i + 1 and doc[j - 1].lower_ in lex.multipliers:
            # "about two dozen soldiers were injured": the parser may hang the noun on "two"
            alt = self._unit_counts(doc, i, i + 1)
            if alt[1] is not None:
                unit, counts = alt
        if value and counts in lex.joined_counts and self._joined_harms(doc, start_i, j):
            counts = lex.joined_to  # "killed and injured 200 inmates": both harms, one count (a zero is each's)
        if counts in lex.of_people and self._people_follow(doc, j):
            counts = lex.of_people[counts]  # "уничтожено более 70 боевиков": people destroyed are killed
        if ner_date and (counts is None or tok.ent_type_ == "ORDINAL"):
            return None
        if value == 0 and counts is None and low in ("no", "nobody", "no-one"):
            return None  # "no one knows": a zero counts only when it says what it counts
        if value == 0 and not self._asserted_zero(doc, i):
            return None  # "there appeared to be no casualties": nobody says zero
        lo, hi = bounds(value, vague, bound)
        if upper is not None:  # "200-300 people", "between 100 and 300": a closed range
            lo, hi = value, upper
        start = doc[start_i].idx
        end = doc[j - 1].idx + len(doc[j - 1])
        if j < len(doc) and doc[j].text == "%":
            end = doc[j].idx + 1
        fig = RawFigure(start, end, value, lo, hi, bound is not None or vague, vague, unit, counts, j - 1)
        return fig, j

    def _harm(self, t: Token) -> str | None:
        """The harm a word counts when it is one of the joinable harms (``[joined_counts]``)."""
        lex = self.lex
        got = lex.count_verbs.get(t.lemma_.lower()) or lex.count_nouns.get(t.lemma_.lower()) \
            or lex.count_nouns.get(t.lower_)
        return got if got in lex.joined_counts else None

    def _joined_harms(self, doc: Doc, start: int, j: int) -> bool:
        """Two words of different harms joined by a coordinating word right before the figure
        ("killed and injured 200", "a tué ou blessé 40") or after its noun, over at most two
        auxiliaries ("40 people were killed or injured", "40 morts et blessés")."""
        lex = self.lex
        if start >= 3:
            a, c, b = doc[start - 3], doc[start - 2], doc[start - 1]
            if c.lower_ in lex.joined_joins and {self._harm(a), self._harm(b)} == set(lex.joined_counts):
                return True
        k = j
        while k < len(doc) and k < j + 5 and not doc[k].is_punct and self._harm(doc[k]) is None:
            k += 1
        if k + 2 < len(doc) and doc[k + 1].lower_ in lex.joined_joins:
            return {self._harm(doc[k]), self._harm(doc[k + 2])} == set(lex.joined_counts)
        return False

    def _postposed(self, doc: Doc, j: int) -> str | None:
        """A hedge written right after the counted noun ("40 morts au moins", "Quarante civils
        au moins ont été tués"; ``[postposed]`` of the approximators data): its bound. Only over
        the noun and at most one adjective, before any punctuation."""
        k = j
        while k < len(doc) and k < j + 2 and doc[k].pos_ in ("NOUN", "ADJ", "PROPN") and not doc[k].is_punct:
            k += 1
        if k == j:
            return None
        for words, bound in self.lex.postposed.items():
            n = len(words)
            if k + n <= len(doc) and tuple(t.lower_ for t in doc[k : k + n]) == words:
                return bound
        return None

    def _change_from(self, doc: Doc, k: int) -> bool:
        """"выросло с 41 до 58": the hedge at ``k`` follows "from N" after a verb of change, so
        it opens the new value, not a bound."""
        lex = self.lex
        m = k - 1
        while m > 0 and doc[m].pos_ in ("NOUN", "ADJ") and not doc[m].like_num:
            m -= 1  # "с 63 человек до 89"
        if m < 1 or not doc[m].like_num or doc[m - 1].lower_ not in lex.approx_from:
            return False
        return any(t.lemma_.lower() in lex.approx_not_after for t in doc[max(0, m - 6) : m - 1])

    def _range_end(self, doc: Doc, i: int, j: int, value: float, skip: set[int]) -> tuple[float, int] | None:
        """``(upper value, token after it)`` when the number at ``i`` (ending before ``j``) opens a
        range ("200-300", "two or three", "100 to 300", "between 100 and 300"): a larger second
        number right after a joining word, never after a word of change ("rose from 30 to 50")."""
        lex = self.lex
        if j + 1 >= len(doc) or not lex.range_joins:
            return None
        before = doc[i - 1].lower_ if i > 0 else ""
        if before in lex.range_not_after and not (
                before in lex.range_change_only
                and not any(t.lemma_.lower() in lex.range_change_verbs for t in doc[max(0, i - 4) : i - 1])):
            return None  # "est passé de 30 à 50": an update; "font état de 200 à 300 morts": a range
        join = doc[j].lower_
        closer = next((c for o, c in lex.range_opens if o == before), None)
        if not (join in lex.range_joins or join == closer) or doc[j + 1].idx in skip:
            return None
        second = _number_value(doc[j + 1], lex)
        if second is None or doc[j + 1].lower_ in lex.vague:
            return None
        k = j + 2
        while k < len(doc) and doc[k].lower_ in lex.multipliers and doc[k].lower_ not in ("m", "k", "bn"):
            second *= lex.multipliers[doc[k].lower_]
            k += 1
        if lex.groups and doc[j + 1].text.isdigit() and len(doc[j + 1].text) <= 3:
            second, k = _digit_groups(doc, k, second, lex.groups)
        if second <= value or (value and second / value > 1000):
            return None  # "3-1", "1 or 2,000": no range
        return second, k
