"""Group the tagger's role spans into attributions, with the rules as fallback.

The CRF labels tokens, not relations: a cue is linked to the nearest unclaimed content and
source with no other cue between them (PolNeAR is univocal: a token plays one role in one
attribution). Pieces of one quotation interrupted by its speaker ('"X," she said, "Y"')
are joined. Naming claims ("X, which Y calls Z") are not attributions: they stay with the
rules. Every claim made here carries the tagger's mean token marginal as its confidence.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from fullpicture.nlp._intervals import index_of, pair, start_end
from fullpicture.nlp._shared import doc_text
from fullpicture.nlp.claims._conjoined import split_conjoined
from fullpicture.nlp.claims._continue import continue_paragraphs, continue_quotes
from fullpicture.nlp.claims._raw import RawClaim
from fullpicture.nlp.claims._spans import (
    balance_quotes,
    quote_spans,
    quote_window,
    source_bounds,
    span_chars,
    speech_quotes,
    subject_of,
)
from fullpicture.nlp.claims._tagger import TaggedSpan

_GAP = re.compile(r"[\s,;:—–-]*")
_GUARD = re.compile(r"[\n—–―|“”\"«»]")
_AS_BEFORE = re.compile(r"\bas\s+$", re.IGNORECASE)  # the word "as" right before a rule's source
_MAX_CONTENT_GAP = 400
_MAX_SOURCE_GAP = 200


def _join_pieces(text: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """Join content pieces separated only by source/cue spans and punctuation."""
    out: list[TaggedSpan] = []
    spans = list(spans)
    k = 0
    while k < len(spans):
        cur = spans[k]
        if cur.role != "content":
            out.append(cur)
            k += 1
            continue
        m = k + 1
        mids: list[TaggedSpan] = []
        while m < len(spans) and spans[m].role != "content":
            mids.append(spans[m])
            m += 1
        joined = False
        if mids and m < len(spans) and len(mids) <= 3 and any(s.role == "cue" for s in mids):
            nxt = spans[m]
            pos, ok = cur.end, True
            for s in [*mids, nxt]:
                if not _GAP.fullmatch(text[pos : s.start]):
                    ok = False
                    break
                pos = s.end
            if ok and _quoted(text, cur) or ok and _quoted(text, nxt):
                merged = TaggedSpan("content", cur.i, nxt.j, cur.start, nxt.end, (cur.confidence + nxt.confidence) / 2)
                out.extend(mids)
                spans[m] = merged
                k = m
                joined = True
        if not joined:
            out.append(cur)
            k += 1
    out.sort(key=lambda s: s.start)
    return out


def _quoted(text: str, s: TaggedSpan) -> bool:
    return any(ch in "“\"«”»" for ch in text[s.start : s.end])


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    if a[0] < b[1] and b[0] < a[1]:
        return 0
    return b[0] - a[1] if a[1] <= b[0] else a[0] - b[1]


def _between(cues: list[TaggedSpan], a: tuple[int, int], b: tuple[int, int], me: TaggedSpan) -> bool:
    lo, hi = min(a[1], b[1]), max(a[0], b[0])
    return any(c is not me and lo <= c.start and c.end <= hi for c in (cues[k] for k in index_of(cues, start_end).near(lo, hi)))


def _nearest(cue: TaggedSpan, spans: list[TaggedSpan], used: set[int], cues: list[TaggedSpan], max_gap: int,
             text: str | None = None) -> int | None:
    """The index of the tagged span of ``spans`` nearest the cue, not in ``used``, within ``max_gap``
    characters and with no other cue between them (``text``: also in the cue's paragraph, unless
    within 3 characters of it); None when there is none."""
    cs = (cue.start, cue.end)
    best = None
    for n in index_of(spans, start_end).near(cs[0] - max_gap, cs[1] + max_gap):
        s = spans[n]
        if n in used:
            continue
        g = _gap(cs, (s.start, s.end))
        if g > max_gap or (text is not None and not _same_paragraph(text, cs, (s.start, s.end)) and g > 3):
            continue
        if _between(cues, cs, (s.start, s.end), cue):
            continue
        if best is None or g < best[0]:
            best = (g, n)
    return None if best is None else best[1]


def _same_paragraph(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    lo, hi = min(a[1], b[1]), max(a[0], b[0])
    return "\n\n" not in text[lo:hi]


def _kind(text: str, content: tuple[int, int], cue_text: str | None, has_source: bool, quotes: list[tuple[int, int]]) -> str:
    cs, ce = content
    inside = sum(min(ce, qe) - max(cs, qs) for qs, qe in quote_window(quotes, cs, ce) if qs < ce and cs < qe)
    if inside >= 0.5 * max(1, ce - cs):
        return "direct"
    if cue_text and cue_text.lower().startswith("according"):
        return "according_to"
    return "indirect" if has_source else "unsourced"


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in (spans[k] for k in index_of(spans, pair).near(a[0], a[1])))


def _cue_subject(doc: Doc, cue: TaggedSpan) -> Token | None:
    """The parse's speaker of a tagged cue: the verb's subject (through conj/xcomp chains),
    the possessor of a nominal cue ("Trump's claim"), the object of "according to"."""
    root = doc[cue.i : cue.j].root
    if root.lower_ == "according" or root.lower_ == "to" and root.head.lower_ == "according":
        to = root if root.lower_ == "to" else next((c for c in root.children if c.lower_ == "to"), None)
        objs = [c for c in to.children if c.dep_ == "pobj"] if to is not None else []
        return objs[0] if objs else None
    if root.pos_ in ("NOUN", "PROPN"):
        poss = [c for c in root.children if c.dep_ == "poss"]
        return poss[0] if poss else None
    if root.pos_ not in ("VERB", "AUX"):
        return None
    subj = subject_of(root)
    if subj is None or subj.dep_ == "expl":
        return None
    return subj


def _source_for(
    doc: Doc, cue: TaggedSpan, sources: list[TaggedSpan], used: set[int], cues: list[TaggedSpan], content: TaggedSpan
) -> tuple[tuple[int, int], int, float | None] | None:
    """(chars, head token, confidence) of a learned cue's source.

    The tagged source holding the parse's subject of the cue wins; a subject the tagger left
    untagged gives its noun phrase (no confidence of its own); otherwise the nearest tagged
    source with no other cue between them.
    """
    subj = _cue_subject(doc, cue)
    if subj is not None and not content.i <= subj.i < content.j and not cue.i <= subj.i < cue.j:
        for n, s in enumerate(sources):
            if n not in used and s.i <= subj.i < s.j:
                used.add(n)
                return (s.start, s.end), subj.i, s.confidence
        i, j = source_bounds(subj)
        if j > i and (j <= cue.i or i >= cue.j) and (j <= content.i or i >= content.j):
            return span_chars(doc, i, j), subj.i, None
    near = _nearest(cue, sources, used, cues, _MAX_SOURCE_GAP)
    if near is None:
        return None
    used.add(near)
    s = sources[near]
    return (s.start, s.end), doc[s.i : s.j].root.i, s.confidence


def _fix_sources(doc: Doc, rules: list[RawClaim], tagged: list[TaggedSpan]) -> None:
    """Give a rule source the tagger's boundaries when exactly one tagged source overlaps it.

    The rules' guards stay: never across a line break, a dateline dash or a quotation mark,
    never cut at the right (an apposition the rules kept, "Sarandon, 69", stays), and never
    widened to the left over the "as" that opens the speaker's clause ("A, as X said, B").
    """
    text = doc_text(doc)
    sources = [s for s in tagged if s.role == "source"]
    for r in rules:
        if r.source is None or r.kind == "naming":
            continue
        lo, hi = r.source
        over = [s for s in (sources[k] for k in index_of(sources, start_end).near(lo, hi)) if s.start < hi and lo < s.end]
        if len(over) != 1 or over[0].end < hi or _GUARD.search(text[over[0].start : over[0].end]):
            continue
        if over[0].start < lo and _AS_BEFORE.search(text, over[0].start, lo):
            continue
        if (over[0].start, over[0].end) != r.source:
            r.source = (over[0].start, over[0].end)
            r.source_head = doc[over[0].i : over[0].j].root.i


def _inside(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]


def univocal(claims: list[RawClaim]) -> list[RawClaim]:
    """Drop attributions whose cue lies inside another attribution's content.

    PolNeAR (like PARC) gives a token one role in one attribution, so an attribution nested
    in the content of another ("Stein said she *plans* to join") is not a separate one; when
    two claims hold each other's cue, both stay. Naming claims are left alone: a speaker's
    naming inside what the speaker says ("she says … what she calls a 'war of words'") is how
    the report shows a side's naming (the fixture gold has them), though PolNeAR marks only
    the saying (dropping them: PolNeAR dev source exact +0.2, fixture claim recall −2.7).
    """
    att = [c for c in claims if c.kind != "naming"]
    index = index_of(att, _content)
    out = []
    for c in claims:
        a = c.cue or c.content
        if c.kind != "naming" and any(
            o is not c and _inside(a, o.content) and not _inside(o.cue or o.content, c.content)
            for o in (att[k] for k in index.near(a[0], a[1]))
        ):
            continue
        out.append(c)
    return out


def _content(c: RawClaim) -> tuple[int, int]:
    return c.content


_CONJ_TAIL = re.compile(r"\s+(?:and|but|or|while|as|because|if|when)$")
_TAIL = " \t\n,;:—–-“\"«("


def _cut_short(doc: Doc, c: RawClaim, rules: list[RawClaim], taken: list[tuple[int, int]]) -> bool:
    """Whether a learned claim whose content runs on into a rule claim ends before it: its
    cue and source clear of the rules' spans, its content after its cue, and what is left of
    the content before the first rule claim it overlaps (changed in place). A rule claim of
    a relative clause inside that content ("… a policy that critics say …") does not cut it:
    it is nested, and :func:`univocal` drops it; nor does a naming claim ("what they call")."""
    if c.cue is None or c.content[0] < c.cue[1] or _overlaps(c.cue, taken) or c.source and _overlaps(c.source, taken):
        return False
    text = doc_text(doc)
    lo, hi = c.content
    starts = []
    for r in rules:
        spans = [sp for sp in (r.source, r.cue, r.content) if sp is not None]
        if not any(sp[0] < hi and lo < sp[1] for sp in spans):
            continue
        if r.kind == "naming" or r.cue is not None and _inside(r.cue, c.content) and (
                r.source is None or text[r.source[0] : r.source[1]].lower() in _RELATIVE or _relative(doc, r.cue, lo)):
            continue
        starts.append(min(sp[0] for sp in spans))
    if starts and min(starts) <= lo:
        return False
    brk = text.find("\n\n", lo, hi)  # nor past the end of the paragraph
    end = min([*starts, brk if brk > 0 else hi])
    while end > lo and text[end - 1] in _TAIL:
        end -= 1
        m = _CONJ_TAIL.search(text, lo, end)
        if m:
            end = m.start()
    if end - lo < 3:
        return False
    c.content = (lo, end)
    return True


def _relative(doc: Doc, cue: tuple[int, int], lo: int) -> bool:
    """Whether a cue lies in a relative clause on a noun at or after ``lo``."""
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    tok = span.root if span is not None and len(span) else None
    for _ in range(3):
        if tok is None or tok.head.i == tok.i:
            return False
        if tok.dep_ in ("relcl", "acl") and tok.head.idx >= lo:
            return True
        tok = tok.head
    return False


_RELATIVE = {"which", "who", "that", "what", "whom", "whose"}


def rules_first(doc: Doc, tagged: list[TaggedSpan], rules: list[RawClaim]) -> list[RawClaim]:
    """The rules' claims (sources with the tagger's boundaries; conjoined cue verbs split,
    :mod:`._conjoined`), plus the tagger's attributions where the rules found nothing."""
    learned = merge(doc, tagged, [], fallback=False)
    split_conjoined(doc, rules)
    _fix_sources(doc, rules, tagged)
    taken = [sp for r in rules for sp in (r.cue, r.content, r.source) if sp is not None]
    out = list(rules)
    for c in learned:
        # a learned content that runs on into a rule claim is cut before it (_cut_short)
        clear = not _overlaps(c.cue or c.content, taken) and not _overlaps(c.content, taken)
        if clear or _cut_short(doc, c, rules, taken):
            out.append(c)
    out.sort(key=lambda c: (c.cue or c.content)[0])
    text = doc_text(doc)
    quotes = quote_spans(text)
    return univocal(continue_paragraphs(text, continue_quotes(text, out, quotes), quotes))


_OBJECTS = ("ccomp", "xcomp", "dobj", "attr", "oprd")


_ADDRESSEE = {"tell", "ask", "urge", "warn", "inform", "remind", "assure", "advise", "order"}


def _parse_content(doc: Doc, cue: TaggedSpan, quotes: list[tuple[int, int]]) -> TaggedSpan | None:
    """The parse's complement of a tagged cue the tagger gave no content ("backed off <some
    of his proposals>"): the clause or object after it in its sentence, or the object of
    a preposition that ends the cue ("took offense at <…>")."""
    root = doc[cue.i : cue.j].root
    last = doc[cue.j - 1]
    if root.lower_ in ("according", "to"):
        return None
    # the object of "tell", "ask", "urge" is the addressee, not what was said
    deps = _OBJECTS[:2] if root.lemma_.lower() in _ADDRESSEE else _OBJECTS
    comp = [c for c in root.children if c.i >= cue.j and c.dep_ in deps]
    if not comp and last.dep_ == "prep":
        comp = [c for c in last.children if c.dep_ in ("pobj", "pcomp")]
    if not comp:
        return None
    sent = root.sent
    i = max(min(c.left_edge.i for c in comp), cue.j)
    j = min(max(c.right_edge.i for c in comp) + 1, sent.end)
    if j <= i:
        return None
    s, e = balance_quotes(doc_text(doc), *span_chars(doc, i, j), quotes)
    return TaggedSpan("content", i, j, s, e, cue.confidence) if e > s else None


def _clause_before(doc: Doc, t: Token, cue: TaggedSpan, quotes: list[tuple[int, int]]) -> TaggedSpan | None:
    """The clause a verb's sentence opens with, hung on the verb before its subject ('"…,"
    the coach shouted'; "The rain will stop, the pilot told us"): the content of a tagged cue
    or a cue classifier's candidate (:mod:`._cues`) with no complement after it."""
    subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    comp = [c for c in t.children if c.dep_ == "ccomp" and c.i < t.i]
    if subj is None or subj.i > t.i or len(comp) != 1 or comp[0].right_edge.i >= subj.left_edge.i:
        return None
    i, j = comp[0].left_edge.i, comp[0].right_edge.i + 1
    s, e = balance_quotes(doc_text(doc), *span_chars(doc, i, j), quotes)
    return TaggedSpan("content", i, j, s, e, cue.confidence) if e > s else None


def merge(doc: Doc, tagged: list[TaggedSpan], rules: list[RawClaim], fallback: bool = True) -> list[RawClaim]:
    """Attributions from tagged spans, plus the rules' naming claims.

    With ``fallback``, a rule attribution whose cue and content the tagger left untouched
    (no tagged span overlaps either) is kept as it is, without a confidence.
    """
    text = doc_text(doc)
    spans = _join_pieces(text, sorted(tagged, key=lambda s: s.start))
    cues = [s for s in spans if s.role == "cue"]
    contents = [s for s in spans if s.role == "content"]
    sources = [s for s in spans if s.role == "source"]
    quotes = speech_quotes(doc, text)
    used_c: set[int] = set()
    used_s: set[int] = set()
    out: list[RawClaim] = []
    for cue in cues:
        cs = (cue.start, cue.end)
        near = _nearest(cue, contents, used_c, cues, _MAX_CONTENT_GAP, text)
        if near is None:
            root = doc[cue.i : cue.j].root
            content = _parse_content(doc, cue, quotes) or (
                _clause_before(doc, root, cue, quotes) if root.pos_ == "VERB" else None)
            if content is None:
                continue
        else:
            used_c.add(near)
            content = contents[near]
        src = _source_for(doc, cue, sources, used_s, cues, content)
        conf = [cue.confidence, content.confidence] + ([src[2]] if src and src[2] is not None else [])
        cue_span = doc[cue.i : cue.j]
        out.append(RawClaim(
            _kind(text, (content.start, content.end), cue_span.text, src is not None, quotes),
            (content.start, content.end), cs, cue_span.root.lemma_.lower(),
            src[0] if src else None, src[1] if src else None,
            confidence=round(sum(conf) / len(conf), 3),
        ))
    for n, c in enumerate(contents):
        # a tagged content with no cue is kept only as a quotation: PolNeAR gives every
        # attribution a cue, and on dev most unquoted ones matched no attribution
        kind = _kind(text, (c.start, c.end), None, False, quotes) if n not in used_c else ""
        if kind == "direct":
            out.append(RawClaim(kind, (c.start, c.end), confidence=round(c.confidence, 3)))
    out.extend(r for r in rules if r.kind == "naming")
    if fallback:
        taken = [(s.start, s.end) for s in spans]
        for r in rules:
            if r.kind != "naming" and not _overlaps(r.cue or r.content, taken) and not _overlaps(r.content, taken):
                out.append(r)
    out.sort(key=lambda c: (c.cue or c.content)[0])
    return out
