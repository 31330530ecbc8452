"""The single :class:`BoundingBox` (see :mod:`imgaug2.augmentables.bbs` for the bad-box policy).

Example:
    >>> from imgaug2.augmentables.bbs import BoundingBox
    >>> BoundingBox(0, 0, 4, 2).area
    8.0
"""

from __future__ import annotations

import copy as copy_module
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from imgaug2.augmentables._bbs_ops import (
    draw_boxes,
    extract_box,
    fully_within_mask,
    out_of_image_fractions,
    partly_within_mask,
    validate_xyxy,
)
from imgaug2.augmentables._utils import (
    Shiftable,
    item_is_out_of_image,
    normalize_shape,
    project_coords,
    to_float,
)
from imgaug2.augmentables.kps import Keypoint

if TYPE_CHECKING:
    from imgaug2.augmentables.polys import Polygon

__all__ = ["BoundingBox"]

Shape = Any  # a shape tuple or an image array


def _edge_property(position: int, name: str, doc: str) -> property:
    """A float property for edge ``position`` of ``_xyxy`` whose setter validates the box.

    Args:
        position: Index into ``_xyxy`` (0..3 for ``x1, y1, x2, y2``).
        name: The edge's name, used in error messages.
        doc: The property's docstring.

    Returns:
        The property object.
    """

    def getter(self: BoundingBox) -> float:
        return float(self._xyxy[position])

    def setter(self: BoundingBox, value: float) -> None:
        self._set(position, value, name)

    return property(getter, setter, doc=doc)


class BoundingBox(Shiftable):
    """An axis-aligned box ``(x1, y1)`` (top-left) to ``(x2, y2)`` (bottom-right) with a label.

    Args:
        x1: Left edge. ``y1``, ``x2``, ``y2`` likewise (top, right, bottom edge).
        label: Any object (class name, id, dict ...), ``None`` by default.

    Raises:
        ValueError: If ``x2 < x1``, ``y2 < y1`` or a coordinate is NaN/infinite.

    Example:
        >>> bb = BoundingBox(x1=1, y1=2, x2=5, y2=4, label="car")
        >>> bb.width, bb.height, bb.area
        (4.0, 2.0, 8.0)
    """

    __slots__ = ("_index", "_labels", "_xyxy")

    def __init__(self, x1: float, y1: float, x2: float, y2: float, label: Any = None) -> None:
        arr = np.array(
            [to_float(x1, "x1"), to_float(y1, "y1"), to_float(x2, "x2"), to_float(y2, "y2")],
            dtype=np.float64,
        )
        validate_xyxy(arr.reshape(1, 4), "x1/y1/x2/y2", single=True)
        self._xyxy = arr
        self._labels = [label]
        self._index = 0

    @classmethod
    def _view(cls, row: np.ndarray, labels: list[Any], index: int) -> BoundingBox:
        obj = cls.__new__(cls)
        obj._xyxy = row
        obj._labels = labels
        obj._index = index
        return obj

    # ---------------------------------------------------------------- coordinates
    def _set(self, position: int, value: float, name: str) -> None:
        new = self._xyxy.copy()
        new[position] = to_float(value, name)
        validate_xyxy(new.reshape(1, 4), name, single=True)
        self._xyxy[position] = new[position]

    x1 = _edge_property(0, "x1", "Left edge.")
    y1 = _edge_property(1, "y1", "Top edge.")
    x2 = _edge_property(2, "x2", "Right edge.")
    y2 = _edge_property(3, "y2", "Bottom edge.")

    @property
    def label(self) -> Any:
        """The box's label."""
        return self._labels[self._index]

    @label.setter
    def label(self, value: Any) -> None:
        self._labels[self._index] = value

    x1_int = property(lambda self: round(self.x1), doc="``x1`` rounded.")
    y1_int = property(lambda self: round(self.y1), doc="``y1`` rounded.")
    x2_int = property(lambda self: round(self.x2), doc="``x2`` rounded.")
    y2_int = property(lambda self: round(self.y2), doc="``y2`` rounded.")

    @property
    def coords(self) -> np.ndarray:
        """``[[x1, y1], [x2, y2]]`` as a float32 array (a copy)."""
        return self._xyxy.reshape(2, 2).astype(np.float32)

    @property
    def width(self) -> float:
        """``x2 - x1``."""
        return float(self._xyxy[2] - self._xyxy[0])

    @property
    def height(self) -> float:
        """``y2 - y1``."""
        return float(self._xyxy[3] - self._xyxy[1])

    @property
    def center_x(self) -> float:
        """Horizontal centre."""
        return float((self._xyxy[0] + self._xyxy[2]) / 2)

    @property
    def center_y(self) -> float:
        """Vertical centre."""
        return float((self._xyxy[1] + self._xyxy[3]) / 2)

    @property
    def area(self) -> float:
        """``width * height`` (0 for zero-area boxes)."""
        return self.width * self.height

    # ---------------------------------------------------------------- relations
    def contains(self, other: Keypoint | Sequence[float]) -> bool:
        """Whether a point lies in the closed box ``[x1, x2] x [y1, y2]``.

        Example:
            >>> BoundingBox(0, 0, 2, 2).contains((2, 1))
            True
        """
        x, y = (
            (other.x, other.y)
            if isinstance(other, Keypoint)
            else (to_float(other[0], "other"), to_float(other[1], "other"))
        )
        return bool(self.x1 <= x <= self.x2 and self.y1 <= y <= self.y2)

    def intersection(self, other: BoundingBox, default: Any = None) -> BoundingBox | Any:
        """The overlapping box (label ``None``), or ``default`` if the boxes do not touch.

        Example:
            >>> BoundingBox(0, 0, 4, 4).intersection(BoundingBox(2, 2, 6, 6)).area
            4.0
        """
        x1, y1 = max(self.x1, other.x1), max(self.y1, other.y1)
        x2, y2 = min(self.x2, other.x2), min(self.y2, other.y2)
        if x1 > x2 or y1 > y2:
            return default
        return BoundingBox(x1, y1, x2, y2)

    def union(self, other: BoundingBox) -> BoundingBox:
        """The smallest box containing both boxes (label of ``self``)."""
        return BoundingBox(
            min(self.x1, other.x1),
            min(self.y1, other.y1),
            max(self.x2, other.x2),
            max(self.y2, other.y2),
            label=self.label,
        )

    def iou(self, other: BoundingBox) -> float:
        """Intersection over union (0 if both boxes have zero area).

        Example:
            >>> round(BoundingBox(0, 0, 2, 2).iou(BoundingBox(1, 0, 3, 2)), 4)
            0.3333
        """
        inter = self.intersection(other)
        inter_area = 0.0 if inter is None else inter.area
        union_area = self.area + other.area - inter_area
        return 0.0 if union_area <= 0 else inter_area / union_area

    def is_fully_within_image(self, image: Shape) -> bool:
        """Whether the whole box lies within ``[0, W] x [0, H]`` (and touches the image)."""
        return bool(fully_within_mask(self._xyxy.reshape(1, 4), normalize_shape(image, "image"))[0])

    def is_partly_within_image(self, image: Shape) -> bool:
        """Whether the box overlaps the image area (zero-area boxes: point rule)."""
        return bool(
            partly_within_mask(self._xyxy.reshape(1, 4), normalize_shape(image, "image"))[0]
        )

    def is_out_of_image(self, image: Shape, fully: bool = True, partly: bool = False) -> bool:
        """Whether the box is fully outside (``fully``) and/or partly outside (``partly``).

        Example:
            >>> BoundingBox(12, 0, 14, 2).is_out_of_image((10, 10))
            True
        """
        return item_is_out_of_image(self, image, fully, partly)

    def compute_out_of_image_area(self, image: Shape) -> float:
        """Area of the box outside the image."""
        shape = normalize_shape(image, "image")
        clipped = self.clip_out_of_image(shape)
        return self.area - clipped.area

    def compute_out_of_image_fraction(self, image: Shape) -> float:
        """Fraction of the area outside the image (zero-area boxes: 0 or 1)."""
        return float(
            out_of_image_fractions(self._xyxy.reshape(1, 4), normalize_shape(image, "image"))[0]
        )

    # ---------------------------------------------------------------- transforms
    def clip_out_of_image(self, image: Shape) -> BoundingBox:
        """Return the box clipped to ``[0, W] x [0, H]`` (a box fully outside becomes zero-area).

        Example:
            >>> BoundingBox(-2, 1, 5, 20).clip_out_of_image((10, 10)).coords.tolist()
            [[0.0, 1.0], [5.0, 10.0]]
        """
        shape = normalize_shape(image, "image")
        height, width = shape[0:2]
        x1, x2 = np.clip(self._xyxy[[0, 2]], 0, width)
        y1, y2 = np.clip(self._xyxy[[1, 3]], 0, height)
        return BoundingBox(x1, y1, x2, y2, label=self.label)

    def project_(self, from_shape: Shape, to_shape: Shape) -> BoundingBox:
        """In-place variant of :meth:`project`."""
        new = project_coords(
            self._xyxy.reshape(2, 2),
            normalize_shape(from_shape, "from_shape"),
            normalize_shape(to_shape, "to_shape"),
        )
        self._xyxy[:] = new.reshape(4)
        return self

    def project(self, from_shape: Shape, to_shape: Shape) -> BoundingBox:
        """Return the box rescaled from an image of ``from_shape`` to one of ``to_shape``."""
        return self.deepcopy().project_(from_shape, to_shape)

    def extend_(
        self,
        all_sides: float = 0,
        top: float = 0,
        right: float = 0,
        bottom: float = 0,
        left: float = 0,
    ) -> BoundingBox:
        """In-place variant of :meth:`extend`."""
        all_sides = to_float(all_sides, "all_sides")
        new = self._xyxy + np.array(
            [
                -(all_sides + to_float(left, "left")),
                -(all_sides + to_float(top, "top")),
                all_sides + to_float(right, "right"),
                all_sides + to_float(bottom, "bottom"),
            ]
        )
        validate_xyxy(new.reshape(1, 4), "all_sides/top/right/bottom/left", single=True)
        self._xyxy[:] = new
        return self

    def extend(
        self,
        all_sides: float = 0,
        top: float = 0,
        right: float = 0,
        bottom: float = 0,
        left: float = 0,
    ) -> BoundingBox:
        """Return the box grown by the given amounts (negative values shrink it).

        Example:
            >>> BoundingBox(2, 2, 4, 4).extend(all_sides=1).coords.tolist()
            [[1.0, 1.0], [5.0, 5.0]]
        """
        return self.deepcopy().extend_(all_sides, top, right, bottom, left)

    def _shift_by_(self, dx: float, dy: float) -> None:
        self._xyxy += (dx, dy, dx, dy)

    # ---------------------------------------------------------------- drawing / extraction
    def draw_label(
        self,
        image: np.ndarray,
        color: Sequence[float] | float = (0, 255, 0),
        alpha: float = 1.0,
        size: int = 1,
        size_text: int = 20,
        height: int = 30,
        copy: bool = True,
        raise_if_out_of_image: bool = False,
    ) -> np.ndarray:
        """Draw the label text in a filled rectangle above the box (inside it at the top border)."""
        return draw_boxes(
            self._xyxy.reshape(1, 4),
            [self.label],
            image,
            color,
            alpha,
            size,
            copy,
            raise_if_out_of_image,
            draw_box=False,
            size_text=size_text,
            label_height=height,
        )

    def draw_box_on_image(
        self,
        image: np.ndarray,
        color: Sequence[float] | float = (0, 255, 0),
        alpha: float = 1.0,
        size: int = 1,
        copy: bool = True,
        raise_if_out_of_image: bool = False,
        thickness: int | None = None,
    ) -> np.ndarray:
        """Draw only the box outline (``size`` px wide, growing outwards)."""
        return draw_boxes(
            self._xyxy.reshape(1, 4),
            [None],
            image,
            color,
            alpha,
            size if thickness is None else thickness,
            copy,
            raise_if_out_of_image,
        )

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
        """Draw the box outline and, if the box has a label, the label.

        Example:
            >>> img = BoundingBox(1, 1, 4, 4).draw_on_image(np.zeros((6, 6, 3), dtype=np.uint8))
            >>> img[1, 1].tolist(), img[2, 2].tolist()
            ([0, 255, 0], [0, 0, 0])
        """
        return draw_boxes(
            self._xyxy.reshape(1, 4),
            [self.label],
            image,
            color,
            alpha,
            size if thickness is None else thickness,
            copy,
            raise_if_out_of_image,
        )

    def extract_from_image(
        self,
        image: np.ndarray,
        pad: bool = True,
        pad_max: int | None = None,
        prevent_zero_size: bool = True,
    ) -> np.ndarray:
        """Cut out the pixels ``floor(x1)..ceil(x2)-1`` / ``floor(y1)..ceil(y2)-1``.

        Args:
            image: Image to cut from.
            pad: Zero-pad the parts of the box outside the image.
            pad_max: Maximum padding per side (``None``: unlimited).
            prevent_zero_size: Return at least a 1x1 region for zero-area boxes.

        Example:
            >>> BoundingBox(1, 1, 3, 4).extract_from_image(np.zeros((5, 5))).shape
            (3, 2)
        """
        return extract_box(self._xyxy, image, pad, pad_max, prevent_zero_size)

    # ---------------------------------------------------------------- conversions
    def to_keypoints(self) -> list[Keypoint]:
        """The 4 corners ``(x1,y1), (x2,y1), (x2,y2), (x1,y2)``."""
        x1, y1, x2, y2 = self._xyxy
        return [Keypoint(x1, y1), Keypoint(x2, y1), Keypoint(x2, y2), Keypoint(x1, y2)]

    def to_polygon(self) -> Polygon:
        """The box as a 4-point :class:`~imgaug2.augmentables.polys.Polygon` (label kept)."""
        from imgaug2.augmentables.polys import Polygon

        x1, y1, x2, y2 = self._xyxy
        return Polygon(np.array([[x1, y1], [x2, y1], [x2, y2], [x1, y2]]), label=self.label)

    @classmethod
    def from_point_soup(cls, xy: np.ndarray | Sequence[Sequence[float]]) -> BoundingBox:
        """The smallest box around ``(N,2)`` points (N >= 1)."""
        arr = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
        if len(arr) == 0:
            raise ValueError("Argument `xy` must contain at least one point.")
        return cls(*arr.min(axis=0), *arr.max(axis=0))

    def coords_almost_equals(
        self, other: BoundingBox | np.ndarray | Sequence[float], max_distance: float = 1e-4
    ) -> bool:
        """Whether all corners are within ``max_distance`` of ``other``'s (box or xyxy values)."""
        other_xyxy = (
            other._xyxy
            if isinstance(other, BoundingBox)
            else np.asarray(other, np.float64).reshape(-1)
        )
        if other_xyxy.shape != (4,):
            raise ValueError(
                f"Argument `other` must be a BoundingBox or 4 coordinates, got {other!r}."
            )
        return bool(np.all(np.abs(self._xyxy - other_xyxy) <= max_distance))

    def almost_equals(self, other: BoundingBox, max_distance: float = 1e-4) -> bool:
        """Like :meth:`coords_almost_equals`, but the labels must be equal too."""
        return self.label == other.label and self.coords_almost_equals(other, max_distance)

    def copy(
        self,
        x1: float | None = None,
        y1: float | None = None,
        x2: float | None = None,
        y2: float | None = None,
        label: Any = None,
    ) -> BoundingBox:
        """Return a copy, optionally with replaced values (the label object is shared)."""
        return BoundingBox(
            self.x1 if x1 is None else x1,
            self.y1 if y1 is None else y1,
            self.x2 if x2 is None else x2,
            self.y2 if y2 is None else y2,
            label=self.label if label is None else label,
        )

    def deepcopy(
        self,
        x1: float | None = None,
        y1: float | None = None,
        x2: float | None = None,
        y2: float | None = None,
        label: Any = None,
    ) -> BoundingBox:
        """Return an independent copy (the label is deep-copied too)."""
        return self.copy(
            x1, y1, x2, y2, label=copy_module.deepcopy(self.label) if label is None else label
        )

    def __deepcopy__(self, memo: dict[int, Any]) -> BoundingBox:
        return self.deepcopy()

    def __getstate__(self) -> tuple[list[float], Any]:
        return (self._xyxy.tolist(), self.label)

    def __setstate__(self, state: tuple[list[float], Any]) -> None:
        self._xyxy = np.array(state[0], dtype=np.float64)
        self._labels = [state[1]]
        self._index = 0

    def __repr__(self) -> str:
        return (
            f"BoundingBox(x1={self.x1:.4f}, y1={self.y1:.4f}, x2={self.x2:.4f}, y2={self.y2:.4f}, "
            f"label={self.label!r})"
        )
