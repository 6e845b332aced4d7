"""Rival versions of one happening: two reports that tell a violent happening at the same kind of
facility in the same place on compatible days tell one incident, whatever their words and agents.

One side says aircraft bombed the theatre of a town; the other says the theatre was mined and
blown up from inside by the first side's enemy. Their words (bombed / blown up), their event
types and their agents differ, so the pair model keeps the two versions in two rows; yet the
disagreement is the story, and it can surface (as a contested agent) only when both versions
are in one row. Here two incident rows join when each holds a happening of
``incident_rival_types`` told next to a facility noun of one kind (``[sites]`` of
``data/events/incidents.toml``: theatre, hospital, dam, prison...) at one named place (a country
only for a mention that tells no finer place, with ``incident_rival_countries``), in two
documents, with days at most ``incident_rival_day_slack`` apart (a year-only date fits any day of
its year). Kept apart: happenings at two kinds of facility of one town, at the same kind of
facility of two towns, days farther apart than the slack (two strikes on one town a week apart),
rows whose main stated days are farther apart than the slack, and rows a document of both tells
apart (one of its happenings told as another one, or two of its happenings told at the facility on
clashing days: a happening a row holds from weeks before, told elsewhere in the report, is no such
clash). A place with more than
``incident_rival_max_rows`` such rows is left alone (a long war's many strikes on one town's
hospitals are not one incident). A mention's facility is also at the one town its document names
as that kind of facility (``doc_sites``: "the Eastvale drama theatre" earlier in the text), and a
facility named by its own name alone (a FAC entity, no noun beside the trigger) is a site of its
own kind (``incident_rival_named_sites``). With ``incident_rival_other_side`` the two versions
come from documents of two sides (sides unknown count as two).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from fullpicture.align._eventpairs import MentionFeatures
from fullpicture.align._incident_lex import distinct, incident_lexicon, is_consequence, told_about
from fullpicture.align._util import modal_day, short_interval


def _where(f: MentionFeatures, countries: bool = False) -> frozenset[str]:
    """Where a happening was told to happen (its place or a place it struck), but a country;
    ``countries``: the country when the mention tells no finer place ("a school in Eastland")."""
    where = f.extra.get("site_where")
    if where is None or (countries and not where):
        where = f.extra.get("where") or f.places
    return frozenset(where)


def _gap(ia: tuple[int, int] | None, ib: tuple[int, int] | None) -> int:
    """Days between two intervals (0 when they overlap or one is unknown)."""
    if not ia or not ib:
        return 0
    return max(ia[0] - ib[1], ib[0] - ia[1], 0)


def _narrow(f: MentionFeatures) -> bool:
    """A firm day of its own (at most three days wide), not a month or a year."""
    return bool(f.date_firm and short_interval(f.interval, 3))


def join_rival_versions(feats: Sequence[MentionFeatures], cfg: dict[str, Any], labels: list[int]) -> list[int]:
    """Incident label per mention after joining the rows of rival versions (module docstring)."""
    if not cfg.get("incident_rival_join", False):
        return labels
    types = {str(t).upper() for t in cfg.get("incident_rival_types", ["ASSAULT", "ATTACK", "DISASTER"])}
    slack = int(cfg.get("incident_rival_day_slack", 3))
    max_rows = int(cfg.get("incident_rival_max_rows", 8))
    countries = bool(cfg.get("incident_rival_countries", False))
    named_sites = bool(cfg.get("incident_rival_named_sites", False))
    other_side = bool(cfg.get("incident_rival_other_side", False))

    def sides_apart(x: MentionFeatures, y: MentionFeatures) -> bool:
        """Two documents of different sides (or of sides unknown), with ``other_side``."""
        sx, sy = x.extra.get("side"), y.extra.get("side")
        return not other_side or sx is None or sy is None or sx != sy
    lex = incident_lexicon()

    def kinds(f: MentionFeatures) -> bool:
        return (f.type or "").upper() in types

    causes = bool(cfg.get("incident_rival_cause_guard", False))

    def told(f: MentionFeatures) -> bool:
        # a happening told as what led to its sentence's act ("in retaliation for the attack on the
        # bridge") is another happening than the row's act: no version of it
        return kinds(f) and not is_consequence(f, lex) and not told_about(f, lex) and not distinct(f) \
            and not (causes and f.extra.get("cause_unit"))

    # (facility kind, place) -> row -> its happenings there
    buckets: dict[tuple[str, str], dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    keyed: set[int] = set()  # the happenings told at a facility
    for i, f in enumerate(feats):
        sites = f.extra.get("sites") or frozenset()
        if not (sites or f.extra.get("facility")) or not told(f):
            continue
        # a facility named alone (no kind), or keyed by its name's distinctive word ("~" + word)
        named = {s for s in f.extra.get("facility") or () if not s[0] or s[1][:1] == "~"} if named_sites else set()
        for kind, place in {(k, p) for k in sites for p in _where(f, countries)} | (f.extra.get("doc_sites") or set()) | named:
            buckets[(kind, place)][labels[i]].append(i)
            keyed.add(i)
    if not buckets:
        return labels
    # row -> document -> its mentions in the row
    members: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, r in enumerate(labels):
        members[r][feats[i].doc].append(i)
    days: dict[int, Counter[int]] = defaultdict(Counter)
    for i, f in enumerate(feats):
        if _narrow(f) and not f.bare:
            assert f.interval is not None
            days[labels[i]][f.interval[0]] += 1
    root = {r: r for r in members}

    def find(r: int) -> int:
        while root[r] != r:
            root[r] = root[root[r]]
            r = root[r]
        return r

    def apart(a: int, b: int) -> bool:
        """A document of both rows tells them apart: one of its happenings in them told as
        another happening (an act of word told apart, "further comments", is none), or two of
        its happenings at the facility on firm days farther apart than the slack (a happening
        recalled elsewhere in a row, "the attack of last month", does not tell the facility's
        happenings apart)."""
        ma, mb = members[a], members[b]
        for doc in (ma.keys() & mb.keys()):
            for i in ma[doc]:
                for j in mb[doc]:
                    x, y = feats[i], feats[j]
                    if (distinct(x) and kinds(x)) or (distinct(y) and kinds(y)):
                        return True
                    if i in keyed and j in keyed and _narrow(x) and _narrow(y) \
                            and _gap(x.interval, y.interval) > slack:
                        return True
        return False

    for key in sorted(buckets):
        rows = buckets[key]
        if len(rows) < 2 or len(rows) > max_rows:
            continue
        order = sorted(rows)
        for x, ra in enumerate(order):
            for rb in order[x + 1 :]:
                a, b = find(ra), find(rb)
                if a == b:
                    continue
                if not any(feats[i].doc != feats[j].doc and _gap(feats[i].interval, feats[j].interval) <= slack
                           and sides_apart(feats[i], feats[j]) for i in rows[ra] for j in rows[rb]):
                    continue
                da, db = modal_day(days.get(a, Counter())), modal_day(days.get(b, Counter()))
                if da is not None and db is not None and abs(da - db) > slack:
                    continue
                if apart(a, b):
                    continue
                if len(members[a]) < len(members[b]):
                    a, b = b, a
                root[b] = a
                for doc, idx in members.pop(b).items():
                    members[a][doc] += idx
                days[a] += days.pop(b, Counter())
    return [find(r) for r in labels]
