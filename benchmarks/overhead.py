"""Per-call overhead at 32x32: the cost of the library around a trivial kernel.

Prints microseconds per image for single-image calls and 32-image batches, with
and without sample keys, and the ratio to a bare ``cv2.flip`` measured in the
same run. Run: ``python benchmarks/overhead.py``.
"""

from __future__ import annotations

import os
import sys
import timeit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402,F401  (pins one thread)

import cv2  # noqa: E402
import numpy as np  # noqa: E402

import imgaug2.augmenters as iaa  # noqa: E402


def per_call_us(fn, number: int = 5000, repeat: int = 7) -> float:
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number * 1e6


def main() -> None:
    img = np.random.default_rng(0).integers(0, 255, (32, 32, 3), dtype=np.uint8)
    batch = np.stack([img] * 32)
    keys = [(0, i) for i in range(32)]
    second = iaa.Add(10) if "Add" in iaa.__all__ else iaa.Flipud(1.0)
    second_name = "Add(10)" if "Add" in iaa.__all__ else "Flipud(1.0)"
    cases = [
        ("Fliplr(1.0)", iaa.Fliplr(1.0)),
        (second_name, second),
        ("Sequential[Fliplr, Flipud, Rot90]",
         iaa.Sequential([iaa.Fliplr(1.0), iaa.Flipud(1.0), iaa.Rot90(2)])),
    ]
    bare = per_call_us(lambda: cv2.flip(img, 1))
    print("bare cv2.flip(32x32x3): %.2f us" % bare)
    print("%-36s %14s %14s %14s %14s %8s" % ("augmenter", "call us/img", "+key us/img",
                                           "batch32 us/img", "+keys us/img", "ratio"))
    for name, aug in cases:
        single = per_call_us(lambda: aug(image=img))
        single_key = per_call_us(lambda: aug(image=img, key=(0, 7)))
        b = per_call_us(lambda: aug(images=batch), number=300) / 32
        bk = per_call_us(lambda: aug(images=batch, keys=keys), number=300) / 32
        print("%-36s %14.2f %14.2f %14.2f %14.2f %8.1f" % (name, single, single_key, b, bk,
                                                          single / bare))
    print("ratio = single-image call / bare cv2.flip in the same run")


if __name__ == "__main__":
    main()
