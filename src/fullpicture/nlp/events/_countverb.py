"""A figure the parse links to no trigger, told as "the number of those who <verb> rose to N".

"The number of residents who have fled the town has risen to 7,500": the number hangs on "risen",
no happening; the happening it counts is told by the verb inside the subject ("fled"), whose count
(``count_verbs`` of the figures layer: flee -> displaced) is the figure's. Such a figure joins the
one event of its sentence told by a verb of its count.
"""

from __future__ import annotations

from spacy.tokens import Span

from fullpicture.models import Event


def counted_event(span: Span, head_of: dict[int, Event], counts: str | None,
                  count_verbs: dict[str, str]) -> Event | None:
    """The one event of the figure's (``span``) sentence whose trigger is a verb counting what the
    figure counts (``count_verbs``: lemma -> count), none where there are none or several."""
    if not counts:
        return None
    sent = span.sent
    found = {id(ev): ev for i, ev in head_of.items()
             if sent.start <= i < sent.end and not span.start <= i < span.end
             and span.doc[i].pos_ == "VERB" and count_verbs.get(span.doc[i].lemma_.lower()) == counts}
    return next(iter(found.values())) if len(found) == 1 else None
