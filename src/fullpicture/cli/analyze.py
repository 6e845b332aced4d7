"""``fullpicture analyze``: analyse files and print JSON or a summary table."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

import click

from fullpicture.cli import cli
from fullpicture.cli._common import (
    EXIT_OK,
    EXIT_SOME_FAILED,
    NO_DOCUMENTS,
    accepted,
    fail_usage,
    guard,
    json_text,
    load_settings_or_exit,
    progress,
    progress_enabled,
    report_error,
    report_notice,
)
from fullpicture.models import Analysis

if TYPE_CHECKING:
    from fullpicture import Document
    from fullpicture.settings import Settings


def _summary(analyses: list[Analysis], out: IO[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="fullpicture analysis", show_lines=False)
    for col in ("source", "lang", "side", "zones", "entities", "dates", "events", "figures", "claims", "framing"):
        table.add_column(col, justify="left" if col in ("source", "side", "lang") else "right",
                         overflow="fold", no_wrap=col != "source")
    for a in analyses:
        p = a.document.perspective
        table.add_row(
            a.document.source, a.document.language or "?", f"{p.label} ({p.origin})" if p else "-",
            str(len(a.zones)), str(len(a.entities)), str(len(a.timexes)), str(len(a.events)),
            str(len(a.figures)), str(len(a.claims)), str(len(a.framing)),
        )
    Console(file=out, width=None if out.isatty() else 220).print(table)


@cli.command("analyze")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON: one object for one document, an array for several.")
@click.option("--jsonl", "as_jsonl", is_flag=True, help="Print one JSON object per line (streams).")
@click.option("--perspective", metavar="LABEL", help="Declare the side every input speaks for (overrides metadata and text).")
@click.option("--settings", "settings_file", type=click.Path(dir_okay=False, path_type=Path), help="A TOML file overriding shipped settings.")
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True, help="Processes to analyse in parallel.")
@click.option("--dask", "use_dask", is_flag=True, help="Run on a local Dask cluster of --workers processes.")
@click.option("--dask-scheduler", "scheduler", metavar="ADDRESS", help="Run on a running Dask scheduler, e.g. tcp://host:8786.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file instead of stdout.")
def analyze_cmd(
    paths: tuple[Path, ...], as_json: bool, as_jsonl: bool, perspective: str | None,
    settings_file: Path | None, workers: int, use_dask: bool, scheduler: str | None, output: Path | None,
) -> None:
    """Analyse articles: entities, places, dates, events, figures, claims and framing,
    each anchored to character offsets in the text.

    PATHS are files or directories (walked recursively): .txt, .md, .html, .jsonl
    (one article per line), RSS/Atom feeds (.xml, .rss, .atom; one document per entry).

    \b
    Examples:
      fullpicture analyze essay.html                   # a summary table
      fullpicture analyze essay.html --json > a.json   # one JSON object
      fullpicture analyze articles/ --jsonl -o all.jsonl --workers 4
      fullpicture analyze report.txt --perspective ukrainian --json

    Unreadable inputs (empty, binary, too large, undecodable, malformed) are reported
    one line each on stderr; the others are still analysed. Exit codes: 0 ok, 1 some
    inputs failed, 2 usage error, 3 internal error (a bug: please report it).
    """
    if as_json and as_jsonl:
        fail_usage("choose one of --json and --jsonl")
    try:
        code = _run(paths, as_json, as_jsonl, perspective, settings_file, workers, scheduler or use_dask, output)
    except SystemExit:
        raise
    except BaseException as exc:  # no traceback ever reaches the user
        if isinstance(exc, KeyboardInterrupt):
            raise
        code = guard(exc)
    sys.exit(code)


def _run(
    paths: tuple[Path, ...], as_json: bool, as_jsonl: bool, perspective: str | None,
    settings_file: Path | None, workers: int, dask: str | bool, output: Path | None,
) -> int:
    from fullpicture import Encoded, analyze_many, count_documents, encode_json

    settings = load_settings_or_exit(settings_file)
    try:
        out: IO[str] = output.open("w", encoding="utf-8") if output else sys.stdout
    except OSError as exc:
        fail_usage(f"{output}: cannot write ({exc.strerror})")
        raise
    analyses: list[Analysis] = []
    read = _Reading()
    try:
        # inputs are read as the analysis goes (a pool starts on the first chunk, not after
        # every file was read); the bar follows finished analyses
        total = count_documents(paths, settings) if progress_enabled() else None
        docs = read.documents(paths, settings, perspective)
        # --jsonl: each analysis becomes its line where it was made (a worker), not here
        results = progress(analyze_many(docs, settings, workers=workers, dask=dask,
                                        finish=encode_json if as_jsonl else None), total, "analysing")
        payload: list[dict] = []
        failed = 0
        for result in results:
            if isinstance(result, Encoded):
                report_notice(result.source, result.notice)
                if result.text is None:
                    report_error(f"{result.source}: could not be converted to JSON ({result.problem})")
                    failed += 1
                else:
                    out.write(result.text + "\n")
                    out.flush()
                continue
            if not accepted(result):
                failed += 1
                continue
            try:  # the error boundary of one document's output
                item = result.to_json_dict() if as_json else None
            except Exception as exc:
                report_error(f"{result.document.source}: could not be converted to JSON ({type(exc).__name__}: {str(exc)[:120]})")
                failed += 1
                continue
            if as_json and item is not None:
                payload.append(item)
            else:
                analyses.append(result)
        if as_json:
            out.write(json_text(payload[0] if len(payload) == 1 else payload, indent=2) + "\n")
        elif not as_jsonl and analyses:
            _summary(analyses, out)
    finally:
        if output:
            out.close()
    if not read.documents_read and not read.errors:
        report_error(NO_DOCUMENTS)
        return EXIT_SOME_FAILED
    return EXIT_SOME_FAILED if failed or read.errors else EXIT_OK


class _Reading:
    """The inputs as a stream of documents; each unreadable one reported when met, and counted."""

    def __init__(self) -> None:
        self.documents_read = 0
        self.errors = 0

    def documents(self, paths: tuple[Path, ...], settings: Settings, perspective: str | None) -> Iterator[Document]:
        """Every readable document under ``paths``, in order (duplicates collapsed)."""
        from fullpicture import Document, iter_documents

        for item in iter_documents(paths, settings, perspective):
            if isinstance(item, Document):
                self.documents_read += 1
                yield item
            else:
                self.errors += 1
                report_error(item)
