"""Find quantities in a parsed Doc: value, bounds, unit and what they count."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from fullpicture.nlp._shared import doc_text
from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.figures._ages import apposed_age
from fullpicture.nlp.figures._attributive import attributive_count
from fullpicture.nlp.figures._clauses import clause_verb
from fullpicture.nlp.figures._data import FigureLexicon, bounds
from fullpicture.nlp.figures._numbers import (
    _DIGITS,
    _YEARISH,
    _clock_time,
    _day_of_month,
    _day_range_start,
    _dep,
    _digit_groups,
    _list_item_number,
    _lower_place,
    _magnitude,
    _number_value,
    _one_of_the_most,
    _past_aside,
    _past_participle,
)

_ANY_DIGIT = re.compile(r"\d")
_DURATION = {"hour", "day", "week", "month", "year", "decade", "minute", "century"}
_SKIP_ENTS = {"DATE", "TIME", "ORDINAL"}
# dependencies of a noun: an adjective that has one is used as a noun ("40 terroristes", ADJ + obj)
_NOMINAL_DEPS = frozenset({"obj", "dobj", "nsubj", "nsubj:pass", "nsubjpass", "obl", "nmod", "appos"})
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


class FigureExtractor:
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

    def _verb_before(self, doc: Doc, start: int, j: int) -> str | None:
        """What a count verb right before the figure counts ("погибли девять человек", "ранены 88
        человек", "killed 12 people"): the verb the subject follows, even when the parser hangs
        the noun on a later verb of another count ("погибли 9 гражданских, 34 человека получили
        ранения"). Not over a noun that counts by itself ("left 12 dead")."""
        if start == 0 or (j < len(doc) and self.lex.count_nouns.get(doc[j].lemma_.lower()) in self.lex.own_counts):
            return None
        verb = doc[start - 1]
        if verb.pos_ != "VERB" or doc[start].idx == verb.idx + len(verb):
            return None
        noun = doc[j - 1].head if _dep(doc[j - 1]) == "nummod" and doc[j - 1].head.i > j - 1 else None
        if noun is not None and self._own_participle(noun) is not None:
            return None  # "left 40 people injured": the noun's own state says what it counts
        if any(_dep(c) in ("oprd", "acomp", "xcomp", "advcl", "ccomp") and c.i > start for c in verb.children):
            return None  # "leaving 40 people dead": the state after the figure says what it counts
        return self.lex.count_verbs.get(verb.lemma_.lower())

    def _phrase(self, verb: Token) -> str | None:
        """What a verb and its object count together ("lost their lives", "получили ранения",
        "a coûté la vie", "portés disparus"): ``[phrases]`` of the counts data."""
        key = verb.lemma_.lower()
        for c in verb.children:
            if _dep(c) in ("obj", "dobj", "iobj", "xcomp", "acomp", "oprd"):
                got = self.lex.phrases.get(f"{key} {c.lemma_.lower()}") or self.lex.phrases.get(f"{key} {c.lower_}")
                if got is not None:
                    return got
        return None

    def _approx_noun(self, word: Token) -> Token | None:
        """The noun an approximate number noun counts ("une dizaine de soldats")."""
        if word.lower_ not in self.lex.approx_words:
            return None
        return next((c for c in word.children if _dep(c) == "nmod" and 0 < c.i - word.i <= 3
                     and c.pos_ in ("NOUN", "PROPN", "ADJ")), None)

    def _people_follow(self, doc: Doc, j: int, reach: int = 3) -> bool:
        """A noun of people among the words right after the number, before any punctuation
        ("60 Ukrainian fighters", "60 украинских боевиков"; ``people_nouns``), or a noun the
        model marks animate ("трёхсот националистов": the grammar of ru/uk says who, no list); an
        adjective the parser makes the verb's object or subject stands for its noun ("neutralisé
        40 terroristes" tagged ADJ)."""
        for t in doc[j : min(len(doc), j + reach)]:
            if t.is_punct:
                return False
            nominal = t.pos_ in ("NOUN", "PROPN") or (t.pos_ == "ADJ" and t.dep_ in _NOMINAL_DEPS)
            if nominal and (t.lemma_.lower() in self.lex.people_nouns or "Anim" in t.morph.get("Animacy", [])):
                return True
        return False

    @staticmethod
    def _duration_follows(doc: Doc, j: int) -> bool:
        k = j + 1 if j < len(doc) and doc[j].text == "-" else j
        return k < len(doc) and doc[k].lemma_.lower() in _DURATION

    def _told_count(self, verb: Token) -> str | None:
        """What a verb's subject or object sums up: a toll noun ("the death toll rose to 40"), or
        the number of a counted noun ("the number of dead soldiers", "число погибших")."""
        lex = self.lex
        for c in verb.children:
            if c.dep_ not in ("nsubj", "nsubjpass", "dobj", "obj"):
                continue
            lemma = c.lemma_.lower()
            if lemma in lex.toll_nouns:
                return lex.toll_nouns[lemma]
            if lemma not in lex.number_nouns:
                continue
            kids = [g for k in c.children for g in ([k] if k.dep_ != "prep" else list(k.children))
                    if g.dep_ in ("pobj", "nmod", "amod")]
            for g in kids:
                for w in (g, *g.children):
                    key = w.lemma_.lower()
                    verbal = w.dep_ == "amod" or w.pos_ in ("VERB", "ADJ")  # "dead soldiers", "число погибших"
                    got = lex.count_nouns.get(key) or (lex.count_verbs.get(key) if verbal else None)
                    if got and got not in lex.who_counts:
                        return got
        return None

    def _own_participle(self, noun: Token) -> str | None:
        """What a participle or a state adjective right after the counted noun says it counts
        ("7 civilians killed, 34 wounded", "two civilians killed in the attack", "left 40 people
        injured", "leaves 12 civilians dead"): shapes whose parse hangs the noun on a verb of
        another count."""
        for c in noun.children:
            if not 0 < c.i - noun.i <= 2 or c.dep_ not in ("acl", "amod"):
                continue
            if (c.pos_ == "VERB" and (c.tag_ == "VBN" or _past_participle(c))) or (c.pos_ == "ADJ" and c.dep_ == "amod"):
                key = c.lemma_.lower()
                got = self.lex.count_verbs.get(key) or self.lex.count_verbs.get(c.lower_)
                if got is not None and (c.pos_ == "VERB" or got in self.lex.own_counts):
                    return got
        return None

    def _own_relative(self, tok: Token) -> str | None:
        """What a relative clause on the counted word says of it, its pronoun the clause's subject
        ("41 were injured in addition to the six who were killed", "besides the 12 who died"): a
        casualty count of its own (``own_counts``), which the casualty verb of the sentence does
        not override (where the sentence's verb counts no casualty, the clause does not make the
        number one: "the evacuation of 20 soldiers who were injured" stays as it was)."""
        for c in tok.children:
            if _dep(c) not in ("relcl", "acl") or c.i <= tok.i or c.pos_ not in ("VERB", "ADJ"):
                continue
            if not any(_dep(g) in ("nsubj", "nsubjpass") and g.lower_ in self.lex.relative_subjects
                       for g in c.children):
                continue
            got = self.lex.count_verbs.get(c.lemma_.lower()) or self.lex.count_verbs.get(c.lower_)
            if got in self.lex.own_counts:
                return got
        return None

    def _genitive_head(self, noun: Token) -> str | None:
        """What a noun governing the counted noun in the genitive counts: a count noun of its own
        ("о гибели двенадцати мирных жителей": the killed), a noun of the act (``act_of``:
        "ликвидация 23 боевиков"), or a noun that counts with its verb ("унёс жизни двадцати пяти
        человек": the killed)."""
        if _dep(noun) != "nmod" or noun.head.i == noun.i or noun.head.pos_ != "NOUN" or noun.head.i > noun.i:
            return None
        head = noun.head
        got = self.lex.count_nouns.get(head.lemma_.lower())
        if got in self.lex.own_counts:
            return got
        act = self.lex.act_of.get(head.lemma_.lower()) or self.lex.act_of.get(head.lower_)
        if act is not None:
            return act  # "ликвидация 23 боевиков", "l’élimination de 23 combattants": the act's count
        verb = head.head
        if _dep(head) in ("obj", "dobj") and verb.pos_ == "VERB" and verb.i != head.i:
            return self._phrase(verb)
        return None

    def _unit_counts(self, doc: Doc, i: int, j: int) -> tuple[str | None, str | None]:
        lex = self.lex
        last = doc[j - 2] if j - 2 >= i and doc[j - 1].text == "." else doc[j - 1]  # "тыс."
        if _magnitude(doc, i, j):
            return "magnitude", "magnitude"
        unit: str | None = None
        noun: Token | None = None
        climb_from: Token | None = None
        if j < len(doc) and doc[j].text == "%":
            unit = "percent"
        elif i > 0 and doc[i - 1].text in lex.units and not doc[i - 1].is_alpha:
            unit = lex.units[doc[i - 1].text]
        k = j + 1 if j < len(doc) and doc[j].text == "-" else j
        if unit is None and k < len(doc) and doc[k].lemma_.lower() in lex.units and doc[k].is_alpha:
            unit = lex.units[doc[k].lemma_.lower()]
            noun = doc[k]
        elif unit is None:
            if k < len(doc) and doc[k].lower_ == "of" and k + 1 < len(doc):
                cand = doc[k + 1]
                while cand.head.i > cand.i and cand.head.i < cand.i + 4 and cand.head.pos_ in ("NOUN", "PROPN"):
                    cand = cand.head
                noun = cand if cand.pos_ in ("NOUN", "PROPN") else None
            elif (approx_noun := self._approx_noun(last)) is not None:
                noun = approx_noun
                climb_from = last  # "une dizaine de soldats ont été blessés": the number's verb
            elif (_dep(last) in ("nummod", "quantmod", "compound", "amod", "det") and last.head.i > last.i
                  and last.head.pos_ not in ("VERB", "AUX")):  # "около 300 ранены": a verb, no noun
                noun = last.head
                while _dep(noun) in ("compound", "amod", "nummod") and noun.head.i > noun.i:
                    noun = noun.head
            elif k < len(doc) and doc[k].pos_ in ("NOUN", "PROPN") and doc[k].head.i >= k:
                noun = doc[k]
            if noun is not None and "\n" in doc_text(doc)[last.idx : noun.idx]:
                noun = None
            if noun is not None:
                lemma = noun.lemma_.lower()
                unit = lex.units.get(lemma) or lex.units.get(noun.lower_) or noun.text
        counts = None
        if noun is not None and noun.lemma_.lower() in _DURATION:
            return unit, None  # "in the 12 days of the offensive": a duration counts no one
        anchor = noun if noun is not None and climb_from is None else (climb_from or last)
        if noun is None:
            # a bare number before its verb: "511 wounded", "more than 400 were wounded"; past an
            # aside between commas ("four died and 37, a nurse among them, are hurt")
            for at in (k, _past_aside(doc, k)):
                for t in doc[at : min(len(doc), at + 3)] if at is not None else ():
                    key = t.lemma_.lower() if t.pos_ in ("VERB", "AUX") else t.lower_
                    if key in lex.count_verbs and (t.pos_ in ("VERB", "ADJ") or (t.i == at and key in lex.count_nouns)):
                        return unit, lex.count_verbs[key]  # "511 wounded", "Five dead, dozens injured"
                    if t.pos_ != "AUX" and t.lower_ not in ("have", "had", "been"):
                        break
        if noun is not None and noun.lemma_.lower() in lex.count_nouns:
            counts = lex.count_nouns[noun.lemma_.lower()]
        own = self._own_participle(noun) if noun is not None else None
        if own is not None:
            return unit, own  # "7 civilians killed, 34 civilians wounded": each noun's own verb
        # "in addition to the six who were killed": the clause's count over the sentence's verb's
        relative = self._own_relative(anchor) if self.lex.relative_subjects else None
        genitive = self._genitive_head(noun) if noun is not None and counts not in lex.own_counts else None
        if genitive is not None:
            return unit, genitive  # "о гибели 12 мирных жителей", "унёс жизни 25 человек"
        # climb to the governing verb (through prep/conj chains) for what is counted
        cur = anchor
        for _ in range(5):
            if _dep(cur) in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "prep", "npadvmod", "attr", "nummod",
                             "obl", "obj") and cur.head.i != cur.i:  # the last two: UD (ru, fr)
                if _dep(cur) == "conj" and cur.i == anchor.i and counts in lex.own_counts:
                    break  # "deux soldats tués et sept autres blessés": the noun's own count
                if (_dep(cur) == "conj" and cur.i == anchor.i and counts is None and cur.pos_ == "NOUN"
                        and cur.lemma_.lower() in lex.count_verbs):
                    counts = lex.count_verbs[cur.lemma_.lower()]
                    break  # "о пяти погибших и 24 пострадавших": a participle as a noun counts its own
                if _dep(cur) == "conj" and cur.i == anchor.i and (own_verb := clause_verb(lex, doc, cur)) is not None:
                    counts = own_verb
                    break  # "30 personnes sont mortes et 120 personnes ont été blessées": its own clause's verb
                prev, cur = cur, cur.head
                act = lex.act_of.get(cur.lemma_.lower()) or lex.act_of.get(cur.lower_)
                if (act is not None and cur.pos_ == "NOUN" and _dep(prev) == "prep" and prev.lower_ == "of"
                        and counts not in lex.own_counts):
                    counts = act
                    break  # "the killing of six fighters", "the deaths of 12 people": the act's count
                if (cur.pos_ == "NOUN" and counts not in lex.own_counts and any(c.pos_ == "AUX" and c.dep_.startswith(("cop", "aux")) for c in cur.children)
                        and lex.count_nouns.get(cur.lemma_.lower()) in lex.own_counts):
                    counts = lex.count_nouns[cur.lemma_.lower()]
                    break  # "cent soldats sont morts": a count noun as the predicate
                if cur.pos_ == "AUX" and _dep(cur) == "aux" and cur.head.pos_ in ("VERB", "ADJ"):
                    cur = cur.head  # a subject the parser hangs on the auxiliary ("officers are missing")
                if (cur.pos_ == "ADJ" and counts not in lex.own_counts and any(_dep(c) == "cop" for c in cur.children)
                        and lex.count_nouns.get(cur.lemma_.lower()) in lex.own_counts
                        and cur.lemma_.lower() not in lex.count_verbs):
                    counts = lex.count_nouns[cur.lemma_.lower()]
                    break  # "30 personnes sont mortes" (the adjective "mort"): a casualty state as the predicate
                if cur.pos_ in ("VERB", "AUX", "ADJ"):
                    key = cur.lemma_.lower()
                    if key not in lex.count_verbs and cur.lower_ in lex.count_verbs:
                        key = cur.lower_  # "are missing" (lemma "miss")
                    prt = [c.lower_ for c in cur.children if c.dep_ == "prt"
                           or (c.lower_ == "dead" and c.dep_ in ("acomp", "oprd", "advmod", "xcomp"))]
                    if prt and f"{key}_{prt[0]}" in lex.count_verbs:
                        key = f"{key}_{prt[0]}"
                    if key == "leave" and counts in lex.own_counts:
                        break  # "left 12 dead and 40 wounded": the dead are the count
                    if key == "leave":  # "left 12 people dead": the state of the victims
                        state = [c for c in cur.children if c.dep_ in ("oprd", "acomp", "advcl", "xcomp")
                                 and (c.lower_ in lex.count_verbs or c.lemma_.lower() in lex.count_verbs)]
                        if state:
                            key = state[0].lower_ if state[0].lower_ in lex.count_verbs else state[0].lemma_.lower()
                    if key not in lex.count_verbs:
                        # "chose to leave", "were forced to flee": the verb the subject controls
                        xcomp = [c.lemma_.lower() for c in cur.children if c.dep_ == "xcomp"]
                        key = next((x for x in xcomp if x in lex.count_verbs), key)
                    phrase = self._phrase(cur) if key not in lex.count_verbs else None
                    if key in lex.count_verbs:
                        counts = lex.count_verbs[key]
                    elif phrase is not None:
                        counts = phrase  # "perdu la vie", "получили ранения"
                    elif counts is None or counts in lex.who_counts:
                        # "put the death toll at 40", "the toll rose to 40", "the number of dead
                        # soldiers rose to 89": what the verb's subject or object counts (over a
                        # noun that only says who: "put the toll at 400 soldiers")
                        counts = self._told_count(cur) or counts
                    break
            else:
                break
        if relative is not None and counts in lex.own_counts:
            return unit, relative  # a casualty count the climb took from the sentence's verb
        if counts not in lex.own_counts and (told := attributive_count(lex, doc, last, noun)) is not None:
            return unit, told  # "reported 53 dead villagers": the word before the noun, over "reported"
        return unit, counts
