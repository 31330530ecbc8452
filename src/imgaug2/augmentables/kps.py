"""Keypoints (landmarks) on images: :class:`Keypoint` and :class:`KeypointsOnImage`.

:class:`KeypointsOnImage` stores all coordinates of an image in one float64
``(N,2)`` array (augmenters work on that array through :meth:`coords_xy` and
:meth:`replace_coords`). ``KeypointsOnImage.keypoints`` builds a list of
:class:`Keypoint` objects that are *views* on rows of that array, so
``kpsoi.keypoints[0].x = 5`` changes the container; to add or remove points
assign a new list (``kpsoi.keypoints = [...]``).

A keypoint is inside an image of shape ``(H, W, ...)`` iff ``0 <= x < W`` and
``0 <= y < H`` (pixel ``(x, y)`` covers ``[x, x+1) x [y, y+1)``). Keypoint
coordinates are not otherwise validated (NaN is allowed, e.g. as a marker).

Example:
    >>> from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage
    >>> kpsoi = KeypointsOnImage([Keypoint(x=10, y=20), Keypoint(x=5.5, y=3)], shape=(32, 32, 3))
    >>> kpsoi.shift(x=1).to_xy_array().tolist()
    [[11.0, 20.0], [6.5, 3.0]]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from imgaug2.augmentables import _draw
from imgaug2.augmentables._utils import (
    as_xy_array,
    check_fraction,
    normalize_shape,
    points_inside_mask,
    project_coords,
    removal_mask,
    to_float,
)

__all__ = ["Keypoint", "KeypointsOnImage"]

Shape = Any  # a shape tuple or an image array


class Keypoint:
    """A single point ``(x, y)`` in continuous image coordinates.

    Args:
        x: x-coordinate (column, may be fractional).
        y: y-coordinate (row, may be fractional).

    Example:
        >>> kp = Keypoint(x=1.5, y=2)
        >>> kp.x, kp.y_int
        (1.5, 2)
    """

    __slots__ = ("_xy",)

    def __init__(self, x: float = 0, y: float = 0) -> None:
        self._xy = np.array([to_float(x, "x"), to_float(y, "y")], dtype=np.float64)

    @classmethod
    def _view(cls, row: np.ndarray) -> Keypoint:
        obj = cls.__new__(cls)
        obj._xy = row
        return obj

    # ---------------------------------------------------------------- properties
    @property
    def x(self) -> float:
        """The x-coordinate."""
        return float(self._xy[0])

    @x.setter
    def x(self, value: float) -> None:
        self._xy[0] = to_float(value, "x")

    @property
    def y(self) -> float:
        """The y-coordinate."""
        return float(self._xy[1])

    @y.setter
    def y(self, value: float) -> None:
        self._xy[1] = to_float(value, "y")

    @property
    def x_int(self) -> int:
        """The x-coordinate rounded to the nearest integer."""
        return round(self.x)

    @property
    def y_int(self) -> int:
        """The y-coordinate rounded to the nearest integer."""
        return round(self.y)

    @property
    def xy(self) -> np.ndarray:
        """``[x, y]`` as a float32 array (a copy)."""
        return self._xy.astype(np.float32)

    @property
    def xy_int(self) -> np.ndarray:
        """``[x, y]`` rounded, as an int32 array."""
        return np.round(self._xy).astype(np.int32)

    @property
    def coords(self) -> np.ndarray:
        """``[[x, y]]`` as a float32 ``(1,2)`` array (a copy)."""
        return self._xy.reshape(1, 2).astype(np.float32)

    # ---------------------------------------------------------------- geometry
    def project_(self, from_shape: Shape, to_shape: Shape) -> Keypoint:
        """Rescale in place from an image of ``from_shape`` to one of ``to_shape``."""
        self._xy[:] = project_coords(
            self._xy.reshape(1, 2),
            normalize_shape(from_shape, "from_shape"),
            normalize_shape(to_shape, "to_shape"),
        )[0]
        return self

    def project(self, from_shape: Shape, to_shape: Shape) -> Keypoint:
        """Return the keypoint rescaled from ``from_shape`` to ``to_shape``.

        Example:
            >>> Keypoint(2, 4).project((10, 10), (20, 5)).xy.tolist()
            [1.0, 8.0]
        """
        return self.deepcopy().project_(from_shape, to_shape)

    def is_out_of_image(self, image: Shape) -> bool:
        """Whether the point lies outside ``[0, W) x [0, H)``.

        Example:
            >>> Keypoint(9.5, 0).is_out_of_image((10, 10))
            False
        """
        shape = normalize_shape(image, "image")
        return not bool(points_inside_mask(self._xy.reshape(1, 2), shape)[0])

    def compute_out_of_image_fraction(self, image: Shape) -> float:
        """``1.0`` if the point is outside the image, else ``0.0``."""
        return 1.0 if self.is_out_of_image(image) else 0.0

    def shift_(self, x: float = 0, y: float = 0) -> Keypoint:
        """Move the point in place by ``(x, y)``."""
        self._xy += (to_float(x, "x"), to_float(y, "y"))
        return self

    def shift(self, x: float = 0, y: float = 0) -> Keypoint:
        """Return the point moved by ``(x, y)``.

        Example:
            >>> Keypoint(1, 1).shift(x=2).x
            3.0
        """
        return self.deepcopy().shift_(x, y)

    def draw_on_image(
        self,
        image: np.ndarray,
        color: Sequence[float] | float = (0, 255, 0),
        alpha: float = 1.0,
        size: int = 3,
        copy: bool = True,
        raise_if_out_of_image: bool = False,
    ) -> np.ndarray:
        """Draw the point as a ``size x size`` square.

        Args:
            image: ``(H,W)`` or ``(H,W,C)`` image.
            color: Colour, one value per channel.
            alpha: Opacity in ``[0, 1]``.
            size: Side length of the square in pixels.
            copy: If ``False``, draw into ``image`` itself.
            raise_if_out_of_image: Raise ``ValueError`` if the point is outside.

        Example:
            >>> img = Keypoint(2, 2).draw_on_image(np.zeros((5, 5, 3), dtype=np.uint8), size=1)
            >>> img[2, 2].tolist()
            [0, 255, 0]
        """
        return _draw.draw_keypoints(
            image, self._xy.reshape(1, 2), color, alpha, size, copy, raise_if_out_of_image
        )

    def generate_similar_points_manhattan(
        self, nb_steps: int, step_size: float, return_array: bool = False
    ) -> list[Keypoint] | np.ndarray:
        """All points within ``nb_steps`` Manhattan steps of ``step_size`` around this one.

        Example:
            >>> len(Keypoint(0, 0).generate_similar_points_manhattan(1, 1.0))
            5
        """
        if not isinstance(nb_steps, (int, np.integer)) or nb_steps < 0:
            raise ValueError(f"Argument `nb_steps` must be an integer >= 0, got {nb_steps!r}.")
        step = to_float(step_size, "step_size")
        offsets = [
            (dx, dy)
            for dy in range(-nb_steps, nb_steps + 1)
            for dx in range(-nb_steps, nb_steps + 1)
            if abs(dx) + abs(dy) <= nb_steps
        ]
        points = self._xy[np.newaxis, :] + np.array(offsets, dtype=np.float64) * step
        if return_array:
            return points.astype(np.float32)
        return [Keypoint(x=px, y=py) for px, py in points]

    def coords_almost_equals(
        self, other: Keypoint | Sequence[float] | np.ndarray, max_distance: float = 1e-4
    ) -> bool:
        """Whether ``other`` (a Keypoint or ``(x, y)``) is within ``max_distance``.

        Example:
            >>> Keypoint(1, 1).coords_almost_equals((1.00001, 1))
            True
        """
        other_xy = (
            other._xy
            if isinstance(other, Keypoint)
            else np.asarray(other, dtype=np.float64).reshape(-1)
        )
        if other_xy.shape != (2,):
            raise ValueError(
                f"Argument `other` must be a Keypoint or an (x, y) pair, got {other!r}."
            )
        return bool(np.linalg.norm(self._xy - other_xy) <= max_distance)

    def almost_equals(
        self, other: Keypoint | Sequence[float] | np.ndarray, max_distance: float = 1e-4
    ) -> bool:
        """Alias of :meth:`coords_almost_equals`."""
        return self.coords_almost_equals(other, max_distance=max_distance)

    # ---------------------------------------------------------------- copies
    def copy(self, x: float | None = None, y: float | None = None) -> Keypoint:
        """Return a copy, optionally with new coordinates."""
        return self.deepcopy(x=x, y=y)

    def deepcopy(self, x: float | None = None, y: float | None = None) -> Keypoint:
        """Return an independent copy, optionally with new coordinates."""
        return Keypoint(x=self.x if x is None else x, y=self.y if y is None else y)

    def __deepcopy__(self, memo: dict[int, Any]) -> Keypoint:
        return self.deepcopy()

    def __getstate__(self) -> tuple[float, float]:
        return (self.x, self.y)

    def __setstate__(self, state: tuple[float, float]) -> None:
        self._xy = np.array(state, dtype=np.float64)

    def __repr__(self) -> str:
        return f"Keypoint(x={self.x:.8f}, y={self.y:.8f})"


class KeypointsOnImage:
    """All keypoints of one image.

    Args:
        keypoints: List of :class:`Keypoint` or ``(x, y)`` pairs, or an ``(N,2)`` array.
        shape: Shape of the image the points are placed on (or the image itself).

    Attributes:
        shape: The image shape tuple.

    Example:
        >>> kpsoi = KeypointsOnImage([Keypoint(1, 2)], shape=(4, 4))
        >>> len(kpsoi), kpsoi.keypoints[0].y
        (1, 2.0)
    """

    def __init__(self, keypoints: Sequence[Keypoint] | np.ndarray, shape: Shape) -> None:
        self.shape = normalize_shape(shape)
        self._xy = as_xy_array(keypoints, "keypoints")

    # ---------------------------------------------------------------- container API
    @property
    def keypoints(self) -> list[Keypoint]:
        """The keypoints, as Keypoint views on the coordinate array (a new list each time)."""
        cache = self.__dict__.get("_views")
        if cache is None or cache[0] is not self._xy:
            cache = (self._xy, [Keypoint._view(row) for row in self._xy])
            self.__dict__["_views"] = cache
        return list(cache[1])

    @keypoints.setter
    def keypoints(self, value: Sequence[Keypoint]) -> None:
        self._xy = as_xy_array(value, "keypoints")

    @property
    def items(self) -> list[Keypoint]:
        """Alias of :attr:`keypoints`."""
        return self.keypoints

    @items.setter
    def items(self, value: Sequence[Keypoint]) -> None:
        self.keypoints = value

    @property
    def height(self) -> int:
        """Image height."""
        return self.shape[0]

    @property
    def width(self) -> int:
        """Image width."""
        return self.shape[1]

    @property
    def empty(self) -> bool:
        """Whether there are no keypoints."""
        return len(self._xy) == 0

    def __len__(self) -> int:
        return len(self._xy)

    def __iter__(self) -> Iterator[Keypoint]:
        return iter(self.keypoints)

    def __getitem__(self, index: int | slice) -> Keypoint | list[Keypoint]:
        return self.keypoints[index]

    def __repr__(self) -> str:
        return f"KeypointsOnImage({self.keypoints!r}, shape={self.shape})"

    # ---------------------------------------------------------------- augmenter contract
    def coords_xy(self) -> np.ndarray:
        """All coordinates as a new float64 ``(N,2)`` array."""
        return self._xy.copy()

    def replace_coords(self, xy: np.ndarray, shape: Shape) -> KeypointsOnImage:
        """New container with coordinates ``xy`` (``(N,2)``) on an image of ``shape``.

        Example:
            >>> kpsoi = KeypointsOnImage([(1, 1)], shape=(4, 4))
            >>> kpsoi.replace_coords(np.array([[3.0, 2.0]]), (8, 8)).to_xy_array().tolist()
            [[3.0, 2.0]]
        """
        arr = np.asarray(xy, dtype=np.float64)
        if arr.shape != self._xy.shape:
            raise ValueError(f"Argument `xy` must have shape {self._xy.shape}, got {arr.shape}.")
        return self._new(arr.copy(), normalize_shape(shape))

    def _new(self, xy: np.ndarray, shape: tuple[int, ...]) -> KeypointsOnImage:
        obj = self.__class__.__new__(self.__class__)
        obj.shape = shape
        obj._xy = np.ascontiguousarray(xy, dtype=np.float64)
        return obj

    # ---------------------------------------------------------------- geometry
    def on_(self, image: Shape) -> KeypointsOnImage:
        """Project in place onto an image of another size."""
        shape = normalize_shape(image, "image")
        self._xy = project_coords(self._xy, self.shape, shape)
        self.shape = shape
        return self

    def on(self, image: Shape) -> KeypointsOnImage:
        """Return the keypoints projected onto an image (or shape) of another size.

        Example:
            >>> KeypointsOnImage([(2, 2)], (4, 4)).on((8, 8)).to_xy_array().tolist()
            [[4.0, 4.0]]
        """
        return self.deepcopy().on_(image)

    def shift_(self, x: float = 0, y: float = 0) -> KeypointsOnImage:
        """Move all points in place by ``(x, y)``."""
        self._xy += (to_float(x, "x"), to_float(y, "y"))
        return self

    def shift(self, x: float = 0, y: float = 0) -> KeypointsOnImage:
        """Return all points moved by ``(x, y)``."""
        return self.deepcopy().shift_(x, y)

    def _inside_mask(self) -> np.ndarray:
        return points_inside_mask(self._xy, self.shape)

    def clip_out_of_image_(self) -> KeypointsOnImage:
        """Remove in place the keypoints outside the image."""
        self._xy = self._xy[self._inside_mask()]
        return self

    def clip_out_of_image(self) -> KeypointsOnImage:
        """Return only the keypoints inside ``[0, W) x [0, H)``.

        Example:
            >>> len(KeypointsOnImage([(1, 1), (9, 1)], (4, 4)).clip_out_of_image())
            1
        """
        return self.deepcopy().clip_out_of_image_()

    def remove_out_of_image_fraction_(self, fraction: float) -> KeypointsOnImage:
        """In-place variant of :meth:`remove_out_of_image_fraction`."""
        fraction = check_fraction(fraction)
        out_fraction = np.where(self._inside_mask(), 0.0, 1.0)
        self._xy = self._xy[~removal_mask(out_fraction, fraction)]
        return self

    def remove_out_of_image_fraction(self, fraction: float) -> KeypointsOnImage:
        """Remove keypoints whose out-of-image fraction (0 or 1) is ``> 0`` and ``>= fraction``.

        Example:
            >>> len(KeypointsOnImage([(1, 1), (9, 1)], (4, 4)).remove_out_of_image_fraction(0.5))
            1
        """
        return self.deepcopy().remove_out_of_image_fraction_(fraction)

    # ---------------------------------------------------------------- arrays
    def to_xy_array(self) -> np.ndarray:
        """Coordinates as a float32 ``(N,2)`` array (like imgaug)."""
        return self._xy.astype(np.float32)

    def fill_from_xy_array_(self, xy: np.ndarray | Sequence[Sequence[float]]) -> KeypointsOnImage:
        """Replace the coordinates in place with ``xy`` (``(N,2)``, same N)."""
        arr = as_xy_array(xy, "xy")
        if arr.shape != self._xy.shape:
            raise ValueError(f"Argument `xy` must have shape {self._xy.shape}, got {arr.shape}.")
        self._xy[...] = arr
        return self

    @classmethod
    def from_xy_array(
        cls, xy: np.ndarray | Sequence[Sequence[float]], shape: Shape
    ) -> KeypointsOnImage:
        """Create keypoints from an ``(N,2)`` array.

        Example:
            >>> len(KeypointsOnImage.from_xy_array(np.zeros((3, 2)), (5, 5)))
            3
        """
        return cls(as_xy_array(xy, "xy"), shape)

    def to_keypoints_on_image(self) -> KeypointsOnImage:
        """Return a copy (keeps the interface of the other augmentables)."""
        return self.deepcopy()

    def invert_to_keypoints_on_image_(self, kpsoi: KeypointsOnImage) -> KeypointsOnImage:
        """Take over coordinates and shape of ``kpsoi`` (in place)."""
        if len(kpsoi) != len(self):
            raise ValueError(
                f"Argument `kpsoi` must contain {len(self)} keypoints, got {len(kpsoi)}."
            )
        self._xy = kpsoi.coords_xy()
        self.shape = kpsoi.shape
        return self

    def to_keypoint_image(self, size: int = 1) -> np.ndarray:
        """One uint8 channel per keypoint with a ``size x size`` square of 255 at it.

        Example:
            >>> KeypointsOnImage([(1, 2)], (4, 4)).to_keypoint_image()[2, 1, 0]
            np.uint8(255)
        """
        size = _draw.check_size(size)
        height, width = self.shape[0:2]
        image = np.zeros((height, width, len(self)), dtype=np.uint8)
        for i, row in enumerate(self._xy):
            image[:, :, i] = _draw.points_mask((height, width), row.reshape(1, 2), size)
        return image

    @classmethod
    def from_keypoint_image(
        cls,
        image: np.ndarray,
        if_not_found_coords: Sequence[float] | dict[str, float] | None = (-1.0, -1.0),
        threshold: float = 1,
        nb_channels: int | None = None,
    ) -> KeypointsOnImage:
        """Create keypoints from the argmax of each channel of a keypoint image.

        Args:
            image: ``(H,W,N)`` array, one channel per keypoint.
            if_not_found_coords: Coordinates for channels whose maximum is below
                ``threshold`` (dict with x/y or a pair); ``None`` drops them.
            threshold: Minimum value for a channel maximum to count.
            nb_channels: Channels of the returned shape (``None``: no channel axis).

        Example:
            >>> img = KeypointsOnImage([(1, 2)], (4, 4)).to_keypoint_image()
            >>> KeypointsOnImage.from_keypoint_image(img).to_xy_array().tolist()
            [[1.0, 2.0]]
        """
        if not isinstance(image, np.ndarray) or image.ndim != 3:
            raise ValueError(
                "Argument `image` must be an (H,W,N) array with one channel per keypoint."
            )
        if if_not_found_coords is None:
            fallback = None
        elif isinstance(if_not_found_coords, dict):
            fallback = (
                to_float(if_not_found_coords["x"], "if_not_found_coords"),
                to_float(if_not_found_coords["y"], "if_not_found_coords"),
            )
        else:
            fallback = tuple(to_float(v, "if_not_found_coords") for v in if_not_found_coords)
            if len(fallback) != 2:
                raise ValueError(
                    "Argument `if_not_found_coords` must be a dict, an (x, y) pair or None."
                )
        height, width, nb_points = image.shape
        rows = []
        for i in range(nb_points):
            channel = image[:, :, i]
            if channel.size == 0:
                if fallback is not None:
                    rows.append(fallback)
                continue
            flat_idx = int(np.argmax(channel))
            y, x = divmod(flat_idx, width)
            if channel[y, x] >= threshold:
                rows.append((float(x), float(y)))
            elif fallback is not None:
                rows.append(fallback)
        shape = (height, width) if nb_channels is None else (height, width, nb_channels)
        return cls(np.array(rows, dtype=np.float64).reshape(-1, 2), shape)

    def to_distance_maps(self, inverted: bool = False) -> np.ndarray:
        """Float32 ``(H,W,N)`` maps of the euclidean distance of each pixel index to each point.

        With ``inverted=True`` the maps are ``1 / (1 + distance)``.
        """
        height, width = self.shape[0:2]
        yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
        maps = np.zeros((height, width, len(self)), dtype=np.float32)
        for i, (x, y) in enumerate(self._xy):
            maps[:, :, i] = np.sqrt((xx - x) ** 2 + (yy - y) ** 2)
        return 1.0 / (1.0 + maps) if inverted else maps

    @classmethod
    def from_distance_maps(
        cls,
        distance_maps: np.ndarray,
        inverted: bool = False,
        if_not_found_coords: Sequence[float] | dict[str, float] | None = (-1.0, -1.0),
        threshold: float | None = None,
        nb_channels: int | None = None,
    ) -> KeypointsOnImage:
        """Create keypoints from distance maps (argmin, or argmax if ``inverted``)."""
        if not isinstance(distance_maps, np.ndarray) or distance_maps.ndim != 3:
            raise ValueError("Argument `distance_maps` must be an (H,W,N) array.")
        height, width, nb_points = distance_maps.shape
        rows = []
        for i in range(nb_points):
            channel = distance_maps[:, :, i]
            idx = int(np.argmax(channel) if inverted else np.argmin(channel))
            y, x = divmod(idx, width)
            value = channel[y, x]
            found = threshold is None or (value >= threshold if inverted else value < threshold)
            if found:
                rows.append((float(x), float(y)))
            elif if_not_found_coords is not None:
                if isinstance(if_not_found_coords, dict):
                    rows.append((float(if_not_found_coords["x"]), float(if_not_found_coords["y"])))
                else:
                    rows.append(tuple(float(v) for v in if_not_found_coords))
        shape = (height, width) if nb_channels is None else (height, width, nb_channels)
        return cls(np.array(rows, dtype=np.float64).reshape(-1, 2), shape)

    # ---------------------------------------------------------------- drawing
    def draw_on_image(
        self,
        image: np.ndarray,
        color: Sequence[float] | float = (0, 255, 0),
        alpha: float = 1.0,
        size: int = 3,
        copy: bool = True,
        raise_if_out_of_image: bool = False,
    ) -> np.ndarray:
        """Draw all keypoints as squares; see :meth:`Keypoint.draw_on_image`.

        Example:
            >>> kpsoi = KeypointsOnImage([(1, 1)], (4, 4, 3))
            >>> kpsoi.draw_on_image(np.zeros((4, 4, 3), dtype=np.uint8), size=1)[1, 1].tolist()
            [0, 255, 0]
        """
        return _draw.draw_keypoints(
            image, self._xy, color, alpha, size, copy, raise_if_out_of_image
        )

    # ---------------------------------------------------------------- copies
    def copy(
        self, keypoints: Sequence[Keypoint] | np.ndarray | None = None, shape: Shape | None = None
    ) -> KeypointsOnImage:
        """Return a copy, optionally with other keypoints and/or shape."""
        return self.deepcopy(keypoints=keypoints, shape=shape)

    def deepcopy(
        self, keypoints: Sequence[Keypoint] | np.ndarray | None = None, shape: Shape | None = None
    ) -> KeypointsOnImage:
        """Return an independent copy, optionally with other keypoints and/or shape."""
        xy = self._xy.copy() if keypoints is None else as_xy_array(keypoints, "keypoints")
        return self._new(xy, self.shape if shape is None else normalize_shape(shape))

    def __deepcopy__(self, memo: dict[int, Any]) -> KeypointsOnImage:
        return self.deepcopy()

    def __getstate__(self) -> dict[str, Any]:
        return {key: value for key, value in self.__dict__.items() if key != "_views"}

    def __copy__(self) -> KeypointsOnImage:
        return self.deepcopy()
