"""imgaug2: the imgaug API on modern numpy/OpenCV, with replayable randomness.

Every augmented sample is a pure function of (seed, sample key, pipeline).
``import imgaug2 as ia`` gives imgaug's top-level namespace: ``ia.seed``, the
augmentable classes (``ia.BoundingBox``, ``ia.KeypointsOnImage``, ...),
``ia.Batch``, hooks, drawing helpers, ``ia.BatchLoader`` and
``ia.BackgroundAugmenter``, plus imgaug2's ``ia.replay`` and ``ia.Record``.

Example:
    >>> import imgaug2 as ia
    >>> import imgaug2.augmenters as iaa
    >>> ia.seed(42)
    >>> aug = iaa.Fliplr(0.5)
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

from imgaug2.augmentables import (  # noqa: E402
    Batch, BoundingBox, BoundingBoxesOnImage, HeatmapsOnImage, Keypoint, KeypointsOnImage,
    LineString, LineStringsOnImage, MultiPolygon, Polygon, PolygonsOnImage,
    SegmentationMapsOnImage, UnnormalizedBatch)
from imgaug2.core.hooks import (  # noqa: E402
    HooksBoundingBoxes, HooksHeatmaps, HooksImages, HooksKeypoints, HooksLineStrings,
    HooksPolygons, HooksSegmentationMaps)
from imgaug2.core.record import Record, replay  # noqa: E402
from imgaug2.core.registry import register_lambda  # noqa: E402
from imgaug2.imgaug_utils import *  # noqa: E402,F401,F403
from imgaug2.imgaug_utils import __all__ as _utils_all  # noqa: E402
from imgaug2.random import seed  # noqa: E402

# Loaded on first use: they pull in process machinery or files nobody needs at import.
_LAZY = {
    "BatchLoader": ("imgaug2.multicore", "BatchLoader"),
    "BackgroundAugmenter": ("imgaug2.multicore", "BackgroundAugmenter"),
    "Pool": ("imgaug2.multicore", "Pool"),
    "data": ("imgaug2.data", None),
    "augmenters": ("imgaug2.augmenters", None),
    "parameters": ("imgaug2.parameters", None),
    "quokka": ("imgaug2.data", "quokka"),
    "quokka_square": ("imgaug2.data", "quokka_square"),
    "quokka_heatmap": ("imgaug2.data", "quokka_heatmap"),
    "quokka_segmentation_map": ("imgaug2.data", "quokka_segmentation_map"),
    "quokka_keypoints": ("imgaug2.data", "quokka_keypoints"),
    "quokka_bounding_boxes": ("imgaug2.data", "quokka_bounding_boxes"),
    "quokka_polygons": ("imgaug2.data", "quokka_polygons"),
}


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError("module 'imgaug2' has no attribute %r" % name)
    import importlib
    module = importlib.import_module(target[0])
    value = module if target[1] is None else getattr(module, target[1])
    globals()[name] = value
    return value


__all__ = sorted(set(_utils_all) | set(_LAZY) | {
    "__version__", "seed", "Record", "replay", "register_lambda",
    "Batch", "UnnormalizedBatch", "BoundingBox", "BoundingBoxesOnImage", "HeatmapsOnImage",
    "Keypoint", "KeypointsOnImage", "LineString", "LineStringsOnImage", "MultiPolygon",
    "Polygon", "PolygonsOnImage", "SegmentationMapsOnImage",
    "HooksImages", "HooksHeatmaps", "HooksSegmentationMaps", "HooksKeypoints",
    "HooksBoundingBoxes", "HooksPolygons", "HooksLineStrings",
})
