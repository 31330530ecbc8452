"""Polygons on images: :class:`Polygon`, :class:`MultiPolygon` and :class:`PolygonsOnImage`.

A polygon is its exterior ring, a float64 ``(N,2)`` array of ``(x, y)`` points
(the ring closes implicitly; holes are not supported). Coordinates must be
finite. Polygons with fewer than 3 points are allowed but invalid
(:attr:`Polygon.is_valid` is ``False``).

Clipping, validity checks and repair use **Shapely** (>= 2.0, imported on first
use): clipping a concave polygon at the image border can split it into several
polygons, which :meth:`Polygon.clip_out_of_image` returns as a list (holes in the
result are dropped, pieces keep the source's orientation, label and -- as far as
possible -- starting point). :meth:`Polygon.repair` turns a self-intersecting
polygon (e.g. after a strong warp) into one valid polygon.

Inside/outside rules: a polygon is fully within the image if all points lie in
``[0, W] x [0, H]``; it is partly within if it shares a positive area with the
image (zero-area polygons: if any point satisfies ``0 <= x < W, 0 <= y < H``).

Example:
    >>> from imgaug2.augmentables.polys import Polygon, PolygonsOnImage
    >>> poly = Polygon([(-2, 0), (4, 0), (4, 4), (-2, 4)], label="plate")
    >>> [p.area for p in poly.clip_out_of_image((10, 10))]
    [16.0]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from imgaug2.augmentables import _draw
from imgaug2.augmentables._coordbase import CoordsItem, CoordsItemsOnImage
from imgaug2.augmentables._geom import (
    align_piece,
    interpolate,
    polygon_pieces,
    require_shapely,
    shapely_polygon,
    signed_area,
)
from imgaug2.augmentables._utils import normalize_shape, points_inside_mask, to_float

if TYPE_CHECKING:
    from imgaug2.augmentables.lines import LineString

__all__ = ["MultiPolygon", "Polygon", "PolygonsOnImage", "repair_polygon"]

Shape = Any


def _darker(color: Any) -> Any:
    arr = np.asarray(color, dtype=np.float64)
    return arr * 0.5


class Polygon(CoordsItem):
    """A polygon given by its exterior points.

    Args:
        exterior: ``(N,2)`` array, list of ``(x, y)`` pairs or list of Keypoints.
        label: Any label object, ``None`` by default.

    Example:
        >>> poly = Polygon([(0, 0), (4, 0), (4, 3)])
        >>> poly.area, poly.is_valid
        (6.0, True)
    """

    _CLOSED = True
    _COORDS_NAME = "exterior"

    def __init__(self, exterior: Any, label: Any = None) -> None:
        super().__init__(exterior, label)

    @property
    def exterior(self) -> np.ndarray:
        """The float64 ``(N,2)`` exterior (alias of :attr:`coords`)."""
        return self._coords

    @exterior.setter
    def exterior(self, value: Any) -> None:
        self._coords = self._parse_coords(value, "exterior")

    @property
    def area(self) -> float:
        """Enclosed area (shoelace formula; 0 for fewer than 3 points)."""
        return abs(signed_area(self._coords))

    @property
    def is_valid(self) -> bool:
        """Whether the polygon has >= 3 points, positive area and no self-intersections (Shapely)."""
        if len(self._coords) < 3 or self.area <= 0:
            return False
        return bool(shapely_polygon(self._coords).is_valid)

    def find_closest_point_index(
        self, x: float, y: float, return_distance: bool = False
    ) -> int | tuple[int, float]:
        """Index of the exterior point closest to ``(x, y)`` (optionally with its distance)."""
        if len(self._coords) == 0:
            raise ValueError("Cannot find the closest point of a polygon without points.")
        dists = np.sqrt(np.sum((self._coords - (to_float(x, "x"), to_float(y, "y"))) ** 2, axis=1))
        idx = int(np.argmin(dists))
        return (idx, float(dists[idx])) if return_distance else idx

    # ---------------------------------------------------------------- image relations
    def _shapely_valid(self) -> Any:
        shapely = require_shapely()
        geom = shapely_polygon(self._coords)
        return geom if geom.is_valid else shapely.make_valid(geom)

    def _inside_area(self, shape: tuple[int, ...]) -> float:
        shapely = require_shapely()
        height, width = shape[0:2]
        return float(self._shapely_valid().intersection(shapely.box(0, 0, width, height)).area)

    def _all_points_in_rect(self, shape: tuple[int, ...]) -> bool:
        height, width = shape[0:2]
        c = self._coords
        return bool(
            len(c) > 0
            and np.all((c[:, 0] >= 0) & (c[:, 0] <= width) & (c[:, 1] >= 0) & (c[:, 1] <= height))
        )

    def _effective_area(self) -> float:
        """Shoelace area, or Shapely's area of the repaired ring if the shoelace area is 0."""
        area = self.area
        if area > 0 or len(self._coords) < 3:
            return area
        return float(self._shapely_valid().area)

    def is_partly_within_image(self, image: Shape) -> bool:
        """Whether the polygon shares a positive area with the image (zero-area: point rule)."""
        shape = normalize_shape(image, "image")
        if len(self._coords) == 0:
            return False
        if self._effective_area() == 0:
            return bool(np.any(points_inside_mask(self._coords, shape)))
        if self._all_points_in_rect(shape):
            return True
        height, width = shape[0:2]
        lo, hi = self._coords.min(axis=0), self._coords.max(axis=0)
        if hi[0] <= 0 or hi[1] <= 0 or lo[0] >= width or lo[1] >= height:
            return False
        return self._inside_area(shape) > 0

    def is_fully_within_image(self, image: Shape) -> bool:
        """Whether all points lie in ``[0, W] x [0, H]`` and the polygon touches the image."""
        shape = normalize_shape(image, "image")
        return self._all_points_in_rect(shape) and self.is_partly_within_image(shape)

    def compute_out_of_image_area(self, image: Shape) -> float:
        """Area of the polygon outside the image."""
        shape = normalize_shape(image, "image")
        if self._effective_area() == 0 or self._all_points_in_rect(shape):
            return 0.0
        return max(0.0, float(self._shapely_valid().area) - self._inside_area(shape))

    def compute_out_of_image_fraction(self, image: Shape) -> float:
        """Fraction of the area outside the image (zero-area polygons: 0 or 1)."""
        shape = normalize_shape(image, "image")
        total = self._effective_area()
        if total == 0:
            return 0.0 if self.is_partly_within_image(shape) else 1.0
        if self._all_points_in_rect(shape):
            return 0.0
        total = float(self._shapely_valid().area)
        return float(np.clip(1.0 - self._inside_area(shape) / total, 0.0, 1.0))

    def clip_out_of_image(self, image: Shape) -> list[Polygon]:
        """Cut the polygon to ``[0, W] x [0, H]``; returns 0, 1 or more polygons (label kept).

        Self-intersecting polygons are repaired first. Zero-area polygons are returned
        unchanged if partly within the image, else dropped.

        Example:
            >>> u_shape = Polygon([(0, 6), (6, 6), (6, 0), (4, 0), (4, 4), (2, 4), (2, 0), (0, 0)])
            >>> len(u_shape.clip_out_of_image((3, 10)))
            2
        """
        shape = normalize_shape(image, "image")
        if self._effective_area() == 0:
            return [self.deepcopy()] if self.is_partly_within_image(shape) else []
        if self._all_points_in_rect(shape) and self.is_valid:
            return [self.deepcopy()]
        shapely = require_shapely()
        height, width = shape[0:2]
        clipped = self._shapely_valid().intersection(shapely.box(0, 0, width, height))
        pieces = polygon_pieces(clipped)
        return [self._from_array(align_piece(p, self._coords), self.label) for p in pieces]

    # ---------------------------------------------------------------- repair
    def make_valid(self) -> list[Polygon]:
        """All valid polygonal pieces of this polygon (Shapely ``make_valid``), label kept.

        Example:
            >>> bowtie = Polygon([(0, 0), (2, 2), (2, 0), (0, 2)])
            >>> len(bowtie.make_valid())
            2
        """
        if len(self._coords) < 3:
            return []
        if self.is_valid:
            return [self.deepcopy()]
        shapely = require_shapely()
        pieces = polygon_pieces(shapely.make_valid(shapely_polygon(self._coords)))
        return [self._from_array(align_piece(p, self._coords), self.label) for p in pieces]

    def repair(self) -> Polygon:
        """Return one valid polygon: itself if valid, else its largest valid piece, else the
        convex hull of its points; degenerate polygons (no positive area possible) are returned
        unchanged.

        Example:
            >>> Polygon([(0, 0), (4, 4), (4, 0), (0, 4)]).repair().is_valid
            True
        """
        return repair_polygon(self)

    def change_first_point_by_index(self, point_idx: int) -> Polygon:
        """Return the polygon with its points rotated so that ``point_idx`` comes first."""
        if not 0 <= point_idx < max(len(self._coords), 1):
            raise ValueError(
                f"Argument `point_idx` must be in [0, {len(self._coords)}), got {point_idx}."
            )
        return (
            self.copy(coords=np.roll(self._coords, -point_idx, axis=0))
            if len(self._coords)
            else self.copy()
        )

    def change_first_point_by_coords(
        self, x: float, y: float, max_distance: float | None = 1e-4, raise_if_too_far: bool = True
    ) -> Polygon:
        """Return the polygon starting at the exterior point closest to ``(x, y)``."""
        idx, dist = self.find_closest_point_index(x, y, return_distance=True)
        if max_distance is not None and dist > max_distance:
            if raise_if_too_far:
                raise ValueError(
                    f"Closest point is {dist:.4f} away from ({x}, {y}), more than `max_distance`."
                )
            return self.deepcopy()
        return self.change_first_point_by_index(idx)

    def subdivide(self, points_per_edge: int) -> Polygon:
        """Insert ``points_per_edge`` evenly spaced points on every edge (incl. the closing one)."""
        if not isinstance(points_per_edge, (int, np.integer)) or points_per_edge < 0:
            raise ValueError(
                f"Argument `points_per_edge` must be an integer >= 0, got {points_per_edge!r}."
            )
        return self.copy(coords=interpolate(self._coords, int(points_per_edge), closed=True))

    # ---------------------------------------------------------------- drawing
    def draw_on_image(
        self,
        image: np.ndarray,
        color: Any = (0, 255, 0),
        color_face: Any = None,
        color_lines: Any = None,
        color_points: Any = None,
        alpha: float = 1.0,
        alpha_face: float | None = None,
        alpha_lines: float | None = None,
        alpha_points: float | None = None,
        size: int = 1,
        size_lines: int | None = None,
        size_points: int | None = None,
        raise_if_out_of_image: bool = False,
    ) -> np.ndarray:
        """Draw face, outline and corner points; returns a new image.

        Defaults: face in ``color`` at ``alpha * 0.5``, outline and points in
        ``color * 0.5`` at ``alpha``; outline ``size`` px, points ``3 * size`` px.

        Example:
            >>> img = Polygon([(1, 1), (8, 1), (8, 8)]).draw_on_image(np.zeros((10, 10, 3), dtype=np.uint8))
            >>> bool(img.any())
            True
        """
        _draw.check_draw_image(image)
        alpha = _draw.check_alpha(alpha)
        size = _draw.check_size(size)
        if raise_if_out_of_image and self.is_out_of_image(image.shape, fully=True, partly=False):
            raise ValueError(
                f"Cannot draw polygon {self!r}: it is fully outside the image of shape {image.shape}."
            )
        color_face = color if color_face is None else color_face
        color_lines = _darker(color) if color_lines is None else color_lines
        color_points = _darker(color) if color_points is None else color_points
        alpha_face = _draw.check_alpha(
            alpha * 0.5 if alpha_face is None else alpha_face, "alpha_face"
        )
        alpha_lines = _draw.check_alpha(
            alpha if alpha_lines is None else alpha_lines, "alpha_lines"
        )
        alpha_points = _draw.check_alpha(
            alpha if alpha_points is None else alpha_points, "alpha_points"
        )
        size_lines = _draw.check_size(size if size_lines is None else size_lines, "size_lines")
        size_points = _draw.check_size(
            3 * size if size_points is None else size_points, "size_points"
        )
        hw = image.shape[0:2]
        result = _draw.blend_mask(
            image, _draw.polygon_fill_mask(hw, self._coords), color_face, alpha_face
        )
        result = _draw.blend_mask(
            result,
            _draw.polyline_mask(hw, self._coords, True, size_lines, False),
            color_lines,
            alpha_lines,
        )
        return _draw.blend_mask(
            result, _draw.points_mask(hw, self._coords, size_points), color_points, alpha_points
        )

    def extract_from_image(self, image: np.ndarray) -> np.ndarray:
        """Cut out the polygon's bounding box; pixels outside the polygon become 0."""
        _draw.check_draw_image(image)
        if len(self._coords) < 3:
            raise ValueError("Cannot extract a polygon with fewer than 3 points.")
        bb = self.to_bounding_box()
        crop = bb.extract_from_image(image)
        shifted = self._coords - (np.floor(bb.x1), np.floor(bb.y1))
        mask = _draw.polygon_fill_mask(crop.shape[0:2], shifted) > 0
        mask = mask if crop.ndim == 2 else mask[:, :, np.newaxis]
        return np.where(mask, crop, np.zeros((), dtype=crop.dtype))

    # ---------------------------------------------------------------- conversions
    def to_line_string(self, closed: bool = True) -> LineString:
        """The outline as a line string (``closed`` repeats the first point at the end)."""
        from imgaug2.augmentables.lines import LineString

        coords = self._coords
        if closed and len(coords) > 1:
            coords = np.concatenate([coords, coords[:1]])
        return LineString(coords, label=self.label)

    def to_shapely_polygon(self) -> Any:
        """The polygon as a ``shapely.Polygon``."""
        return shapely_polygon(self._coords)

    def to_shapely_line_string(self, closed: bool = False, interpolate: int = 0) -> Any:
        """The outline as a ``shapely.LineString``."""
        shapely = require_shapely()
        coords = self.subdivide(interpolate)._coords if interpolate > 0 else self._coords
        if closed and len(coords) > 1:
            coords = np.concatenate([coords, coords[:1]])
        return shapely.LineString(coords)

    @classmethod
    def from_shapely(cls, polygon_shapely: Any, label: Any = None) -> Polygon:
        """Create a polygon from a ``shapely.Polygon`` (holes are ignored)."""
        if getattr(polygon_shapely, "geom_type", None) != "Polygon":
            raise TypeError(
                f"Argument `polygon_shapely` must be a shapely Polygon, got {type(polygon_shapely).__name__}."
            )
        if polygon_shapely.is_empty:
            return cls(np.zeros((0, 2)), label=label)
        return cls(np.asarray(polygon_shapely.exterior.coords)[:-1], label=label)

    def exterior_almost_equals(
        self, other: Any, max_distance: float = 1e-4, points_per_edge: int = 8
    ) -> bool:
        """Alias of :meth:`coords_almost_equals`."""
        return self.coords_almost_equals(other, max_distance, points_per_edge)


def repair_polygon(polygon: Polygon) -> Polygon:
    """Return a valid version of ``polygon`` (see :meth:`Polygon.repair`).

    Example:
        >>> repair_polygon(Polygon([(0, 0), (4, 4), (4, 0), (0, 4)])).area
        4.0
    """
    if not isinstance(polygon, Polygon):
        raise TypeError(f"Argument `polygon` must be a Polygon, got {type(polygon).__name__}.")
    if polygon.is_valid:
        return polygon.deepcopy()
    pieces = polygon.make_valid()
    if pieces:
        return max(pieces, key=lambda p: p.area)
    shapely = require_shapely()
    if len(polygon.coords) >= 3:
        hull = shapely.MultiPoint(polygon.coords).convex_hull
        hull_pieces = polygon_pieces(hull)
        if hull_pieces:
            return polygon._from_array(align_piece(hull_pieces[0], polygon.coords), polygon.label)
    return polygon.deepcopy()


class MultiPolygon:
    """A group of polygons, e.g. the pieces of a clipped or repaired polygon.

    Example:
        >>> mp = MultiPolygon([Polygon([(0, 0), (1, 0), (1, 1)])])
        >>> len(mp.geoms)
        1
    """

    def __init__(self, geoms: Sequence[Polygon]) -> None:
        geoms = list(geoms)
        for geom in geoms:
            if not isinstance(geom, Polygon):
                raise TypeError(
                    f"Argument `geoms` must contain only Polygon objects, got {type(geom).__name__}."
                )
        self.geoms = geoms

    def __len__(self) -> int:
        return len(self.geoms)

    def __iter__(self) -> Any:
        return iter(self.geoms)

    def __getitem__(self, index: int) -> Polygon:
        return self.geoms[index]

    @classmethod
    def from_shapely(cls, geometry: Any, label: Any = None) -> MultiPolygon:
        """Collect the polygonal parts of a Shapely (Multi)Polygon or GeometryCollection."""
        if not hasattr(geometry, "geom_type"):
            raise TypeError(
                f"Argument `geometry` must be a shapely geometry, got {type(geometry).__name__}."
            )
        return cls(
            [Polygon(piece, label=label) for piece in polygon_pieces(geometry, min_area=-1.0)]
        )

    def deepcopy(self) -> MultiPolygon:
        """Return an independent copy."""
        return MultiPolygon([geom.deepcopy() for geom in self.geoms])

    def __repr__(self) -> str:
        return f"MultiPolygon({self.geoms!r})"


class PolygonsOnImage(CoordsItemsOnImage):
    """All polygons of one image.

    Args:
        polygons: List of :class:`Polygon`.
        shape: Shape of the image (or the image itself).

    Example:
        >>> psoi = PolygonsOnImage([Polygon([(0, 0), (5, 0), (5, 5)], label="a")], shape=(4, 4))
        >>> [p.label for p in psoi.clip_out_of_image()]
        ['a']
    """

    _ITEM_CLASS = Polygon
    _ITEMS_NAME = "polygons"

    def __init__(self, polygons: Sequence[Polygon], shape: Shape) -> None:
        super().__init__(polygons, shape)

    @property
    def polygons(self) -> list[Polygon]:
        """The polygons (the container's own list)."""
        return self._items

    @polygons.setter
    def polygons(self, value: Sequence[Polygon]) -> None:
        self._items = self._check_items(value, "polygons")

    def repair(self) -> PolygonsOnImage:
        """Return a copy in which every polygon is repaired (:meth:`Polygon.repair`); count kept."""
        return self._new([repair_polygon(p) for p in self._items], self.shape)

    def draw_on_image(
        self,
        image: np.ndarray,
        color: Any = (0, 255, 0),
        color_face: Any = None,
        color_lines: Any = None,
        color_points: Any = None,
        alpha: float = 1.0,
        alpha_face: float | None = None,
        alpha_lines: float | None = None,
        alpha_points: float | None = None,
        size: int = 1,
        size_lines: int | None = None,
        size_points: int | None = None,
        raise_if_out_of_image: bool = False,
    ) -> np.ndarray:
        """Draw all polygons; see :meth:`Polygon.draw_on_image`."""
        return super().draw_on_image(
            image,
            color=color,
            color_face=color_face,
            color_lines=color_lines,
            color_points=color_points,
            alpha=alpha,
            alpha_face=alpha_face,
            alpha_lines=alpha_lines,
            alpha_points=alpha_points,
            size=size,
            size_lines=size_lines,
            size_points=size_points,
            raise_if_out_of_image=raise_if_out_of_image,
        )
