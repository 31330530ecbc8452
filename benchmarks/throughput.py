"""Single-thread throughput of every benchmarked augmenter beside its bare OpenCV/numpy floor.

Each family contributes ``benchmarks/bench_<family>.py`` with ``CASES`` (a list of
``_harness.Case``). Run: ``python benchmarks/throughput.py [family ...] [--sizes 256 512] [--batch 16]``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _harness  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("families", nargs="*", help="families to run (default: all)")
    parser.add_argument("--sizes", nargs="+", type=int, default=[256, 512])
    parser.add_argument("--batch", type=int, default=0,
                        help="also time aug(images=[...]) with this many images per call")
    args = parser.parse_args(argv)
    here = os.path.dirname(os.path.abspath(__file__))
    families = args.families or sorted(
        f[len("bench_"):-3] for f in os.listdir(here) if f.startswith("bench_") and f.endswith(".py"))
    for family in families:
        module = importlib.import_module("bench_" + family)
        for size in args.sizes:
            rows = _harness.run_cases(module.CASES, size)
            _harness.print_table(rows, "%s @ %dx%d, one thread" % (family, size, size))
            if args.batch > 0:
                rows = _harness.run_cases(module.CASES, size, batch=args.batch)
                _harness.print_table(rows, "%s @ %dx%d, one thread, batches of %d images"
                                     % (family, size, size, args.batch))


if __name__ == "__main__":
    main()
