#!/usr/bin/env bash
# Refreshes i18n/camreq_fr.ts from the GUI sources (pylupdate5, Debian's pyqt5-dev-tools) and compiles it to
# i18n/camreq_fr.qm (lrelease, Debian's qttools5-dev-tools). Translate new entries in the .ts, then run it again.
set -euo pipefail
cd "$(dirname "$0")/.."
pylupdate5 -noobsolete plugin.py dialogs/*.py dialogs/*.ui -ts i18n/camreq_fr.ts 2>/dev/null
lrelease -silent i18n/camreq_fr.ts -qm i18n/camreq_fr.qm
unfinished=$(grep -c 'type="unfinished"' i18n/camreq_fr.ts || true)
echo "i18n/camreq_fr.qm written; ${unfinished} message(s) still to translate in i18n/camreq_fr.ts"
