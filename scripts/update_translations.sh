#!/usr/bin/env bash
# Collects every marked literal of the plugin's .py and .ui files (pylupdate5, Debian's pyqt5-dev-tools) into
# i18n/camreq_fr.ts, keeping the translations already made, and compiles it to i18n/camreq_fr.qm (lrelease,
# Debian's qttools5-dev-tools). Translate the new entries (type="unfinished") in the .ts, then run it again.
# Idempotent: a second run changes nothing.
#   scripts/update_translations.sh --collect FILE   writes the fresh collection to FILE only (for the tests)
set -euo pipefail
cd "$(dirname "$0")/.."

# The plugin's sources: everything a user can read comes from them (tests, benchmarks and scripts are not shipped).
mapfile -t sources < <(find . \( -path ./build -o -path ./.venv -o -path ./tests -o -path ./bench -o -path ./scripts \
    -o -path ./sample -o -path ./.git \) -prune -o \( -name '*.py' -o -name '*.ui' \) -print | sed 's|^\./||' | LC_ALL=C sort)

if [ "${1:-}" = "--collect" ]; then
    pylupdate5 -noobsolete "${sources[@]}" -ts "$2" 2>/dev/null
    exit 0
fi
pylupdate5 -noobsolete "${sources[@]}" -ts i18n/camreq_fr.ts 2>/dev/null
lrelease -silent i18n/camreq_fr.ts -qm i18n/camreq_fr.qm
unfinished=$(grep -c 'type="unfinished"' i18n/camreq_fr.ts || true)
echo "i18n/camreq_fr.qm written; ${unfinished} message(s) still to translate in i18n/camreq_fr.ts"
