"""Row labels after each step of the incident rows, for a tracer (evaluation only).

The rows are made in stages: the mention clustering, the unions of one document's happenings
(definite anaphors, same place, told bare), the attachments (consequences, acts of word,
inquiries, steps of an aftermath), then the row steps of ``[align]`` one after another
(``_incidents._rows``), and last the anaphoric nouns (``_anaphorrows``). A tracer set with
:func:`tracing` is called after each stage with the stage's name, the mentions it labels and
their labels, so that an evaluation can tell which stage first put two mentions in one row
(``eval/rowtrace.py``). Nothing is traced when no tracer is set; the rows never depend on it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from fullpicture.align._eventpairs import MentionFeatures

#: ``tracer(stage, mentions, labels)``
Tracer = Callable[[str, Sequence[MentionFeatures], Sequence[int]], None]

_TRACER: ContextVar[Tracer | None] = ContextVar("fullpicture_row_tracer", default=None)


@contextmanager
def tracing(tracer: Tracer) -> Iterator[None]:
    """Call ``tracer`` after each stage of the incident rows made inside the ``with`` block."""
    token = _TRACER.set(tracer)
    try:
        yield
    finally:
        _TRACER.reset(token)


def note(stage: str, feats: Sequence[MentionFeatures], labels: Sequence[int]) -> None:
    """Tell the tracer, if one is set, the labels after ``stage``."""
    tracer = _TRACER.get()
    if tracer is not None:
        tracer(stage, feats, list(labels))


def note_unions(stage: str, feats: Sequence[MentionFeatures], events: Sequence[int], uf: Any) -> None:
    """Tell the tracer, if one is set, the labels after a stage of unions of ``events`` (``uf``:
    a union-find over event labels)."""
    if _TRACER.get() is not None:
        note(stage, feats, [uf.find(events[i]) for i in range(len(feats))])
