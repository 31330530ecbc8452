"""Mask kernels: dropout, coarse dropout, element-wise replacement, salt/pepper,
channel dropout and cutout rectangles.

Masks are expanded from one integer seed with
:func:`imgaug2.kernels.noise.bulk_generator` (re-keyed cheaply by
:func:`~imgaug2.kernels.arithmetic_noise.seed_generator`): 16 random bits per mask cell
(from the raw SFC64 stream, ``random_raw``), and a cell is hit when its bits
are below ``round(p * 65536)``, so probabilities are resolved to 2**-16.
Masks have shape ``(H, W, C)`` (per channel) or ``(H, W, 1)`` (one decision
per pixel, shared by its channels). A coarse mask is drawn at ``(h, w, ·)``
and upscaled nearest-neighbour: output row ``y`` reads mask row
``y * h // H`` (columns alike). Values drawn after the mask (replacement
values, salt/pepper choices) continue the same generator, in the order the
functions document.

Example:
    >>> import numpy as np
    >>> img = np.full((4, 4, 3), 9, np.uint8)
    >>> out = dropout(img, seed=3, p=1.0, per_channel=False)
    >>> int(out.max())
    0
"""

from __future__ import annotations

from typing import Sequence

import cv2
import numpy as np

from imgaug2.kernels.arithmetic import default_value_range, to_dtype, work_dtype
from imgaug2.kernels.arithmetic_noise import random_bits16, seed_generator

__all__ = [
    "REPLACE_MODES",
    "mask_shape",
    "draw_mask",
    "upscale_nearest",
    "zero_where",
    "fill_where",
    "dropout",
    "replace_elementwise",
    "replacement_values",
    "fill_mask",
    "values_to_dtype",
    "extreme_values",
    "drop_channels",
    "cutout",
    "private_copy",
]

#: How replacement values are produced: a constant ``a``, uniform floats in
#: ``[a, b)``, the dtype's maximum ("salt"), minimum ("pepper") or either with
#: equal probability ("salt_pepper").
REPLACE_MODES = ("const", "uniform", "salt", "pepper", "salt_pepper")


_UINT8 = np.dtype(np.uint8)
#: dtypes every OpenCV build copies verbatim (others, e.g. int64, it narrows or refuses).
_CV_COPY_DTYPES = frozenset(np.dtype(t) for t in (np.uint8, np.int8, np.uint16, np.int16,
                                                   np.int32, np.float32, np.float64))


def private_copy(image: np.ndarray) -> np.ndarray:
    """A C-contiguous copy of ``image`` to modify in place.

    OpenCV's copy loop is used where it is exact: glibc's ``memcpy`` (``rep movsb``)
    slows down several-fold on some AMD CPUs when the destination lies just after the
    source modulo 4 KiB, which happens at random with heap-allocated images.

    Example:
        >>> a = np.arange(6, dtype=np.uint8).reshape(2, 3)
        >>> b = private_copy(a)
        >>> bool((a == b).all()) and not np.shares_memory(a, b)
        True
    """
    if image.dtype in _CV_COPY_DTYPES and image.ndim in (2, 3) and image.size:
        out = cv2.copyTo(image, None)
        if out.shape == image.shape:
            return out
        if out.size == image.size and out.dtype == image.dtype:
            return out.reshape(image.shape)  # OpenCV drops a trailing 1-channel axis
    return np.array(image, copy=True, order="C")


def mask_shape(image_shape: tuple, per_channel: bool) -> tuple[int, int, int]:
    """(H, W, C) for per-channel masks, (H, W, 1) otherwise."""
    h, w = int(image_shape[0]), int(image_shape[1])
    c = int(image_shape[2]) if len(image_shape) == 3 else 1
    return (h, w, c if per_channel else 1)


def upscale_nearest(small: np.ndarray, height: int, width: int) -> np.ndarray:
    """Nearest-neighbour upscale of an (h, w, C) array to (height, width, C) by exact index maps.

    Example:
        >>> upscale_nearest(np.array([[[1], [2]]]), 2, 4)[:, :, 0].tolist()
        [[1, 1, 2, 2], [1, 1, 2, 2]]
    """
    h, w = small.shape[:2]
    if (h, w) == (height, width):
        return small
    ys = (np.arange(height, dtype=np.int64) * h) // height
    xs = (np.arange(width, dtype=np.int64) * w) // width
    return np.take(np.take(small, ys, axis=0), xs, axis=1)


def draw_mask(gen: np.random.Generator, shape: tuple[int, int, int], p: float,
              coarse_hw: Sequence[int] = (0, 0)) -> np.ndarray:
    """Boolean hit mask of ``shape`` with hit probability ``p`` (advances ``gen``).

    Args:
        gen: Generator expanded from the row's seed.
        shape: ``(H, W, Cm)``.
        p: Hit probability in [0, 1].
        coarse_hw: ``(h, w)`` of a coarse grid (both > 0), or ``(0, 0)`` for full resolution.
    """
    h, w, c = shape
    ch, cw = int(coarse_hw[0]), int(coarse_hw[1])
    if ch > 0 and cw > 0:
        ch, cw = min(ch, max(h, 1)), min(cw, max(w, 1))
        small = draw_mask(gen, (ch, cw, c), p)
        return upscale_nearest(small, h, w)
    n = h * w * c
    threshold = int(round(min(max(float(p), 0.0), 1.0) * 65536.0))
    if threshold >= 65536:
        return np.ones(shape, dtype=bool)
    if threshold <= 0 or n == 0:
        return np.zeros(shape, dtype=bool)
    return (random_bits16(gen, n) < threshold).reshape(shape)


def zero_where(image: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Copy of ``image`` with the cells of ``mask`` (H,W,1 or H,W,C) set to zero/False.

    Works on the raw bytes, so every dtype (bool, 64-bit ints, floats) takes
    OpenCV's masked copy.
    """
    if image.size == 0:
        return image.copy()
    arr = np.ascontiguousarray(image)
    h, w = arr.shape[:2]
    keep = np.logical_not(mask)
    per_pixel = mask.shape[2] == 1 or arr.ndim == 2 or arr.shape[2] == 1
    if per_pixel:
        k = keep.reshape(h, w).view(np.uint8)
        view = arr.reshape(h, w, -1).view(np.uint8)
    else:
        k = keep.reshape(h, -1).view(np.uint8)
        view = arr.reshape(h, -1, 1).view(np.uint8)
    if view.shape[2] <= 512:
        try:
            out = cv2.bitwise_and(view, view, mask=k)
            return np.ascontiguousarray(out.reshape(view.shape)).view(arr.dtype).reshape(
                image.shape)
        except cv2.error:
            pass
    keep_b = keep if arr.ndim == 3 else keep.reshape(h, w)
    return np.where(keep_b, arr, np.zeros((), dtype=arr.dtype))


# OpenCV's binding may read very small arrays as scalars: they keep the numpy path.
_CV_MIN_PIXELS = 64


def fill_where(image: np.ndarray, mask: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Copy of ``image`` with the hit cells of ``mask`` set to ``values``.

    ``values`` (already of ``image``'s dtype) holds one entry per hit cell of
    ``mask`` in C order; with a per-pixel mask a pixel's channels share it.
    """
    out = np.array(image, copy=True, order="C")
    if out.size == 0 or values.size == 0:
        return out
    if (out.dtype == np.uint8 and (out.ndim == 2 or mask.shape[2] == 1 < out.shape[2] <= 4)
            and out.shape[0] * out.shape[1] >= _CV_MIN_PIXELS and values.min() == values.max()):
        # One value under a per-pixel mask (salt, pepper, constants): OpenCV's masked
        # operations are ~30x faster than numpy's boolean assignment here.
        hits = np.ascontiguousarray(mask.reshape(out.shape[:2])).view(np.uint8)
        value = (int(values[0]),) * 4
        cv2.bitwise_and(out, (0, 0, 0, 0), dst=out, mask=hits)
        cv2.bitwise_or(out, value, dst=out, mask=hits)
        return out
    if out.ndim == 2:
        out[mask.reshape(out.shape)] = values
    elif mask.shape[2] == out.shape[2]:
        out[mask] = values
    else:
        out[mask[:, :, 0]] = values[:, np.newaxis]
    return out


def dropout(image: np.ndarray, seed: int, p: float, per_channel: bool,
            coarse_hw: Sequence[int] = (0, 0)) -> np.ndarray:
    """Set cells to zero with probability ``p`` (mask expanded from ``seed``).

    Example:
        >>> img = np.full((64, 64), 5, np.uint8)
        >>> frac = float((dropout(img, 1, 0.25, False) == 0).mean())
        >>> 0.2 < frac < 0.3
        True
    """
    if image.size == 0:
        return image.copy()
    gen = seed_generator(seed)
    mask = draw_mask(gen, mask_shape(image.shape, per_channel), p, coarse_hw)
    return zero_where(image, mask)


def extreme_values(dtype: np.dtype) -> tuple[np.ndarray, np.ndarray]:
    """(pepper, salt) of ``dtype``: integer min/max, 0.0/1.0 for floats, False/True for bool."""
    dtype = np.dtype(dtype)
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return np.array(info.min, dtype=dtype), np.array(info.max, dtype=dtype)
    if dtype.kind == "b":
        return np.array(False), np.array(True)
    return np.array(0.0, dtype=dtype), np.array(1.0, dtype=dtype)


def replace_elementwise(image: np.ndarray, seed: int, p: float, per_channel: bool,
                        mode: str, a: float = 0.0, b: float = 0.0,
                        coarse_hw: Sequence[int] = (0, 0)) -> np.ndarray:
    """Replace cells hit with probability ``p`` by values of ``mode`` (see ``REPLACE_MODES``).

    Draw order after the mask: ``"uniform"`` draws ``gen.random(n)`` (float64),
    ``"salt_pepper"`` draws ``n`` sign bits (1 = salt) from ``random_raw``.
    Values are brought to the image dtype (integers rounded and clipped).

    Example:
        >>> img = np.full((8, 8), 100, np.uint8)
        >>> sorted(set(replace_elementwise(img, 2, 0.5, False, "salt_pepper").ravel().tolist()))
        [0, 100, 255]
    """
    if mode not in REPLACE_MODES:
        raise ValueError("mode: expected one of %s, got %r" % (", ".join(REPLACE_MODES), mode))
    if image.size == 0:
        return image.copy()
    gen = seed_generator(seed)
    mask = draw_mask(gen, mask_shape(image.shape, per_channel), p, coarse_hw)
    return fill_mask(image, mask, gen, mode, a, b)


def replacement_values(gen: np.random.Generator, n: int, dtype: np.dtype, mode: str,
                       a: float = 0.0, b: float = 0.0) -> np.ndarray:
    """``n`` values of ``dtype`` for ``mode`` (draw order: see :func:`replace_elementwise`)."""
    if mode not in REPLACE_MODES:
        raise ValueError("mode: expected one of %s, got %r" % (", ".join(REPLACE_MODES), mode))
    dtype = np.dtype(dtype)
    if mode in ("salt", "pepper", "salt_pepper"):
        pepper, salt = extreme_values(dtype)
        if mode == "salt":
            return np.full(n, salt, dtype=dtype)
        if mode == "pepper":
            return np.full(n, pepper, dtype=dtype)
        raw = np.asarray(gen.bit_generator.random_raw((n + 63) // 64), dtype=np.uint64)
        signs = np.unpackbits(raw.view(np.uint8), count=n).view(np.bool_)
        return np.where(signs, salt, pepper).astype(dtype)
    if mode == "const":
        return values_to_dtype(np.full(n, float(a), dtype=np.float64), dtype)
    return values_to_dtype(float(a) + (float(b) - float(a)) * gen.random(n), dtype)


def fill_mask(image: np.ndarray, mask: np.ndarray, gen: np.random.Generator, mode: str,
              a: float = 0.0, b: float = 0.0) -> np.ndarray:
    """Replace the hit cells of ``mask`` with values of ``mode`` drawn from ``gen``."""
    n = int(np.count_nonzero(mask))
    if n == 0 or image.size == 0:
        return image.copy()
    return fill_where(image, mask, replacement_values(gen, n, image.dtype, mode, a, b))


def values_to_dtype(values: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """float64 replacement values brought into ``dtype`` (rounded/clipped; bool: > 0.5)."""
    dtype = np.dtype(dtype)
    if dtype.kind == "b":
        return np.asarray(values) > 0.5
    work = np.array(values, dtype=np.float64, copy=True)
    if work_dtype(dtype) == np.float32:
        info = np.finfo(np.float32)
        np.clip(work, info.min, info.max, out=work)
        work = work.astype(np.float32)
    return to_dtype(work, dtype)


def _constant_fill(cval: Sequence[float], dtype: np.dtype) -> np.ndarray:
    """A few fill values in ``dtype`` with plain Python rounding (same rule as :func:`to_dtype`)."""
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return np.array([min(max(round(float(v)), int(info.min)), int(info.max)) for v in cval],
                        dtype=dtype)
    if dtype.kind == "b":
        return np.array([float(v) > 0.5 for v in cval], dtype=bool)
    return values_to_dtype(np.asarray(cval, dtype=np.float64), dtype)


def drop_channels(image: np.ndarray, channels: Sequence[int]) -> np.ndarray:
    """Copy of ``image`` with the listed channels set to zero (an (H,W) image is channel 0).

    Example:
        >>> drop_channels(np.ones((1, 1, 3), np.uint8), (0, 2)).tolist()
        [[[0, 1, 0]]]
    """
    chans = [int(c) for c in channels]
    nb = image.shape[2] if image.ndim == 3 else 1
    if (chans and image.dtype == np.uint8 and 0 < nb <= 4 and image.shape[0] > 1
            and image.shape[1] > 1):
        # One SIMD pass with a per-channel scalar mask instead of a copy plus strided
        # zeroing of each dropped channel. (OpenCV would read a 1-pixel-wide or -high
        # image as a scalar itself, hence the size condition.)
        keep = [0 if ch in chans else 255 for ch in range(nb)] + [0] * (4 - nb)
        out = cv2.bitwise_and(image, tuple(keep))
        return out if out.ndim == image.ndim else out.reshape(image.shape)
    out = np.array(image, copy=True, order="C")
    if not chans or out.size == 0:
        return out
    if out.ndim == 2:
        if 0 in chans:
            out[...] = 0
        return out
    for ch in chans:  # basic indexing: a fancy-index assignment is several times slower
        out[:, :, ch] = 0
    return out


def cutout(image: np.ndarray, rects: Sequence[Sequence[int]], modes: Sequence[str],
           cvals: Sequence[Sequence[float]], noise_per_channel: Sequence[bool],
           seed: int) -> np.ndarray:
    """Fill rectangles ``(y1, y2, x1, x2)`` (end-exclusive integer pixel bounds) in order.

    ``"constant"`` fills with ``cvals[i]`` (one value, or one per channel);
    ``"gaussian"`` fills with ``clip(0.5 + z / 6, 0, 1)`` mapped onto the
    dtype's value range (integers: min..max, floats/bool: 0..1), where ``z``
    is ``gen.standard_normal((h, w, C or 1), float32)`` from a generator
    expanded from ``seed`` once, drawn rectangle by rectangle.

    Example:
        >>> out = cutout(np.zeros((4, 4), np.uint8), [(0, 2, 0, 2)], ["constant"], [(7.0,)],
        ...              [False], 0)
        >>> out.tolist()[0]
        [7, 7, 0, 0]
    """
    if not image.size:
        return image.copy()
    out = private_copy(image)
    dtype = out.dtype
    nb = out.shape[2] if out.ndim == 3 else 1
    gen = None
    for i, (y1, y2, x1, x2) in enumerate(rects):
        if y2 <= y1 or x2 <= x1:
            continue
        mode, cval = modes[i], cvals[i]
        if len(cval) == 1 and mode != "gaussian":
            # One value for all channels: a scalar fill, no broadcast array (Python's
            # round() rounds half to even, like np.rint in _constant_fill).
            out[y1:y2, x1:x2] = (min(max(round(cval[0]), 0), 255) if dtype is _UINT8
                                 else _constant_fill(cval, dtype)[0])
            continue
        per_ch = noise_per_channel[i]
        region = out[y1:y2, x1:x2]
        if mode == "gaussian":
            if gen is None:
                gen = seed_generator(seed)
            shape = (y2 - y1, x2 - x1, nb if per_ch else 1)
            z = gen.standard_normal(shape, dtype=np.float32).astype(np.float64)
            u = np.clip(0.5 + z / 6.0, 0.0, 1.0)
            lo, hi = default_value_range(dtype)
            vals = values_to_dtype(lo + (hi - lo) * u, dtype)
        else:
            vals = _constant_fill(cval, dtype).reshape(1, 1, -1)
            if vals.shape[2] not in (1, nb):
                raise ValueError("cvals: expected 1 or %d values per rectangle, got %d"
                                 % (nb, vals.shape[2]))
        if out.ndim == 2:
            region[...] = vals[:, :, 0]
        else:
            region[...] = vals
    return out
