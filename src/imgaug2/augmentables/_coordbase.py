"""Shared base classes of polygons and line strings and of their per-image containers.

Subclasses define ``_CLOSED`` (polygon exteriors are closed rings), ``_COORDS_NAME``
(the constructor argument name used in error messages) and the geometry methods
(``is_fully_within_image``, ``clip_out_of_image`` ...).

Example:
    >>> from imgaug2.augmentables.lines import LineString, LineStringsOnImage
    >>> lsoi = LineStringsOnImage([LineString([(0, 0), (4, 0)], label="road")], shape=(8, 8))
    >>> lsoi.shift(y=2).coords_xy().tolist()
    [[0.0, 2.0], [4.0, 2.0]]
"""

from __future__ import annotations

import copy as copy_module
from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

import numpy as np

from imgaug2.augmentables._utils import (
    Shiftable,
    as_xy_array,
    check_fraction,
    item_is_out_of_image,
    normalize_shape,
    points_inside_mask,
    project_coords,
    removal_mask,
)
from imgaug2.augmentables.bbs import BoundingBox
from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage

__all__ = ["CoordsItem", "CoordsItemsOnImage"]

Shape = Any
ItemT = TypeVar("ItemT", bound="CoordsItem")
ContainerT = TypeVar("ContainerT", bound="CoordsItemsOnImage")


class CoordsItem(Shiftable):
    """A labelled sequence of ``(x, y)`` points stored as a float64 ``(N,2)`` array."""

    _CLOSED = False
    _COORDS_NAME = "coords"

    def __init__(self, coords: Any, label: Any = None) -> None:
        self._coords = self._parse_coords(coords, self._COORDS_NAME)
        self.label = label

    @classmethod
    def _parse_coords(cls, coords: Any, name: str) -> np.ndarray:
        arr = as_xy_array(coords, name)
        if not np.all(np.isfinite(arr)):
            raise ValueError(f"Argument `{name}` contains NaN or infinite coordinates.")
        return arr

    @classmethod
    def _from_array(cls: type[ItemT], coords: np.ndarray, label: Any) -> ItemT:
        obj = cls.__new__(cls)
        obj._coords = np.ascontiguousarray(coords, dtype=np.float64).reshape(-1, 2)
        obj.label = label
        return obj

    # ---------------------------------------------------------------- coordinates
    @property
    def coords(self) -> np.ndarray:
        """The float64 ``(N,2)`` coordinate array (modifiable in place)."""
        return self._coords

    @coords.setter
    def coords(self, value: Any) -> None:
        self._coords = self._parse_coords(value, "coords")

    xx = property(lambda self: self._coords[:, 0].copy(), doc="All x-coordinates.")
    yy = property(lambda self: self._coords[:, 1].copy(), doc="All y-coordinates.")
    xx_int = property(
        lambda self: np.round(self._coords[:, 0]).astype(np.int32), doc="Rounded x-coordinates."
    )
    yy_int = property(
        lambda self: np.round(self._coords[:, 1]).astype(np.int32), doc="Rounded y-coordinates."
    )

    @property
    def height(self) -> float:
        """Vertical extent of the points (0 without points)."""
        return float(np.ptp(self._coords[:, 1])) if len(self._coords) else 0.0

    @property
    def width(self) -> float:
        """Horizontal extent of the points (0 without points)."""
        return float(np.ptp(self._coords[:, 0])) if len(self._coords) else 0.0

    def __len__(self) -> int:
        return len(self._coords)

    def __getitem__(self, index: int | slice) -> np.ndarray:
        return self._coords[index]

    def __iter__(self) -> Iterator[np.ndarray]:
        return iter(self._coords)

    def get_pointwise_inside_image_mask(self, image: Shape) -> np.ndarray:
        """Boolean mask of the points inside ``[0, W) x [0, H)``."""
        return points_inside_mask(self._coords, normalize_shape(image, "image"))

    def is_out_of_image(self, image: Shape, fully: bool = True, partly: bool = False) -> bool:
        """Whether fully outside (``fully``) and/or partly outside (``partly``) the image."""
        return item_is_out_of_image(self, image, fully, partly)

    # ---------------------------------------------------------------- transforms
    def project_(self: ItemT, from_shape: Shape, to_shape: Shape) -> ItemT:
        """In-place variant of :meth:`project`."""
        self._coords = project_coords(
            self._coords,
            normalize_shape(from_shape, "from_shape"),
            normalize_shape(to_shape, "to_shape"),
        )
        return self

    def project(self: ItemT, from_shape: Shape, to_shape: Shape) -> ItemT:
        """Return the object rescaled from an image of ``from_shape`` to one of ``to_shape``."""
        return self.deepcopy().project_(from_shape, to_shape)

    def _shift_by_(self, dx: float, dy: float) -> None:
        self._coords += (dx, dy)

    # ---------------------------------------------------------------- conversions
    def to_keypoints(self) -> list[Keypoint]:
        """The points as :class:`Keypoint` objects."""
        return [Keypoint(x, y) for x, y in self._coords]

    def to_bounding_box(self) -> BoundingBox:
        """The smallest box around the points (label kept)."""
        if len(self._coords) == 0:
            raise ValueError(
                f"Cannot compute the bounding box of a {type(self).__name__} without points."
            )
        lo = self._coords.min(axis=0)
        hi = self._coords.max(axis=0)
        return BoundingBox(lo[0], lo[1], hi[0], hi[1], label=self.label)

    def coords_almost_equals(
        self, other: Any, max_distance: float = 1e-4, points_per_edge: int = 8
    ) -> bool:
        """Whether both shapes are within ``max_distance`` of each other everywhere.

        Both outlines are densified with ``points_per_edge`` points per edge and every
        point must lie within ``max_distance`` of the other outline (both directions).
        """
        from imgaug2.augmentables._geom import distances_to_polyline, interpolate

        other_coords = (
            other._coords if isinstance(other, CoordsItem) else self._parse_coords(other, "other")
        )
        if len(self._coords) == 0 or len(other_coords) == 0:
            return len(self._coords) == len(other_coords)
        closed = self._CLOSED
        dense_a = interpolate(self._coords, points_per_edge, closed)
        dense_b = interpolate(other_coords, points_per_edge, closed)
        return bool(
            np.all(distances_to_polyline(dense_a, other_coords, closed) <= max_distance)
            and np.all(distances_to_polyline(dense_b, self._coords, closed) <= max_distance)
        )

    def almost_equals(
        self, other: Any, max_distance: float = 1e-4, points_per_edge: int = 8
    ) -> bool:
        """Like :meth:`coords_almost_equals`, but the labels must be equal too."""
        if isinstance(other, CoordsItem) and other.label != self.label:
            return False
        return self.coords_almost_equals(other, max_distance, points_per_edge)

    def copy(self: ItemT, coords: Any = None, label: Any = None) -> ItemT:
        """Return a copy (new coordinate array), optionally with new coordinates/label."""
        new_coords = self._coords.copy() if coords is None else self._parse_coords(coords, "coords")
        return self._from_array(new_coords, self.label if label is None else label)

    def deepcopy(self: ItemT, coords: Any = None, label: Any = None) -> ItemT:
        """Return an independent copy (label deep-copied)."""
        return self.copy(coords, copy_module.deepcopy(self.label) if label is None else label)

    def __deepcopy__(self: ItemT, memo: dict[int, Any]) -> ItemT:
        return self.deepcopy()

    def __copy__(self: ItemT) -> ItemT:
        return self.copy()

    def __repr__(self) -> str:
        points = ", ".join(f"({x:.3f}, {y:.3f})" for x, y in self._coords)
        return (
            f"{type(self).__name__}([{points}] ({len(self._coords)} points), label={self.label!r})"
        )


class CoordsItemsOnImage(Shiftable):
    """Base of :class:`PolygonsOnImage` and :class:`LineStringsOnImage`: items of one image."""

    _ITEM_CLASS: type[CoordsItem] = CoordsItem
    _ITEMS_NAME = "items"

    def __init__(self, items: Sequence[CoordsItem], shape: Shape) -> None:
        self.shape = normalize_shape(shape)
        self._items = self._check_items(items, self._ITEMS_NAME)

    @classmethod
    def _check_items(cls, items: Any, name: str) -> list[Any]:
        if isinstance(items, cls._ITEM_CLASS):
            raise TypeError(
                f"Argument `{name}` must be a list of {cls._ITEM_CLASS.__name__}, not a single one."
            )
        result = list(items)
        for item in result:
            if not isinstance(item, cls._ITEM_CLASS):
                raise TypeError(
                    f"Argument `{name}` must contain only {cls._ITEM_CLASS.__name__} objects, "
                    f"got {type(item).__name__}."
                )
        return result

    def _new(self: ContainerT, items: list[Any], shape: tuple[int, ...]) -> ContainerT:
        obj = self.__class__.__new__(self.__class__)
        obj.shape = shape
        obj._items = items
        return obj

    # ---------------------------------------------------------------- container API
    @property
    def items(self) -> list[Any]:
        """The items (the container's own list)."""
        return self._items

    @items.setter
    def items(self, value: Sequence[Any]) -> None:
        self._items = self._check_items(value, "items")

    height = property(lambda self: self.shape[0], doc="Image height.")
    width = property(lambda self: self.shape[1], doc="Image width.")
    empty = property(lambda self: len(self._items) == 0, doc="Whether there are no items.")

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items)

    def __getitem__(self, index: int | slice) -> Any:
        return self._items[index]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._items!r}, shape={self.shape})"

    # ---------------------------------------------------------------- augmenter contract
    def coords_xy(self) -> np.ndarray:
        """All points of all items, concatenated in order, as float64 ``(M,2)``."""
        if not self._items:
            return np.zeros((0, 2), dtype=np.float64)
        return np.concatenate([item._coords for item in self._items], axis=0)

    def replace_coords(self: ContainerT, xy: np.ndarray, shape: Shape) -> ContainerT:
        """New container whose items take consecutive slices of ``xy`` (original lengths, labels kept)."""
        arr = np.asarray(xy, dtype=np.float64)
        total = sum(len(item._coords) for item in self._items)
        if arr.shape != (total, 2):
            raise ValueError(f"Argument `xy` must have shape {(total, 2)}, got {arr.shape}.")
        items = []
        start = 0
        for item in self._items:
            end = start + len(item._coords)
            items.append(item._from_array(arr[start:end].copy(), item.label))
            start = end
        return self._new(items, normalize_shape(shape))

    # ---------------------------------------------------------------- geometry
    def on_(self: ContainerT, image: Shape) -> ContainerT:
        """In-place variant of :meth:`on`."""
        shape = normalize_shape(image, "image")
        for item in self._items:
            item._coords = project_coords(item._coords, self.shape, shape)
        self.shape = shape
        return self

    def on(self: ContainerT, image: Shape) -> ContainerT:
        """Return the items projected onto an image (or shape) of another size."""
        return self.deepcopy().on_(image)

    def _shift_by_(self, dx: float, dy: float) -> None:
        for item in self._items:
            item._coords += (dx, dy)

    def remove_out_of_image_(
        self: ContainerT, fully: bool = True, partly: bool = False
    ) -> ContainerT:
        """In-place variant of :meth:`remove_out_of_image`."""
        self._items = [
            item
            for item in self._items
            if not item.is_out_of_image(self.shape, fully=fully, partly=partly)
        ]
        return self

    def remove_out_of_image(
        self: ContainerT, fully: bool = True, partly: bool = False
    ) -> ContainerT:
        """Remove items fully outside the image (``fully``) and/or partly outside (``partly``)."""
        return self.deepcopy().remove_out_of_image_(fully, partly)

    def remove_out_of_image_fraction_(self: ContainerT, fraction: float) -> ContainerT:
        """In-place variant of :meth:`remove_out_of_image_fraction`."""
        fraction = check_fraction(fraction)
        fractions = np.array(
            [item.compute_out_of_image_fraction(self.shape) for item in self._items]
        )
        drop = removal_mask(fractions, fraction) if self._items else np.zeros(0, dtype=bool)
        self._items = [item for item, d in zip(self._items, drop) if not d]
        return self

    def remove_out_of_image_fraction(self: ContainerT, fraction: float) -> ContainerT:
        """Remove items whose out-of-image fraction is ``> 0`` and ``>= fraction``."""
        return self.deepcopy().remove_out_of_image_fraction_(fraction)

    def clip_out_of_image_(self: ContainerT) -> ContainerT:
        """In-place variant of :meth:`clip_out_of_image`."""
        self._items = [
            piece for item in self._items for piece in item.clip_out_of_image(self.shape)
        ]
        return self

    def clip_out_of_image(self: ContainerT) -> ContainerT:
        """Cut every item to the image; items may split into several pieces or disappear."""
        return self.deepcopy().clip_out_of_image_()

    def subdivide_(self: ContainerT, points_per_edge: int) -> ContainerT:
        """In-place variant of :meth:`subdivide`."""
        self._items = [item.subdivide(points_per_edge) for item in self._items]
        return self

    def subdivide(self: ContainerT, points_per_edge: int) -> ContainerT:
        """Insert ``points_per_edge`` points on every edge of every item."""
        return self.deepcopy().subdivide_(points_per_edge)

    # ---------------------------------------------------------------- arrays
    def to_xy_array(self) -> np.ndarray:
        """All points concatenated, float32 ``(M,2)``."""
        return self.coords_xy().astype(np.float32)

    def fill_from_xy_array_(self: ContainerT, xy: np.ndarray) -> ContainerT:
        """Write ``(M,2)`` points (as from :meth:`to_xy_array`) back into the items, in place."""
        new = self.replace_coords(np.asarray(xy, dtype=np.float64).reshape(-1, 2), self.shape)
        for item, new_item in zip(self._items, new._items):
            item._coords = new_item._coords
        return self

    def to_keypoints_on_image(self) -> KeypointsOnImage:
        """All points as one :class:`KeypointsOnImage` (order as :meth:`coords_xy`)."""
        return KeypointsOnImage(self.coords_xy(), self.shape)

    def invert_to_keypoints_on_image_(self: ContainerT, kpsoi: KeypointsOnImage) -> ContainerT:
        """Take over coordinates and shape from keypoints made by :meth:`to_keypoints_on_image`."""
        new = self.replace_coords(kpsoi.coords_xy(), kpsoi.shape)
        self._items, self.shape = new._items, new.shape
        return self

    # ---------------------------------------------------------------- drawing
    def draw_on_image(self, image: np.ndarray, *args: Any, **kwargs: Any) -> np.ndarray:
        """Draw all items; arguments as in the item class's ``draw_on_image``."""
        copy = kwargs.pop("copy", True)
        result = image
        for item in self._items:
            result = item.draw_on_image(result, *args, **kwargs)
        if result is image:
            result = np.array(image, copy=True, order="C")
        if not copy:
            image[...] = result
            return image
        return result

    # ---------------------------------------------------------------- copies
    def copy(
        self: ContainerT, items: Sequence[Any] | None = None, shape: Shape | None = None
    ) -> ContainerT:
        """Return a copy with new coordinate arrays (labels shared)."""
        new_items = (
            [item.copy() for item in self._items]
            if items is None
            else self._check_items(items, "items")
        )
        return self._new(new_items, self.shape if shape is None else normalize_shape(shape))

    def deepcopy(
        self: ContainerT, items: Sequence[Any] | None = None, shape: Shape | None = None
    ) -> ContainerT:
        """Return an independent copy."""
        source = self._items if items is None else self._check_items(items, "items")
        return self._new(
            [item.deepcopy() for item in source],
            self.shape if shape is None else normalize_shape(shape),
        )

    def __deepcopy__(self: ContainerT, memo: dict[int, Any]) -> ContainerT:
        return self.deepcopy()

    def __copy__(self: ContainerT) -> ContainerT:
        return self.copy()
