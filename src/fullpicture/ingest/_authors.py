"""Authors and their affiliations, from bylines, metadata and author bios."""

from __future__ import annotations

import re

from fullpicture.ingest._cues import NAME, load_cues
from fullpicture.ingest._zones import Unit
from fullpicture.models import Author, Offsets

_NAME_FULL = re.compile(rf"^{NAME}$")
# A byline chunk that is a date or time stamp, not a name ("3 October 2023", "Updated 2h ago").
_MONTHS = re.compile(r"\d|\b(?:updated|published|posted|hours?|minutes?|ago|yesterday|today)\b", re.I)
_AFFIL = re.compile(
    r"\b(?:at|with|of|for)\s+(?:the\s+)?(?P<org>[A-Z0-9][^;,.()]{2,100}?)\s*(?:[;,.()]|\bwhere\b|\bsince\b|$)"
)
_SPLIT_NAMES = re.compile(r"\s+(?:and|&|und|et|и)\s+|\s*,\s*")


def _clean_name(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" ,.;:-–—|*_")


def _byline_authors(u: Unit) -> list[Author]:
    m = load_cues().byline.match(u.text.strip())
    if not m:
        return []
    rest = m.group("rest")
    lead = len(u.text) - len(u.text.lstrip())
    base = u.start + lead + m.start("rest")
    rest = re.split(r"\s+[|–—]\s+|\s+-\s+|\n", rest)[0]
    names: list[tuple[str, int]] = []
    affiliation: str | None = None
    pos = 0
    for chunk in re.split(r"(,)", rest):
        if chunk == ",":
            pos += 1
            continue
        piece = chunk.strip()
        if not piece or _MONTHS.search(piece):
            if piece:
                break
            pos += len(chunk)
            continue
        parts = [p for p in _SPLIT_NAMES.split(piece) if p.strip()]
        is_org = bool(load_cues().org.search(piece))
        if not is_org and all(_NAME_FULL.match(_clean_name(p)) for p in parts):
            for p in parts:
                off = rest.find(p.strip(), pos)
                names.append((_clean_name(p), base + max(off, 0)))
        elif names:
            affiliation = _clean_name(piece)
            break
        pos += len(chunk)
    return [Author(name=n, affiliation=affiliation, evidence=Offsets(start=s, end=s + len(n))) for n, s in names]


def _bio_author(u: Unit) -> Author | None:
    cues = load_cues()
    s = u.text
    lead = len(s) - len(s.lstrip())
    p = cues.bio_prefix.match(s.strip())
    off = u.start + lead + (p.end() if p else 0)
    body = s.strip()[p.end():] if p else s.strip()
    m = cues.bio.match(body)
    if not m:
        return None
    name = _clean_name(m.group("name"))
    affiliation = None
    a = _AFFIL.search(body, m.end())
    if a and a.start() - m.end() < 120:
        affiliation = _clean_name(a.group("org"))
    start = off + m.start("name")
    return Author(name=name, affiliation=affiliation, evidence=Offsets(start=start, end=start + len(name)))


def find_authors(units: list[Unit], metadata: list[str | Author]) -> list[Author]:
    """Merge authors from metadata, bylines and bios (bios add affiliations)."""
    found: dict[str, Author] = {}

    def add(a: Author) -> None:
        key = a.name.casefold()
        old = found.get(key)
        if old is None:
            found[key] = a
        else:
            found[key] = Author(
                name=old.name, affiliation=old.affiliation or a.affiliation, evidence=old.evidence or a.evidence
            )

    for raw in metadata:
        if isinstance(raw, Author):
            add(raw)
            continue
        for name in re.split(r"\s*;\s*|\s+and\s+", raw):
            name = _clean_name(re.sub(r"^(?i:by)\s+", "", name))
            if name:
                add(Author(name=name))
    for u in units:
        if u.byline:
            for a in _byline_authors(u):
                add(a)
        elif u.kind == "author_bio":
            bio = _bio_author(u)
            if bio is not None:
                add(bio)
    return list(found.values())


_DAY_MONTH = re.compile(r"\b(\d{1,2})\s+([A-Z][a-z]{2,8})\.?,?\s+(\d{4})\b")
_MONTH_DAY = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+(\d{4})\b")
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_NUM = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def byline_date(units: list[Unit]) -> str | None:
    """An ISO date written in a byline ("By Jane Doe, 3 October 2023"), if any."""
    for u in units:
        if not u.byline:
            continue
        iso = _ISO_DAY.search(u.text)
        if iso:
            return iso.group(0)
        for pat, order in ((_DAY_MONTH, (0, 1, 2)), (_MONTH_DAY, (1, 0, 2))):
            m = pat.search(u.text)
            if m:
                day, month, year = (m.group(i + 1) for i in order)
                num = _MONTH_NUM.get(month[:3].lower())
                if num and 1 <= int(day) <= 31:
                    return f"{year}-{num:02d}-{int(day):02d}"
    return None
