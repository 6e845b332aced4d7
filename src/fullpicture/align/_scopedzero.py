"""A zero told for one scope: no rival to another side's count of the whole.

"Nobody outside the building was hurt" says that no one in one scope was hurt; it leaves open how
many were hurt inside, so set against another side's "ten were wounded" it makes a false dispute.
Likewise a zero of one class of people ("no civilians were injured") says nothing of a count that
names no class: only a count of that same class can contradict it. The words that limit a zero's
scope are per-language data (``data/figures/counts.toml`` [zero_scopes]); every side is read alike.
"""

from __future__ import annotations

import functools
import re

from fullpicture.models import Analysis, Figure

_CLAUSE_END = re.compile(r"[,;:.!?\n()]")
_SENTENCE_BREAK = re.compile(r"[.!?;\n]\s")
#: populations that name no one class of people
_GENERIC = frozenset({"people", "mixed"})


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[dict[str, tuple[re.Pattern[str], ...]], dict[str, tuple[re.Pattern[str], ...]]]:
    from fullpicture._data import data_toml

    data = data_toml("figures", "counts.toml").get("zero_scopes", {})

    def compiled(table: str) -> dict[str, tuple[re.Pattern[str], ...]]:
        return {lang: tuple(re.compile(p, re.I) for p in ps) for lang, ps in data.get(table, {}).items()}

    return compiled("after"), compiled("before")


def _zero(f: Figure) -> bool:
    return f.value == 0 and not f.high


def scoped_zero(a: Analysis, f: Figure) -> bool:
    """Whether the figure is a zero whose clause limits it to one scope ("no one was injured
    outside the headquarters", "nobody on the ground was hurt", "sans victimes parmi les civils"):
    ``counts.toml`` [zero_scopes] after, on its clause's words after it (at most 90 characters), or
    [zero_scopes] before, on its sentence's words before it."""
    if not _zero(f):
        return False
    after_pats, before_pats = _patterns()
    lang = a.document.language or "en"
    tail = a.text[f.end : f.end + 90]
    cut = _CLAUSE_END.search(tail)
    after = tail[: cut.start()] if cut else tail
    before = _SENTENCE_BREAK.split(a.text[max(0, f.start - 60) : f.start])[-1]
    return any(p.search(after) for p in after_pats.get(lang, ())) \
        or any(p.search(before) for p in before_pats.get(lang, ()))


def class_zero_apart(fa: Figure, pa: str, fb: Figure, pb: str) -> bool:
    """Whether one of two values is a zero of one class of people ("no civilians were hurt") and
    the other a count of no class or another ("ten were wounded"): the zero leaves the other's
    people uncounted, so the pair is no clash."""
    return (_zero(fa) and pa not in _GENERIC and pb != pa and not _zero(fb)) \
        or (_zero(fb) and pb not in _GENERIC and pa != pb and not _zero(fa))
