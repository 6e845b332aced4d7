"""``fullpicture compare``: align several sides and render the comparison report."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from fullpicture._safetext import clean
from fullpicture.cli import cli
from fullpicture.cli._common import ProgressBars, report_error, report_notice

_FORMATS = ("html", "md", "json")


def expand_side_args(args: list[str]) -> list[str]:
    """Rewrite ``--side LABEL P1 P2 …`` into ``--side LABEL=P1 --side LABEL=P2``.

    ``--side LABEL=PATH`` passes through. Paths run until the next option.
    """
    out: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            out.extend(args[i:])
            break
        if arg == "--side" or arg.startswith("--side="):
            value = arg[len("--side="):] if arg.startswith("--side=") else None
            if value is None:
                if i + 1 >= len(args):
                    out.append(arg)
                    break
                value = args[i + 1]
                i += 1
            if "=" in value:
                out += ["--side", value]
                i += 1
                continue
            paths = []
            while i + 1 < len(args) and not args[i + 1].startswith("-"):
                paths.append(args[i + 1])
                i += 1
            if not paths:
                raise click.UsageError(f"--side {value}: give at least one path after the label")
            for p in paths:
                out += ["--side", f"{value}={p}"]
            i += 1
            continue
        out.append(arg)
        i += 1
    return out


class _SideCommand(click.Command):
    """A command whose ``--side`` option takes a label and any number of paths."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, expand_side_args(list(args)))


def _say_error(source: str, problem: str) -> None:
    """One line per bad input."""
    report_error(f"{source}: {problem}")


@cli.command("compare", cls=_SideCommand)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--side", "sides", multiple=True, metavar="LABEL PATH...",
              help="Assign a side to paths: --side LABEL PATH [PATH...] (repeatable; LABEL=PATH also works).")
@click.option("--db", type=click.Path(path_type=Path), help="Compare analyses from this store instead of files.")
@click.option("--topic", help="With --db: only documents about this topic.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write here (default: report.html for HTML, standard output otherwise).")
@click.option("--format", "fmt", type=click.Choice(_FORMATS), default=None, help="Output format (default html).")
@click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
@click.option("--settings", "settings_file", type=click.Path(path_type=Path), help="A TOML file overriding settings.")
@click.option("--workers", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Processes for the analysis.")
@click.option("--title", help="Title of the report.")
def compare_cmd(paths: tuple[Path, ...], sides: tuple[str, ...], db: Path | None, topic: str | None,
                output: Path | None, fmt: str | None, as_json: bool, settings_file: Path | None,
                workers: int, title: str | None) -> None:
    """Compare how several sides tell the same story.

    \b
    Examples:
      fullpicture compare --side azerbaijani essay_az.html --side armenian essay_am.html -o report.html
      fullpicture compare articles/ --json          (sides from declared perspectives or metadata)
      fullpicture compare --db corpus.db --topic "Karabakh" -o report.html
      fullpicture compare examples/ --format md

    Exit status: 0 ok, 1 some documents could not be read (the rest is compared), 2 usage error,
    3 internal error (a bug: please report it).
    """
    from fullpicture import compare, progress_units
    from fullpicture._errors import ConfigError, FullpictureError, UsageError
    from fullpicture.settings import load_settings

    if as_json:
        if fmt not in (None, "json"):
            raise click.UsageError("--json conflicts with --format " + str(fmt))
        fmt = "json"
    fmt = fmt or (_guess_format(output) if output else "html")
    labelled: dict[str, list[Path]] = {}
    for spec in sides:
        label, sep, path = spec.partition("=")
        if not sep or not label.strip() or not path:
            raise click.UsageError(f"--side {spec!r}: expected --side LABEL PATH")
        labelled.setdefault(label.strip(), []).append(Path(path))
    if db is not None and (labelled or paths):
        raise click.UsageError("give either paths/--side or --db, not both")
    if db is None and not (labelled or paths):
        raise click.UsageError("nothing to compare: give paths, --side LABEL PATH, or --db")
    if topic and db is None:
        raise click.UsageError("--topic needs --db")
    if db is not None and not db.exists():
        raise click.UsageError(f"{db}: no such database")
    target = output if output is not None else (Path("report.html") if fmt == "html" else None)
    if target is not None and str(target) != "-" and not target.parent.is_dir():
        # fail before the (long) analysis, not after it
        raise click.UsageError(f"{target}: folder {target.parent} does not exist")

    failed: list[str] = []

    def on_error(source: str, problem: str) -> None:
        failed.append(source)
        _say_error(source, problem)

    try:
        settings = load_settings(settings_file)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    try:
        with ProgressBars(units=progress_units()) as bars:
            comparison = compare(list(paths), sides=labelled, db=db, topic=topic, settings=settings,
                                 workers=workers, on_error=on_error, progress=bars.update)
            text = _render(comparison, fmt, title, settings, bars.update)
        for note in comparison.notices:
            report_notice(None, note)
        for a in comparison.documents:
            report_notice(a.document.source, a.document.notice)
    except UsageError as exc:
        if failed:
            click.echo(f"fullpicture: {exc}", err=True)
            sys.exit(1)
        raise click.UsageError(str(exc)) from None
    except FullpictureError as exc:
        click.echo(f"fullpicture: {exc}", err=True)
        sys.exit(1)
    except Exception as exc:  # never a traceback for the user; FULLPICTURE_DEBUG=1 shows it
        if os.environ.get("FULLPICTURE_DEBUG") == "1":
            raise
        from fullpicture.cli._common import guard

        sys.exit(guard(exc))  # one line, a bug-report hint, exit 3
    _write(clean(text), output, fmt)
    if failed:
        sys.exit(1)


def _guess_format(output: Path) -> str:
    suffix = output.suffix.lower()
    return {".md": "md", ".markdown": "md", ".json": "json"}.get(suffix, "html")


def _render(comparison: Any, fmt: str, title: str | None, settings: Any = None, progress: Any = None) -> str:
    if fmt == "json":
        return json.dumps(comparison.to_json_dict(), ensure_ascii=False, indent=1) + "\n"
    if fmt == "md":
        from fullpicture.report import render_markdown

        return render_markdown(comparison, settings)
    from fullpicture.report import render_html

    return render_html(comparison, title=title, settings=settings, progress=progress)


def _write(text: str, output: Path | None, fmt: str) -> None:
    if output is None and fmt == "html":
        output = Path("report.html")
    if output is None or str(output) == "-":
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        click.echo(f"fullpicture: {output}: cannot write ({exc.strerror or exc})", err=True)
        sys.exit(1)
    click.echo(f"fullpicture: wrote {output}", err=True)
