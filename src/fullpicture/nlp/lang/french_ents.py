"""French NER corrections: the French model's spans made readable as the layers expect.

Rules (each can be left out by name, for ablation):

* ``line_break``: a name never runs over a line break; the span is cut there into its pieces
  (a headline's last word and the dateline under it are two names).
* ``org_head``: a span tagged as a place that opens with an institution's head noun
  (``institution_nouns``: "ministère arménien de la Défense") is an organisation; the head is
  the whole hyphenated word ("état-major" of "État-major général", whose "État" alone the
  tagger may take for a place).
* ``linker_end``: a span ending with a linking word ("Ministère de la santé du") is cut before
  it; an organisation so cut right before another name is joined to that name ("... du Hamas");
  a span left without a capitalised word ("delta du") is dropped.
* ``no_letter``: a span without a letter is no name ("74" opening a sentence, "74 personnes
  étaient à bord", tagged as a place): dropped, so the number stays a figure.

Language data: ``data/lang/entities.fr.toml``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from fullpicture._data import data_toml
from fullpicture.nlp.lang.lines import split_at_line_breaks

RULES = ("line_break", "org_head", "linker_end", "no_letter")
_ELIDED = frozenset({"l'", "l’", "d'", "d’"})


@lru_cache(maxsize=1)
def _config() -> dict[str, Any]:
    cfg = data_toml("lang", "entities.fr.toml")
    return {k: frozenset(v) if isinstance(v, list) else v for k, v in cfg.items()}


def _head(span: Span) -> str:
    """The first word of ``span`` in lower case, after an elided article ("l'armée" -> "armée"),
    as written between spaces: a hyphenated word whole, also where the span ends inside it
    ("État" of "État-major" -> "état-major")."""
    k = span.start + 1 if span[0].text.lower() in _ELIDED and len(span) > 1 else span.start
    doc = span.doc
    end = k + 1
    while end < len(doc) and not doc[end - 1].whitespace_ and "-" in doc[end - 1].text[-1:] + doc[end].text[:1]:
        end += 1
    return doc[k:end].text.lower()


def _org_head(ent: Span, nouns: frozenset[str]) -> Span:
    head = _head(ent) if ent.label_ in ("GPE", "LOC") else ""
    if head in nouns and (len(ent) > 1 or len(head) > len(ent.text)):
        return Span(ent.doc, ent.start, ent.end, label="ORG")
    return ent


def _linker_end(doc: Doc, ents: list[Span], linkers: frozenset[str]) -> list[Span]:
    out: list[Span] = []
    k = 0
    while k < len(ents):
        ent = ents[k]
        end = ent.end
        while end > ent.start + 1 and doc[end - 1].text.lower() in linkers:
            end -= 1
        if end == ent.end:
            out.append(ent)
        elif ent.label_ == "ORG" and k + 1 < len(ents) and ents[k + 1].start == ent.end:
            out.append(Span(doc, ent.start, ents[k + 1].end, label="ORG"))
            k += 1
        elif any(t.text[:1].isupper() for t in doc[ent.start : end]):  # "delta du": no name left
            out.append(Span(doc, ent.start, end, label=ent.label_))
        k += 1
    return out


def refine_french(doc: Doc, ents: list[Span], skip: frozenset[str] = frozenset()) -> list[Span]:
    """The French model's spans of ``doc`` (labels already PERSON/GPE/ORG) corrected by the
    rules of the module docstring; ``skip`` names rules of :data:`RULES` to leave out."""
    cfg = _config()
    if "line_break" not in skip:
        ents = split_at_line_breaks(doc, ents)
    if "org_head" not in skip:
        ents = [_org_head(e, cfg["institution_nouns"]) for e in ents]
    if "linker_end" not in skip:
        ents = _linker_end(doc, ents, cfg["name_linkers"])
    if "no_letter" not in skip:
        ents = [e for e in ents if any(ch.isalpha() for ch in e.text)]
    return ents
