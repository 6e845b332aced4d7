"""Helpers shared by the sub-commands: error lines, progress bars, exit codes, input collection."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard, TypeVar

import click

from fullpicture import Failure
from fullpicture._errors import ConfigError, FullpictureError, UsageError
from fullpicture.settings import Settings, load_settings

if TYPE_CHECKING:
    from fullpicture import Analysis

T = TypeVar("T")

#: Exit codes of every command.
EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

#: Where to report a bug (printed with every internal error).
BUG_HINT = "this is a bug in fullpicture: please report it with the command and, if you can, the input (set FULLPICTURE_DEBUG=1 for the traceback)"


def one_line(msg: object) -> str:
    """``msg`` as one printable line of valid UTF-8 (whitespace collapsed, lone surrogates replaced)."""
    from fullpicture._safetext import clean

    return clean(" ".join(str(msg).split())) or type(msg).__name__


def report_error(msg: object) -> None:
    """Print one line ``fullpicture: error: <msg>`` to stderr (never a traceback)."""
    click.echo(f"fullpicture: error: {one_line(msg)}", err=True)


def json_text(obj: object, *, indent: int | None = None) -> str:
    """JSON text that is always valid UTF-8 (any lone surrogate left is replaced)."""
    from fullpicture._safetext import json_text as text

    return text(obj, indent=indent)


def report_warning(msg: str) -> None:
    """Print one line ``fullpicture: warning: <msg>`` to stderr."""
    click.echo(f"fullpicture: warning: {one_line(msg)}", err=True)


NO_DOCUMENTS = "no documents found under the given paths (.txt, .md, .html, .jsonl, .xml/.rss/.atom)"


def report_notice(source: str | None, notice: str | None) -> None:
    """Print a notice (a document's, e.g. a language without a full pipeline, or the
    comparison's when ``source`` is None) to stderr."""
    if notice:
        click.echo(f"fullpicture: notice: {source + ': ' if source else ''}{notice}", err=True)


def accepted(result: Analysis | Failure) -> TypeGuard[Analysis]:
    """Report one result of ``analyze_many``: a failure as its one error line (False), an
    analysis with its notice if it has one (True)."""
    if isinstance(result, Failure):
        report_error(result)
        return False
    report_notice(result.document.source, result.document.notice)
    return True


def progress_enabled() -> bool:
    """Progress bars show only when stderr is a terminal."""
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _rate_column() -> Any:
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Items per second."""

        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text("" if speed is None else f"{speed:.1f}/s", style="progress.data.speed")

    return RateColumn()


def summary_line(label: str, done: int, seconds: float, unit: str = "documents") -> str:
    """``label: N unit in S s (R/s)``: what a stage did, for logs when no bar is shown."""
    rate = f", {done / seconds:.1f}/s" if seconds > 0 and done else ""
    return f"fullpicture: {label}: {done} {unit} in {seconds:.1f} s{rate}"


def progress(iterable: Iterable[T], total: int | None, label: str, unit: str = "documents") -> Iterator[T]:
    """Yield from ``iterable`` with a rich progress bar on stderr (count, rate, time left);
    when stderr is not a terminal, one summary line at the end instead. Nothing for at most
    one item."""
    with ProgressBars(unit) as bars:
        bars.update(label, 0, total)
        for n, item in enumerate(iterable, 1):
            yield item
            bars.update(label, n, total)


class ProgressBars:
    """``update(stage, done, total)`` drives one rich progress bar per stage on a terminal
    (count, rate and time left); when stderr is not a terminal, one line per stage at the
    end (count, seconds, rate). ``units``: what each stage counts, where not ``unit``."""

    def __init__(self, unit: str = "documents", units: Mapping[str, str] | None = None) -> None:
        self._unit = unit
        self._units = dict(units or {})  # stage -> what it counts, when not ``unit``
        self._bar: Any = None
        self._tasks: dict[str, Any] = {}
        self._seen: dict[str, list[float]] = {}  # stage -> [first update, last update, done]

    def __enter__(self) -> ProgressBars:
        if progress_enabled():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(
                TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                _rate_column(), TimeElapsedColumn(), TimeRemainingColumn(), console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
        return self

    def update(self, stage: str, done: int, total: int | None) -> None:
        """Move the bar of ``stage`` to ``done`` of ``total``."""
        import time

        now = time.monotonic()
        seen = self._seen.setdefault(stage, [now, now, 0])
        seen[1], seen[2] = now, done
        if self._bar is None or (total is not None and total <= 1):
            return
        if stage not in self._tasks:
            self._tasks[stage] = self._bar.add_task(stage, total=total)
        self._bar.update(self._tasks[stage], completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
        elif exc[0] is None:
            for stage, (first, last, done) in self._seen.items():
                if done > 1:
                    click.echo(summary_line(stage, int(done), last - first, self._units.get(stage, self._unit)),
                               err=True)


def load_settings_or_exit(settings_file: str | Path | None) -> Settings:
    """Load settings; a bad --settings file is a usage error (exit 2)."""
    try:
        return load_settings(settings_file)
    except ConfigError as exc:
        report_error(exc)
        sys.exit(EXIT_USAGE)


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
    import os

    if os.environ.get("FULLPICTURE_DEBUG") == "1":
        import traceback

        traceback.print_exception(exc)
    detail = str(exc).splitlines()[0][:200] if str(exc) else ""
    report_error(f"internal error: {type(exc).__name__}: {detail} ({BUG_HINT})")
    return EXIT_INTERNAL
