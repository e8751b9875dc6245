#!/usr/bin/env bash
# The schema as pg_dump writes it, on the PostgreSQL server the PG* variables name (psql's defaults otherwise).
#   scripts/dump_schema.sh                    refreshes docs/schema.sql: pg_dump --schema-only of a fresh install
#   scripts/dump_schema.sh --fresh            prints that dump instead (the db tests compare it with docs/schema.sql)
#   scripts/dump_schema.sh --release X.Y.Z    freezes release X.Y.Z as tests/db/schemas/X.Y.Z.sql (its schema and
#                                             every row of a fresh install, schema_version included), for the
#                                             upgrade test; run it once, on the release's commit
#   scripts/dump_schema.sh --compare DBNAME   prints the schema and rows (but schema_version's) of a database,
#                                             as the upgrade test compares an upgraded database with a fresh one
# Lines that change from one dump to the next (pg_dump's \restrict keys and versions) are left out.
set -euo pipefail
cd "$(dirname "$0")/.."

dump() {
    pg_dump --no-owner "$@" | sed -e '/^\\\(un\)\?restrict /d' -e '/^-- Dumped \(from\|by\) /d'
}

fresh_database() {
    database="camreq_dump_$$"
    trap 'dropdb --if-exists "$database"' EXIT
    createdb "$database"
    PYTHONPATH="$PWD/build/plugins" .venv/bin/python -c '
import sys
from camreq.db import schema
from camreq.db.connection import connect
schema.install_or_upgrade(connect("dbname=" + sys.argv[1]), report=lambda message: None)
' "$database" 2>/dev/null
}

case "${1:-}" in
    "")
        fresh_database
        dump --schema-only "$database" > docs/schema.sql
        echo "docs/schema.sql written"
        ;;
    --fresh)
        fresh_database
        dump --schema-only "$database"
        ;;
    --release)
        fresh_database
        dump --inserts "$database" > "tests/db/schemas/$2.sql"
        echo "tests/db/schemas/$2.sql written"
        ;;
    --compare)
        dump --schema-only "$2"
        dump --data-only --inserts --schema=camreq --exclude-table-data=camreq.schema_version "$2"
        ;;
    *)
        sed -n '2,9s/^# \?//p' "$0" >&2
        exit 2
        ;;
esac
