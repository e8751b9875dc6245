"""Runs inside addok's virtualenv (bench/addresses.py starts it): answer typed queries, one JSON line each.

Reads JSON lines [text] on stdin, writes JSON lines [lon, lat, seconds] (lon and lat null where nothing is found).
ADDOK_CONFIG_MODULE names the configuration, as for the addok command.
"""

from __future__ import annotations

import json
import sys
import time

from addok.config import config
from addok.core import search


def main() -> None:
    """Answer every query of stdin with addok's best result and the time it took."""
    config.load()
    for line in sys.stdin:
        text = json.loads(line)
        start = time.perf_counter()
        found = search(text, limit=1, autocomplete=False)
        elapsed = time.perf_counter() - start
        place = (float(found[0].lon), float(found[0].lat)) if found else (None, None)
        print(json.dumps([*place, elapsed]), flush=True)


if __name__ == "__main__":
    main()
