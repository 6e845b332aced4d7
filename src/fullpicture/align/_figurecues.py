"""The cues of whom a figure counts, read around its number: the population classes of
``data/figures/counts.toml``, the partitive, including, added and severity phrases, a number
inside a modifier, the ranked, a population noun's class, the ``[align]`` switches these read,
and the populations never compared (``_NEVER``) or compared only with themselves
(``_SUBGROUPS``). Split from ``_figurevalues`` (which re-exports these names)."""

from __future__ import annotations

import functools
import re
from typing import Any

from fullpicture._data import language_words
from fullpicture.align._runningcount import campaign_words, running_count
from fullpicture.models import Analysis, Figure


@functools.lru_cache(maxsize=1)
def _populations() -> tuple[dict[str, str], frozenset[str]]:
    from fullpicture._data import data_toml

    data = data_toml("figures", "counts.toml")
    pops = {k.lower(): str(v) for k, v in data.get("populations", {}).items()}
    return pops, frozenset(w.lower() for w in data.get("not_people", {}).get("nouns", []))


_PARTITIVE = re.compile(r"^\s+of\s+(?:the|his|her|their|its|my|our|your|them|those|these|whom)\b", re.I)
_INCLUDING = re.compile(r"^[^.;\n]{0,40}?(?:\bincluding(?!\s+(?:some|many|several|most|those)\b)|\bamong them|(?<!many )(?<!most )(?<!some )(?<!several )"
                        r"(?<!all )(?<!few )(?<!none )\bof (?:whom|them))\b", re.I)
# ("35 prisoners, many of whom had guarded the depot", "30 detainees including some who ...": a
# vague part told about them, no breakdown of the count into classes)


# a count added to one told before: "eight guards were also injured"; "two more prisoners
# died" after a count of the dead (not "five were killed and 12 more wounded")
_ADDED = re.compile(r"^(?:(?!\b(?:who|that|which)\b)[^.;,\n]){0,50}?\b(?:were|was|are|is|have been|has been|had "
                    r"been)\s+also\b", re.I)
_MORE = re.compile(r"^\s+more\b", re.I)
# a count a person's possessive opens ("his three brothers", "her two sons"): one family's dead
_POSSESSED = re.compile(r"\b(?:her|his|my)\s+$", re.I)


# a number joined by a hyphen to the word after it is part of a modifier ("a twelve-storey block",
# "a six-floor tower"), no count
_COMPOUND = re.compile(r"-([^\W\d_]+)")


def _modifier_number(a: Analysis, f: Figure) -> bool:
    """A number joined by a hyphen to a word that is not its own unit ("a twelve-storey block" whose
    count is of blocks): a modifier's number, no count ("a 6.1-magnitude quake" is its magnitude)."""
    hit = _COMPOUND.match(a.text[f.end : f.end + 30])
    return hit is not None and hit.group(1).lower() != (f.unit or "").lower().split(" ")[0]

# a count of the worst hurt among the injured is a part of the injured
_SEVERITY = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:were\s+|are\s+|was\s+)?(?:seriously|critically|severely|badly|gravely)\s+"
                       r"(?:injured|wounded|hurt|ill|burned)\b", re.I)
_SEVERITY_AFTER_NUMBER = re.compile(r"^\s*(?:of them\s+|of whom\s+)?(?:seriously|critically|severely|badly|gravely)\b"
                                    r"|^\s+(?:[\w-]+\s+){0,3}?in (?:a\s+)?(?:serious|critical|grave) condition", re.I)


@functools.lru_cache(maxsize=1)
def _bare_partitive() -> re.Pattern[str] | None:
    """"one of victims killed": a partitive on a bare plural noun of the dead or hurt
    (``counts.toml`` [parts] ``sets``), as a translated report writes it without an article."""
    from fullpicture._data import data_toml

    sets = [w for w in data_toml("figures", "counts.toml").get("parts", {}).get("sets", []) if w.isascii()]
    return re.compile(r"^\s+of\s+(?:" + "|".join(map(re.escape, sets)) + r")\b", re.I) if sets else None


def _partitive(after: str) -> bool:
    """A part of a group told right after a number: "three of the four soldiers", "one of
    victims killed"."""
    bare = _bare_partitive()
    return bool(_PARTITIVE.match(after) or (bare is not None and bare.match(after)))


def _same_count_elsewhere(a: Analysis, f: Figure) -> bool:
    """The document states another figure of the same count, before or after ``f`` ("two more
    died in hospital, bringing the toll to 60": the total told after the increment)."""
    return any(g is not f and g.counts == f.counts and (g.start, g.end) != (f.start, f.end) for g in a.figures)


def _align_cfg(cfg: dict[str, Any] | None) -> dict[str, Any]:
    """``cfg``, or the shipped ``[align]`` settings when None (a direct caller, such as a test,
    that passes none)."""
    if cfg is None:
        from fullpicture.settings import load_settings

        return dict(load_settings().section("align"))
    return cfg


def _flag(cfg: dict[str, Any] | None, key: str) -> bool:
    """``[align] key`` of ``cfg``, of the shipped settings when None."""
    return bool(_align_cfg(cfg).get(key, False))


def _exodus_count(a: Analysis, f: Figure, cfg: dict[str, Any] | None) -> bool:
    """A running count of the people who fled ("so far 3,000 have fled", ``[align]
    figure_running_counts``) whose sentence names no war: the exodus's own count as it stood, no
    campaign's total (:mod:`._runningcount`)."""
    return running_count(f, _align_cfg(cfg)) and not campaign_words(a, f)


def _since_days(cfg: dict[str, Any] | None) -> int:
    """``[align] figure_total_since_days`` of ``cfg``, of the shipped settings when None."""
    return int(_align_cfg(cfg).get("figure_total_since_days", 0))


def _ranked(a: Analysis, f: Figure) -> bool:
    """A count of commanders or leaders: a rank word (``counts.toml`` [ranks]) among the words
    from its number to the end of its noun ("two senior fighters", "deux chefs militaires")."""
    ranks = language_words("figures", "counts.toml", "ranks", a.document.language)
    after = a.text[f.end : f.end + 50]
    if f.unit:
        k = after.lower().find(f.unit.lower())
        after = after[: k + len(f.unit)] if k >= 0 else after.split(",")[0]
    words = {w.strip("\"'“”«»()[],.;:").lower() for w in after.split()[:4]}
    return bool(ranks & words)


def _noun_population(noun: str) -> str | None:
    """The population class of a noun (``counts.toml`` [populations]), None when unknown."""
    pops = _populations()[0]
    last = noun.split()[-1] if noun else ""
    for key in (noun, last, last[:-1] if last.endswith("s") else last,
                last[:-3] + "man" if last.endswith("men") else last):
        if key in pops:
            return pops[key]
    return None


# "staff": a facility's own people; "commanders": the ranked among the dead (``_ranked``)
_SUBGROUPS = frozenset({"children", "women", "men", "adults", "staff", "commanders"})
# "quoted": a number the outlet cites at a distance as another's words (``_figureaside``)
# "later": a count told in a document published long after the row's day (``_figureitems``)
_NEVER = frozenset({"things", "part", "total", "earlier", "denied", "recalled", "quoted", "later"})
