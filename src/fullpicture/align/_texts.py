"""The texts a comparison embeds with MiniLM, per analysis (for embedding them ahead, at ingest)."""

from __future__ import annotations

from fullpicture.align._eventfeat import doc_text, lemma_of, sentence_of
from fullpicture.align._util import outside_story
from fullpicture.models import Analysis


def embedding_texts(a: Analysis, events: bool = True, claims: bool = True) -> list[str]:
    """Every text :func:`fullpicture.align.compare` embeds for this analysis: its event
    sentences and trigger lemmas (events of the story zones), its first words when it has no
    such event (``events``), and its claims (not the editor's, not outside the story; ``claims``)."""
    out: list[str] = []
    n_events = 0
    for ev in a.events if events else ():
        if outside_story(a, ev.evidence.start):
            continue
        n_events += 1
        out.append(sentence_of(a, ev))
        out.append(lemma_of(ev) or ev.trigger.text)
    if events and not n_events:
        out.append(doc_text(a))
    if claims:
        out += [c.text for c in a.claims if c.kind != "editor" and not outside_story(a, c.start)]
    return list(dict.fromkeys(out))
