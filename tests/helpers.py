"""Small helpers for tests."""

from __future__ import annotations


def analyze_text(text: str, published: str | None = None, perspective: str | None = None):
    """Analyse a literal text, optionally with a publication date."""
    from fullpicture import analyze_document, load_settings
    from fullpicture.ingest import load_text

    doc = load_text(text, source="<test>", published=published, perspective=perspective)
    return analyze_document(doc, load_settings())


def row_members(texts):
    """Analyse ``(side, text, published)`` triples: every event of each as a row member of its
    side, and the entity index over the analyses (for the conflict readers of ``align``)."""
    from fullpicture.align._rowmembers import Member
    from fullpicture.align._util import EntityIndex

    members, analyses = [], []
    for side, text, day in texts:
        a = analyze_text(text, published=day)
        analyses.append(a)
        members += [Member(side=side, analysis=a, event=e) for e in a.events]
    return members, EntityIndex(analyses)


def lexical_settings():
    """The shipped settings with sentence embeddings off (alignment on lexical features: fast)."""
    from fullpicture import load_settings
    from fullpicture.settings import Settings

    base = load_settings()
    return Settings(data={**base.data, "align": {**base.section("align"), "embeddings": False}})


def resolved_places(doc):
    """mention text -> (place name, country) of every resolved place mention of a parsed doc."""
    return {m.text: (e.name, e.geo.country) for e in doc._.fp_entities if e.geo is not None for m in e.mentions}


def write_corpus(tmp_path, template: str, n: int = 4, first: int = 1):
    """A folder ``articles/`` of ``n`` texts ``a<i>.txt``, numbered from ``first`` in ``template``."""
    d = tmp_path / "articles"
    d.mkdir()
    for i in range(n):
        (d / f"a{i}.txt").write_text(template.format(n=i + first))
    return d


def example_store(path, analyses=None):
    """A SQLite store at ``path`` holding ``analyses`` (default: the documents of the report
    tests' comparison)."""
    from fullpicture.store import open_store
    from tests.test_report_html import make_comparison

    store = open_store(path)
    try:
        for a in make_comparison().documents if analyses is None else analyses:
            store.add(a)
    finally:
        store.close()
    return path


def compare_files(sides: dict):
    """``fullpicture.compare`` of files by side, asserting that every file was read."""
    from fullpicture import compare

    errors: list[tuple[str, str]] = []
    comp = compare(sides=sides, on_error=lambda s, p: errors.append((s, p)))
    assert not errors, errors
    return comp


def words_by_language(comparison, ev) -> dict[str, list[str]]:
    """The trigger words of an aligned event's mentions, by document language."""
    lang = {a.document.id: a.document.language for a in comparison.documents}
    by_id = {a.document.id: {e.id: e for e in a.events} for a in comparison.documents}
    out: dict[str, list[str]] = {}
    for m in ev.mentions:
        out.setdefault(lang[m.document], []).append(by_id[m.document][m.event].trigger.text)
    return out


def compare_texts(settings, texts: dict[str, str], published: str, **align):
    """The comparison of texts, each text one side (labelled by its key), ``align`` settings
    overriding ``settings``'s."""
    from fullpicture import analyze_documents
    from fullpicture.align import compare
    from fullpicture.ingest import load_text
    from fullpicture.models.comparison import Side
    from fullpicture.settings import Settings

    settings = Settings(data={**settings.data, "align": {**settings.section("align"), **align}})
    docs = [load_text(text, source=label, published=published) for label, text in texts.items()]
    analyses = list(analyze_documents(docs, settings))
    sides = [Side(label=label, origin="user", documents=[a.document.id])
             for label, a in zip(texts, analyses, strict=True)]
    return compare(analyses, sides, settings=settings)


def cross_side_rows(settings, texts: dict[str, str], published: str, **align):
    """The typed rows that every side of a comparison of texts shares (:func:`compare_texts`)."""
    comp = compare_texts(settings, texts, published, **align)
    return [e for e in comp.events if e.type and set(texts) <= set(e.sides)]


def widest_row(comp):
    """The aligned row that holds the most documents."""
    return max(comp.events, key=lambda e: len({m.document for m in e.mentions}))


def trigger_rows(settings, texts: dict[str, str], published: str = "2022-05-04"):
    """``({"label:trigger text": row id ("" for none)}, {row id: its mentions})`` of a comparison
    of texts, each text one side labelled by its key, each analysed on its own."""
    from fullpicture import analyze_documents
    from fullpicture.align import compare
    from fullpicture.ingest import load_text
    from fullpicture.models.comparison import Side

    docs = {k: next(iter(analyze_documents([load_text(t, source=k, published=published)], settings)))
            for k, t in texts.items()}
    sides = [Side(label=k, origin="user", documents=[d.document.id]) for k, d in docs.items()]
    comp = compare(list(docs.values()), sides, settings=settings)
    row_of = {(m.document, m.event): r.id for r in comp.events for m in r.mentions}
    rows = {f"{k}:{e.trigger.text}": row_of.get((d.document.id, e.id), "")
            for k, d in docs.items() for e in d.events}
    return rows, {r.id: len(r.mentions) for r in comp.events}


def figure_item(side: str, doc: str, value: float, date: str, counts: str = "killed"):
    """One exact count of people as the figure conflict readers see it: the ``Figure`` and its
    ``ConflictValue`` (side, document, ``figure:COUNTS`` field, date)."""
    from fullpicture.models import Figure
    from fullpicture.models.comparison import ConflictValue

    f = Figure(id=f"{doc}-{value}", start=0, end=2, text=str(value), value=value, low=value, high=value,
               counts=counts)
    return f, ConflictValue(side=side, value=str(value), document=doc, field=f"figure:{counts}",
                            population="people", date=date)
