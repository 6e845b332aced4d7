"""Naming table: entities that different sides name differently."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from fullpicture.align._util import EntityIndex, norm_name
from fullpicture.models import Analysis
from fullpicture.models.comparison import NameVariant, NamingRow
from fullpicture.nlp.places._translit import fold, same_across_scripts
from fullpicture.nlp.places._wordlists import get_lexicon


def is_name(text: str) -> bool:
    """Whether a mention is a name a writer chose: not a demonym adjective ("Serbian", "Serb",
    "European") and not a description without a proper name ("the president")."""
    lex = get_lexicon()
    f = fold(text).removeprefix("the ")
    if f in lex.demonyms or f in lex.continent_demonyms or f.rstrip("s") in lex.demonyms:
        return False
    return any(ch.isupper() or (ch.isalpha() and ch.lower() == ch.upper()) for ch in text)


def _key(name: str, person: bool) -> str:
    n = norm_name(name)
    return n.split()[-1] if person and n else n


def same_name(a: str, b: str) -> bool:
    """Whether two normalised names are one name: equal, or one name in two scripts
    ("краматорск" and "kramatorsk": a language, not a naming choice)."""
    return a == b or same_across_scripts(a, b)


def _differs(normed: Mapping[str, set[str]]) -> bool:
    """Whether two sides use different sets of (normalised) names: some name of one side has
    no equal (:func:`same_name`) among the other's."""
    sides = list(normed)

    def covered(xs: set[str], ys: set[str]) -> bool:
        return all(any(same_name(x, y) for y in ys) for x in xs)

    return any(not (covered(normed[s], normed[t]) and covered(normed[t], normed[s]))
               for i, s in enumerate(sides) for t in sides[i + 1 :])


def _variants(per_side: Mapping[str, Counter[str]]) -> list[NameVariant]:
    """Each side's names, most used first."""
    return [NameVariant(side=s, name=n, count=k)
            for s, c in per_side.items() for n, k in sorted(c.items(), key=lambda x: (-x[1], x[0]))]


def naming_table(
    analyses: list[Analysis], side_of: Mapping[str, str], index: EntityIndex
) -> list[NamingRow]:
    """Rows for every cross-document entity whose names differ between sides.

    Entities are matched across documents by GeoNames id or normalised name/alias
    (:class:`EntityIndex`). Variants are the exact surface forms of the mentions that are
    names (:func:`is_name`: no demonyms, no bare descriptions), counted per side; a row is
    kept when some name is used by one side and not by another (compared case- and
    accent-insensitively; a person's surname alone counts as the full name; a known actor's
    forms of one name in several languages and its acronym are one name, ``data/align/actors.toml``).
    Rows are ordered by total mentions.
    """
    by_id = {a.document.id: a for a in analyses}
    rows = []
    for gid, members in index.groups().items():
        per_side: dict[str, Counter[str]] = {}
        same: dict[str, str] = {}  # a known actor's name as written -> the key of its name
        geo = None
        known = [(d, e) for d, e in members if index.actor(d, e.id) is not None]
        if known:  # a known actor's group: its names, not those of an entity that only shares one
            members = known
        # a facility or organisation placed at a place ("Kramatorsk railway station") shares its
        # coordinates, and so its group, but is no name of that place
        if any(ent.type in ("GPE", "LOC") for _d, ent in members) and not known:
            members = [(d, e) for d, e in members if e.type not in ("FAC", "ORG")]
        for doc, ent in members:
            side = side_of.get(doc)
            if side is None or doc not in by_id:
                continue
            c = per_side.setdefault(side, Counter())
            # a naming cue of the framing layer on this entity ("Kosovo and Metohija") is the
            # name chosen, in place of the entity mentions inside it
            cues = [(f.start, f.end, f.text) for f in by_id[doc].framing
                    if f.category == "naming" and f.target == ent.id]
            used: set[tuple[int, int, str]] = set()
            actor = index.actor(doc, ent.id)
            for m in ent.mentions:
                cue = next((q for q in cues if q[0] <= m.start and m.end <= q[1]), None)
                written = actor.written(m.start) if actor is not None and not m.embedded else None
                if cue is not None:
                    if cue not in used:
                        used.add(cue)
                        whole = cue[0] == m.start and cue[1] == m.end
                        c[(m.base or cue[2]) if whole else cue[2]] += 1
                elif actor is not None and written is not None:
                    # a known actor's name as written ("État islamique", not the parser's "État"):
                    # its forms in other languages are one name, its other names another
                    c[written] += 1
                    same[written] = actor.name_key(written)
                elif is_name(m.text):
                    c[m.base or m.text] += 1  # an inflected name counts as its dictionary form
            if not ent.mentions:
                c[ent.name] += 1
            if not c:
                del per_side[side]
            if geo is None and ent.geo is not None:
                geo = ent.geo.model_dump(mode="json")
        if len(per_side) < 2:
            continue
        # a person named in full by one side and by surname by another is not a naming choice
        person = all(ent.type == "PERSON" for _d, ent in members)
        if not _differs({s: {same.get(n) or _key(n, person) for n in c} for s, c in per_side.items()}):
            continue
        variants = _variants(per_side)
        rows.append((sum(v.count for v in variants), NamingRow(entity=index.display_of(gid), variants=variants, geo=geo)))
    rows.sort(key=lambda r: (-r[0], r[1].entity))
    return [r for _, r in rows]


def lexicon_naming_rows(
    analyses: list[Analysis], side_of: Mapping[str, str], covered: list[NamingRow]
) -> list[NamingRow]:
    """Rows for names the framing lexicon links as one thing's names ("Artsakh" /
    "Nagorno-Karabakh" / "Karabakh") where the gazetteer has no entry to link the entities.

    A naming cue joins its text and its counter-terms into one family (union-find over
    normalised names); each side's variants are its naming cues and its entity mentions whose
    text is a family name. Families whose names all sit in one entity row are left out.
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    used = [a for a in analyses if a.document.id in side_of]
    for a in used:
        for f in a.framing:
            if f.category == "naming":
                for other in f.counter_terms:
                    parent[find(norm_name(f.text))] = find(norm_name(other))
    if not parent:
        return []
    fams: dict[str, dict[str, Counter[str]]] = {}
    for a in used:
        side = side_of[a.document.id]
        spans: list[tuple[int, int]] = []
        for f in a.framing:
            if f.category == "naming" and norm_name(f.text) in parent:
                fams.setdefault(find(norm_name(f.text)), {}).setdefault(side, Counter())[f.text] += 1
                spans.append((f.start, f.end))
        for ent in a.entities:
            for m in ent.mentions:
                key = norm_name(m.text)
                if key in parent and is_name(m.text) and not any(s <= m.start < e for s, e in spans):
                    fams.setdefault(find(key), {}).setdefault(side, Counter())[m.base or m.text] += 1
    seen = [{norm_name(v.name) for v in r.variants} for r in covered]
    rows: list[tuple[int, NamingRow]] = []
    for per_side in fams.values():
        if len(per_side) < 2:
            continue
        normed = {s: {norm_name(n) for n in c} for s, c in per_side.items()}
        if not _differs(normed) or any(set().union(*normed.values()) <= row for row in seen):
            continue
        total: Counter[str] = Counter()
        for c in per_side.values():
            total.update(c)
        rows.append((sum(total.values()), NamingRow(entity=total.most_common(1)[0][0], variants=_variants(per_side))))
    rows.sort(key=lambda r: (-r[0], r[1].entity))
    return [r for _, r in rows]
