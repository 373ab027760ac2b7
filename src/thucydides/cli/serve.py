"""`thucydides serve`: the JSON API and the pages over a database, on this machine."""

from __future__ import annotations

import errno
import socket

import click

from thucydides.cli.options import db_option
from thucydides.errors import InputError


def _listening_socket(host: str, port: int) -> socket.socket:
    """The socket the server will listen on, bound here so that a busy port is one clear line."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    except socket.gaierror as error:
        raise InputError(f"--host {host}: not an address of this machine ({error.strerror})") from error
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            raise InputError(f"port {port} on {host} is already in use; choose another with --port") from error
        raise InputError(f"cannot listen on {host}:{port}: {error.strerror or error}") from error
    return sock


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. The default is reachable from this machine only; 0.0.0.0 opens it to the network.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0: any free port).")
def serve_command(db: str, host: str, port: int) -> None:
    """Serve the database as web pages and a JSON API (read-only): events with filters and
    downloads, each article with its events, actors, quotes, places and dates marked in its
    text, actors, dyads over time, a map and a network. The API is described at /docs."""
    import uvicorn

    from thucydides.cli.query import open_existing
    from thucydides.serve.app import create_app

    open_existing(db).close()  # a missing or unreadable database is one line, before listening
    app = create_app(db)
    sock = _listening_socket(host, port)
    bound_port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"Serving {db} (read-only) at http://{shown}:{bound_port}/  (API: http://{shown}:{bound_port}/docs; Ctrl+C stops)")
    config = uvicorn.Config(app, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
