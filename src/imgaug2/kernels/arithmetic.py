"""Kernels of the arithmetic family: per-channel scalar arithmetic, inversion,
linear contrast and JPEG round trips.

Value conventions shared by every arithmetic kernel:

* integer results are rounded half to even (``np.rint``) and clipped to the
  dtype's range, so ``add_scalar(uint8 image, 10)`` equals ``clip(img + 10)``;
* float results are clipped to the finite range of their dtype only (never to
  [0, 1]); a finite input therefore always gives a finite output;
* uint8 images run through 256-entry ``cv2.LUT`` tables, one per channel, so
  per-channel values cost the same as a single value.

Kernels never modify their input and always return a new C-contiguous array.

Example:
    >>> import numpy as np
    >>> img = np.array([[250, 5]], dtype=np.uint8)
    >>> add_scalar(img, (10.0,)).tolist()
    [[255, 15]]
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import cv2
import numpy as np

from imgaug2.kernels._cv import lut

__all__ = [
    "work_dtype",
    "to_dtype",
    "clamp_to_work",
    "default_value_range",
    "contrast_center",
    "apply_uint8_tables",
    "add_scalar",
    "multiply_scalar",
    "linear_contrast",
    "invert",
    "jpeg_roundtrip",
    "JPEG_MAX_SIDE",
]

#: Largest image side libjpeg can encode.
JPEG_MAX_SIDE = 65500

_ARANGE_256 = np.arange(256, dtype=np.float64)
_UINT8 = np.dtype(np.uint8)


# ----------------------------------------------------------------- dtype helpers

def work_dtype(dtype: np.dtype) -> np.dtype:
    """dtype the arithmetic runs in: float32 for float16/float32, float64 otherwise.

    Integers up to 32 bits are exact in float64, so rounding happens once, at
    the end, in :func:`to_dtype`.
    """
    dtype = np.dtype(dtype)
    if dtype.kind == "f" and dtype.itemsize <= 4:
        return np.dtype(np.float32)
    return np.dtype(np.float64)


def clamp_to_work(values: np.ndarray | float, work: np.dtype) -> np.ndarray:
    """Clip float64 operands into ``work``'s finite range before casting.

    Casting 1e300 to float32 would give ``inf`` and ``0 * inf`` is NaN; after
    clamping, every product and sum of finite numbers is finite or ``+-inf``,
    which :func:`to_dtype` clips back.
    """
    info = np.finfo(work)
    return np.clip(np.asarray(values, dtype=np.float64), info.min, info.max).astype(work)


def to_dtype(values: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """Bring a float result (owned by the caller, modified in place) back to ``dtype``.

    Integers: rounded half to even and clipped to the dtype range. Floats:
    clipped to the dtype's finite range. Bool: ``values > 0.5``.
    """
    dtype = np.dtype(dtype)
    if dtype.kind == "b":
        return values > 0.5
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        np.rint(values, out=values)
        np.clip(values, info.min, info.max, out=values)
        return values.astype(dtype)
    finfo = np.finfo(dtype)
    np.clip(values, finfo.min, finfo.max, out=values)
    return values.astype(dtype, copy=False)


def default_value_range(dtype: np.dtype) -> tuple[float, float]:
    """The value range pixel augmenters assume: the integer range, [0, 1] for floats/bool."""
    dtype = np.dtype(dtype)
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return float(info.min), float(info.max)
    return 0.0, 1.0


def contrast_center(dtype: np.dtype) -> float:
    """Centre of the value range: 128 for uint8, 32768 for uint16, 0 for int16, 0.5 for floats."""
    dtype = np.dtype(dtype)
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return float((int(info.min) + int(info.max) + 1) // 2)
    return 0.5


def _nb_channels(image: np.ndarray) -> int:
    return image.shape[2] if image.ndim == 3 else 1


def _channel_operand(values: Sequence[float], image: np.ndarray) -> np.ndarray:
    """float64 operand that broadcasts over ``image``: a scalar or one value per channel."""
    vals = np.asarray(values, dtype=np.float64).reshape(-1)
    if vals.size == 1 or image.ndim == 2:
        return vals[:1].reshape(())
    if vals.size != image.shape[2]:
        raise ValueError("values: expected 1 or %d entries (one per channel), got %d"
                         % (image.shape[2], vals.size))
    return vals


def _generic(image: np.ndarray, fn: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """Run ``fn`` on a private float copy of ``image`` and bring the result back."""
    work = image.astype(work_dtype(image.dtype))
    with np.errstate(over="ignore"):  # overflow to +-inf is intended: to_dtype clips it
        return to_dtype(fn(work), image.dtype)


# ------------------------------------------------------------------- uint8 LUTs

def apply_uint8_tables(image: np.ndarray, tables: np.ndarray) -> np.ndarray:
    """Map a uint8 image through a (256,) table or (K, 256) tables: K = 1 or one per channel.

    Example:
        >>> img = np.zeros((2, 2, 3), np.uint8)
        >>> t = np.stack([np.full(256, v, np.uint8) for v in (1, 2, 3)])
        >>> apply_uint8_tables(img, t)[0, 0].tolist()
        [1, 2, 3]
    """
    if image.size == 0:
        return image.copy()
    if tables.ndim == 2 and tables.shape[0] == 1:
        tables = tables[0]
    try:
        if tables.ndim == 1:
            out = lut(image, tables)
        else:
            c = image.shape[2]
            out = lut(image, np.ascontiguousarray(tables.T).reshape(256, 1, c))
    except cv2.error:
        # Channel counts beyond OpenCV's limit: a numpy gather does the same.
        if tables.ndim == 1:
            out = tables[image]
        else:
            out = tables[np.arange(image.shape[2]), image]
    if out.shape != image.shape:
        out = out.reshape(image.shape)
    return out


# index j of _SHIFTED holds clip(j - 256, 0, 255): the table of "+ s" is a slice
_SHIFTED = np.clip(np.arange(-256, 512), 0, 255).astype(np.uint8)


def _row_values(values: Sequence[float], image: np.ndarray) -> list[float]:
    vals = [float(v) for v in values]
    nb = _nb_channels(image)
    if len(vals) != 1 and len(vals) != nb:
        raise ValueError("values: expected 1 or %d entries (one per channel), got %d"
                         % (nb, len(vals)))
    if image.ndim == 2 or len(set(vals)) == 1:
        return vals[:1]
    return vals


_TABLES: dict[tuple[str, float], np.ndarray] = {}


def _table(kind: str, v: float) -> np.ndarray:
    """uint8 table of ``clip(rint(f(arange(256), v)))``, cached for repeated values."""
    key = (kind, v)
    table = _TABLES.get(key)
    if table is None:
        if kind == "mul":
            t = _ARANGE_256 * v
        else:  # linear contrast around 128
            t = _ARANGE_256 - 128.0
            t *= v
            t += 128.0
        # ufuncs with out=: np.clip's Python wrapper costs more than the 256 values.
        np.rint(t, out=t)
        np.maximum(t, 0.0, out=t)
        np.minimum(t, 255.0, out=t)
        # bounded: values are usually drawn continuously
        table = _store_table(_TABLES, key, t.astype(np.uint8))
    return table


def _store_table(cache: dict[Any, np.ndarray], key: Any, table: np.ndarray) -> np.ndarray:
    """Freeze ``table`` and keep it in ``cache`` (cleared once it holds over 1024 tables).

    Args:
        cache: The lookup-table cache.
        key: The table's key.
        table: The new table.

    Returns:
        ``table``, now read-only.
    """
    table.flags.writeable = False
    if len(cache) > 1024:
        cache.clear()
    cache[key] = table
    return table


def _tables(values: Sequence[float], image: np.ndarray, kind: str) -> np.ndarray:
    """(256,) or (C, 256) uint8 tables, one per distinct channel value."""
    vals = _row_values(values, image)
    if len(vals) == 1:
        return _table(kind, vals[0])
    return np.stack([_table(kind, v) for v in vals])


def _add_tables(values: Sequence[float], image: np.ndarray) -> np.ndarray:
    vals = _row_values(values, image)
    rows = []
    for v in vals:
        r = round(v)  # Python rounds half to even, like np.rint
        if abs(abs(v - int(v)) - 0.5) < 1e-9 or not -256 <= r <= 256:
            # Ties round differently for odd and even pixel values; compute them.
            t = _ARANGE_256[np.newaxis, :] + np.asarray(vals)[:, np.newaxis]
            np.rint(t, out=t)
            np.clip(t, 0, 255, out=t)
            out = t.astype(np.uint8)
            return out[0] if len(vals) == 1 else out
        rows.append(_SHIFTED[256 + r: 512 + r])
    return rows[0] if len(rows) == 1 else np.stack(rows)


# ------------------------------------------------------------- scalar arithmetic

def add_scalar(image: np.ndarray, values: Sequence[float]) -> np.ndarray:
    """``image + v`` with one value for all channels or one per channel.

    Args:
        image: ``(H,W)`` or ``(H,W,C)`` array of any non-bool dtype up to 32 bits.
        values: One value, or one per channel.

    Example:
        >>> add_scalar(np.full((1, 1, 2), 100, np.uint8), (-200.0, 20.4)).tolist()
        [[[0, 120]]]
    """
    if image.size == 0 or len(values) == 0:
        return image.copy()
    if image.dtype == np.uint8:
        return apply_uint8_tables(image, _add_tables(values, image))
    operand = _channel_operand(values, image)

    def fn(work: np.ndarray) -> np.ndarray:
        work += clamp_to_work(operand, work.dtype)
        return work
    return _generic(image, fn)


def multiply_scalar(image: np.ndarray, values: Sequence[float]) -> np.ndarray:
    """``image * v`` with one factor for all channels or one per channel.

    Example:
        >>> multiply_scalar(np.full((1, 2), 100, np.uint8), (1.5,)).tolist()
        [[150, 150]]
    """
    if image.size == 0 or len(values) == 0:
        return image.copy()
    if image.dtype == np.uint8:
        return apply_uint8_tables(image, _tables(values, image, "mul"))
    factors = _int16_factors(values, image)
    if factors is not None:
        # cv2 drops a singleton channel axis
        return cv2.multiply(image, factors, dtype=cv2.CV_16S).reshape(image.shape)
    operand = _channel_operand(values, image)

    def fn(work: np.ndarray) -> np.ndarray:
        work *= clamp_to_work(operand, work.dtype)
        return work
    return _generic(image, fn)


# Factors up to this size keep every int16 product inside int32, where OpenCV's
# rounding conversion is defined.
_INT16_MAX_FACTOR = 65535.0
_INT16 = np.dtype(np.int16)
# whether cv2.multiply reproduces the float64 path on int16 here (checked once)
_INT16_MULTIPLY_OK: list[bool] = []


def _int16_multiply_ok() -> bool:
    """Whether ``cv2.multiply(int16, Scalar, dtype=CV_16S)`` equals the generic path.

    OpenCV multiplies by a Scalar in double precision and rounds half to even with
    saturation, which is the generic path's float64 ``rint`` and clip; a float32
    product would differ (e.g. for 1.3). Checked on every int16 value for factors
    whose float32 and float64 products round differently.
    """
    if not _INT16_MULTIPLY_OK:
        values = np.arange(-32768, 32768, dtype=np.int32).astype(np.int16).reshape(256, 256)
        ok = True
        for factor in (1.3, 0.7, 3.14159, -2.5, 1e-3, -_INT16_MAX_FACTOR):
            got = cv2.multiply(values, (factor,) * 4, dtype=cv2.CV_16S)
            expected = _generic(values, lambda work, f=factor: work.__imul__(f))
            ok = ok and got.dtype == _INT16 and np.array_equal(got, expected)
        _INT16_MULTIPLY_OK.append(ok)
    return _INT16_MULTIPLY_OK[0]


def _int16_factors(values: Sequence[float], image: np.ndarray) -> tuple | None:
    """``values`` as an OpenCV Scalar when an int16 image can take :func:`cv2.multiply`."""
    channels = _nb_channels(image)
    if image.dtype != _INT16 or channels > 4:  # an OpenCV Scalar holds four values
        return None
    if len(values) == 1:
        factors = (float(values[0]),) * 4
    elif len(values) == channels and channels <= 4 and image.ndim == 3:
        factors = tuple(float(v) for v in values) + (0.0,) * (4 - channels)
    else:
        return None
    if not all(abs(f) <= _INT16_MAX_FACTOR for f in factors) or not _int16_multiply_ok():
        return None
    return factors


def linear_contrast(image: np.ndarray, alphas: Sequence[float]) -> np.ndarray:
    """``center + alpha * (image - center)`` per channel (centre: :func:`contrast_center`).

    Example:
        >>> linear_contrast(np.array([[0, 128, 255]], np.uint8), (0.5,)).tolist()
        [[64, 128, 192]]
    """
    if image.size == 0 or len(alphas) == 0:
        return image.copy()
    if image.dtype == np.uint8:  # centre 128: the "contrast" tables
        return apply_uint8_tables(image, _tables(alphas, image, "contrast"))
    center = contrast_center(image.dtype)
    operand = _channel_operand(alphas, image)

    def fn(work: np.ndarray) -> np.ndarray:
        work -= work.dtype.type(center)
        work *= clamp_to_work(operand, work.dtype)
        work += work.dtype.type(center)
        return work
    return _generic(image, fn)


# ----------------------------------------------------------------------- invert

def invert(image: np.ndarray, channels: Sequence[bool], min_value: float | None = None,
           max_value: float | None = None, threshold: float | None = None,
           above: bool = True) -> np.ndarray:
    """Invert ``v -> min_value + max_value - v`` in the selected channels.

    Args:
        image: ``(H,W[,C])`` array (bool, or a numeric dtype up to 32 bits).
        channels: One flag for all channels, or one per channel: invert it or not.
        min_value: Lower end of the value range (default: :func:`default_value_range`).
        max_value: Upper end of the value range (default: :func:`default_value_range`).
        threshold: When given, only values ``>= threshold`` (``above``) or
            ``< threshold`` (not ``above``) are inverted.
        above: Side of the threshold that gets inverted.

    Bool images are negated (``~v``); ``min_value``/``max_value`` do not apply.

    Example:
        >>> invert(np.array([[0, 100, 200]], np.uint8), (True,), threshold=128).tolist()
        [[0, 100, 55]]
    """
    if (threshold is None and min_value is None and max_value is None and len(channels) == 1
            and channels[0] and image.dtype == _UINT8 and image.size):
        # The default configuration: one SIMD pass, no per-call table work (numpy's loop
        # measures a little faster than cv2.bitwise_not and keeps an (H,W,1) shape).
        return np.invert(image, order="C")
    flags = [bool(c) for c in channels]
    if image.size == 0 or not any(flags):
        return image.copy()
    nb = _nb_channels(image)
    if len(flags) != 1 and len(flags) != nb:
        raise ValueError("channels: expected 1 or %d flags, got %d" % (nb, len(flags)))
    if image.ndim == 2:
        flags = flags[:1]
    dtype = image.dtype
    lo, hi = default_value_range(dtype)
    lo = lo if min_value is None else float(min_value)
    hi = hi if max_value is None else float(max_value)
    if dtype == np.uint8:
        if threshold is None and lo == 0.0 and hi == 255.0 and all(flags):
            return np.invert(image, order="C")
        inv_table = _invert_table(lo, hi, threshold, above)
        if all(flags):
            return apply_uint8_tables(image, inv_table)
        ident = np.arange(256, dtype=np.uint8)
        return apply_uint8_tables(image, np.stack([inv_table if f else ident for f in flags]))
    if dtype.kind == "b":
        if threshold is None:
            inv = np.logical_not(image)
        else:
            as_num = image.astype(np.float64)
            hit = as_num >= threshold if above else as_num < threshold
            inv = np.logical_xor(image, hit)
    else:
        work = image.astype(work_dtype(dtype))
        with np.errstate(over="ignore"):  # +-inf is clipped back by to_dtype
            inv = to_dtype(clamp_to_work(lo + hi, work.dtype) - work, dtype)
        if threshold is not None:
            hit = work >= threshold if above else work < threshold
            inv = np.where(hit, inv, image)
    if len(flags) == 1 or all(flags):
        return np.ascontiguousarray(inv)
    sel = np.asarray(flags, dtype=bool)
    return np.ascontiguousarray(np.where(sel, inv, image))


_INVERT_TABLES: dict[tuple, np.ndarray] = {}


def _invert_table(lo: float, hi: float, threshold: float | None, above: bool) -> np.ndarray:
    key = (lo, hi, threshold, above)
    table = _INVERT_TABLES.get(key)
    if table is None:
        base = _ARANGE_256
        inverted = np.clip(np.rint(lo + hi - base), 0, 255)
        if threshold is not None:
            hit = base >= threshold if above else base < threshold
            inverted = np.where(hit, inverted, base)
        # bounded: thresholds may be drawn continuously
        table = _store_table(_INVERT_TABLES, key, inverted.astype(np.uint8))
    return table


# ------------------------------------------------------------------------- JPEG

def _jpeg_gray(plane: np.ndarray, quality: int) -> np.ndarray:
    ok, buf = cv2.imencode(".jpg", np.ascontiguousarray(plane),
                           [int(cv2.IMWRITE_JPEG_QUALITY), int(quality)])
    if not ok:
        raise ValueError("image: OpenCV could not JPEG-encode an array of shape %s"
                         % (plane.shape,))
    return cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE)


def _jpeg_rgb(rgb: np.ndarray, quality: int) -> np.ndarray:
    # OpenCV encodes BGR; swapping keeps the luma/chroma split of an RGB image.
    bgr = cv2.cvtColor(np.ascontiguousarray(rgb), cv2.COLOR_RGB2BGR)
    ok, buf = cv2.imencode(".jpg", bgr, [int(cv2.IMWRITE_JPEG_QUALITY), int(quality)])
    if not ok:
        raise ValueError("image: OpenCV could not JPEG-encode an array of shape %s"
                         % (rgb.shape,))
    if hasattr(cv2, "IMREAD_COLOR_RGB"):
        return cv2.imdecode(buf, cv2.IMREAD_COLOR_RGB)
    return cv2.cvtColor(cv2.imdecode(buf, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)


def jpeg_roundtrip(image: np.ndarray, quality: int) -> np.ndarray:
    """Encode a uint8 image as JPEG at ``quality`` (1-100) with OpenCV and decode it.

    ``(H,W)`` and ``(H,W,1)`` are encoded as grayscale, ``(H,W,3)`` as RGB.
    Other channel counts: the first three channels as RGB (when there are at
    least three), every further channel as its own grayscale image.

    Example:
        >>> out = jpeg_roundtrip(np.full((8, 8, 3), 77, np.uint8), 90)
        >>> out.shape, out.dtype.name
        ((8, 8, 3), 'uint8')
    """
    if image.dtype != np.uint8:
        raise TypeError("image: JPEG compression needs uint8, got %s" % image.dtype)
    if not 1 <= int(quality) <= 100:
        raise ValueError("quality: expected an int in [1, 100], got %r" % (quality,))
    if image.size == 0:
        return image.copy()
    if max(image.shape[:2]) > JPEG_MAX_SIDE:
        raise ValueError("image: JPEG cannot encode sides above %d px, got shape %s"
                         % (JPEG_MAX_SIDE, image.shape))
    if image.ndim == 2:
        return _jpeg_gray(image, quality)
    c = image.shape[2]
    if c == 1:
        return _jpeg_gray(image[:, :, 0], quality)[:, :, np.newaxis]
    if c == 3:
        return _jpeg_rgb(image, quality)
    parts = []
    start = 0
    if c >= 3:
        parts.append(_jpeg_rgb(image[:, :, :3], quality))
        start = 3
    for ch in range(start, c):
        parts.append(_jpeg_gray(image[:, :, ch], quality)[:, :, np.newaxis])
    return np.ascontiguousarray(np.concatenate(parts, axis=2))
