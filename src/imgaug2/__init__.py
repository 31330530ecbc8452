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

from imgaug2.core.hooks import (  # noqa: E402
    HooksBoundingBoxes, HooksHeatmaps, HooksImages, HooksKeypoints, HooksLineStrings,
    HooksPolygons, HooksSegmentationMaps)
from imgaug2.core.record import Record, replay  # noqa: E402
from imgaug2.core.registry import register_lambda  # noqa: E402
from imgaug2.random import seed  # noqa: E402

ALL = "ALL"

_AUGMENTABLES = ("Batch", "UnnormalizedBatch", "BoundingBox", "BoundingBoxesOnImage",
                 "HeatmapsOnImage", "Keypoint", "KeypointsOnImage", "LineString",
                 "LineStringsOnImage", "MultiPolygon", "Polygon", "PolygonsOnImage",
                 "SegmentationMapsOnImage")
_UTILS = ("is_np_array", "is_np_scalar", "is_single_integer", "is_single_float",
          "is_single_number", "is_single_bool", "is_iterable", "is_string", "is_integer_array",
          "is_float_array", "is_callable", "is_generator", "flatten", "imresize_many_images",
          "imresize_single_image", "pad", "pad_to_aspect_ratio", "pad_to_multiples_of",
          "compute_paddings_to_reach_aspect_ratio", "compute_paddings_for_aspect_ratio",
          "compute_paddings_to_reach_multiples_of", "pool", "avg_pool", "max_pool", "min_pool",
          "median_pool", "draw_grid", "draw_text", "imshow")

# Everything below loads on first use, so "import imgaug2" stays cheap.
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
_LAZY.update({name: ("imgaug2.augmentables", name) for name in _AUGMENTABLES})
_LAZY.update({name: ("imgaug2.imgaug_utils", name) for name in _UTILS})


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError("module 'imgaug2' has no attribute %r" % name)
    import importlib
    module = importlib.import_module(target[0])
    value = module if target[1] is None else getattr(module, target[1])
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)


__all__ = sorted(set(_LAZY) | {
    "__version__", "seed", "ALL", "Record", "replay", "register_lambda",
    "HooksImages", "HooksHeatmaps", "HooksSegmentationMaps", "HooksKeypoints",
    "HooksBoundingBoxes", "HooksPolygons", "HooksLineStrings",
})
