"""Shared benchmark plumbing: single-thread setup, sample photos, timing, tables.

Benchmarks print figures and never assert. Ratios compare an augmenter with the bare
OpenCV/numpy call doing the same work (the floor), measured in the same run, so
machine noise largely cancels.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import math  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from typing import Any, Callable  # noqa: E402

import cv2  # noqa: E402
import numpy as np  # noqa: E402

cv2.setNumThreads(1)

__all__ = ["Case", "photos", "rate", "rate_pair", "rate_pair_batched", "run_cases",
           "print_table"]


@dataclass
class Case:
    """One benchmark row.

    Attributes:
        name: Row label.
        make: Builds the augmenter (fixed parameters, so the floor can do the same work).
        floor: ``f(image) -> image`` doing the same work with bare OpenCV/numpy, or None.
        note: Free text printed beside the row.
        info: The floor does only part of the augmenter's work (e.g. a remap with
            precomputed maps); its ratio is printed in parentheses for reference and
            left out of the summary.
        sized: ``make`` takes the benchmark's image size (square photos), for
            augmenters whose arguments depend on it.
    """

    name: str
    make: Callable[..., Any]
    floor: Callable[[np.ndarray], Any] | None = None
    note: str = ""
    info: bool = False
    sized: bool = False


def photos(size: int, n: int = 8) -> list[np.ndarray]:
    """``n`` distinct real-photo crops of ``size x size`` from the bundled sample image."""
    from imgaug2 import data
    base = data.quokka()
    h, w = base.shape[:2]
    out = []
    for i in range(n):
        scale = size / min(h, w) * (1.0 + 0.1 * (i % 3))
        img = cv2.resize(base, (max(size, int(w * scale)), max(size, int(h * scale))),
                         interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC)
        y = (i * 7) % max(1, img.shape[0] - size + 1)
        x = (i * 13) % max(1, img.shape[1] - size + 1)
        out.append(np.ascontiguousarray(img[y:y + size, x:x + size]))
    return out


def rate(fn: Callable[[np.ndarray], Any], images: list[np.ndarray],
         min_seconds: float = 0.4, repeats: int = 3) -> float:
    """Images per second: best of ``repeats`` runs of at least ``min_seconds`` each."""
    for im in images[:2]:
        fn(im)
    best = 0.0
    for _ in range(repeats):
        best = max(best, _one_run(fn, images, min_seconds))
    return best


def _one_run(fn: Callable[[Any], Any], items: list, min_seconds: float,
             per_item: int = 1) -> float:
    count = 0
    start = time.perf_counter()
    while True:
        for item in items:
            fn(item)
        count += len(items) * per_item
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return count / elapsed


def rate_pair(aug_fn: Callable[[np.ndarray], Any], floor_fn: Callable[[np.ndarray], Any],
              images: list[np.ndarray], min_seconds: float = 0.15,
              rounds: int = 6) -> tuple[float, float]:
    """Best images/s of the augmenter and of its floor, timed in alternating rounds.

    Alternating short runs exposes both to the same load on a shared machine, so
    a burst of noise cannot land on one side only; each side keeps its best run.
    """
    for im in images[:2]:
        aug_fn(im)
        floor_fn(im)
    best_aug = best_floor = 0.0
    for _ in range(rounds):
        best_aug = max(best_aug, _one_run(aug_fn, images, min_seconds))
        best_floor = max(best_floor, _one_run(floor_fn, images, min_seconds))
    return best_aug, best_floor


def rate_pair_batched(aug: Any, floor_fn: Callable[[np.ndarray], Any] | None,
                      images: list[np.ndarray], batch: int, min_seconds: float = 0.15,
                      rounds: int = 6) -> tuple[float, float]:
    """Like :func:`rate_pair` with ``aug(images=list)`` calls of ``batch`` images.

    The floor runs its per-image call over the same list (there is no batched
    OpenCV call to compare with); images/s counts every image of a batch.
    """
    batches = [[images[(i * batch + j) % len(images)] for j in range(batch)]
               for i in range(max(1, len(images) // batch))]

    def aug_fn(b: list) -> Any:
        return aug(images=b)

    def floor_batch(b: list) -> Any:
        return [floor_fn(im) for im in b]  # type: ignore[misc]

    aug_fn(batches[0])
    best_aug = best_floor = 0.0
    for _ in range(rounds):
        best_aug = max(best_aug, _one_run(aug_fn, batches, min_seconds, batch))
        if floor_fn is not None:
            best_floor = max(best_floor, _one_run(floor_batch, batches, min_seconds, batch))
    return best_aug, best_floor if floor_fn is not None else float("nan")


def run_cases(cases: list[Case], size: int, batch: int = 0) -> list[dict]:
    """Time every case; ``batch > 0`` calls ``aug(images=[...])`` with that many images."""
    images = photos(size)
    rows = []
    for case in cases:
        aug = case.make(size) if case.sized else case.make()

        def aug_fn(im: np.ndarray, aug: Any = aug) -> Any:
            return aug(image=im)

        if batch > 0:
            aug_rate, floor_rate = rate_pair_batched(aug, case.floor, images, batch)
        elif case.floor is not None:
            aug_rate, floor_rate = rate_pair(aug_fn, case.floor, images)
        else:
            aug_rate, floor_rate = rate(aug_fn, images), float("nan")
        rows.append({"name": case.name, "size": size, "aug": aug_rate, "floor": floor_rate,
                     "ratio": aug_rate / floor_rate if case.floor is not None else float("nan"),
                     "note": case.note, "info": case.info})
    return rows


def print_table(rows: list[dict], title: str) -> None:
    print("\n== %s ==" % title)
    print("%-34s %6s %12s %12s %7s  %s" % ("augmenter", "size", "aug img/s", "floor img/s",
                                           "ratio", "note"))
    ratios = []
    for r in rows:
        ratio = ("(%.2f)" if r.get("info") else "%.2f") % r["ratio"]
        print("%-34s %6d %12.0f %12.0f %7s  %s" % (r["name"], r["size"], r["aug"], r["floor"],
                                                  ratio, r["note"]))
        if not math.isnan(r["ratio"]) and not r.get("info"):
            ratios.append(r["ratio"])
    if ratios:
        gmean = math.exp(sum(math.log(x) for x in ratios) / len(ratios))
        print("geometric mean ratio over %d floored rows: %.2f (min %.2f)"
              % (len(ratios), gmean, min(ratios)))
