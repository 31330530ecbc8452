"""Crop and pad kernels for every target (pure functions, no randomness).

Amounts are signed per side, in the order ``(top, right, bottom, left)``:
a positive value pads that many pixels, a negative value crops that many.
Cropping happens first, then padding, so crop/pad is an integer translation:
a coordinate ``(x, y)`` moves to ``(x + left, y + top)`` exactly, and the
image shape grows by ``top + bottom`` rows and ``left + right`` columns.

Pad modes follow numpy's names. Where OpenCV has the same border rule it is
used (``constant``, ``edge`` = ``BORDER_REPLICATE``, ``reflect`` =
``BORDER_REFLECT_101``, ``symmetric`` = ``BORDER_REFLECT``, ``wrap`` =
``BORDER_WRAP``); ``linear_ramp`` (ramping to ``cval``), ``maximum``,
``mean``, ``median`` and ``minimum`` use ``numpy.pad``. Arrays with a
zero-size axis have no pixels to replicate and are padded with ``cval``
whatever the mode.
"""

from __future__ import annotations

import math
from typing import Any

import cv2
import numpy as np

__all__ = [
    "PAD_MODES", "MAX_OUTPUT_BYTES", "check_output_size", "cast_cval", "pad_image",
    "crop_pad_image", "crop_pad_plan", "crop_pad_shape", "crop_pad_xy", "limit_crops",
    "scale_amounts",
    "round_half_away",
]

PAD_MODES = ("constant", "edge", "linear_ramp", "maximum", "mean", "median", "minimum",
             "reflect", "symmetric", "wrap")

_PAD_MODE_SET = frozenset(PAD_MODES)

#: Outputs above this many bytes are refused before anything is allocated.
MAX_OUTPUT_BYTES = 1 << 30

_CV_BORDERS = {
    "constant": cv2.BORDER_CONSTANT,
    "edge": cv2.BORDER_REPLICATE,
    "reflect": cv2.BORDER_REFLECT_101,
    "symmetric": cv2.BORDER_REFLECT,
    "wrap": cv2.BORDER_WRAP,
}
# copyMakeBorder keeps these dtypes; (u)int64 would silently come back as int32.
_CV_PAD_DTYPES = frozenset(np.dtype(n) for n in (
    "bool", "uint8", "int8", "uint16", "int16", "uint32", "int32", "float16", "float32",
    "float64"))


def round_half_away(value: float) -> int:
    """Round to the nearest int, halves away from zero (``2.5 -> 3``, ``-2.5 -> -3``)."""
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


def check_output_size(shape: tuple, itemsize: int, argname: str) -> None:
    """Raise ``ValueError`` naming ``argname`` if an array of ``shape`` exceeds 1 GiB."""
    nbytes = int(itemsize)
    for s in shape:
        nbytes *= int(s)
    if nbytes > MAX_OUTPUT_BYTES:
        raise ValueError("%s: the result would have shape %s (%d bytes), above the 1 GiB limit"
                         % (argname, tuple(int(s) for s in shape), nbytes))


_UINT8 = np.dtype(np.uint8)
_INT_BOUNDS = {np.dtype(n): (int(np.iinfo(n).min), int(np.iinfo(n).max)) for n in (
    "uint8", "int8", "uint16", "int16", "uint32", "int32", "uint64", "int64")}

_FLOAT_MAX = {np.dtype(n): float(np.finfo(n).max) for n in ("float16", "float32", "float64")}


def cast_cval(cval: float, dtype: np.dtype) -> Any:
    """``cval`` as a value of ``dtype``: rounded and clipped for ints, ``> 0.5`` for bool."""
    if not isinstance(dtype, np.dtype):
        dtype = np.dtype(dtype)
    bounds = _INT_BOUNDS.get(dtype)
    if bounds is not None:
        lo, hi = bounds
        if type(cval) is int and lo <= cval <= hi:
            return cval
        if not math.isfinite(cval):
            return hi if cval > 0 else lo
        return min(max(round_half_away(cval), lo), hi)
    if dtype == np.bool_:
        return bool(cval > 0.5)
    limit = _FLOAT_MAX.get(dtype)
    cval = float(cval)
    if limit is not None and not -limit <= cval <= limit and not math.isnan(cval):
        return limit if cval > 0 else -limit
    return cval


def crop_pad_shape(shape: tuple, top: int, right: int, bottom: int, left: int) -> tuple:
    """Shape after cropping/padding by signed amounts (extra axes kept)."""
    return (int(shape[0]) + top + bottom, int(shape[1]) + left + right) + tuple(shape[2:])


def crop_pad_xy(xy: np.ndarray, top: int, left: int) -> np.ndarray:
    """Coordinates after cropping/padding: ``(x + left, y + top)`` (new float64 array)."""
    out = np.array(xy, dtype=np.float64, copy=True)
    if left:
        out[:, 0] += left
    if top:
        out[:, 1] += top
    return out


def limit_crops(top: int, right: int, bottom: int, left: int, height: int,
                width: int) -> tuple[int, int, int, int]:
    """Shrink crops (negative amounts) so that at least one row/column remains.

    An axis of size 0 is never cropped. When the crops of an axis would remove
    all of it, they are reduced in proportion to their sizes so that exactly
    one pixel remains (the first side keeps the floor of its share).
    """
    top, bottom = _limit_axis(top, bottom, height)
    left, right = _limit_axis(left, right, width)
    return top, right, bottom, left


def _limit_axis(a: int, b: int, size: int) -> tuple[int, int]:
    ca, cb = max(-a, 0), max(-b, 0)
    if ca + cb == 0:
        return a, b
    if size <= 0:
        return max(a, 0), max(b, 0)
    if ca + cb <= size - 1:
        return a, b
    keep = size - 1
    new_ca = (ca * keep) // (ca + cb)
    new_cb = keep - new_ca
    return (-new_ca if a < 0 else a), (-new_cb if b < 0 else b)


def scale_amounts(amounts: tuple[int, int, int, int], from_hw: tuple, to_hw: tuple
                  ) -> tuple[int, int, int, int]:
    """Amounts for an array of size ``to_hw`` aligned with an image of ``from_hw``.

    Each amount is scaled by the axis ratio and rounded half away from zero,
    then crops are limited so the array keeps at least one pixel per axis.
    Equal sizes return the amounts unchanged.
    """
    top, right, bottom, left = amounts
    fh, fw = int(from_hw[0]), int(from_hw[1])
    th, tw = int(to_hw[0]), int(to_hw[1])
    if (fh, fw) != (th, tw):
        ry = th / fh if fh else 1.0
        rx = tw / fw if fw else 1.0
        top, bottom = round_half_away(top * ry), round_half_away(bottom * ry)
        left, right = round_half_away(left * rx), round_half_away(right * rx)
    return limit_crops(top, right, bottom, left, th, tw)


def pad_image(image: np.ndarray, top: int, right: int, bottom: int, left: int,
              mode: str = "constant", cval: float = 0) -> np.ndarray:
    """Pad an ``(H,W[,C])`` array by non-negative amounts (always a new array).

    Args:
        image: Array of any numeric or bool dtype and any channel count.
        top, right, bottom, left: Pixels to add on each side (>= 0).
        mode: One of :data:`PAD_MODES`.
        cval: Fill value for ``constant`` and the ramp end for ``linear_ramp``;
            cast to the dtype with :func:`cast_cval`.
    """
    dtype = image.dtype
    border = _CV_BORDERS.get(mode)
    if border is not None and image.size and (dtype is _UINT8 or dtype in _CV_PAD_DTYPES):
        if border == cv2.BORDER_CONSTANT:
            value = cval if type(cval) is int and dtype is _UINT8 and 0 <= cval <= 255 \
                else cast_cval(cval, dtype)
            out = cv2.copyMakeBorder(image, top, bottom, left, right, border,
                                     value=(value,) * 4)
        else:
            out = cv2.copyMakeBorder(image, top, bottom, left, right, border)
        if out.ndim < image.ndim:
            out = out[:, :, np.newaxis]
        return out
    if mode not in _PAD_MODE_SET:
        raise ValueError("pad_mode must be one of %s, got %r" % (", ".join(PAD_MODES), mode))
    value = cast_cval(cval, dtype)
    if not image.size:
        out_shape = crop_pad_shape(image.shape, top, right, bottom, left)
        return np.full(out_shape, value, dtype=dtype)
    return _pad_numpy(image, top, right, bottom, left, mode, value)


def _pad_numpy(image: np.ndarray, top: int, right: int, bottom: int, left: int, mode: str,
               value: Any) -> np.ndarray:
    widths = [(top, bottom), (left, right)] + [(0, 0)] * (image.ndim - 2)
    was_bool = image.dtype == np.bool_
    arr = image.view(np.uint8) if was_bool else image
    fill = int(value) if was_bool else value
    if mode in _ARITHMETIC_MODES and arr.dtype.kind == "f":
        # Overflow is detected and handled below; numpy need not warn about it.
        with np.errstate(over="ignore", invalid="ignore"):
            out = _np_pad(arr, widths, mode, fill)
    else:
        out = _np_pad(arr, widths, mode, fill)
    if was_bool:
        out = out.astype(np.bool_)
    elif mode in _ARITHMETIC_MODES and out.dtype.kind == "f" and out.size \
            and not (np.isfinite(out.max()) and np.isfinite(out.min())) \
            and np.isfinite(image.max()) and np.isfinite(image.min()):
        out = _pad_float_safe(arr, widths, mode, fill)
    return np.ascontiguousarray(out)


# numpy computes these pad values (means, median midpoints, ramps) and may overflow
_ARITHMETIC_MODES = frozenset({"mean", "median", "linear_ramp"})


def _np_pad(arr: np.ndarray, widths: list, mode: str, fill: Any) -> np.ndarray:
    if mode == "constant":
        return np.pad(arr, widths, mode="constant", constant_values=fill)
    if mode == "linear_ramp":
        return np.pad(arr, widths, mode="linear_ramp", end_values=fill)
    return np.pad(arr, widths, mode=mode)


def _pad_float_safe(arr: np.ndarray, widths: list, mode: str, fill: Any) -> np.ndarray:
    """Arithmetic pad modes for floats near their limits: scaled float64, clipped back."""
    n = max(arr.shape[0], arr.shape[1], 1)
    scale = 2.0 ** -(math.ceil(math.log2(n)) + 2)  # exact; sums of n values cannot overflow
    limit = float(np.finfo(arr.dtype).max) * scale
    work = _np_pad(arr.astype(np.float64) * scale, widths, mode, float(fill) * scale)
    np.clip(work, -limit, limit, out=work)
    work *= 1.0 / scale
    return work.astype(arr.dtype)


def crop_pad_image(image: np.ndarray, top: int, right: int, bottom: int, left: int,
                   mode: str = "constant", cval: float = 0) -> np.ndarray:
    """Crop (negative amounts) then pad (positive amounts) an ``(H,W[,C])`` array.

    Returns a view of ``image`` when nothing is padded (callers that hand the
    result out copy it); a new array otherwise.
    """
    view = image
    if top < 0 or right < 0 or bottom < 0 or left < 0:
        h, w = image.shape[:2]
        view = image[(-top if top < 0 else 0):(h + bottom if bottom < 0 else h),
                     (-left if left < 0 else 0):(w + right if right < 0 else w)]
    if top > 0 or right > 0 or bottom > 0 or left > 0:
        return pad_image(view, top if top > 0 else 0, right if right > 0 else 0,
                         bottom if bottom > 0 else 0, left if left > 0 else 0, mode, cval)
    return view


def crop_pad_plan(shape: tuple, dtype: np.dtype, top: int, right: int, bottom: int, left: int,
                  mode: str = "constant", cval: float = 0) -> Any:
    """A function doing :func:`crop_pad_image` for arrays of this shape and dtype, or None.

    The function returns a new C-contiguous array: a copy of the cropped view, or
    ``cv2.copyMakeBorder``'s output with every argument resolved up front. None
    where the work takes another route (numpy pad modes, a single channel that
    OpenCV would drop, empty arrays).
    """
    h, w = shape[0], shape[1]
    ys = slice(-top if top < 0 else 0, h + bottom if bottom < 0 else h)
    xs = slice(-left if left < 0 else 0, w + right if right < 0 else w)
    if top <= 0 and right <= 0 and bottom <= 0 and left <= 0:
        return lambda image: image[ys, xs].copy()
    border = _CV_BORDERS.get(mode)
    if border is None or not (dtype is _UINT8 or dtype in _CV_PAD_DTYPES) \
            or 0 in shape or (len(shape) == 3 and shape[2] == 1):
        return None
    t, b, lf, r = max(top, 0), max(bottom, 0), max(left, 0), max(right, 0)
    crop = top < 0 or right < 0 or bottom < 0 or left < 0
    if border == cv2.BORDER_CONSTANT:
        value = (cast_cval(cval, dtype),) * 4
        if crop:
            return lambda image: cv2.copyMakeBorder(image[ys, xs], t, b, lf, r, border,
                                                    value=value)
        return lambda image: cv2.copyMakeBorder(image, t, b, lf, r, border, value=value)
    if crop:
        return lambda image: cv2.copyMakeBorder(image[ys, xs], t, b, lf, r, border)
    return lambda image: cv2.copyMakeBorder(image, t, b, lf, r, border)
