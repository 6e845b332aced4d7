"""``fullpicture serve``: browse a store and its comparison in a web browser."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from fullpicture.cli import cli


@cli.command("serve")
@click.option("--db", type=click.Path(path_type=Path), required=True, help="The store to serve (read-only).")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
def serve_cmd(db: Path, port: int) -> None:
    """Serve a store read-only on http://127.0.0.1:PORT/.

    \b
    Pages:  /                      the documents, and a form to compare a topic
            /compare?topic=...      the comparison report
    JSON:   /api/documents.json     the documents' metadata
            /api/compare.json?topic=...   the comparison (fullpicture/comparison/v2)
    """
    from fullpicture.web import Data, make_server

    if not db.exists():
        raise click.UsageError(f"{db}: no such database")
    try:
        server = make_server(Data(db), port)
    except OSError as exc:
        click.echo(f"fullpicture: cannot listen on 127.0.0.1:{port} ({exc.strerror or exc})", err=True)
        sys.exit(1)
    real_port = server.server_address[1]
    click.echo(f"fullpicture: serving {db} on http://127.0.0.1:{real_port}/ (Ctrl-C to stop)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("fullpicture: stopped", err=True)
    finally:
        server.server_close()
