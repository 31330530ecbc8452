"""Geometry helpers for polygons and line strings (numpy, plus Shapely for polygon clipping).

Line strings are clipped with an own Liang-Barsky implementation. Polygon
clipping, validity checks and repair use Shapely (>= 2.0), imported lazily so
that ``import imgaug2`` works without it; the functions needing it raise an
``ImportError`` that says so.

Example:
    >>> import numpy as np
    >>> from imgaug2.augmentables._geom import clip_polyline
    >>> [p.tolist() for p in clip_polyline(np.array([[-5.0, 1.0], [5.0, 1.0]]), 4, 4)]
    [[[0.0, 1.0], [4.0, 1.0]]]
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = [
    "align_piece",
    "clip_polyline",
    "distances_to_polyline",
    "interpolate",
    "polygon_pieces",
    "polyline_lengths",
    "require_shapely",
    "shapely_polygon",
    "signed_area",
]


def require_shapely() -> Any:
    """Import and return the ``shapely`` module, or raise a helpful ``ImportError``."""
    try:
        import shapely
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "Polygon clipping, validity checks and repair need Shapely >= 2.0 (pip install shapely)."
        ) from exc
    return shapely


def signed_area(coords: np.ndarray) -> float:
    """Shoelace area (positive for counter-clockwise in x-right/y-up axes)."""
    if len(coords) < 3:
        return 0.0
    x, y = coords[:, 0], coords[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y))


def polyline_lengths(coords: np.ndarray, closed: bool = False) -> np.ndarray:
    """Lengths of the segments between consecutive points (and back to the start if ``closed``)."""
    if len(coords) < 2:
        return np.zeros((0,), dtype=np.float64)
    pts = np.concatenate([coords, coords[:1]]) if closed else coords
    return np.sqrt(np.sum(np.diff(pts, axis=0) ** 2, axis=1))


def distances_to_polyline(
    points: np.ndarray, coords: np.ndarray, closed: bool = False
) -> np.ndarray:
    """Euclidean distance of each point in ``points`` to the polyline ``coords``."""
    points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    if len(coords) == 0:
        return np.full(len(points), np.inf)
    if len(coords) == 1:
        return np.sqrt(np.sum((points - coords[0]) ** 2, axis=1))
    pts = np.concatenate([coords, coords[:1]]) if closed else coords
    starts, ends = pts[:-1], pts[1:]
    seg = ends - starts
    seg_len2 = np.sum(seg**2, axis=1)
    rel = points[:, np.newaxis, :] - starts[np.newaxis, :, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(seg_len2 > 0, np.sum(rel * seg[np.newaxis], axis=2) / seg_len2, 0.0)
    t = np.clip(t, 0.0, 1.0)
    closest = starts[np.newaxis] + t[:, :, np.newaxis] * seg[np.newaxis]
    return np.sqrt(np.min(np.sum((points[:, np.newaxis, :] - closest) ** 2, axis=2), axis=1))


def _clip_segment(
    p0: np.ndarray, p1: np.ndarray, width: float, height: float
) -> tuple[float, float] | None:
    """Liang-Barsky: parameter range ``[t0, t1]`` of the segment inside ``[0,W] x [0,H]``."""
    d = p1 - p0
    t0, t1 = 0.0, 1.0
    for p, q in ((-d[0], p0[0]), (d[0], width - p0[0]), (-d[1], p0[1]), (d[1], height - p0[1])):
        if p == 0:
            if q < 0:
                return None
            continue
        r = q / p
        if p < 0:
            t0 = max(t0, r)
        else:
            t1 = min(t1, r)
        if t0 > t1:
            return None
    return t0, t1


def clip_polyline(coords: np.ndarray, width: float, height: float) -> list[np.ndarray]:
    """Cut an open polyline to the closed rectangle ``[0,W] x [0,H]``; returns the inside pieces."""
    if len(coords) == 0:
        return []
    if len(coords) == 1:
        x, y = coords[0]
        return [coords.copy()] if 0 <= x <= width and 0 <= y <= height else []
    pieces: list[list[np.ndarray]] = []
    current: list[np.ndarray] = []
    for i in range(len(coords) - 1):
        p0, p1 = coords[i], coords[i + 1]
        res = _clip_segment(p0, p1, width, height)
        if res is None:
            if current:
                pieces.append(current)
                current = []
            continue
        t0, t1 = res
        a = p0 + t0 * (p1 - p0)
        b = p0 + t1 * (p1 - p0)
        if not current:
            current = [a]
        elif t0 > 0:
            pieces.append(current)
            current = [a]
        current.append(b)
        if t1 < 1:
            pieces.append(current)
            current = []
    if current:
        pieces.append(current)
    return [np.array(piece, dtype=np.float64) for piece in pieces]


def interpolate(coords: np.ndarray, nb_steps: int, closed: bool) -> np.ndarray:
    """Insert ``nb_steps`` evenly spaced points on every segment (and the closing one if ``closed``)."""
    if nb_steps <= 0 or len(coords) < 2:
        return coords.copy()
    pts = np.concatenate([coords, coords[:1]]) if closed else coords
    t = np.arange(nb_steps + 1, dtype=np.float64) / (nb_steps + 1)
    starts, ends = pts[:-1], pts[1:]
    inner = (
        starts[:, np.newaxis, :] + t[np.newaxis, :, np.newaxis] * (ends - starts)[:, np.newaxis, :]
    )
    result = inner.reshape(-1, 2)
    return result if closed else np.concatenate([result, coords[-1:]])


def shapely_polygon(coords: np.ndarray) -> Any:
    """A Shapely polygon from ``(N,2)`` coordinates (N >= 3)."""
    shapely = require_shapely()
    return shapely.Polygon(coords)


def polygon_pieces(geometry: Any, min_area: float = 0.0) -> list[np.ndarray]:
    """Exteriors (without the closing point) of the polygonal parts of a Shapely geometry."""
    if geometry is None or geometry.is_empty:
        return []
    kind = geometry.geom_type
    if kind == "Polygon":
        if geometry.area <= min_area:
            return []
        return [np.asarray(geometry.exterior.coords, dtype=np.float64)[:-1]]
    if kind in ("MultiPolygon", "GeometryCollection"):
        result: list[np.ndarray] = []
        for part in geometry.geoms:
            result.extend(polygon_pieces(part, min_area))
        return result
    return []


def align_piece(piece: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """Give ``piece`` the orientation of ``reference`` and start it at the point closest to
    ``reference[0]`` (keeps clipped/repaired polygons similar to their source)."""
    if len(piece) < 3 or len(reference) == 0:
        return piece
    ref_area = signed_area(reference)
    if ref_area != 0 and np.sign(signed_area(piece)) != np.sign(ref_area):
        piece = piece[::-1]
    start = int(np.argmin(np.sum((piece - reference[0]) ** 2, axis=1)))
    return np.ascontiguousarray(np.roll(piece, -start, axis=0))
