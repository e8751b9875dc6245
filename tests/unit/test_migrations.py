"""The migration chain is numbered without gaps and a released migration is never edited (db/sql/checksums.txt)."""

from __future__ import annotations

import hashlib
import re

from camreq.db import schema

CHECKSUMS = schema.SQL_DIR / "checksums.txt"


def recorded_checksums() -> dict[str, str]:
    """Return the SHA-256 recorded for each migration file, by file name (sha256sum's format)."""
    lines = CHECKSUMS.read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, name in (line.split(maxsplit=1) for line in lines if line.strip())}


def test_migrations_are_numbered_from_1_without_gaps():
    assert [migration.version for migration in schema.migrations()] == list(range(1, schema.latest_version() + 1))


def test_every_sql_file_of_db_sql_is_a_migration_the_installer_runs():
    assert sorted(path.name for path in schema.SQL_DIR.glob("*.sql")) == [m.name for m in schema.migrations()]


def test_each_migration_records_its_own_version():
    for migration in schema.migrations():
        text = migration.path.read_text(encoding="utf-8")
        recorded = re.findall(r"INSERT INTO camreq\.schema_version \(version\) VALUES \((\d+)\);", text)
        assert recorded == [str(migration.version)], migration.name


def test_every_migration_has_its_checksum_and_none_was_edited():
    recorded = recorded_checksums()
    for migration in schema.migrations():
        assert migration.name in recorded, (
            f"{migration.name} is new: record it with `cd db/sql && sha256sum {migration.name} >> checksums.txt`"
        )
        digest = hashlib.sha256(migration.path.read_bytes()).hexdigest()
        assert digest == recorded[migration.name], (
            f"{migration.name} was edited after it reached main: put the change in a new migration instead"
        )


def test_checksums_name_no_missing_migration():
    assert set(recorded_checksums()) == {migration.name for migration in schema.migrations()}
