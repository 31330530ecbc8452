"""Pure uint8 kernels that reproduce Pillow's ImageOps, ImageEnhance and ImageFilter.

Every function here returns exactly what the corresponding Pillow call returns
(verified pixel by pixel in ``tests/test_pillike.py``), computed with numpy and
OpenCV; Pillow itself is never imported. The behaviour reproduced, established
by experiment:

* ImageOps: ``solarize`` keeps values below the threshold and inverts the rest;
  ``posterize`` clears the low ``8 - bits`` bits; ``equalize`` and
  ``autocontrast`` build one lookup table per channel from its histogram.
* ImageEnhance blends the image with a degenerate image in float32:
  ``trunc(d + a * (x - d))`` with ``a`` rounded to float32, each step rounded to
  float32, then clipped to [0, 255]. Degenerates: black (brightness), the
  rounded mean of the luma image (contrast), the luma image (colour) and the
  SMOOTH-filtered image (sharpness).
* Luma is ``(19595 R + 38470 G + 7471 B + 32768) >> 16``.
* ImageFilter kernels are applied as correlations whose kernel rows run from
  the row below the pixel to the row above it; each kernel row is summed left to
  right in float32 with weights ``k / scale`` rounded to float32, the row sums are
  added to ``offset + 0.5`` in order, and the result is truncated and clipped.
  Pixels closer to the border than the kernel radius keep their input values.

Channel layout (all kernels): ``(H,W)`` and ``(H,W,1)`` are gray, ``(H,W,3)`` is
RGB and ``(H,W,4)`` is RGB plus an alpha channel that is returned unchanged.
Callers validate the layout (:func:`check_layout`).
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict

import cv2
import numpy as np

__all__ = [
    "FILTERS", "LAYOUT_ERROR", "check_layout", "solarize_lut", "posterize_lut", "equalize_lut",
    "autocontrast_lut", "apply_channel_luts", "solarize", "posterize", "equalize",
    "autocontrast", "luma", "enhance_brightness", "enhance_contrast", "enhance_color",
    "enhance_sharpness", "blend_float32", "filter_image", "affine_indices", "affine_image",
    "affine_map", "affine_xy", "scaled_coefficients",
]

LAYOUT_ERROR = ("image: pillike augmenters take (H,W), (H,W,1), (H,W,3) or (H,W,4) uint8 "
                "images (a 4th channel is alpha and is kept), got shape %s")

_IDENTITY = np.arange(256, dtype=np.uint8)
_IDENTITY.flags.writeable = False
_RAMP = np.arange(256, dtype=np.float64)
_F32 = np.float32
# Luma weights scaled by 2**-16: every product and partial sum of a uint8 pixel is exact in
# float32, so a float32 transform plus truncation gives Pillow's integer formula bit for bit.
_LUMA_MATRIX = np.array([[19595.0 / 65536.0, 38470.0 / 65536.0, 7471.0 / 65536.0, 0.5]],
                        dtype=np.float32)
# calcHist counts in float32: exact below 2**24 pixels per channel.
_CALCHIST_MAX_PIXELS = 1 << 24


_LOCAL = threading.local()
# Scratch arrays above this size are not kept between calls.
_SCRATCH_MAX_BYTES = 16 << 20


def scratch(name: str, shape: tuple, dtype: type = np.float32) -> np.ndarray:
    """A per-thread work array reused between calls (never returned to callers).

    Fresh multi-megabyte temporaries cost page faults on every call, which can
    exceed the arithmetic done in them; kernels keep their float intermediates here.
    """
    pool = getattr(_LOCAL, "pool", None)
    if pool is None:
        pool = _LOCAL.pool = {}
    arr = pool.get(name)
    if arr is None or arr.shape != shape or arr.dtype != dtype:
        arr = np.empty(shape, dtype=dtype)
        if arr.nbytes <= _SCRATCH_MAX_BYTES:
            pool[name] = arr
    return arr


def check_layout(image: np.ndarray) -> None:
    """Refuse channel counts other than none, 1, 3 and 4 (``ValueError`` naming ``image``)."""
    if image.ndim == 3 and image.shape[2] not in (1, 3, 4):
        raise ValueError(LAYOUT_ERROR % (image.shape,))


# ------------------------------------------------------------------ layout helpers

def _plane_view(image: np.ndarray) -> np.ndarray:
    """``(H,W,1)`` as ``(H,W)`` (a view); other layouts unchanged."""
    if image.ndim == 3 and image.shape[2] == 1:
        return image[:, :, 0]
    return image


def _restore(out: np.ndarray, like: np.ndarray) -> np.ndarray:
    """Give ``out`` the channel axis layout of ``like`` (cv2 drops singleton axes)."""
    if like.ndim == 3 and out.ndim == 2:
        out = out[:, :, np.newaxis]
    return np.ascontiguousarray(out)


def _color_channels(image: np.ndarray) -> int:
    """Number of colour channels (alpha excluded)."""
    if image.ndim == 2:
        return 1
    return 3 if image.shape[2] == 4 else image.shape[2]


def _with_alpha(color: np.ndarray, image: np.ndarray) -> np.ndarray:
    """Re-attach ``image``'s alpha channel to a processed ``(H,W,3)`` colour result."""
    out = np.empty(image.shape, dtype=np.uint8)
    out[:, :, :3] = color
    out[:, :, 3] = image[:, :, 3]
    return out


def _color_part(image: np.ndarray) -> np.ndarray:
    """The colour planes as a cv2-compatible array: ``(H,W)`` gray or ``(H,W,3)``."""
    plane = _plane_view(image)
    if plane.ndim == 3 and plane.shape[2] == 4:
        return np.ascontiguousarray(plane[:, :, :3])
    return plane


def _finish(result: np.ndarray, image: np.ndarray) -> np.ndarray:
    """Map a gray/RGB result back onto ``image``'s layout (alpha kept)."""
    if image.ndim == 3 and image.shape[2] == 4:
        return _with_alpha(result, image)
    return _restore(result, image)


# ----------------------------------------------------------------------- LUT kernels

@functools.lru_cache(maxsize=512)
def solarize_lut(threshold: float) -> np.ndarray:
    """Values below ``threshold`` stay, the others become ``255 - v`` (read-only, cached)."""
    lut = np.where(_IDENTITY < threshold, _IDENTITY, 255 - _IDENTITY).astype(np.uint8)
    lut.flags.writeable = False
    return lut


def posterize_lut(bits: int) -> np.ndarray:
    """Keep the ``bits`` most significant bits of each value."""
    mask = (0xFF << (8 - int(bits))) & 0xFF
    return (_IDENTITY & mask).astype(np.uint8)


def apply_channel_luts(image: np.ndarray, luts: list[np.ndarray]) -> np.ndarray:
    """Apply one 256-entry LUT per colour channel (one LUT: all of them); alpha is kept."""
    if image.size == 0:
        return image.copy()
    plane = _plane_view(image)
    n = _color_channels(image)
    if plane.ndim == 2:
        return _restore(cv2.LUT(plane, luts[0]), image)
    if len(luts) == 1 or all(lut is luts[0] for lut in luts):
        # one table for every channel is about twice as fast as per-channel tables
        out = cv2.LUT(plane, luts[0])
        if plane.shape[2] == 4:
            out[:, :, 3] = plane[:, :, 3]
        return out
    table = np.empty((1, 256, plane.shape[2]), dtype=np.uint8)
    for c in range(n):
        table[0, :, c] = luts[c if len(luts) > 1 else 0]
    if plane.shape[2] == 4:
        table[0, :, 3] = _IDENTITY
    return np.ascontiguousarray(cv2.LUT(plane, table))


def solarize(image: np.ndarray, threshold: float) -> np.ndarray:
    """``PIL.ImageOps.solarize``."""
    return apply_channel_luts(image, [solarize_lut(float(threshold))])


def posterize(image: np.ndarray, bits: int) -> np.ndarray:
    """``PIL.ImageOps.posterize``: a bitwise AND with the kept bits (alpha untouched)."""
    if image.size == 0:
        return image.copy()
    mask = (0xFF << (8 - int(bits))) & 0xFF
    src = np.ascontiguousarray(image)
    if src.ndim == 3 and src.shape[2] == 4:
        # one 32-bit AND per RGBA pixel; the alpha byte's mask is 0xFF
        word = np.array([mask, mask, mask, 255], dtype=np.uint8).view(np.uint32)[0]
        return np.bitwise_and(src.view(np.uint32), word).view(np.uint8)
    return np.bitwise_and(src, np.uint8(mask))


# ------------------------------------------------------------------ histogram kernels

def _histograms(image: np.ndarray, mask: np.ndarray | None = None) -> list[np.ndarray]:
    """int64 256-bin histogram of every colour channel (only where ``mask`` is nonzero)."""
    plane = _plane_view(image)
    n = _color_channels(image)
    if plane.shape[0] * plane.shape[1] < _CALCHIST_MAX_PIXELS:
        return [cv2.calcHist([plane], [c], mask, [256], [0, 256]).ravel().astype(np.int64)
                for c in range(n)]
    select = (slice(None), slice(None)) if mask is None else (mask != 0)
    if plane.ndim == 2:
        return [np.bincount(plane[select].ravel(), minlength=256).astype(np.int64)]
    return [np.bincount(plane[:, :, c][select].ravel(), minlength=256).astype(np.int64)
            for c in range(n)]


def equalize_lut(hist: np.ndarray) -> np.ndarray:
    """Equalisation table of one channel (identity for constant or near-empty channels).

    The step is the pixel count without the highest occupied bin, divided by 255
    (integer division); value ``i`` maps to ``(step // 2 + count below i) // step``.
    """
    occupied = hist[hist > 0]
    if occupied.size <= 1:
        return _IDENTITY
    step = (int(hist.sum()) - int(occupied[-1])) // 255
    if step == 0:
        return _IDENTITY
    below = np.concatenate(([0], np.cumsum(hist[:-1])))
    return np.minimum((below + step // 2) // step, 255).astype(np.uint8)


def autocontrast_lut(hist: np.ndarray, cutoff_low: float, cutoff_high: float) -> np.ndarray:
    """Stretch table of one channel after cutting ``cutoff`` percent off each end.

    ``total * cutoff // 100`` pixels are removed from the darkest bins and the
    same share of the total from the brightest; the remaining range
    ``[lo, hi]`` is stretched to [0, 255] with ``int(i * scale - lo * scale)``.
    """
    cumulative = np.cumsum(hist.astype(np.int64))
    total = int(cumulative[-1])
    cut_low = total * cutoff_low // 100
    cut_high = total * cutoff_high // 100
    if total - cut_low <= cut_high:
        return _IDENTITY  # everything was cut away
    # lowest bin still holding pixels after cut_low were removed from the bottom
    lo = int(np.searchsorted(cumulative, cut_low, side="right"))
    # highest bin whose pixels at or above it outnumber the cut from the top
    below = cumulative - hist
    hi = int(np.searchsorted(below, total - cut_high, side="left")) - 1
    if hi <= lo:
        return _IDENTITY
    scale = 255.0 / (hi - lo)
    # int() truncates towards zero, so the values below lo (negative) become 0 too
    return np.clip(np.trunc(_RAMP * scale - lo * scale), 0, 255).astype(np.uint8)


def equalize(image: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    """``PIL.ImageOps.equalize(image, mask)`` (per channel; ``mask``: uint8 ``(H,W)``)."""
    if image.size == 0:
        return image.copy()
    return apply_channel_luts(image, [equalize_lut(h) for h in _histograms(image, mask)])


def autocontrast(image: np.ndarray, cutoffs: tuple, ignore: tuple = ()) -> np.ndarray:
    """``PIL.ImageOps.autocontrast(image, cutoff, ignore)`` with one cutoff per colour channel.

    ``cutoffs`` holds ``(low, high)`` percentages per channel; a single pair is
    used for every channel. Histogram bins listed in ``ignore`` count as empty.
    """
    if image.size == 0:
        return image.copy()
    hists = _histograms(image)
    for h in hists:
        h[list(ignore)] = 0
    if len(cutoffs) == 1:
        cutoffs = tuple(cutoffs) * len(hists)
    return apply_channel_luts(image, [autocontrast_lut(h, lo, hi)
                                      for h, (lo, hi) in zip(hists, cutoffs, strict=False)])


# ----------------------------------------------------------------------- ImageEnhance

def _as_float(name: str, image: np.ndarray) -> np.ndarray:
    """``image`` converted to float32 in a scratch array."""
    out = scratch(name, image.shape)
    np.copyto(out, image, casting="unsafe")
    return out


def _luma_float(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(rgb as float32, integer luma as float32)``, both scratch arrays."""
    rgb_f = _as_float("rgb", rgb)
    lum = cv2.transform(rgb_f, _LUMA_MATRIX, dst=scratch("luma", rgb.shape[:2]))
    np.floor(lum, out=lum)
    return rgb_f, lum


def luma(rgb: np.ndarray) -> np.ndarray:
    """Pillow's ``convert("L")`` of an ``(H,W,3)`` uint8 RGB image, as ``(H,W)`` uint8."""
    return _luma_float(rgb)[1].astype(np.uint8)


def _blend_lut(degenerate: float, factor: float) -> np.ndarray:
    """Pillow's float32 blend of a constant with every uint8 value."""
    base = _F32(degenerate)
    values = (_RAMP.astype(np.float32) - base) * _F32(factor) + base
    np.clip(values, 0, 255, out=values)
    return values.astype(np.uint8)


def _blend_into(out: np.ndarray, base: np.ndarray, factor: float) -> np.ndarray:
    """``out`` (float32 image, overwritten) blended with float32 ``base``, as uint8."""
    np.subtract(out, base, out=out)
    np.multiply(out, _F32(factor), out=out)
    np.add(out, base, out=out)
    np.clip(out, 0, 255, out=out)
    return out.astype(np.uint8)


def blend_float32(degenerate: np.ndarray, image: np.ndarray, factor: float) -> np.ndarray:
    """``Image.blend(degenerate, image, factor)`` for uint8 arrays of one shape."""
    return _blend_into(_as_float("blend_image", image), _as_float("blend_base", degenerate),
                       factor)


def _ramp_layouts() -> list[tuple[np.ndarray, np.ndarray]]:
    """All 256 values laid out as rows of 256, 8, 3 and 1 elements (strided views).

    OpenCV's element-wise kernels run a SIMD main loop and narrower or scalar tails;
    these rows send every value through each of them.
    """
    layouts = []
    for width in (256, 8, 3, 1):
        rows = -(-256 // width)
        values = np.resize(_IDENTITY, rows * width).reshape(rows, width)
        if width == 256:
            layouts.append((values, values))
            continue
        holder = np.zeros((rows, width + 5), dtype=np.uint8)
        holder[:, :width] = values
        layouts.append((holder[:, :width], values))
    return layouts


_LAYOUTS = _ramp_layouts()
# Moves OpenCV's round-half-to-even onto truncation, far below any tested margin.
_TRUNC_SHIFT = -0.5 + 2.0 ** -14


@functools.lru_cache(maxsize=512)
def _linear_plan(alpha: float, degenerate: float) -> tuple[np.ndarray, bool]:
    """Pillow's blend table for a constant degenerate, and whether ``cv2.addWeighted``
    reproduces it bit for bit for all 256 values on every code path.

    ``alpha`` is the factor rounded to float32. Tables are cached (constant factors
    and the 256 possible means repeat); about 1 factor in 150 fails the check.
    """
    lut = _blend_lut(degenerate, alpha)
    gamma = (1.0 - alpha) * degenerate + _TRUNC_SHIFT
    fast = all(np.array_equal(cv2.addWeighted(view, alpha, view, 0.0, gamma), lut[values])
               for view, values in _LAYOUTS)
    lut.flags.writeable = False
    return lut, fast


def _linear_lut(image: np.ndarray, factor: float, degenerate: float) -> np.ndarray:
    """Blend every colour channel with a constant degenerate value (alpha kept)."""
    alpha = float(_F32(factor))
    lut, fast = _linear_plan(alpha, float(degenerate))
    if not fast:
        return apply_channel_luts(image, [lut])
    # about twice the speed of cv2.LUT
    plane = _plane_view(image)
    gamma = (1.0 - alpha) * degenerate + _TRUNC_SHIFT
    out = cv2.addWeighted(plane, alpha, plane, 0.0, gamma)
    if plane.ndim == 3 and plane.shape[2] == 4:
        out[:, :, 3] = plane[:, :, 3]
    return _restore(out, image)


def enhance_brightness(image: np.ndarray, factor: float) -> np.ndarray:
    """``ImageEnhance.Brightness(image).enhance(factor)``."""
    if image.size == 0:
        return image.copy()
    return _linear_lut(image, factor, 0.0)


def enhance_contrast(image: np.ndarray, factor: float) -> np.ndarray:
    """``ImageEnhance.Contrast(image).enhance(factor)``: blend with the rounded luma mean."""
    if image.size == 0:
        return image.copy()
    color = _color_part(image)
    total = cv2.sumElems(color if color.ndim == 2 else _luma_float(color)[1])[0]
    mean = int(float(total) / (color.shape[0] * color.shape[1]) + 0.5)
    return _linear_lut(image, factor, float(mean))


# factor (as float32) -> None (seen once) or whether cv2.addWeighted reproduces the blend
_BLEND_PLANS: OrderedDict = OrderedDict()
_BLEND_LOCK = threading.Lock()
_BLEND_PLANS_MAX = 256
_BLEND_GRIDS: list = []


def _blend_grids() -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Every (degenerate, image) uint8 pair, as one block and as rows of 8, 3 and 1 pairs."""
    if not _BLEND_GRIDS:
        degenerate = np.repeat(_IDENTITY, 256).reshape(256, 256)
        image = np.ascontiguousarray(degenerate.T)
        grids = [(degenerate, image, np.arange(65536))]
        for width in (8, 3, 1):
            rows = -(-65536 // width)
            flat = np.resize(np.arange(65536), rows * width)
            views = []
            for source in (degenerate, image):
                holder = np.zeros((rows, width + 3), dtype=np.uint8)
                holder[:, :width] = source.ravel()[flat].reshape(rows, width)
                views.append(holder[:, :width])
            grids.append((views[0], views[1], flat))
        _BLEND_GRIDS[:] = grids
    return _BLEND_GRIDS


def _blend_is_linear(alpha: float) -> bool:
    """Whether ``cv2.addWeighted`` reproduces Pillow's float32 blend for factor ``alpha``.

    Checked on all 65536 value pairs and on every OpenCV code path, once per factor
    and only when a factor comes back (constant or listed factors), so factors
    drawn from continuous ranges never pay the ~2 ms check.
    """
    with _BLEND_LOCK:
        known = alpha in _BLEND_PLANS
        plan = _BLEND_PLANS.get(alpha)
        if known:
            _BLEND_PLANS.move_to_end(alpha)
    if plan is not None:
        return plan
    if not known:
        with _BLEND_LOCK:
            _BLEND_PLANS[alpha] = None
            while len(_BLEND_PLANS) > _BLEND_PLANS_MAX:
                _BLEND_PLANS.popitem(last=False)
        return False
    grids = _blend_grids()
    expected = blend_float32(grids[0][0], grids[0][1], alpha).ravel()
    plan = True
    for degenerate, image, index in grids:
        out = cv2.addWeighted(image, alpha, degenerate, 1.0 - alpha, _TRUNC_SHIFT)
        if not np.array_equal(out.ravel(), expected[index]):
            plan = False
            break
    with _BLEND_LOCK:
        _BLEND_PLANS[alpha] = plan
    return plan


def _blend(degenerate: np.ndarray, color: np.ndarray, factor: float) -> np.ndarray:
    """Pillow's blend of two same-shape uint8 arrays."""
    alpha = float(_F32(factor))
    if _blend_is_linear(alpha):
        return cv2.addWeighted(color, alpha, degenerate, 1.0 - alpha, _TRUNC_SHIFT)
    return blend_float32(degenerate, color, alpha)


def enhance_color(image: np.ndarray, factor: float) -> np.ndarray:
    """``ImageEnhance.Color(image).enhance(factor)``: blend with the luma image.

    Gray images are their own degenerate, so they come back unchanged.
    """
    if image.size == 0 or _color_channels(image) == 1:
        return image.copy()
    color = _color_part(image)
    alpha = float(_F32(factor))
    rgb_f, lum = _luma_float(color)
    if _blend_is_linear(alpha):
        gray3 = cv2.cvtColor(lum.astype(np.uint8), cv2.COLOR_GRAY2RGB)
        out = cv2.addWeighted(color, alpha, gray3, 1.0 - alpha, _TRUNC_SHIFT)
    else:
        base = cv2.cvtColor(lum, cv2.COLOR_GRAY2RGB, dst=scratch("luma3", color.shape))
        out = _blend_into(rgb_f, base, alpha)
    return _finish(out, image)


def enhance_sharpness(image: np.ndarray, factor: float) -> np.ndarray:
    """``ImageEnhance.Sharpness(image).enhance(factor)``: blend with the SMOOTH-filtered image."""
    if image.size == 0:
        return image.copy()
    color = _color_part(image)
    smooth = _filter_color(color, "SMOOTH")
    return _finish(_restore(_blend(smooth, color, factor), color), image)


# ------------------------------------------------------------------------ ImageFilter

class _Kernel:
    """One ImageFilter kernel: integer weights (Pillow's row order), scale and offset."""

    def __init__(self, size: int, scale: int, offset: int, weights: tuple) -> None:
        self.size = size
        self.scale = scale
        self.offset = offset
        self.weights = np.array(weights, dtype=np.float64).reshape(size, size)
        # Pillow's first kernel row multiplies the row below the pixel: as a correlation
        # (what cv2.filter2D computes) the rows are reversed.
        self.correlation = np.ascontiguousarray(self.weights[::-1] / scale).astype(np.float32)
        # Weights k/scale with power-of-two scales are exact in float32 and OpenCV's float
        # sums are then exact; SMOOTH (13) can never land on .5. Either way rounding the exact
        # value half up equals Pillow's float32 result, which a tiny delta gives cv2.filter2D.
        self.exact = scale in (1, 2, 16, 13)
        self.float_weights = (self.weights / scale).astype(np.float32)


# name -> (size, scale, offset, weights in Pillow's order)
FILTERS: dict[str, _Kernel] = {
    "BLUR": _Kernel(5, 16, 0, (1, 1, 1, 1, 1,
                               1, 0, 0, 0, 1,
                               1, 0, 0, 0, 1,
                               1, 0, 0, 0, 1,
                               1, 1, 1, 1, 1)),
    "CONTOUR": _Kernel(3, 1, 255, (-1, -1, -1, -1, 8, -1, -1, -1, -1)),
    "DETAIL": _Kernel(3, 6, 0, (0, -1, 0, -1, 10, -1, 0, -1, 0)),
    "EDGE_ENHANCE": _Kernel(3, 2, 0, (-1, -1, -1, -1, 10, -1, -1, -1, -1)),
    "EDGE_ENHANCE_MORE": _Kernel(3, 1, 0, (-1, -1, -1, -1, 9, -1, -1, -1, -1)),
    "EMBOSS": _Kernel(3, 1, 128, (-1, 0, 0, 0, 1, 0, 0, 0, 0)),
    "FIND_EDGES": _Kernel(3, 1, 0, (-1, -1, -1, -1, 8, -1, -1, -1, -1)),
    "SHARPEN": _Kernel(3, 16, 0, (-2, -2, -2, -2, 32, -2, -2, -2, -2)),
    "SMOOTH": _Kernel(3, 13, 0, (1, 1, 1, 1, 5, 1, 1, 1, 1)),
    "SMOOTH_MORE": _Kernel(5, 100, 0, (1, 1, 1, 1, 1,
                                       1, 5, 5, 5, 1,
                                       1, 5, 44, 5, 1,
                                       1, 5, 5, 5, 1,
                                       1, 1, 1, 1, 1)),
}

# Added before OpenCV's round-half-to-even so that exact .5 results round up as in Pillow;
# far below the 1/16 granularity of the exact kernels' results.
_HALF_UP = 2.0 ** -10


def _filter_exact(color: np.ndarray, kernel: _Kernel) -> np.ndarray:
    return cv2.filter2D(color, -1, kernel.correlation, delta=kernel.offset + _HALF_UP,
                        borderType=cv2.BORDER_REPLICATE)


def _filter_emulated(color: np.ndarray, kernel: _Kernel) -> np.ndarray:
    """Pillow's float32 evaluation order, for kernels whose exact results can tie at .5.

    Products ``pixel * (k / scale)`` are rounded to float32; each kernel row is
    summed left to right, the row sums are added to ``offset + 0.5`` from the
    first kernel row (the row below the pixel) on, and the sum is truncated.
    Zero weights are skipped: adding an exact 0.0 changes nothing.
    """
    r = kernel.size // 2
    h, w = color.shape[:2]
    ih, iw = h - 2 * r, w - 2 * r
    src = _as_float("filter_src", color)
    products: dict[float, np.ndarray] = {}
    for i, weight in enumerate(np.unique(kernel.float_weights[kernel.float_weights != 0])):
        products[float(weight)] = np.multiply(src, weight,
                                              out=scratch("filter_p%d" % i, color.shape))
    # Equal kernel rows give equal row sums: compute each distinct row once for all
    # image rows, then add the shifted slices (SMOOTH_MORE has 3 distinct rows of 5).
    row_sums: dict[tuple, np.ndarray] = {}
    for weights in map(tuple, kernel.float_weights):
        if weights in row_sums or not any(weights):
            continue
        terms = [products[float(wt)][:, kc:kc + iw] for kc, wt in enumerate(weights) if wt != 0]
        part = terms[0]
        if len(terms) > 1:
            # cv2 adds in place on strided views, about twice numpy's speed
            buffer = scratch("filter_row%d" % len(row_sums), (h, iw) + color.shape[2:])
            part = cv2.add(terms[0], terms[1], dst=buffer)
            for term in terms[2:]:
                part = cv2.add(part, term, dst=buffer)
        row_sums[weights] = part
    total = scratch("filter_total", (ih, iw) + color.shape[2:])
    total.fill(_F32(kernel.offset + 0.5))
    for kr, weights in enumerate(map(tuple, kernel.float_weights)):
        if weights in row_sums:
            y0 = 2 * r - kr  # kernel row kr reads image row y + r - kr
            total = cv2.add(total, row_sums[weights][y0:y0 + ih], dst=total)
    np.clip(total, 0, 255, out=total)
    return total.astype(np.uint8)


def _filter_color(color: np.ndarray, name: str) -> np.ndarray:
    """Filter a gray ``(H,W)`` or RGB ``(H,W,3)`` uint8 array; border pixels keep their values."""
    kernel = FILTERS[name]
    r = kernel.size // 2
    h, w = color.shape[:2]
    if h <= 2 * r or w <= 2 * r:
        return color.copy()
    if kernel.exact:
        out = _filter_exact(color, kernel)
    else:
        out = color.copy()
        out[r:h - r, r:w - r] = _filter_emulated(color, kernel)
        return out
    # the border keeps the input's pixels
    out[:r] = color[:r]
    out[h - r:] = color[h - r:]
    out[:, :r] = color[:, :r]
    out[:, w - r:] = color[:, w - r:]
    return out


def filter_image(image: np.ndarray, name: str) -> np.ndarray:
    """``image.filter(ImageFilter.<name>)`` for a gray, RGB or RGBA (alpha kept) uint8 array."""
    if image.size == 0:
        return image.copy()
    return _finish(_filter_color(_color_part(image), name), image)


# ----------------------------------------------------------------- Image.transform AFFINE
#
# Pillow maps every output pixel centre (x + 0.5, y + 0.5) through the inverse
# coefficients (a, b, c, d, e, f) and takes the input pixel containing the result,
# or the fill colour when it lies outside. Two evaluation modes, established by
# experiment: 16.16 fixed point (coefficients and the first pixel's position
# rounded) when there is rotation or shear and all four linear coefficients stay
# below 2**15 in magnitude; otherwise running double-precision sums (down the
# first column, then along each row), which separate per axis without rotation or
# shear. In the continuous pixel convention the forward map of a point is
# therefore exactly the inverse of these coefficients.

_FIXED_LIMIT = 32768.0


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
    # running double sums: down the first column by (b, e), then along each row by (a, d)
    return (_running((c + a * 0.5 + b * 0.5, b, a), oh, ow),
            _running((f + d * 0.5 + e * 0.5, e, d), oh, ow))


def _running(terms: tuple, oh: int, ow: int) -> np.ndarray:
    start, row_step, col_step = terms
    starts = np.cumsum(np.concatenate(([start], np.full(max(oh - 1, 0), row_step))))[:oh]
    grid = np.full((oh, max(ow, 1)), col_step)
    grid[:, 0] = starts
    return np.floor(np.cumsum(grid, axis=1)[:, :ow])


def _float_maps(coeffs: tuple, out_hw: tuple) -> tuple[np.ndarray, np.ndarray]:
    """Pillow's source indices as float32 maps for ``cv2.remap`` (scratch arrays).

    Indices are integers; those beyond float32's exact range lie far outside any
    image OpenCV can remap, so the conversion never moves one inside.
    """
    ix, iy = _raw_indices(coeffs, out_hw)
    map_x = scratch("affine_x", tuple(out_hw))
    map_y = scratch("affine_y", tuple(out_hw))
    np.copyto(map_x, ix, casting="unsafe")
    np.copyto(map_y, iy, casting="unsafe")
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


# cv2.remap addresses source pixels with 16-bit integers
_REMAP_MAX_SIDE = 32767


def _warp(arr: np.ndarray, coeffs: tuple, fill: tuple) -> np.ndarray:
    """Pillow's nearest-neighbour affine warp of ``arr`` onto its own size."""
    hw = arr.shape[:2]
    if max(hw) >= _REMAP_MAX_SIDE or arr.dtype.name not in ("uint8", "float32"):
        ix, iy = affine_indices(coeffs, hw, hw)
        return _gather(arr, ix, iy, fill, hw)
    map_x, map_y = _float_maps(coeffs, hw)

    def remap(part: np.ndarray, values: tuple) -> np.ndarray:
        border = tuple(float(v) for v in values) + (0.0,) * (4 - len(values))
        return cv2.remap(part, map_x, map_y, cv2.INTER_NEAREST,
                         borderMode=cv2.BORDER_CONSTANT, borderValue=border)

    if arr.ndim == 2 or arr.shape[2] <= 4:
        channels = 1 if arr.ndim == 2 else arr.shape[2]
        return _restore(remap(arr, tuple(fill[:channels])), arr)
    parts = [_restore(remap(np.ascontiguousarray(arr[:, :, i:i + 4]), tuple(fill[i:i + 4])),
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
