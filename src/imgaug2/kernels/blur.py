"""Blur kernels: Gaussian, box, median, bilateral, motion and mean-shift filters.

Every function is pure: an image and primitive arguments in, a new array out.
uint8 goes straight into the OpenCV call (no float round trip). Other dtypes
are adapted by :func:`filter_image`: OpenCV's native filter dtypes (uint16,
int16, float32, float64) are passed as they are, bool is filtered as float32
and thresholded at 0.5, float16 is filtered as float32, and the remaining
integer dtypes go through float64 and are rounded and clipped back. Float
values large enough to overflow while filtering are filtered in (scaled)
float64, and float results are clipped to the dtype's finite range, so
finite inputs always give finite outputs.

OpenCV 5 drops singleton channel axes; results are reshaped back to the
input's shape. Empty images are returned as copies.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable

import cv2
import numpy as np

from imgaug2.kernels._cv import restore_dtype

__all__ = [
    "CV_MAX_CHANNELS",
    "FILTER_DTYPES",
    "average_blur",
    "bilateral_blur",
    "chunked",
    "filter_image",
    "gaussian_blur",
    "gaussian_kernel_size",
    "mean_shift_blur",
    "median_blur",
    "motion_blur",
    "motion_blur_kernel",
]

#: dtypes that cv2.GaussianBlur / cv2.blur / cv2.filter2D accept directly.
FILTER_DTYPES = frozenset({"uint8", "uint16", "int16", "float32", "float64"})

# cv2.medianBlur handles these dtypes for 3x3 and 5x5 windows only (uint8: any size).
_MEDIAN_SMALL_DTYPES = frozenset({"uint8", "uint16", "int16", "float32"})

_INTERPOLATION_BY_ORDER = {0: cv2.INTER_NEAREST, 1: cv2.INTER_LINEAR, 2: cv2.INTER_CUBIC,
                           3: cv2.INTER_CUBIC, 4: cv2.INTER_LANCZOS4, 5: cv2.INTER_LANCZOS4}


#: Most channels one OpenCV 5 call accepts (CV_CN_MAX); wider images go in slices.
CV_MAX_CHANNELS = 128


def chunked(fn: Callable[[np.ndarray], np.ndarray], arr: np.ndarray
            ) -> Callable[[np.ndarray], np.ndarray]:
    """Wrap a channel-preserving cv2 call so images above 128 channels go in slices."""
    if arr.ndim != 3 or arr.shape[2] <= CV_MAX_CHANNELS:
        return fn

    def run(a: np.ndarray) -> np.ndarray:
        parts = []
        for start in range(0, a.shape[2], CV_MAX_CHANNELS):
            part = fn(np.ascontiguousarray(a[:, :, start:start + CV_MAX_CHANNELS]))
            parts.append(part.reshape(part.shape[:2] + (-1,)))
        return np.concatenate(parts, axis=2)
    return run


def _finish(out: np.ndarray, image: np.ndarray) -> np.ndarray:
    if out.shape != image.shape:
        out = out.reshape(image.shape)
    return out


def _clip_float(values: np.ndarray, dtype: np.dtype) -> np.ndarray:
    info = np.finfo(dtype)
    out = np.clip(values, info.min, info.max)
    with np.errstate(over="ignore"):
        return out.astype(dtype, copy=False)


def _float64_work(fn: Callable[[np.ndarray], np.ndarray], arr: np.ndarray,
                  gain: float) -> np.ndarray:
    """``fn`` on a float64 copy, scaled by a power of two where sums could overflow."""
    work = arr.astype(np.float64)
    peak = float(max(abs(float(work.max())), abs(float(work.min()))))
    if not math.isfinite(peak) or peak == 0.0 or peak < 2.0 ** 1000 / max(gain, 1.0):
        return fn(work)
    # Linear filters commute with scaling; powers of two scale exactly.
    shift = 2.0 ** (math.ceil(math.log2(peak) + math.log2(max(gain, 1.0))) - 1000)
    work *= 1.0 / shift
    with np.errstate(over="ignore"):
        return fn(work) * shift


def filter_image(fn: Callable[[np.ndarray], np.ndarray], image: np.ndarray,
                 native: frozenset[str] = FILTER_DTYPES, gain: float = 1.0) -> np.ndarray:
    """Run a shape-preserving, linear OpenCV filter ``fn`` on an image of any dtype.

    ``fn`` must accept any channel count for the dtypes in ``native`` (the
    linear filters do). See the module docstring for the dtype rules.

    Args:
        fn: ``f(array) -> array`` with the same height, width and channels.
        image: ``(H,W)`` or ``(H,W,C)`` array.
        native: dtypes passed to ``fn`` unchanged.
        gain: Sum of the absolute kernel weights. Float images whose values
            times ``gain`` could overflow their dtype are filtered in float64
            (scaled by a power of two near float64's limit), so finite inputs
            never produce ``inf - inf = NaN``; results are clipped to the
            dtype's finite range.

    Returns:
        A new array with the input's shape and dtype.
    """
    if image.size == 0:
        return image.copy()
    arr = image if image.flags.c_contiguous else np.ascontiguousarray(image)
    fn = chunked(fn, arr)
    dtype = arr.dtype
    if dtype == np.uint8:
        return _finish(fn(arr), image)
    kind = dtype.kind
    if kind == "b":
        return _finish(fn(arr.astype(np.float32)) > 0.5, image)
    if kind == "f":
        peak = float(max(abs(float(arr.max())), abs(float(arr.min()))))
        if peak < _SAFE_FLOAT32 / max(gain, 1.0):
            work = arr if dtype.name in native else arr.astype(np.float32)
            out = fn(work)
        else:
            out = _float64_work(fn, arr, gain)
        return _finish(_clip_float(out, dtype), image)
    if dtype.name in native:
        return _finish(fn(arr), image)
    return _finish(restore_dtype(_float64_work(fn, arr, gain), dtype), image)


# Below this, float32 accumulation of |weights| * |values| cannot overflow.
_SAFE_FLOAT32 = 2.0 ** 120


# ------------------------------------------------------------------ Gaussian

def gaussian_kernel_size(sigma: float) -> int:
    """Odd kernel size covering +-3 sigma: ``2 * ceil(3 * sigma) + 1`` (at least 1)."""
    if sigma <= 0:
        return 1
    return 2 * math.ceil(3.0 * sigma) + 1


def gaussian_blur(image: np.ndarray, sigma: float, ksize: int | None = None) -> np.ndarray:
    """``cv2.GaussianBlur`` with a square ``ksize`` kernel and BORDER_REFLECT_101.

    Args:
        image: ``(H,W[,C])`` array of any supported dtype.
        sigma: Standard deviation in pixels (both axes).
        ksize: Kernel size; ``None`` uses :func:`gaussian_kernel_size`.
    """
    k = gaussian_kernel_size(sigma) if ksize is None else int(ksize)
    if k <= 1 or sigma <= 0:
        return image.copy()
    return filter_image(lambda a: cv2.GaussianBlur(a, (k, k), sigmaX=sigma, sigmaY=sigma,
                                                   borderType=cv2.BORDER_REFLECT_101), image)


# ----------------------------------------------------------------------- box

def average_blur(image: np.ndarray, kh: int, kw: int) -> np.ndarray:
    """Mean over a ``kh x kw`` window (``cv2.blur``, BORDER_REFLECT_101).

    Even sizes are allowed; OpenCV then anchors the window at ``(k // 2)``.
    """
    if kh <= 1 and kw <= 1:
        return image.copy()
    ksize = (max(1, int(kw)), max(1, int(kh)))
    return filter_image(lambda a: cv2.blur(a, ksize, borderType=cv2.BORDER_REFLECT_101), image)


# -------------------------------------------------------------------- median

def _median_cv(arr: np.ndarray, k: int) -> np.ndarray:
    # cv2.medianBlur takes 1, 3 or 4 channels for windows above 5; other
    # channel counts are filtered one channel at a time.
    c = 1 if arr.ndim == 2 else arr.shape[2]
    if c in (1, 3, 4) or (k <= 5 and c <= CV_MAX_CHANNELS):
        return cv2.medianBlur(arr, k)
    return np.stack([cv2.medianBlur(np.ascontiguousarray(arr[:, :, c]), k)
                     for c in range(arr.shape[2])], axis=2)


def median_blur(image: np.ndarray, k: int) -> np.ndarray:
    """Median over a ``k x k`` window (odd ``k``), BORDER_REPLICATE at the edges.

    uint8 (any ``k``) and uint16/int16/float32 (``k`` <= 5) use
    ``cv2.medianBlur``; bool and int8 are mapped order-preservingly onto
    uint8, float16 onto float32; everything else uses
    ``scipy.ndimage.median_filter`` with the same border rule. Exact for
    every dtype (a median picks an existing value).
    """
    k = int(k)
    if k <= 1 or image.size == 0:
        return image.copy()
    if k % 2 == 0:
        raise ValueError("k must be odd for a median filter, got %d" % k)
    arr = image if image.flags.c_contiguous else np.ascontiguousarray(image)
    name = arr.dtype.name
    if name == "uint8" or (k <= 5 and name in _MEDIAN_SMALL_DTYPES):
        return _finish(_median_cv(arr, k), image)
    if name == "bool":
        return _finish(_median_cv(arr.view(np.uint8), k).view(np.bool_), image)
    if name == "int8":
        # Flipping the sign bit maps int8 order onto uint8 order.
        flipped = arr.view(np.uint8) ^ np.uint8(0x80)
        return _finish((_median_cv(flipped, k) ^ np.uint8(0x80)).view(np.int8), image)
    if name == "float16" and k <= 5:
        return _finish(_median_cv(arr.astype(np.float32), k).astype(np.float16), image)
    from scipy import ndimage
    size = (k, k) + (1,) * (arr.ndim - 2)
    work = arr.astype(np.float32) if name == "float16" else arr
    out = ndimage.median_filter(work, size=size, mode="nearest")
    return _finish(out.astype(arr.dtype, copy=False), image)


# ----------------------------------------------------------------- bilateral

def _bilateral_groups(arr: np.ndarray, fn: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    # cv2.bilateralFilter takes 1 or 3 channels: the first three channels are
    # filtered jointly as a colour image, any others one by one.
    if arr.ndim == 2 or arr.shape[2] in (1, 3):
        return fn(arr)
    c = arr.shape[2]
    parts = []
    start = 0
    if c >= 3:
        parts.append(fn(np.ascontiguousarray(arr[:, :, :3])))
        start = 3
    for ch in range(start, c):
        parts.append(fn(np.ascontiguousarray(arr[:, :, ch]))[:, :, np.newaxis])
    return np.concatenate(parts, axis=2)


def bilateral_blur(image: np.ndarray, d: int, sigma_color: float,
                   sigma_space: float) -> np.ndarray:
    """Edge-preserving ``cv2.bilateralFilter`` (BORDER_REFLECT_101).

    uint8 and float32 are filtered directly; uint16, int16 and float64 as
    float32 (``sigma_color`` is in the image's own value units). Channels:
    1 or 3 directly; with 2, 4 or more, channels 0-2 are filtered jointly and
    the rest one by one.
    """
    if image.size == 0 or d <= 1:
        return image.copy()
    arr = image if image.flags.c_contiguous else np.ascontiguousarray(image)
    name = arr.dtype.name
    scale = 1.0
    if arr.dtype.kind == "f":
        peak = float(max(abs(float(arr.max())), abs(float(arr.min()))))
        if math.isfinite(peak) and peak > 2.0 ** 60:
            # Colour distances are squared inside OpenCV: filter a scaled copy
            # (with sigma_color scaled alike, the result scales exactly).
            scale = 2.0 ** (math.ceil(math.log2(peak)) - 60)
    sc = float(sigma_color) / scale

    def fn(a: np.ndarray) -> np.ndarray:
        return cv2.bilateralFilter(a, int(d), sc, float(sigma_space),
                                   borderType=cv2.BORDER_REFLECT_101)

    if name == "uint8" or (name == "float32" and scale == 1.0):
        return _finish(_bilateral_groups(arr, fn), image)
    work = arr.astype(np.float64) * (1.0 / scale) if scale != 1.0 else arr
    out = _bilateral_groups(work.astype(np.float32), fn)
    if arr.dtype.kind == "f":
        with np.errstate(over="ignore"):
            back = out.astype(np.float64) * scale
        return _finish(_clip_float(back, arr.dtype), image)
    return _finish(restore_dtype(out, arr.dtype), image)


# -------------------------------------------------------------------- motion

def motion_blur_kernel(k: int, angle: float, direction: float, order: int = 1) -> np.ndarray:
    """The ``k x k`` float32 motion kernel: a line through the centre, summing to 1.

    Kernels up to 63 pixels are cached (read-only arrays), so constant
    parameters build them once.

    At ``angle`` 0 the line is vertical; positive angles turn it clockwise
    (degrees, image coordinates with y pointing down). Weights along the
    line run linearly from ``(1 + direction) / 2`` at its top end to
    ``(1 - direction) / 2`` at its bottom end before rotation, so
    ``direction`` 0 is uniform and +-1 puts all weight on one side.
    ``order`` picks the interpolation of the rotation (0 nearest, 1 linear,
    2-3 cubic, 4-5 Lanczos).
    """
    args = (int(k), float(angle) % 360.0, float(direction), int(order))
    if args[0] <= 63:
        return _motion_kernel_cached(*args)
    return _motion_kernel_build(*args)


def _motion_kernel_build(k: int, angle: float, direction: float, order: int) -> np.ndarray:
    base = np.zeros((k, k), dtype=np.float32)
    lead = (float(direction) + 1.0) / 2.0
    step = (1.0 - 2.0 * lead) / (k - 1) if k > 1 else 0.0
    base[:, k // 2] = lead + step * np.arange(k, dtype=np.float32)
    kernel = base
    if angle != 0.0:
        centre = ((k - 1) / 2.0, (k - 1) / 2.0)
        # cv2 turns counter-clockwise for positive angles on screen; negate for clockwise.
        matrix = cv2.getRotationMatrix2D(centre, -angle, 1.0)
        kernel = cv2.warpAffine(base, matrix, (k, k), flags=_INTERPOLATION_BY_ORDER[int(order)],
                                borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    total = float(kernel.sum())
    if not total > 1e-6:
        kernel, total = base, float(base.sum())
    kernel *= np.float32(1.0 / total)
    kernel.flags.writeable = False
    return kernel


_motion_kernel_cached = functools.lru_cache(maxsize=256)(_motion_kernel_build)


def motion_blur(image: np.ndarray, k: int, angle: float, direction: float,
                order: int = 1) -> np.ndarray:
    """Convolve with :func:`motion_blur_kernel` (``cv2.filter2D``, BORDER_REFLECT_101)."""
    if int(k) <= 1:
        return image.copy()
    kernel = motion_blur_kernel(k, angle, direction, order)
    # Cubic/Lanczos rotation can create small negative taps: the gain may exceed 1.
    gain = float(np.abs(kernel).sum()) if order >= 2 else 1.0
    return filter_image(lambda a: cv2.filter2D(a, -1, kernel, borderType=cv2.BORDER_REFLECT_101),
                        image, gain=gain)


# ---------------------------------------------------------------- mean shift

def mean_shift_blur(image: np.ndarray, spatial_radius: float, color_radius: float) -> np.ndarray:
    """``cv2.pyrMeanShiftFiltering`` on a uint8 image (one pyramid level).

    Channels: 3 directly; 1 (or none) is replicated to 3 and reduced back;
    with 4, channels 0-2 are filtered and channel 3 (alpha) is kept.

    Raises:
        ValueError: Any other channel count (names ``image``).
    """
    if image.dtype != np.uint8:
        raise TypeError("image must be uint8 for mean-shift filtering, got %s" % image.dtype)
    if image.size == 0:
        return image.copy()
    channels = 1 if image.ndim == 2 else image.shape[2]
    if channels not in (1, 3, 4):
        raise ValueError("image must have 1, 3 or 4 channels for MeanShiftBlur, got %d"
                         % channels)
    sp, sr = float(spatial_radius), float(color_radius)
    if channels == 1:
        gray = np.ascontiguousarray(image.reshape(image.shape[:2]))
        colour = cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)
        out = cv2.pyrMeanShiftFiltering(colour, sp, sr)[:, :, 0]
        return np.ascontiguousarray(out).reshape(image.shape)
    rgb = np.ascontiguousarray(image[:, :, :3])
    out = cv2.pyrMeanShiftFiltering(rgb, sp, sr)
    if channels == 4:
        out = np.concatenate([out, image[:, :, 3:4]], axis=2)
    return out
