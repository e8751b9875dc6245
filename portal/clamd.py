"""Scan a finished file with a ClamAV daemon over its unix socket (the INSTREAM command)."""

from __future__ import annotations

import socket
import struct
from pathlib import Path

CHUNK = 1 << 16


def scan(socket_path: str, path: Path) -> tuple[bool, str]:
    """Return (flagged, clamd's answer) for the file at path; raise OSError where clamd cannot be reached."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(300)
        connection.connect(socket_path)
        connection.sendall(b"zINSTREAM\0")
        with path.open("rb") as file:
            while block := file.read(CHUNK):
                connection.sendall(struct.pack("!L", len(block)) + block)
        connection.sendall(struct.pack("!L", 0))
        answer = b""
        while not answer.endswith(b"\0") and (received := connection.recv(4096)):
            answer += received
    words = answer.rstrip(b"\0").decode("utf-8", "replace")
    return words.endswith("FOUND"), words[:500]
