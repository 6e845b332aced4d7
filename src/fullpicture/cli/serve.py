"""``fullpicture serve``: browse a store and its comparisons in a web browser."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from fullpicture.cli import cli


@cli.command("serve")
@click.option("--db", type=click.Path(path_type=Path), required=True, help="The store to serve (read-only).")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Anything but loopback needs a token.")
@click.option("--token", default=None, metavar="TOKEN",
              help="Require this token (Authorization: Bearer TOKEN, or ?token=TOKEN once per browser). "
                   "Default: $FULLPICTURE_TOKEN.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also accept this Host header (a name the server is reached by). Repeatable.")
@click.option("--results", "results_dir", type=click.Path(path_type=Path), default=None,
              help="Keep computed comparisons in this folder, so a restarted server shows them at once. "
                   "Default: $XDG_CACHE_HOME/fullpicture/comparisons; 'none' keeps them in memory only.")
@click.option("--settings", "settings_file", type=click.Path(path_type=Path), default=None,
              help="A TOML file overriding the shipped settings ([web] limits and timeouts).")
def serve_cmd(db: Path, port: int, host: str, token: str | None, allow_hosts: tuple[str, ...],
              results_dir: Path | None, settings_file: Path | None) -> None:
    """Serve a store read-only on http://127.0.0.1:PORT/.

    \b
    Pages:  /                        stories, newest first, with coverage and blindspots
            /story/ID                the comparison of one story (side picker)
            /doc/ID  /place/KEY  /outlet/SITE  /search?q=...
            /compare?topic=...       the comparison of a topic
    JSON:   /api/...                 the same data as every page; /api/openapi.json describes it
    Export: /export/TABLE.csv|json|geojson|parquet
    """
    from fullpicture._errors import FullpictureError
    from fullpicture.settings import load_settings
    from fullpicture.web import Data, make_server

    token = token or os.environ.get("FULLPICTURE_TOKEN") or None
    if not db.exists():
        raise click.UsageError(f"{db}: no such database")
    try:
        settings = load_settings(settings_file)
        if results_dir is None:
            cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
            results_dir = Path(cache) / "fullpicture" / "comparisons"
        data = Data(db, settings=settings, results_dir=None if str(results_dir) == "none" else results_dir)
        data.store()  # refuse an empty or foreign file now, not on the first request
        server = make_server(data, port, host=host, token=token, allow_hosts=allow_hosts, settings=settings)
    except FullpictureError as exc:
        from fullpicture.web._app import safe_message

        click.echo(f"fullpicture: error: {db.name}: {safe_message(exc, db)}", err=True)
        sys.exit(2)
    except OSError as exc:
        click.echo(f"fullpicture: cannot listen on {host}:{port} ({exc.strerror or exc})", err=True)
        sys.exit(1)
    shown = f"[{host}]" if ":" in host else host
    real_port = server.server_address[1]
    note = " (token required)" if token else ""
    click.echo(f"fullpicture: serving {db.name} on http://{shown}:{real_port}/{note} (Ctrl-C to stop)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        data.close()
        click.echo("fullpicture: stopped", err=True)
