"""The ``fullpicture`` command line. Each sub-command lives in its own module."""

from __future__ import annotations

import sys

import click

from fullpicture import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="fullpicture")
def cli() -> None:
    """fullpicture: show every side of a contested story.

    \b
    Typical use:
      fullpicture compare --side armenian a.html --side azerbaijani b.html -o report.html
      fullpicture analyze essay.html --json > analysis.json
      fullpicture ingest articles/ --db corpus.db

    Every entity, date, event, figure, claim and framing cue in the output
    points to character offsets in its source text.
    """


def _register() -> None:
    from fullpicture.cli import analyze as _analyze  # noqa: F401
    from fullpicture.cli import compare as _compare  # noqa: F401
    from fullpicture.cli import ingest as _ingest  # noqa: F401
    from fullpicture.cli import serve as _serve  # noqa: F401


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI; no traceback ever reaches the user."""
    _register()
    try:
        cli.main(args=argv, prog_name="fullpicture", standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("fullpicture: interrupted", err=True)
        sys.exit(130)
