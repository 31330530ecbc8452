"""Batches of data to augment: :class:`Batch` and :class:`UnnormalizedBatch`.

* :class:`UnnormalizedBatch` holds inputs in any format the user passes
  (arrays, lists of tuples, ``*OnImage`` objects ...). ``to_normalized_batch()``
  converts them via :mod:`imgaug2.augmentables.normalization`, and
  ``fill_from_augmented_normalized_batch()`` converts augmented results back to the
  user's formats.
* :class:`Batch` holds already normalised columns (lists with one entry per
  image). Its ``*_unaug`` attributes are the inputs, ``*_aug`` the outputs.

Both are plain picklable objects (e.g. for multiprocessing pools).

Example:
    >>> import numpy as np
    >>> from imgaug2.augmentables.batches import UnnormalizedBatch
    >>> batch = UnnormalizedBatch(images=np.zeros((2, 4, 4, 3), dtype=np.uint8), keypoints=[[(1, 1)], [(2, 2)]])
    >>> normalized = batch.to_normalized_batch()
    >>> normalized.get_column_names(), len(normalized.keypoints_unaug)
    (['images', 'keypoints'], 2)
"""

from __future__ import annotations

import copy as copy_module
from typing import Any

import numpy as np

from imgaug2.augmentables import normalization as nlib

__all__ = ["Batch", "UnnormalizedBatch"]

_COLUMNS = nlib.COLUMN_NAMES


def _deepcopy_value(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, list):
        return [_deepcopy_value(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_deepcopy_value(v) for v in value)
    deepcopy = getattr(value, "deepcopy", None)
    if callable(deepcopy):
        return deepcopy()
    return copy_module.deepcopy(value)


class _BatchBase:
    """Shared attributes and helpers of both batch classes."""

    def __init__(
        self,
        images: Any = None,
        heatmaps: Any = None,
        segmentation_maps: Any = None,
        keypoints: Any = None,
        bounding_boxes: Any = None,
        polygons: Any = None,
        line_strings: Any = None,
        data: Any = None,
    ) -> None:
        values = (
            images,
            heatmaps,
            segmentation_maps,
            keypoints,
            bounding_boxes,
            polygons,
            line_strings,
        )
        for name, value in zip(_COLUMNS, values):
            setattr(self, f"{name}_unaug", value)
            setattr(self, f"{name}_aug", None)
        self.data = data

    def get_column_names(self) -> list[str]:
        """Names of the columns with input data (e.g. ``["images", "keypoints"]``)."""
        return [name for name in _COLUMNS if getattr(self, f"{name}_unaug") is not None]

    def columns_unaug(self) -> dict[str, Any]:
        """Mapping of column name to input data, for the columns that are set."""
        return {name: getattr(self, f"{name}_unaug") for name in self.get_column_names()}

    @property
    def nb_rows(self) -> int:
        """Number of images/rows (the length of the first non-empty input column)."""
        for name in _COLUMNS:
            value = getattr(self, f"{name}_unaug")
            if value is not None:
                return len(value) if isinstance(value, (list, tuple, np.ndarray)) else 1
        return 0

    def deepcopy(self, **overrides: Any) -> Any:
        """Return an independent copy; keyword arguments replace attributes (e.g. ``images_aug=...``)."""
        obj = self.__class__.__new__(self.__class__)
        for key, value in self.__dict__.items():
            obj.__dict__[key] = _deepcopy_value(value)
        for key, value in overrides.items():
            if key not in self.__dict__:
                raise ValueError(f"Argument `{key}` is not an attribute of {type(self).__name__}.")
            obj.__dict__[key] = value
        return obj

    def __deepcopy__(self, memo: dict[int, Any]) -> Any:
        return self.deepcopy()

    def __repr__(self) -> str:
        cols = ", ".join(self.get_column_names()) or "no columns"
        return f"{type(self).__name__}({cols}, data={self.data!r})"

    # deprecated imgaug aliases of the input columns
    images = property(lambda self: self.images_unaug, doc="Deprecated alias of ``images_unaug``.")
    heatmaps = property(
        lambda self: self.heatmaps_unaug, doc="Deprecated alias of ``heatmaps_unaug``."
    )
    segmentation_maps = property(
        lambda self: self.segmentation_maps_unaug,
        doc="Deprecated alias of ``segmentation_maps_unaug``.",
    )
    keypoints = property(
        lambda self: self.keypoints_unaug, doc="Deprecated alias of ``keypoints_unaug``."
    )
    bounding_boxes = property(
        lambda self: self.bounding_boxes_unaug, doc="Deprecated alias of ``bounding_boxes_unaug``."
    )
    polygons = property(
        lambda self: self.polygons_unaug, doc="Deprecated alias of ``polygons_unaug``."
    )
    line_strings = property(
        lambda self: self.line_strings_unaug, doc="Deprecated alias of ``line_strings_unaug``."
    )


class Batch(_BatchBase):
    """A normalised batch: each set column is a list with one entry per image.

    Args:
        images: List of ``(H,W[,C])`` arrays or an ``(N,H,W,C)`` array.
        heatmaps: List of :class:`HeatmapsOnImage`.
        segmentation_maps: List of :class:`SegmentationMapsOnImage`.
        keypoints: List of :class:`KeypointsOnImage`.
        bounding_boxes: List of :class:`BoundingBoxesOnImage`.
        polygons: List of :class:`PolygonsOnImage`.
        line_strings: List of :class:`LineStringsOnImage`.
        data: Anything; passed through augmentation unchanged.

    Example:
        >>> batch = Batch(images=[np.zeros((2, 2, 3), dtype=np.uint8)], data={"id": 7})
        >>> batch.images_unaug[0].shape, batch.images_aug, batch.data
        ((2, 2, 3), None, {'id': 7})
    """

    def to_normalized_batch(self) -> Batch:
        """Return ``self`` (the batch is already normalised)."""
        return self

    def fill_from_augmented_normalized_batch(self, batch_aug_norm: Batch) -> Batch:
        """New batch with this batch's inputs and ``batch_aug_norm``'s ``*_aug`` outputs."""
        result = self.deepcopy()
        for name in _COLUMNS:
            setattr(result, f"{name}_aug", getattr(batch_aug_norm, f"{name}_aug"))
        result.data = batch_aug_norm.data
        return result


class UnnormalizedBatch(_BatchBase):
    """A batch in the user's own formats (see :mod:`imgaug2.augmentables.normalization`).

    Arguments as in :class:`Batch`, but every column may use any accepted format.

    Example:
        >>> from imgaug2.augmentables.kps import KeypointsOnImage
        >>> batch = UnnormalizedBatch(images=[np.zeros((4, 4), dtype=np.uint8)], keypoints=[[(1.0, 2.0)]])
        >>> norm = batch.to_normalized_batch()
        >>> norm.keypoints_aug = [kps.shift(x=1) for kps in norm.keypoints_unaug]
        >>> batch.fill_from_augmented_normalized_batch(norm).keypoints_aug
        [[(2.0, 2.0)]]
    """

    def to_normalized_batch(self) -> Batch:
        """Convert every input column to its normalised list form.

        Raises:
            ValueError: If this batch already contains augmented outputs, or an input is invalid.
        """
        for name in _COLUMNS:
            if getattr(self, f"{name}_aug") is not None:
                raise ValueError(f"Cannot normalize a batch whose `{name}_aug` is already set.")
        images = nlib.normalize_images(self.images_unaug)
        shapes = None if images is None else [image.shape for image in images]
        return Batch(
            images=images,
            heatmaps=nlib.normalize_heatmaps(self.heatmaps_unaug, shapes),
            segmentation_maps=nlib.normalize_segmentation_maps(
                self.segmentation_maps_unaug, shapes
            ),
            keypoints=nlib.normalize_keypoints(self.keypoints_unaug, shapes),
            bounding_boxes=nlib.normalize_bounding_boxes(self.bounding_boxes_unaug, shapes),
            polygons=nlib.normalize_polygons(self.polygons_unaug, shapes),
            line_strings=nlib.normalize_line_strings(self.line_strings_unaug, shapes),
            data=self.data,
        )

    def fill_from_augmented_normalized_batch_(self, batch_aug_norm: Batch) -> UnnormalizedBatch:
        """Set ``*_aug`` in place from a normalised augmented batch, in the input formats."""
        inverters = {
            "images": nlib.invert_normalize_images,
            "heatmaps": nlib.invert_normalize_heatmaps,
            "segmentation_maps": nlib.invert_normalize_segmentation_maps,
            "keypoints": nlib.invert_normalize_keypoints,
            "bounding_boxes": nlib.invert_normalize_bounding_boxes,
            "polygons": nlib.invert_normalize_polygons,
            "line_strings": nlib.invert_normalize_line_strings,
        }
        for name in _COLUMNS:
            augmented = getattr(batch_aug_norm, f"{name}_aug")
            original = getattr(self, f"{name}_unaug")
            setattr(
                self,
                f"{name}_aug",
                None if augmented is None else inverters[name](augmented, original),
            )
        self.data = batch_aug_norm.data
        return self

    def fill_from_augmented_normalized_batch(self, batch_aug_norm: Batch) -> UnnormalizedBatch:
        """New batch with this batch's inputs and the augmented outputs in the input formats."""
        result = UnnormalizedBatch(
            *(getattr(self, f"{name}_unaug") for name in _COLUMNS), data=self.data
        )
        return result.fill_from_augmented_normalized_batch_(batch_aug_norm)
