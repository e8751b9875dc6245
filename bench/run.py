"""Runs every benchmark module of bench/ (make bench): each prints its figures and ratios, none is a test."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def main() -> None:
    """Run main(argv) of each bench/*.py module except this one, in name order."""
    for path in sorted(BENCH_DIR.glob("*.py")):
        if path.name == "run.py":
            continue
        spec = importlib.util.spec_from_file_location(f"bench_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        print(f"== bench/{path.name}")
        module.main(sys.argv[1:])


if __name__ == "__main__":
    main()
