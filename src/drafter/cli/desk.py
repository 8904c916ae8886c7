"""`drafter review`: the desk's server, its socket and its Host policy."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from drafter.cli.base import (
    ConfigOpt,
    _announce,
    _fail,
    app,
)
from drafter.errors import ConfigError, DrafterError

if TYPE_CHECKING:
    import socket


@app.command()
def review(
    host: Annotated[
        str, typer.Option("--host", help="Address to bind; loopback unless you mean it.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8765,
    import_dirs: Annotated[
        list[Path] | None,
        typer.Option(
            "--import", help="Also list the run folders in this folder (default: ./drafts)."
        ),
    ] = None,
    allowed_hosts: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            help="A name (or name:port) editors use to reach the desk, when it is not HOST "
            "itself: required with --host 0.0.0.0. Other Host headers are refused.",
        ),
    ] = None,
    config: ConfigOpt = None,
) -> None:
    """The editors' desk: review drafts beside their source in the browser, edit or regenerate
    a section, re-check, approve, export. Serves http://HOST:PORT/ until Ctrl-C."""
    from drafter.config import load_settings

    try:
        settings = load_settings({}, config_path=config, announce=_announce)
        from drafter.run.archive import open_archive

        archive = open_archive(settings)
    except DrafterError as exc:
        _fail(exc)
    folders = import_dirs if import_dirs is not None else [Path("drafts")]
    for missing in [f for f in import_dirs or [] if not f.is_dir()]:
        typer.echo(f"warning: --import {missing} is not a folder; nothing read from it.", err=True)
    folders = [f for f in folders if f.is_dir()]
    import uvicorn

    from drafter.desk.app import create_app

    host = host.strip().lower()  # Host headers are compared in lower case
    shown, allowed = _bind_names(host, port, allowed_hosts)
    try:
        listener = _listen(host, port)
    except ConfigError as exc:
        _fail(exc)
    desk = create_app(settings, archive, allowed_hosts=allowed, import_dirs=folders)
    typer.echo(f"drafter review: http://{shown}:{port}/  (archive {archive.path})", err=True)
    server = uvicorn.Server(uvicorn.Config(desk, log_level="warning"))
    server.run(sockets=[listener])


def _bind_names(host: str, port: int, allowed_hosts: list[str] | None) -> tuple[str, set[str]]:
    """HOST as a URL shows it, and the Host headers the desk answers; refuses a wildcard
    address without --allowed-host, warns about any address but loopback."""
    loopback = host in ("127.0.0.1", "localhost", "::1")
    wildcard = host in ("0.0.0.0", "::", "0", "::0")  # refused below without --allowed-host
    if wildcard and not allowed_hosts:
        _fail(
            ConfigError(
                f"--host {host} listens on every address, so the desk cannot tell its own name "
                "from a rebinding attacker's.",
                hint="Say which names editors will type: --allowed-host desk.newsroom.lan "
                "(repeat for more, e.g. the machine's IP address).",
            )
        )
    if not loopback:
        typer.echo(
            f"warning: binding to {host}: anyone who can reach it can edit and export drafts.",
            err=True,
        )
    shown = f"[{host}]" if ":" in host else host
    names = set() if wildcard else {shown}
    if loopback or wildcard:
        names |= {"127.0.0.1", "localhost", "[::1]"}
    return shown, _host_headers([*names, *(allowed_hosts or [])], port)


def _host_headers(names: list[str], port: int) -> set[str]:
    """The Host headers the desk answers: each name as given with a port, else both bare
    (browsers leave out :80, a proxy may pass its own Host) and with the desk's port."""
    allowed = set()
    for name in (n.strip().lower() for n in names):
        after_bracket = name.rsplit("]", 1)[-1] if name.startswith("[") else name
        allowed |= {name} if ":" in after_bracket else {name, f"{name}:{port}"}
    return allowed


def _listen(host: str, port: int) -> socket.socket:
    """The desk's listening socket, bound here so a taken port is a clear error, not a
    uvicorn traceback (and no other process can take it between the check and the bind).
    IPv6 for an address with a colon, else IPv4, as uvicorn itself does."""
    import errno
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener: socket.socket | None = None
    try:
        listener = socket.socket(family, socket.SOCK_STREAM)
        if sys.platform != "win32":  # on Windows it would let a second server share the port
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
        listener.listen(128)
    except OSError as exc:
        if listener is not None:
            listener.close()
        if exc.errno == errno.EADDRINUSE:
            hint = f"Is drafter review already running? Choose another port with --port {port + 1}."
        elif exc.errno == errno.EACCES:
            hint = "Ports below 1024 need special rights: choose another with --port."
        else:
            hint = "Check --host (an address of this machine) and --port."
        raise ConfigError(
            f"Cannot listen on {host} port {port}: {exc.strerror or exc}.", hint=hint
        ) from exc
    return listener
