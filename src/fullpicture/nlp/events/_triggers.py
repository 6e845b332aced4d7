"""Event triggers: the words and phrases of a document that name a happening, typed with the
PLOVER-mapped taxonomy and the general news types (``data/events/plover.toml``, ``news.toml``),
with the tests that keep a word naming a state, a means or a support verb out."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.events._anaphors import ANAPHOR_TYPE, anaphors, is_anaphor
from fullpicture.nlp.events._crafts import crash_type, exchange_type, of_words
from fullpicture.nlp.events._data import EventLexicon, generic_lexicon
from fullpicture.nlp.events._findings import ActWords, act_type, found_with_happening
from fullpicture.nlp.events._headline import (
    bare_opener,
    candidates,
    compound_modifier,
    headline_rules,
    headline_tokens,
    in_compound,
    is_verb_slot,
)
from fullpicture.nlp.events._movers import mover_type, subject_words, told_before
from fullpicture.nlp.events._persons import acts_on_person
from fullpicture.nlp.events._phrases import FILLER_POS, match_phrase
from fullpicture.nlp.events._provenance import provenance
from fullpicture.nlp.events._ranked import ranked_within, rubric
from fullpicture.nlp.events._senses import sense_type
from fullpicture.nlp.events._transitive import acts_on_something, no_act_by_use
from fullpicture.nlp.events._uses import (
    clause_complement,
    in_means_phrase,
    names_a_place,
    of_a_state,
    participle_before_name,
    passive_state,
    resultative,
    state_participle,
)


class TriggerFinder:
    """Finds the triggers of a document (``triggers``) with one language's event lexicon."""

    def __init__(self, lex: EventLexicon, acts: ActWords, cfg: dict[str, Any], language: str) -> None:
        self.lex = lex
        # claims of responsibility and findings that tell a happening as their object
        self.acts = acts
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, typ in sorted(self.lex.phrases.items(), key=lambda kv: -len(kv[0])):
            self.by_first.setdefault(words[0], []).append((words, typ))
        # words that name a happening only in their setting (a craft's crash, a prisoner exchange)
        self.setting_words = (self.lex.crash_verbs | self.lex.crash_nouns | frozenset(self.lex.crash_participles)
                             | self.lex.exchange_words)
        # generic mentions (type OCCURRENCE) for corpora that annotate every event; off by default
        self.generic = generic_lexicon() if cfg.get("generic", False) else None
        # "the incident", "l'affaire", "этот инцидент": the happening named by an anaphoric noun
        # (a corpus that annotates every event word takes them as generic mentions)
        self.anaphors = (anaphors(language)
                         if cfg.get("anaphor_nouns", False) and self.generic is None else None)
        # title-case / all-caps headlines: capitalised words looked up by their inflections
        self.headlines = bool(cfg.get("headline_triggers", False)) and language == "en"
        # a war told this many tokens after a superlative is the span it ranks within (0: off)
        self.rank_window = int(cfg.get("ranked_setting_window_tokens", 0))
        self.headline_min_words = int(cfg.get("headline_min_words", 3))
        self.headline_min_share = float(cfg.get("headline_min_share", 0.8))
        # trigger lemmas that are not the tagger's (a headline's "Bombs" -> "bomb"), by head token
        self.lemma_of: dict[int, str] = {}

    def triggers(self, doc: Doc) -> list[tuple[int, int, str, int]]:
        """(start token, end token, type, head token) of every trigger, left to right."""
        lex = self.lex
        found: list[tuple[int, int, str, int]] = []
        typ: str | None
        taken: set[int] = set()
        findings: set[int] = set()
        self.lemma_of = {}
        lines, names = (headline_tokens(doc, self.headline_min_words, self.headline_min_share)
                        if self.headlines else (set(), frozenset()))
        toks = token_arrays(doc)  # a Token object only for the words that may be triggers
        for i, (pos, lemma_) in enumerate(zip(toks.pos, toks.lemma, strict=True)):
            if i in taken:
                continue
            lemma = lemma_.lower()
            # (a causative auxiliary may open a phrase: "a fait sauter le barrage", blew up the dam)
            if pos not in ("VERB", "NOUN", "ADJ", "PROPN") and not (pos == "AUX" and lemma in self.by_first):
                continue
            if self.anaphors is not None and pos == "NOUN" and is_anaphor(doc[i], lemma, self.anaphors):
                found.append((i, i + 1, ANAPHOR_TYPE, i))  # "the incident": the happening told elsewhere
                taken.add(i)
                continue
            if not (pos == "PROPN" or lemma in self.by_first or (pos == "VERB" and lemma in lex.verbs)
                    or (pos == "NOUN" and lemma in lex.nouns) or lemma in self.setting_words
                    or (pos == "VERB" and lemma in self.acts.verbs)):
                continue  # no branch below could take it (a phrase opens with a word of by_first)
            tok = doc[i]
            if pos == "VERB" and lemma in self.acts.verbs and (act := act_type(tok, lemma, self.acts)):
                found.append((i, i + 1, act, i))  # "claimed responsibility for", "identified the suspects"
                taken.add(i)
                if act == self.acts.finding_type:
                    findings.add(i)
                continue
            if pos == "PROPN" and tok.i in lines and tok.lower_ not in names and not in_compound(tok):
                hit = self._headline_trigger(doc, tok, lines)
                if hit is not None:
                    found.append((tok.i, hit[0], hit[1], tok.i))
                    taken.update(range(tok.i, hit[0]))
                    self.lemma_of[tok.i] = hit[2]
                    continue
            if pos == "PROPN" and len(tok.text) > 1 and tok.text.isupper() and tok.lower_ in self.lex.nouns:
                # an acronym the tagger takes for a name ("arrested on suspicion of DUI")
                found.append((tok.i, tok.i + 1, self.lex.nouns[tok.lower_], tok.i))
                taken.add(tok.i)
                self.lemma_of[tok.i] = tok.lower_
                continue
            if pos == "PROPN" and (opener := bare_opener(tok, lex.nouns)) is not None:
                pos, lemma = "NOUN", opener  # "Evacuation began ..." opening a paragraph: no name
                self.lemma_of[tok.i] = opener
            matched = False
            for words, typ in self.by_first.get(lemma, ()):
                end = match_phrase(doc, tok.i, words)
                if end is not None and of_a_state(doc[tok.i : end].root, lex.state_heads):
                    matched = True  # "режим прекращения огня": the ceasefire regime, no agreement made
                    taken.update(range(tok.i, end))
                    break
                if end is not None and " ".join(words) in lex.killings and not acts_on_person(
                        doc[tok.i : end].root, lex.persons, lex.person_pronouns):
                    continue  # "took out a loan": no one done away with
                if end is not None and " ".join(words) in lex.transitive_phrases and not acts_on_something(
                        doc[tok.i : end].root):
                    continue  # "then another unit took over": a duty handed on, nothing seized
                if end is not None:
                    found.append((tok.i, end, typ, doc[tok.i : end].root.i))
                    taken.update(range(tok.i, end))
                    matched = True
                    break
            if matched:
                continue
            if lemma in self.setting_words:
                typ = crash_type(tok, lemma, lex) or exchange_type(tok, lemma, lex)
                if typ:  # "the cargo plane fell in a field", "the swap of prisoners"
                    found.append((tok.i, tok.i + 1, typ, tok.i))
                    taken.add(tok.i)
                    if lemma in lex.crash_participles:  # "на упавшем самолёте": the verb's lemma
                        self.lemma_of[tok.i] = lex.crash_participles[lemma]
                    continue
            if pos == "VERB" and resultative(tok):
                continue  # "the blast left 150 wounded": no departure, a state of the victims
            if not self._acts_on_allowed(tok, lemma) or self._in_legal_phrase(tok):
                continue
            if pos in ("VERB", "ADJ") and lemma in lex.modifier_states and (
                    tok.dep_ == "amod" or participle_before_name(tok) or state_participle(tok)):
                continue  # "the occupied city", "in occupied Northtown": a state, no occupation of its own
            if pos == "VERB" and lemma in lex.provenance_verbs and provenance(tok, lex.provenance_things):
                continue  # "ally-supplied missiles", "guns supplied by its allies": where a weapon came from
            if self.generic is None and no_act_by_use(tok, pos, lemma, lex):
                continue  # "the bus which stopped", "Ally-backed gunmen": no one stopped, no support given
            if pos == "VERB" and lemma in lex.passive_states and passive_state(tok):
                continue  # "towns threatened by flooding", "menacées de famine": at risk, no threat made
            if pos == "VERB" and self._light_verb_of_event(tok, lemma):
                continue  # "delivered a strike": the strike is the happening, the verb its support
            if pos == "VERB" and self._frees_a_thing(tok, lemma):
                continue  # "pictures released by the army", "released payload": no one set free
            if pos == "VERB" and lemma in self.lex.modality.get("claim_verbs", ()) and clause_complement(tok):
                continue  # "soutenant avoir touché des dépôts": maintaining a claim, no support given
            if pos == "VERB" and self._occurrence_of_event(tok, lemma):
                continue  # "clashes erupted": the clashes are the happening, the verb tells it began
            if pos == "VERB":
                typ = mover_type(tok, lemma, lex.verbs.get(lemma), lex)  # "rockets arrived", "the trucks arrived"
                end = tok.i + 1
                for c in tok.children:
                    if c.dep_ == "prt" and c.i == tok.i + 1:
                        phr = lex.phrases.get((lemma, c.lower_))
                        if phr:
                            typ, end = phr, c.i + 1
                if typ:
                    found.append((tok.i, end, typ, tok.i))
                    taken.update(range(tok.i, end))
            elif pos == "NOUN" and tok.dep_ != "compound" and not (tok.tag_ == "NNS" and lemma in lex.singular_only) \
                    and not (lemma in lex.singular_only and names_a_place(tok)):
                typ = lex.nouns.get(lemma)
                if typ and lemma in lex.ranked_settings and (
                        rubric(tok) or ranked_within(tok, lex.degree_words, self.rank_window, lex.nouns)):
                    # "one of the deadliest strikes of the war": the war is a comparison class;
                    # "War in Xland: ..." a rubric (a corpus that annotates every event word still
                    # gets it, with its type)
                    if self.generic is not None:
                        found.append((tok.i, tok.i + 1, typ, tok.i))
                        taken.add(tok.i)
                    continue
                if typ and not in_means_phrase(tok, lex.means) and not of_a_state(tok, lex.state_heads):
                    found.append((tok.i, tok.i + 1, typ, tok.i))
                    taken.add(tok.i)
        if lex.senses:  # "the firing of rockets": shooting, no dismissal
            # (a word that names no happening in its sense, "buried under rubble", is still an
            # event word to a corpus that annotates every one: a generic mention there)
            blank = "OCCURRENCE" if self.generic is not None else ""
            found = [(s, e, t2, h) for s, e, t, h in found
                     if (t2 := sense_type(doc[h], self.lemma_of.get(h, toks.lemma[h].lower()), t, lex.senses) or blank)]
        kept = found_with_happening(doc, found, findings, self.acts)  # no finding of no happening
        taken -= {h for *_, h in found} - {h for *_, h in kept}  # ... but still a word of a generic corpus
        found = kept
        if self.generic is not None:
            found.extend(self._generic(doc, taken))
        found.sort()
        return found

    def _headline_trigger(self, doc: Doc, tok: Token, lines: set[int]) -> tuple[int, str, str] | None:
        """``(end token, type, lemma)`` of a capitalised word of a headline that the tagger read
        as a name ("Sudan Bombs Camp", "Lohan Checks Into Rehab", "AMD to Acquire Start-Up"):
        a phrase, an inflected verb or noun, or a bare noun (a bare verb only after "to", "will" or
        a plural subject); a word inside a hyphenated compound ("Russian-Backed") is left alone.
        Triggers restricted to some objects (``[objects]``) are left out: a headline's parse
        cannot tell them."""
        rules = headline_rules()
        lex = self.lex
        cands = candidates(tok.text, rules)
        for lemma, _ in cands:
            for words, typ in self.by_first.get(lemma, ()):
                k = tok.i + 1
                for w in words[1:]:
                    if k < len(doc) and doc[k].pos_ in FILLER_POS and doc[k].lower_ != w:
                        k += 1
                    if k >= len(doc) or w not in {c for c, _ in candidates(doc[k].text, rules)}:
                        break
                    k += 1
                else:
                    return k, typ, lemma
        verb_slot = is_verb_slot(tok, lines, rules)
        for lemma, inflected in cands:
            if lemma in lex.objects or lemma in lex.subjects:
                continue
            verb = lex.verbs.get(lemma) if inflected or verb_slot else None
            found = verb or (None if compound_modifier(tok, rules) else lex.nouns.get(lemma))
            if found:
                return tok.i + 1, found, lemma
        return None

    def _light_verb_of_event(self, tok: Token, lemma: str) -> bool:
        """A support verb (``support_verbs``) whose object names a happening ("delivered a strike",
        "conducted strikes", told passively: "the strike was delivered at dawn"): one happening,
        told by its noun."""
        if lemma not in self.lex.modality.get("support_verbs", ()):
            return False
        return any(c.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass") and c.pos_ == "NOUN"
                   and c.lemma_.lower() in self.lex.nouns for c in tok.children)

    def _frees_a_thing(self, tok: Token, lemma: str) -> bool:
        """A verb of setting people free (``freeing_verbs``) whose object is a thing
        (``released_things``: pictures, a statement, a payload): a publication or a drop, no release."""
        if lemma not in self.lex.modality.get("freeing_verbs", ()):
            return False
        things = self.lex.modality.get("released_things", frozenset())
        near = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        if tok.dep_ == "acl":  # "pictures released by the army"
            near.append(tok.head)
        return any(t.lemma_.lower() in things for t in near)

    def _occurrence_of_event(self, tok: Token, lemma: str) -> bool:
        """A verb of occurring (``occurrence_verbs``) whose subject names a happening ("clashes
        erupted", "violence flared"): one happening, told by its noun (a volcano that erupted is
        a disaster of its own). A subject whose sense names no happening here ("the conflict
        erupted": a conflict with no time of its own is the setting) leaves the verb its own."""
        if lemma not in self.lex.modality.get("occurrence_verbs", ()):
            return False
        nouns, senses = self.lex.nouns, self.lex.senses
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN" and (w := c.lemma_.lower()) in nouns
                   and (w not in senses or sense_type(c, w, nouns[w], senses)) for c in tok.children)

    def _acts_on_allowed(self, tok: Token, lemma: str) -> bool:
        """A trigger of ``[objects]`` acts on one of its lemmas ("violated the ceasefire"); one of
        ``[subjects]`` is done by one of its lemmas ("ракета упала на больницу": a rocket fell), its
        subject or the noun its relative clause hangs on ("the rocket that fell"), or, for a noun,
        its "of" phrase ("падение ракеты": the fall of a rocket; "падение цен" tells none)."""
        doers = self.lex.subjects.get(lemma)
        if doers is not None:
            doing = subject_words(tok) | (of_words(tok) if tok.pos_ == "NOUN" else set())
            if not doing & doers and not told_before(tok, doers, self.lex.stand_ins):  # "the rocket that fell", "one of the rockets"
                return False
        if lemma in self.lex.killings:  # "eliminated the commander"; "the fire was eliminated": none
            return acts_on_person(tok, self.lex.persons, self.lex.person_pronouns)
        allowed = self.lex.objects.get(lemma)
        if allowed is None:
            return True
        # (a French or Russian noun's object is its genitive modifier: "la rupture du barrage")
        near = [c for c in tok.children if c.dep_ in ("dobj", "obj", "compound", "nsubjpass", "nsubj:pass", "nmod")]
        if tok.dep_ == "acl" and "Prog" not in tok.morph.get("Aspect", []):
            # "the aid provided by", "the information provided by"; "families sheltering in the
            # gym" are the ones who shelter, not the ones sheltered
            near.append(tok.head)
        near += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "on") for g in c.children if g.dep_ == "pobj"]
        # "launched a series of missiles", "une salve de roquettes": what the measure counts
        counted = {w for t in near if t.lemma_.lower() in self.lex.measures for w in of_words(t)}
        return any(t.lemma_.lower() in allowed for t in near) or bool(counted & allowed)

    def _in_legal_phrase(self, tok: Token) -> bool:
        """A noun in "the laws or customs of war": the object of "of" under a legal head."""
        if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ != "of":
            return False
        owner = tok.head.head
        while owner.dep_ == "conj" and owner.head.i != owner.i:
            if owner.lemma_.lower() in self.lex.legal_heads:
                return True
            owner = owner.head
        return owner.lemma_.lower() in self.lex.legal_heads

    def _generic(self, doc: Doc, taken: set[int]) -> list[tuple[int, int, str, int]]:
        """Content verbs and event nouns no typed trigger took, as ``OCCURRENCE`` mentions."""
        gen = self.generic
        assert gen is not None
        out = []
        toks = token_arrays(doc)
        for i, (dep, pos, lemma_) in enumerate(zip(toks.dep, toks.pos, toks.lemma, strict=True)):
            if i in taken or dep in ("aux", "auxpass"):
                continue
            lemma = lemma_.lower()
            if (pos == "VERB" and lemma not in gen.exclude_verbs) or (
                pos == "NOUN" and dep != "compound" and lemma in gen.nouns
            ):
                out.append((i, i + 1, "OCCURRENCE", i))
        return out
