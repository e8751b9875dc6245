"""Deposited files on disk: streamed to a random name outside any served folder, hashed as they arrive.

The SHA-256 state of an unfinished upload is kept in memory; after a restart (or a lost state) it is computed
again from the partial file before appending, so a resumed upload always ends with the hash of the whole file.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

CHUNK = 1 << 20


@dataclass
class Partial:
    """An unfinished upload: how many bytes are on disk and the hash of exactly those bytes."""

    offset: int
    hasher: hashlib._Hash


@dataclass
class Storage:
    """The storage folder: incoming/ (partial uploads), deposits/ (finished), quarantine/ (flagged by ClamAV)."""

    root: Path
    min_free: int = 1 << 30
    partials: dict[str, Partial] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Create the three folders, readable by the portal's system user only."""
        for name in ("incoming", "deposits", "quarantine"):
            (self.root / name).mkdir(mode=0o700, parents=True, exist_ok=True)

    def incoming(self, upload_id: str) -> Path:
        """Return the path of an unfinished upload."""
        return self.root / "incoming" / upload_id

    def deposit(self, upload_id: str) -> Path:
        """Return the path of a finished deposit."""
        return self.root / "deposits" / upload_id

    def has_room_for(self, size: int) -> bool:
        """Return whether size bytes fit on the disk and leave min_free bytes free."""
        return shutil.disk_usage(self.root).free - size >= self.min_free

    def create(self, upload_id: str) -> None:
        """Create the empty file of a new upload."""
        descriptor = os.open(self.incoming(upload_id), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(descriptor)
        self.partials[upload_id] = Partial(0, hashlib.sha256())

    def offset(self, upload_id: str) -> int | None:
        """Return how many bytes of an unfinished upload are on disk (None: no such file)."""
        try:
            return self.incoming(upload_id).stat().st_size
        except FileNotFoundError:
            return None

    def partial(self, upload_id: str) -> Partial:
        """Return the hash state of an upload, computed again from the file when lost or out of step."""
        on_disk = self.offset(upload_id) or 0
        kept = self.partials.get(upload_id)
        if kept is None or kept.offset != on_disk:
            hasher = hashlib.sha256()
            with self.incoming(upload_id).open("rb") as file:
                while block := file.read(CHUNK):
                    hasher.update(block)
            kept = self.partials[upload_id] = Partial(on_disk, hasher)
        return kept

    def finish(self, upload_id: str, quarantine: bool) -> str:
        """Move a complete upload to deposits/ (or quarantine/) and return its SHA-256."""
        partial = self.partial(upload_id)
        target = self.root / ("quarantine" if quarantine else "deposits") / upload_id
        os.replace(self.incoming(upload_id), target)
        del self.partials[upload_id]
        return partial.hasher.hexdigest()

    def delete(self, upload_id: str) -> None:
        """Delete a deposit's file wherever it is (retention over)."""
        for folder in ("deposits", "quarantine", "incoming"):
            (self.root / folder / upload_id).unlink(missing_ok=True)
