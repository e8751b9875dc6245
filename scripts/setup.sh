#!/usr/bin/env bash
# Installs what CamReq's demo and tests need on Debian 12 (as root): Debian packages,
# a virtualenv with the pinned PyPI packages, and build/plugins/camreq linking to this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
    qgis python3-qgis qgis-providers            # QGIS 3.22 LTR and its Python bindings
    python3-psycopg2 python3-jinja2 python3-pyproj python3-venv python3-matplotlib
    postgresql postgresql-15-postgis-3 postgresql-common  # PostGIS and pg_virtualenv
    libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core  # WeasyPrint
    pyqt5-dev-tools qttools5-dev-tools          # pylupdate5 and lrelease for the translations
    redis-server                                # addok, the peer of bench/addresses.py
    softhsm2 poppler-utils                      # a PKCS#11 token for the signing tests; pdftoppm
    chromium                                    # the owner portal's browser tests (Playwright drives it)
    clamav-daemon                               # clamd: the portal's scan test starts its own, with its own signature
)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
    if [[ " ${missing[*]} " == *" clamav-daemon "* ]] && [ -d /run/systemd/system ]; then
        # Installed just now: its system clamd and freshclam (which wants the internet) are not CamReq's.
        systemctl disable --now clamav-daemon.socket clamav-daemon.service clamav-freshclam.service
    fi
fi

if [ ! -x .venv/bin/python ]; then
    /usr/bin/python3 -m venv --system-site-packages .venv
fi
.venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt

# tus-js-client (MIT), served by the owner portal from build/portal-npm: installed from npm, never from a CDN.
if [ ! -f build/portal-npm/node_modules/tus-js-client/dist/tus.min.js ]; then
    command -v npm >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q npm  # a Node.js may bring its own
    mkdir -p build/portal-npm
    npm install --prefix build/portal-npm --no-audit --no-fund --silent tus-js-client@4.3.1
fi

mkdir -p build/plugins
ln -sfn "$PWD" build/plugins/camreq
