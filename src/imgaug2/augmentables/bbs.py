"""Axis-aligned bounding boxes: :class:`BoundingBox` and :class:`BoundingBoxesOnImage`.

:class:`BoundingBoxesOnImage` stores an ``(N,4)`` float64 ``x1, y1, x2, y2`` array
and a list of N labels aligned with it. Labels always travel with their boxes:
every filter, clip, removal, projection and augmentation keeps them attached.
``bbsoi.bounding_boxes`` returns :class:`BoundingBox` views on the array rows
(setting ``bb.x1`` or ``bb.label`` on them changes the container).

Coordinates are continuous: pixel ``(x, y)`` covers ``[x, x+1) x [y, y+1)``, so the
box covering a whole ``H x W`` image is ``(0, 0, W, H)``.

Policy for bad boxes (enforced at construction, in the setters, in
``from_xyxy_array``/``fill_from_xyxy_array_`` and in ``replace_coords``):

* ``x2 < x1`` or ``y2 < y1`` raises ``ValueError`` naming the coordinates. Boxes
  are never silently swapped.
* NaN or infinite coordinates raise ``ValueError``.
* Zero-area boxes (``x1 == x2`` or ``y1 == y2``) are allowed; their area is 0.
  For inside/outside tests they behave like points/segments (``0 <= x < W``).
* Boxes (partly or fully) outside the image are kept until the user or an
  augmenter removes them (``remove_out_of_image``, ``remove_out_of_image_fraction``,
  ``clip_out_of_image``).

Example:
    >>> from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
    >>> bbsoi = BoundingBoxesOnImage(
    ...     [BoundingBox(1, 2, 5, 6, label="cat"), BoundingBox(20, 20, 30, 30, label="dog")],
    ...     shape=(10, 10, 3))
    >>> [bb.label for bb in bbsoi.remove_out_of_image()]
    ['cat']
"""

from __future__ import annotations

import copy as copy_module
import math
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from imgaug2.augmentables._bbox import BoundingBox
from imgaug2.augmentables._bbs_ops import (
    draw_boxes,
    fully_within_mask,
    out_of_image_fractions,
    partly_within_mask,
    validate_xyxy,
)
from imgaug2.augmentables._utils import (
    Shiftable,
    check_fraction,
    normalize_shape,
    project_coords,
    removal_mask,
)
from imgaug2.augmentables.kps import KeypointsOnImage

if TYPE_CHECKING:
    from imgaug2.augmentables.polys import PolygonsOnImage

__all__ = ["BoundingBox", "BoundingBoxesOnImage"]

# xyxy columns giving the corners (x1,y1), (x2,y1), (x2,y2), (x1,y2)
_CORNER_ORDER = np.array([0, 1, 2, 1, 2, 3, 0, 3])

Shape = Any  # a shape tuple or an image array


class BoundingBoxesOnImage(Shiftable):
    """All bounding boxes of one image (coordinates in one array, labels aligned with it).

    Args:
        bounding_boxes: List of :class:`BoundingBox`, or an ``(N,4)`` xyxy array
            (labels ``None``).
        shape: Shape of the image (or the image itself).

    Example:
        >>> bbsoi = BoundingBoxesOnImage([BoundingBox(0, 0, 2, 2, label=1)], shape=(4, 4))
        >>> bbsoi.to_xyxy_array().tolist(), bbsoi.labels
        ([[0.0, 0.0, 2.0, 2.0]], [1])
    """

    def __init__(self, bounding_boxes: Sequence[BoundingBox] | np.ndarray, shape: Shape) -> None:
        self.shape = normalize_shape(shape)
        self._xyxy, self._labels = self._parse_boxes(bounding_boxes, "bounding_boxes")

    @staticmethod
    def _parse_boxes(boxes: Any, name: str) -> tuple[np.ndarray, list[Any]]:
        if isinstance(boxes, np.ndarray):
            arr = (
                np.array(boxes, dtype=np.float64).reshape(-1, 4) if boxes.size else np.zeros((0, 4))
            )
            validate_xyxy(arr, name)
            return arr, [None] * len(arr)
        boxes = list(boxes)
        for bb in boxes:
            if not isinstance(bb, BoundingBox):
                raise TypeError(
                    f"Argument `{name}` must contain only BoundingBox objects, got {type(bb).__name__}."
                )
        if not boxes:
            return np.zeros((0, 4), dtype=np.float64), []
        return np.array([bb._xyxy for bb in boxes], dtype=np.float64), [bb.label for bb in boxes]

    def _new(
        self, xyxy: np.ndarray, labels: list[Any], shape: tuple[int, ...]
    ) -> BoundingBoxesOnImage:
        obj = self.__class__.__new__(self.__class__)
        obj.shape = shape
        obj._xyxy = np.ascontiguousarray(xyxy, dtype=np.float64).reshape(-1, 4)
        obj._labels = list(labels)
        return obj

    # ---------------------------------------------------------------- container API
    @property
    def bounding_boxes(self) -> list[BoundingBox]:
        """The boxes, as views on the coordinate array and label list (a new list each time)."""
        cache = self.__dict__.get("_views")
        if cache is None or cache[0] is not self._xyxy or cache[1] is not self._labels:
            views = [
                BoundingBox._view(self._xyxy[i], self._labels, i) for i in range(len(self._labels))
            ]
            cache = (self._xyxy, self._labels, views)
            self.__dict__["_views"] = cache
        return list(cache[2])

    @bounding_boxes.setter
    def bounding_boxes(self, value: Sequence[BoundingBox]) -> None:
        self._xyxy, self._labels = self._parse_boxes(value, "bounding_boxes")

    items = property(
        lambda self: self.bounding_boxes,
        lambda self, value: setattr(self, "bounding_boxes", value),
        doc="Alias of :attr:`bounding_boxes`.",
    )

    @property
    def labels(self) -> list[Any]:
        """The labels, aligned with :meth:`to_xyxy_array` (a new list)."""
        return list(self._labels)

    @labels.setter
    def labels(self, value: Sequence[Any]) -> None:
        value = list(value)
        if len(value) != len(self._labels):
            raise ValueError(
                f"Argument `labels` must have {len(self._labels)} entries, got {len(value)}."
            )
        self._labels = value

    height = property(lambda self: self.shape[0], doc="Image height.")
    width = property(lambda self: self.shape[1], doc="Image width.")
    empty = property(lambda self: len(self._labels) == 0, doc="Whether there are no boxes.")

    def __len__(self) -> int:
        return len(self._labels)

    def __iter__(self) -> Iterator[BoundingBox]:
        return iter(self.bounding_boxes)

    def __getitem__(self, index: int | slice) -> BoundingBox | list[BoundingBox]:
        return self.bounding_boxes[index]

    def __repr__(self) -> str:
        return f"BoundingBoxesOnImage({self.bounding_boxes!r}, shape={self.shape})"

    # ---------------------------------------------------------------- augmenter contract
    def coords_xy(self) -> np.ndarray:
        """4 corners per box, ``(x1,y1),(x2,y1),(x2,y2),(x1,y2)``, as float64 ``(4N,2)``."""
        return self._xyxy[:, _CORNER_ORDER].reshape(-1, 2)

    def replace_coords(self, xy: np.ndarray, shape: Shape) -> BoundingBoxesOnImage:
        """New container whose boxes are the envelopes of the 4 given corners per box (labels kept).

        Example:
            >>> bbsoi = BoundingBoxesOnImage([BoundingBox(0, 0, 2, 2)], (4, 4))
            >>> bbsoi.replace_coords(bbsoi.coords_xy() * 2, (8, 8)).to_xyxy_array().tolist()
            [[0.0, 0.0, 4.0, 4.0]]
        """
        arr = np.asarray(xy, dtype=np.float64)
        if arr.shape != (4 * len(self), 2):
            raise ValueError(
                f"Argument `xy` must have shape {(4 * len(self), 2)}, got {arr.shape}."
            )
        corners = arr.reshape(-1, 4, 2)
        xyxy = np.empty((len(corners), 4), dtype=np.float64)
        c0, c1, c2, c3 = corners[:, 0], corners[:, 1], corners[:, 2], corners[:, 3]
        np.minimum(np.minimum(c0, c1), np.minimum(c2, c3), out=xyxy[:, 0:2])
        np.maximum(np.maximum(c0, c1), np.maximum(c2, c3), out=xyxy[:, 2:4])
        # min/max propagate NaN; the cheap sum test only falls back to a full check if needed
        if not math.isfinite(float(xyxy.sum())) and not np.isfinite(xyxy).all():
            raise ValueError(
                "Argument `xy` contains NaN or infinite coordinates; bounding boxes must be finite."
            )
        return self._new(xyxy, self._labels, normalize_shape(shape))

    # ---------------------------------------------------------------- geometry
    def on_(self, image: Shape) -> BoundingBoxesOnImage:
        """In-place variant of :meth:`on`."""
        shape = normalize_shape(image, "image")
        self._xyxy = project_coords(self._xyxy.reshape(-1, 2), self.shape, shape).reshape(-1, 4)
        self.shape = shape
        return self

    def on(self, image: Shape) -> BoundingBoxesOnImage:
        """Return the boxes projected onto an image (or shape) of another size."""
        return self.deepcopy().on_(image)

    def _shift_by_(self, dx: float, dy: float) -> None:
        self._xyxy += (dx, dy, dx, dy)

    def _keep_(self, keep: np.ndarray) -> BoundingBoxesOnImage:
        self._xyxy = self._xyxy[keep]
        self._labels = [label for label, k in zip(self._labels, keep) if k]
        return self

    def remove_out_of_image_(
        self, fully: bool = True, partly: bool = False
    ) -> BoundingBoxesOnImage:
        """In-place variant of :meth:`remove_out_of_image`."""
        fully_in = fully_within_mask(self._xyxy, self.shape)
        partly_in = partly_within_mask(self._xyxy, self.shape)
        remove = (~partly_in & bool(fully)) | (partly_in & ~fully_in & bool(partly))
        return self._keep_(~remove)

    def remove_out_of_image(self, fully: bool = True, partly: bool = False) -> BoundingBoxesOnImage:
        """Remove boxes fully outside the image (``fully``) and/or partly outside (``partly``).

        Example:
            >>> bbsoi = BoundingBoxesOnImage([BoundingBox(0, 0, 1, 1, "a"), BoundingBox(8, 0, 12, 1, "b")], (10, 10))
            >>> bbsoi.remove_out_of_image(partly=True).labels
            ['a']
        """
        return self.deepcopy().remove_out_of_image_(fully, partly)

    def remove_out_of_image_fraction_(self, fraction: float) -> BoundingBoxesOnImage:
        """In-place variant of :meth:`remove_out_of_image_fraction`."""
        fraction = check_fraction(fraction)
        return self._keep_(~removal_mask(out_of_image_fractions(self._xyxy, self.shape), fraction))

    def remove_out_of_image_fraction(self, fraction: float) -> BoundingBoxesOnImage:
        """Remove boxes with an out-of-image area fraction ``> 0`` and ``>= fraction``."""
        return self.deepcopy().remove_out_of_image_fraction_(fraction)

    def clip_out_of_image_(self) -> BoundingBoxesOnImage:
        """In-place variant of :meth:`clip_out_of_image`."""
        self._keep_(partly_within_mask(self._xyxy, self.shape))
        height, width = self.shape[0:2]
        self._xyxy[:, [0, 2]] = np.clip(self._xyxy[:, [0, 2]], 0, width)
        self._xyxy[:, [1, 3]] = np.clip(self._xyxy[:, [1, 3]], 0, height)
        return self

    def clip_out_of_image(self) -> BoundingBoxesOnImage:
        """Remove boxes fully outside the image and clip the rest to ``[0, W] x [0, H]``."""
        return self.deepcopy().clip_out_of_image_()

    # ---------------------------------------------------------------- arrays / conversions
    def to_xyxy_array(self, dtype: Any = np.float32) -> np.ndarray:
        """``(N,4)`` array of ``x1, y1, x2, y2`` (float32 by default, like imgaug)."""
        return self._xyxy.astype(dtype)

    def to_xy_array(self) -> np.ndarray:
        """``(2N,2)`` float32 array of ``(x1,y1), (x2,y2)`` per box."""
        return self._xyxy.reshape(-1, 2).astype(np.float32)

    @classmethod
    def from_xyxy_array(
        cls, xyxy: np.ndarray, shape: Shape, labels: Sequence[Any] | None = None
    ) -> BoundingBoxesOnImage:
        """Create boxes from an ``(N,4)`` or ``(N,2,2)`` array (optionally with labels).

        Example:
            >>> len(BoundingBoxesOnImage.from_xyxy_array(np.array([[0, 0, 1, 1]]), (3, 3)))
            1
        """
        arr = np.asarray(xyxy)
        if arr.dtype.kind not in "iuf" and arr.size > 0:
            raise TypeError(f"Argument `xyxy` must be numeric, got dtype {arr.dtype}.")
        if (
            arr.size > 0
            and not (arr.ndim == 2 and arr.shape[1] == 4)
            and not (arr.ndim == 3 and arr.shape[1:] == (2, 2))
        ):
            raise ValueError(f"Argument `xyxy` must have shape (N,4) or (N,2,2), got {arr.shape}.")
        arr = arr.astype(np.float64).reshape(-1, 4)
        validate_xyxy(arr, "xyxy")
        obj = cls(arr, shape)
        if labels is not None:
            obj.labels = labels
        return obj

    @classmethod
    def from_point_soups(cls, xy: np.ndarray, shape: Shape) -> BoundingBoxesOnImage:
        """One box around each ``(K,2)`` point soup in ``(N,K,2)`` (or a list of such)."""
        return cls([BoundingBox.from_point_soup(soup) for soup in xy], shape)

    def fill_from_xyxy_array_(self, xyxy: np.ndarray) -> BoundingBoxesOnImage:
        """Replace the coordinates in place (``(N,4)`` or ``(N,2,2)``, same N)."""
        arr = (
            np.asarray(xyxy, dtype=np.float64).reshape(-1, 4) if np.size(xyxy) else np.zeros((0, 4))
        )
        if arr.shape != self._xyxy.shape:
            raise ValueError(f"Argument `xyxy` must contain {len(self)} boxes, got {len(arr)}.")
        validate_xyxy(arr, "xyxy")
        self._xyxy[...] = arr
        return self

    def fill_from_xy_array_(self, xy: np.ndarray) -> BoundingBoxesOnImage:
        """Replace the coordinates in place from ``(2N,2)`` corner points (see :meth:`to_xy_array`)."""
        return self.fill_from_xyxy_array_(np.asarray(xy, dtype=np.float64).reshape(-1, 4))

    def to_keypoints_on_image(self) -> KeypointsOnImage:
        """The 4 corners of every box as keypoints (same order as :meth:`coords_xy`)."""
        return KeypointsOnImage(self.coords_xy(), self.shape)

    def invert_to_keypoints_on_image_(self, kpsoi: KeypointsOnImage) -> BoundingBoxesOnImage:
        """Take over the envelopes of 4 keypoints per box and the shape of ``kpsoi`` (in place)."""
        if len(kpsoi) != 4 * len(self):
            raise ValueError(
                f"Argument `kpsoi` must contain {4 * len(self)} keypoints, got {len(kpsoi)}."
            )
        new = self.replace_coords(kpsoi.coords_xy(), kpsoi.shape)
        self._xyxy, self.shape = new._xyxy, new.shape
        return self

    def to_polygons_on_image(self) -> PolygonsOnImage:
        """The boxes as 4-point polygons (labels kept)."""
        from imgaug2.augmentables.polys import PolygonsOnImage

        return PolygonsOnImage([bb.to_polygon() for bb in self.bounding_boxes], self.shape)

    # ---------------------------------------------------------------- drawing
    def draw_on_image(
        self,
        image: np.ndarray,
        color: Sequence[float] | float = (0, 255, 0),
        alpha: float = 1.0,
        size: int = 1,
        copy: bool = True,
        raise_if_out_of_image: bool = False,
        thickness: int | None = None,
    ) -> np.ndarray:
        """Draw all boxes (and their labels); see :meth:`BoundingBox.draw_on_image`."""
        return draw_boxes(
            self._xyxy,
            self._labels,
            image,
            color,
            alpha,
            size if thickness is None else thickness,
            copy,
            raise_if_out_of_image,
        )

    # ---------------------------------------------------------------- copies
    def copy(
        self, bounding_boxes: Sequence[BoundingBox] | None = None, shape: Shape | None = None
    ) -> BoundingBoxesOnImage:
        """Return a copy (new coordinate array; label objects shared)."""
        shape = self.shape if shape is None else normalize_shape(shape)
        if bounding_boxes is not None:
            return self.__class__(bounding_boxes, shape)
        return self._new(self._xyxy.copy(), self._labels, shape)

    def deepcopy(
        self, bounding_boxes: Sequence[BoundingBox] | None = None, shape: Shape | None = None
    ) -> BoundingBoxesOnImage:
        """Return an independent copy (labels deep-copied unless they are simple values)."""
        result = self.copy(bounding_boxes, shape)
        if any(not isinstance(label, (str, int, float, type(None))) for label in result._labels):
            result._labels = copy_module.deepcopy(result._labels)
        return result

    def __deepcopy__(self, memo: dict[int, Any]) -> BoundingBoxesOnImage:
        return self.deepcopy()

    def __getstate__(self) -> dict[str, Any]:
        return {key: value for key, value in self.__dict__.items() if key != "_views"}

    def __copy__(self) -> BoundingBoxesOnImage:
        return self.copy()
