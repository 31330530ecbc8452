"""imgaug2: the imgaug API on modern numpy/OpenCV, with replayable randomness.

Every augmented sample is a pure function of (seed, sample key, pipeline).

Example:
    >>> import imgaug2 as ia
    >>> import imgaug2.augmenters as iaa
    >>> ia.seed(42)
"""

from __future__ import annotations

__version__ = "0.1.0"

from imgaug2.random import seed  # noqa: E402
from imgaug2.core.hooks import (  # noqa: E402
    HooksBoundingBoxes, HooksHeatmaps, HooksImages, HooksKeypoints, HooksLineStrings,
    HooksPolygons, HooksSegmentationMaps)
from imgaug2.core.record import Record, replay  # noqa: E402
from imgaug2.core.registry import register_lambda  # noqa: E402

ALL = "ALL"

__all__ = [
    "__version__", "seed", "ALL", "Record", "replay", "register_lambda",
    "HooksImages", "HooksHeatmaps", "HooksSegmentationMaps", "HooksKeypoints",
    "HooksBoundingBoxes", "HooksPolygons", "HooksLineStrings",
]
