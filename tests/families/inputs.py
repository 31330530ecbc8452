"""Standard inputs shared by the catalogue-driven test families."""

from __future__ import annotations

import numpy as np

from imgaug2.augmentables import (BoundingBox, BoundingBoxesOnImage, HeatmapsOnImage, Keypoint,
                                  KeypointsOnImage, LineString, LineStringsOnImage, Polygon,
                                  PolygonsOnImage, SegmentationMapsOnImage)

SHAPE = (32, 40, 3)


def image(seed: int = 0, shape: tuple = SHAPE, dtype: str = "uint8", lo: int | None = None,
          hi: int | None = None) -> np.ndarray:
    """Random image: bool halves, floats in [0, 1), integers in [lo, hi] (default: the
    dtype's range clipped to [-1000, 1000])."""
    rng = np.random.default_rng(seed)
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return rng.random(shape) > 0.5
    if dt.kind == "f":
        return rng.random(shape).astype(dt)
    info = np.iinfo(dt)
    lo = max(info.min, -1000) if lo is None else lo
    hi = min(info.max, 1000) if hi is None else hi
    return rng.integers(lo, hi, size=shape, endpoint=True).astype(dt)


def targets(shape: tuple = SHAPE, seed: int = 0) -> dict:
    """One row of every target type, aligned with an image of ``shape``."""
    h, w = shape[:2]
    rng = np.random.default_rng(seed + 100)
    hm = rng.random((h // 2, w // 2, 1)).astype(np.float32)
    seg = np.zeros((h, w), dtype=np.int32)
    seg[h // 4: h // 2, w // 4: w // 2] = 1
    seg[h // 2:, w // 2:] = 2
    kps = [Keypoint(x=w * 0.25 + 0.3, y=h * 0.3 + 0.1), Keypoint(x=w - 0.5, y=h * 0.5),
           Keypoint(x=3.7, y=h - 2.2)]
    bbs = [BoundingBox(x1=2.5, y1=3.0, x2=w * 0.5, y2=h * 0.6, label="a"),
           BoundingBox(x1=w * 0.6, y1=h * 0.2, x2=w - 1.0, y2=h - 1.5, label="b")]
    polys = [Polygon([(3, 3), (w * 0.5, 4), (w * 0.4, h * 0.6), (5, h * 0.5)], label="p")]
    lines = [LineString([(1, 1), (w * 0.5, h * 0.5), (w - 2, 3)], label="l")]
    return {
        "image": image(seed, shape),
        "heatmaps": HeatmapsOnImage(hm, shape=shape),
        "segmentation_maps": SegmentationMapsOnImage(seg, shape=shape),
        "keypoints": KeypointsOnImage(kps, shape=shape),
        "bounding_boxes": BoundingBoxesOnImage(bbs, shape=shape),
        "polygons": PolygonsOnImage(polys, shape=shape),
        "line_strings": LineStringsOnImage(lines, shape=shape),
    }


def images(n: int, seed: int = 0, shape: tuple = (16, 20, 3)) -> list:
    return [image(seed + i, shape) for i in range(n)]


def outputs_equal(a, b) -> bool:
    """Bit-exact equality of augmentation outputs of any target type."""
    if isinstance(a, tuple) or isinstance(a, list):
        return type(a) is type(b) and len(a) == len(b) and all(
            outputs_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.dtype == b.dtype and a.shape == b.shape and \
            np.array_equal(a, b, equal_nan=a.dtype.kind == "f")
    if hasattr(a, "arr_0to1"):
        return tuple(a.shape) == tuple(b.shape) and outputs_equal(a.arr_0to1, b.arr_0to1)
    if hasattr(a, "arr") and hasattr(a, "replace"):
        return tuple(a.shape) == tuple(b.shape) and outputs_equal(a.arr, b.arr)
    if hasattr(a, "coords_xy"):
        if tuple(a.shape) != tuple(b.shape):
            return False
        if hasattr(a, "bounding_boxes") and [bb.label for bb in a.bounding_boxes] != \
                [bb.label for bb in b.bounding_boxes]:
            return False
        return outputs_equal(a.coords_xy(), b.coords_xy())
    return a == b


ALL_KWARGS = ("image", "heatmaps", "segmentation_maps", "keypoints", "bounding_boxes",
              "polygons", "line_strings")


def call_all(aug, t: dict, **extra):
    """Call ``aug`` with every target of ``t`` (image-only augmenters get the image)."""
    return aug(**{k: t[k] for k in ALL_KWARGS}, **extra)
