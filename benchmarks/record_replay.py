"""Cost of recording and replaying at 256x256 (one thread).

Prints, for a few representative pipelines, the per-image time of a live call,
a live call with ``return_record=True``, and ``aug.replay(record, ...)``, with
the recording overhead and the replay/live ratio measured in the same run.
Run: ``python benchmarks/record_replay.py``.
"""

from __future__ import annotations

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402  (pins one thread)

import imgaug2.augmenters as iaa  # noqa: E402


def pipelines() -> list[tuple[str, object]]:
    return [
        ("Fliplr(0.5)", iaa.Fliplr(0.5, seed=1)),
        ("Affine(rotate)", iaa.Affine(rotate=(-20, 20), seed=1)),
        ("AdditiveGaussianNoise", iaa.AdditiveGaussianNoise(scale=(0, 20), seed=1)),
        ("CoarseDropout", iaa.CoarseDropout(0.1, size_percent=0.1, seed=1)),
        ("Sequential(6 steps)", iaa.Sequential([
            iaa.Fliplr(0.5), iaa.Affine(rotate=(-20, 20)), iaa.CropAndPad(percent=(-0.1, 0.1)),
            iaa.GaussianBlur((0, 1.0)), iaa.AdditiveGaussianNoise(scale=(0, 10)),
            iaa.SomeOf((0, 2), [iaa.Multiply((0.8, 1.2)), iaa.LinearContrast((0.8, 1.2))]),
        ], seed=1)),
    ]


def per_image(fn, images, min_seconds: float = 0.5, repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        n, start = 0, time.perf_counter()
        while time.perf_counter() - start < min_seconds:
            for i, im in enumerate(images):
                fn(i, im)
            n += len(images)
        best = min(best, (time.perf_counter() - start) / n)
    return best * 1e6


def main() -> None:
    images = _harness.photos(256)
    print("%-24s %10s %12s %10s %10s %12s" % ("pipeline", "live us", "record us", "overhead",
                                               "replay us", "replay/live"))
    for name, aug in pipelines():
        records = [aug(image=im, key=i, return_record=True)[1] for i, im in enumerate(images)]
        live = per_image(lambda i, im: aug(image=im, key=i), images)
        rec = per_image(lambda i, im: aug(image=im, key=i, return_record=True), images)
        rep = per_image(lambda i, im: aug.replay(records[i], image=im), images)
        print("%-24s %10.1f %12.1f %9.1f%% %10.1f %12.2f" % (name, live, rec,
                                                             100 * (rec / live - 1), rep,
                                                             rep / live))


if __name__ == "__main__":
    main()
