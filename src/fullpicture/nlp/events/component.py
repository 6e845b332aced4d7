"""``fp_events``: event mentions typed with the PLOVER-mapped taxonomy (``data/events/plover.toml``)
and the general news types read after it (``data/events/news.toml``: courts, crime, health,
personnel, elections, business, launches, contests, awards, ceremonies, accidents).

Triggers are verbs, nominalizations and multiword phrases ("laid down their arms").
Arguments come from the dependency parse and the entity layer, the date from the time layer,
the modality from FactBank-style cues (``data/events/modality.toml``); an event inside an
attributed claim is ``reported`` and names that claim as its ``source``. Figures are linked
both ways (``event.figures``, ``figure.event``).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from fullpicture.models import Claim, Event
from fullpicture.models.events import Evidence, Trigger
from fullpicture.nlp._intervals import index_of, start_end
from fullpicture.nlp._shared import doc_text, entity_index, pipeline_language
from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.events._anaphors import ANAPHOR_TYPE, anaphors, is_anaphor
from fullpicture.nlp.events._args import arguments, blamed_ids, place_positions, title_towns
from fullpicture.nlp.events._countverb import counted_event
from fullpicture.nlp.events._crafts import crash_type, exchange_type, of_words
from fullpicture.nlp.events._data import event_lexicon, generic_lexicon
from fullpicture.nlp.events._dating import event_date
from fullpicture.nlp.events._elapsed import elapsed_date
from fullpicture.nlp.events._findings import act_type, act_words, found_with_happening
from fullpicture.nlp.events._headline import (
    bare_opener,
    candidates,
    compound_modifier,
    headline_rules,
    headline_tokens,
    in_compound,
    is_verb_slot,
)
from fullpicture.nlp.events._leadday import lead_days
from fullpicture.nlp.events._modality import modality
from fullpicture.nlp.events._movers import mover_type, subject_words, told_before
from fullpicture.nlp.events._persons import acts_on_person
from fullpicture.nlp.events._phrases import FILLER_POS, match_phrase
from fullpicture.nlp.events._provenance import provenance
from fullpicture.nlp.events._ranked import ranked_within, rubric
from fullpicture.nlp.events._senses import sense_type
from fullpicture.nlp.events._targets import attach_targets
from fullpicture.nlp.events._trail import narrative_trail, report_day, timex_positions
from fullpicture.nlp.events._transitive import acts_on_something, no_act_by_use
from fullpicture.nlp.extensions import synced
from fullpicture.nlp.figures._data import figure_lexicon
from fullpicture.nlp.zones import in_story


class EventsComponent:
    """Fills ``doc._.fp_events`` and ``figure.event``."""

    def __init__(self, nlp: Language, settings: dict[str, Any]) -> None:
        cfg = settings.get("events", {}) if isinstance(settings.get("events"), dict) else {}
        self.cfg: dict[str, Any] = cfg
        self.language = pipeline_language(settings)
        self.max_hops = int(cfg.get("figure_event_max_hops", 6))
        self.casualty_counts = frozenset(cfg.get("figure_sentence_link_counts", ()))
        self.casualty_types = frozenset(cfg.get("figure_sentence_link_types", ()))
        self.counted_verb_counts = frozenset(cfg.get("figure_counted_verb_counts", ()))
        self.back_sentences = int(cfg.get("figure_previous_sentences", 0))
        # verbs that say what a figure counts ("погибли", "killed"): a figure told by one that is
        # no event mention is left with it, not lent to another event of its sentence
        self.count_verbs = dict(figure_lexicon(pipeline_language(settings)).count_verbs)
        self.lex = event_lexicon(pipeline_language(settings))
        # claims of responsibility and findings that tell a happening as their object
        self.acts = act_words(pipeline_language(settings))
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, typ in sorted(self.lex.phrases.items(), key=lambda kv: -len(kv[0])):
            self.by_first.setdefault(words[0], []).append((words, typ))
        self.reporting = self.lex.modality["reporting_kinds"]
        # words that name a happening only in their setting (a craft's crash, a prisoner exchange)
        self.setting_words = (self.lex.crash_verbs | self.lex.crash_nouns | frozenset(self.lex.crash_participles)
                             | self.lex.exchange_words)
        # generic mentions (type OCCURRENCE) for corpora that annotate every event; off by default
        self.generic = generic_lexicon() if cfg.get("generic", False) else None
        # "the incident", "l'affaire", "этот инцидент": the happening named by an anaphoric noun
        # (a corpus that annotates every event word takes them as generic mentions)
        self.anaphors = (anaphors(pipeline_language(settings))
                         if cfg.get("anaphor_nouns", False) and self.generic is None else None)
        # title-case / all-caps headlines: capitalised words looked up by their inflections
        self.headlines = bool(cfg.get("headline_triggers", False)) and pipeline_language(settings) == "en"
        self.elapsed = bool(cfg.get("elapsed_since", False))
        self.future_inherited = bool(cfg.get("future_dates_inherited", True))
        self.labels_inherited = bool(cfg.get("label_dates_inherited", True))
        self.label_days = int(cfg.get("label_dates_min_days_before", 0))
        # a date this many days before the report's day, told after the story's recent time,
        # dates its own sentence only (< 0: off)
        self.recall_days = int(cfg.get("recalled_dates_min_days_before", -1))
        # a sentence whose stated days lie this many days apart lists happenings: no story time (0: off)
        self.list_days = int(cfg.get("listed_dates_min_span_days", 0))
        # a date right after "until / jusqu'au / до" is a deadline or a span's end: it dates no act
        self.deadlines = bool(cfg.get("deadline_dates_apart", False))
        # a date right after "as of / по состоянию на" dates a count: no act, no time of the story
        self.asofs = bool(cfg.get("asof_dates_apart", False))
        self.lead_types = frozenset(str(t).upper() for t in cfg.get("lead_act_types", []))  # _leadday
        self.lead_days = int(cfg.get("lead_act_days_before", 0))
        self.lead_min_days = int(cfg.get("lead_act_min_days_before", 1))
        # a title holder's state ("the President of Eastland") yields to the town named this close before
        self.title_town_chars = int(cfg.get("title_place_town_before_chars", 0))
        self.title_town_types = frozenset(cfg.get("title_place_town_types", []))
        self.own_clause_types = frozenset(cfg.get("own_clause_place_types", []))
        self.speaker_seats = bool(cfg.get("speaker_seat_no_place", False))
        # a war told this many tokens after a superlative is the span it ranks within (0: off)
        self.rank_window = int(cfg.get("ranked_setting_window_tokens", 0))
        self.headline_min_words = int(cfg.get("headline_min_words", 3))
        self.headline_min_share = float(cfg.get("headline_min_share", 0.8))
        # trigger lemmas that are not the tagger's (a headline's "Bombs" -> "bomb"), by head token
        self._lemma_of: dict[int, str] = {}

    def triggers(self, doc: Doc) -> list[tuple[int, int, str, int]]:
        """(start token, end token, type, head token) of every trigger, left to right."""
        lex = self.lex
        found: list[tuple[int, int, str, int]] = []
        typ: str | None
        taken: set[int] = set()
        findings: set[int] = set()
        self._lemma_of = {}
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
                    self._lemma_of[tok.i] = hit[2]
                    continue
            if pos == "PROPN" and len(tok.text) > 1 and tok.text.isupper() and tok.lower_ in self.lex.nouns:
                # an acronym the tagger takes for a name ("arrested on suspicion of DUI")
                found.append((tok.i, tok.i + 1, self.lex.nouns[tok.lower_], tok.i))
                taken.add(tok.i)
                self._lemma_of[tok.i] = tok.lower_
                continue
            if pos == "PROPN" and (opener := bare_opener(tok, lex.nouns)) is not None:
                pos, lemma = "NOUN", opener  # "Evacuation began ..." opening a paragraph: no name
                self._lemma_of[tok.i] = opener
            matched = False
            for words, typ in self.by_first.get(lemma, ()):
                end = match_phrase(doc, tok.i, words)
                if end is not None and _of_a_state(doc[tok.i : end].root, lex.state_heads):
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
                        self._lemma_of[tok.i] = lex.crash_participles[lemma]
                    continue
            if pos == "VERB" and _resultative(tok):
                continue  # "the blast left 150 wounded": no departure, a state of the victims
            if not self._acts_on_allowed(tok, lemma) or self._in_legal_phrase(tok):
                continue
            if pos in ("VERB", "ADJ") and lemma in lex.modifier_states and (
                    tok.dep_ == "amod" or _participle_before_name(tok) or _state_participle(tok)):
                continue  # "the occupied city", "in occupied Northtown": a state, no occupation of its own
            if pos == "VERB" and lemma in lex.provenance_verbs and provenance(tok, lex.provenance_things):
                continue  # "ally-supplied missiles", "guns supplied by its allies": where a weapon came from
            if self.generic is None and no_act_by_use(tok, pos, lemma, lex):
                continue  # "the bus which stopped", "Ally-backed gunmen": no one stopped, no support given
            if pos == "VERB" and lemma in lex.passive_states and _passive_state(tok):
                continue  # "towns threatened by flooding", "menacées de famine": at risk, no threat made
            if pos == "VERB" and self._light_verb_of_event(tok, lemma):
                continue  # "delivered a strike": the strike is the happening, the verb its support
            if pos == "VERB" and self._frees_a_thing(tok, lemma):
                continue  # "pictures released by the army", "released payload": no one set free
            if pos == "VERB" and lemma in self.lex.modality.get("claim_verbs", ()) and _clause_complement(tok):
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
                    and not (lemma in lex.singular_only and _names_a_place(tok)):
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
                if typ and not _in_means_phrase(tok, lex.means) and not _of_a_state(tok, lex.state_heads):
                    found.append((tok.i, tok.i + 1, typ, tok.i))
                    taken.add(tok.i)
        if lex.senses:  # "the firing of rockets": shooting, no dismissal
            # (a word that names no happening in its sense, "buried under rubble", is still an
            # event word to a corpus that annotates every one: a generic mention there)
            blank = "OCCURRENCE" if self.generic is not None else ""
            found = [(s, e, t2, h) for s, e, t, h in found
                     if (t2 := sense_type(doc[h], self._lemma_of.get(h, toks.lemma[h].lower()), t, lex.senses) or blank)]
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

    @synced
    def __call__(self, doc: Doc) -> Doc:
        """Extract the events of one document."""
        index = entity_index(doc)
        txs = timex_positions(doc)
        trail = narrative_trail(doc, future=self.future_inherited, labels=self.labels_inherited,
                                label_days=self.label_days, recall_days=self.recall_days,
                                list_days=self.list_days, deadlines=self.deadlines, asofs=self.asofs)
        reference = report_day(doc) if self.elapsed else None
        places = place_positions(doc, index)
        lent = title_towns(doc, index, places, self.title_town_chars) if self.title_town_chars > 0 else places
        claims = [c for c in (doc._.fp_claims or []) if c.kind in self.reporting]
        claims.sort(key=lambda c: c.start)
        starts = [c.start for c in claims]
        events: list[Event] = []
        head_of: dict[int, Event] = {}
        bounds = token_arrays(doc).sents
        sent_starts = [a for a, _ in bounds]
        found = [t for t in self.triggers(doc) if in_story(doc[t[3]])]
        for n, (s, e, typ, h) in enumerate(found, 1):
            trig = doc[h]
            a, b = bounds[bisect_right(sent_starts, h) - 1]
            sent = doc[a:b]
            claim = _claim_at(claims, starts, doc[s].idx)
            agents, patients, place = arguments(doc, index, trig, sent,
                                                lent if typ in self.title_town_types else places,
                                                own_clause=typ in self.own_clause_types,
                                                speaker_seats=self.speaker_seats)
            span = doc[s:e]
            date, date_source = event_date(doc, trig, sent, txs, trail, scheduled=not self.future_inherited,
                                           deadlines=self.deadlines, asofs=self.asofs)
            recalled = elapsed_date(doc, trig, sent, reference) if reference else None
            if recalled:  # "One year has passed since the attack": the attack's day
                date, date_source = recalled, "sentence"
            ev = Event(
                id=f"e{n}", type=typ,
                trigger=Trigger(start=span.start_char, end=span.end_char, text=span.text, lemma=self._lemma_of.get(h, trig.lemma_.lower())),
                date=date, date_source=date_source,  # type: ignore[arg-type]
                place=place, agents=agents, patients=patients,
                blamed=[] if agents else blamed_ids(doc, index, trig),
                modality=modality(trig, self.lex, claim is not None),  # type: ignore[arg-type]
                source=claim.id if claim is not None else None,
                evidence=Evidence(start=sent.start_char, end=sent.end_char),
            )
            events.append(ev)
            for i in range(s, e):
                head_of[i] = ev
        if self.lead_days > 0:  # a lead's act told before any day: the day its report states for it
            dated = lead_days(events, report_day(doc), self.lead_types, self.lead_days, self.lead_min_days)
            swap = {id(old): new for old, new in zip(events, dated, strict=True)}
            head_of = {i: swap[id(ev)] for i, ev in head_of.items()}
            events = dated
        attach_targets(doc, events, self.language, self.cfg)
        self._link_figures(doc, head_of)
        doc._.fp_events = events
        return doc

    def _link_figures(self, doc: Doc, head_of: dict[int, Event]) -> None:
        for fig in doc._.fp_figures or []:
            span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
            if span is None:
                continue
            tok: Token = span[-1]
            ev = None
            own_verb = False  # the verb that says what the figure counts is no event mention
            for _ in range(self.max_hops):
                if tok.pos_ == "VERB" and self.count_verbs.get(tok.lemma_.lower()) == fig.counts and tok.i not in head_of:
                    own_verb = True
                if tok.i in head_of and tok.i not in range(span.start, span.end):
                    ev = head_of[tok.i]
                    break
                controlled = [c for c in tok.children if c.dep_ == "xcomp" and c.i in head_of]
                if controlled and tok.pos_ in ("VERB", "AUX"):  # "50,000 chose to leave": the leaving
                    ev = head_of[controlled[0].i]
                    break
                if _resultative(tok):  # "left 150 wounded": the state's event, else the cause's
                    kids = [c for c in tok.children if c.i in head_of and c.dep_ in _RESULT_DEPS]
                    subj = [c for c in tok.children if c.i in head_of and c.dep_ == "nsubj"]
                    pick = sorted(kids, key=lambda c: abs(c.i - span.start)) or subj
                    if pick:
                        ev = head_of[pick[0].i]
                        break
                    # "attacked ..., leaving 40 people dead": the event the clause depends on
                if tok.head.i == tok.i:
                    break
                tok = tok.head
            if ev is None and fig.counts in self.casualty_counts and not own_verb:
                ev = self._sentence_event(span, head_of) or self._previous_event(span, head_of)
            if ev is None and fig.counts in self.counted_verb_counts:  # "the number who fled rose to N"
                ev = counted_event(span, head_of, fig.counts, self.count_verbs)
            if ev is None:
                continue
            fig.event = ev.id
            if fig.id not in ev.figures:
                ev.figures.append(fig.id)


    def _sentence_event(self, span: Span, head_of: dict[int, Event]) -> Event | None:
        """A casualty figure the parse links to no trigger ("Five dead, dozens injured in quake",
        "confirmed 30 dead and 55 wounded"): the nearest violent or disaster event of its
        sentence (``figure_sentence_link_types``), since the dead and wounded of a sentence are
        its happening's."""
        sent = span.sent
        cands = [(abs(i - span.start), i) for i in range(sent.start, sent.end)
                 if i in head_of and head_of[i].type in self.casualty_types
                 and not (span.start <= i < span.end)]
        return head_of[min(cands)[1]] if cands else None

    def _previous_event(self, span: Span, head_of: dict[int, Event]) -> Event | None:
        """A casualty figure in a sentence that tells no violent or disaster event ("A report put
        the death toll at 100 to 300."): the last such event of the nearest of the
        ``figure_previous_sentences`` sentences before it in its paragraph, whose toll it gives."""
        doc = span.doc
        text = doc_text(doc)
        sent = span.sent
        for _ in range(self.back_sentences):
            if sent.start == 0:
                return None
            prev = doc[sent.start - 1].sent
            if "\n" in text[prev.end_char : span.start_char]:
                return None  # another paragraph
            hits = [i for i in range(prev.start, prev.end) if i in head_of and head_of[i].type in self.casualty_types]
            if hits:
                return head_of[hits[-1]]
            sent = prev
        return None


_RESULT_DEPS = ("oprd", "acomp", "advcl", "xcomp", "conj", "ccomp")
_RESULT_STATES = frozenset({"wound", "wounded", "injure", "injured", "kill", "killed", "dead", "die",
                            "homeless", "displace", "strand", "stranded", "trap", "trapped", "missing"})


def _of_a_state(tok: Token, heads: frozenset[str]) -> bool:
    """The noun modifies a noun of a standing state ("режима прекращения огня", "le régime de
    cessez-le-feu"): it names that state, no happening."""
    return bool(heads) and tok.dep_ == "nmod" and tok.head.i != tok.i and tok.head.lemma_.lower() in heads


def _in_means_phrase(tok: Token, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """The noun is a word of a phrase of means ("с помощью штурмовых отрядов", "à l'aide de
    drones": by means of): it names no happening."""
    doc = tok.doc
    for words in phrases:
        for k in range(len(words)):
            start = tok.i - k
            if start < 0 or start + len(words) > len(doc):
                continue
            if all(doc[start + j].lower_.replace("’", "'") == w for j, w in enumerate(words)):
                return True
    return False


def _names_a_place(tok: Token) -> bool:
    """"the settlement of Northtown", "near the Northtown settlement": the noun names a place, by
    its proper name after "of" or a proper name it heads."""
    doc = tok.doc
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i for c in tok.children):
        return True
    return tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" and doc[tok.i + 2].text[:1].isupper()


def _clause_complement(tok: Token) -> bool:
    """The verb has a clause as its complement ("soutient que la frappe visait", "soutenant avoir
    touché"), not a noun."""
    return any(c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX") for c in tok.children)


def _resultative(tok: Token) -> bool:
    """"leave" with a resulting state of its object ("left 150 wounded", "left hundreds homeless")."""
    if tok.lemma_.lower() != "leave":
        return False
    if any(c.dep_ in ("oprd", "acomp") or (c.dep_ in _RESULT_DEPS and c.lemma_.lower() in _RESULT_STATES)
           for c in tok.children):
        return True
    # "the attack leaves 12 civilians dead": the parser hangs the state on the object
    return any(c.dep_ == "dobj" and any(g.dep_ == "amod" and g.i > c.i and g.lemma_.lower() in _RESULT_STATES for g in c.children)
               for c in tok.children)


def _claim_at(claims: list[Claim], starts: list[int], char: int) -> Claim | None:
    """The narrowest attributed claim whose content holds ``char``."""
    best = None
    k = bisect_right(starts, char)
    for c in (claims[n] for n in index_of(claims, start_end).near(char, char) if n < k):
        if c.start <= char < c.end and (best is None or c.end - c.start < best.end - best.start):
            best = c
    return best


@Language.factory("fp_events", default_config={"settings": {}})
def make_component(nlp: Language, name: str, settings: dict[str, Any]) -> EventsComponent:
    """Factory for ``fp_events``."""
    return EventsComponent(nlp, settings)


def _state_participle(tok: Token) -> bool:
    """A past participle hung on a noun after it with no agent ("des armes interdites", "territories
    occupied since 2014"): it tells the noun's state ("the city occupied by X" tells who did it)."""
    return (tok.dep_ == "acl" and "Part" in tok.morph.get("VerbForm", []) and "Past" in tok.morph.get("Tense", [])
            and not any(c.dep_ in ("agent", "obl:agent") for c in tok.children))


_ACTIVE_AUX = frozenset({"have", "avoir"})
_AGENT_ENTS = frozenset({"PERSON", "PER", "ORG", "GPE", "NORP", "LOC"})


def _passive_state(tok: Token) -> bool:
    """A past participle told passively or as an adjective ("80 towns are threatened by the
    flood", "menacées de famine", "se sentant menacés") whose agent, if any, is no one (no name,
    no pronoun, no named group): a state of risk, no act. "Has threatened" (an active perfect)
    and "threatened by the rebels' leader X" stay acts."""
    if "Part" not in tok.morph.get("VerbForm", []) or "Past" not in tok.morph.get("Tense", []):
        return False
    if any(c.dep_.startswith("aux") and c.lemma_.lower() in _ACTIVE_AUX for c in tok.children):
        return False
    for c in tok.children:
        agent = c if c.dep_ == "obl:agent" else next((g for g in c.children if g.dep_ == "pobj"), None) \
            if c.dep_ == "agent" else None
        if agent is not None and (agent.pos_ in ("PROPN", "PRON") or agent.ent_type_ in _AGENT_ENTS):
            return False
    return True


def _participle_before_name(tok: Token) -> bool:
    """A past participle between a preposition and a proper name ("in occupied Northtown"),
    which the parser may read as a clause of its own, even as a finite verb (VBD, which cannot
    follow a preposition): it modifies the name."""
    doc = tok.doc
    return (tok.tag_ in ("VBN", "VBD") and 0 < tok.i < len(doc) - 1
            and doc[tok.i - 1].pos_ == "ADP" and doc[tok.i + 1].pos_ == "PROPN")
