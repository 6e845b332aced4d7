"""``fullpicture ingest``: analyse articles into a corpus database, idempotently."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from fullpicture.cli import cli
from fullpicture.cli._common import (
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    NO_DOCUMENTS,
    ProgressBars,
    accepted,
    guard,
    load_settings_or_exit,
    progress_enabled,
    report_error,
)

if TYPE_CHECKING:
    from fullpicture import Document

#: Test hook: exit abruptly (no cleanup) after this many documents were stored.
CRASH_ENV = "FULLPICTURE_TEST_CRASH_AFTER"


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--db", metavar="PATH|URL",
              help="SQLite file (created if missing) or a SQLAlchemy URL such as postgresql+psycopg://user@host/db.")
@click.option("--parquet", "parquet", type=click.Path(file_okay=False, path_type=Path), metavar="FOLDER",
              help="Write Parquet files instead of a database: one row per document, event, figure and "
                   "claim (FOLDER/documents, /events, /figures, /claims), for pandas, DuckDB or Spark.")
@click.option("--perspective", metavar="LABEL", help="Declare the side every input speaks for.")
@click.option("--settings", "settings_file", type=click.Path(dir_okay=False, path_type=Path), help="A TOML file overriding shipped settings.")
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True, help="Processes to analyse in parallel.")
@click.option("--dask", "use_dask", is_flag=True, help="Run on a local Dask cluster of --workers processes.")
@click.option("--dask-scheduler", "scheduler", metavar="ADDRESS", help="Run on a running Dask scheduler, e.g. tcp://host:8786.")
@click.option("--embed/--no-embed", default=True, show_default=True,
              help="Store the sentence vectors comparisons use (when [align] embeddings is on), "
                   "so that `compare --db` embeds nothing.")
def ingest_cmd(
    paths: tuple[Path, ...], db: str | None, parquet: Path | None, perspective: str | None,
    settings_file: Path | None, workers: int, use_dask: bool, scheduler: str | None, embed: bool,
) -> None:
    """Analyse articles and store them in a corpus database.

    Idempotent: a document already stored (same normalized text) is skipped, so
    re-running after an interruption completes the batch without duplicates. Documents
    are written a few at a time ([store] write_documents), each batch in one transaction:
    a crash never leaves half a document and loses only the unwritten batch, which the
    re-run analyses again.

    \b
    Examples:
      fullpicture ingest articles/ --db corpus.db
      fullpicture ingest feed.xml more.jsonl --db corpus.db --workers 4
      fullpicture ingest kyiv/ --db corpus.db --perspective ukrainian
      fullpicture ingest articles/ --db postgresql+psycopg://me@localhost/fp
      fullpicture ingest articles/ --db corpus.db --no-embed     (vectors later, at compare)
      fullpicture ingest articles/ --parquet out/ --dask --workers 8

    With --parquet, the same resumable streaming writes Parquet files (no sentence vectors).
    Prints how many documents were added, skipped (already stored) and failed.
    Exit codes: 0 ok, 1 some inputs failed, 2 usage error (e.g. the database cannot be opened),
    3 internal error (a bug: please report it).
    """
    try:
        if (db is None) == (parquet is None):
            report_error("give either --db PATH|URL or --parquet FOLDER")
            sys.exit(EXIT_USAGE)
        target: str | tuple[str, Path] = db if db is not None else ("parquet", parquet or Path("."))
        code = _run(paths, target, perspective, settings_file, workers, scheduler or use_dask, embed)
    except SystemExit:
        raise
    except Exception as exc:  # no traceback ever reaches the user
        code = guard(exc)
    sys.exit(code)


def _run(paths: tuple[Path, ...], db: str | tuple[str, Path], perspective: str | None, settings_file: Path | None,
         workers: int, dask: str | bool, embed: bool = True) -> int:
    from fullpicture import (
        InputError,
        analyze_many,
        count_documents,
        iter_documents,
        open_store,
        precompute_vectors,
    )
    from fullpicture._errors import StoreError

    settings = load_settings_or_exit(settings_file)
    store: Any
    try:
        if isinstance(db, tuple):  # --parquet FOLDER: no vectors there
            from fullpicture import ParquetStore

            store = ParquetStore(db[1], int(settings.get("store", "parquet_documents", 1000)))
            db, embed = str(db[1]), False
        else:
            store = open_store(db, settings)
    except StoreError as exc:
        report_error(exc)
        return EXIT_USAGE
    crash_after = int(os.environ.get(CRASH_ENV, "0") or 0)
    try:
        counts = {"read": 0, "errors": 0, "skipped": 0}

        check = max(1, int(settings.get("store", "check_documents", 256)))

        def new_documents() -> Iterator[Document]:
            """Documents not stored yet, read lazily (``check`` at a time, looked up in the
            store with one query): memory stays flat whatever the corpus size."""
            ahead: list[Document] = []

            def unstored() -> Iterator[Document]:
                found = store.stored([d.id for d in ahead])  # resume: what is stored is skipped
                for d in ahead:
                    if d.id in found:
                        counts["skipped"] += 1
                    else:
                        yield d
                ahead.clear()

            for item in iter_documents(paths, settings, perspective):
                if isinstance(item, InputError):
                    report_error(item)
                    counts["errors"] += 1
                    continue
                counts["read"] += 1
                ahead.append(item)
                if len(ahead) >= check:
                    yield from unstored()
            yield from unstored()

        added, failed = 0, 0
        to_embed: list[Any] = []  # stored analyses whose vectors are not stored yet
        embed = embed and bool(settings.get("align", "embeddings", True))
        batch = max(1, int(settings.get("store", "embed_documents", 16)))

        def embed_stored() -> None:
            """Store the vectors of the documents just stored (a kill loses only these: a later
            comparison embeds them and keeps them)."""
            if to_embed:
                precompute_vectors(to_embed, settings, store)
                to_embed.clear()
        # the bar follows finished analyses (not submissions to the pool) plus the documents
        # skipped or refused while reading; its total is counted cheaply beforehand (lines of
        # JSON Lines, items of feeds), so it shows the rate and the time left
        total = count_documents(paths, settings) if progress_enabled() else None
        done = 0

        def shown() -> int:  # on a terminal, the bar counts what was skipped or refused too
            return done + counts["skipped"] + counts["errors"] if total is not None else done

        pending: list[Any] = []  # analysed, not stored yet: written [store] write_documents at a time
        write_batch = max(1, int(settings.get("store", "write_documents", 16)))

        def store_pending() -> None:
            """Write the pending analyses in one transaction (each alone if that fails); a kill
            loses only these, which the resumed run analyses again."""
            nonlocal added, failed
            if not pending:
                return
            try:  # the store reports each document's failure; this catches the store itself failing
                outcomes: list[Any] = store.add_many(pending)
            except Exception as exc:  # reported per document, the run goes on
                outcomes = [exc] * len(pending)
            for result, outcome in zip(pending, outcomes, strict=True):
                if outcome is True:
                    added += 1
                    if embed:
                        to_embed.append(result)
                elif outcome is False:
                    counts["skipped"] += 1
                elif isinstance(outcome, StoreError):
                    report_error(outcome)
                    failed += 1
                else:
                    report_error(f"{result.document.source}: could not be stored "
                                 f"({type(outcome).__name__}: {str(outcome)[:120]})")
                    failed += 1
            pending.clear()
            if len(to_embed) >= batch:
                embed_stored()
            if crash_after and added >= crash_after:
                os._exit(86)

        with ProgressBars() as bars:
            bars.update("ingesting", 0, total)
            for result in analyze_many(new_documents(), settings, workers=workers, dask=dask):
                done += 1
                bars.update("ingesting", shown(), total)
                if not accepted(result):
                    failed += 1
                    continue
                pending.append(result)
                if len(pending) >= write_batch or (crash_after and added + len(pending) >= crash_after):
                    store_pending()
            store_pending()
            bars.update("ingesting", shown(), total)
        try:
            embed_stored()
        except StoreError as exc:
            report_error(exc)
            failed += 1
        failed += counts["errors"]
        click.echo(f"added {added}, skipped {counts['skipped']}, failed {failed} ({store.count()} documents in {db})")
    finally:
        store.close()
    if not counts["read"] and not counts["errors"]:
        report_error(NO_DOCUMENTS)
        return EXIT_SOME_FAILED
    return EXIT_SOME_FAILED if failed else EXIT_OK
