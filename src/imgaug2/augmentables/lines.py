"""Line strings (polylines) on images: :class:`LineString` and :class:`LineStringsOnImage`.

A line string is an open polyline, a float64 ``(N,2)`` array of finite ``(x, y)``
points. Clipping to the image (``[0, W] x [0, H]``) uses an own Liang-Barsky
implementation and may split a line string into several pieces.

Inside/outside rules: fully within = all points in ``[0, W] x [0, H]`` (and
partly within); partly within = a piece of positive length lies in the image,
or (zero-length lines) a point satisfies ``0 <= x < W, 0 <= y < H``. The
out-of-image fraction is the fraction of the length outside the image.

Example:
    >>> from imgaug2.augmentables.lines import LineString, LineStringsOnImage
    >>> ls = LineString([(0, 0), (10, 0)], label="lane")
    >>> ls.length, [piece.length for piece in ls.clip_out_of_image((4, 4))]
    (10.0, [4.0])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from imgaug2.augmentables import _draw
from imgaug2.augmentables._bbs_ops import extract_box
from imgaug2.augmentables._coordbase import CoordsItem, CoordsItemsOnImage
from imgaug2.augmentables._geom import (
    clip_polyline,
    distances_to_polyline,
    interpolate,
    polyline_lengths,
)
from imgaug2.augmentables._utils import normalize_shape, points_inside_mask
from imgaug2.augmentables.kps import Keypoint

if TYPE_CHECKING:
    from imgaug2.augmentables.heatmaps import HeatmapsOnImage
    from imgaug2.augmentables.polys import Polygon
    from imgaug2.augmentables.segmaps import SegmentationMapsOnImage

__all__ = ["LineString", "LineStringsOnImage"]

Shape = Any


def _other_coords(other: Any) -> np.ndarray:
    if isinstance(other, Keypoint):
        return other._xy.reshape(1, 2)
    if isinstance(other, CoordsItem):
        return other.coords
    arr = np.asarray(other, dtype=np.float64)
    return arr.reshape(-1, 2)


class LineString(CoordsItem):
    """An open polyline through ``coords``.

    Args:
        coords: ``(N,2)`` array, list of ``(x, y)`` pairs or list of Keypoints.
        label: Any label object, ``None`` by default.

    Example:
        >>> LineString([(0, 0), (3, 4)]).length
        5.0
    """

    _CLOSED = False
    _COORDS_NAME = "coords"

    def __init__(self, coords: Any, label: Any = None) -> None:
        super().__init__(coords, label)

    # ---------------------------------------------------------------- measures
    @property
    def length(self) -> float:
        """Sum of the segment lengths."""
        return float(np.sum(polyline_lengths(self._coords)))

    def compute_neighbour_distances(self) -> np.ndarray:
        """Distances between consecutive points, ``(N-1,)``."""
        return polyline_lengths(self._coords)

    def compute_pointwise_distances(self, other: Any, default: Any = None) -> list[float] | Any:
        """Distance of every point of this line string to ``other`` (point, line string, points).

        Returns ``default`` if either side has no points.
        """
        other_coords = _other_coords(other)
        if len(self._coords) == 0 or len(other_coords) == 0:
            return default
        return distances_to_polyline(self._coords, other_coords, closed=False).tolist()

    def compute_distance(self, other: Any, default: Any = None) -> float | Any:
        """Minimal distance between this line string and ``other`` (``default`` if empty).

        Example:
            >>> LineString([(0, 0), (4, 0)]).compute_distance(Keypoint(2, 3))
            3.0
        """
        other_coords = _other_coords(other)
        if len(self._coords) == 0 or len(other_coords) == 0:
            return default
        d1 = distances_to_polyline(other_coords, self._coords)
        d2 = distances_to_polyline(self._coords, other_coords)
        return float(min(d1.min(), d2.min()))

    def contains(self, other: Any, max_distance: float = 1e-4) -> bool:
        """Whether a point (Keypoint or ``(x, y)``) lies on the line string."""
        dist = self.compute_distance(other, default=np.inf)
        return bool(dist <= max_distance)

    # ---------------------------------------------------------------- image relations
    def _clipped(self, shape: tuple[int, ...]) -> list[np.ndarray]:
        height, width = shape[0:2]
        pieces = clip_polyline(self._coords, width, height)
        if self.length > 0:
            pieces = [p for p in pieces if np.sum(polyline_lengths(p)) > 0]
        return pieces

    def is_partly_within_image(self, image: Shape, default: bool = False) -> bool:
        """Whether part of the line (positive length, or a point for zero-length lines) is inside."""
        shape = normalize_shape(image, "image")
        if len(self._coords) == 0:
            return default
        if self.length > 0:
            return len(self._clipped(shape)) > 0
        return bool(np.any(points_inside_mask(self._coords, shape)))

    def is_fully_within_image(self, image: Shape, default: bool = False) -> bool:
        """Whether all points lie in ``[0, W] x [0, H]`` and the line touches the image."""
        shape = normalize_shape(image, "image")
        if len(self._coords) == 0:
            return default
        height, width = shape[0:2]
        c = self._coords
        in_rect = np.all((c[:, 0] >= 0) & (c[:, 0] <= width) & (c[:, 1] >= 0) & (c[:, 1] <= height))
        return bool(in_rect) and self.is_partly_within_image(shape)

    def is_out_of_image(
        self, image: Shape, fully: bool = True, partly: bool = False, default: bool = True
    ) -> bool:
        """Whether fully (``fully``) and/or partly (``partly``) outside; ``default`` without points."""
        if len(self._coords) == 0:
            return default
        return super().is_out_of_image(image, fully=fully, partly=partly)

    def compute_out_of_image_fraction(self, image: Shape) -> float:
        """Fraction of the length outside the image (zero-length lines: 0 or 1)."""
        shape = normalize_shape(image, "image")
        length = self.length
        if length == 0:
            return 0.0 if self.is_partly_within_image(shape) else 1.0
        inside = sum(float(np.sum(polyline_lengths(p))) for p in self._clipped(shape))
        return float(np.clip(1.0 - inside / length, 0.0, 1.0))

    def clip_out_of_image(self, image: Shape) -> list[LineString]:
        """Cut the line string to ``[0, W] x [0, H]``; returns the inside pieces (label kept).

        Example:
            >>> len(LineString([(0, 1), (5, 1), (5, 8), (0, 8)]).clip_out_of_image((4, 4)))
            1
        """
        shape = normalize_shape(image, "image")
        if len(self._coords) == 0:
            return []
        if self.length == 0:
            return [self.deepcopy()] if self.is_partly_within_image(shape) else []
        return [self._from_array(piece, self.label) for piece in self._clipped(shape)]

    # ---------------------------------------------------------------- editing
    def subdivide(self, points_per_edge: int) -> LineString:
        """Insert ``points_per_edge`` evenly spaced points on every segment."""
        if not isinstance(points_per_edge, (int, np.integer)) or points_per_edge < 0:
            raise ValueError(
                f"Argument `points_per_edge` must be an integer >= 0, got {points_per_edge!r}."
            )
        return self.copy(coords=interpolate(self._coords, int(points_per_edge), closed=False))

    def concatenate(self, other: Any) -> LineString:
        """Append the points of ``other`` (line string, keypoints or ``(N,2)`` points)."""
        if isinstance(other, CoordsItem):
            other_coords = other.coords
        else:
            other_coords = self._parse_coords(other, "other")
        return self.copy(coords=np.concatenate([self._coords, other_coords]))

    # ---------------------------------------------------------------- rasterising
    def draw_lines_heatmap_array(
        self,
        image_shape: Shape,
        alpha: float = 1.0,
        size: int = 1,
        antialiased: bool = True,
        raise_if_out_of_image: bool = False,
    ) -> np.ndarray:
        """Float32 ``(H,W)`` array in ``[0, alpha]`` with the line drawn ``size`` px wide."""
        shape = normalize_shape(image_shape, "image_shape")
        self._check_drawable(shape, raise_if_out_of_image)
        alpha = _draw.check_alpha(alpha)
        mask = _draw.polyline_mask(
            shape[0:2], self._coords, False, _draw.check_size(size), antialiased
        )
        return mask.astype(np.float32) * (alpha / 255.0)

    def draw_points_heatmap_array(
        self,
        image_shape: Shape,
        alpha: float = 1.0,
        size: int = 1,
        raise_if_out_of_image: bool = False,
    ) -> np.ndarray:
        """Float32 ``(H,W)`` array in ``[0, alpha]`` with ``size x size`` squares at the points."""
        shape = normalize_shape(image_shape, "image_shape")
        self._check_drawable(shape, raise_if_out_of_image)
        alpha = _draw.check_alpha(alpha)
        mask = _draw.points_mask(shape[0:2], self._coords, _draw.check_size(size))
        return mask.astype(np.float32) * (alpha / 255.0)

    def draw_heatmap_array(
        self,
        image_shape: Shape,
        alpha_lines: float = 1.0,
        alpha_points: float = 1.0,
        size_lines: int = 1,
        size_points: int = 0,
        antialiased: bool = True,
        raise_if_out_of_image: bool = False,
    ) -> np.ndarray:
        """Maximum of the line and point heatmap arrays (``size_points=0`` draws no points)."""
        lines = self.draw_lines_heatmap_array(
            image_shape, alpha_lines, size_lines, antialiased, raise_if_out_of_image
        )
        if size_points <= 0:
            return lines
        points = self.draw_points_heatmap_array(
            image_shape, alpha_points, size_points, raise_if_out_of_image
        )
        return np.maximum(lines, points)

    def draw_mask(
        self,
        image_shape: Shape,
        size_lines: int = 1,
        size_points: int = 0,
        raise_if_out_of_image: bool = False,
    ) -> np.ndarray:
        """Boolean ``(H,W)`` mask of the pixels covered by the line (and points)."""
        return (
            self.draw_heatmap_array(
                image_shape,
                size_lines=size_lines,
                size_points=size_points,
                antialiased=False,
                raise_if_out_of_image=raise_if_out_of_image,
            )
            > 0.5
        )

    def _check_drawable(self, shape: tuple[int, ...], raise_if_out_of_image: bool) -> None:
        if raise_if_out_of_image and self.is_out_of_image(shape, fully=True, partly=False):
            raise ValueError(
                f"Cannot draw line string {self!r}: it is fully outside the image of shape {shape}."
            )

    def draw_lines_on_image(
        self,
        image: np.ndarray,
        color: Any = (0, 255, 0),
        alpha: float = 1.0,
        size: int = 3,
        antialiased: bool = True,
        raise_if_out_of_image: bool = False,
    ) -> np.ndarray:
        """Draw the line ``size`` px wide; returns a new image."""
        _draw.check_draw_image(image)
        self._check_drawable(image.shape, raise_if_out_of_image)
        mask = _draw.polyline_mask(
            image.shape[0:2], self._coords, False, _draw.check_size(size), antialiased
        )
        return _draw.blend_mask(image, mask, color, _draw.check_alpha(alpha))

    def draw_points_on_image(
        self,
        image: np.ndarray,
        color: Any = (0, 128, 0),
        alpha: float = 1.0,
        size: int = 3,
        copy: bool = True,
        raise_if_out_of_image: bool = False,
    ) -> np.ndarray:
        """Draw ``size x size`` squares at the points."""
        _draw.check_draw_image(image)
        self._check_drawable(image.shape, raise_if_out_of_image)
        mask = _draw.points_mask(image.shape[0:2], self._coords, _draw.check_size(size))
        return _draw.write_back(
            image, _draw.blend_mask(image, mask, color, _draw.check_alpha(alpha)), copy
        )

    def draw_on_image(
        self,
        image: np.ndarray,
        color: Any = (0, 255, 0),
        color_lines: Any = None,
        color_points: Any = None,
        alpha: float = 1.0,
        alpha_lines: float | None = None,
        alpha_points: float | None = None,
        size: int = 1,
        size_lines: int | None = None,
        size_points: int | None = None,
        antialiased: bool = True,
        raise_if_out_of_image: bool = False,
    ) -> np.ndarray:
        """Draw line and points; returns a new image.

        Defaults: line in ``color`` and ``size`` px, points in ``color * 0.5`` and
        ``3 * size`` px (pass ``alpha_points=0`` to hide the points).

        Example:
            >>> ls = LineString([(0, 1), (4, 1)])
            >>> img = ls.draw_on_image(np.zeros((3, 5, 3), dtype=np.uint8), antialiased=False)
            >>> img[1, 2].tolist()
            [0, 255, 0]
        """
        _draw.check_draw_image(image)
        alpha = _draw.check_alpha(alpha)
        size = _draw.check_size(size)
        color_lines = color if color_lines is None else color_lines
        color_points = (
            np.asarray(color, dtype=np.float64) * 0.5 if color_points is None else color_points
        )
        result = self.draw_lines_on_image(
            image,
            color_lines,
            alpha if alpha_lines is None else alpha_lines,
            size if size_lines is None else size_lines,
            antialiased,
            raise_if_out_of_image,
        )
        return self.draw_points_on_image(
            result,
            color_points,
            alpha if alpha_points is None else alpha_points,
            3 * size if size_points is None else size_points,
            True,
            False,
        )

    def extract_from_image(
        self,
        image: np.ndarray,
        size: int = 1,
        pad: bool = True,
        pad_max: int | None = None,
        antialiased: bool = True,
        prevent_zero_size: bool = True,
    ) -> np.ndarray:
        """Cut out the line's bounding box (grown by ``size``); pixels off the line become 0."""
        _draw.check_draw_image(image)
        if len(self._coords) == 0:
            raise ValueError("Cannot extract a line string without points.")
        bb = self.to_bounding_box().extend(all_sides=size)
        crop = extract_box(bb._xyxy, image, pad, pad_max, prevent_zero_size)
        shifted = self._coords - (np.floor(bb.x1), np.floor(bb.y1))
        mask = _draw.polyline_mask(
            crop.shape[0:2], shifted, False, _draw.check_size(size), antialiased
        )
        weight = mask.astype(np.float64) / 255.0
        if crop.ndim == 3:
            weight = weight[:, :, np.newaxis]
        if crop.dtype.kind == "b":
            return crop & (weight > 0.5)
        result = crop.astype(np.float64) * weight
        return (np.round(result) if crop.dtype.kind in "iu" else result).astype(crop.dtype)

    # ---------------------------------------------------------------- conversions
    def to_polygon(self) -> Polygon:
        """The points as a polygon (label kept)."""
        from imgaug2.augmentables.polys import Polygon

        return Polygon(self._coords.copy(), label=self.label)

    def to_heatmap(
        self,
        image_shape: Shape,
        size_lines: int = 1,
        size_points: int = 0,
        antialiased: bool = True,
        raise_if_out_of_image: bool = False,
    ) -> HeatmapsOnImage:
        """The drawn line as a 1-channel :class:`HeatmapsOnImage`."""
        from imgaug2.augmentables.heatmaps import HeatmapsOnImage

        shape = normalize_shape(image_shape, "image_shape")
        arr = self.draw_heatmap_array(
            shape,
            size_lines=size_lines,
            size_points=size_points,
            antialiased=antialiased,
            raise_if_out_of_image=raise_if_out_of_image,
        )
        return HeatmapsOnImage(arr, shape=shape)

    def to_segmentation_map(
        self,
        image_shape: Shape,
        size_lines: int = 1,
        size_points: int = 0,
        raise_if_out_of_image: bool = False,
    ) -> SegmentationMapsOnImage:
        """The drawn line as a segmentation map (class 1 on the line, 0 elsewhere)."""
        from imgaug2.augmentables.segmaps import SegmentationMapsOnImage

        shape = normalize_shape(image_shape, "image_shape")
        mask = self.draw_mask(shape, size_lines, size_points, raise_if_out_of_image)
        return SegmentationMapsOnImage(mask.astype(np.int32), shape=shape)


class LineStringsOnImage(CoordsItemsOnImage):
    """All line strings of one image.

    Args:
        line_strings: List of :class:`LineString`.
        shape: Shape of the image (or the image itself).

    Example:
        >>> lsoi = LineStringsOnImage([LineString([(0, 0), (9, 0)], label=1)], shape=(5, 5))
        >>> [ls.coords.tolist() for ls in lsoi.clip_out_of_image()]
        [[[0.0, 0.0], [5.0, 0.0]]]
    """

    _ITEM_CLASS = LineString
    _ITEMS_NAME = "line_strings"

    def __init__(self, line_strings: Sequence[LineString], shape: Shape) -> None:
        super().__init__(line_strings, shape)

    @property
    def line_strings(self) -> list[LineString]:
        """The line strings (the container's own list)."""
        return self._items

    @line_strings.setter
    def line_strings(self, value: Sequence[LineString]) -> None:
        self._items = self._check_items(value, "line_strings")

    @classmethod
    def from_xy_arrays(cls, xy: Any, shape: Shape) -> LineStringsOnImage:
        """One line string per ``(K,2)`` array in ``xy`` (an ``(N,K,2)`` array or a list)."""
        return cls([LineString(coords) for coords in xy], shape)

    def to_xy_arrays(self, dtype: Any = np.float32) -> list[np.ndarray]:
        """One ``(K,2)`` array per line string."""
        return [ls.coords.astype(dtype) for ls in self._items]

    def draw_on_image(
        self,
        image: np.ndarray,
        color: Any = (0, 255, 0),
        color_lines: Any = None,
        color_points: Any = None,
        alpha: float = 1.0,
        alpha_lines: float | None = None,
        alpha_points: float | None = None,
        size: int = 1,
        size_lines: int | None = None,
        size_points: int | None = None,
        antialiased: bool = True,
        raise_if_out_of_image: bool = False,
    ) -> np.ndarray:
        """Draw all line strings; see :meth:`LineString.draw_on_image`."""
        return super().draw_on_image(
            image,
            color=color,
            color_lines=color_lines,
            color_points=color_points,
            alpha=alpha,
            alpha_lines=alpha_lines,
            alpha_points=alpha_points,
            size=size,
            size_lines=size_lines,
            size_points=size_points,
            antialiased=antialiased,
            raise_if_out_of_image=raise_if_out_of_image,
        )
