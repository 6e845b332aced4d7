"""The workspace without a browser: stories on ingest, pages and their JSON twins, search
with expansion and facets, exports that load in pandas and validate, datasette metadata."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from fullpicture.models import Analysis
from tests.test_report_html import make_comparison
from tests.test_store_basic import pg_url  # noqa: F401 (fixture)


def _doc(i: int, side: str, title: str, text: str, published: str, place: tuple[str, int, float, float] | None,
         site: str | None = None) -> Analysis:
    ents = []
    if place:
        name, gid, lat, lon = place
        start = text.index(name)
        ents.append({"id": "e1", "name": name, "type": "GPE", "geo": {"lat": lat, "lon": lon, "geonames_id": gid},
                     "mentions": [{"start": start, "end": start + len(name), "text": name}]})
    return Analysis.model_validate({
        "document": {"id": f"{i:064x}", "source": f"{side}/{i}.txt", "title": title, "published": published,
                     "site": site or f"{side}.example", "language": "en",
                     "perspective": {"label": side, "origin": "declared"}},
        "text": text, "zones": [{"kind": "body", "start": 0, "end": len(text)}], "entities": ents,
        "events": [{"id": "v1", "type": "ATTACK", "trigger": {"start": 0, "end": 2, "text": text[:2]},
                    "place": "e1", "evidence": {"start": 0, "end": len(text)}}] if place else [],
    })


STEP = ("Stepanakert", 174875, 39.8153, 46.7519)
KHAN = ("Khankendi", 174875, 39.8153, 46.7519)
NIC = ("Nicosia", 146268, 35.1753, 33.3642)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    import fullpicture as fp

    db = tmp_path / "ws.db"
    store = fp.open_store(db)
    docs = [
        _doc(1, "armenian", "Shelling of Stepanakert", "Shelling hit Stepanakert overnight, officials said.", "2023-09-19", STEP),
        _doc(2, "azerbaijani", "Measures near Khankendi", "Measures began near Khankendi, the ministry said.", "2023-09-20", KHAN),
        _doc(3, "armenian", "Stepanakert blockade continues", "In Stepanakert the blockade continues.", "2023-09-22", STEP),
        _doc(4, "cypriot", "Water talks in Nicosia", "Talks on water were held in Nicosia on Monday.", "2024-03-02", NIC),
    ]
    try:
        for d in docs:
            assert store.add(d)
    finally:
        store.close()
    return db


def test_stories_grouped_on_ingest_with_coverage_and_blindspots(corpus: Path) -> None:
    import fullpicture as fp

    store = fp.open_store(corpus, read_only=True)
    try:
        r = store.stories()
    finally:
        store.close()
    assert r["total"] == 2
    newest, older = r["stories"]
    assert newest["first_date"] == "2024-03-02"  # newest first
    assert {c["side"]: c["documents"] for c in older["coverage"]} == {"armenian": 2, "azerbaijani": 1}
    assert older["first_date"] == "2023-09-19" and older["last_date"] == "2023-09-22"
    assert older["blindspots"] == ["cypriot"]
    assert set(newest["blindspots"]) == {"armenian", "azerbaijani"}
    assert "Stepanakert" in older["title"] and "Khankendi" in older["title"]  # every side's name


def test_stories_are_incremental_and_backfilled(tmp_path: Path) -> None:
    import fullpicture as fp

    db = tmp_path / "inc.db"
    s = fp.open_store(db)
    s.add(_doc(1, "armenian", "Shelling of Stepanakert", "Shelling hit Stepanakert overnight.", "2023-09-19", STEP))
    first = s.stories()["stories"][0]["id"]
    s.add(_doc(2, "azerbaijani", "Measures near Khankendi", "Measures began near Khankendi.", "2023-09-20", KHAN))
    r = s.stories()
    s.close()
    assert r["total"] == 1 and r["stories"][0]["id"] == first and r["stories"][0]["documents"] == 2
    # a store written before the workspace tables existed is indexed when next opened for writing
    import sqlite3

    con = sqlite3.connect(db)
    con.executescript("DROP TABLE stories; DROP TABLE story_documents; DROP TABLE documents_fts;")
    con.close()
    s = fp.open_store(db)
    assert s.stories()["total"] == 1
    assert s.search("Khankendi")["total"] == 2
    s.close()


def test_filters(corpus: Path) -> None:
    import fullpicture as fp

    store = fp.open_store(corpus, read_only=True)
    try:
        assert store.stories({"side": "cypriot"})["total"] == 1
        assert store.stories({"place": "gn174875"})["total"] == 1
        assert store.stories({"date_from": "2024-01-01"})["total"] == 1
        assert store.stories({"date_to": "2023-12-31"})["total"] == 1
        assert store.stories({"site": "armenian.example"})["total"] == 1
        assert store.stories({"language": "fr"})["total"] == 0
    finally:
        store.close()


def test_search_expands_contested_names_with_facets(corpus: Path) -> None:
    import fullpicture as fp

    store = fp.open_store(corpus, read_only=True)
    try:
        r = store.search("Khankendi")
        assert r["total"] == 3  # both sides' names for the same GeoNames place
        assert "Stepanakert" in " ".join(r["expanded"]["Khankendi"])
        assert {f["value"]: f["count"] for f in r["facets"]["side"]} == {"armenian": 2, "azerbaijani": 1}
        assert all("\x02" in x["snippet"] for x in r["results"])
        assert store.search("Khankendi", {"side": "azerbaijani"})["total"] == 1
        # lexicon counter-terms: "Karabakh" finds "Artsakh"
        from fullpicture.store._search import expand

        with store.engine.connect() as conn:
            fam = {n.casefold() for n in expand(conn, "Karabakh")}
        assert "artsakh" in fam
        assert store.search('"no such phrase here"')["total"] == 0
        assert store.search('a" OR "b NEAR(')["total"] >= 0  # FTS syntax is quoted, never an error
    finally:
        store.close()


def test_search_highlights_are_escaped(tmp_path: Path) -> None:
    import fullpicture as fp
    from fullpicture.web import Data, handle

    db = tmp_path / "x.db"
    s = fp.open_store(db)
    s.add(_doc(9, "a", "<script>alert(1)</script>", "Evil <script>alert(1)</script> Stepanakert <img src=x onerror=alert(2)>",
               "2023-01-01", STEP))
    s.close()
    body = handle(Data(db), "/search", "q=Stepanakert").body.decode()
    assert "<script>alert" not in body and "<img src=x" not in body and "&lt;script&gt;" in body
    assert "<mark>Stepanakert</mark>" in body


def test_pages_and_json_twins(corpus: Path) -> None:
    from fullpicture.web import Data, handle

    data = Data(corpus)
    stories = json.loads(handle(data, "/api/stories", "").body)["stories"]
    sid = stories[1]["id"]
    for path, query in [("/", ""), ("/", "side=armenian&date_from=2023-01-01"), ("/search", "q=Stepanakert"),
                        ("/place/gn174875", ""), ("/outlet/armenian.example", ""), ("/documents", ""),
                        (f"/doc/{1:064x}", ""), ("/exports", "")]:
        html = handle(data, path, query)
        assert html.status == 200, (path, html.body[:300])
        api = handle(data, "/api" + (path if path != "/" else "/stories"), query)
        assert api.status == 200 and api.content_type.startswith("application/json"), path
    place = json.loads(handle(data, "/api/place/gn174875", "").body)
    assert place["names"] == {"armenian": [{"name": "Stepanakert", "count": 2}],
                              "azerbaijani": [{"name": "Khankendi", "count": 1}]}
    doc = handle(data, f"/doc/{1:064x}", "").body.decode()
    assert f"/story/{sid}" in doc and "/place/gn174875" in doc
    spec = json.loads(handle(data, "/api/openapi.json", "").body)
    assert spec["openapi"].startswith("3.") and "/api/stories" in spec["paths"]
    assert handle(data, "/story/nope", "").status == 404
    assert handle(data, "/api/place/gn1", "").status == 404
    data.close()


def test_story_page_background_progress(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from fullpicture import _compare
    from fullpicture.web import Data, handle

    gate = threading.Event()

    def slow(analyses, *a, **k):
        gate.wait(30)
        return make_comparison()

    monkeypatch.setattr(_compare, "build_comparison", slow)
    data = Data(corpus)
    data.wait_s = 0.2
    sid = json.loads(handle(data, "/api/stories", "").body)["stories"][1]["id"]
    r = handle(data, f"/story/{sid}", "")
    assert r.status == 202 and b"Comparing" in r.body and r.headers.get("refresh") == "2"
    r = handle(data, f"/api/story/{sid}", "")
    assert r.status == 202 and json.loads(r.body)["status"] == "running"
    gate.set()
    data.wait_s = 30
    r = handle(data, f"/story/{sid}", "")
    assert r.status == 200 and b'id="accounts"' in r.body and b"sidepick" in r.body
    data.close()


def test_exports_load_in_pandas_and_validate(corpus: Path) -> None:
    pd = pytest.importorskip("pandas")
    from fullpicture.web import Data, handle

    data = Data(corpus)
    for table in ("documents", "stories", "entities", "events", "figures", "claims", "framing_cues", "mentions"):
        csv_ = handle(data, f"/export/{table}.csv", "")
        assert csv_.status == 200 and csv_.content_type.startswith("text/csv")
        df = pd.read_csv(io.BytesIO(csv_.body))
        pq = handle(data, f"/export/{table}.parquet", "")
        assert pq.status == 200
        dfp = pd.read_parquet(io.BytesIO(pq.body))
        assert list(df.columns) == list(dfp.columns) and len(df) == len(dfp)
        js = json.loads(handle(data, f"/export/{table}.json", "").body)
        assert len(js["rows"]) == len(df)
    assert len(pd.read_csv(io.BytesIO(handle(data, "/export/documents.csv", "").body))) == 4
    for name in ("places", "incidents"):
        fc = json.loads(handle(data, f"/export/{name}.geojson", "").body)
        _valid_geojson(fc)
        assert fc["features"], name
    places = json.loads(handle(data, "/export/places.geojson", "").body)["features"]
    step = next(f for f in places if f["properties"]["geonames_id"] == 174875)
    assert step["properties"]["names_by_side"] == {"armenian": ["Stepanakert"], "azerbaijani": ["Khankendi"]}
    data.close()


def _valid_geojson(fc: dict) -> None:
    """RFC 7946: a FeatureCollection of Features with Point geometries [lon, lat] in range."""
    assert fc["type"] == "FeatureCollection" and isinstance(fc["features"], list)
    for f in fc["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        g = f["geometry"]
        assert g["type"] == "Point" and len(g["coordinates"]) == 2
        lon, lat = g["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    json.dumps(fc, allow_nan=False)


def test_datasette_metadata_and_serve(corpus: Path, tmp_path: Path) -> None:
    from fullpicture.web import Data, handle

    meta = json.loads(handle(Data(corpus), "/export/datasette-metadata.json", "").body)
    tables = meta["databases"]["ws"]["tables"]
    assert tables["documents"]["fts_table"] == "documents_fts" and "facets" in tables["framing_cues"]
    pytest.importorskip("datasette", reason="datasette is not installed")
    mfile = tmp_path / "metadata.json"
    mfile.write_text(json.dumps(meta), encoding="utf-8")
    code = (
        "import asyncio, json, sys\n"
        "from datasette.app import Datasette\n"
        "async def main():\n"
        "    ds = Datasette([sys.argv[1]], metadata=json.load(open(sys.argv[2])))\n"
        "    r = await ds.client.get('/ws/documents.json?_shape=array&_search=Khankendi')\n"
        "    assert r.status_code == 200, r.text\n"
        "    docs = r.json()\n"
        "    r2 = await ds.client.get('/ws/framing_cues.json')\n"
        "    assert r2.status_code == 200, r2.text\n"
        "    r3 = await ds.client.get('/ws/stories')\n"
        "    print(len(docs), r3.status_code, 'Stories' in r3.text or 'stories' in r3.text)\n"
        "asyncio.run(main())\n")
    r = subprocess.run([sys.executable, "-c", code, str(corpus), str(mfile)], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    n, status, seen = r.stdout.split()
    assert int(n) == 1 and status == "200" and seen == "True"


def test_postgres_stories_and_full_text_search(pg_url) -> None:  # noqa: F811 (the fixture)
    """PostgreSQL: stories on ingest and full-text search (to_tsvector) with facets and headlines."""
    pytest.importorskip("psycopg")
    import fullpicture as fp

    store = fp.open_store(pg_url)
    try:
        for d in (_doc(101, "armenian", "Shelling of Stepanakert", "Shelling hit Stepanakert overnight.", "2023-09-19", STEP),
                  _doc(102, "azerbaijani", "Measures near Khankendi", "Measures began near Khankendi today.", "2023-09-20", KHAN)):
            store.add(d)
        r = store.search("Khankendi")
        ids = {x["id"] for x in r["results"]}
        assert {f"{101:064x}", f"{102:064x}"} <= ids
        assert any("\x02" in x["snippet"] for x in r["results"])
        assert {f["value"] for f in r["facets"]["side"]} >= {"armenian", "azerbaijani"}
        stories = store.stories({"place": "gn174875"})["stories"]
        assert any({c["side"] for c in s["coverage"]} >= {"armenian", "azerbaijani"} for s in stories)
    finally:
        store.close()


def test_comparisons_kept_on_disk_and_story_exports(corpus: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import pandas as pd

    from fullpicture import _compare
    from fullpicture.web import Data, handle

    calls: list[int] = []

    def fake(analyses, *a, **k):
        calls.append(len(analyses))
        return make_comparison()

    monkeypatch.setattr(_compare, "build_comparison", fake)
    results = tmp_path / "results"
    data = Data(corpus, results_dir=results)
    sid = json.loads(handle(data, "/api/stories", "").body)["stories"][1]["id"]
    assert handle(data, f"/story/{sid}", "").status == 200 and len(calls) == 1
    assert len(list(results.glob("*.json"))) == 1
    data.close()
    again = Data(corpus, results_dir=results)  # a restarted server
    assert handle(again, f"/api/story/{sid}", "").status == 200 and len(calls) == 1
    for table in ("events", "conflicts", "omissions", "naming"):
        r = handle(again, f"/story/{sid}/export.csv", f"table={table}")
        assert r.status == 200 and "attachment" in r.headers["content-disposition"]
        pd.read_csv(io.BytesIO(r.body))
    r = handle(again, f"/story/{sid}/export.parquet", "")
    assert len(pd.read_parquet(io.BytesIO(r.body))) == len(make_comparison().events)
    assert handle(again, f"/story/{sid}/export.csv", "table=nope").status == 404
    fc = json.loads(handle(again, f"/story/{sid}/export.geojson", "").body)
    _valid_geojson(fc)
    again.close()


def test_exports_of_the_examples_load_in_pandas(tmp_path: Path) -> None:
    """The bundled examples through the real pipeline: every export loads and validates."""
    import pandas as pd

    import fullpicture as fp
    from fullpicture.web import Data, handle
    from tests.conftest import EXAMPLES

    db = tmp_path / "examples.db"
    store = fp.open_store(db)
    for path in sorted(EXAMPLES.glob("karabakh_*")):
        store.add(fp.analyze(path))
    store.close()
    data = Data(db)
    for table in ("documents", "entities", "events", "figures", "claims", "framing_cues", "stories"):
        df = pd.read_csv(io.BytesIO(handle(data, f"/export/{table}.csv", "").body))
        dfp = pd.read_parquet(io.BytesIO(handle(data, f"/export/{table}.parquet", "").body))
        assert len(df) == len(dfp) > 0, table
    places = json.loads(handle(data, "/export/places.geojson", "").body)
    _valid_geojson(places)
    names = {n for f in places["features"] for ns in f["properties"]["names_by_side"].values() for n in ns}
    assert {"Stepanakert", "Khankendi"} <= names
    _valid_geojson(json.loads(handle(data, "/export/incidents.geojson", "").body))
    data.close()
