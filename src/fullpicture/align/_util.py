"""Small shared helpers: normalisation, union-find, the cross-document entity index."""

from __future__ import annotations

import functools
import gc
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

from fullpicture.align._actors import Actor, actors_of
from fullpicture.models import Analysis, Claim, Entity

T = TypeVar("T")

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)
_LEADING = re.compile(r"^(the|a|an)\s+", re.I)

# Function words ignored by lexical similarity and the word-level framing contrast.
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into onto over under about
    after before during since until than then that this these those there here it its they them
    their he him his she her we us our you your i me my is are was were be been being has have
    had do does did not no nor so such can could will would shall should may might must also
    which who whom whose what when where why how all any both each few more most other some own
    same very just only said says say according told tells one two three per
    """.split()  # noqa: SIM905 (readable word list)
)


#: ``progress(stage, done, total)`` as the public ``compare`` takes it.
Progress = Callable[[str, int, int | None], None]
#: The comparison's long stages (what each counts: ``align.STAGES``).
EMBED_EVENTS, INCIDENTS = "embedding event sentences", "describing incidents"
EMBED_CLAIMS, MATCH_CLAIMS = "embedding claims", "matching claims"


def bound_progress(progress: Progress | None, stage: str) -> Callable[[int, int], None] | None:
    """``progress`` bound to one stage, as ``tick(done, total)`` (None without it)."""
    if progress is None:
        return None

    def tick(done: int, total: int) -> None:
        progress(stage, done, total)

    return tick


@functools.lru_cache(maxsize=1 << 16)
def norm_name(text: str) -> str:
    """Normalised form of a name: accents folded, lower case, no leading article."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = re.sub(r"[’'`]s\b", "", folded.lower())
    folded = " ".join(_WORD.findall(folded))
    return _LEADING.sub("", folded).strip()


def words(text: str) -> list[str]:
    """Lower-case word tokens."""
    return [w.lower() for w in _WORD.findall(text)]


def content_words(text: str) -> set[str]:
    """Lower-case content words (no stopwords, no single letters)."""
    return {w for w in words(text) if w not in STOPWORDS and len(w) > 1}


_NOT_STORY = frozenset({"editorial_note", "inline_note", "author_bio", "boilerplate"})


def published_day(a: Analysis) -> str | None:
    """The document's publication day (``YYYY-MM-DD``), None when it has none."""
    pub = getattr(a.document, "published", None)
    return str(pub)[:10] if pub else None


def outside_story(a: Analysis, start: int) -> bool:
    """Whether a character offset lies in an editorial note, an inline note, an author bio or
    boilerplate: text about the article, not the story, which never enters cross-side matching."""
    return any(z.kind in _NOT_STORY and z.start <= start < z.end for z in a.zones)


class UnionFind(Generic[T]):
    """Disjoint sets over hashable items; :meth:`union` keeps its first argument's root."""

    def __init__(self) -> None:
        self.parent: dict[T, T] = {}

    def find(self, x: T) -> T:
        """Root of ``x`` (path halving)."""
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: T, b: T) -> None:
        """Merge the sets of ``a`` and ``b`` (the root of ``a``'s stays the root)."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _entity_keys(ent: Entity) -> list[str]:
    keys = []
    if ent.geo is not None and ent.geo.geonames_id is not None:
        keys.append(f"gn:{ent.geo.geonames_id}")
    for name in [ent.name, *ent.aliases]:
        n = norm_name(name)
        if n:
            keys.append(f"n:{n}")
    if ent.geo is None and ent.type in ("GPE", "LOC"):
        # a place no gazetteer record takes (a village), written in Cyrillic: also the Latin
        # spellings of its name and of its mentions ("Мура" is "Moura" of a French report)
        from fullpicture.nlp.places._translit import latin_spellings

        for name in dict.fromkeys([ent.name, *ent.aliases, *(m.text for m in ent.mentions)]):
            keys += [f"n:{n}" for form in latin_spellings(name) if (n := norm_name(form))]
    return keys


class EntityIndex:
    """Matches entities across documents (entity ids are per document).

    Two entities are the same global entity when they share a GeoNames id or a
    normalised name/alias, or name one known actor in any of its languages and acronyms
    (``data/align/actors.toml``: "ISIS", "Daech", "ИГИЛ"; such an entity is keyed by the actor
    and its names as written, not by the parser's cut of them: "État" of "État islamique"). A metonymic entity (``refers_to``) is resolved to the entity it stands for when used
    as a participant.
    """

    def __init__(self, analyses: Iterable[Analysis]) -> None:
        analyses = list(analyses)
        self._uf: UnionFind[tuple[str, ...]] = UnionFind()
        self._ents: dict[tuple[str, str], Entity] = {}
        self._actors = actors_of(analyses)
        for a in analyses:
            doc = a.document.id
            for ent in a.entities:
                node = ("e", doc, ent.id)
                self._ents[(doc, ent.id)] = ent
                self._uf.find(node)
                actor = self._actors.get((doc, ent.id))
                keys = _entity_keys(ent) if actor is None else [
                    f"actor:{actor.id}", *(f"n:{n}" for x in set(actor.surfaces) if (n := norm_name(x)))]
                for key in keys:
                    self._uf.union(("k", key), node)
        names: dict[object, Counter[str]] = {}
        for (doc, eid), ent in self._ents.items():
            root = self._uf.find(("e", doc, eid))
            c = names.setdefault(root, Counter())
            actor = self._actors.get((doc, eid))
            c[actor.surface if actor is not None else ent.name] += max(1, len(ent.mentions))
        self._display = {root: c.most_common(1)[0][0] for root, c in names.items()}
        self._ids: dict[object, str] = {}
        self._roots: dict[str, object] = {}

    def entity(self, doc: str, eid: str | None) -> Entity | None:
        """The entity object of a document-local id."""
        return None if eid is None else self._ents.get((doc, eid))

    def actor(self, doc: str, eid: str | None) -> Actor | None:
        """The known actor (``data/align/actors.toml``) a document-local entity names, None for
        any other entity."""
        return None if eid is None else self._actors.get((doc, eid))

    def _root(self, doc: str, eid: str | None, resolve: bool) -> object | None:
        """The union-find root of a document-local entity (``resolve``: follow ``refers_to``
        once); None for no known entity."""
        ent = self.entity(doc, eid)
        if ent is None or eid is None:
            return None
        if resolve and ent.refers_to and (doc, ent.refers_to) in self._ents:
            eid = ent.refers_to
        return self._uf.find(("e", doc, eid))

    def _global_id(self, root: object) -> str:
        """The global id of a union-find root, numbered in the order first asked."""
        if root not in self._ids:
            self._ids[root] = f"g{len(self._ids) + 1}"
            self._roots[self._ids[root]] = root
        return self._ids[root]

    def key(self, doc: str, eid: str | None, resolve: bool = False) -> str | None:
        """Global id of a document-local entity (``resolve``: follow ``refers_to`` once)."""
        root = self._root(doc, eid, resolve)
        return None if root is None else self._global_id(root)

    def town_key(self, word: str) -> str | None:
        """Global id of the town or city of the gazetteer named ``word`` that some document of
        the comparison names as a place (None when none does: a word is no place on its own)."""
        from fullpicture.nlp.places._gazetteer import get_gazetteer
        from fullpicture.nlp.places._translit import fold

        gaz = get_gazetteer()
        for i in gaz.lookup(fold(word)):
            p = gaz.place(i)
            node = ("k", f"gn:{p.gid}")
            if p.kind in ("city", "capital") and node in self._uf.parent:
                return self._global_id(self._uf.find(node))
        return None

    def display(self, doc: str, eid: str | None, resolve: bool = False) -> str | None:
        """Display name of the global entity a local id belongs to."""
        root = self._root(doc, eid, resolve)
        return None if root is None else self._display.get(root)

    def groups(self) -> dict[str, list[tuple[str, Entity]]]:
        """Global id -> the (document, entity) pairs it groups."""
        out: dict[str, list[tuple[str, Entity]]] = {}
        for (doc, eid), ent in self._ents.items():
            gid = self.key(doc, eid)
            assert gid is not None
            out.setdefault(gid, []).append((doc, ent))
        return out

    def display_of(self, gid: str) -> str:
        """Display name of a global id."""
        root = self._roots.get(gid)
        return gid if root is None else self._display.get(root, gid)


@functools.lru_cache(maxsize=4096)
def country_code(name: str) -> str | None:
    """ISO alpha-2 code when ``name`` names a country, else None: pycountry's names, then the
    gazetteer's country records with their common and alternate names ("Russia", "Turkey",
    "Kosovo", "Britain", which pycountry does not know)."""
    import pycountry

    try:
        return str(pycountry.countries.lookup(name).alpha_2)
    except LookupError:
        pass
    from fullpicture.nlp.places._gazetteer import get_gazetteer
    from fullpicture.nlp.places._translit import fold

    gaz = get_gazetteer()
    for i in gaz.lookup(fold(name)):
        p = gaz.place(i)
        if p.kind == "country":
            return p.cc.upper()
    return None


def claim_by_id(a: Analysis, claim_id: str | None) -> Claim | None:
    """The analysis's claim whose id is ``claim_id``; None for no id or no such claim."""
    if claim_id is None:
        return None
    return next((c for c in a.claims if c.id == claim_id), None)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of the rough sentence around ``text[start:end]``: from after the last ". " or
    line break before ``start`` to the first ". " or line break after ``end`` (or the text's end)."""
    s0 = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    ends = [k for k in (text.find(". ", end), text.find("\n", end)) if k >= 0]
    return s0, min(ends) if ends else len(text)


def short_interval(iv: tuple[int, int] | None, days: int) -> tuple[int, int] | None:
    """The interval when it spans at most ``days`` days (a stated day, not a month), else None."""
    return iv if iv is not None and iv[1] - iv[0] <= days else None


def home_country(counts: Counter[str]) -> str | None:
    """A row's country: the most common among its placed mentions (ties: the first counted);
    None for no place."""
    top = counts.most_common(1)
    return top[0][0] if top else None


def modal_day(counts: Counter[int]) -> int | None:
    """The most common stated day of a row (ties: the earliest); None for no day."""
    if not counts:
        return None
    top = max(counts.values())
    return min(d for d, c in counts.items() if c == top)


@contextmanager
def gc_paused(enabled: bool = True) -> Iterator[None]:
    """Python's cyclic garbage collector off for the block (``enabled``), back on after it
    when it was on before.

    Event alignment allocates millions of short-lived, acyclic containers (per-mention dicts
    and lists, the merge loop's pair lists): each such allocation burst triggers collections,
    and every full one walks the whole heap of the process, which grows with the corpus (one
    full collection took 0.17 s of a 30,000-mention alignment's 1.0 s). Reference counting
    frees these objects as before and the collector catches up on any cycle once back on, so
    no result depends on it; it only saves collector time (``[align] gc_pause``)."""
    if not enabled or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
