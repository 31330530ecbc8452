"""Resize kernels for images, heatmaps and segmentation maps (OpenCV).

``cv2.resize`` samples at pixel centres, matching the library's continuous
pixel convention: resizing ``W -> W'`` maps ``x -> x * W' / W`` exactly.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from imgaug2.kernels._cv import apply_interpolating

__all__ = ["resize_image", "resize_heatmap_arr", "resize_segmap_arr", "INTERPOLATIONS",
           "interpolation_code", "scale_xy", "resize_aligned"]

INTERPOLATIONS = {
    "nearest": cv2.INTER_NEAREST,
    "linear": cv2.INTER_LINEAR,
    "area": cv2.INTER_AREA,
    "cubic": cv2.INTER_CUBIC,
}


_CODE_NAMES = {v: k for k, v in INTERPOLATIONS.items()}
_CODE_NAMES[cv2.INTER_NEAREST_EXACT] = "nearest"


def interpolation_code(interpolation: str | int | None, downscale: bool) -> int:
    """cv2 flag for a name/flag; ``None`` picks area for shrinking, cubic for growing."""
    if interpolation is None:
        return cv2.INTER_AREA if downscale else cv2.INTER_CUBIC
    if isinstance(interpolation, str):
        if interpolation not in INTERPOLATIONS:
            raise ValueError("interpolation must be one of %s, got %r"
                             % (sorted(INTERPOLATIONS), interpolation))
        return INTERPOLATIONS[interpolation]
    if interpolation in INTERPOLATIONS.values() or interpolation == cv2.INTER_NEAREST_EXACT:
        return int(interpolation)
    raise ValueError("interpolation must be one of %s or a cv2.INTER_* flag, got %r"
                     % (sorted(INTERPOLATIONS), interpolation))


def resize_image(image: np.ndarray, height: int, width: int,
                 interpolation: str | int | None = None) -> np.ndarray:
    """Resize an ``(H,W[,C])`` array of any supported dtype to ``height x width``.

    ``interpolation``: a name, a ``cv2.INTER_*`` flag, or ``None`` (area when
    shrinking, cubic when growing). Nearest neighbour is aligned to pixel
    centres and floats never overflow (see :func:`resize_aligned`).
    """
    h, w = image.shape[:2]
    code = interpolation_code(interpolation, downscale=height * width < h * w)
    name = _CODE_NAMES.get(code)
    if name is None:
        raise ValueError("interpolation %r is not supported" % (interpolation,))
    return resize_aligned(image, height, width, name)


def resize_heatmap_arr(arr: np.ndarray, height: int, width: int,
                       interpolation: str | int = "cubic") -> np.ndarray:
    """Resize a float ``(H,W,C)`` heatmap array; values stay in [0, 1]."""
    out = resize_image(arr, height, width, interpolation)
    return np.clip(out, 0.0, 1.0, out=out) if out.size else out


def resize_segmap_arr(arr: np.ndarray, height: int, width: int) -> np.ndarray:
    """Nearest-neighbour resize of an integer ``(H,W,C)`` label array (no new labels)."""
    return resize_image(arr, height, width, "nearest")


def scale_xy(xy: np.ndarray, from_shape: tuple, to_shape: tuple) -> np.ndarray:
    """Scale coordinates from an image of ``from_shape`` to one of ``to_shape``."""
    out = xy.astype(np.float64, copy=True)
    if from_shape[1]:
        out[:, 0] *= to_shape[1] / from_shape[1]
    if from_shape[0]:
        out[:, 1] *= to_shape[0] / from_shape[0]
    return out


_DIRECT_DTYPES = frozenset(np.dtype(n) for n in ("uint8", "uint16", "int16", "float32",
                                                 "float64"))


_UINT8 = np.dtype(np.uint8)
_ALIGNED_CODES = dict(INTERPOLATIONS, nearest=cv2.INTER_NEAREST_EXACT)


def resize_aligned(image: np.ndarray, height: int, width: int, interpolation: str) -> np.ndarray:
    """Resize like :func:`resize_image`, with ``"nearest"`` aligned to pixel centres.

    ``cv2.INTER_NEAREST`` picks source pixel ``floor(x * W / W')``, which shifts
    content by up to half a source pixel when shrinking; this uses
    ``cv2.INTER_NEAREST_EXACT`` (``floor((x + 0.5) * W / W')``) so that
    nearest-neighbour results follow ``x -> x * W' / W`` like the other modes.
    bool arrays always use nearest neighbour. Always returns a new array.

    Args:
        image: ``(H,W[,C])`` array of any supported dtype.
        height, width: Output size (>= 0).
        interpolation: ``"nearest"``, ``"linear"``, ``"area"`` or ``"cubic"``.
    """
    h, w = image.shape[:2]
    if (h, w) == (height, width):
        return image.copy()
    if image.dtype is _UINT8 and h and w and height and width \
            and (image.ndim == 2 or 1 < image.shape[2] <= 4):
        # the common case, straight to OpenCV (same call as run() below makes)
        code = _ALIGNED_CODES.get(interpolation)
        if code is not None:
            return cv2.resize(image, (width, height), interpolation=code)
    if h == 0 or w == 0 or height == 0 or width == 0:
        return np.zeros((height, width) + image.shape[2:], dtype=image.dtype)
    if interpolation not in INTERPOLATIONS:
        raise ValueError("interpolation must be one of %s, got %r"
                         % (sorted(INTERPOLATIONS), interpolation))
    nearest = interpolation == "nearest" or image.dtype == np.bool_
    code = cv2.INTER_NEAREST_EXACT if nearest else INTERPOLATIONS[interpolation]

    def run(a: np.ndarray) -> np.ndarray:
        if a.dtype in _DIRECT_DTYPES and (a.ndim == 2 or 1 < a.shape[2] <= 4):
            # OpenCV handles these layouts and dtypes as they are: skip the adapters.
            return cv2.resize(a, (width, height), interpolation=code)
        return apply_interpolating(
            lambda x: cv2.resize(x, (width, height), interpolation=code), a, nearest=nearest)

    if image.dtype.kind != "f" or nearest:
        return run(image)
    return _resize_float(image, run)


def _resize_float(image: np.ndarray, run: Any) -> np.ndarray:
    """Interpolating resize of floats that never overflows to inf.

    Interpolation weights sum to 1 but cubic ones overshoot, so values near the
    dtype's limits (or +-max side by side) can overflow. Such results are
    recomputed in float64, scaled by an exact power of two, clipped to the
    dtype's finite range and scaled back. float16 is always computed in float32.
    """
    dtype = image.dtype
    if dtype == np.float16:
        out = run(image.astype(np.float32))
        limit = float(np.finfo(np.float16).max)
        return np.clip(out, -limit, limit, out=out).astype(np.float16)
    out = run(image)
    if out.size == 0 or (np.isfinite(out.max()) and np.isfinite(out.min())):
        return out
    if not (np.isfinite(image.max()) and np.isfinite(image.min())):
        return out  # non-finite in, non-finite out
    scale = 0.0625  # exact power of two: leaves room for cubic overshoot
    limit = float(np.finfo(dtype).max) * scale
    work = run(image.astype(np.float64) * scale)
    np.clip(work, -limit, limit, out=work)
    work *= 1.0 / scale
    return work.astype(dtype)
