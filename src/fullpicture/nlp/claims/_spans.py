"""Span helpers for attribution extraction: token bounds, quotes, cue growth, subjects."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from weakref import ReferenceType, ref

from spacy.tokens import Doc, Token

from fullpicture.nlp._tokens import token_arrays
from fullpicture.nlp.claims._data import ClaimLexicon

# curly, straight, guillemet, and the ASCII pairs ''…'' and ``…'' (an apostrophe inside is fine)
_QUOTE_RE = re.compile(
    r"“[^“”\n]{2,}?”|\"[^\"\n]{2,}?\"|«[^«»\n]{2,}?»|(?:''|``)(?:[^'\n]|'(?!'))*?[^'\n]''"
    # a quotation that runs on into the next paragraph (closed only where it ends)
    r"|“[^“”\n]{2,}[.?!,](?=[ \t]*\n\s*“)"
    # mixed marks, a typing slip: curly opening with straight closing and the reverse, and a
    # paragraph that opens with a closing mark
    r"|“[^“”\"\n]{2,}?\"|\"[^\"“”\n]{2,}?”|(?<![^\n])”[^“”\n]{2,}?”"
)


_LAST_QUOTES: list[tuple[str, list[tuple[int, int]]]] = []


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations (quote marks included); a new list on every call, the
    spans of the last text asked kept (the layers ask for one document's several times)."""
    if _LAST_QUOTES and _LAST_QUOTES[0][0] == text:
        return list(_LAST_QUOTES[0][1])
    spans = [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]
    _LAST_QUOTES[:] = [(text, spans)]
    return list(spans)


def speech_quotes(doc: Doc, text: str) -> list[tuple[int, int]]:
    """:func:`quote_spans` less the quotation marks around a name ("командование «Юг»
    обвинило": no quotation; :func:`fullpicture.nlp.lang.quotes.name_quote`)."""
    from fullpicture.nlp.lang.quotes import name_quote

    names = [(m.start, m.end) for e in (getattr(doc._, "fp_entities", None) or []) for m in e.mentions]
    last = _LAST_SPEECH[0] if _LAST_SPEECH else None
    # the claims layer asks for one document's several times: the last answer is kept, for
    # the same Doc (alive), text and entity mentions
    if last is not None and last[0]() is doc and last[1] == text and last[2] == names:
        return list(last[3])
    out = [q for q in quote_spans(text) if not name_quote(doc, q[0], q[1], names) and not _subject_name(doc, text, *q)]
    _LAST_SPEECH[:] = [(ref(doc), text, names, out)]
    return list(out)


_LAST_SPEECH: list[tuple[ReferenceType[Doc], str, list[tuple[int, int]], list[tuple[int, int]]]] = []


def _subject_name(doc: Doc, text: str, start: int, end: int) -> bool:
    """A short capitalised quotation that a verb follows right after its closing mark, with no
    comma between, and that a determiner and a lower-case modifier open or that is one word in
    capitals: a name in quotation marks as the subject ('the self-proclaimed "Lask Republic" reported', '"LRA" said'),
    no quoted words (speech ends before its reporting verb with a comma or a stop)."""
    content = text[start + 1 : end - 1].strip()
    if not content or not content[0].isupper() or len(content.split()) > 4 or set(content) & set(".,;:!?…"):
        return False
    toks = token_arrays(doc)
    k = bisect_left(toks.idx, end)
    while k < toks.n and toks.is_space[k]:
        k += 1
    if not (k < toks.n and toks.idx[k] <= end + 1 and doc[k].pos_ in ("VERB", "AUX")):
        return False
    return _modified(doc, bisect_left(toks.idx, start) - 1, start) or (
        " " not in content and content.isupper() and len(content) >= 2)


def _modified(doc: Doc, b: int, start: int) -> bool:
    """The quotation opening at ``start`` closes a noun phrase that a determiner and a lower-case
    modifier open right before it ("the self-proclaimed", "the so-called"); ``b``: the token before
    the opening mark."""
    if b < 0 or doc[b].idx + len(doc[b].text) < start - 1:
        return False
    mods = 0
    k = b
    while k >= 0 and b - k < 4 and (doc[k].text == "-" or (doc[k].text.islower() and (
            doc[k].pos_ == "ADJ" or doc[k].tag_ == "VBN" or doc[k].pos_ == "NOUN"))):
        mods += doc[k].pos_ == "ADJ" or doc[k].tag_ == "VBN"
        k -= 1
    return mods > 0 and k >= 0 and doc[k].pos_ == "DET"


def span_chars(doc: Doc, i: int, j: int) -> tuple[int, int]:
    """Chars of tokens [i, j), trimmed of punctuation and space at both ends."""
    toks = token_arrays(doc)
    punct, space, text, idx = toks.is_punct, toks.is_space, toks.text, toks.idx
    while i < j and (punct[i] and text[i] not in "“\"«'’" or space[i]):
        i += 1
    while j > i and (punct[j - 1] and text[j - 1] not in "”\"»'’" or space[j - 1]):
        j -= 1
    if i >= j:
        return (idx[i], idx[i]) if i < toks.n else (0, 0)
    return idx[i], idx[j - 1] + len(text[j - 1])


def balance_quotes(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """Extend a span to the whole of any quotation it overlaps."""
    for qs, qe in quote_window(quotes, start, end):
        if qs < end and start < qe:
            start, end = min(start, qs), max(end, qe)
    return start, end


def subtree_bounds(tok: Token, skip: Token | None = None) -> tuple[int, int]:
    """Token bounds of a subtree, optionally leaving out one child's subtree on an edge."""
    i, j = tok.left_edge.i, tok.right_edge.i + 1
    if skip is not None:
        si, sj = skip.left_edge.i, skip.right_edge.i + 1
        if si <= i < sj:
            i = sj
        elif si < j <= sj:
            j = si
    return i, j


def subject_of(tok: Token) -> Token | None:
    """The subject of a verb, inherited through conj/xcomp chains."""
    cur: Token | None = tok
    for _ in range(4):
        if cur is None:
            return None
        for c in cur.children:
            if c.dep_ in ("nsubj", "csubj"):
                return c
        for c in cur.children:
            if c.dep_ == "agent":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                return objs[0] if objs else None
        if any(c.dep_ == "nsubjpass" for c in cur.children):
            return None
        if cur.dep_ == "acl" and cur.tag_ == "VBG" and cur.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return cur.head  # "supporters saying ...": the noun is the speaker
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.pos_ in ("VERB", "AUX"):
            cur = cur.head.head  # "responded by saying ...": the subject of "responded"
            continue
        cur = cur.head if cur.dep_ in ("conj", "xcomp", "advcl", "acomp") and cur.head.i != cur.i else None
    return None


_SOURCE_BREAKS = {"—", "–", "--", "―", "|"}
_CLOSING_QUOTES = {"”", "»", "''"}


def source_bounds(subj: Token) -> tuple[int, int]:
    """Token bounds of a source NP (its subtree without trailing relative clauses)."""
    i, j = subj.left_edge.i, subj.right_edge.i + 1
    doc = subj.doc
    # never across a line break or a dateline dash left of the head ("RENO, Nev. (AP) — X")
    for k in range(subj.i - 1, i - 1, -1):
        if "\n" in doc[k].text or _source_break(doc, k) or doc[k].text in _CLOSING_QUOTES:
            i = k + 1  # nor across the end of a quotation the parse hung on the subject
            break
    while i < subj.i and (doc[i].is_punct or doc[i].is_space):
        i += 1
    # nor in the middle of a word the parse split ("l'État-major": a source starts after a space)
    if doc[i].text[:1].isalpha():  # not a clitic ("let's": PolNeAR's source is "'s")
        while i > 0 and not doc[i - 1].whitespace_ and _word_piece(doc[i - 1]):
            i -= 1
    if subj.text.isupper() and len(subj.text) > 2:  # parsed head is the dateline city itself
        for k in range(subj.i + 1, j):
            if _source_break(doc, k):
                i = k + 1
                break
    for c in subj.rights:
        if c.dep_ in ("relcl", "acl") and c.left_edge.i > subj.i:
            j = min(j, c.left_edge.i)
    # a dateline that opens the line ("Kyiv, Ukraine — Ukraine accused", "New York (AFP) –
    # Vice President X said"): the source is what follows its dash
    brk = [k for k in range(subj.i + 1, j) if _source_break(doc, k)]
    line = i  # the line may open before the phrase: "CITY (Agency) – Title of X said", the agency the head
    while line > 0 and i - line < 3 and "\n" not in doc[line - 1].text:
        line -= 1
    if brk and brk[-1] - line <= 6 and (line == 0 or "\n" in doc[line - 1].text) and brk[-1] + 1 < j \
            and any(doc[k].text in (",", "(") for k in range(line, brk[-1])):
        i = brk[-1] + 1
    # nor a time phrase the parse hung on the head itself ("Ukraine on Tuesday", "the
    # ministry later the same day")
    k = j
    while k - 1 > subj.i and (doc[k - 1].ent_type_ in ("DATE", "TIME") or doc[k - 1].lower_ in _TIME_LEAD):
        k -= 1
    if k < j and doc[k].lower_ in _TIME_LEAD and doc[k].head.i == subj.i \
            and all(subj.i <= doc[m].head.i < j for m in range(k, j)):
        j = k
    return i, j


def _word_piece(tok: Token) -> bool:
    """Whether ``tok`` can be the first part of a word split into tokens ("l'", "État", "-")."""
    return tok.is_alpha or tok.text in ("-", "‑") or (len(tok.text) > 1 and tok.text[-1] in "'’" and tok.text[:-1].isalpha())


def _source_break(doc: Doc, k: int) -> bool:
    """Whether token ``k`` is a dash (or a bar) that a source never runs over, a hyphen with a
    space on each side typed for a dash ("BRUSSELS - Leaders said") included."""
    t = doc[k].text
    return t in _SOURCE_BREAKS or (t == "-" and k > 0 and bool(doc[k - 1].whitespace_) and bool(doc[k].whitespace_))


_TIME_LEAD = {"on", "later", "earlier"}
_CUE_LEFT = ("aux", "auxpass", "neg", "aux:tense", "aux:pass")  # English; French and Russian (UD)
_CUE_ADV = {"also", "now", "then", "even", "later", "again", "once", "further", "repeatedly", "previously", "just", "often", "already", "still", "recently", "publicly", "privately", "immediately"}
_CUE_TIME = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight"}


def day_word(tok: Token) -> bool:
    """Whether ``tok`` is a day name or "today"-like word that a cue verb can carry ("called
    Friday for …")."""
    return tok.lower_ in _CUE_TIME


def extend_cue(doc: Doc, tok: Token, i: int, j: int) -> tuple[int, int]:
    """Grow a verb cue over adjacent auxiliaries, negation, light adverbs, a day name and a colon."""
    while i > 0:
        prev = doc[i - 1]
        if prev.head == tok and (prev.dep_ in _CUE_LEFT or (prev.dep_ == "advmod" and prev.lower_ in _CUE_ADV)):
            i -= 1
        else:
            break
    if j < len(doc) and doc[j].lower_ in _CUE_TIME and doc[j].head == tok:
        j += 1
    if j < len(doc) and doc[j].text == ":":
        j += 1
    return i, j


ACCUSE_VERBS = {"accuse", "charge", "blame", "criticize", "criticise", "praise", "condemn"}


def clip_paragraph(text: str, anchor: int, start: int, end: int) -> tuple[int, int]:
    """Keep a content span inside the paragraph of its cue (no blank-line crossing)."""
    brk = text.rfind("\n\n", start, anchor)
    if brk >= 0:
        start = brk + 2
    brk = text.find("\n\n", max(anchor, start), end)
    if brk >= 0:
        end = brk
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \n\t,;:":
        end -= 1
    return start, end


def inside(char: int, spans: list[tuple[int, int]]) -> bool:
    """Whether a character offset lies strictly inside one of the spans (sorted and
    disjoint, as :func:`quote_spans` gives them)."""
    k = bisect_left(spans, char, key=_start) - 1  # the last span starting before ``char``
    return k >= 0 and spans[k][0] < char < spans[k][1]


def quote_window(quotes: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """The quotations (sorted and disjoint, as :func:`quote_spans` gives them) that end at
    or after ``lo`` and start at or before ``hi``, in order: found by bisection, so the
    look-ups of a long document do not each scan all its quotations."""
    return quotes[bisect_left(quotes, lo, key=_end) : bisect_right(quotes, hi, key=_start)]


def _start(span: tuple[int, int]) -> int:
    return span[0]


def _end(span: tuple[int, int]) -> int:
    return span[1]


def is_generic(subj: Token, lex: ClaimLexicon) -> bool:
    """A bare plural generic subject ("investigators", "health workers")."""
    if subj.lemma_.lower() not in lex.generic_subjects:
        return False
    for c in subj.children:
        if c.dep_ in ("det", "poss", "prep", "appos") or c.pos_ == "PROPN" or c.ent_type_:
            return False
    return True


def source_comma(text: str, source: tuple[int, int]) -> tuple[int, int]:
    """A source with the comma after it as PolNeAR marks it: a source set off by an inner
    comma (an apposition: "Jane Roe, the mayor,") takes the comma that closes it; one
    without ("the mayor,") leaves a trailing comma out (train: 927 of 1,006 and 798 of 803
    gold sources so)."""
    s, e = source
    body = text[s:e]
    inner = "," in body.rstrip(",")
    if inner and not body.endswith(",") and text[e : e + 1] == ",":
        return s, e + 1
    if not inner and body.endswith(",") and e - s > 1:
        return s, e - 1
    return source


def source_before_content(text: str, source: tuple[int, int], content: tuple[int, int]) -> tuple[int, int]:
    """A source that runs over a comma into its own content ends before that comma ("According
    to the paper, the mayor said …": the source is "the paper", not "the paper, the mayor")."""
    s, e = source
    if not s < content[0] < e:
        return source
    head = text[s : content[0]].rstrip(" \t\xa0")
    return (s, s + len(head) - 1) if head.endswith(",") and len(head) > 1 else source


def source_lead(text: str, source: tuple[int, int], words: frozenset[str]) -> tuple[int, int]:
    """A source without a focus word of ``words`` (lower case) at its start ("Even the mayor")."""
    s, e = source
    head, sep, _ = text[s:e].partition(" ")
    if sep and head.lower() in words:
        s += len(head)
        while s < e and text[s] == " ":
            s += 1
    return s, e


_OPENERS = "\"“'`«"
_STOP_INSIDE = re.compile(r"[.!?][\"'”’]*\s")


def quote_clause_start(text: str, content: tuple[int, int], taken: list[int], sent_start: int) -> int:
    """The start of a direct content that opens with a quotation continuing words of its own
    clause, as PolNeAR marks it ('The plan "will not work," she said': from "The plan"): the
    start of its sentence (``sent_start``, or of its line), when words stand there before the
    quotation that do not end with a comma, colon or semicolon ('She put it simply: "…"' keeps
    the quotation) and hold no position of ``taken`` (another claim's cue, the claim's own
    source); else the content's."""
    qs = content[0]
    if not 0 <= sent_start < qs < len(text) or text[qs] not in _OPENERS:
        return qs
    ss = max(sent_start, text.rfind("\n", sent_start, qs) + 1)
    pre = text[ss:qs].rstrip()
    if not pre or pre[-1] in ",;" or ":" in pre or not any(ch.isalnum() for ch in pre) or any(ss <= k < qs for k in taken) \
            or _STOP_INSIDE.search(text, ss, qs):  # a sentence the parse ran on into this one, or an abbreviation
        return qs
    while text[ss].isspace():
        ss += 1
    return ss


def content_stop(text: str, content: tuple[int, int]) -> tuple[int, int]:
    """A content without the full stop that ends its sentence, as PolNeAR marks it (train:
    8,363 of 8,444 gold contents that end at a full stop outside a quotation leave it out; a
    quotation keeps its own, '"… now."'). Headlines and the last word of a sentence glued to
    its stop ("U.S.") reach here with it."""
    s, e = content
    if e - s > 1 and text[e - 1] == "." and text[e - 2 : e - 1] not in ".”\"'’" and text[e : e + 1] not in "”\"'’":
        return s, e - 1
    return content
