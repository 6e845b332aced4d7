"""Helpers shared by the sub-commands: error lines, progress bars, exit codes, input collection."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

import click

from fullpicture._errors import ConfigError, FullpictureError, InputError, UsageError
from fullpicture.ingest import Document
from fullpicture.settings import Settings, load_settings

T = TypeVar("T")

#: Exit codes of every command.
EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2


def report_error(msg: object) -> None:
    """Print one line ``fullpicture: error: <msg>`` to stderr (never a traceback)."""
    text = " ".join(str(msg).split()) or type(msg).__name__
    click.echo(f"fullpicture: error: {text}", err=True)


def report_warning(msg: str) -> None:
    """Print one line ``fullpicture: warning: <msg>`` to stderr."""
    click.echo(f"fullpicture: warning: {' '.join(msg.split())}", err=True)


def report_notice(source: str, notice: str | None) -> None:
    """Print a document's analysis notice (e.g. a language without a full pipeline) to stderr."""
    if notice:
        click.echo(f"fullpicture: notice: {source}: {notice}", err=True)


def progress_enabled() -> bool:
    """Progress bars show only when stderr is a terminal."""
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def progress(iterable: Iterable[T], total: int | None, label: str) -> Iterator[T]:
    """Yield from ``iterable`` with a rich progress bar on stderr (off when stderr is not a TTY
    or there is at most one item)."""
    if not progress_enabled() or (total is not None and total <= 1):
        yield from iterable
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    ) as bar:
        task = bar.add_task(label, total=total)
        for item in iterable:
            yield item
            bar.advance(task)


def load_settings_or_exit(settings_file: str | Path | None) -> Settings:
    """Load settings; a bad --settings file is a usage error (exit 2)."""
    try:
        return load_settings(settings_file)
    except ConfigError as exc:
        report_error(exc)
        sys.exit(EXIT_USAGE)


def collect_documents(
    paths: Sequence[str | Path], settings: Settings, perspective: str | None = None
) -> tuple[list[Document], list[InputError]]:
    """Read every path (files, directories, feeds, JSON Lines) into documents and input errors.

    Errors are returned, not printed; duplicates collapse by content id.
    """
    from fullpicture.ingest import iter_documents

    docs: list[Document] = []
    errors: list[InputError] = []
    for item in iter_documents(paths, settings, perspective):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            docs.append(item)
    return docs, errors


def fail_usage(msg: str) -> None:
    """Report a usage error and exit with code 2."""
    report_error(msg)
    sys.exit(EXIT_USAGE)


def guard(exc: BaseException) -> int:
    """Map an exception escaping a command to an exit code, printing one line."""
    if isinstance(exc, BrokenPipeError):  # e.g. `fullpicture analyze x --json | head`
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    if isinstance(exc, UsageError | ConfigError):
        report_error(exc)
        return EXIT_USAGE
    if isinstance(exc, FullpictureError):
        report_error(exc)
        return EXIT_SOME_FAILED
    report_error(f"internal error: {type(exc).__name__}: {exc}")
    return EXIT_SOME_FAILED
