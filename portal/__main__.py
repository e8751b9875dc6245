"""scripts/portal: start the owner portal (the password comes from PGPASSWORD, .pgpass or a libpq service)."""

from __future__ import annotations

import argparse
from pathlib import Path

import uvicorn

from .app import Portal, create_app
from .logs import log_config
from .service import Database
from .storage import Storage


def main() -> None:
    """Parse the command line and serve the portal until interrupted."""
    parser = argparse.ArgumentParser(prog="scripts/portal", description="The CamReq owner portal.")
    parser.add_argument("--database", required=True, help='libpq connection string, e.g. "service=camreq-portal"')
    parser.add_argument("--storage", required=True, type=Path, help="folder for deposits (never served as such)")
    parser.add_argument("--listen", default="127.0.0.1:8090", help="HOST:PORT to listen on")
    parser.add_argument("--public-url", required=True, help="the address owners reach, e.g. https://depot.example.org")
    parser.add_argument("--clamd-socket", default="", help="ClamAV daemon socket: scan every finished deposit")
    parser.add_argument("--min-free-gb", type=float, default=1.0, help="disk space always left free (GB)")
    parser.add_argument(
        "--trusted-proxy", default="", help="address of the TLS reverse proxy whose X-Forwarded-For to trust"
    )
    arguments = parser.parse_args()
    if "password=" in arguments.database.replace(" ", ""):
        parser.error("--database: no password on the command line; use PGPASSWORD, ~/.pgpass or a libpq service")
    host, _, port = arguments.listen.rpartition(":")
    portal = Portal(
        Database(arguments.database),
        Storage(arguments.storage, int(arguments.min_free_gb * (1 << 30))),
        arguments.public_url.rstrip("/"),
        arguments.clamd_socket,
    )
    uvicorn.run(
        create_app(portal), host=host or "127.0.0.1", port=int(port), proxy_headers=bool(arguments.trusted_proxy),
        forwarded_allow_ips=arguments.trusted_proxy or None, log_config=log_config(), log_level="info",
    )  # fmt: skip


if __name__ == "__main__":
    main()
