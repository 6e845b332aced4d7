"""Per-document work of ``fp_entities``: collect mentions, geoparse, link actors, cluster.

:func:`collect` gathers the candidate spans (NER entities, demonyms, datelines, surnames,
capitalised runs, untagged divisions), looks each name up in the gazetteer (inflected,
cross-script and abbreviated names included, with :mod:`._namecheck`), resolves them together,
keeps the places the evidence supports (:mod:`._verdict`), then adds repeats, streets, demonyms
and person roles and clusters the mentions.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.places._contained import contained_place, typed_division
from fullpicture.nlp.places._coref import Mention, cluster, definite_roles, person_roles
from fullpicture.nlp.places._divisions import (
    admin_region,
    declined_candidates,
    declined_forms,
    one_per_span,
    russian_candidates,
    untagged_divisions,
    whole_names,
)
from fullpicture.nlp.places._embedded import (
    EMBED_LABELS,
    country_run,
    dateline_places,
    demonym_modifier,
    embedded_names,
    ethnonym_tokens,
    region_demonyms,
)
from fullpicture.nlp.places._evidence import (
    PERSON_TITLES_BEFORE,
    PLACE_LABELS,
    POSSESSIVE,
    before_feature,
    capitalised_runs,
    city_state,
    feature_split,
    governed_locative,
    leading_feature,
    locative,
    state_school,
    strip_det,
    surname_locative,
    trim_lowercase_head,
    weekday_names,
)
from fullpicture.nlp.places._metonymy import demonym_sides, is_actor_position
from fullpicture.nlp.places._namecheck import (
    _abbreviation,
    _demonym_countries,
    _dictionary_form,
    _dictionary_word,
    _nationality_noun,
)
from fullpicture.nlp.places._regions import FEATURE_KINDS
from fullpicture.nlp.places._repeats import (
    drop_nested_places,
    one_label_per_name,
    place_acronyms,
    repeat_mentions,
    short_division_names,
    team_names,
)
from fullpicture.nlp.places._resolve import PlaceIndex, is_acronym, resolve_all
from fullpicture.nlp.places._streets import street_city, street_spans
from fullpicture.nlp.places._translit import fold
from fullpicture.nlp.places._verdict import accept_places
from fullpicture.nlp.places._wordlists import Lexicon

_MISTYPED = frozenset({"PRODUCT", "DATE", "WORK_OF_ART", "TIME", "LANGUAGE"})




def collect(doc: Doc, pi: PlaceIndex, lex: Lexicon, cfg: dict[str, Any]) -> list[Mention]:
    """All mentions of the document, places resolved, actors marked, clusters keyed."""
    pcfg = cfg["places"]
    labels = set(cfg["labels"])
    person_tokens: set[str] = set()
    toks = token_arrays(doc)  # the token attributes as lists: no Token object per token
    text, pos, ents = toks.text, toks.pos, toks.ents
    for ent in ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            # a trailing all-capital token ("... Lazenby US-based") is no part of a name
            person_tokens.update(fold(text[k]) for k in range(ent.start, ent.end) if not (text[k].isupper() and len(text[k]) <= 3))
    # words of two-word names NER tags as a person or an organisation ("Lester Holt" as ORG)
    name_parts = frozenset(person_tokens | {fold(text[k]) for e in ents if e.label_ == "ORG" and len(e) == 2
                                            and all(pos[k] == "PROPN" for k in range(e.start, e.end)) for k in range(e.start, e.end)})
    # the document's authors (byline, metadata) are people wherever NER puts them
    info = doc._.fp_info
    authors = {fold(a.name) for a in (info.authors if info is not None else []) if a.name}
    for name in authors:
        if len(name.split()) > 1:
            person_tokens.update(name.split())
    # Demonyms ("Serbian", "Ukrainian forces") stand for their state; with a side noun, as actor.
    side_starts = {start: cc for start, _end, cc in demonym_sides(doc, lex)}
    demonym_toks: dict[int, tuple[str, bool]] = {}
    ethno = ethnonym_tokens(doc, lex)  # "African Americans": a people, no place
    region_dems = region_demonyms(doc, pi, lex, ethno)  # "European", "Central American" -> continent/region
    region_toks = {i for s, (e, _r) in region_dems.items() for i in range(s, e)} | ethno
    for i, word in enumerate(text):
        # demonym_modifier's own first test, read from the lists before a Token is built
        if word[:1].isupper() and fold(word) in lex.demonyms and i not in region_toks and demonym_modifier(doc, doc[i], lex):
            demonym_toks[i] = (lex.demonyms[fold(word)], i in side_starts)
    for start, cc in side_starts.items():
        if start not in ethno:
            demonym_toks[start] = (cc, True)
    raw: list[tuple[int, int, str]] = []
    schools: set[int] = set()  # first tokens of "Ohio State"-like names
    taken: set[int] = set(demonym_toks) | ethno
    for start, (end, _idx) in region_dems.items():
        taken.update(range(start, end))
    dem_taken = set(taken)
    tagged = frozenset(fold(e.text).removeprefix("the ") for e in ents if e.label_ in ("GPE", "LOC"))
    weekdays = weekday_names(doc.lang_ or "en")
    for ent in ents:
        taken.update(range(ent.start, ent.end))
        if all(i in dem_taken for i in range(ent.start, ent.end)):
            continue
        if ent.end - ent.start == 1 and ent.text.lower() in weekdays:
            continue  # "Vendredi, le porte-parole ...": a day, never a place
        if (ent.end - ent.start > 1 and ent.label_ != "PERSON" and text[ent.end - 1].lower() in lex.day_name_heads
                and text[ent.end - 2][:1].isupper()):
            continue  # "Independence Day", "Liberation Day": a named day, no word of it a place
        if ent.label_ not in labels:
            # a name NER typed as something else ("in Chattanooga" as PRODUCT, "in Manbij" as
            # DATE): a candidate when it is all proper nouns after a place preposition
            # ("speaks in Spanish": a language, whose name is a nationality adjective, is none)
            # or before a feature noun ("the Yelenovka detention center" as PRODUCT)
            if (ent.label_ in _MISTYPED and all(pos[k] == "PROPN" for k in range(ent.start, ent.end))
                    and (locative(doc, ent.start, ent.end, lex) or before_feature(doc, ent.end, lex))
                    and not (ent.label_ == "LANGUAGE" and fold(ent.text) in lex.demonyms)):
                raw.append((ent.start, ent.end, ""))
            continue
        start = strip_det(doc, ent.start, ent.end)
        end = ent.end
        if (ent.label_ in PLACE_LABELS and end - start > 1 and doc[start].lower_ in lex.elided_articles
                and not pi.candidates(doc[start:end].text, pcfg["skeleton_min_pop"], False)):
            start += 1  # "l'Arménie": the place is Arménie
        # "North Carolina's", "the United States'": the place is the name without the possessive
        if ent.label_ in PLACE_LABELS and end - start > 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in POSSESSIVE):
            end -= 1
        # "Spokesperson Narine Hakobyan": the person is the name without the role before it
        while ent.label_ == "PERSON" and end - start > 2 and doc[start].lower_ in lex.titles:
            start += 1
        label = ent.label_
        if label in ("GPE", "LOC") and state_school(doc, start, end, pi, pcfg["skeleton_min_pop"]):
            label = "ORG"  # "Mississippi State" (a university, its team): the state is embedded
            schools.add(start)
        run = country_run(doc, start, end, pi, pcfg["skeleton_min_pop"]) if label in PLACE_LABELS else []
        raw += [(s, e, label) for s, e in run] or [(start, end, label)]
        if (label in EMBED_LABELS and len(ent) >= 2) or label != ent.label_:
            raw += [(s, e, "EMB") for s, e in embedded_names(doc, start, end, pi, dem_taken, pcfg["skeleton_min_pop"], tagged,
                                                                      pcfg.get("embedded_min_pop", 100_000))]
    datelines = dateline_places(doc, taken)
    raw += [(s, e, "") for s, e in datelines]
    taken.update(i for s, e in datelines for i in range(s, e))
    # Surnames of people named in full elsewhere, left untagged by NER ("Pashinyan added").
    surnames = {fold(text[e.end - 1]) for e in ents if e.label_ == "PERSON" and len(e) > 1}
    for i, word in enumerate(text):
        if i not in taken and pos[i] == "PROPN" and fold(word) in surnames:
            raw.append((i, i + 1, "PERSON"))
            taken.add(i)
    raw += [(s, e, "") for s, e in capitalised_runs(doc, taken, lex, cfg["max_name_tokens"])]
    raw += untagged_divisions(doc, pi, taken, pcfg["skeleton_min_pop"])
    raw = whole_names(doc, pi, one_per_span(raw, PLACE_LABELS), pcfg.get("embedded_min_pop", 100_000))
    raw = one_per_span([admin_region(doc, pi, r, pcfg["skeleton_min_pop"]) for r in raw], PLACE_LABELS)
    streets = [(s, e) for s, e in street_spans(doc) if not any(  # a landmark ("Downing Street") resolves as one
        pi.place(i).kind not in ("city", "admin2") for i, _v in pi.candidates(doc[s:e].text, pcfg["skeleton_min_pop"], False))]
    raw = [r for r in raw if not any(s < r[1] and r[0] < e for s, e in streets)]
    mentions: list[Mention] = []
    # names the document tags as places on their own ("Nenagh" for "Nenagh MDC")
    own_names = frozenset(fold(doc[s:e].text).removeprefix("the ") for s, e, lab in raw if lab in ("GPE", "LOC"))
    named_ccs: set[str] | None = None  # countries whose people the document names, read when first needed
    place_spans: list[tuple[str, list[tuple[int, bool]]]] = []
    place_ms: list[Mention] = []
    feature_end: dict[int, tuple[int, int]] = {}
    inner: set[str] = set()
    # nominatives read from case endings ("Баньске" -> "Баньска"); "" for a name found as written
    forms: dict[int, str] = {}
    for start, end, label in raw:
        m = Mention(start, end, label, doc[start:end].text)
        mentions.append(m)
        if len(m.text) < 2 or (label == "NORP" and fold(m.text) in lex.demonyms):
            continue
        if label in ("GPE", "LOC") and _nationality_noun(doc, start, end, lex):
            m.label = "NORP"  # "le Biélorusse", "l'Ukrainien", "les Français": people, no place
            continue
        folded = fold(m.text)
        if folded in authors:
            m.label = "PERSON"
            continue
        # a word of a person's name elsewhere is a person here too, unless a place preposition
        # governs it ("in Riverdale", though NER took "Riverdale Luke Oil" for a person)
        person_word = folded in person_tokens and not (label == "PERSON" and folded not in surnames
                                                        and governed_locative(doc, start, end, lex))
        if label not in PLACE_LABELS and (person_word or (start > 0 and doc[start - 1].lower_.rstrip(".") in PERSON_TITLES_BEFORE)):
            if label in ("NORP", "ORG") and end - start == 1 and folded in surnames:  # "Stepanyan said"
                m.label = "PERSON"
            continue
        # the surname of a person the document names in full needs more than "to"/"in" before it
        # ("references to Machado", "a role in Machado's citizenship": Alicia Machado)
        if label in ("GPE", "LOC", "FAC", "") and folded in person_tokens and not (
                surname_locative(doc, start, end, lex) if folded in surnames else locative(doc, start, end, lex)):
            m.label = "PERSON"
            continue
        feature = feature_split(doc, start, end, lex)
        if feature and any(pi.place(i).kind in FEATURE_KINDS for i, _v in pi.candidates(m.text, pcfg["skeleton_min_pop"], False)):
            feature = None  # the feature itself is a record ("Dulles International Airport", "Kerch bridge")
        # "barrage de Kakhovka" (fr, ru): the feature's noun first, the place after it
        lead = leading_feature(doc, start, end, lex) if not feature and doc.lang_ not in ("en", "xx") else None
        nstart = lead or start
        loose = label in ("GPE", "LOC") or locative(doc, start, end, lex)
        name = doc[nstart : feature or end].text if feature or lead else m.text
        cands = pi.candidates(name, pcfg["skeleton_min_pop"], loose)
        if not cands and doc.lang_ not in ("en", "xx"):  # inflected names: "Степанакерте" -> "степанакерт"
            cands = pi.candidates(" ".join(t.lemma_ for t in doc[nstart : feature or end]), pcfg["skeleton_min_pop"], loose)
            if is_acronym(name) and len(name) <= 5:  # an acronym: a state or region ("ДНР"), no town ("FAR" -> Pharr)
                cands = [c for c in cands if pi.place(c[0]).kind in ("country", "continent", "admin1", "region", "user")]
        if not cands and doc.lang_ == "ru":  # "Новой Каховки", "Херсонская область", "Херсонское"
            cands = russian_candidates(doc, pi, nstart, feature or end, label, loose, pcfg)
        if not cands and doc.lang_ == "ru" and not feature and not lead:  # "в Смаре": "Смара"
            declined = declined_candidates(pi, name, doc.lang_, pcfg["skeleton_min_pop"], loose)
            if declined:
                (forms[id(m)], cands) = declined
        lemma = " ".join(t.lemma_ for t in doc[nstart : feature or end]) if not name.isascii() else ""
        lemma = lemma[:1].upper() + lemma[1:]
        if cands and doc.lang_ not in ("en", "xx") and lemma:
            # beside a namesake's alternate name ("Кашмир" of Cashmere, Washington), the
            # places whose Latin name the Cyrillic one spells (the region Kashmir)
            hit = pi.cross_script([name, lemma], exact_only=True, any_size=True)
            cands += [c for c in (hit[1] if hit else []) if c[0] not in {i for i, _v in cands}]
        if not cands and loose and doc.lang_ not in ("en", "xx") and lemma and not _dictionary_word(doc, name):
            # a Cyrillic name the gazetteer holds only in Latin letters ("в Баньске": Banjska);
            # not a word of the language's dictionary ("Луна", "Нева", "Британия" have Russian
            # forms of their own: the Latin "Luna", "Nawá", "Brittany" they spell are others)
            tries = [name, lemma] + (declined_forms(name, doc.lang_) if not feature and not lead else [])
            hit = pi.cross_script(tries)
            if hit:
                cands = hit[1]
                if hit[0] != name and not feature and not lead:
                    forms[id(m)] = hit[0]
        if not cands and label == "ORG" and end - start == 1 and not (start > 0 and doc[start - 1].pos_ == "PROPN"):
            # "SA" (NER: an organisation) in a story about South Africans: the country its
            # initials spell when the document names that country or its people; never after
            # a name ("Nestlé SA", a company's legal form)
            countries = [c for c in pi.abbreviation(m.text) if pi.place(c[0]).kind == "country"]
            if countries and named_ccs is None:
                named_ccs = _demonym_countries(doc, lex)
            cands = [c for c in countries
                     if pi.place(c[0]).cc in (named_ccs or ()) or fold(pi.place(c[0]).name) in own_names]
            if cands:
                m.label = label = "GPE"
        if not cands and label in ("GPE", "LOC") and not feature and not lead and fold(name).isascii():
            # a village in another romanization ("Dovgivka" for Dovhivka; "Zelenobirsk
            # Raionsky", a district town, not the city whose name is its first word): the whole
            # name's romanization skeleton at any size; the ranking keeps a small place only in
            # a first-level division the document places another name in
            cands = pi.candidates(name, 1, True)
        if not cands and (label in ("GPE", "LOC") or (start, end) in datelines) and not feature and not lead:
            # "Western US", "South Venezuela"; a dateline's "SOUTH WAZIRISTAN" (an agency)
            name, cands = (contained_place(pi, m.text, pcfg.get("embedded_min_pop", 100_000), own_names)
                           or (name, typed_division(pi, m.text) or _abbreviation(doc, pi, start, m.text, own_names)))
            trim_lowercase_head(doc, m, name)
        if not cands:
            if label in ("", "EMB"):
                mentions.pop()
            elif lead and label in ("GPE", "LOC"):
                m.label = "FAC"  # "hôpital Al-Ahli": a facility, whose name is no place
            elif label in ("GPE", "LOC") and doc.lang_ not in ("en", "xx") and (
                    "." in m.text.strip(".") or (is_acronym(m.text) and len(m.text) <= 5)):
                m.label = "ORG"  # a web address ("Observateur.info") or initials ("FAMa") no gazetteer knows
            continue
        if (start, end) in datelines and not (end < len(doc) and doc[end].text == ","):
            # a dateline city standing alone is one the wire's readers know without its state
            # or country (AP style: "GENEVA (Reuters)"): the most populous of the name
            cands = [max(cands, key=lambda c: (pi.place(c[0]).pop, -c[0]))]
        place_spans.append((name, cands))
        place_ms.append(m)
        if feature or lead or label == "EMB" or before_feature(doc, end, lex):  # inside a larger name ("Yida camp")
            inner.add(fold(name).removeprefix("the "))
        if feature or lead:
            feature_end[id(m)] = (nstart, feature or end)
    city_state(doc, pi, place_ms, place_spans)
    # the state in a university's name gives the others no context ("Mississippi State" beat
    # Louisville: Louisville is not moved to Mississippi)
    resolved = resolve_all(pi, place_spans, pcfg, frozenset(k for k, m in enumerate(place_ms) if m.label == "EMB" and m.start in schools),
                           frozenset(inner))
    extra, doubted = accept_places(doc, pi, lex, pcfg, place_ms, resolved, feature_end, datelines, name_parts)
    # one sense per document: a place NER tagged but words of the dictionary name ("on Miami
    # Beach") is the place that the same name is, with evidence, elsewhere in the document
    # (not a name the document also gives a person: "Alicia Machado", "references to Machado")
    people = surnames | {fold(m.text) for m in mentions if m.label == "PERSON" and m.end - m.start == 1}
    placed = {(fold(m.text), m.place) for m in mentions if m.place is not None and not m.embedded}
    for m, idx in doubted:
        if (fold(m.text), idx) in placed and fold(m.text) not in people:
            p = pi.place(idx)
            m.place, m.label, m.key = idx, ("LOC" if p.kind == "continent" or m.label == "LOC" else "GPE"), ("P", str(idx))
    mentions = [m for m in mentions if m.key != ("DROP",) and not (m.label in ("", "EMB") and m.place is None)]
    mentions += repeat_mentions(doc, mentions, frozenset(lex.demonyms) | frozenset(lex.continent_demonyms) | people)
    known = {id(m) for m in mentions}
    mentions = place_acronyms(doc, mentions)  # "in the DPR" after "the Donetsk People's Republic"
    for m in mentions:  # "the SADR declared ...", "SADR President": the state as actor or affiliation
        if id(m) not in known and m.place is not None and pi.place(m.place).kind in ("country", "user"):
            m.actor = is_actor_position(doc[m.start], lex) or doc[m.start].dep_ in ("compound", "poss")
    short_division_names(mentions, pi, pcfg["near_km"])
    cities = [(m.start, m.place, pi.place(m.place).pop) for m in mentions if m.place is not None and pi.place(m.place).kind in ("city", "capital")]
    for s, e in streets:  # "Royal Street": at the city the document places it in
        city = street_city(doc, (s, e), cities)
        if city is not None:
            mentions.append(Mention(s, e, "LOC", doc[s:e].text, place=city, key=("STREET", fold(doc[s:e].text), str(city))))
    for i, (cc, actor) in sorted(demonym_toks.items()):
        ci = pi.gaz.country_of.get(cc)
        key = ("P", str(ci)) if ci is not None else ("NORP", cc)
        mentions.append(Mention(i, i + 1, "GPE", doc[i].text, place=ci, key=key, actor=actor))
    for i, (end, ri) in sorted(region_dems.items()):
        mentions.append(Mention(i, end, "LOC", doc[i:end].text, place=ri, key=("P", str(ri))))
    # a one-word name after a person's title somewhere ("President Obama") is a person
    # everywhere, and no small town (the headline's "Obama, others vow ..." is no town in Japan)
    titled = {fold(m.text) for m in mentions if m.end - m.start == 1 and m.start > 0
              and (doc[m.start - 1].lower_.rstrip(".") in PERSON_TITLES_BEFORE or doc[m.start - 1].lower_ in lex.kin_nouns)}
    for m in mentions:
        if (m.end - m.start == 1 and m.place is not None and not m.embedded and fold(m.text) in titled
                and pi.place(m.place).kind in ("city", "admin2") and pi.place(m.place).pop < pcfg.get("alternate_min_pop", 0)):
            m.label, m.place, m.key, m.actor = "PERSON", None, None, False
    one_label_per_name(mentions, person_tokens | titled, authors)
    team_names(doc, mentions, pi, lex.team_cue_words, pcfg.get("alternate_min_pop", 0))
    for m in mentions:
        if m.label == "PERSON" and m.key is None:
            m.roles = person_roles(doc, m.start, m.end, lex)
    mentions += extra
    taken = {i for m in mentions for i in range(m.start, m.end)}
    mentions += definite_roles(doc, taken, lex)
    mentions = drop_nested_places(mentions, frozenset(lex.demonyms) | frozenset(lex.continent_demonyms))
    mentions.sort(key=lambda m: (m.start, -m.end))
    if doc.lang_ == "ru":  # case forms of one name cluster together ("Пескова" with "Дмитрий Песков")
        for m in mentions:
            m.form = _dictionary_form(doc, pi, m, forms.get(id(m)), pcfg["skeleton_min_pop"])
    cluster(mentions, lex)
    return mentions
