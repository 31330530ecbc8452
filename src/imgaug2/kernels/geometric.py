"""Matrix warps (affine and perspective) for every target.

Pixel convention: continuous coordinates, pixel ``(x, y)`` covers
``[x, x+1) x [y, y+1)``, so its centre is ``(x + 0.5, y + 0.5)``. Every
transform is one 3x3 homogeneous float64 matrix ``M`` that maps a point of
the input plane to the output plane in these coordinates. Keypoints use ``M``
directly. OpenCV addresses pixels by integer index (the centre of pixel ``i``
is our ``i + 0.5``), so the matrix handed to ``cv2.warpAffine`` /
``cv2.warpPerspective`` is ``T(-0.5) @ M @ T(+0.5)``. Maps smaller than the
image (heatmaps, segmentation maps) get ``S_out @ M @ S_in^-1`` where the
``S`` scale image coordinates to the map's own coordinates.

The dtype adapter :func:`warp_any_dtype` runs a cv2 warp on every dtype the
library promises: uint8/uint16/int16/float32/float64 directly, int8/int32
directly for nearest neighbour, bool as uint8 (nearest) or thresholded floats
(interpolating), int64/uint64 nearest exactly through an index image, the
rest through float64 with rounding and clipping back.
"""

from __future__ import annotations

import math
from typing import Any, Callable

import cv2
import numpy as np

from imgaug2.kernels._cv import apply_channelwise, restore_dtype

__all__ = [
    "ORDER_FLAGS", "BORDER_FLAGS", "translation", "affine_matrix", "perspective_matrix",
    "fit_output_matrix",
    "map_matrix", "map_shape", "cv_matrix", "transform_xy", "is_affine", "warp_any_dtype",
    "warp_image", "warp_heatmap_arr", "warp_segmap_arr", "fill_value_for", "guard_reflect101",
    "run_warp", "warp_plan",
]

# skimage-style interpolation orders -> cv2 flags (2 has no cv2 twin: cubic; 4/5: Lanczos4)
ORDER_FLAGS = {0: cv2.INTER_NEAREST, 1: cv2.INTER_LINEAR, 2: cv2.INTER_CUBIC,
               3: cv2.INTER_CUBIC, 4: cv2.INTER_LANCZOS4, 5: cv2.INTER_LANCZOS4}

# canonical (skimage) border mode names -> cv2 border flags
BORDER_FLAGS = {"constant": cv2.BORDER_CONSTANT, "edge": cv2.BORDER_REPLICATE,
                "symmetric": cv2.BORDER_REFLECT, "reflect": cv2.BORDER_REFLECT_101,
                "wrap": cv2.BORDER_WRAP}

_DIRECT = frozenset(np.dtype(n) for n in ("uint8", "uint16", "int16", "float32", "float64"))
_DIRECT_NEAREST = frozenset(np.dtype(n) for n in ("int8", "int32"))
_RANGES: dict[np.dtype, tuple] = {}
for _n in ("uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64"):
    _RANGES[np.dtype(_n)] = (int(np.iinfo(_n).min), int(np.iinfo(_n).max))
for _n in ("float16", "float32", "float64"):
    _RANGES[np.dtype(_n)] = (float(np.finfo(_n).min), float(np.finfo(_n).max))
_BOOL = np.dtype(bool)
_FLOAT16 = np.dtype(np.float16)
_WIDE = frozenset((np.dtype(np.int64), np.dtype(np.uint64)))


def translation(tx: float, ty: float) -> np.ndarray:
    """3x3 translation matrix."""
    return np.array([[1.0, 0.0, tx], [0.0, 1.0, ty], [0.0, 0.0, 1.0]])


def affine_matrix(shape: tuple, scale_x: float = 1.0, scale_y: float = 1.0,
                  translate_x: float = 0.0, translate_y: float = 0.0, rotate: float = 0.0,
                  shear_x: float = 0.0, shear_y: float = 0.0) -> np.ndarray:
    """The continuous-coordinate matrix of an affine augmentation of an image of ``shape``.

    Scale, then shear, then rotate, all about the image centre ``(W/2, H/2)``,
    then translate by ``(translate_x, translate_y)`` pixels. Angles are in
    degrees; a positive rotation turns the content clockwise on screen (y
    points down); a positive ``shear_x`` moves the lower half to the left and a
    positive ``shear_y`` moves the right half up.
    """
    cx, cy = shape[1] * 0.5, shape[0] * 0.5
    theta = math.radians(rotate)
    cos, sin = math.cos(theta), math.sin(theta)
    kx, ky = -math.tan(math.radians(shear_x)), -math.tan(math.radians(shear_y))
    # A = R @ Sh @ S with Sh = [[1, kx], [ky, 1]]; written out to avoid numpy per-row overhead.
    s00, s01 = scale_x, kx * scale_y
    s10, s11 = ky * scale_x, scale_y
    a00 = cos * s00 - sin * s10
    a01 = cos * s01 - sin * s11
    a10 = sin * s00 + cos * s10
    a11 = sin * s01 + cos * s11
    tx = cx + translate_x - (a00 * cx + a01 * cy)
    ty = cy + translate_y - (a10 * cx + a11 * cy)
    return np.array([[a00, a01, tx], [a10, a11, ty], [0.0, 0.0, 1.0]])


def perspective_matrix(src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """The 3x3 homography mapping four ``src`` points onto four ``dst`` points (float64)."""
    rows = []
    b = []
    # Python floats: the same IEEE products as numpy scalars, without their per-op cost.
    for (x, y), (u, v) in zip(np.asarray(src, dtype=np.float64).tolist(),
                              np.asarray(dst, dtype=np.float64).tolist()):
        rows.append((x, y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y))
        rows.append((0.0, 0.0, 0.0, x, y, 1.0, -v * x, -v * y))
        b.append(u)
        b.append(v)
    try:
        h = np.linalg.solve(np.array(rows), np.array(b))
    except np.linalg.LinAlgError:
        raise ValueError("perspective_matrix: the four points are degenerate") from None
    out = np.empty(9)
    out[:8] = h
    out[8] = 1.0
    return out.reshape(3, 3)


def is_affine(matrix: np.ndarray) -> bool:
    """True when the bottom row is ``[0, 0, 1]``."""
    return bool(matrix[2, 0] == 0.0 and matrix[2, 1] == 0.0 and matrix[2, 2] == 1.0)


def transform_xy(xy: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """Map ``(M,2)`` float64 points with a 3x3 matrix (homogeneous divide if perspective).

    Points beyond the horizon of a perspective matrix (w < 0) are divided like
    any other: inverse warping puts their pixels exactly there too. Only
    points on the horizon (|w| < 1e-12) get w = +-1e-12 to stay finite.
    """
    xy = np.asarray(xy, dtype=np.float64)
    if xy.size == 0:
        return np.zeros((0, 2), dtype=np.float64)
    x, y = xy[:, 0], xy[:, 1]
    m = matrix
    ox = m[0, 0] * x + m[0, 1] * y + m[0, 2]
    oy = m[1, 0] * x + m[1, 1] * y + m[1, 2]
    if not is_affine(m):
        w = m[2, 0] * x + m[2, 1] * y + m[2, 2]
        w = np.where(np.abs(w) < 1e-12, np.where(w < 0, -1e-12, 1e-12), w)
        ox = ox / w
        oy = oy / w
    return np.stack([ox, oy], axis=1)


def fit_output_matrix(matrix: np.ndarray, shape: tuple,
                      max_side: int | None = None) -> tuple[np.ndarray, tuple[int, int]]:
    """Shift ``matrix`` so the whole transformed image is visible; returns (matrix, (h, w)).

    The output plane is the bounding box of the transformed image corners
    ``(0,0), (W,0), (W,H), (0,H)``, its size rounded up (after forgiving
    1e-6 px of float noise), with the content centred in it.
    """
    h, w = shape[0], shape[1]
    if h == 0 or w == 0:
        return matrix.copy(), (h, w)
    corners = np.array([[0.0, 0.0], [w, 0.0], [w, h], [0.0, h]])
    pts = transform_xy(corners, matrix)
    lo = pts.min(axis=0)
    hi = pts.max(axis=0)
    ext = hi - lo
    out_w = max(1, int(math.ceil(ext[0] - 1e-6)))
    out_h = max(1, int(math.ceil(ext[1] - 1e-6)))
    if max_side is not None and max(out_w, out_h) > max_side:
        raise ValueError("fit_output: the transformed image would be %dx%d pixels, more than "
                         "the allowed %d per side" % (out_h, out_w, max_side))
    shift = translation((out_w - ext[0]) * 0.5 - lo[0], (out_h - ext[1]) * 0.5 - lo[1])
    return shift @ matrix, (out_h, out_w)


def map_shape(map_hw: tuple, image_hw: tuple, out_image_hw: tuple) -> tuple[int, int]:
    """Output size of a map of ``map_hw`` whose image goes from ``image_hw`` to ``out_image_hw``."""
    if tuple(image_hw[:2]) == tuple(out_image_hw[:2]):
        return int(map_hw[0]), int(map_hw[1])
    out = []
    for m, i, o in zip(map_hw[:2], image_hw[:2], out_image_hw[:2], strict=True):
        out.append(int(round(m * o / i)) if i else int(o))
        if o > 0 and out[-1] == 0:
            out[-1] = 1
    return out[0], out[1]


def map_matrix(matrix: np.ndarray, image_hw: tuple, out_image_hw: tuple, map_hw: tuple,
               out_map_hw: tuple) -> np.ndarray:
    """``S_out @ M @ S_in^-1``: the image matrix expressed in a map's own coordinates."""
    if tuple(map_hw[:2]) == tuple(image_hw[:2]) and \
            tuple(out_map_hw[:2]) == tuple(out_image_hw[:2]):
        return matrix
    sx_in = image_hw[1] / map_hw[1] if map_hw[1] else 1.0
    sy_in = image_hw[0] / map_hw[0] if map_hw[0] else 1.0
    sx_out = out_map_hw[1] / out_image_hw[1] if out_image_hw[1] else 1.0
    sy_out = out_map_hw[0] / out_image_hw[0] if out_image_hw[0] else 1.0
    s_in = np.diag([sx_in, sy_in, 1.0])
    s_out = np.diag([sx_out, sy_out, 1.0])
    return s_out @ matrix @ s_in


def cv_matrix(matrix: np.ndarray) -> np.ndarray:
    """``T(-0.5) @ M @ T(+0.5)``: the same map in OpenCV's integer-index convention."""
    # Written out in Python floats: numpy ops on 3x3 arrays cost more than the arithmetic.
    (a, b, c), (d, e, f), (g, h, i) = matrix.tolist()
    c += 0.5 * (a + b)
    f += 0.5 * (d + e)
    i += 0.5 * (g + h)
    return np.array([[a - 0.5 * g, b - 0.5 * h, c - 0.5 * i],
                     [d - 0.5 * g, e - 0.5 * h, f - 0.5 * i],
                     [g, h, i]])


def fill_value_for(dtype: np.dtype, cval: float) -> float:
    """``cval`` brought into ``dtype``'s range (rounded for integers, 0/1 for bool)."""
    kind = dtype.kind
    if kind == "b":
        return 1.0 if cval >= 0.5 else 0.0
    lo, hi = _RANGES[dtype]
    if kind in "iu":
        return float(min(max(round(cval), lo), hi))
    return float(min(max(cval, lo), hi))


def warp_any_dtype(image: np.ndarray, fn: Callable[[np.ndarray, tuple], np.ndarray],
                   nearest: bool, cval: float, out_hw: tuple) -> np.ndarray:
    """Run ``fn(array, border_value) -> warped`` on ``image`` of any dtype and channel count.

    ``fn`` receives arrays of at most 4 channels in a dtype cv2 accepts.
    Empty inputs and outputs give zero-filled arrays of the output shape.
    """
    dtype = image.dtype
    shape = image.shape
    if not (shape[0] and shape[1] and out_hw[0] and out_hw[1]):
        return np.zeros((int(out_hw[0]), int(out_hw[1])) + shape[2:], dtype=dtype)
    if dtype in _DIRECT or (nearest and dtype in _DIRECT_NEAREST):
        fill = fill_value_for(dtype, cval)
        border = (fill, fill, fill, fill)
        if len(shape) == 3 and 1 < shape[2] <= 4:
            return fn(image, border)
        return apply_channelwise(lambda a: fn(a, border), image)
    if dtype == _BOOL:
        if nearest:
            fill = 1.0 if cval >= 0.5 else 0.0
            return apply_channelwise(lambda a: fn(a, (fill,) * 4), image)
        work = image.astype(np.float32)
        out = apply_channelwise(lambda a: fn(a, (float(cval >= 0.5),) * 4), work)
        return out > 0.5
    if nearest and dtype in _WIDE:
        return _warp_by_index(image, fn, cval)
    if dtype == _FLOAT16:
        fill = fill_value_for(dtype, cval)
        out = apply_channelwise(lambda a: fn(a, (fill,) * 4), image.astype(np.float32))
        lo, hi = _RANGES[_FLOAT16]
        return np.clip(out, lo, hi, out=out).astype(np.float16)
    work = image.astype(np.float64)
    fill = fill_value_for(dtype, cval)
    out = apply_channelwise(lambda a: fn(a, (fill,) * 4), work)
    return restore_dtype(out, dtype)


_F64 = np.dtype(np.float64)
_FLOATS = frozenset((np.dtype(np.float32), _F64))
_HEADROOM = 16.0


def run_warp(image: np.ndarray, fn: Callable[[np.ndarray, tuple], np.ndarray], flag: int,
             cval: float, out_hw: tuple) -> np.ndarray:
    """:func:`warp_any_dtype` plus float safety for interpolating warps.

    Interpolation weights (rounding for linear, negative lobes for cubic and
    Lanczos) can overflow near the float range's ends and mix +inf and -inf
    into NaN. Float32/float64 images are therefore warped at 1/16 scale and
    scaled back (a power of two: bit-identical for normal numbers) and the
    result is clipped to the dtype's finite range. OpenCV's cubic/Lanczos
    paths return NaN for float64 values beyond the float32 range, so such
    images are scaled by a larger power of two (found from their maximum).
    """
    nearest = flag == cv2.INTER_NEAREST
    dtype = image.dtype
    if nearest or dtype not in _FLOATS or image.size == 0:
        out = warp_any_dtype(image, fn, nearest, cval, out_hw)
        if out.dtype.kind == "f" and not nearest and out.size:
            lo, hi = _RANGES[out.dtype]
            np.clip(out, lo, hi, out=out)
        return out
    factor = _HEADROOM
    if dtype == _F64 and flag in (cv2.INTER_CUBIC, cv2.INTER_LANCZOS4):
        amax = float(np.max(np.abs(image)))
        if math.isfinite(amax) and amax > 1e37:
            factor = max(factor, 2.0 ** math.ceil(math.log2(amax / 1e37)))
    fill = fill_value_for(dtype, cval) / factor
    out = warp_any_dtype(np.multiply(image, dtype.type(1.0 / factor), dtype=dtype), fn, False,
                         fill, out_hw)
    with np.errstate(over="ignore"):
        out *= dtype.type(factor)
    lo, hi = _RANGES[dtype]
    np.clip(out, lo, hi, out=out)
    return out


def _warp_by_index(image: np.ndarray, fn: Callable[[np.ndarray, tuple], np.ndarray],
                   cval: float) -> np.ndarray:
    # float64 cannot hold every int64: warp the pixel index instead and gather exactly.
    h, w = image.shape[:2]
    idx = np.arange(h * w, dtype=np.float64).reshape(h, w)
    mapped = fn(idx, (-1.0,) * 4)
    flat = np.rint(mapped).astype(np.int64)
    outside = flat < 0
    np.clip(flat, 0, h * w - 1, out=flat)
    src = image.reshape((h * w,) + image.shape[2:])
    out = src[flat]
    if outside.any():
        out[outside] = int(fill_value_for(image.dtype, cval))
    return out


def guard_reflect101(arr: np.ndarray, border: int) -> np.ndarray:
    """Double a length-1 axis for ``BORDER_REFLECT_101``.

    OpenCV loops forever reflecting around a single pixel (cubic/Lanczos
    warps of 1-pixel-high or -wide images); two identical rows/columns
    reflect to exactly the same values.
    """
    if border != cv2.BORDER_REFLECT_101 or (arr.shape[0] != 1 and arr.shape[1] != 1):
        return arr
    if arr.shape[0] == 1:
        arr = np.repeat(arr, 2, axis=0)
    if arr.shape[1] == 1:
        arr = np.repeat(arr, 2, axis=1)
    return arr


def _warp_fn(matrix: np.ndarray, out_hw: tuple, flag: int,
             border: int) -> Callable[[np.ndarray, tuple], np.ndarray]:
    m = cv_matrix(matrix)
    size = (int(out_hw[1]), int(out_hw[0]))
    if m[2, 0] == 0.0 and m[2, 1] == 0.0 and m[2, 2] == 1.0:
        m2 = m[:2]
        return lambda a, fill: cv2.warpAffine(a, m2, size, flags=flag, borderMode=border,
                                              borderValue=fill)
    return lambda a, fill: cv2.warpPerspective(a, m, size, flags=flag, borderMode=border,
                                               borderValue=fill)


def warp_image(image: np.ndarray, matrix: np.ndarray, out_hw: tuple, order: int = 1,
               mode: str = "constant", cval: float = 0.0) -> np.ndarray:
    """Warp an ``(H,W[,C])`` image of any dtype with a continuous-coordinate matrix.

    Args:
        image: The image.
        matrix: 3x3 float64, input plane -> output plane (continuous coordinates).
        out_hw: Output ``(height, width)``.
        order: 0 nearest, 1 linear, 2/3 cubic, 4/5 Lanczos4.
        mode: ``constant``, ``edge``, ``symmetric``, ``reflect`` or ``wrap``.
        cval: Fill value for ``constant`` (clipped to the dtype's range).
    """
    flag = ORDER_FLAGS[order]
    border = BORDER_FLAGS[mode]
    fn = _warp_fn(matrix, out_hw, flag, border)
    return run_warp(guard_reflect101(image, border), fn, flag, cval, out_hw)


def warp_plan(shape: tuple, dtype: np.dtype, matrix: np.ndarray, out_hw: tuple,
              order: int = 1, mode: str = "constant", cval: float = 0.0) -> Any:
    """A function doing :func:`warp_image` for images of this shape and dtype, or None.

    Only where that is one OpenCV call (2-4 channels of a dtype OpenCV warps
    directly, no float headroom scaling, no reflected 1-pixel axis): the call is
    returned with the OpenCV matrix, flags and border value resolved up front.
    """
    flag = ORDER_FLAGS[order]
    border = BORDER_FLAGS[mode]
    nearest = flag == cv2.INTER_NEAREST
    if not (len(shape) == 3 and 1 < shape[2] <= 4 and shape[0] > 1 and shape[1] > 1
            and out_hw[0] and out_hw[1]) \
            or not (dtype in _DIRECT or (nearest and dtype in _DIRECT_NEAREST)) \
            or (dtype in _FLOATS and not nearest):
        return None
    fn = _warp_fn(matrix, out_hw, flag, border)
    fill = fill_value_for(dtype, cval)
    value = (fill, fill, fill, fill)
    return lambda image: fn(image, value)


def warp_heatmap_arr(arr: np.ndarray, matrix: np.ndarray, out_hw: tuple,
                     order: int = 1) -> np.ndarray:
    """Warp a float32 ``(h,w,C)`` heatmap array (matrix already in its coordinates).

    Linear interpolation (nearest when the image used order 0), fill 0,
    values clipped to [0, 1].
    """
    out = warp_image(arr, matrix, out_hw, order=0 if order == 0 else 1, mode="constant", cval=0.0)
    if out.size:
        np.clip(out, 0.0, 1.0, out=out)
    return out


def warp_segmap_arr(arr: np.ndarray, matrix: np.ndarray, out_hw: tuple) -> np.ndarray:
    """Nearest-neighbour warp of an integer ``(h,w,C)`` label array; fill label 0."""
    return warp_image(arr, matrix, out_hw, order=0, mode="constant", cval=0.0)
