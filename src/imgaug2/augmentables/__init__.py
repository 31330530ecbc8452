"""Augmentable data types: keypoints, boxes, polygons, line strings, heatmaps, segmaps, batches.

The module paths of imgaug are kept (``imgaug2.augmentables.kps``, ``.bbs``,
``.polys``, ``.lines``, ``.heatmaps``, ``.segmaps``, ``.batches``,
``.normalization``); the classes are re-exported here.

Example:
    >>> from imgaug2.augmentables import BoundingBox, BoundingBoxesOnImage
    >>> BoundingBoxesOnImage([BoundingBox(0, 0, 2, 2)], shape=(4, 4)).to_xyxy_array().shape
    (1, 4)
"""

from __future__ import annotations

from imgaug2.augmentables.batches import Batch, UnnormalizedBatch
from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage
from imgaug2.augmentables.lines import LineString, LineStringsOnImage
from imgaug2.augmentables.polys import MultiPolygon, Polygon, PolygonsOnImage, repair_polygon
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage

__all__ = [
    "Batch",
    "BoundingBox",
    "BoundingBoxesOnImage",
    "HeatmapsOnImage",
    "Keypoint",
    "KeypointsOnImage",
    "LineString",
    "LineStringsOnImage",
    "MultiPolygon",
    "Polygon",
    "PolygonsOnImage",
    "SegmentationMapsOnImage",
    "UnnormalizedBatch",
    "repair_polygon",
]
