"""`tacitus serve`: the dashboard and JSON API over a store."""

from __future__ import annotations

from pathlib import Path

import click

from tacitus.errors import UsageError

__all__ = ["serve_command"]

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


@click.command("serve")
@click.option(
    "--store",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The store to show [default: the configured store, else ./tacitus-data].",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--token",
    envvar="TACITUS_TOKEN",
    default=None,
    help="Secret every request must carry (Authorization: Bearer TOKEN, or ?token= once in "
    "a browser); required when --host is not a loopback address. Also read from "
    "TACITUS_TOKEN.",
)
def serve_command(store: Path | None, host: str, port: int, token: str | None) -> None:
    """Serve the dashboard and the JSON API (http://127.0.0.1:8000/, API under /api/)."""
    from tacitus.config import load_config

    if host not in LOCAL_HOSTS and not token:
        raise UsageError(
            f"--host {host} serves beyond this machine: give --token SECRET "
            "(or set TACITUS_TOKEN) so only those who know it can read the store"
        )
    if token is not None and len(token) < 8:
        raise UsageError("--token: use at least 8 characters")
    try:
        import uvicorn

        from tacitus.web import create_app
    except ImportError as e:
        raise UsageError(
            f"the dashboard needs the web extra ({e.name} is missing): pip install 'tacitus[web]'"
        ) from e
    path = store or Path(load_config().store)
    app = create_app(path, token=token)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"tacitus: serving {path} at http://{shown}:{port}/ (Ctrl+C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", limit_concurrency=64)
