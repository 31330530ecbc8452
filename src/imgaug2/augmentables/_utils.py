"""Small helpers shared by the augmentable modules (shapes, coordinates, numbers).

Coordinate convention (all augmentables): continuous coordinates, pixel
``(x, y)`` covers ``[x, x+1) x [y, y+1)``. A point is inside an image of shape
``(H, W, ...)`` iff ``0 <= x < W and 0 <= y < H``.

Example:
    >>> from imgaug2.augmentables._utils import normalize_shape
    >>> normalize_shape([4, 5, 3])
    (4, 5, 3)
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from typing import Any, TypeVar

import numpy as np

__all__ = [
    "Shiftable",
    "as_hwc",
    "as_xy_array",
    "check_fraction",
    "interval_overlap_mask",
    "item_is_out_of_image",
    "normalize_shape",
    "points_inside_mask",
    "project_coords",
    "removal_mask",
    "shift_amounts",
    "to_float",
]


def normalize_shape(shape: Any, name: str = "shape") -> tuple[int, ...]:
    """Return an image shape as a tuple of ints; ``shape`` may also be an image array.

    Example:
        >>> import numpy as np
        >>> normalize_shape(np.zeros((2, 3)))
        (2, 3)
    """
    if type(shape) is tuple and len(shape) >= 2 and all(type(v) is int and v >= 0 for v in shape):
        return shape
    if isinstance(shape, np.ndarray):
        shape = shape.shape
    if not isinstance(shape, (tuple, list)):
        raise TypeError(
            f"Argument `{name}` must be an image shape tuple such as (H, W, C) or an image array, "
            f"got {type(shape).__name__}."
        )
    if len(shape) < 2:
        raise ValueError(
            f"Argument `{name}` must have at least 2 entries (height, width), got {tuple(shape)!r}."
        )
    result = []
    for value in shape:
        if isinstance(value, (bool, np.bool_)) or not isinstance(
            value, (numbers.Integral, np.integer)
        ):
            raise TypeError(f"Argument `{name}` must contain integers, got {tuple(shape)!r}.")
        if value < 0:
            raise ValueError(
                f"Argument `{name}` must not contain negative sizes, got {tuple(shape)!r}."
            )
        result.append(int(value))
    return tuple(result)


def to_float(value: Any, name: str) -> float:
    """Convert one real number (python or numpy) to ``float``.

    Example:
        >>> to_float(3, "x")
        3.0
    """
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.number)):
        raise TypeError(
            f"Argument `{name}` must be a number, got {type(value).__name__}: {value!r}."
        )
    return float(value)


def as_hwc(arr: np.ndarray) -> np.ndarray:
    """Give a 2D ``(H,W)`` array a channel axis; other arrays are returned unchanged.

    Example:
        >>> as_hwc(np.zeros((2, 3))).shape
        (2, 3, 1)
    """
    return arr[:, :, np.newaxis] if arr.ndim == 2 else arr


def as_xy_array(points: Any, name: str) -> np.ndarray:
    """Convert ``(N,2)`` arrays, lists of ``(x, y)`` pairs or of Keypoints to a float64 array.

    Example:
        >>> as_xy_array([(1, 2), (3, 4)], "coords").shape
        (2, 2)
    """
    if isinstance(points, np.ndarray):
        arr = points
    else:
        if not isinstance(points, (list, tuple)):
            try:
                points = list(points)
            except TypeError:
                raise TypeError(
                    f"Argument `{name}` must be an (N,2) array or a list of points, got {type(points).__name__}."
                ) from None
        rows = []
        for point in points:
            xy = getattr(point, "_xy", None)
            if xy is not None:
                rows.append(xy)
            else:
                rows.append(point)
        if not rows:
            return np.zeros((0, 2), dtype=np.float64)
        try:
            arr = np.array(rows, dtype=np.float64)
        except (TypeError, ValueError):
            raise TypeError(
                f"Argument `{name}` must contain (x, y) number pairs or Keypoints."
            ) from None
    if arr.dtype.kind not in "iuf" and arr.size > 0:
        raise TypeError(f"Argument `{name}` must have a numeric dtype, got {arr.dtype}.")
    if arr.size == 0:
        return np.zeros((0, 2), dtype=np.float64)
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise ValueError(f"Argument `{name}` must have shape (N, 2), got {arr.shape}.")
    return np.array(arr, dtype=np.float64, order="C")


def project_coords(
    xy: np.ndarray, from_shape: Sequence[int], to_shape: Sequence[int]
) -> np.ndarray:
    """Scale ``(N,2)`` coordinates from one image size to another (a new array).

    An axis of size 0 in ``from_shape`` leaves that axis unchanged.

    Example:
        >>> project_coords(np.array([[1.0, 2.0]]), (10, 10), (20, 30)).tolist()
        [[3.0, 4.0]]
    """
    result = np.array(xy, dtype=np.float64)
    if tuple(from_shape[0:2]) == tuple(to_shape[0:2]):
        return result
    from_h, from_w = from_shape[0:2]
    to_h, to_w = to_shape[0:2]
    if from_w > 0:
        result[:, 0] *= to_w / from_w
    if from_h > 0:
        result[:, 1] *= to_h / from_h
    return result


def points_inside_mask(xy: np.ndarray, shape: Sequence[int]) -> np.ndarray:
    """Boolean mask of the points with ``0 <= x < W`` and ``0 <= y < H``.

    Example:
        >>> points_inside_mask(np.array([[9.5, 0.0], [10.0, 0.0]]), (10, 10)).tolist()
        [True, False]
    """
    height, width = shape[0:2]
    x = xy[:, 0]
    y = xy[:, 1]
    return (x >= 0) & (x < width) & (y >= 0) & (y < height)


def interval_overlap_mask(low: np.ndarray, high: np.ndarray, size: int) -> np.ndarray:
    """Whether intervals ``[low, high]`` overlap ``[0, size)``.

    Intervals of positive length must share a positive length with the image
    axis; zero-length intervals follow the point rule ``0 <= low < size``.

    Example:
        >>> interval_overlap_mask(np.array([-5.0, 10.0, 3.0]), np.array([0.0, 12.0, 3.0]), 10).tolist()
        [False, False, True]
    """
    positive = high > low
    return np.where(positive, (low < size) & (high > 0), (low >= 0) & (low < size))


def item_is_out_of_image(item: Any, image: Any, fully: bool, partly: bool) -> bool:
    """The ``is_out_of_image`` rule shared by the augmentable items.

    Args:
        item: Object with ``is_fully_within_image`` and ``is_partly_within_image``.
        image: Image array or shape.
        fully: Result for an item entirely outside the image.
        partly: Result for an item partly inside, partly outside the image.

    Returns:
        ``False`` if the item is fully inside, else ``partly`` or ``fully``.
    """
    shape = normalize_shape(image, "image")
    if item.is_fully_within_image(shape):
        return False
    if item.is_partly_within_image(shape):
        return bool(partly)
    return bool(fully)


def check_fraction(fraction: Any, name: str = "fraction") -> float:
    """Validate a number in ``[0, 1]``.

    Example:
        >>> check_fraction(0.5)
        0.5
    """
    value = to_float(fraction, name)
    if math.isnan(value) or not 0.0 <= value <= 1.0:
        raise ValueError(f"Argument `{name}` must be in [0.0, 1.0], got {fraction!r}.")
    return value


def removal_mask(out_fractions: np.ndarray, fraction: float) -> np.ndarray:
    """Items to drop for ``remove_out_of_image_fraction``: out fraction ``> 0`` and ``>= fraction``.

    Items fully inside the image are therefore never removed, even for ``fraction=0``.

    Example:
        >>> removal_mask(np.array([0.0, 0.2, 0.7]), 0.5).tolist()
        [False, False, True]
    """
    return (out_fractions > 0) & (out_fractions >= fraction)


def shift_amounts(
    x: Any, y: Any, top: Any = None, right: Any = None, bottom: Any = None, left: Any = None
) -> tuple[float, float]:
    """Combine ``x``/``y`` with imgaug's legacy ``top/right/bottom/left`` shift arguments.

    ``top`` moves down, ``bottom`` up, ``left`` right and ``right`` left.

    Example:
        >>> shift_amounts(1, 0, top=2, right=3)
        (-2.0, 2.0)
    """
    dx = to_float(x, "x") + (to_float(left, "left") if left is not None else 0.0)
    dx -= to_float(right, "right") if right is not None else 0.0
    dy = to_float(y, "y") + (to_float(top, "top") if top is not None else 0.0)
    dy -= to_float(bottom, "bottom") if bottom is not None else 0.0
    return dx, dy


ShiftT = TypeVar("ShiftT", bound="Shiftable")


class Shiftable:
    """Mixin giving ``shift_``/``shift`` (with imgaug's legacy side arguments).

    Subclasses implement ``_shift_by_(dx, dy)``, which moves the object in place,
    and ``deepcopy()``.
    """

    __slots__ = ()

    def _shift_by_(self, dx: float, dy: float) -> None:
        raise NotImplementedError

    def deepcopy(self: ShiftT) -> ShiftT:
        """Return an independent copy."""
        raise NotImplementedError

    def shift_(
        self: ShiftT,
        x: float = 0,
        y: float = 0,
        top: float | None = None,
        right: float | None = None,
        bottom: float | None = None,
        left: float | None = None,
    ) -> ShiftT:
        """In-place variant of :meth:`shift`."""
        self._shift_by_(*shift_amounts(x, y, top, right, bottom, left))
        return self

    def shift(
        self: ShiftT,
        x: float = 0,
        y: float = 0,
        top: float | None = None,
        right: float | None = None,
        bottom: float | None = None,
        left: float | None = None,
    ) -> ShiftT:
        """Return a copy moved by ``(x, y)`` (legacy ``top`` etc. move away from that side).

        Example:
            >>> from imgaug2.augmentables.bbs import BoundingBox
            >>> BoundingBox(0, 0, 1, 1).shift(x=2).x1
            2.0
        """
        return self.deepcopy().shift_(x, y, top, right, bottom, left)
