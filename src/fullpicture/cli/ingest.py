"""``fullpicture ingest`` (placeholder: filled by its issue)."""

from __future__ import annotations

import click

from fullpicture.cli import cli


@cli.command("ingest")
def ingest_cmd() -> None:
    """Not implemented yet."""
    raise click.UsageError("not implemented yet")
