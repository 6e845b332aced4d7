"""What a figure counts: the noun, verb or phrase that says who or what a number is of.

:class:`CountFinder` holds the part of :class:`~fullpicture.nlp.figures._extract.FigureExtractor`
that reads the parse around a number found by the extractor: its unit and counted noun, the
governing verb climbed to through the dependency tree, a participle or relative clause of the
noun's own, a genitive head (ru/uk), a verb-object phrase, a toll or "number of" subject, and
the verb right before the figure. The extractor inherits it; it reads only ``self.lex``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from fullpicture.nlp._shared import doc_text
from fullpicture.nlp.figures._attributive import attributive_count
from fullpicture.nlp.figures._clauses import clause_verb
from fullpicture.nlp.figures._data import FigureLexicon
from fullpicture.nlp.figures._numbers import _dep, _magnitude, _past_aside, _past_participle

DURATION = {"hour", "day", "week", "month", "year", "decade", "minute", "century"}
# dependencies of a noun: an adjective that has one is used as a noun ("40 terroristes", ADJ + obj)
_NOMINAL_DEPS = frozenset({"obj", "dobj", "nsubj", "nsubj:pass", "nsubjpass", "obl", "nmod", "appos"})


class CountFinder:
    """What a found number counts, read from the parse (mixed into the figure extractor)."""

    lex: FigureLexicon

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
        return k < len(doc) and doc[k].lemma_.lower() in DURATION

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
        if noun is not None and noun.lemma_.lower() in DURATION:
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
