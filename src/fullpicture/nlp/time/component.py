"""``fp_time``: tag and normalize time expressions (TimeML TIMEX3) and track narrative time.

Writes ``doc._.fp_timexes`` (list of :class:`~fullpicture.models.Timex`), ``token._.fp_timex``
and ``doc._.fp_narrative`` (the story's reference time by character offset; dates outside the
story's zones, such as a photo caption's, set none). Expressions
relative to the time of writing ("yesterday", "last year") resolve against the publication
date, and against the narrative when there is none; anaphoric ones ("two days later",
"that day") and dates written without a year resolve against the narrative.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from fullpicture.models import TimeAnchor, Timex
from fullpicture.nlp._doctext import doc_text
from fullpicture.nlp.extensions import synced
from fullpicture.nlp.time._calendar import Ref, day_list, parse_ref
from fullpicture.nlp.time._checks import Env, accept
from fullpicture.nlp.time._days import h_pod, h_spelled, h_time, h_weekend
from fullpicture.nlp.time._grammar import Candidate, compiled_rules, find_candidates
from fullpicture.nlp.time._infer import DEFAULT_SOURCES, InferredAnchor, infer_anchor, latest_day
from fullpicture.nlp.time._intl import load_grammar, tag_intl
from fullpicture.nlp.time._lexicon import Lexicon, load_lexicon
from fullpicture.nlp.time._points import (
    h_century,
    h_decade,
    h_half,
    h_holiday,
    h_iso,
    h_month,
    h_month_day,
    h_quarter,
    h_relday,
    h_relunit,
    h_season,
    h_slash,
    h_weekday,
    h_year,
)
from fullpicture.nlp.time._recall import load_recall, recall_years
from fullpicture.nlp.time._resolve import Context, Result
from fullpicture.nlp.time._spans import (
    h_ago,
    h_bare,
    h_duration,
    h_plwd,
    h_ref,
    h_set,
    h_setword,
    h_times,
    h_unitlong,
    h_vague,
    h_yearago,
)
from fullpicture.nlp.zones import NON_STORY_ZONES, zone_kind_at

_HANDLERS: dict[str, Callable[[Candidate, Context], Result | None]] = {
    "iso": h_iso, "slash": h_slash, "time": h_time, "mdy": h_month_day, "dmy": h_month_day,
    "my": h_month, "decade": h_decade, "century": h_century, "year": h_year, "quarter": h_quarter,
    "half": h_half, "season": h_season, "holiday": h_holiday, "weekday": h_weekday,
    "relday": h_relday, "pod": h_pod, "relunit": h_relunit, "ago": h_ago, "yearago": h_yearago,
    "duration": h_duration, "unitlong": h_unitlong, "vague": h_vague, "bareunits": h_bare,
    "ref": h_ref, "weekend": h_weekend, "spelled": h_spelled, "set": h_set, "times": h_times,
    "setword": h_setword, "plwd": h_plwd,
}


_STAND_IN = Ref(date(2000, 6, 15), "D")


def reference_date_at(doc: Doc, char: int) -> str | None:
    """The narrative reference time (TIMEX3 value) in force at character ``char`` of ``doc``.

    It is the last calendar date the text set before ``char`` (explicit, or resolved like
    "two days later"), else the publication date (or the reference time inferred for an
    undated document), else None.
    """
    narrative = doc._.fp_narrative or []
    i = bisect_right([off for off, _ in narrative], char) - 1
    if i >= 0:
        return str(narrative[i][1])
    anchor = doc._.fp_time_anchor
    if anchor is not None and len(anchor.value) == 10:
        return str(anchor.value)
    info = doc._.fp_info
    published = getattr(info, "published", None) if info is not None else None
    ref = parse_ref(str(published)[:10]) if published else None
    return ref.day.isoformat() if ref is not None else None


def sentence_tense(doc: Doc, env: Env, char: int, lex: Lexicon) -> str | None:
    """PAST, FUTURE, MODAL ("would", "might") or PRESENT for the clause governing ``char``.

    None when the doc is not parsed or no governing verb is found.
    """
    if not len(doc) or not env.parsed:
        return None
    tok = doc[env.token_index(char)]
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    for _ in range(3):
        auxes = [ch for ch in tok.children if ch.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in lex.future_aux for a in auxes):
            return "FUTURE"
        if tok.tag_ == "VBN" and not auxes and tok.dep_ in ("acl", "relcl", "advcl"):
            return "PAST"  # reduced relative: "the deal, announced Friday, ..."
        if any(a.lower_ in lex.modal_forward for a in auxes):
            return "MODAL"
        if tok.dep_ in ("xcomp", "ccomp", "advcl") and tok.tag_ == "VB" and tok.head.lemma_.lower() in lex.future_heads \
                and not _be_with_complement(tok.head):
            return "FUTURE"
        if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return "PAST"
        if any(a.lemma_ == "have" and a.tag_ != "VB" for a in auxes):  # perfect: "has held", "have been searching"
            return "PAST"
        if tok.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "PRESENT"
        if tok.head.i == tok.i or tok.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp"):
            break
        tok = tok.head
    return None


def _be_with_complement(head: Token) -> bool:
    """"be" with an adjective or noun complement ("it was hard for them to learn ..."): the
    infinitive hanging on it tells no plan, unlike "is to hold talks"."""
    return head.lemma_.lower() == "be" and any(ch.dep_ in ("acomp", "attr") for ch in head.children)


class TimeTagger:
    """Finds, normalizes and anchors time expressions."""

    def __init__(self, settings: dict[str, Any]) -> None:
        section = settings.get("time", {}) if isinstance(settings, dict) else {}
        self.year_from = str(section.get("year_from", "published"))
        self.signal_window = int(section.get("signal_window", 12))
        self.window = int(section.get("narrative_window", 400))
        self.tense_days = int(section.get("tense_days", 62))
        self.full_date_days = int(section.get("full_date_days", 0))
        self.past_days = int(section.get("yearless_past_days", 31))
        self.recalled_days = int(section.get("recalled_ahead_days", 0))
        self.year_after = bool(section.get("year_after_date", True))
        self.year_before = bool(section.get("year_before_date", False))
        self.recalled_previous = bool(section.get("recalled_previous_year", False))
        # without a publication date, infer the reference time from the text (see _infer)
        self.infer = bool(section.get("infer_anchor", True))
        self.infer_from = tuple(str(x) for x in section.get("infer_from", DEFAULT_SOURCES))
        self.lex = load_lexicon()
        compiled_rules()  # compile once, at pipeline build time
        language = str(settings.get("pipeline", {}).get("language", "en")) if isinstance(settings, dict) else "en"
        # other languages: the data-driven grammar of data/time/<language>.toml
        self.intl = load_grammar(language) if language != "en" else None

    @synced
    def __call__(self, doc: Doc) -> Doc:
        info = doc._.fp_info
        published = getattr(info, "published", None) if info is not None else None
        dct = parse_ref(str(published)[:10]) if published else None
        inferred: InferredAnchor | None = None
        if dct is None and self.infer:
            first, _ = self._tag_any(doc, None)
            env = Env(doc)
            tense_at = lambda ch: sentence_tense(doc, env, ch, self.lex)  # noqa: E731
            address = getattr(info, "url", None) or getattr(info, "source", None)
            inferred = infer_anchor(first, doc_text(doc), tense_at, self.infer_from, address)
            dct = inferred.ref if inferred is not None else None
            if inferred is not None and inferred.reason in ("latest date", "latest month"):
                # dates the first anchor completed ("On July 14" after "12 June 2014") may
                # move the narrative's latest day further: anchor there
                later = latest_day(self._tag_any(doc, dct)[0], tense_at)
                if later is not None and later[0].day > inferred.ref.day:
                    inferred = InferredAnchor(later[0], later[0].day.isoformat(), "latest date", later[1].start, later[1].end, later[1].text)
                    dct = inferred.ref
        timexes, narrative = self._tag_any(doc, dct)
        # a date in a caption, a footer or an editor's note is no time of the story's narrative
        narrative = [(off, v) for off, v in narrative if zone_kind_at(doc, off) not in NON_STORY_ZONES]
        if inferred is not None:
            for tx in timexes:
                if tx.anchor == "published":
                    tx.anchor = "inferred"
            doc._.fp_time_anchor = TimeAnchor(
                value=inferred.value, anchor="inferred", reason=inferred.reason,
                evidence=inferred.text, start=inferred.start, end=inferred.end,
            )
        elif dct is not None:
            doc._.fp_time_anchor = TimeAnchor(value=dct.day.isoformat(), anchor="published")
        doc._.fp_timexes, doc._.fp_narrative = timexes, narrative
        for tx in doc._.fp_timexes:
            span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
            if span is not None:
                for tok in span:
                    tok._.fp_timex = tx.id
        return doc

    def _tag_any(self, doc: Doc, dct: Ref | None) -> tuple[list[Timex], list[tuple[int, str]]]:
        """English grammar, or the data-driven grammar of another language."""
        if self.intl is not None:
            return tag_intl(self.intl, doc_text(doc), dct, self.full_date_days, self.past_days, self.recalled_days,
                            self.year_after, self.recalled_previous, self.year_before)
        return self.tag(doc, dct)

    def tag(self, doc: Doc, dct: Ref | None) -> tuple[list[Timex], list[tuple[int, str]]]:
        """Timexes of ``doc`` given the document creation time, and the narrative trail."""
        env = Env(doc)
        text = doc_text(doc)
        ctx = Context(
            lex=self.lex, dct=dct, year_from=self.year_from, narrative_window=self.window,
            tense_days=self.tense_days, full_date_days=self.full_date_days, extra={"text": text},
        )
        timexes: list[Timex] = []
        narrative: list[tuple[int, str]] = []
        # Validity must not depend on what the text offers as anchors: dry-run with a stand-in date.
        dry = Context(lex=self.lex, dct=dct or _STAND_IN, year_from=self.year_from, extra={"text": text})

        def valid(c: Candidate) -> bool:
            return accept(c, env) and _HANDLERS[c.rule](c, dry) is not None

        for cand in find_candidates(text, valid):
            ctx.tense = sentence_tense(doc, env, cand.start, self.lex)
            ctx.pos = cand.start
            res = _HANDLERS[cand.rule](cand, ctx)
            if res is None:
                continue
            typ, value, mod, anchor = res
            if mod is None and typ in ("DATE", "TIME"):
                mod = self._signal_mod(env, cand.start)
            start, end = cand.start, cand.end
            # "7, 8 and 9 May", "May 7, 8 and 9": one expression, its first day, no story day
            listed = day_list(text, start, end, value, self.lex.list_joiners) if cand.rule in ("dmy", "mdy") else None
            if listed is not None:
                start, end, value = listed
            timexes.append(
                Timex(
                    id=f"t{len(timexes) + 1}", start=start, end=end, text=text[start:end],
                    type=typ, value=value, anchor=anchor, mod=mod,  # type: ignore[arg-type]
                )
            )
            if listed is None:
                self._update_narrative(ctx, typ, value, anchor, cand.start, narrative)
        recall_years(load_recall("en"), text, timexes, dct.day if dct is not None else None, narrative, self.recalled_days,
                     self.year_after, self.recalled_previous, self.year_before)
        return timexes, narrative

    def _signal_mod(self, env: Env, start: int) -> str | None:
        word = env.prev_word(start)
        if start - env.text.rfind(word, 0, start) > self.signal_window + len(word):
            return None
        return self.lex.signals.get(word)

    @staticmethod
    def _update_narrative(
        ctx: Context, typ: str, value: str, anchor: str, start: int, narrative: list[tuple[int, str]]
    ) -> None:
        if typ not in ("DATE", "TIME") or anchor == "none":
            return
        ref = parse_ref(value) if "X" not in value[:10] else None
        if anchor == "explicit":  # a year written: the last full date, or none after another year
            ctx.last_full = ref if ref is not None and ref.gran == "D" else None
        if ref is None:
            return
        if ref.gran == "Q" and anchor != "narrative":
            ctx.last_quarter = ref
        if anchor in ("explicit", "narrative") or ref.gran == "D":
            ctx.narr_year = ref.year
        if anchor in ("explicit", "narrative"):
            ctx.narr_year_pos = start
        if ref.gran in ("D", "M") and (anchor != "published" or ref.gran == "D"):
            ctx.narr = ref
            narrative.append((start, value[:10]))


@Language.factory("fp_time", default_config={"settings": {}})
def make_component(nlp: Language, name: str, settings: dict[str, Any]) -> TimeTagger:
    """Factory for ``fp_time``."""
    return TimeTagger(settings)
