"""``accord serve``: the JSON API and dashboard over one database (uvicorn)."""
from __future__ import annotations

import logging
import os

import click

from .options import config_option, db_option, settings_from

log = logging.getLogger(__name__)


@click.command("serve")
@db_option
@config_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind (keep 127.0.0.1 unless you mean it).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
@click.option("--token-env", "token_env", default=None, metavar="VAR",
              help="Environment variable holding an API token; when set, POST /api/ingest is enabled "
                   "for requests with 'Authorization: Bearer <token>'. Without it the server is read-only.")
@click.option("--max-page-size", default=500, show_default=True, type=click.IntRange(1, 10_000),
              help="Largest page the API returns.")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve(db, config_file, host, port, token_env, max_page_size, log_level):
    """Serve the read-only JSON API (/api, schema at /api/openapi.json) and the dashboard (/)."""
    import uvicorn

    from ..errors import AccordError
    from ..web import create_app

    settings = settings_from(config_file, db=db)
    token = None
    if token_env:
        token = os.environ.get(token_env)
        if not token:
            raise click.UsageError(f"--token-env {token_env}: that environment variable is empty or unset")
    try:
        app = create_app(settings.db, readonly=token is None, token=token, max_page_size=max_page_size,
                         max_body_bytes=settings.max_bytes, settings=settings)
    except AccordError as exc:
        raise click.ClickException(str(exc)) from exc
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: serving on {host}: the dashboard will be reachable from other machines", err=True)
    click.echo(f"Accord: serving {settings.db} at http://{host}:{port}/ (API schema: /api/openapi.json)", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)


def register(group: click.Group) -> None:
    group.add_command(serve)
