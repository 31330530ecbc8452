"""Pillow's ``Image.transform(size, AFFINE, coeffs, NEAREST)``, bit for bit.

Pillow maps every output pixel centre (x + 0.5, y + 0.5) through the inverse
coefficients (a, b, c, d, e, f) and takes the input pixel containing the result,
or the fill colour when it lies outside. Two evaluation modes, established by
experiment: 16.16 fixed point (coefficients and the first pixel's position
rounded) when there is rotation or shear and all four linear coefficients stay
below 2**15 in magnitude; otherwise running double-precision sums (down the
first column, then along each row), which separate per axis without rotation or
shear. In the continuous pixel convention the forward map of a point is
therefore exactly the inverse of these coefficients.

The source index of every output pixel is computed exactly as Pillow does and
handed to ``cv2.remap`` (nearest neighbour, constant border) as float32 maps;
those index maps depend only on the coefficients and the size, so maps of
coefficients that come back (constant parameters) are kept in a small cache.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import cv2
import numpy as np

from imgaug2.kernels.pillike_base import restore, scratch

__all__ = ["affine_indices", "affine_image", "affine_map", "affine_xy", "scaled_coefficients"]

_FIXED_LIMIT = 32768.0
# cv2.remap addresses source pixels with 16-bit integers
_REMAP_MAX_SIDE = 32767
_REMAP_DTYPES = frozenset({np.dtype(np.uint8), np.dtype(np.float32)})


def _fixed(value: float) -> int:
    return int(np.floor(value * 65536.0 + 0.5))


def affine_indices(coeffs: tuple, in_hw: tuple, out_hw: tuple) -> tuple[np.ndarray, np.ndarray]:
    """Source column and row of every output pixel (``-1`` where it falls outside).

    Returns int64 ``(ix, iy)``: full ``(oh, ow)`` arrays, or for the separable
    no-rotation path an ``(1, ow)`` row and an ``(oh, 1)`` column.
    """
    ix, iy = _raw_indices(coeffs, out_hw)
    h, w = int(in_hw[0]), int(in_hw[1])
    ix = np.where((ix >= 0) & (ix < w), ix, -1).astype(np.int64)
    iy = np.where((iy >= 0) & (iy < h), iy, -1).astype(np.int64)
    return ix, iy


def _raw_indices(coeffs: tuple, out_hw: tuple) -> tuple[np.ndarray, np.ndarray]:
    """Unchecked source indices (possibly outside the image; may be scratch arrays)."""
    a, b, c, d, e, f = (float(v) for v in coeffs)
    oh, ow = int(out_hw[0]), int(out_hw[1])
    if b == 0.0 and d == 0.0:
        # running sums, as Pillow accumulates them (np.cumsum adds left to right)
        xs = np.cumsum(np.concatenate(([c + a * 0.5], np.full(max(ow - 1, 0), a))))[:ow]
        ys = np.cumsum(np.concatenate(([f + e * 0.5], np.full(max(oh - 1, 0), e))))[:oh]
        return np.floor(xs)[np.newaxis, :], np.floor(ys)[:, np.newaxis]
    if max(abs(a), abs(b), abs(d), abs(e)) < _FIXED_LIMIT:
        return _fixed_indices(coeffs, oh, ow)
    # running double sums: down the first column by (b, e), then along each row by (a, d)
    return (_running((c + a * 0.5 + b * 0.5, b, a), oh, ow),
            _running((f + d * 0.5 + e * 0.5, e, d), oh, ow))


def _fixed_indices(coeffs: tuple, oh: int, ow: int) -> tuple[np.ndarray, np.ndarray]:
    """Pillow's 16.16 fixed-point source indices (scratch arrays)."""
    a, b, c, d, e, f = (float(v) for v in coeffs)
    fa, fb, fd, fe = _fixed(a), _fixed(b), _fixed(d), _fixed(e)
    x0 = _fixed(c + a * 0.5 + b * 0.5)
    y0 = _fixed(f + d * 0.5 + e * 0.5)
    # every intermediate: the origin, both per-axis terms and the four corners
    bounds = [v0 + s * (ow - 1) * i + t * (oh - 1) * j
              for v0, s, t in ((x0, fa, fb), (y0, fd, fe)) for i in (0, 1) for j in (0, 1)]
    bounds += [fa * (ow - 1), fb * (oh - 1), fd * (ow - 1), fe * (oh - 1)]
    # int32 is several times faster than int64 here; use it whenever nothing overflows
    dtype = np.int32 if max(abs(v) for v in bounds) < 2 ** 31 else np.int64
    cols = np.arange(ow, dtype=dtype)
    rows = np.arange(oh, dtype=dtype)
    ix = np.add.outer(dtype(x0) + dtype(fb) * rows, dtype(fa) * cols,
                      out=scratch("affine_ix", (oh, ow), dtype))
    iy = np.add.outer(dtype(y0) + dtype(fe) * rows, dtype(fd) * cols,
                      out=scratch("affine_iy", (oh, ow), dtype))
    np.right_shift(ix, 16, out=ix)
    np.right_shift(iy, 16, out=iy)
    return ix, iy


def _running(terms: tuple, oh: int, ow: int) -> np.ndarray:
    start, row_step, col_step = terms
    starts = np.cumsum(np.concatenate(([start], np.full(max(oh - 1, 0), row_step))))[:oh]
    grid = np.full((oh, max(ow, 1)), col_step)
    grid[:, 0] = starts
    return np.floor(np.cumsum(grid, axis=1)[:, :ow])


def _compute_float_maps(coeffs: tuple, out_hw: tuple, map_x: np.ndarray,
                        map_y: np.ndarray) -> None:
    """Pillow's source indices written into float32 ``map_x`` and ``map_y``.

    Indices are integers; those beyond float32's exact range lie far outside any
    image OpenCV can remap, so the conversion never moves one inside.
    """
    ix, iy = _raw_indices(coeffs, out_hw)
    np.copyto(map_x, ix, casting="unsafe")
    np.copyto(map_y, iy, casting="unsafe")


# Keys (coeffs, oh, ow) seen once, and the read-only maps of keys seen again.
_MAPS_SEEN: OrderedDict = OrderedDict()
_MAPS_KEPT: OrderedDict = OrderedDict()
_MAPS_LOCK = threading.Lock()
_MAPS_SEEN_MAX = 64
_MAPS_KEPT_MAX = 8
# maps of larger outputs are never kept (each entry holds 8 bytes per output pixel)
_MAPS_MAX_PIXELS = 1 << 20


def _float_maps(coeffs: tuple, out_hw: tuple) -> tuple[np.ndarray, np.ndarray]:
    """Pillow's source indices as float32 maps for ``cv2.remap``.

    Computing the maps costs a good part of the remap itself. Coefficients seen
    for the second time (constant parameters, replays, ``to_deterministic``) get
    read-only maps kept in a small LRU cache; coefficients drawn from continuous
    ranges never repeat and always use per-thread scratch arrays.
    """
    oh, ow = int(out_hw[0]), int(out_hw[1])
    if oh * ow <= _MAPS_MAX_PIXELS:
        key = (tuple(coeffs), oh, ow)
        with _MAPS_LOCK:
            maps = _MAPS_KEPT.get(key)
            if maps is not None:
                _MAPS_KEPT.move_to_end(key)
                return maps
            seen = _MAPS_SEEN.pop(key, False) is None
            if not seen:
                _MAPS_SEEN[key] = None
                if len(_MAPS_SEEN) > _MAPS_SEEN_MAX:
                    _MAPS_SEEN.popitem(last=False)
        if seen:
            map_x = np.empty((oh, ow), np.float32)
            map_y = np.empty((oh, ow), np.float32)
            _compute_float_maps(coeffs, out_hw, map_x, map_y)
            map_x.flags.writeable = False
            map_y.flags.writeable = False
            with _MAPS_LOCK:
                _MAPS_KEPT[key] = (map_x, map_y)
                if len(_MAPS_KEPT) > _MAPS_KEPT_MAX:
                    _MAPS_KEPT.popitem(last=False)
            return map_x, map_y
    map_x = scratch("affine_x", (oh, ow))
    map_y = scratch("affine_y", (oh, ow))
    _compute_float_maps(coeffs, out_hw, map_x, map_y)
    return map_x, map_y


def _gather(arr: np.ndarray, ix: np.ndarray, iy: np.ndarray, fill: tuple,
            out_hw: tuple) -> np.ndarray:
    """``arr[iy, ix]`` with ``fill`` (one value per channel) where either index is -1."""
    oh, ow = out_hw
    ix = np.broadcast_to(ix, (oh, ow))
    iy = np.broadcast_to(iy, (oh, ow))
    outside = (ix < 0) | (iy < 0)
    flat = arr.reshape((arr.shape[0] * arr.shape[1],) + arr.shape[2:])
    index = np.where(outside, 0, iy * arr.shape[1] + ix)
    out = np.take(flat, index, axis=0)
    if outside.any():
        out[outside] = np.asarray(fill, dtype=arr.dtype)[:arr.shape[2]] if arr.ndim == 3 \
            else fill[0]
    return np.ascontiguousarray(out)


def _warp(arr: np.ndarray, coeffs: tuple, fill: tuple) -> np.ndarray:
    """Pillow's nearest-neighbour affine warp of ``arr`` onto its own size."""
    hw = arr.shape[:2]
    if max(hw) >= _REMAP_MAX_SIDE or arr.dtype not in _REMAP_DTYPES:
        ix, iy = affine_indices(coeffs, hw, hw)
        return _gather(arr, ix, iy, fill, hw)
    map_x, map_y = _float_maps(coeffs, hw)

    def remap(part: np.ndarray, values: tuple) -> np.ndarray:
        border = tuple(float(v) for v in values) + (0.0,) * (4 - len(values))
        return cv2.remap(part, map_x, map_y, cv2.INTER_NEAREST,
                         borderMode=cv2.BORDER_CONSTANT, borderValue=border)

    if arr.ndim == 2 or arr.shape[2] <= 4:
        channels = 1 if arr.ndim == 2 else arr.shape[2]
        return restore(remap(arr, tuple(fill[:channels])), arr)
    parts = [restore(remap(np.ascontiguousarray(arr[:, :, i:i + 4]), tuple(fill[i:i + 4])),
                     arr[:, :, i:i + 4]) for i in range(0, arr.shape[2], 4)]
    return np.concatenate(parts, axis=2)


def affine_image(image: np.ndarray, coeffs: tuple, fill: tuple) -> np.ndarray:
    """``Image.transform(size, AFFINE, coeffs, NEAREST, fillcolor=fill)`` for any channel count.

    ``fill`` holds one value per channel (the first one for 2D arrays).
    """
    if image.size == 0:
        return image.copy()
    return _warp(image, coeffs, fill)


def scaled_coefficients(coeffs: tuple, image_hw: tuple, map_hw: tuple) -> tuple:
    """The coefficients of the same transform on a map of ``map_hw`` covering the image."""
    sx = map_hw[1] / image_hw[1] if image_hw[1] else 1.0
    sy = map_hw[0] / image_hw[0] if image_hw[0] else 1.0
    a, b, c, d, e, f = coeffs
    # map coords u = sx*x, v = sy*y: conjugate the inverse map by the scaling
    return (a, b * sx / sy, c * sx, d * sy / sx, e, f * sy)


def affine_map(arr: np.ndarray, coeffs: tuple, image_hw: tuple, fill: float) -> np.ndarray:
    """Warp a heatmap/segmentation array that covers an image of ``image_hw``."""
    if arr.size == 0:
        return arr.copy()
    hw = arr.shape[:2]
    scaled = scaled_coefficients(coeffs, image_hw, hw)
    channels = arr.shape[2] if arr.ndim == 3 else 1
    if arr.dtype == np.int32 and int(np.abs(arr).max()) < (1 << 24):
        # labels below 2**24 survive a float32 round trip exactly
        warped = _warp(arr.astype(np.float32), scaled, (float(fill),) * channels)
        return warped.astype(np.int32)
    return _warp(arr, scaled, (fill,) * channels)


def affine_xy(xy: np.ndarray, forward: np.ndarray) -> np.ndarray:
    """Map ``(M,2)`` continuous coordinates with a 3x3 forward matrix."""
    xy = np.asarray(xy, dtype=np.float64)
    if xy.size == 0:
        return xy.reshape(0, 2).copy()
    return xy @ forward[:2, :2].T + forward[:2, 2]
