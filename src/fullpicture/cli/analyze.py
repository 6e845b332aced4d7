"""``fullpicture analyze`` (placeholder: filled by its issue)."""

from __future__ import annotations

import click

from fullpicture.cli import cli


@cli.command("analyze")
def analyze_cmd() -> None:
    """Not implemented yet."""
    raise click.UsageError("not implemented yet")
