"""Run every benchmark module of bench/ (each has a main()), in name order."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PLUGINS_DIR = BENCH_DIR.parent / "build" / "plugins"  # where scripts/setup.sh links the checkout as camreq


def main() -> None:
    """Import each bench/*.py except this one and call its main()."""
    if str(PLUGINS_DIR) not in sys.path:
        sys.path.insert(0, str(PLUGINS_DIR))
    for path in sorted(BENCH_DIR.glob("*.py")):
        if path.name == "run.py" or path.name.startswith("_"):
            continue
        spec = importlib.util.spec_from_file_location(f"bench_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        print(f"== {path.name}", flush=True)
        module.main()


if __name__ == "__main__":
    sys.exit(main())
