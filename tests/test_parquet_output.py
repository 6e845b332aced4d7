"""``ingest --parquet``: one row per document, event, figure and claim; readable by pandas and
DuckDB; resumable after a kill; the same rows from the serial runner and from Dask."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from fullpicture.cli import _register, cli
from fullpicture.store._parquet import TABLES, ParquetStore, describe, rows
from tests.helpers import write_corpus

_register()

TEMPLATE = (
    "Illustrative text written for the fullpicture project, number {n}.\n\n"
    "Officials said on Monday that {n} houses were destroyed near Tbilisi, and the ministry "
    "denied that its forces had shelled the village."
)


@pytest.fixture(scope="module")
def analyses(settings):
    from fullpicture import analyze_documents
    from fullpicture.ingest import load_text

    docs = [load_text(TEMPLATE.format(n=i + 3), source=f"<{i}>", settings=settings) for i in range(5)]
    return list(analyze_documents(docs, settings))


def _corpus(tmp_path, n=4):
    return write_corpus(tmp_path, TEMPLATE, n, first=3)


def _expected(analyses):
    return {t: sum(len(rows(a)[t]) for a in analyses) for t in TABLES}


def test_rows_are_written_in_parts_and_read_by_pandas_and_duckdb(tmp_path, analyses):
    pd = pytest.importorskip("pandas")
    out = tmp_path / "out"
    store = ParquetStore(out, documents_per_part=2)
    assert [store.add(a) for a in analyses] == [True] * 5
    assert store.add(analyses[0]) is False  # already there
    store.close()
    assert len(list((out / "documents").glob("part-*.parquet"))) == 3  # 2 + 2 + 1
    want = _expected(analyses)
    assert want["events"] and want["figures"] and want["claims"]  # the texts exercise every table
    assert describe(out) == want
    docs = pd.read_parquet(out / "documents")
    assert sorted(docs["id"]) == sorted(a.document.id for a in analyses)
    events = pd.read_parquet(out / "events")
    assert set(events["document"]) <= set(docs["id"]) and len(events) == want["events"]
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    joined = con.execute(
        f"SELECT d.source, count(*) FROM '{out}/claims/*.parquet' c JOIN '{out}/documents/*.parquet' d "
        "ON c.document = d.id GROUP BY d.source").fetchall()
    assert sum(n for _, n in joined) == want["claims"]
    first = analyses[0]
    figure = con.execute(f"SELECT text, value FROM '{out}/figures/*.parquet' WHERE document = ? ORDER BY start",
                         [first.document.id]).fetchall()
    assert figure == [(f.text, f.value) for f in sorted(first.figures, key=lambda f: f.start)]


def test_a_killed_run_resumes_without_loss_or_duplicates(tmp_path, analyses):
    out = tmp_path / "out"
    store = ParquetStore(out, documents_per_part=2)
    for a in analyses[:3]:
        store.add(a)
    # killed now: one part landed (2 documents), the third document only in memory; and a
    # later part whose events were renamed into place but whose documents part never was
    store._lock.close()  # type: ignore[union-attr]
    (out / "events" / "part-000001.parquet").write_bytes((out / "events" / "part-000000.parquet").read_bytes())
    (out / "claims" / ".part-000001.parquet.tmp").write_bytes(b"half")
    again = ParquetStore(out, documents_per_part=2)
    assert not (out / "events" / "part-000001.parquet").exists()
    assert not list((out / "claims").glob(".*.tmp"))
    assert again.count() == 2 and again.has(analyses[1].document.id) and not again.has(analyses[2].document.id)
    added = [again.add(a) for a in analyses]
    again.close()
    assert added == [False, False, True, True, True]
    assert describe(out) == _expected(analyses)


def test_a_second_writer_is_refused(tmp_path):
    from fullpicture import StoreError

    first = ParquetStore(tmp_path / "out")
    with pytest.raises(StoreError, match="another process"):
        ParquetStore(tmp_path / "out")
    first.close()
    ParquetStore(tmp_path / "out").close()


def test_cli_ingest_parquet_then_resume(tmp_path):
    corpus = _corpus(tmp_path)
    out = tmp_path / "out"
    runner = CliRunner()
    res = runner.invoke(cli, ["ingest", str(corpus), "--parquet", str(out)])
    assert res.exit_code == 0, res.output
    assert "added 4, skipped 0, failed 0 (4 documents in" in res.stdout
    res = runner.invoke(cli, ["ingest", str(corpus), "--parquet", str(out)])
    assert "added 0, skipped 4, failed 0" in res.stdout
    assert describe(out)["documents"] == 4


def test_cli_needs_exactly_one_target(tmp_path):
    corpus = _corpus(tmp_path, 1)
    res = CliRunner().invoke(cli, ["ingest", str(corpus)])
    assert res.exit_code == 2 and "--db" in res.stderr
    res = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(tmp_path / "a.db"), "--parquet", str(tmp_path / "o")])
    assert res.exit_code == 2


@pytest.mark.slow
def test_dask_writes_the_same_rows_as_one_process(tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("dask.distributed")
    corpus = _corpus(tmp_path, 6)
    runner = CliRunner()
    serial, dask = tmp_path / "serial", tmp_path / "dask"
    assert runner.invoke(cli, ["ingest", str(corpus), "--parquet", str(serial)]).exit_code == 0
    res = runner.invoke(cli, ["ingest", str(corpus), "--parquet", str(dask), "--dask", "--workers", "2"])
    assert res.exit_code == 0, res.output
    for table in TABLES:
        a = pd.read_parquet(serial / table).sort_values(["id"] if table == "documents" else ["document", "id"])
        b = pd.read_parquet(dask / table).sort_values(["id"] if table == "documents" else ["document", "id"])
        pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True))
