"""Block pooling kernels: average, max, min and median over ``kh x kw`` blocks.

An ``H x W`` image is cut into ``ceil(H / kh) x ceil(W / kw)`` blocks
starting at the top-left corner; where the last blocks run past the image,
the image is padded at the bottom/right by repeating its edge pixels (so max
and min pooling only ever see real pixel values). Block ``(i, j)`` covers
``[j*kw, (j+1)*kw) x [i*kh, (i+1)*kh)``, which makes the continuous mapping
of the pooled image exactly ``x -> x / kw``, ``y -> y / kh``.

Average pooling is ``cv2.resize(INTER_AREA)`` on the padded image (an exact
block mean for integer factors; integers round to nearest, ties may go
either way). Max/min pooling is ``cv2.dilate``/``cv2.erode`` with a block
anchored at its top-left, sampled every ``k`` pixels. Median pooling uses
``cv2.medianBlur`` at the block centres for odd square blocks where OpenCV
supports the dtype, otherwise a numpy sort; an even number of values gives
the mean of the two middle ones (integers round half up).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import cv2
import numpy as np

from imgaug2.kernels._cv import INTERP_DTYPES, apply_channelwise, restore_dtype
from imgaug2.kernels.blur import CV_MAX_CHANNELS, chunked
from imgaug2.kernels.resize import resize_image

__all__ = [
    "POOL_MODES",
    "average_pool",
    "max_pool",
    "median_pool",
    "min_pool",
    "pad_to_blocks",
    "pool",
    "pool_map",
    "pooled_shape",
    "unpool_to_size",
]

POOL_MODES = ("average", "max", "min", "median")

_MORPH_DTYPES = frozenset({"uint8", "uint16", "int16", "float32", "float64"})
_MEDIAN_SMALL_DTYPES = frozenset({"uint8", "uint16", "int16", "float32"})


def pooled_shape(shape: tuple, kh: int, kw: int) -> tuple:
    """Image shape after pooling with ``kh x kw`` blocks (channels kept)."""
    h, w = shape[0], shape[1]
    return (math.ceil(h / kh), math.ceil(w / kw)) + tuple(shape[2:])


def pad_to_blocks(image: np.ndarray, kh: int, kw: int) -> np.ndarray:
    """Edge-pad at the bottom/right so both sides are multiples of the block."""
    h, w = image.shape[:2]
    ph = (-h) % kh
    pw = (-w) % kw
    arr = image if image.flags.c_contiguous else np.ascontiguousarray(image)
    if ph == 0 and pw == 0:
        return arr
    if arr.ndim == 3 and arr.shape[2] > CV_MAX_CHANNELS:
        return np.pad(arr, ((0, ph), (0, pw), (0, 0)), mode="edge")
    if image.dtype == np.bool_:
        out = cv2.copyMakeBorder(arr.view(np.uint8), 0, ph, 0, pw, cv2.BORDER_REPLICATE)
        out = out.view(np.bool_)
    else:
        out = cv2.copyMakeBorder(arr, 0, ph, 0, pw, cv2.BORDER_REPLICATE)
    return out.reshape((h + ph, w + pw) + image.shape[2:])


def _linear_float(fn: Callable[[np.ndarray], np.ndarray], arr: np.ndarray) -> np.ndarray:
    """A linear op (area mean, cubic resize) on a float array, safe at the dtype's limits.

    Values near the top of the float range could overflow in OpenCV's sums
    (or a cubic overshoot): such arrays are scaled down by a power of two
    first (exact) and back afterwards. Results are clipped to the dtype's
    finite range, so finite inputs give finite outputs.
    """
    dtype = arr.dtype
    peak = float(max(abs(float(arr.max())), abs(float(arr.min())))) if arr.size else 0.0
    if math.isfinite(peak) and peak > _FLOAT_SAFE:
        shift = 2.0 ** (math.ceil(math.log2(peak)) - 100)
        work = (arr.astype(np.float64) * (1.0 / shift)).astype(dtype)
        with np.errstate(over="ignore"):
            out = fn(work).astype(np.float64) * shift
    else:
        out = fn(arr)
    info = np.finfo(dtype)
    out = np.clip(out, info.min, info.max)
    with np.errstate(over="ignore"):
        return out.astype(dtype, copy=False)


# float32 sums of a few thousand values below this cannot overflow.
_FLOAT_SAFE = 2.0 ** 100


def _empty_pooled(image: np.ndarray, kh: int, kw: int) -> np.ndarray:
    return np.zeros(pooled_shape(image.shape, kh, kw), dtype=image.dtype)


def average_pool(image: np.ndarray, kh: int, kw: int) -> np.ndarray:
    """Mean of each block; see the module docstring for rounding and padding."""
    if image.size == 0:
        return _empty_pooled(image, kh, kw)
    padded = pad_to_blocks(image, kh, kw)
    oh, ow = padded.shape[0] // kh, padded.shape[1] // kw

    def fn(a: np.ndarray) -> np.ndarray:
        return cv2.resize(a, (ow, oh), interpolation=cv2.INTER_AREA)

    dtype = image.dtype
    out_shape = (oh, ow) + image.shape[2:]
    if dtype.kind == "f":
        work = padded if dtype.name in INTERP_DTYPES else padded.astype(np.float32)
        out = _linear_float(lambda a: apply_channelwise(fn, a), work)
        return out.astype(dtype).reshape(out_shape)
    if dtype.name in INTERP_DTYPES:
        return apply_channelwise(fn, padded).reshape(out_shape)
    if dtype.kind == "b":
        return (apply_channelwise(fn, padded.astype(np.float32)) > 0.5).reshape(out_shape)
    out = apply_channelwise(fn, padded.astype(np.float64))
    return restore_dtype(out, dtype).reshape(out_shape)


def _morph_pool(image: np.ndarray, kh: int, kw: int, dilate: bool) -> np.ndarray:
    if image.size == 0:
        return _empty_pooled(image, kh, kw)
    out_shape = pooled_shape(image.shape, kh, kw)
    arr = image if image.flags.c_contiguous else np.ascontiguousarray(image)
    name = arr.dtype.name
    if name in ("int64", "uint64"):
        blocks = _blocks(pad_to_blocks(arr, kh, kw), kh, kw)
        return (blocks.max(axis=-1) if dilate else blocks.min(axis=-1)).reshape(out_shape)
    element = np.ones((kh, kw), dtype=np.uint8)
    op = cv2.dilate if dilate else cv2.erode

    def run_one(a: np.ndarray) -> np.ndarray:
        # Anchor (0, 0): each output pixel is the extreme of the block starting at it;
        # the default border never wins, so edge blocks see only real pixels.
        full = op(a, element, anchor=(0, 0))
        return np.ascontiguousarray(full[::kh, ::kw])

    run = chunked(run_one, arr)

    if name in _MORPH_DTYPES:
        out = run(arr)
    elif name == "bool":
        out = run(arr.view(np.uint8)).view(np.bool_)
    elif name == "int8":
        out = (run(arr.view(np.uint8) ^ np.uint8(0x80)) ^ np.uint8(0x80)).view(np.int8)
    elif name == "float16":
        out = run(arr.astype(np.float32)).astype(np.float16)
    else:
        # int32/uint32 are exact in float64.
        out = run(arr.astype(np.float64)).astype(arr.dtype)
    return out.reshape(out_shape)


def max_pool(image: np.ndarray, kh: int, kw: int) -> np.ndarray:
    """Maximum of each block (exact for every dtype)."""
    return _morph_pool(image, kh, kw, dilate=True)


def min_pool(image: np.ndarray, kh: int, kw: int) -> np.ndarray:
    """Minimum of each block (exact for every dtype)."""
    return _morph_pool(image, kh, kw, dilate=False)


def _blocks(padded: np.ndarray, kh: int, kw: int) -> np.ndarray:
    """``(H', W'[, C], kh*kw)`` copy holding each block's values on the last axis."""
    hp, wp = padded.shape[:2]
    oh, ow = hp // kh, wp // kw
    if padded.ndim == 2:
        return padded.reshape(oh, kh, ow, kw).transpose(0, 2, 1, 3).reshape(oh, ow, kh * kw)
    c = padded.shape[2]
    return padded.reshape(oh, kh, ow, kw, c).transpose(0, 2, 4, 1, 3).reshape(
        oh, ow, c, kh * kw)


def median_pool(image: np.ndarray, kh: int, kw: int) -> np.ndarray:
    """Median of each block; see the module docstring for even block sizes."""
    if image.size == 0:
        return _empty_pooled(image, kh, kw)
    padded = pad_to_blocks(image, kh, kw)
    out_shape = pooled_shape(image.shape, kh, kw)
    name = padded.dtype.name
    k = kh
    channels = 1 if padded.ndim == 2 else padded.shape[2]
    if kh == kw and k % 2 == 1 and (name == "uint8" or (k <= 5 and name in _MEDIAN_SMALL_DTYPES)) \
            and ((k <= 5 and channels <= CV_MAX_CHANNELS) or channels in (1, 3, 4)):
        # The k x k median centred on a block's middle pixel is the block's median.
        full = cv2.medianBlur(padded, k)
        return np.ascontiguousarray(full[k // 2::k, k // 2::k]).reshape(out_shape)
    work = padded.view(np.uint8) if name == "bool" else padded
    blocks = np.sort(_blocks(work, kh, kw), axis=-1)
    n = kh * kw
    if n % 2 == 1:
        out = blocks[..., n // 2]
    else:
        lo, hi = blocks[..., n // 2 - 1], blocks[..., n // 2]
        if work.dtype.kind == "f":
            out = (lo * 0.5 + hi * 0.5).astype(work.dtype)
        else:
            out = ((lo.astype(np.int64) + hi.astype(np.int64) + 1) >> 1).astype(work.dtype)
    out = np.ascontiguousarray(out)
    if name == "bool":
        out = out.view(np.bool_)
    return out.reshape(out_shape)


def pool(image: np.ndarray, kh: int, kw: int, mode: str) -> np.ndarray:
    """Dispatch to the pooling function of ``mode`` (one of :data:`POOL_MODES`)."""
    if mode == "average":
        return average_pool(image, kh, kw)
    if mode == "max":
        return max_pool(image, kh, kw)
    if mode == "min":
        return min_pool(image, kh, kw)
    if mode == "median":
        return median_pool(image, kh, kw)
    raise ValueError("mode must be one of %s, got %r" % (", ".join(POOL_MODES), mode))


def unpool_to_size(pooled: np.ndarray, kh: int, kw: int, height: int, width: int
                   ) -> np.ndarray:
    """Scale a pooled image up by exactly ``(kh, kw)`` (cubic) and crop to ``height x width``.

    Scaling by the block size and cropping the padding keeps every pixel
    where it was before pooling.
    """
    h, w = pooled.shape[0] * kh, pooled.shape[1] * kw
    if pooled.dtype.kind == "f":
        big = _linear_float(lambda a: resize_image(a, h, w, "cubic"), pooled)
    else:
        big = resize_image(pooled, h, w, "cubic")
    if big.shape[0] == height and big.shape[1] == width:
        return big
    return np.ascontiguousarray(big[:height, :width])


def pool_map(arr: np.ndarray, image_hw: tuple, pooled_hw: tuple, kh: int, kw: int,
             nearest: bool) -> np.ndarray:
    """Shrink a heatmap/segmentation array like its image was pooled.

    The map (possibly smaller than the image) is edge-padded by the map
    equivalent of the image padding, then resized to its share of the pooled
    size: area averaging for heatmaps, nearest-neighbour at block centres for
    segmentation maps (no new labels). A map the size of its image follows
    the image's blocks exactly.
    """
    h, w = arr.shape[:2]
    ih, iw = image_hw
    oh, ow = pooled_hw
    th = max(1, round(h * oh / ih)) if h and ih else 0
    tw = max(1, round(w * ow / iw)) if w and iw else 0
    if h == 0 or w == 0 or th == 0 or tw == 0:
        return np.zeros((th, tw) + arr.shape[2:], dtype=arr.dtype)
    ph = max(h, round(h * oh * kh / ih))
    pw = max(w, round(w * ow * kw / iw))
    if (ph, pw) != (h, w):
        src = np.ascontiguousarray(arr)
        arr = cv2.copyMakeBorder(src, 0, ph - h, 0, pw - w, cv2.BORDER_REPLICATE).reshape(
            (ph, pw) + arr.shape[2:])
    code = cv2.INTER_NEAREST_EXACT if nearest else cv2.INTER_AREA
    work = np.ascontiguousarray(arr)
    return apply_channelwise(lambda a: cv2.resize(a, (tw, th), interpolation=code), work
                             ).reshape((th, tw) + arr.shape[2:])
