"""Keep the long-lived heap out of Python's cyclic garbage collector.

A full (generation 2) collection walks every container object of the process: the spaCy
model, the lexicons, the gazetteer's records, the learned models' feature maps. Analysis
allocates many short-lived lists and strings (the attribution tagger alone builds about 34
feature strings a token), which triggers such collections every few documents, each walking
the same few hundred thousand objects that live as long as the process. ``gc.freeze()``
moves the objects alive at that moment into a permanent generation the collector skips.
Reference counting still frees them as before, and the objects allocated later are
collected as usual, so no result depends on it; it only saves collector time. It is done
once per process, after the first batch, when every component has built what it builds on
first use (``[pipeline] gc_freeze``).

:func:`raise_threshold` makes the young generation's collections rarer (``[pipeline]
gc_threshold``): with the default threshold (700 net container allocations) a run of 100 news
texts makes about a thousand of them and some full ones while the model and lexicons load,
each walking the objects that survive it; most of what analysis allocates is freed by
reference counting long before a larger threshold is reached. Collections still come (so
memory stays bounded), only less often; no result depends on when they come.
"""

from __future__ import annotations

import gc

_FROZEN: list[bool] = []


def freeze_once(enabled: bool = True) -> bool:
    """Freeze the objects alive now (once per process); True when this call froze them."""
    if not enabled or _FROZEN or not hasattr(gc, "freeze"):
        return False
    gc.freeze()
    _FROZEN.append(True)
    return True


def raise_threshold(gen0: int) -> bool:
    """Raise the collector's first-generation threshold to ``gen0`` (never lower it; the
    older generations' thresholds kept); True when this call raised it. Process-wide, as
    :func:`freeze_once`."""
    current = gc.get_threshold()
    if gen0 <= current[0]:
        return False
    gc.set_threshold(gen0, *current[1:])
    return True
